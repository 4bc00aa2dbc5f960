/**
 * Questions a resident asks back instead of answering (这是啥, 这个去哪开, 要带户口本不, 要钱不): about the item's
 * materials or the item itself. Each is answered, then the pending question asked again.
 */
import type { Catalog, CatalogItem, Material, Question, Synonym } from '../catalog/types.js'
import { decide } from '../match/decide.js'
import { renderPlaces } from './checklist.js'
import { itemFields, materialFields, type Values } from './fields.js'
import { covered, SHARED_BY_MATERIALS, withSynonyms } from './material-words.js'
import { materialStatuses, stepMaterial, type WalkStep } from './materials.js'
import { currentWalkStep, fullPrompt, shortPrompt, takesPlaces } from './prompts.js'
import type { Aspect, DialogState } from './schema.js'
import { render } from './template.js'
import { askedAspects, comparable, comparableFixed, withoutAside, type Reading } from './text.js'
import { aspectAnswer, caseItemFields, currentItem, say, type Turn } from './turn.js'

/**
 * 这是啥, 啥叫划拨, 权属证明是啥, 不懂 at a walk step: what it means, then the same question again (not 没看明白).
 * A term naming one of the item's materials (and no word of the question asked) gets that material's 解释 (or its
 * 备注 and 缺少时); otherwise the material asked about does, or the situation question's 解释 (or, without one, how
 * to settle it at the window).
 */
export function explain(t: Turn, state: Extract<DialogState, { kind: 'materials' }>, step: WalkStep, r: Reading): false {
  const item = currentItem(t)!
  const walkTexts = t.defs.messages.walk
  const term = r.asksWhatOf ?? ''
  const current = step.kind === 'material' ? step.material : undefined
  // A word of the question asked (经济适用住房) is the question's, even when a material's name holds it too.
  const ownWord = step.kind === 'question' && term !== '' && [step.question.prompt, ...step.question.options].some((w) => comparableFixed(w).includes(term))
  const named = term === '' || ownWord ? undefined : materialNamed(item.materials, term, current, t.vocab.unsure)
  const material = named ?? current
  if (material !== undefined) say(t, render(walkTexts.whatIsIt, itemMaterialFields(t, item, material)))
  else if (step.kind === 'question') {
    const values = { ...itemFields(item, t.defs.messages), 'question.prompt': step.question.prompt, 'question.explain': step.question.explain }
    const cases = step.question.explain === undefined ? optionCases(t, item, step.question) : undefined
    if (cases !== undefined) say(t, render(walkTexts.explainCases, { ...values, cases }))
    else say(t, render(step.question.explain !== undefined ? walkTexts.explain : walkTexts.explainNone, values))
  }
  say(t, fullPrompt(t, state))
  return false
}

/**
 * What each answer of a situation question brings in (选"在单位上班"的，要带劳动合同…；选"自己做生意"的，要带营业执照…):
 * the question's materials are what it is after, so they explain it (务工证明是啥) where it has no 解释 of its own.
 * Undefined when no answer brings in a material to prepare.
 */
function optionCases(t: Turn, item: CatalogItem, question: Question): string | undefined {
  const cases = question.options.flatMap((option) => {
    const materials = item.materials.filter((m) => m.notice !== true && m.atWindow !== true && m.condition?.questionId === question.id && m.condition.answers.includes(option))
    return materials.length === 0 ? [] : [render(t.defs.messages.walk.explainCase, { option, materials: materials.map((m) => m.name).join('、') })]
  })
  return cases.length === 0 ? undefined : cases.join('；')
}

/** Longest reply (compared form) read as asking whether a material is needed (要带户口本不). */
const MAX_NEED_REPLY = 14
/** How a short reply asks yes or no: 吗, 么, 嘛, 不 or 没 at its end, or 要不要, 用不用 inside it. */
const ASKS_YES_NO = /[吗么嘛不没]$|(\p{Script=Han})不\1/u

/**
 * 要带户口本不, 户口本用带吗, 需要结婚证吗 during the walk (or after the checklist, at a step that takes places): a
 * yes/no question about one of the item's materials
 * (vocabulary.yaml asksNeed), not an answer. Says whether it is needed in the resident's case (needed, not needed
 * after their answers, or on which answer), then the pending question again. False when the reply asks no such
 * thing or names none of the item's materials (then it is read as before).
 */
