/**
 * An answer to a situation question in the resident's own words: part of an option (租的 for 租房), one of its 说法,
 * a denial of one option (不是异地), a correction (不是，我是退休了), or 不知道.
 */
import type { CatalogItem, Question } from '../catalog/types.js'
import { UNSURE_ANSWER } from './materials.js'
import { stateFields } from './prompts.js'
import { render } from './template.js'
import { comparable, comparableFixed, NEGATION, wordPattern, type Reading } from './text.js'
import { say, type Turn } from './turn.js'
import { denialAndRest } from './denial.js'

/** Shortest reply, and shortest 说法, taken to name a situation: one character says too little. */
const MIN_OPTION_WORDS = 2

/**
 * The one option a reply names in other words: half its label or more (急诊 for 急诊抢救), the whole label inside
 * it (本县户口的), or one of its 说法 (领证了 → 婚生). Any negation in the rest of a reply (不是本县户口) rules it out,
 * stricter than for the first question's 说法, where only the character just before a word is looked at. Without
 * `ownWords`, not by two characters of the option's own alone (see optionByOwnWords).
 */
export function optionSaid(question: Question, r: Reading, ownWords = true): string | undefined {
  // 租的 for 租房: the 的 that makes a kind of a word says nothing more.
  const said = r.plain.length > MIN_OPTION_WORDS ? r.plain : r.plain.replace(/的$/, '')
  if (said === '') return undefined
  // 租的 as the item words it (说法 租的 of 租赁房屋): the reply as said first, then without its 的.
  const found = (said !== r.plain ? optionNamed(question, r.plain) : undefined) ?? optionNamed(question, said)
  if (found !== undefined) return found
  // 俺老伴没了, 老头走了 (参保人去世), 房子塌了: a 说法 ending in 了 is in the reply as typed, not in `plain`, which has
  // lost its 了 with the particles (老伴没). (Out of turn, presumedIn reads the reply as typed already.)
  // Not where the 了 says it is yet to come (快生了, 下个月就生了, 快80了, 差两个月80了): 快 / 要 … 了 is about to be, not done.
  if (r.full !== r.plain && !YET_TO_COME.test(r.full)) {
    const whole = optionNamed(question, r.full)
    if (whole !== undefined) return whole
  }
  // 租的房子 for 租房 (the question's own words): the 的 inside says nothing more either.
  const bare = said.replace(/的/g, '')
  const plainer = bare !== said && bare.length >= MIN_OPTION_WORDS ? optionNamed(question, bare) : undefined
  return plainer ?? (ownWords ? optionByOwnWords(question, r.full) : undefined)
}

/** Longest reply (compared form) read for an option's own words (see optionByOwnWords). */
const MAX_OWN_WORDS_REPLY = 14

/**
 * The one option of two a short reply says in two characters of its own in a row (上班 or 单位 for 在单位上班, 打工 for the
 * question's 给单位打工, 领了 for 领了结婚证的（婚生）): two characters found in that option's label, or in the part of
 * the question asking for it (X是A，还是B？), and in no other option's. Characters that only join words (的, 是,
 * 在 …) do not count. Any negation in the reply outside those words (不在单位上班) says nothing; inside them it is
 * part of what is said (没领 for 没领结婚证（非婚生）).
 */
function optionByOwnWords(question: Question, full: string): string | undefined {
  // Of two options only: of more, two characters of one may be said of another in other words (外地 for 异地长期居住
  // as much as for 转诊到外地医院). Nor what is yet to come (快生了 is not 孩子已经出生了).
  if (question.options.length !== 2 || full.length < MIN_OPTION_WORDS || full.length > MAX_OWN_WORDS_REPLY || YET_TO_COME.test(full)) return undefined
  const own = ownPairs(question)
  let found: string | undefined
  const covered = new Set<number>()
  for (let k = 0; k + 2 <= full.length; k++) {
    const option = own.get(full.slice(k, k + 2))
    if (option === undefined) continue
    if (found !== undefined && found !== option) return undefined
    found = option
    covered.add(k).add(k + 1)
  }
  if (found === undefined) return undefined
  for (let k = 0; k < full.length; k++) if (NEGATION.test(full[k]!) && !covered.has(k)) return undefined
  // 生活能自理 for 不到80岁生活不能自理: the option says it with a negation the reply does not have, so the opposite.
  if ([...comparableFixed(found)].some((c) => NEGATION.test(c)) && ![...full].some((c) => NEGATION.test(c))) return undefined
  return found
}

