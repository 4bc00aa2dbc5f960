/**
 * Reading a resident's reply: numbers in any width (１, ①, 一, 第2个), yes/no words, command words, greetings.
 * The words themselves come from dialogs/vocabulary.yaml; only the shapes of numbers live here.
 */
import { canonicalText } from '../match/normalize.js'
import type { HelpKind } from '../catalog/types.js'
import type { CommandName, Vocabulary } from './schema.js'
import { ASPECTS, COMMANDS, type Aspect } from './schema.js'

/** The fields of the 代办 form a resident may say are wrong at its summary, in the order they are looked for. */
export const FORM_FIELDS_FIXABLE = ['name', 'phone', 'area', 'address'] as const
export type FormField = (typeof FORM_FIELDS_FIXABLE)[number]

/** What a reply says, as far as the words go; the state decides what it means. */
export interface Reading {
  /** The text as typed, trimmed and width-normalised (for names, addresses, questions). */
  raw: string
  /** Only letters and digits: what is compared with word lists and option labels. */
  full: string
  /** `full` without polite prefixes and trailing particles (有的呢 → 有的); compared as well. */
  plain: string
  /** A yes or no said first, before a reason (是 腿脚不好): for questions that take yes or no only. */
  leading?: 'yes' | 'no'
  /** With `leading`, that first word (不是 for 不是不是) and the rest of the reply after it, in compared form. */
  leadingWord?: string
  afterLeading?: string
  /** Nothing readable: empty, spaces, emoji or WeChat sticker codes like [微笑]. */
  empty: boolean
  number?: number
  /** Several numbers in one reply (1 2 1, 一，二，一), in order; `number` is then unset (121 is not option 121). */
  numbers?: number[]
  yes: boolean
  no: boolean
  command?: CommandName
  greeting: boolean
  thanks: boolean
  /** 再见, 没事了: leaving. */
  farewell: boolean
  /**
   * The farewell is only words ending the matter (好了 谢谢, 好的 不用了, 行了 可以了: vocabulary.yaml closings), no
   * goodbye word: a goodbye only where no question waits; where one does, it is asked again.
   */
  closingOnly: boolean
  /** 确认, 知道了, 收到: an acknowledgement, not a question (after a submission there is nothing left to confirm). */
  ack: boolean
  /** 等一下, 俺问问俺儿, 我找找: a moment needed; also an ack (where a question is awaited it is none). */
  waiting: boolean
  /** 不知道, 不清楚: not sure of the answer. */
  unsure: boolean
  /**
   * 这个去哪开, 身份证丢了咋办: a short reply asking where to get something, and what it names besides the asking
   * (这个, 身份证丢了). Undefined when the reply does not ask where.
   */
  asksWhere?: string
  /** 啥意思, 这是啥, 啥叫划拨, 不懂: a short reply asking what the thing just asked about (or a term in it) is. */
  asksWhat: boolean
  /**
   * 有没有, 有木有, 有么有, 是不是, 对不对: the question's own yes and no said back as a question (a yes word, then a no
   * word ending in it, or 没 / 不 alone). No answer: the resident is asking what is asked.
   */
  asksYesNo: boolean
  /** The term such a reply names besides the asking (啥叫划拨 → 划拨); '' when none. */
  asksWhatOf?: string
}

