/**
 * What a walk reply answers besides the question asked: materials further on named with 有 or 没有 (户口本也有,
 * 身份证有户口本没有), documents the item does not need, situations said by their 说法. Heard, recorded and said back.
 */
import type { Catalog, CatalogItem, Material, Synonym } from '../catalog/types.js'
import { alternativeHeld, alternatives, otherPaperWillDo } from './either-one.js'
import { itemFields } from './fields.js'
import { mayName, namedAnswers, runAt, withSynonyms } from './material-words.js'
import { materialStatuses, noticesFor, presumedIn, questionOpen, type WalkStep } from './materials.js'
import { shortPrompt } from './prompts.js'
import { itemMaterialFields } from './questions-back.js'
import type { DialogState } from './schema.js'
import { kindSaid, optionSaid } from './situation-answers.js'
import { render } from './template.js'
import { comparableFixed, type Reading } from './text.js'
import { currentItem, noticeText, say, type Turn } from './turn.js'

/** What a walk reply says besides the step asked (heardElsewhere). */
export interface Heard {
  /** The material asked, when the reply names it among others (身份证有户口本没有): 0 有, 1 没有. */
  current?: 0 | 1
  /**
   * Materials other than the one asked that the reply names with an answer: further on and not answered yet, or
   * answered before and now said otherwise (身份证找着了 after 没有).
   */
  materials: [Material, boolean][]
  /** Situation questions other than the one asked, not answered yet, that the reply answers: id → option. */
  answers: [string, string][]
  /** A document the item does not ask for but other items do, named with an answer (户口本也有 for 不动产转移登记). */
  unneeded?: string
  /** The reply's words (compared form), to tell whether a material said to be there names its case too. */
  said?: string
}

const catalogMaterials = new WeakMap<Catalog, { list: Material[]; triples: Set<string> }>()
/**
 * Every material of the catalogue, one per name: what residents may call a document; and every three characters
 * in a row of their names (or of a variant of a standard word in them, 户口本), so that a reply holding none is
 * not looked for among them (most replies: this keeps the walk cheap).
 */
function allMaterials(catalog: Catalog): { list: Material[]; triples: Set<string> } {
  let all = catalogMaterials.get(catalog)
  if (all === undefined) {
    const byName = new Map<string, Material>()
    for (const item of catalog.items) for (const m of item.materials) if (m.notice !== true) byName.set(m.name, m)
    const list = [...byName.values()]
    const names = list.map((m) => comparableFixed(m.name))
    const joined = names.join('\u0000')
    const variants = catalog.synonyms.filter((s) => joined.includes(comparableFixed(s.canonical))).flatMap((s) => s.variants.map(comparableFixed))
    const triples = new Set<string>()
    for (const text of [...names, ...variants]) for (let k = 0; k + 3 <= text.length; k++) triples.add(text.slice(k, k + 3))
    all = { list, triples }
    catalogMaterials.set(catalog, all)
  }
  return all
}

/** Whether `text` holds three characters in a row of some name in `triples`. */
function holdsTriple(text: string, triples: ReadonlySet<string>): boolean {
  for (let k = 0; k + 3 <= text.length; k++) if (triples.has(text.slice(k, k + 3))) return true
  return false
}

/**
 * What a reply at a walk step answers of the walk's other questions, as a careful clerk hears it: materials it names
 * with 有 or 没有 (户口本也有, 结婚证有, 身份证有户口本没有: namedAnswers), or, naming none, situation questions it
 * answers by their 说法 (as the first question's are read: presumedAnswers) or by naming one option of a question of
 * several (租的 for 租房). Only what is not answered yet, and not ruled out by an answer given; except that a
 * material answered before may be said otherwise now (身份证找着了, 户口本其实没有): the resident's latest word
 * counts. Undefined when it answers nothing besides the step asked.
 */