/** Characters that only join words: no pair with one of them is an option's own. */
const JOINING = /[的是在给您你我俺咱他她这那边个吗呢吧啊和或等还也都就要来现自己]/

const ownPairsOf = new WeakMap<Question, Map<string, string>>()
/** Two-character pairs each option alone has, in its label or its part of the question (see optionByOwnWords). */
function ownPairs(question: Question): Map<string, string> {
  let own = ownPairsOf.get(question)
  if (own !== undefined) return own
  const texts = question.options.map((o) => [comparableFixed(o)])
  for (const prompt of [question.prompt, question.elderPrompt]) {
    const parts = prompt === undefined ? [] : promptParts(prompt)
    if (parts.length === question.options.length) parts.forEach((p, n) => texts[n]!.push(p))
  }
  const pairsOf = texts.map((ts) => {
    const pairs = new Set<string>()
    for (const t of ts) for (let k = 0; k + 2 <= t.length; k++) pairs.add(t.slice(k, k + 2))
    return pairs
  })
  own = new Map()
  for (const [n, pairs] of pairsOf.entries()) {
    for (const pair of pairs) {
      if (JOINING.test(pair) || pairsOf.some((other, m) => m !== n && other.has(pair))) continue
      own.set(pair, question.options[n]!)
    }
  }
  ownPairsOf.set(question, own)
  return own
}

/**
 * The parts of a question asking for each option in turn (孩子父母在这边是给单位打工，还是自己做生意（个体户）？ →
 * 给单位打工, 自己做生意个体户), in compared form: split at 还是, the first part from its last 是 (what comes before
 * is who is asked about). None when the question has no 还是.
 */
function promptParts(prompt: string): string[] {
  const sides = prompt.split(/[？?]/)[0]!.split('还是')
  if (sides.length < 2) return []
  const first = sides[0]!
  const at = first.lastIndexOf('是')
  sides[0] = at >= 0 ? first.slice(at + 1) : first
  return sides.map(comparable)
}

/** Words saying what a 了 ends is still to come: 快生了, 要走了, 马上就80了, 差两个月80了, 下个月就生了. */
const YET_TO_COME = /快|要|将|马上|差|还有|下个?月|下周|下礼拜|明年|过几天|过两天/

/** The one option `said` names (see optionSaid), undefined when none or several. */
function optionNamed(question: Question, said: string): string | undefined {
  const named = question.options.filter((option) => {
    const label = comparableFixed(option)
    // 上班或做生意 is said as 上班 or as 做生意: each part of a label joined by 或 (和, 等, 、) stands for it.
    const parts = [label, ...labelParts(option)]
    const words = [...parts, ...(question.words[option] ?? []).map((w) => comparableFixed(w))].filter((w) => w.length >= MIN_OPTION_WORDS)
    // Half a part at least: 急诊 is 急诊抢救, 饭店 is 饭店小吃, but 外地 is not yet 转诊到外地医院. One character only
    // for a part of two (租 for 租房).
    const half = parts.find((p) => p.includes(said) && said.length * 2 >= p.length && (said.length >= MIN_OPTION_WORDS || p.length === 2))
    if (half !== undefined) return !NEGATION.test(said)
    if (said.length < MIN_OPTION_WORDS) return false
    // 章子丢了 says 章丢了 (see wordPattern).
    const word = words.find((w) => wordPattern(w).test(said))
    return word !== undefined && !NEGATION.test(said.replace(wordPattern(word), ''))
  })
  return named.length === 1 ? named[0] : undefined
}