export function needReply(t: Turn, state: DialogState, r: Reading): boolean {
  const item = currentItem(t)
  if (!item || r.plain.length > MAX_NEED_REPLY || !(ASKS_YES_NO.test(r.full) || /[?？]/.test(r.raw))) return false
  const words = t.vocab.asksNeed.filter((w) => r.full.includes(w))
  if (words.length === 0) return false
  let rest = r.full
  for (const w of words) rest = rest.split(w).join('')
  rest = rest.replace(/[吗么嘛不没]+$/u, '')
  if (rest.length < 2) return false
  rest = rest.replace(/^(?:[我俺咱他她]们?的?)/, '')
  // Recognisably one of the item's materials: most of what is named is in its name (户口本 in 共同生活家庭成员户口簿),
  // not two characters of it (原户主身份证 is not 新业主居民身份证, nor 原户欠费结清凭证). The closest ones only.
  const overlaps = item.materials
    .filter((m) => m.notice !== true && namesMaterial(rest, m.name, t.vocab.unsure, false))
    .map((m) => {
      const name = comparableFixed(m.name)
      // 户口本 for 户口簿: a variant of a standard word the name uses, when that makes the whole of it part of the name.
      const whole = name.includes(withSynonyms(rest, m.name, t.ctx.catalog.synonyms))
      // Between names holding as much, the one that has the other characters too (独生子女证: the 光荣证, not the 申请表).
      const chars = [...rest].filter((c) => name.includes(c)).length
      return { m, overlap: whole ? rest.length : covered(rest, name), chars: whole ? rest.length : chars }
    })
    .filter(({ overlap }) => overlap * 3 >= rest.length * 2)
  const best = Math.max(0, ...overlaps.map((o) => o.overlap))
  const mostChars = Math.max(0, ...overlaps.filter((o) => o.overlap === best).map((o) => o.chars))
  const candidates = overlaps.filter((o) => o.overlap === best && o.chars === mostChars).map((o) => o.m)
  if (candidates.length === 0) return notOnList(t, state, item, rest)
  const walkTexts = t.defs.messages.walk
  const statuses = materialStatuses(item, t.s)
  // 户口本 names the 参保人户口簿 this case needs and the 继承人的户口簿 it does not: only the one that counts.
  const counting = candidates.filter((m) => statuses.some((s) => s.material === m))
  const named = counting.length > 0 ? counting : candidates
  for (const material of named) {
    const status = statuses.find((s) => s.material === material)?.status
    const values: Values = { ...itemMaterialFields(t, item, material) }
    if (status === 'conditional' && material.condition) {
      values['question.prompt'] = item.questions.find((q) => q.id === material.condition?.questionId)?.prompt
      values['condition.answers'] = material.condition.answers.join('"或"')
    }
    const template =
      status === undefined ? walkTexts.notNeeded
        : status === 'conditional' ? walkTexts.neededIf
          : status === 'optional' ? walkTexts.neededOptional
            : status === 'atWindow' ? walkTexts.neededAtWindow
              : walkTexts.needed
    say(t, render(template, values))
  }
  say(t, state.kind === 'materials' ? fullPrompt(t, state) : shortPrompt(t, state))
  return true
}

/** Shortest document named (compared form) that is said not to be on the list: 户口 alone may mean where one is registered. */
const MIN_DOCUMENT = 3

interface DocumentWords {
  /** Every material name of the catalogue (compared form). */
  names: string[]
  /** The last two characters of each document in those names (结婚证 in 父母结婚证: 婚证; 户口簿: 口簿). */
  endings: Set<string>
}

const documentWordsOf = new WeakMap<Catalog, DocumentWords>()

/** How the name of a paper ends (离婚证, 出生证明, 户口本, 社保卡, 申请表, 营业执照, 租房合同): 照片, 本人, 电话 are not papers. */
const DOCUMENT_END = /(?:证|证明|证书|本|簿|卡|书|表|执照|合同)$/u

