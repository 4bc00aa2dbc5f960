/**
 * A walk reply asking for a service (还想问问残疾证咋办, 俺想申请残疾人两项补贴, 想办个残疾人证, 上户口咋办) rather than
 * answering: what it asks for, and whether that is the step asked, one of the item's papers or another item. Read
 * before the reply's words are taken as an answer: 残疾证 holds 残疾, a 说法 of 家里有没有残疾或生重病的人？'s 是, and
 * 人证 is in the 军人证 of a material's note, but the resident asks for a paper or a benefit, not how things are.
 */
import type { CatalogItem, Material } from '../catalog/types.js'
import { decide, SURE_SCORE } from '../match/decide.js'
import { offerItem, offerSwitch } from './actions.js'
import { covered, headedBy, SHARED_BY_MATERIALS, withSynonyms } from './material-words.js'
import { materialStatuses, presumedIn, type WalkStep } from './materials.js'
import { currentWalkStep, fullPrompt } from './prompts.js'
import { itemMaterialFields } from './questions-back.js'
import type { DialogState } from './schema.js'
import { optionSaid } from './situation-answers.js'
import { render } from './template.js'
import { comparable, comparableFixed, read, type Reading } from './text.js'
import { currentItem, say, stateOf, type Turn } from './turn.js'

/** Who is speaking, and wanting (还想, 也要, 打算, 俺是想): before the verb or the thing asked for. */
const LEAD = '(?:我们|俺们|咱们|我|俺|咱)?(?:家)?(?:还|也|再|就)?(?:是|就是|其实是)?(?<want>想|要|得|准备|打算)?'
/** Asking about a thing: 问问, 打听, 咨询, or 问 after a wish (俺想问问残疾人两项补贴, 俺是想问五保). */
const ABOUT = '(?<about>问问|问一下|问下|打听一下|打听|咨询一下|咨询|请问|(?<=想|要)问)?'
/** Asking how or where, just before the verb: 咋, 怎么, 去哪, 能, 该怎么去. */
const HOW = '(?<how>(?:该|能不能|可不可以|能|可以|要|得|想|需要)?(?:咋|怎么|怎样|如何|去哪里|去哪儿|去哪|在哪里|在哪儿|在哪|到哪里|到哪|上哪|哪里|哪儿|哪)?(?:去|才能|能)?)'
/** The verbs of asking for a service. */
const VERB = '(?:办理|申请|申领|领取|补办|补领|办|领|补)'
/** What a request asks after naming the thing: 要啥, 咋办, 行不 … */
const TAIL = '(?<tail>要啥|要什么|需要啥|需要什么|要带啥|得带啥|带啥|要哪些|咋办|怎么办|咋弄|怎么弄|行不行|行不|行吗|可以吗|能行吗|中不|去哪|在哪|不|吗)?'
/** The thing asked for (checked with NOT_A_THING). */
const THING = '(?<thing>\\p{Script=Han}{2,10}?)'

/** 残疾证咋办, 残疾人补贴怎么领, 还想问问残疾证咋办, 残疾证能办不: the thing, then how to get it. */
const THING_THEN_VERB = new RegExp(`^${LEAD}${ABOUT}${THING}${HOW}${VERB}(?<end>不|吗)?(?:呢|啊|呀|嘛)?$`, 'u')
/** 想办个残疾证, 俺想申请卧床老人补贴, 办残疾证要啥, 能办残疾证不: the verb, then the thing (个体户 is one, 办个体户). */
const VERB_THEN_THING = new RegExp(`^${LEAD}${HOW}${VERB}(?:一?个(?!体)|一下|一?张|一?本|一?份)?${THING}${TAIL}$`, 'u')
/** 俺想问问残疾人两项补贴, 打听一下低保的事: asking about the thing. */
const ASKING_ABOUT = new RegExp(`^${LEAD}${ABOUT}${THING}(?:的事儿|的事|这事|的事咋办|咋办|怎么办|咋弄|怎么弄)?$`, 'u')

/**
 * 接着上次的残疾证, 接着办残疾证, 回到残疾证那个, 还是继续办残疾证吧: going back to a thing asked about before (not 接着刚才的,
 * 回到上一步: the walk's own going back).
 */
const GOING_BACK = new RegExp(
  `^(?:还是)?${LEAD}(?<back>接着|继续|回到|回去|返回到?)(?:上次|上回|刚才|之前|前面|原来)?的?(?:${VERB}|问|说|核对)?的?(?!上一|上个|刚才|上次|前面)${THING}(?:那个|那件事|那事|的事儿|的事|那一?项)?(?:吧|呢|啊|呀)?$`,
  'u',
)

/** Characters no name of a thing holds: who (自己, 找人), pointing, asking (多少, 能), what has happened (了, 过), negation. */
const NOT_A_THING = /[我俺咱你他她它自帮找这那咋啥什么吗呢哪谁多几能了过着没不未非无别]/u