export function heardElsewhere(t: Turn, item: CatalogItem, step: WalkStep | undefined, r: Reading): Heard | undefined {
  // 没有, 1, 不知道, 好的: a bare answer names nothing else (and the walk takes most replies this way: kept cheap).
  if (r.yes || r.no || r.ack || r.number !== undefined || r.plain.length < 2 || t.vocab.unsure.has(r.plain)) return undefined
  const asked = step?.kind === 'material' ? step.material : undefined
  const statuses = materialStatuses(item, t.s).filter((s) => s.status === 'unchecked' || s.status === 'conditional' || s.status === 'ready' || s.status === 'missing')
  const askable = statuses.map((s) => s.material)
  const own = new Set(askable)
  // Of materials named alike (身份证), the one asked, then those that apply now, then those that may.
  const rank = (m: Material) => (m === asked ? 0 : statuses.find((s) => s.material === m)?.status === 'conditional' ? 2 : 1)
  // 有，户口本也有: the 有 said first is the answer to the one asked (Reading.leading), not to the 户口本.
  const rest = r.leading !== undefined && r.afterLeading !== undefined ? { ...r, plain: r.afterLeading, full: r.afterLeading } : r
  // The catalogue's other documents too: 身份证有房产证没有 at 结婚登记 says nothing missing of the 身份证.
  const all = allMaterials(t.ctx.catalog)
  const others = holdsTriple(rest.plain, all.triples) ? all.list.filter((m) => !own.has(m)) : []
  const named = namedAnswers(rest, [...askable, ...others], t.vocab, t.ctx.catalog.synonyms, own, rank, item.name)
  const said: [Material, boolean][] = [...named].filter(([m]) => own.has(m) && m !== asked).map(([m, answer]) => [m, answer === 0])
  const materials = said.filter(([m, ready]) => t.s.ready[m.name] !== ready)
  // 户口本也有 where the item lists no 户口簿: not an answer to this question, nor a new question (户口迁入登记?).
  // 有社保卡 where the item asks for 本人社会保障卡: maybe that one, so not said to be unneeded (the walk reads it as before).
  const unneededMaterial = [...named.keys()].find((m) => !own.has(m))
  const unneededName = unneededMaterial && documentName(unneededMaterial, rest, t.ctx.catalog.synonyms)
  const unneeded = unneededName !== undefined && !askable.some((m) => mayName(unneededName, m.name, t.ctx.catalog.synonyms)) ? unneededName : undefined
  const presumed = presumedIn(item, r.full)
  const stepQuestion = step?.kind === 'question' ? step.question.id : undefined
  const open = item.questions.filter((q) => q.id !== stepQuestion && t.s.answers[q.id] === undefined && questionOpen(item, q, t.s.answers) !== false)
  if (named.size > 0) {
    const current = asked && named.get(asked)
    // 光荣证丢了: the material is missing, and the case is said by the question's 说法 too (光荣证是不是丢了？ 是).
    const answers = open.flatMap((q): [string, string][] => (presumed.has(q.id) ? [[q.id, presumed.get(q.id)!]] : []))
    // 身份证还没找到, an earlier 没有 said again and nothing else: heard (not a question about 身份证), noted again.
    if (materials.length === 0 && unneeded === undefined && answers.length === 0) return current === undefined && said.length > 0 ? { materials: said, answers: [], said: rest.plain } : undefined
    return { current, materials, answers, said: rest.plain, ...(unneeded !== undefined && { unneeded }) }
  }
  const answers: [string, string][] = []
  for (const q of open) {
    // A yes/no question's options (是, 否) say nothing out of turn: only its 说法 do.
    const option = presumed.get(q.id) ?? (q.options.length > 2 ? optionSaid(q, r) : undefined) ?? kindSaid(item, q, r)
    if (option !== undefined) answers.push([q.id, option])
  }
  return answers.length > 0 ? { materials: [], answers } : undefined
}

/** Whether some two characters in a row of `said` are in both `a` and `b`. */
function sharesWord(said: string, a: string, b: string): boolean {
  for (let k = 0; k + 2 <= said.length; k++) {
    const pair = said.slice(k, k + 2)
    if (a.includes(pair) && b.includes(pair)) return true
  }
  return false
}

/**
 * What the resident called a document another item lists (户口本 → 户口簿 of 户口簿及复印件): the longest run of the reply, with
 * the catalogue's standard words, that its name holds.
 */
function documentName(m: Material, r: Reading, synonyms: readonly Synonym[]): string {
  const name = comparableFixed(m.name)
  const said = withSynonyms(r.plain, m.name, synonyms)
  let best = ''
  for (let k = 0; k < said.length; k++) {
    const len = runAt(said, k, name)
    if (len > best.length) best = said.slice(k, k + len)
  }
  // In the resident's own word (房产证 rather than 不动产权证书) where they used a variant of it.
  const synonym = synonyms.find((s) => comparableFixed(s.canonical) === best)
  return synonym?.variants.map(comparableFixed).find((v) => r.plain.includes(v)) ?? best
}

/**
 * Records what heardElsewhere heard, and says so: the situation taken (walk.presumed, with its 提示), the materials
 * noted, and apart from them those whose earlier answer changed (walk.changed). `asked` is the material asked: when
 * the reply named it too (户口本有 身份证木有), its answer is said first, so the resident sees both were heard (the
 * walk moves on past it).
 */
