/**
 * The materials walk-through: which question or material to ask next, and where each material stands.
 * A situation question is asked just before the first material it decides, alone, and the material after it.
 * (Merging a yes/no question with its material, "1 是，有了 / 2 是，还没有 / 3 否", saved a message but residents
 * used to "2 = 没有" answered 2 meaning 否, and got a material they did not need on their list.)
 */
import type { CatalogItem, Material, Question } from '../catalog/types.js'
import { comparable, comparableFixed, NEGATION, wordPattern } from './text.js'

export type WalkStep =
  | { kind: 'material'; material: Material }
  /** needs: the one option that brings in a material, when only one option does and brings only one (选"是"的话，还要带…). */
  | { kind: 'question'; question: Question; needs?: { option: string; material: Material } }

/** The material a step asks about: its own, or at a situation question the one its option brings in (see needs). */
export function stepMaterial(step: WalkStep): Material | undefined {
  return step.kind === 'material' ? step.material : step.needs?.material
}

interface Progress {
  answers: Record<string, string>
  ready: Record<string, boolean>
}

/**
 * The answer kept for a situation question the resident is not sure about (不知道): not asked again, and its
 * materials stay 看情况 on the checklist, with the question, rather than guessed into ✓ or ✗. (No option is
 * empty: the catalogue schema requires text.)
 */
export const UNSURE_ANSWER = ''

/**
 * Whether question `q` is asked: false when an earlier answer rules it out (委托他人 once the insured person has
 * died), undefined while that answer is not yet given. An earlier question answered 不知道 rules nothing out.
 */
export function questionOpen(item: CatalogItem, q: Question, answers: Record<string, string>): boolean | undefined {
  const c = q.condition
  if (!c) return true
  const parent = item.questions.find((p) => p.id === c.questionId)
  // The catalogue check makes a condition name an earlier question, so this climbs and ends.
  const open = parent ? questionOpen(item, parent, answers) : true
  if (open !== true) return open
  const answer = answers[c.questionId]
  if (answer === undefined) return undefined
  return answer === UNSURE_ANSWER || c.answers.includes(answer)
}

/**
 * The situation answers that stand, for the ticket: not 不知道 (its materials are among the unknown ones), and not
 * an answer to a question an answer given since has ruled out (返回, then a different first answer).
 */
export function givenAnswers(item: CatalogItem, answers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const q of item.questions) {
    const answer = answers[q.id]
    if (answer !== undefined && answer !== UNSURE_ANSWER && questionOpen(item, q, answers) === true) out[q.id] = answer
  }
  return out
}

/**
 * The fee for the resident's case: the fee of the answer given to the question that decides it (收费 on a
 * question: 遗失补领 40 元), else the item's own 收费 (not answered yet, 不知道, or an option without its own).
 */
export function feeFor(item: CatalogItem, answers: Record<string, string>): string {
  const question = item.questions.find((q) => q.fees !== undefined)
  const answer = question ? givenAnswers(item, answers)[question.id] : undefined
  return (answer !== undefined ? question?.fees?.[answer] : undefined) ?? item.fee
}

/** Whether a conditional material applies: undefined while its question is unanswered or not known. */
function applies(item: CatalogItem, m: Material, answers: Record<string, string>): boolean | undefined {
  if (!m.condition) return true
  const question = item.questions.find((q) => q.id === m.condition?.questionId)
  const open = question ? questionOpen(item, question, answers) : true
  if (open !== true) return open
  const answer = answers[m.condition.questionId]
  return answer === undefined || answer === UNSURE_ANSWER ? undefined : m.condition.answers.includes(answer)
}

/**
 * The 提示 with a 结论 (不符合条件, 不用办) the answers bring in: the resident's case cannot, or need not, be applied for,
 * so nothing more is asked and no materials are listed. Undefined while no such case holds.
 */
export function closingNotice(item: CatalogItem, answers: Record<string, string>): Material | undefined {
  for (const m of item.materials) {
    if (m.conclusion !== undefined && applies(item, m, answers) === true) return m
  }
  return undefined
}