/** The vocabulary with every word in its compared form; built once, when the definitions are loaded. */
export interface CompiledVocabulary {
  yes: Set<string>
  no: Set<string>
  agreeOnly: Set<string>
  particles: string[]
  prefixes: string[]
  greetings: Set<string>
  vague: Set<string>
  thanks: Set<string>
  farewells: Set<string>
  /** Words read by closingSaid with what each says, longest first: thanks, goodbyes and closings, agreement. */
  closingWords: [string, ClosingKind][]
  noMobile: string[]
  notDecided: string[]
  acks: Set<string>
  waiting: string[]
  unsure: Set<string>
  /** The 不知道 words of three characters or more, looked for inside short replies. */
  unsureInside: string[]
  whereToGet: string[]
  /** 在哪办, 去哪申请: asking where to apply for the item (said alone or with the item's name). */
  whereToApply: string[]
  /** 咋办, 怎么办: asking where to get something only when the reply also says it is not there. */
  whatToDo: string[]
  whatIsIt: string[]
  commands: Map<string, CommandName>
  /** Per help kind, other words for it (上门 → 特办), in compared form. */
  helpKinds: Record<HelpKind, string[]>
  /** Words that make a reply a sentence rather than a name (我是他闺女, 俺不知道咋填). */
  notName: string[]
  /** Labels typed around a name and a phone on one line (姓名, 电话, 手机号), longest first. */
  contactLabels: string[]
  /** Said of a material, it is not at hand (丢了, 找不到了). */
  missing: string[]
  /** With the item's name or a keyword, the item is done already (已经, 办完). */
  alreadyDone: string[]
  /** In a walk reply, it asks for another matter (另外, 还想办). */
  anotherMatter: string[]
  /** Said of a material, it is there after all (找着, 又有): with trailing particles dropped, as `plain` drops them. */
  found: string[]
  /** Said of a material, it is not there after all (其实没有, 又没): trailing particles dropped too. */
  notAfterAll: string[]
  /** Said of a material, it is at hand or done (在, 交了, 开好了): trailing particles dropped too. */
  present: string[]
  /** A yes/no question naming one of `asked` (委托; 外省) is answered 否 by a reply saying one of `said` (自己去; 本地). */
  turnedRound: { asked: string[]; said: string[] }[]
  /** Said first, then other words, at a material question: a correction, not 没有 (不是，我是给我爹办). */
  corrections: Set<string>
  /** 都有, 都准备好了: said alone at a material question, every material still to ask is there. */
  allReady: Set<string>
  /** 双方, 家庭成员: a material so named is several people's; 都有 said to it answers it alone. */
  severalPeople: string[]
  /** 不对, 不是这个: said alone after a clear find, the item is not what was asked. */
  wrongItem: Set<string>
  /** 对, 没错, 就是这个: said alone after a clear find, the item is what was asked. */
  rightItem: Set<string>
  /** Words wishing to change the phone given (手机号错了, 改电话), looked for inside short replies. */
  changePhone: string[]
  /** Words naming a place outside the county (省, 市, 区, 北京), looked for inside replies at the town question. */
  elsewhere: string[]
  /** Words saying something in the 代办 form is wrong (写错, 不对, 改), looked for inside short replies. */
  formWrong: string[]
  /** Per field of the 代办 form, the words naming it (名字, 电话, 村, 地址), in compared form. */
  formFields: Record<FormField, string[]>
  /** Words asking whether a material is needed (要带, 用带, 需要 …), longest first. */
  asksNeed: string[]
  /** Words around a place name that leave the reply just naming the place (longest first). */
  placeWords: string[]
  /** Per aspect, the words that ask about it, in compared form. */
  asks: [Aspect, string[]][]
  /** Item types whose items pay something out (the amount aspect is answered only for them). */
  amountItemTypes: Set<string>
}