/**
 * A reply that denies one option (不是异地, 俺不是本地的, 不用邮寄): a denial said first (after 我 / 俺 at most), then
 * words naming one option, its label exactly or as `named` reads them. `other`: the remaining option when there
 * are exactly two. Undefined when the reply does not start with a denial or names no single option. 没有 is no
 * denial here: 没有居住证 names the option without one.
 */
export function deniedOption(options: readonly string[], r: Reading, named: (said: string) => string | undefined): { option: string; other?: string } | undefined {
  // 不是，邮寄: the 不是 is said apart, and the words after it are what the resident wants (see correctedText).
  if (r.leading !== undefined) return undefined
  const denial = DENIAL.exec(r.plain)
  if (!denial) return undefined
  const said = r.plain.slice(denial[0].length).replace(/的$/, '')
  // 不是我是退休: a correction that goes on to say what it is, not a denied option.
  if (said.length < MIN_OPTION_WORDS || SPEAKER.test(said)) return undefined
  const option = options.find((o) => comparableFixed(o) === said) ?? named(said)
  if (option === undefined) return undefined
  const others = options.filter((o) => o !== option)
  return others.length === 1 ? { option, other: others[0]! } : { option }
}

/**
 * After a first piece that denies an option (不是转诊), the option the rest of the reply names (俺在外地住院了); the
 * rest may also follow the denial run on, after a 是 (不是残疾是重病).
 */
export function saidAfterDenial(question: Question, r: Reading): string | undefined {
  const pieces = r.raw.split(/[\s,，。.!！、;；]+/).filter(Boolean)
  const runOn = pieces.length < 2 ? denialAndRest(r.raw) : undefined
  if (runOn === undefined && (pieces.length < 2 || !DENIAL.test(comparable(pieces[0]!)))) return undefined
  const deniedWords = runOn?.denied ?? comparable(pieces[0]!).replace(DENIAL, '')
  const rest = comparable(runOn?.wanted ?? pieces.slice(1).join(''))
  const answer = rest.length >= MIN_OPTION_WORDS ? optionSaid(question, { ...r, plain: rest, full: rest, leading: undefined }) : undefined
  // 不是转诊，转诊证明没开: the rest naming the denied option again, in its words, says nothing new. In other words
  // it says that option after all (不是残疾 是重病: both 是 of 家里有没有残疾或生重病的人？, and 重病 is what it is).
  const denied = optionSaid(question, { ...r, plain: deniedWords, leading: undefined })
  return answer !== denied || (deniedWords !== '' && !rest.includes(deniedWords)) ? answer : undefined
}

/** A reply going on with who is speaking (我是, 俺家): it says what is, not what is not. */
const SPEAKER = /^(?:我们|俺们|咱们|我|俺|咱|他|她)/

/**
 * What a reply says after a 不是 or 不对 that sets something straight: after it as a piece of its own (不是，退休了;
 * 不是 我是退休了) or run on with who is speaking (不是我是退休的), without 我是 / 俺家. Undefined otherwise.
 */
export function correctedText(r: Reading): string | undefined {
  const run = /^(?:不是|不对)((?:我们|俺们|咱们|我|俺|咱|他|她).*)$/.exec(r.plain)?.[1]
  const after = r.leading === 'no' ? r.afterLeading : run
  if (after === undefined) return undefined
  const said = after.replace(/^(?:我们|俺们|咱们|我|俺|咱|他|她)(?:是|家|要|想)?/, '').replace(/的$/, '')
  return said.length >= MIN_OPTION_WORDS ? said : undefined
}

/** A denial said first: 不是, 不, 不用, 不要, 并不是, 也不是, 非 (after 我, 俺, 他 …), and a 在 or 是 after it (不在本地). */
const DENIAL = /^(?:我们|俺们|咱们|我|俺|咱|他|她)?(?:也|并|可)?(?:不是|不用|不要|不|非)(?:在|是)?/