/**
 * The next thing to ask, or undefined when the walk is complete. Optional materials are never asked, nor those the
 * window provides or has filled in on the spot (窗口提供): nothing to prepare. A 提示 is not asked either, but the
 * question it hangs on is: the resident should learn that in an emergency help comes first.
 */
export function nextStep(item: CatalogItem, p: Progress): WalkStep | undefined {
  if (closingNotice(item, p.answers) !== undefined) return undefined
  for (const m of item.materials) {
    if (m.requirement === '可选' || m.atWindow === true) continue
    const applicable = m.requirement === '按情况' ? applies(item, m, p.answers) : true
    if (m.notice === true) {
      const question = applicable === undefined ? unansweredQuestion(item, m.condition!.questionId, p.answers) : undefined
      if (question) return questionStep(item, question)
      continue
    }
    if (applicable === undefined) {
      const question = unansweredQuestion(item, m.condition!.questionId, p.answers)
      if (question) return questionStep(item, question)
      continue
    }
    if (applicable && p.ready[m.name] === undefined) return { kind: 'material', material: m }
  }
  return undefined
}

/**
 * The question to ask so that question `id` can be settled: the first of it and the questions it depends on
 * still unanswered, earliest first. None when it was answered 不知道 (not asked again).
 */
function unansweredQuestion(item: CatalogItem, id: string, answers: Record<string, string>): Question | undefined {
  const question = item.questions.find((q) => q.id === id)
  if (!question) return undefined
  const parent = question.condition && answers[question.condition.questionId] === undefined
    ? unansweredQuestion(item, question.condition.questionId, answers)
    : undefined
  if (parent) return parent
  return answers[id] === undefined ? question : undefined
}

function questionStep(item: CatalogItem, question: Question): WalkStep {
  const decided = (option: string) =>
    item.materials.filter((m) => m.requirement === '按情况' && m.atWindow !== true && m.notice !== true && m.condition?.questionId === question.id && m.condition.answers.includes(option))
  const triggering = question.options.filter((o) => decided(o).length > 0)
  const materials = triggering.length === 1 ? decided(triggering[0]!) : []
  if (materials.length !== 1) return { kind: 'question', question }
  return { kind: 'question', question, needs: { option: triggering[0]!, material: materials[0]! } }
}

/**
 * Whether `text` says `word` (a 子 or 儿 between its characters allowed, see wordPattern), somewhere not turned round by
 * the character before it (没领证 does not say 领证) nor by a 不是, 没有 just before (不是五保 does not say 五保).
 */
function saysWord(text: string, word: string): boolean {
  if (word === '') return false
  for (const m of text.matchAll(wordPattern(word))) {
    if (!NEGATION.test(text.charAt(m.index - 1)) && !NOT_BEING.test(text.slice(0, m.index))) return true
  }
  return false
}

/** A negation and 是, 有 or 算 ending a text: what follows is what the resident is not, or has not. */
const NOT_BEING = /[没不未非无][是有算]$/

const stamps = new WeakMap<CatalogItem, string>()

/**
 * A short fingerprint of what the walk asks for an item: its materials (names, requirement, condition) and its
 * situation questions (ids, options), in order. A session keeps it from when its walk began; a different one
 * later means an admin edited the item under the resident, so the answers given may belong to other materials.
 */
export function walkStamp(item: CatalogItem): string {
  let stamp = stamps.get(item)
  if (stamp !== undefined) return stamp
  const text = [
    ...item.materials.map((m) => ['m', m.name, m.requirement, m.condition?.questionId ?? '', ...(m.condition?.answers ?? [])]),
    // A question's condition only when it has one: the stamps of items without any stay as they were.
    ...item.questions.map((q) => ['q', q.id, ...q.options, ...(q.condition ? ['\u001d', q.condition.questionId, ...q.condition.answers] : [])]),
  ]
    .map((fields) => fields.join('\u001f'))
    .join('\u001e')
  // FNV-1a, 32 bits: enough to tell one version of one item from the next.
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  stamp = (h >>> 0).toString(36)
  stamps.set(item, stamp)
  return stamp
}

/**
 * The item's 提示 that an answer brings in (续费 → where to pay), or with `answer` undefined those that hold whatever
 * the answers: said as the walk reaches them, since they may make the rest moot (in an emergency, help comes first).
 */