/** Where a reply is cut into what it says one after the other. */
const PIECES = /[\s,，。.;；!！?？、~～]+/u

/**
 * The thing a reply asks for (compared form): a verb of asking for a service (办, 申请, 领, 补) or asking about (问问,
 * 打听) with the thing it is about, in one piece of the reply, said as a question or a wish (咋, 怎么, 想, 要 …), or
 * going back to it (接着办残疾证).
 * Undefined when no piece asks so, or the words next to the verb name no thing (身份证丢了咋补: a loss told).
 */
export function requestedThing(r: Reading): string | undefined {
  for (const piece of r.raw.split(PIECES)) {
    const text = comparable(piece)
    for (const pattern of [THING_THEN_VERB, VERB_THEN_THING, ASKING_ABOUT, GOING_BACK]) {
      const m = pattern.exec(text)
      const g = m?.groups
      if (g === undefined || NOT_A_THING.test(g.thing!)) continue
      if (pattern === GOING_BACK) return g.thing
      // 残疾证办 alone is no request: a wish (想), a question (咋, 要啥, 不) or asking about it (问问) makes it one.
      const asking = (g.about ?? '') !== '' || (pattern !== ASKING_ABOUT && ((g.how ?? '') !== '' || (g.tail ?? '') !== '' || g.end !== undefined))
      if (g.want === undefined && !asking) continue
      if (pattern === ASKING_ABOUT && (g.about ?? '') === '') continue
      return g.thing
    }
  }
  return undefined
}

/**
 * Whether `thing` names the material `m`: all of it but one character is in the name, in runs of two or more (with
 * the catalogue's variants put back: 户口本 for 户口簿), not only words every name has (证明), and it ends as the name,
 * or one of the things the name lists, ends: the last word of a name says what it is (残疾证 is the 残疾人证 of 残疾人证
 * 或住院病历、诊断证明; 上户口 is no 户口簿, 低保 no 低保备案表, 参保凭证 no 农药购买凭证). Nor is a variant of a standard
 * word another name holds (二代证 is a 居民身份证, not the 第二代残疾人证).
 */
export function namesPaper(t: Turn, thing: string, m: Material): boolean {
  const synonyms = t.ctx.catalog.synonyms
  const name = comparableFixed(m.name)
  const standard = synonyms.find((s) => s.variants.some((v) => comparableFixed(v) === thing))
  // (低保证, a variant of 最低生活保障, is the material 低保证 all the same: the name holds it as said.)
  if (standard !== undefined && !name.includes(comparableFixed(standard.canonical)) && !name.includes(thing)) return false
  const said = withSynonyms(thing, m.name, synonyms)
  if (covered(said, name) < Math.max(2, said.length - 1)) return false
  let own = false
  for (let k = 0; k + 2 <= said.length && !own; k++) own = !SHARED_BY_MATERIALS.has(said.slice(k, k + 2)) && name.includes(said.slice(k, k + 2))
  return own && headedBy(m.name, said.slice(-1))
}

/** The item other than the one at hand the matcher finds for `text`: clearly, or (`sureEnough`) at least surely. */
function otherItem(t: Turn, text: string, sureEnough: boolean): CatalogItem | undefined {
  const decision = decide(t.ctx.matcher.match(text))
  if (decision.kind !== 'sure' || decision.result.item.id === t.s.itemId) return undefined
  return decision.clear || sureEnough ? decision.result.item : undefined
}

/** The item other than the one at hand the matcher finds clearly for `text` (残疾证: 办理残疾人证). */
export function clearlyOther(t: Turn, text: string): CatalogItem | undefined {
  return otherItem(t, text, false)
}

/** The item other than the one at hand the matcher is at least sure of for `text` (五保: 特困人员救助供养申请). */
export function surelyOther(t: Turn, text: string): CatalogItem | undefined {
  return otherItem(t, text, true)
}

/** Whether `thing` reads as a situation of the item (老头瘫痪: 家里有没有残疾或生重病的人？ 是): said, not asked for. */
export function situationOf(t: Turn, item: CatalogItem, thing: string): boolean {
  if (presumedIn(item, thing).size > 0) return true
  const reading = read(thing, t.vocab)
  return item.questions.some((q) => optionSaid(q, reading) !== undefined)
}