const partsOf = new Map<string, string[]>()
/** The parts of an option's label joined by 或, 和, 等 or 、 (上班或做生意 → 上班, 做生意), in compared form. */
function labelParts(option: string): string[] {
  let parts = partsOf.get(option)
  if (parts === undefined) {
    parts = option.split(/[或和等、，,/（）()]/).map(comparableFixed).filter((p) => p.length > 0)
    if (parts.length < 2) parts = []
    partsOf.set(option, parts)
  }
  return parts
}

/**
 * 不知道 to a situation question: not guessed (a guessed 是 sent residents for a 低保证 they never had). Its
 * materials are listed as 看情况 with the question, to settle at the window; said so, and the walk goes on.
 */
export function unsureAnswer(t: Turn): string {
  say(t, render(t.defs.messages.walk.unsureSituation, stateFields(t)))
  return UNSURE_ANSWER
}

/** Whether a short reply says someone is of a kind (俺儿子是残疾人), whatever is asked. */
export function kindStated(r: Reading): boolean {
  return !NEGATION.test(r.plain) && IS_OF_KIND.test(r.plain)
}

/** 俺娘是低保户, 他是特困人员, 俺爹是残疾人: someone said to be of a kind (the kind without its 户, 人员 …). */
const IS_OF_KIND = /^.{0,4}?是(?:个|一个)?(\p{Script=Han}{2,6}?)(?:户|家庭|人员|老人|对象|人|的)?$/u

/**
 * A short reply saying someone is of the kind a question asks about (俺娘是低保户 at 老人是不是低保、特困或者重度残疾
 * 老人？): that question's one answer whose material proves it. Only where the kind said is in the question's words
 * and in the name of a material needed for exactly that answer (低保 in 低保证…), so that it clearly follows; any
 * negation (不是低保户, 没评上低保) says nothing.
 */
export function kindSaid(item: CatalogItem, question: Question, r: Reading): string | undefined {
  if (NEGATION.test(r.plain)) return undefined
  const kind = IS_OF_KIND.exec(r.plain)?.[1]
  if (kind === undefined || !comparableFixed(question.prompt).includes(kind)) return undefined
  const proofs = item.materials.filter(
    (m) => m.condition?.questionId === question.id && m.condition.answers.length === 1 && comparableFixed(m.name).includes(kind),
  )
  const answers = new Set(proofs.map((m) => m.condition!.answers[0]!))
  return answers.size === 1 ? [...answers][0] : undefined
}

/** 俺娘不是低保户, 他不是残疾人, 不是本县户口: someone said not to be of a kind; [the kind (低保), as said (低保户)]. */
const NOT_OF_KIND = /^(?:.{0,4}?)(?:也|并|可)?(?:不是|不算)(?:个|一个)?((\p{Script=Han}{2,6}?)(?:户|家庭|人员|老人|对象|人|的)?)$/u

/** What a reply denies being (see NOT_OF_KIND): the kind and the words it was said in. Undefined for other replies. */
export function kindDenied(r: Reading): { kind: string; said: string } | undefined {
  // 不是，我是给我爹办, 不是 身份证找不着了: a correction said apart, then what is meant (see correctedText).
  if (r.leading !== undefined) return undefined
  const m = NOT_OF_KIND.exec(r.plain)
  if (m === null || NOT_A_KIND.test(m[1]!)) return undefined
  return { kind: m[2]!, said: m[1]! }
}

/** Words that make what follows the 不是 a sentence (我是给我爹办, 他没有, 这个) rather than a kind of person. */
const NOT_A_KIND = /[没不未无别是我俺咱你他她这那啥吗呢给在要有]/

/** Words joining alternatives in a question (是不是低保、特困或者重度残疾老人): a denial of one leaves the others open. */
const ALTERNATIVES = /或者|或|还是|、|以及|及|和|与|跟|，|,/