/** The last two characters of each paper named in `names` (see DocumentWords.endings). */
function endingsOf(names: readonly string[]): string[] {
  return names.flatMap((n) => n.split(DOCUMENT_BREAK).filter((part) => part.length >= 2).map((part) => part.slice(-2)))
}

/** A name's parts that name one document each: 授权委托书和受托人身份证 is 授权委托书, 受托人身份证. */
const DOCUMENT_BREAK = /[、，,；;：:（）()《》\s和或及与]+/u

function documentWords(catalog: Catalog): DocumentWords {
  let words = documentWordsOf.get(catalog)
  if (words === undefined) {
    const names = [...new Set(catalog.items.flatMap((item) => item.materials.filter((m) => m.notice !== true).map((m) => comparableFixed(m.name))))]
    const endings = new Set(endingsOf(names))
    words = { names, endings }
    documentWordsOf.set(catalog, words)
  }
  return words
}

/** `said` with the catalogue's variants put back to their standard word (户口本 → 户口簿). */
function standardWords(said: string, synonyms: readonly Synonym[]): string {
  let out = said
  for (const s of synonyms) {
    for (const v of s.variants) {
      const form = comparableFixed(v)
      if (form.length >= 2 && out.includes(form) && !out.includes(comparableFixed(s.canonical))) out = out.split(form).join(comparableFixed(s.canonical))
    }
  }
  return out
}

/**
 * 户口本用带吗, 要带离婚证不 where the item lists no such thing: a document (a material of another item, 户口本 for its
 * 户口簿, or named like one, 离婚证 as 结婚证 is) not needed here. Said so, with an item's material note that
 * mentions it (不再需要户口簿), then the pending question again. False when `said` is no paper (两寸照片, 老人本人, 打电话),
 * shares three characters in a row with one of the item's own materials (身份证复印件 may be its 身份证), or ends as
 * one of them does (医院证明 where the item asks for a 诊断证明): read as before, never told it is not needed.
 */
function notOnList(t: Turn, state: DialogState, item: CatalogItem, said: string): boolean {
  if (said.length < MIN_DOCUMENT || !/^\p{Script=Han}+$/u.test(said)) return false
  const standard = standardWords(said, t.ctx.catalog.synonyms)
  if (!DOCUMENT_END.test(standard)) return false
  const own = item.materials.filter((m) => m.notice !== true).map((m) => comparableFixed(m.name))
  if (endingsOf(own).includes(standard.slice(-2))) return false
  for (let k = 0; k + 3 <= standard.length; k++) {
    const run = standard.slice(k, k + 3)
    if (own.some((name) => name.includes(run))) return false
  }
  const words = documentWords(t.ctx.catalog)
  if (!words.endings.has(standard.slice(-2)) && !words.names.some((name) => name.includes(standard))) return false
  const note = item.materials.find((m) => m.note !== undefined && comparableFixed(m.note).includes(standard))?.note
  say(t, render(t.defs.messages.walk.notOnList, { ...itemFields(item, t.defs.messages), name: said, note }))
  say(t, state.kind === 'materials' ? fullPrompt(t, state) : shortPrompt(t, state))
  return true
}

/**
 * The material a term names (啥是残疾评定 → 《残疾评定表》): one whose name holds the whole term before one sharing
 * only two characters of it (残疾 is in 《残疾人证申请表》 too), and the one asked about before the others.
 */
function materialNamed(materials: readonly Material[], term: string, current: Material | undefined, unsure: ReadonlySet<string>): Material | undefined {
  const candidates = materials.filter((m) => namesMaterial(term, m.name, unsure, false))
  const rank = (m: Material) => (comparableFixed(m.name).includes(term) ? 0 : 2) + (m === current ? 0 : 1)
  return [...candidates].sort((a, b) => rank(a) - rank(b))[0]
}

/**
 * Whether the rest of a where-to-get reply is about a material: the one asked when it is nothing, a pronoun
 * (这个, 它) or 不知道; any one when it has two characters of its name that are not in every other material's name too (身份证丢了 for 申请人居民身份证,
 * but not 死亡证明 for 出生医学证明, nor 户口 or 低保 while 身份证 is asked: those are new questions).
 */