export function compileVocabulary(v: Vocabulary): CompiledVocabulary {
  const set = (words: string[]) => new Set(words.map(comparable).filter(Boolean))
  const particles = v.particles.map(comparable).filter(Boolean)
  // 找着了 is looked for in 身份证找着, the `plain` of 身份证找着了.
  const bare = (words: string[]) => words.map((w) => stripParticles(comparable(w), { particles })).filter(Boolean)
  const commands = new Map<string, CommandName>()
  for (const name of COMMANDS) for (const w of v.commands[name]) commands.set(comparable(w), name)
  return {
    yes: set(v.yes),
    no: set(v.no),
    agreeOnly: set(v.agreeOnly),
    particles,
    // Longest first: 我想要 before 我想, 俺要 before 俺.
    prefixes: [...new Set(v.prefixes.map(comparable).filter(Boolean))].sort((a, b) => b.length - a.length),
    greetings: set(v.greetings),
    vague: set(v.vague),
    thanks: set(v.thanks),
    farewells: set(v.farewells),
    closingWords: closingWords(v),
    noMobile: v.noMobile.map(comparable).filter(Boolean),
    notDecided: v.notDecided.map(comparable).filter(Boolean),
    acks: set(v.acknowledgements),
    waiting: [...set(v.waiting)],
    unsure: set(v.unsure),
    unsureInside: [...set(v.unsure)].filter((w) => w.length >= 3),
    whereToGet: v.whereToGet.map(comparable).filter(Boolean),
    whereToApply: [...new Set(v.whereToApply.map(comparable).filter(Boolean))].sort((a, b) => b.length - a.length),
    whatToDo: v.whatToDo.map(comparable).filter(Boolean),
    whatIsIt: v.whatIsIt.map(comparable).filter(Boolean),
    commands,
    notName: v.notName.map(comparable).filter(Boolean),
    contactLabels: [...new Set(v.contactLabels.map(comparable).filter(Boolean))].sort((a, b) => b.length - a.length),
    missing: v.missing.map(comparable).filter(Boolean),
    alreadyDone: v.alreadyDone.map(comparable).filter(Boolean),
    anotherMatter: v.anotherMatter.map(comparable).filter(Boolean),
    found: bare(v.found),
    notAfterAll: bare(v.notAfterAll),
    present: bare(v.present),
    turnedRound: v.turnedRound.map((pair) => ({ asked: pair.asked.map(comparable).filter(Boolean), said: pair.said.map(comparable).filter(Boolean) })),
    corrections: set(v.corrections),
    allReady: set(v.allReady),
    severalPeople: v.severalPeople.map(comparable).filter(Boolean),
    wrongItem: set(v.wrongItem),
    rightItem: set(v.rightItem),
    changePhone: v.changePhone.map(comparable).filter(Boolean),
    elsewhere: v.elsewhere.map(comparable).filter(Boolean),
    formWrong: v.formWrong.map(comparable).filter(Boolean),
    formFields: {
      name: v.formFields.name.map(comparable).filter(Boolean),
      phone: v.formFields.phone.map(comparable).filter(Boolean),
      area: v.formFields.area.map(comparable).filter(Boolean),
      address: v.formFields.address.map(comparable).filter(Boolean),
    },
    asksNeed: [...new Set(v.asksNeed.map(comparable).filter(Boolean))].sort((a, b) => b.length - a.length),
    helpKinds: {
      领办: v.helpKinds.领办.map(comparable).filter(Boolean),
      帮办: v.helpKinds.帮办.map(comparable).filter(Boolean),
      代办: v.helpKinds.代办.map(comparable).filter(Boolean),
      特办: v.helpKinds.特办.map(comparable).filter(Boolean),
    },
    placeWords: [...new Set(v.placeWords.map(comparable).filter(Boolean))].sort((a, b) => b.length - a.length),
    asks: ASPECTS.map((aspect) => [aspect, v.asks[aspect].map(comparable).filter(Boolean)]),
    amountItemTypes: new Set(v.asks.amountItemTypes),
  }
}

/** WeChat renders its own emoji as bracketed names ([微笑], [Thumbs Up]); they carry no answer. */
const STICKER_CODE = /\[[\p{Script=Han}A-Za-z ]{1,12}\]/gu

/** The form words are compared in: width, case and script unified, only letters and digits kept. */
export function comparable(text: string): string {
  return canonicalText(text.replace(STICKER_CODE, '')).replace(/[^\p{L}\p{N}]+/gu, '').replace(PARTICLE_ZHE, '$1着')
}

/**
 * 著 as the traditional script writes the particle 着 (找不著, 找著了, 睡不著, 拿著): simplified text keeps 著 for 著名,
 * 显著, so the script conversion leaves it; after a verb or 不 it is 着.
 */
const PARTICLE_ZHE = /([找不睡见拿摸接用等跟看听想记放带留坐站躺住顾急])著/gu

const fixedForms = new Map<string, string>()
/** comparable() for texts from files (labels, place names), remembered: they recur on every message. */
export function comparableFixed(text: string): string {
  let form = fixedForms.get(text)
  if (form === undefined) {
    form = comparable(text)
    // Files hold a few thousand such texts at most; the bound only guards against misuse.
    if (fixedForms.size > 20_000) fixedForms.clear()
    fixedForms.set(text, form)
  }
  return form
}

/** Said between the characters of a word without changing it: 章子丢了 is 章丢了, 车儿坏了 车坏了. */
const FILLER = '[子儿]?'
const wordPatterns = new Map<string, RegExp>()
/**
 * Where a word (in compared form) is said in a text, a 子 or 儿 allowed between its characters (章子丢了 says the 说法
 * 章丢了): the word's pattern, global, remembered. Only between characters, so the word's own ends decide as before.
 */
export function wordPattern(word: string): RegExp {
  let pattern = wordPatterns.get(word)
  if (pattern === undefined) {
    pattern = new RegExp([...word].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(FILLER), 'gu')
    if (wordPatterns.size > 20_000) wordPatterns.clear()
    wordPatterns.set(word, pattern)
  }
  pattern.lastIndex = 0
  return pattern
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 }
/** 2, 第2个, 选2, 2号, 二, 头一个 — a whole reply that names one number. */
const NUMBER = /^(?:第|选|选择|头(?=[一1]))?(\d{1,3}|[一二两三四五六七八九十])(?:个|号|项|条|种)?$/