/**
 * How a denied kind (不是低保户) bears on a situation question: `no`, the question's no option, when the question
 * asks about that kind alone (申请人是不是残疾人？ → 否); `partly` when it asks about the kind among others (是不是
 * 低保、特困或者重度残疾老人？: the others are still open, so nothing is taken); undefined when the question does not
 * ask about it (a yes/no question only; of several options, see optionSaid).
 */
export function deniedKindAnswer(question: Question, kind: string, yes: ReadonlySet<string>, no: ReadonlySet<string>): { no: string; yes: string; partly: boolean } | undefined {
  if (question.options.length !== 2) return undefined
  const yesOption = question.options.find((o) => yes.has(comparableFixed(o)))
  const noOption = question.options.find((o) => no.has(comparableFixed(o)))
  if (yesOption === undefined || noOption === undefined) return undefined
  const prompt = comparableFixed(question.prompt)
  if (!prompt.includes(kind)) return undefined
  // 家里人和低保经办人员或村（居）两委成员是不是近亲属？: the 和 and 或 join who the question is about, not what it
  // asks of them, which is one thing (近亲属); denying that (不是近亲属) is the plain 否. Where the kind is said before
  // the 是不是, or the question has none, its alternatives anywhere count, as before.
  const asked = askedAfterWhether(question.prompt)
  const within = asked !== undefined && comparableFixed(asked).includes(kind) ? asked : question.prompt
  // The prompt as written (the compared form drops the 、 and ， that join alternatives).
  return { yes: yesOption, no: noOption, partly: ALTERNATIVES.test(within) }
}

/** What a yes/no question asks of its subject: after its first 是不是 (or 是否) up to the question mark. */
function askedAfterWhether(prompt: string): string | undefined {
  const m = /(?:是不是|是否)([^？?]*)/.exec(prompt)
  return m === null ? undefined : m[1]
}

/** 才八岁, 孩子8岁了, 十二周岁: an age said, in years. */
const AGE = /(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*周?岁/
const CN_DIGIT: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** The age a short reply says (才八岁, 孩子8岁), undefined when it says none or turns it round (不到八岁). */
export function ageSaid(r: Reading): number | undefined {
  if (r.plain.length > MAX_AGE_REPLY || NEGATION.test(r.plain)) return undefined
  const m = AGE.exec(r.raw.normalize('NFKC'))
  if (m === null) return undefined
  const n = m[1]!
  if (/^\d+$/.test(n)) return Number(n)
  // 八, 十二, 二十, 二十五
  const [tens, ones] = n.includes('十') ? n.split('十') : ['', n]
  const value = (n.includes('十') ? (tens === '' ? 1 : (CN_DIGIT[tens!] ?? NaN)) * 10 : 0) + (ones === '' || ones === undefined ? 0 : (CN_DIGIT[ones] ?? NaN))
  return Number.isNaN(value) ? undefined : value
}

/** Longest reply (compared form) read for an age. */
const MAX_AGE_REPLY = 12

/** An age limit a yes/no question asks about: 是不是未满 16 周岁的孩子. */
const UNDER = /(?:未满|不满|不到)\s*(\d{1,3})\s*周?岁/

/**
 * A yes/no question asking whether someone is under an age (办证的人是不是未满 16 周岁的孩子？), answered by the age
 * said: 是 when under it; 否 when not, unless the question names something else that would also make it 是 (申请人是
 * 不是未满 18 岁的孩子，或者要评的是智力、精神残疾？).
 */
export function ageAnswer(question: Question, age: number, yes: ReadonlySet<string>, no: ReadonlySet<string>): string | undefined {
  if (question.options.length !== 2) return undefined
  const limit = UNDER.exec(question.prompt.normalize('NFKC'))
  const yesOption = question.options.find((o) => yes.has(comparableFixed(o)))
  const noOption = question.options.find((o) => no.has(comparableFixed(o)))
  if (limit === null || yesOption === undefined || noOption === undefined) return undefined
  if (age < Number(limit[1])) return yesOption
  return ALTERNATIVES.test(question.prompt.replace(/（[^）]*）/g, '')) ? undefined : noOption
}