export function noticesFor(item: CatalogItem, answer?: { questionId: string; option: string }): Material[] {
  // A notice that ends the matter (结论) is said where the walk ends, with what it means (the closing step).
  return item.materials.filter((m) =>
    m.notice === true &&
    m.conclusion === undefined &&
    (answer === undefined
      ? m.condition === undefined
      : m.condition?.questionId === answer.questionId && m.condition.answers.includes(answer.option)),
  )
}

/**
 * atWindow: provided or filled in at the window (窗口提供), so neither ready nor missing; notice: not a material but
 * what to know in this case (提示), shown only once the case is known.
 */
export type MaterialStatus = 'ready' | 'missing' | 'unchecked' | 'conditional' | 'optional' | 'atWindow' | 'notice'

/** Every material that (still) matters for this resident, with its status; ones ruled out by an answer are left out. */
export function materialStatuses(item: CatalogItem, p: Progress): { material: Material; status: MaterialStatus }[] {
  const out: { material: Material; status: MaterialStatus }[] = []
  for (const m of item.materials) {
    const applicable = applies(item, m, p.answers)
    if (applicable === false) continue
    // Still to be settled (不知道, or never asked) counts as needed: filling it in at the window costs nothing.
    if (m.notice === true) {
      // A notice for a case not yet settled would tell residents of the other case something wrong.
      if (applicable === true || m.condition === undefined) out.push({ material: m, status: 'notice' })
      continue
    }
    if (m.atWindow === true) {
      out.push({ material: m, status: 'atWindow' })
      continue
    }
    if (m.requirement === '可选') {
      out.push({ material: m, status: 'optional' })
      continue
    }
    if (applicable === undefined) {
      out.push({ material: m, status: 'conditional' })
      continue
    }
    const ready = p.ready[m.name]
    out.push({ material: m, status: ready === undefined ? 'unchecked' : ready ? 'ready' : 'missing' })
  }
  return out
}

/**
 * The answers a walk starts from: those given, and what the resident's question already said (presumedAnswers),
 * but for the questions in `notPresumed` (the resident went back to answer them: DialogData.notPresumed).
 */
export function startingAnswers(
  item: CatalogItem,
  asked: string | undefined,
  given: Record<string, string>,
  notPresumed: readonly string[] = [],
): Record<string, string> {
  const presumed = [...presumedAnswers(item, asked)].filter(([id]) => !notPresumed.includes(id))
  return { ...Object.fromEntries(presumed), ...given }
}

/**
 * Situation questions the resident's own question already answers, by the item's 说法 (身份证丢了咋补 → 遗失补领):
 * question id → option. A question two options' words both match is left to ask.
 */
export function presumedAnswers(item: CatalogItem, asked: string | undefined): Map<string, string> {
  return asked === undefined ? new Map() : presumedIn(item, comparable(asked))
}

/** presumedAnswers() of a text already in compared form (a reply's Reading.plain). */
export function presumedIn(item: CatalogItem, compared: string): Map<string, string> {
  const presumed = new Map<string, string>()
  // The item's own name says nothing about the situation (居民身份证申领、换领、补领 names every kind).
  const text = compared.replace(comparableFixed(item.name), '')
  for (const q of item.questions) {
    const said = q.options.filter((o) => (q.words[o] ?? []).some((w) => saysWord(text, comparableFixed(w))))
    if (said.length === 1) presumed.set(q.id, said[0]!)
    // 老年证丢了能补不 where a question has one option for a replacement (补领, 遗失补办): that one.
    else if (said.length === 0 && asksReplacement(text)) {
      const replacing = q.options.filter((o) => REPLACEMENT_OPTION.test(o))
      if (replacing.length === 1) presumed.set(q.id, replacing[0]!)
    }
    // 俺有光荣证, 光荣证在家放着呢 at 《独生子女父母光荣证》是不是丢了？: not lost, 否.
    else if (said.length === 0 && q.options.length === 2 && q.options[1] === '否' && holdsLostThing(text, lostThingAsked(q))) presumed.set(q.id, '否')
  }
  return presumed
}