export function takeHeard(t: Turn, item: CatalogItem, heard: Heard, asked?: Material): void {
  const walkTexts = t.defs.messages.walk
  for (const [id, option] of heard.answers) {
    t.s.answers[id] = option
    const question = item.questions.find((q) => q.id === id)
    // 按您说的"是"来准备材料 says nothing: a yes/no answer is said with its question.
    const yesNo = question !== undefined && question.options.length === 2 && question.options.includes('是')
    say(t, render(yesNo ? walkTexts.shownByMaterial : walkTexts.presumed, { option, 'question.prompt': question?.prompt }))
    for (const m of noticesFor(item, { questionId: id, option })) say(t, noticeText(t, item, m))
  }
  // 光荣证丢了 taken as 光荣证是不是丢了？ 是: the 光荣证 is no longer asked for, so its 没有 goes unsaid.
  if (heard.answers.length > 0) {
    const needed = new Set(materialStatuses(item, t.s).map((s) => s.material))
    heard = { ...heard, materials: heard.materials.filter(([m]) => needed.has(m)) }
  }
  // 医保卡没有 of a material any one of several papers will do for: not missing while another may be there.
  const said = heard.said
  if (said !== undefined) {
    // 有病历 残疾证没有 of 残疾人证或住院病历、诊断证明: one of them is there, so the material is.
    const held = heard.materials.map(([m, ready]): [Material, boolean] => [m, ready || alternativeHeld(m, said, t.ctx.catalog.synonyms)])
    heard = { ...heard, materials: held.filter(([m, ready]) => ready || !otherPaperWillDo(t, m, said)) }
  }
  const changed = heard.materials.filter(([m, ready]) => t.s.ready[m.name] === !ready)
  const noted = heard.materials.filter(([m, ready]) => t.s.ready[m.name] !== !ready)
  for (const [m, ready] of heard.materials) t.s.ready[m.name] = ready
  if (asked !== undefined && heard.current !== undefined) noted.unshift([asked, heard.current === 0])
  const list = (materials: [Material, boolean][]) =>
    materials.map(([m, ready]) => render(walkTexts.heardMaterial, { ...itemMaterialFields(t, item, m), answer: ready ? walkTexts.ready : walkTexts.missing })).join('；')
  if (changed.length > 0) say(t, render(walkTexts.changed, { list: list(changed) }))
  if (noted.length > 0) say(t, render(walkTexts.heard, { list: list(noted) }))
  if (heard.unneeded !== undefined) say(t, render(walkTexts.unneeded, { ...itemFields(item, t.defs.messages), name: heard.unneeded }))
  for (const [m, ready] of heard.materials) if (ready && heard.said !== undefined) answerShownBy(t, item, m, heard.said)
  t.s.unconfirmed = undefined
}

/**
 * 有低保证 (a material needed only in one case, said to be there): the resident is in that case, so its situation
 * question is answered too rather than asked next as if unsaid. Only where the material belongs to one answer of a
 * question not answered yet, and the words said of it (低保) are the question's own (老人是不是低保…？): 结婚证有 says
 * nothing of whether the house is 登记在夫妻两人名下. A 没有 proves nothing (they may be in the case and lack the paper).
 */
function answerShownBy(t: Turn, item: CatalogItem, m: Material, said: string): void {
  const c = m.condition
  if (c === undefined || c.answers.length !== 1 || t.s.answers[c.questionId] !== undefined) return
  const question = item.questions.find((q) => q.id === c.questionId)
  if (question === undefined || questionOpen(item, question, t.s.answers) === false) return
  const name = comparableFixed(m.name)
  const prompt = comparableFixed(question.prompt)
  // 有诊断证明 of 残疾人证或住院病历、诊断证明 at 家里有没有残疾或生重病的人？: any one of papers that prove the case
  // together (the name shares the question's words: 残疾) proves it, as 有残疾证 does.
  const provedByAnyOne = alternatives(m).length > 0 && sharesWord(name, name, prompt)
  if (!provedByAnyOne && !sharesWord(said, name, prompt)) return
  const option = c.answers[0]!
  t.s.answers[question.id] = option
  say(t, render(t.defs.messages.walk.shownByMaterial, { option, 'question.prompt': question.prompt, 'material.name': m.name }))
}

/**
 * After the walk (the checklist, 自己办理), a reply saying a material is there or not after all (身份证找着了, 户口本其实
 * 没有) or answering one left unchecked: recorded and said back as during the walk, then the step's question; the
 * list shows it when asked for again. False when the reply says nothing of the item's materials.
 */
export function heardAfterWalk(t: Turn, state: DialogState, r: Reading): boolean {
  if (!noteAfterWalk(t, r)) return false
  say(t, shortPrompt(t, state))
  return true
}

/**
 * What heardAfterWalk records and says back, without the step's question: also for a where-to-get question that says
 * the material is missing (户口本丢了咋整), answered after it. False when the reply says nothing of the materials.
 */
export function noteAfterWalk(t: Turn, r: Reading): boolean {
  const item = currentItem(t)
  const heard = item && heardElsewhere(t, item, undefined, r)
  if (!item || heard === undefined || heard.materials.length === 0) return false
  takeHeard(t, item, { materials: heard.materials, answers: [] })
  return true
}