/** Several numbers in one reply (1 2 1, 一，二，一): answers to several questions, or a slip. */
export const SEVERAL_NUMBERS = /^[1-9一二两三四五六七八九](?:[\s,，、。;；]+[1-9一二两三四五六七八九])+$/

/** A number typed with a minus sign or a decimal point (after NFKC: －1 → -1, １.５ → 1.5). */
const SIGNED = /^([-−﹣‐–—])?\s*(\d{1,3}(?:\.\d+)?)[\s。.]*$/

/** Markup tags (<b>, </span>, <img …>): pasted from a web page or typed to probe, never part of a name. */
export const MARKUP_TAGS = /<\/?[a-z][^<>]*>/gi

/**
 * A reply of nothing but a thumbs-up, an OK hand, a check mark or WeChat's [强] / [OK]: residents on phones agree
 * this way; read as 嗯 (comparable() drops emoji, so without this it would be 没看懂).
 */
const AGREEMENT_SIGNS = /^(?:[\u{1F44D}\u{1F44C}\u{2705}\u{2714}\u{2611}\u{1F646}\u{1F197}][\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{200D}\u{2640}\u{2642}]*|\[(?:强|OK|ok|好的|赞)\]|\s)+$/u

/**
 * Only question marks (？, ??), or 啥 / 什么 / 嗯？ / 啊？ alone: the resident does not see what is being asked. (嗯 and
 * 啊 without a question mark agree or are a particle: not these.)
 */
export const ONLY_QUESTION_MARKS = /^\s*(?:(?:啥|什么|咋|啥[呀啊]|什么[呀啊]|咋了|咋回事)[?？\s]*|(?:[嗯啊哈蛤]\s*)?[?？][?？\s]*)$/

export function read(text: string, v: CompiledVocabulary): Reading {
  if (AGREEMENT_SIGNS.test(text) && text.trim() !== '') return { ...read('嗯', v), raw: text.trim() }
  const raw = text.normalize('NFKC').replace(/\s+/g, ' ').trim()
  const full = comparable(raw)
  const unprefixed = stripPrefix(full, v)
  const plain = stripParticles(unprefixed, v)
  // 俺不办了: the word list has 不办了 (with its 了), which `plain` has lost.
  const has = (set: Set<string>) => set.has(full) || set.has(plain) || set.has(unprefixed)

  const numberMatch = NUMBER.exec(plain)
  let number: number | undefined
  if (numberMatch) {
    const n = numberMatch[1]!
    number = /\d/.test(n) ? Number(n) : CN_DIGITS[n]
  }
  let numbers: number[] | undefined
  if (SEVERAL_NUMBERS.test(raw)) {
    numbers = raw.split(/[\s,，、。;；]+/).map((n) => (/\d/.test(n) ? Number(n) : CN_DIGITS[n]!))
    number = undefined
  }
  // 俺问问俺儿, 我找找看: a short reply starting with one (the 俺 / 我 went with the prefixes), asking nothing itself:
  // 问问低保咋办 and 马上要生孩子了咋登记 are questions, 问问要钱不 a question back.
  const waiting =
    plain.length <= MAX_WAITING_REPLY &&
    !ASKS_SOMETHING.test(plain) &&
    v.waiting.some((w) => plain.startsWith(w) || unprefixed.startsWith(w))
  // 有有有, 没有没有, 对对对: a yes or no said over and over is that yes or no.
  const repeated = repeatedUnit(plain, v)
  // 好的谢谢 不用了, 行了 知道了, 谢谢 再见: thanks or a goodbye said with more words of the kind.
  const closing = closingSaid(full, v)
  // "-1", "0.1": comparable() drops the sign and the point, but they are not option 1.
  const signed = SIGNED.exec(raw)
  if (signed && (signed[1] !== undefined || signed[2]!.includes('.'))) number = (signed[1] ? -1 : 1) * Number(signed[2])
  return {
    raw,
    full,
    plain,
    empty: full === '',
    number,
    ...(numbers && { numbers }),
    yes: has(v.yes) || (repeated !== undefined && v.yes.has(repeated)),
    no: has(v.no) || (repeated !== undefined && v.no.has(repeated)),
    command: v.commands.get(full) ?? v.commands.get(unprefixed) ?? v.commands.get(plain),
    // 我要办事 is answered as a greeting is: tell us what.
    greeting: has(v.greetings) || has(v.vague),
    thanks: has(v.thanks) || closing?.thanks === true,
    farewell: has(v.farewells) || closing?.farewell === true,
    closingOnly: !has(v.farewells) && closing?.closingOnly === true,
    ack: has(v.acks) || waiting,
    waiting,
    // 俺也不知道, 这个不清楚: a short reply with one in it is still not sure.
    unsure: has(v.unsure) || (plain.length <= MAX_UNSURE_REPLY && v.unsureInside.some((w) => plain.includes(w))),
    asksWhere: whereAsked(plain, v),
    asksYesNo: yesNoBack(plain, v),
    ...whatAsked(plain, v),
    ...leadingYesNo(raw, v),
  }
}