function namesMaterial(rest: string, material: string, unsure: ReadonlySet<string>, isAsked: boolean): boolean {
  let left = rest
  for (const word of unsure) left = left.split(word).join('')
  if (left === '' || POINTING.test(left)) return isAsked
  const name = comparableFixed(material)
  for (let k = 0; k + 2 <= left.length; k++) {
    const pair = left.slice(k, k + 2)
    if (!SHARED_BY_MATERIALS.has(pair) && name.includes(pair)) return true
  }
  return false
}

/**
 * The material a short where-to-get reply at a walk step is about (its words besides the asking, see Reading.asksWhere):
 * at a material question, the one asked when it names nothing (这个去哪开); else the item's material it names
 * most closely (房东不给租房合同 → 房屋租赁合同, not 劳动合同), of those alike one the case needs, then the one asked.
 * Undefined when it names none.
 */
export function whereAskedMaterial(t: Turn, rest: string, step: WalkStep): Material | undefined {
  const item = currentItem(t)!
  const current = stepMaterial(step)
  // 这个, or nothing (没有咋办, 没这个咋整: the 没 said before it), points at the material asked.
  const pointed = rest.replace(/^还?(?:没有|木有|没得|没)/, '')
  if (current !== undefined && namesMaterial(pointed, current.name, t.vocab.unsure, true) && !namesMaterial(pointed, current.name, t.vocab.unsure, false)) return current
  // 身份证过期了 once the insured person has died: the heirs' 身份证, not the one this case no longer asks for. A name
  // said more fully still wins (参保人户口簿去哪开).
  const open = new Set(materialStatuses(item, t.s).map((s) => s.material))
  const scored = item.materials
    .filter((m) => m.notice !== true && namesMaterial(rest, m.name, t.vocab.unsure, false))
    .map((m) => {
      const name = comparableFixed(m.name)
      const said = withSynonyms(rest, m.name, t.ctx.catalog.synonyms)
      const run = covered(said, name)
      // Counted in what the resident typed: 身份证 read as 居民身份证 names 参保人居民身份证 no better than the heirs' 身份证.
      const typed = run - Math.max(0, said.length - rest.length)
      const chars = [...said].filter((c) => name.includes(c)).length
      return { m, covered: run, score: typed * 100 + (open.has(m) ? 50 : 0) + chars * 2 + (m === current ? 1 : 0) }
    })
  const best = scored.sort((a, b) => b.score - a.score)[0]
  // 俺老伴没了他的养老钱: two characters of a name (养老) in a longer sentence about something else name nothing;
  // the words saying it is missing (没了, 不给) are not counted.
  const told = t.vocab.missing.reduce((text, w) => text.split(w).join(''), rest).replace(/[没不]/g, '')
  if (best !== undefined && best.covered * 3 < told.length) return undefined
  return best?.m
}

/**
 * After the checklist (a state that takes places), the item's materials a short where-to-get question names (照片在哪拍,
 * 户口本没有咋办); none for other replies or states.
 */
export function materialsAskedWhere(t: Turn, state: DialogState, r: Reading): Material[] {
  const item = currentItem(t)
  if (!takesPlaces(state) || !item || r.asksWhere === undefined || r.asksWhere === '') return []
  return item.materials.filter((m) => namesMaterial(r.asksWhere!, m.name, t.vocab.unsure, false))
}

/** Where to get each of `asked` (see materialsAskedWhere), then the state's short re-prompt. */
export function materialWhereReply(t: Turn, state: DialogState, asked: readonly Material[]): void {
  const item = currentItem(t)!
  for (const material of asked) {
    say(t, render(t.defs.messages.walk.whereToGet, itemMaterialFields(t, item, material)))
  }
  say(t, shortPrompt(t, state))
}

/** The fields of a template about one of the item's materials (walk.whereToGet, walk.whatIsIt …). */
export function itemMaterialFields(t: Turn, item: CatalogItem, material: Material) {
  return { ...itemFields(item, t.defs.messages), ...materialFields(material, item, t.defs.messages) }
}

/** Replies longer than this are questions of their own, not a quick "要钱不" about the item at hand. */
const MAX_ASPECT_REPLY = 12