/** Asking how to go about a matter, at the end of a reply: 咋办, 怎么弄, 要带啥, 去哪办 … */
const HOW_ASKED = /(?:咋办|怎么办|咋弄|怎么弄|咋整|怎么整|咋申请|怎么申请|要带啥|要带什么|带啥|要啥|要什么|需要啥|需要什么|去哪办|在哪办)(?:呢|啊|呀)?$/u
/** Someone of the family as the subject, said first (俺孩子, 外地孩子, 我闺女): the matter is theirs, not the resident's. */
const OTHER_PERSON = /^(?:[我俺咱]们?家?的?|外地的?|家里的?)*(?:孩子|小孩|娃|孙子|孙女|外孙|闺女|女儿|儿子|儿媳|媳妇|老伴|老头|老婆|爹|娘|父亲|母亲|爸|妈|婆婆|公公)/u
/** A question asking about the household or someone in it, not about the resident alone (家里有没有…, 老人是…). */
const ASKS_OF_OTHERS = /家|老人|孩子|子女|配偶|亲属|老伴|父母|对方|申请人/u

/**
 * The item another family member's matter asked about belongs to (俺孩子上学咋办 at the 居住证 walk: 随迁子女义务教育入学
 * 申请): a how-question with the person as its subject, which the matcher surely finds another item for, and which
 * answers, if anything, only questions asked of the resident (您在这边是上班、有住处，还是上学？ its 上学). A question
 * answering a question about the household stays an answer (俺老头瘫痪咋办 at 家里有没有残疾或生重病的人？).
 */
export function othersMatterAsked(t: Turn, r: Reading): CatalogItem | undefined {
  if (!HOW_ASKED.test(r.plain) || !OTHER_PERSON.test(r.plain)) return undefined
  const item = currentItem(t)
  if (item === undefined) return undefined
  const answered = item.questions.filter((q) => optionSaid(q, r) !== undefined)
  if (answered.some((q) => !q.prompt.includes('您') || ASKS_OF_OTHERS.test(q.prompt))) return undefined
  return otherItem(t, r.raw, true)
}

/** 另外 …, 我还想办 … (vocabulary.yaml anotherMatter): the reply asks for another matter in so many words. */
export function asksAnotherMatter(t: Turn, r: Reading): boolean {
  return t.vocab.anotherMatter.some((w) => r.full.includes(w))
}

/**
 * Whether a reply asks for something other than the step asked (see requestedThing): at a material question, a thing
 * not that material (二代证怎么领 at the 身份证 is about it); at a situation question, any thing (its answer is said,
 * not asked for).
 */
export function requestsOtherThing(t: Turn, step: WalkStep, r: Reading): boolean {
  const thing = requestedThing(r)
  if (thing === undefined) return false
  return step.kind !== 'material' || !namesPaper(t, thing, step.material)
}

/**
 * A reply of several pieces some of which ask for a service (还想办个残疾证) and some not (身份证有): the two apart.
 * Undefined when every piece asks, or none.
 */
export function answerAndRequest(t: Turn, r: Reading): { answer: Reading; request: Reading } | undefined {
  const pieces = r.raw.split(PIECES).filter((p) => comparable(p) !== '')
  if (pieces.length < 2) return undefined
  const asking = pieces.map((p) => {
    const piece = read(p, t.vocab)
    return requestedThing(piece) !== undefined || asksAnotherMatter(t, piece)
  })
  if (asking.every((a) => a) || !asking.some((a) => a)) return undefined
  const join = (want: boolean) => read(pieces.filter((_, k) => asking[k] === want).join(' '), t.vocab)
  return { answer: join(false), request: join(true) }
}

/**
 * A reply at a walk step asking for another matter or for a thing other than the material asked, before any answer is
 * read in it: another item asked for in so many words (另外, 还想问) or clearly named is offered as a switch (the
 * resident may go back with 不是，接着刚才的); one of the item's papers is said where to get, with the step again;
 * another item the matcher is sure of, where the thing is no situation of this item (老头瘫痪咋办 tells one), is
 * offered. Undefined when the reply asks for nothing of the kind: the walk reads it on.
 */