/** What a word read by closingSaid says: thanks, goodbye, ending the matter (不用了, 好了), agreement. */
type ClosingKind = 'thanks' | 'farewell' | 'closing' | 'agree'

/** The words closingSaid reads, with what each says, longest first (compared forms). */
function closingWords(v: Vocabulary): [string, ClosingKind][] {
  const kinds: [string[], ClosingKind][] = [
    [v.thanks, 'thanks'],
    [v.farewells, 'farewell'],
    [v.closings, 'closing'],
    [v.acknowledgements, 'agree'],
    [v.agreeOnly, 'agree'],
  ]
  const words = new Map<string, ClosingKind>()
  for (const [list, kind] of kinds) for (const w of list) if (comparable(w) !== '' && !words.has(comparable(w))) words.set(comparable(w), kind)
  return [...words].sort((a, b) => b[0].length - a[0].length)
}

/** Most words, and characters (compared form), read by closingSaid: longer replies say more than thanks and goodbye. */
const MAX_CLOSING_WORDS = 5
const MAX_CLOSING_REPLY = 16

/**
 * A reply made only of two or more words of thanks (谢谢), goodbye (再见), agreement (好的, 知道了) and ending the
 * matter (不用了, 行了: vocabulary.yaml closings), each maybe with a particle after it (好的谢谢 不用了, 行了 知道了, 谢谢
 * 再见, 知道了 谢谢): farewell when one says goodbye or ends the matter (closingOnly when no goodbye word is said, 好了
 * 谢谢), thanks when one thanks and says no goodbye word. Undefined for
 * anything else, agreement alone included (好的 知道了 keeps the question waiting).
 */
function closingSaid(full: string, v: CompiledVocabulary): { thanks: boolean; farewell: boolean; closingOnly: boolean } | undefined {
  const words = v.closingWords
  if (full === '' || full.length > MAX_CLOSING_REPLY) return undefined
  // What the words from `k` on say (longest words tried first); undefined when the rest is not such words.
  const from = (k: number, left: number): ClosingKind[] | undefined => {
    if (k === full.length) return []
    if (left === 0) return undefined
    for (const [w, kind] of words) {
      if (!full.startsWith(w, k)) continue
      const end = k + w.length
      const particle = v.particles.find((p) => full.startsWith(p, end))
      for (const stop of particle === undefined ? [end] : [end + particle.length, end]) {
        const rest = from(stop, left - 1)
        if (rest !== undefined) return [kind, ...rest]
      }
    }
    return undefined
  }
  const said = from(0, MAX_CLOSING_WORDS)
  if (said === undefined || said.length < 2) return undefined
  const bye = said.includes('farewell')
  const ends = said.includes('closing')
  if (!bye && !ends && !said.includes('thanks')) return undefined
  return { thanks: !bye && said.includes('thanks'), farewell: bye || ends, closingOnly: !bye && ends }
}

/** See Reading.asksYesNo: 有 + 没有 / 木有 / 么有 / 莫有 (any no word of the vocabulary ending in the yes word), 有没. */
function yesNoBack(plain: string, v: CompiledVocabulary): boolean {
  for (let k = 1; k < plain.length; k++) {
    const yes = plain.slice(0, k)
    const no = plain.slice(k)
    if (v.yes.has(yes) && !v.agreeOnly.has(yes) && v.no.has(no) && (no.endsWith(yes) || no === '没' || no === '不')) return true
  }
  return false
}