/**
 * A short question about the item at hand (its time limit, fee, conditions, amount paid out or phone, in the
 * words of vocabulary.yaml's asks) while something else is awaited: answered (messages.yaml answers), then the
 * pending question again. False when nothing is asked or no item is chosen yet.
 */
export function aspectReply(t: Turn, state: DialogState, r: Reading, ignore: readonly Aspect[] = []): boolean {
  const item = currentItem(t)
  if (!item || r.plain.length === 0 || r.plain.length > MAX_ASPECT_REPLY) return false
  const aspects = askedAspects(r.raw, t.vocab, item.type).filter((a) => !ignore.includes(a))
  if (aspects.length === 0) return false
  // 我家能办低保不 in the 医保 walk asks about another item: not answered with this one's conditions (a switch may follow).
  if (namesAnotherItem(t, r)) return false
  const fields = caseItemFields(t, item)
  say(t, aspects.map((aspect) => aspectAnswer(t, aspect, fields)).join('\n'))
  say(t, state.kind === 'materials' ? fullPrompt(t, state) : shortPrompt(t, state))
  return true
}

/**
 * Whether the matcher is sure the reply is about an item other than the one at hand, by what it says besides the
 * asking: 一年交多少钱 names nothing (the matcher finds 缴费证明 by its 交…钱), 我家能办低保不 names 低保.
 */
function namesAnotherItem(t: Turn, r: Reading): boolean {
  const rest = aspectQuestionRest(t, r)
  if (rest.length < 2) return false
  const results = t.ctx.matcher.match(rest)
  const decision = decide(results)
  if (decision.kind === 'sure') return decision.result.item.id !== t.s.itemId
  // 俺爹低保 (俺爹够不够低保条件): the kin words keep the matcher from being sure, but it finds another item well and
  // not this one at all.
  const top = results[0]
  return top !== undefined && top.score >= NAMES_OTHER_SCORE && results.every((m) => m.item.id !== t.s.itemId)
}

/** What a question about an aspect (要钱不, 够不够条件) says besides the asking, in compared form. */
function aspectQuestionRest(t: Turn, r: Reading): string {
  let rest = comparable(withoutAside(r.raw))
  for (const [, words] of t.vocab.asks) for (const w of words) rest = rest.split(w).join('')
  return rest
}

/**
 * The rest of a short aspect question about an item other than the one at hand (俺爹够不够低保条件 → 俺爹低保), to offer
 * that item by; undefined when it asks about nothing else (aspectReply answers it for the item at hand).
 */
export function otherItemAspectAsked(t: Turn, r: Reading): string | undefined {
  const item = currentItem(t)
  if (!item || r.plain.length === 0 || r.plain.length > MAX_ASPECT_REPLY) return undefined
  if (askedAspects(r.raw, t.vocab, item.type).length === 0 || !namesAnotherItem(t, r)) return undefined
  return aspectQuestionRest(t, r)
}

/** How well the rest of an aspect question must find another item (and not the one at hand) to be about it. */
const NAMES_OTHER_SCORE = 0.5

/** Said around 在哪办 without naming anything (这事在哪办, 到底去哪申请): the item itself is meant. */
const ABOUT_THE_ITEM = /这件事|这个事|这事|应该|到底|要|得|该|去|是|[我俺咱]们?|那|[不吗么没]$/g

/**
 * 在哪办, 这事去哪申请, 低保在哪办 while a material, a situation or a field of the form is asked: where to apply for the
 * item (its places, as the 告知单 lists them), then the pending question again. Not 这个在哪办 or 户口本在哪办, which
 * ask where to get a material (the walk's whereToGet). False when the reply asks no such thing or no item is chosen.
 */
export function placesReply(t: Turn, state: DialogState, r: Reading): boolean {
  const item = currentItem(t)
  if (!item || r.plain.length > MAX_ASPECT_REPLY) return false
  const phrase = t.vocab.whereToApply.find((w) => r.plain.includes(w))
  if (phrase === undefined) return false
  const rest = r.plain.replace(phrase, '').replace(ABOUT_THE_ITEM, '')
  // 残疾证去哪申请 in the 办理残疾人证 walk: the item by another name (as the matcher reads it).
  if (rest !== '' && !(rest.length >= 2 && (comparableFixed(item.name).includes(rest) || namesItem(t, rest, item)))) return false
  const places = renderPlaces(item, t.ctx.catalog, t.defs.messages)
  say(t, [render(t.defs.messages.walk.places, itemFields(item, t.defs.messages)), places].join('\n'))
  say(t, state.kind === 'materials' ? fullPrompt(t, state) : shortPrompt(t, state))
  return true
}