export function requestAway(
  t: Turn,
  state: Extract<DialogState, { kind: 'materials' }>,
  step: WalkStep,
  r: Reading,
  answer?: (r: Reading) => boolean,
): boolean | undefined {
  let thing = requestedThing(r)
  let another = asksAnotherMatter(t, r)
  if (thing === undefined && !another) return undefined
  // 身份证有 还想办个残疾证: the pieces that answer are taken first (by `answer`, which undoes what answers nothing),
  // then only the asking is offered (it offered 居民身份证 too, and the 有 was lost).
  // 不对，我想问残疾证的事, 不是 俺想办五保: the 不对 sets the matter straight, it is no 没有 of the step asked.
  const split = answer === undefined ? undefined : answerAndRequest(t, r)
  const correctsOnly = split !== undefined && (t.vocab.corrections.has(split.answer.plain) || t.vocab.corrections.has(split.answer.full))
  const answered = split !== undefined && !correctsOnly && answer!(split.answer)
  if (answered) {
    const now = currentWalkStep(t)
    if (stateOf(t) !== state || now === undefined) return true
    step = now
    r = split.request
    thing = requestedThing(r)
    another = asksAnotherMatter(t, r)
    if (thing === undefined && !another) return undefined
  }
  const item = currentItem(t)!
  // 二代证怎么领, 临时身份证咋办 at the 身份证: about the material asked, which the walk answers; once an answer was
  // taken (五保户，五保证咋领, and the 特困人员救助供养证 is asked now), where to get it said here.
  if (thing !== undefined && step.kind === 'material' && namesPaper(t, thing, step.material)) {
    if (!answered) return undefined
    return whereThenAsk(t, state, item, step.material, true)
  }
  if (another && offerSwitch(t, r.raw, state.unsure, SURE_SCORE)) return true
  if (thing === undefined) return undefined
  const clear = otherItem(t, thing, false) ?? otherItem(t, r.raw, false)
  // 低保证要补办, 残疾证咋办: one of the item's own papers is said where to get before any item the matcher finds (低保证
  // found 最低生活保障申请, offered with the 低保户 said before it as if that were the question). The other item is
  // still offered after it when it is the one issuing that paper (办理残疾人证 for 残疾证).
  const paper = item.materials.find((m) => m.notice !== true && namesPaper(t, thing, m))
  if (paper !== undefined) {
    if (clear === undefined || !namesPaper(t, thing, { ...paper, name: clear.name })) return whereThenAsk(t, state, item, paper, answered)
    say(t, render(t.defs.messages.walk.whereToGet, itemMaterialFields(t, item, paper)))
    offerItem(t, r.raw, clear)
    return true
  }
  if (clear !== undefined) {
    offerItem(t, r.raw, clear)
    return true
  }
  if (situationOf(t, item, thing)) return undefined
  const sure = otherItem(t, thing, true)
  if (sure === undefined) return undefined
  offerItem(t, r.raw, sure)
  return true
}

/** Where to get `paper`, then the step asked again; `moved`: whether the reply recorded an answer before it. */
function whereThenAsk(t: Turn, state: Extract<DialogState, { kind: 'materials' }>, item: CatalogItem, paper: Material, moved: boolean): boolean {
  say(t, render(t.defs.messages.walk.whereToGet, itemMaterialFields(t, item, paper)))
  say(t, fullPrompt(t, state))
  return moved
}

/** A paper's name said alone, as residents say one (残疾证, 医保卡, 户口本, 收入证明). */
const BARE_PAPER = /^\p{Script=Han}{1,5}(?:[证卡本簿照]|证明)$/u
/** Words of having or not, yes or no, whose, anywhere in it: 有残疾证, 没残疾证, 外地的有居住证 answer. */
const ANSWER_WORD = /有|没|无|木|是|不|冇|的/u
/** Words of wanting, asking or doing: 想办个残疾人证 asks for a service, it does not name a paper alone. */
const WANT_WORD = /[想要办领补申问咋怎哪啥个]/u

/** Whether a reply is a paper's name said alone (医保卡), with no word of having, yes or no, wanting or asking. */
export function paperAlone(plain: string): boolean {
  return BARE_PAPER.test(plain) && !ANSWER_WORD.test(plain) && !WANT_WORD.test(plain)
}

/**
 * The other item a walk reply asks for by naming its paper alone (残疾证 at 家里有没有残疾或生重病的人？: 办理残疾人证,
 * though 残疾 is the 是's 说法; or at a material question, for no paper this case needs): a bare paper's name, with no word of having or yes and no before
 * it (有残疾证 is the 是), which the matcher clearly finds another item for. Undefined otherwise.
 */
export function barePaperItem(t: Turn, step: WalkStep, r: Reading): CatalogItem | undefined {
  if (r.yes || r.no || r.leading !== undefined) return undefined
  if (!BARE_PAPER.test(r.plain) || ANSWER_WORD.test(r.plain)) return undefined
  if (step.kind === 'material') {
    // 身份证 alone while the 户口簿 is asked: one of the papers this case needs, named (the walk reads it as before);
    // 残疾证 while the 身份证 is asked, where only a 是 would bring in the 残疾人证: asked for, not said.
    const item = currentItem(t)!
    const needed = materialStatuses(item, t.s).filter((s) => s.status !== 'conditional').map((s) => s.material)
    if ([step.material, ...needed].some((m) => m.notice !== true && namesPaper(t, r.plain, m))) return undefined
    return clearlyOther(t, r.plain)
  }
  // 结婚证 at 孩子父母领了结婚证吗？: the paper the question asks about, said back as its answer.
  const q = step.question
  if ([q.prompt, q.elderPrompt ?? '', ...q.options].some((text) => comparableFixed(text).includes(r.plain))) return undefined
  return clearlyOther(t, r.plain)
}