/** The yes or no word a reply says over and over (有有, 有有有, 没有没有). */
function repeatedUnit(plain: string, v: CompiledVocabulary): string | undefined {
  for (let k = 1; k <= plain.length / 2; k++) {
    const unit = plain.slice(0, k)
    // 好好好 agrees, it does not say 有 (agreeOnly): left as it was.
    if (plain.length % k === 0 && unit.repeat(plain.length / k) === plain && (v.yes.has(unit) || v.no.has(unit))) {
      return v.agreeOnly.has(unit) ? undefined : unit
    }
  }
  return undefined
}

/**
 * 是 腿脚不好, 不是不是 俺自己去: a yes or no said first, apart from a reason after it (space or punctuation between).
 * Only the first piece is read; a reply of one piece is not leading anything.
 */
function leadingYesNo(raw: string, v: CompiledVocabulary): Pick<Reading, 'leading' | 'leadingWord' | 'afterLeading'> {
  const pieces = raw.split(/[\s,，。.!！、;；]+/).filter(Boolean)
  if (pieces.length < 2) return {}
  let first = comparable(pieces[0]!)
  // 不是不是, 对对对: a word said twice or more.
  for (let k = 1; k <= first.length / 2; k++) {
    const unit = first.slice(0, k)
    if (first.length % k === 0 && unit.repeat(first.length / k) === first && (v.yes.has(unit) || v.no.has(unit))) first = unit
  }
  const leading = v.no.has(first) ? 'no' : v.yes.has(first) && !v.agreeOnly.has(first) ? 'yes' : undefined
  return leading === undefined ? {} : { leading, leadingWord: first, afterLeading: comparable(pieces.slice(1).join('')) }
}

/** Longest reply (compared form) read as not sure when it contains a 不知道 word. */
const MAX_UNSURE_REPLY = 6

/** Longest reply (compared form) read as asking to wait (俺问问俺儿再说). */
const MAX_WAITING_REPLY = 10
/** Words that make a reply a question or a request (咋, 啥, 吗, 要, 办 …), so never a request to wait. */
const ASKS_SOMETHING = /[咋啥吗嘛呢哪几多要办领补交]|怎么|什么|不$/
/** Longest reply (compared form) read as asking what the thing just asked about is. */
const MAX_WHAT_REPLY = 8
/** Longest such reply when it starts with the asking words (什么是经济适用住房, 啥叫权属证明): a term follows. */
const MAX_WHAT_TERM_REPLY = 12

/**
 * Whether a short reply asks what something is (这是啥, 啥叫划拨, 权属证明是啥, 不懂), and the term it names once the
 * asking words are taken out ('' when it names none: the thing just asked about).
 */
function whatAsked(text: string, v: CompiledVocabulary): { asksWhat: boolean; asksWhatOf?: string } {
  // 不知道啥是残疾评定, 不清楚什么叫划拨: the not-knowing said first only leads into the question.
  const lead = [...v.unsure].filter((w) => text.startsWith(w) && text.length > w.length).sort((a, b) => b.length - a.length)[0]
  const plain = lead === undefined ? text : text.slice(lead.length)
  const said = v.whatIsIt.filter((w) => plain.includes(w))
  const long = plain.length > MAX_WHAT_REPLY
  if (said.length === 0 || plain.length > MAX_WHAT_TERM_REPLY || (long && !said.some((w) => plain.startsWith(w)))) return { asksWhat: false }
  let rest = plain
  for (const w of [...said].sort((a, b) => b.length - a.length)) rest = rest.split(w).join('')
  // 工作证明是啥东西, 干嘛用的: the 是 or 的 left over once 啥东西, 干啥的 are taken out is no part of the term.
  return { asksWhat: true, asksWhatOf: rest.replace(IS_LEFT, '') }
}

/**
 * A 是 (就是, 的是) or 的 at the end of what a what-is-it reply names besides the asking: 工作证明是啥东西 → 工作证明,
 * 干嘛用的 → nothing.
 */
const IS_LEFT = /(?:(?:就|的)?是)?的?$/

/** What a short reply names besides asking where (这个去哪开 → 这个), or undefined when it does not ask where. */
function whereAsked(plain: string, v: CompiledVocabulary): string | undefined {
  // Only a short reply: a longer one that happens to contain 在哪办 is more likely a new question.
  if (plain.length > MAX_WHERE_REPLY) return undefined
  const phrase = v.whereToGet.find((w) => plain.includes(w))
  if (phrase !== undefined) return plain.replace(phrase, '')
  // 房东不给租房合同咋办, 没户口本咋办: 咋办 with something said not to be there; 残疾人怎么办 is a new question.
  const what = v.whatToDo.find((w) => plain.includes(w))
  if (what === undefined) return undefined
  const rest = plain.replace(what, '')
  // 丢了, 找不着 say it too (the 了 may have gone with the particles: 户口本丢了咋整 → 户口本丢).
  const gone = v.missing.some((w) => rest.includes(w) || rest.endsWith(w.replace(/了$/, '')))
  return NEGATION.test(rest) || gone ? rest : undefined
}