/** Asking how the item is done, step by step (流程是啥, 办理步骤, 咋个办法). */
const STEPS_ASKED = /流程|步骤|程序|手续咋走|手续怎么走|咋个办法|怎么个办法/u
/** Asking how many trips it takes (要跑几趟, 去几次, 跑几回). */
const VISITS_ASKED = /(?:跑|去|来|到现场|到窗口)(?:几|多少)[趟次回遍]|几[趟回]|跑腿/u
/** Said around such a question without naming anything else (办理流程是啥, 一共要跑几趟啊). */
const ABOUT_STEPS = /办理|办|的|是|啥|什么|怎么|咋|样|个|要|需要|得|一共|总共|共|这件事|这个事|这事|这|那|呢|吗|么|啊|呀|哈|说说|讲讲|告诉|一下|具体|有|哪些|[我俺咱他她]们?/gu

/**
 * 流程是啥, 办理步骤, 要跑几趟 while a material, a situation or the checklist's menu is pending: the item's 办理流程
 * (as the checklist's 三、怎么办 lists it) or its 到现场次数, then the pending question again. Not 残疾证流程 in
 * another item's walk (the rest names another item: a switch may follow). False when no such thing is asked.
 */
export function stepsReply(t: Turn, state: DialogState, r: Reading): boolean {
  const item = currentItem(t)
  if (!item || r.plain.length === 0 || r.plain.length > MAX_ASPECT_REPLY) return false
  const steps = STEPS_ASKED.exec(r.plain)
  const visits = VISITS_ASKED.exec(r.plain)
  if (steps === null && visits === null) return false
  let rest = r.plain
  for (const m of [steps, visits]) if (m !== null) rest = rest.replace(m[0], '')
  rest = rest.replace(ABOUT_STEPS, '')
  if (rest !== '' && !(rest.length >= 2 && (comparableFixed(item.name).includes(rest) || namesItem(t, rest, item)))) return false
  const fields = itemFields(item, t.defs.messages)
  const walkTexts = t.defs.messages.walk
  const lines: string[] = []
  if (steps !== null) lines.push(render(fields['item.steps'] === undefined ? walkTexts.stepsNone : walkTexts.stepsAsked, fields))
  if (visits !== null) lines.push(render(walkTexts.visitsAsked, fields))
  say(t, lines.join('\n'))
  say(t, state.kind === 'materials' ? fullPrompt(t, state) : shortPrompt(t, state))
  return true
}

/** Whether the matcher is sure `text` names `item`. */
function namesItem(t: Turn, text: string, item: CatalogItem): boolean {
  const decision = decide(t.ctx.matcher.match(text))
  return decision.kind === 'sure' && decision.result.item.id === item.id
}

/** 这个, 那个, 这, 它, 这个东西: pointing at what was just asked. */
const POINTING = /^(这|那|它)(个|些|项|样)?(材料|东西)?$/

/** Said in a question about applying away from home (俺在外地打工能在外地补不): the words that tell so. */
const AWAY = /外地|异地|外省|外市|外县|在外面|不在本地|不在家/
/** How such a question asks: where, or whether it can be done (能…不, 能不能, 可以…吗, 行不行). */
const ASKS_WHERE_OR_CAN = /哪|能不能|可不可以|行不行|[能可].*[不吗么嘛]$/

/** Text of an item about applying away from home (异地办理的，到居住地派出所): one tier of lines, places first. */
const awayLinesOf = new WeakMap<CatalogItem, string[]>()