/**
 * The resident's words in `asked` that presumedAnswers took question `id`'s answer from (中毒 for 有没有人因为打药中毒？,
 * 补办, 有光荣证), as the item writes them; undefined when it took none.
 */
export function presumedSaid(item: CatalogItem, asked: string, id: string): string | undefined {
  const q = item.questions.find((x) => x.id === id)
  const option = presumedAnswers(item, asked).get(id)
  if (q === undefined || option === undefined) return undefined
  const text = comparable(asked).replace(comparableFixed(item.name), '')
  const word = (q.words[option] ?? []).find((w) => saysWord(text, comparableFixed(w)))
  return word ?? REPLACEMENT.exec(text)?.[0] ?? lostThingHeld(text, lostThingAsked(q))
}

/** Asking for a lost or spoilt one to be replaced: 能补不, 咋补办, 补个新的, 补领. */
const REPLACEMENT = /补办|补领|补发|补证|能补|咋补|怎么补|补个|补一个|补张|补本/

/** An option for a replacement (遗失补领, 补办读者证, 章丢了补刻; not 补贴, 补录, 损坏换领). */
const REPLACEMENT_OPTION = /补办|补领|补发|补刻|补证|遗失|丢失|丢了/

/** Whether a question (compared form) asks for a lost one to be replaced (老年证丢了能补不). */
export function asksReplacement(compared: string): boolean {
  return REPLACEMENT.test(compared)
}

/** Whether one of the item's situation questions has an option for a replacement (居民身份证's 遗失补领). */
export function hasReplacementOption(item: CatalogItem): boolean {
  return item.questions.some((q) => q.options.some((o) => REPLACEMENT_OPTION.test(o)))
}

/** Words saying a thing is lost, in a question asking so (是不是丢了, 是否遗失) or in a reply. */
const LOST = /丢|遗失|找不[到着见]/

const lostThings = new WeakMap<Question, string | null>()
/**
 * The thing a yes/no question asks whether it is lost (《独生子女父母光荣证》是不是丢了？ → 独生子女父母光荣证), in
 * compared form; undefined for other questions. A resident who has it answers such a question by saying so (有,
 * 俺有光荣证, 光荣证在家): its 否, not the 是 a 有 is elsewhere.
 */
export function lostThingAsked(q: Question): string | undefined {
  let thing = lostThings.get(q)
  if (thing === undefined) {
    const m = /^(.*?)(?:是不是|是否)([^？?]*)/.exec(q.prompt)
    thing = m !== null && LOST.test(m[2]!) ? comparable(m[1]!) || null : null
    lostThings.set(q, thing)
  }
  return thing ?? undefined
}

/** Shortest run of the lost thing's name a resident calls it by (光荣证 for 独生子女父母光荣证). */
const MIN_THING_WORDS = 3

/**
 * Whether `text` says the resident has `thing` (see lostThingAsked): three characters or more of its name in a row,
 * with 有 just before them (俺有光荣证, not 没有光荣证) or 在 / 有 just after (光荣证在家放着呢), and no word of loss.
 */
function holdsLostThing(text: string, thing: string | undefined): boolean {
  return lostThingHeld(text, thing) !== undefined
}

/** What in `text` says the resident has `thing` (有光荣证, 光荣证在), see holdsLostThing; undefined when nothing does. */
function lostThingHeld(text: string, thing: string | undefined): string | undefined {
  if (thing === undefined || LOST.test(text)) return undefined
  for (let k = 0; k < text.length; k++) {
    let len = 0
    while (k + len < text.length && thing.includes(text.slice(k, k + len + 1))) len++
    if (len < Math.min(MIN_THING_WORDS, thing.length)) continue
    const before = text.slice(0, k)
    const named = text.slice(k, k + len)
    if (/有$/.test(before) && !/[没无]有$/.test(before)) return `有${named}`
    const after = /^(?:还|都|也)?(?:在|有)/.exec(text.slice(k + len))
    if (after !== null && !/^有没/.test(text.slice(k + len))) return `${named}${after[0]}`
    k += len - 1
  }
  return undefined
}