/** Whether `text` holds `word` not turned round by a 没, 不 or 未 just before it (没找着 is no 找着, 还没办完 no 办完). */
export function saysUnturned(text: string, word: string): boolean {
  const at = text.indexOf(word)
  return at >= 0 && !/[没不未]$/.test(text.slice(0, at))
}

/**
 * Said first to turn to another matter (对了, 哎对了, 还有, 另外, 顺便问一下): no part of the question, which the matcher
 * reads without it (对了俺娘的低保咋申请 is 俺娘的低保咋申请).
 */
const ASIDE = /^(?:[哎哦噢啊嗯呃]\s*)?(?:对了|对啦|还有|另外|顺便问一下|顺便问下|顺便问问|再问一下|再问下)(?:个事|件事|就是|啊|呀|哈)?[\s,，、。:：!！]*/u

/** `question` without a word said first to turn to another matter (ASIDE), unless nothing would be left. */
export function withoutAside(question: string): string {
  const rest = question.trim().replace(ASIDE, '')
  return rest.length >= 2 ? rest : question
}

/** Longest reply (compared form) read as asking where to get the thing just asked about. */
const MAX_WHERE_REPLY = 12

/**
 * Drops a polite prefix or a 我 / 俺 said first (the longest that fits), but never down to nothing, nor the 俺 of
 * 俺的户口本 or 俺们 (what follows is no reply of its own).
 */
function stripPrefix(text: string, v: CompiledVocabulary): string {
  const p = v.prefixes.find((p) => text.length > p.length && text.startsWith(p) && !/^[的们]/.test(text.slice(p.length)))
  return p === undefined ? text : text.slice(p.length)
}

/** Drops trailing particles, but never down to nothing (了 alone stays 了). */
function stripParticles(text: string, v: Pick<CompiledVocabulary, 'particles'>): string {
  let out = text
  for (let changed = true; changed; ) {
    changed = false
    for (const p of v.particles) {
      if (out.length > p.length && out.endsWith(p)) {
        out = out.slice(0, -p.length)
        changed = true
      }
    }
  }
  return out
}

/** Characters that turn the words after them round (没领证, 不是本县户口): such words are not said. */
export const NEGATION = /[没不未非无别]/

/** A mainland mobile number from what was typed (spaces, dashes, +86 allowed), or undefined. */
export function mobileNumber(raw: string): string | undefined {
  const digits = raw
    .normalize('NFKC')
    .replace(/[\s\-()（）]/g, '')
    .replace(/[〇零一二三四五六七八九幺两壹贰叁肆伍陆柒捌玖]/g, (d) => HAN_DIGITS[d]!)
    .replace(/^(\+?86)/, '')
  return /^1[3-9]\d{9}$/.test(digits) ? digits : undefined
}

const HAN_DIGIT_CLASS = '〇零一二三四五六七八九幺两壹贰叁肆伍陆柒捌玖'
/** A mobile number in Arabic digits inside other text (+86, spaces and dashes allowed), not part of a longer number. */
const MOBILE_IN_TEXT = /(?<![\d])(?:\+?86[\s-]?)?1[3-9](?:[\s-]?\d){9}(?![\d])/g
/** The same in characters (幺三八…), eleven of them with spaces allowed. */
const HAN_MOBILE_IN_TEXT = new RegExp(`(?<![${HAN_DIGIT_CLASS}])[${HAN_DIGIT_CLASS}](?:\\s*[${HAN_DIGIT_CLASS}]){10}(?![${HAN_DIGIT_CLASS}])`, 'g')

/**
 * The one mobile number in a line that says more than the number (张秀英 13812345678, 手机：138…, 电话是幺三八…),
 * with what is left of the line; undefined when there is none, or two different ones.
 */