function awayLines(item: CatalogItem): string[] {
  let lines = awayLinesOf.get(item)
  if (lines === undefined) {
    const about = (text: string | undefined) => text !== undefined && AWAY.test(text)
    const notes = item.places.map((p) => p.note).filter(about) as string[]
    lines = notes.length > 0 ? notes : item.steps.filter(about)
    if (lines.length === 0) lines = item.conditions.filter(about)
    awayLinesOf.set(item, [...new Set(lines)])
  }
  return lines
}

/**
 * 俺在外地打工能在外地补不, 在外地能办吗 while a material, a situation or a field is asked: what the item says about
 * applying away from home (a place's note, else a step or a condition: 异地办理的，到居住地派出所), then the pending
 * question again. False when the reply asks no such thing or the item says nothing of it.
 */
export function awayReply(t: Turn, state: DialogState, r: Reading): boolean {
  const item = currentItem(t)
  if (!item || r.plain.length > MAX_AWAY_REPLY || !AWAY.test(r.plain) || !ASKS_WHERE_OR_CAN.test(r.plain)) return false
  const lines = awayLines(item)
  if (lines.length === 0) return false
  say(t, render(t.defs.messages.walk.away, { ...itemFields(item, t.defs.messages), away: lines.join('；') }))
  say(t, state.kind === 'materials' ? fullPrompt(t, state) : shortPrompt(t, state))
  return true
}

/** Longest reply (compared form) read as asking about applying away from home. */
const MAX_AWAY_REPLY = 20

/** How a short reply asks how many (照片要几张, 要几份, 多少张照片): the count word it holds. */
const ASKS_COUNT = /(?:几|多少)(?:张|份|个|本|页|套)/u
/** Said around a material in such a question: 要, 得带, 需要准备 … */
const COUNT_FILLER = /需要|准备|要|得|带|交|的|呢|啊|呀|[我俺咱他她]们?/gu
/** Longest reply (compared form) read as asking how many of a material. */
const MAX_COUNT_REPLY = 14

/**
 * 照片要几张, 要几份 while a material, a situation or a choice is asked: how many of the item's material it names (the
 * one asked when it names none) are wanted, from the catalogue (walk.howMany), then the pending question again.
 * False when the reply asks no such thing or names none of the item's materials.
 */
export function countReply(t: Turn, state: DialogState, r: Reading): boolean {
  const item = currentItem(t)
  if (!item || r.plain.length > MAX_COUNT_REPLY) return false
  const count = ASKS_COUNT.exec(r.plain)
  if (count === null) return false
  const rest = r.plain.replace(count[0], '').replace(COUNT_FILLER, '')
  const step = state.kind === 'materials' ? currentWalkStep(t) : undefined
  const current = step?.kind === 'material' ? step.material : undefined
  const named = item.materials.filter((m) => m.notice !== true && rest.length >= 2 && namesMaterial(withSynonyms(rest, m.name, t.ctx.catalog.synonyms), m.name, t.vocab.unsure, false))
  const material = rest === '' || POINTING.test(rest) ? current : (named.find((m) => m === current) ?? named[0])
  if (material === undefined) return false
  const fields = itemMaterialFields(t, item, material)
  if (onSite(material)) say(t, render(t.defs.messages.walk.onSite, fields))
  else say(t, render(t.defs.messages.walk.howMany, { ...fields, 'material.amount': electronicAmount(material) ?? fields['material.amount'] }))
  say(t, state.kind === 'materials' ? fullPrompt(t, state) : shortPrompt(t, state))
  return true
}

/** A photo's name: 照片, 相片, 像片, 免冠照. */
const PHOTO = /照片|相片|像片|免冠照/u

/** Whether an electronic photo is taken at the window (备注: 多数派出所现场拍摄采集): nothing to bring. */
function onSite(material: Material): boolean {
  return material.form === '电子' && PHOTO.test(material.name) && [material.note, material.whereToGet].some((text) => text?.includes('现场') ?? false)
}

/**
 * What of an electronic material is wanted, said plainly: 电子照片 or 电子版, without a count of copies (not 电子1份);
 * photos counted in 张 keep their count (电子照片2张).
 */
function electronicAmount(material: Material): string | undefined {
  if (material.form !== '电子') return undefined
  if (!PHOTO.test(material.name)) return '电子版'
  return material.unit === '张' ? `电子照片${material.copies}张` : '电子照片'
}

/** How a short reply asks where something is done (去哪个医院评, 表交到哪): 哪些 asks which, not where. */
const ASKS_WHERE_DONE =
  /(?:去|到|在|上|交|送|找)(?:哪个|哪家|哪里|哪儿|哪)|哪里|哪儿|什么地方|啥地方|哪家|哪个(?=医院|单位|部门|地方|窗口|机构|大厅|科室|村|镇|街道)/u
/** Characters of words said everywhere (没有, 有残 of 俺哪有残疾证): a run with one says nothing of a step. */
const COMMON_CHAR = /[有没是不的了个都也还就吗呢啊吧这那我俺咱他她你要能去到在哪]/u
/** Said around the thing in such a question: 去, 能, 要, 材料 … (what is left names the step: 医院评). */
const WHERE_FILLER = /可以|能|要|得|该|去|到|在|上|做|办|的|呢|啊|呀|材料|东西|[我俺咱他她]们?/gu
/** Longest reply (compared form) read as asking where a step is done. */
const MAX_WHERE_DONE_REPLY = 12

/** The lines of an item that say where or how something is done: its steps, then its materials' and places' notes. */
function itemLines(item: CatalogItem): string[] {
  return [
    ...item.steps,
    ...item.materials.flatMap((m) => [m.whereToGet, m.note]),
    ...item.places.map((p) => p.note),
  ].filter((line): line is string => line !== undefined && line !== '')
}

/** The item's line sharing the most runs of two characters with `words` (the first of equals); undefined when none shares one. */
function bestLine(item: CatalogItem, words: readonly string[]): { line: string; shared: number } | undefined {
  const pairs = new Set<string>()
  for (const w of words) for (let k = 0; k + 2 <= w.length; k++) if (!COMMON_CHAR.test(w.slice(k, k + 2))) pairs.add(w.slice(k, k + 2))
  const scored = itemLines(item).map((line) => {
    const compared = comparableFixed(line)
    return { line, shared: [...pairs].filter((p) => compared.includes(p)).length }
  })
  const best = scored.reduce((a, b) => (b.shared > a.shared ? b : a), { line: '', shared: 0 })
  return best.shared === 0 ? undefined : best
}

/**
 * A short form of the item's words in `rest` spelled out by the item's own keywords: for each keyword `rest` holds
 * (评残), the item's longer keywords holding all its characters (残疾评定). Empty when `rest` holds no keyword.
 */
function longerKeywords(item: CatalogItem, rest: string): string[] {
  const keywords = [...new Set(item.keywords.map(comparableFixed))].filter((k) => k.length >= 2)
  const said = keywords.filter((k) => rest.includes(k))
  return keywords.filter((k) => said.some((s) => k.length > s.length && [...s].every((c) => k.includes(c))))
}

/**
 * 去哪个医院评, 哪个医院能评 while a material, a situation or a choice is asked, naming none of the item's materials:
 * the item's own line that speaks of it (a step, a material's or a place's note sharing two characters in a row
 * with what is asked: 医院 → 到县残联指定医院做残疾评定…; or, when none does, with a longer keyword of the item spelling
 * out a short one asked: 评残 → 残疾评定), then the pending question again. False when the reply asks no such thing or
 * no line of the item speaks of it.
 */
export function whereDoneReply(t: Turn, state: DialogState, r: Reading): boolean {
  const item = currentItem(t)
  if (!item || r.plain.length > MAX_WHERE_DONE_REPLY) return false
  const where = ASKS_WHERE_DONE.exec(r.plain)
  if (where === null) return false
  const rest = r.plain.replace(where[0], '').replace(WHERE_FILLER, '')
  if (rest.length < 2) return false
  // 在哪评残: no line says 评残, but the item's keywords have 残疾评定 beside it, which lines do say.
  const best = bestLine(item, [rest]) ?? bestLine(item, longerKeywords(item, rest))
  if (best === undefined) return false
  say(t, render(t.defs.messages.walk.fromItem, { ...itemFields(item, t.defs.messages), line: best.line }))
  say(t, state.kind === 'materials' ? fullPrompt(t, state) : shortPrompt(t, state))
  return true
}