export function mobileInText(raw: string): { phone: string; rest: string } | undefined {
  const text = raw.normalize('NFKC')
  for (const pattern of [MOBILE_IN_TEXT, HAN_MOBILE_IN_TEXT]) {
    const found = [...text.matchAll(pattern)].map((m) => ({ phone: mobileNumber(m[0]), at: m.index, length: m[0].length }))
    const phones = new Set(found.map((f) => f.phone).filter((p) => p !== undefined))
    if (phones.size > 1) return undefined
    if (phones.size === 0) continue
    let rest = ''
    let from = 0
    for (const f of found) {
      if (f.phone === undefined) continue
      rest += text.slice(from, f.at) + ' '
      from = f.at + f.length
    }
    return { phone: [...phones][0]!, rest: rest + text.slice(from) }
  }
  return undefined
}

/** Digits spoken or typed in characters (一三八…; 幺 is how 1 is said in phone numbers, 两 a common 2; 壹贰叁 as on forms). */
const HAN_DIGITS: Readonly<Record<string, string>> = {
  〇: '0', 零: '0', 一: '1', 幺: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
  壹: '1', 贰: '2', 叁: '3', 肆: '4', 伍: '5', 陆: '6', 柒: '7', 捌: '8', 玖: '9',
}

/**
 * A person's name: 2–20 Han characters (with · for minority names; spaces typed inside are dropped, 李 四 → 李四)
 * or 2–30 Latin letters. Undefined for text that reads as a sentence: one of `notName` (compared forms, from
 * vocabulary.yaml) in it, or a question mark or digit.
 */
export function personName(raw: string, notName: readonly string[] = []): string | undefined {
  const name = raw.normalize('NFKC').trim().replace(/\s+/g, ' ')
  if (/[?？\d]/.test(name)) return undefined
  const han = name.replace(/\s+/g, '').replace(/•/g, '·')
  if (/^[\p{Script=Han}·]{2,20}$/u.test(han) && !/^·|·$|··/.test(han)) {
    const form = comparable(han)
    return notName.some((w) => form.includes(w)) ? undefined : han
  }
  if (/^[A-Za-z][A-Za-z .'-]{1,29}$/.test(name)) return name
  return undefined
}

/** A postal address: long enough to find a house, with some Han characters, not absurdly long. */
export function postalAddress(raw: string): string | undefined {
  const address = raw.normalize('NFKC').trim().replace(/\s+/g, ' ')
  const han = address.match(/\p{Script=Han}/gu)?.length ?? 0
  return address.length >= 6 && address.length <= 100 && han >= 4 ? address : undefined
}

/** 138****5678: how a phone number appears anywhere others might see it (GB/T 35273). */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone
}

/**
 * 能领…不, 能不能办…, 可以申请…吗, in one part of a question (厂子倒闭了 俺失业了 能领失业金不): asking whether one may
 * get something. Not 能领多少 (what is paid), nor 能补 (a lost one replaced: see asksReplacement).
 */
const MAY_GET = /(?:能|可以|能不能|可不可以)(?:领|办|申请|享受)(?!多少)\p{Script=Han}{0,8}(?:不|吗|么|嘛|没)$/u

/** Where a question is cut into its parts (厂子倒闭了 俺失业了 能领失业金不). */
const QUESTION_PARTS = /[\s,，。.;；!！?？、]+/u

function asksMayGet(question: string): boolean {
  return question.normalize('NFKC').split(QUESTION_PARTS).some((part) => MAY_GET.test(part.replace(/[吧呀啊呢]+$/u, '')))
}

/** The aspects a question asks about besides the materials (残疾证多少天能拿到: limit), in ASPECTS order. */
export function askedAspects(question: string, v: CompiledVocabulary, itemType: string): Aspect[] {
  const text = comparable(question)
  let asked = v.asks.filter(([, words]) => words.some((w) => text.includes(w))).map(([aspect]) => aspect)
  // 能领失业金不, 我可以申请低保吗: whether the resident may get it, wherever the thing is named between the words.
  if (!asked.includes('conditions') && !asked.includes('amount') && asksMayGet(question)) asked = ASPECTS.filter((a) => a === 'conditions' || asked.includes(a))
  // 手机上能办不: the 能办不 asks whether it can be done that way, not whether the resident qualifies.
  if (asked.includes('online')) asked = asked.filter((a) => a !== 'conditions')
  if (!asked.includes('amount')) return asked
  // 低保一个月能领多少钱 asks what is paid out, not what it costs (both lists may hold 多少钱); an item that pays
  // nothing out (残疾人证) has no amount to tell, and its fee is then the likelier question.
  return v.amountItemTypes.has(itemType) ? asked.filter((a) => a !== 'fee') : asked.filter((a) => a !== 'amount')
}
