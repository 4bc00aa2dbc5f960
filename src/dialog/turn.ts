/**
 * One step in progress: the inputs, the session being changed (a private copy), and what has been said so far.
 * The helpers here are shared by the state handlers, the commands and the prompts.
 */
import type { Catalog, CatalogItem, Material } from '../catalog/types.js'
import type { Matcher } from '../match/types.js'
import type { Effect, Resident } from '../conversation/types.js'
import { formFields, itemFields, materialFields, type Values } from './fields.js'
import type { Aspect, ConditionName, DialogDefinitions, DialogState } from './schema.js'
import { deliversToDoor, type DialogSession } from './session.js'
import { renderPlaces } from './checklist.js'
import { asksReplacement, closingNotice, feeFor, hasReplacementOption, nextStep, noticesFor, presumedAnswers, presumedSaid, startingAnswers } from './materials.js'
import { parkWalk } from './parked-walks.js'
import { render } from './template.js'
import { askedAspects, comparable, comparableFixed, read, type CompiledVocabulary } from './text.js'
import { namedAnswers } from './material-words.js'

/** What the engine needs besides the definitions: the current catalogue, its matcher, and the idle limit. */
export interface EngineContext {
  catalog: Catalog
  matcher: Matcher
  /** A session idle this long starts fresh (the resident is told). */
  idleSeconds: number
}

export interface Turn {
  defs: DialogDefinitions
  ctx: EngineContext
  vocab: CompiledVocabulary
  resident: Resident
  now: number
  s: DialogSession
  replies: string[]
  effects: Effect[]
  /** This reply was not understood and the step asked again (see session.misses). */
  missed?: boolean
  /** This reply was a number the step does not offer (没有这个编号): see engine.takesNumber. */
  noSuchNumber?: boolean
  /** The id of an item this reply turns down (不是低保 是医保): not chosen for it, nor offered (see wrong-item.ts). */
  turnedDown?: string
  /** The walk entered this turn went on from answers kept for it (parked-walks.ts): how many. */
  resumed?: number
}

export function say(t: Turn, text: string): void {
  if (text !== '') t.replies.push(text.replace(SAMPLE_NOTE, ''))
}

/**
 * The sample catalogue's notes to admins inside its texts (（样例地址）, （样例，请核实入口）, …，样例，请核实）): the county
 * must check those facts (catalog:check and the files say so), but to a resident they are noise.
 */
const SAMPLE_NOTE = /（样例[^（）]*）|[，,]\s*样例[^（）]*(?=）)/g

export function currentItem(t: Turn): CatalogItem | undefined {
  return t.s.itemId === undefined ? undefined : t.ctx.catalog.byId.get(t.s.itemId)
}

export function stateOf(t: Turn, name = t.s.state): DialogState | undefined {
  return Object.hasOwn(t.defs.flow.states, name) ? t.defs.flow.states[name] : undefined
}

/** Evaluates a `when:` condition such as `canMail` or `!isSpecial`. */
/** Whether some state's match sends its `outcome` (a sure match, nothing found) to `state`. */
export function isMatchTarget(t: Pick<Turn, 'defs'>, state: string, outcome: 'sure' | 'none'): boolean {
  return flowFacts(t.defs).matchTargets[outcome].has(state)
}

/** What turns ask of the flow on every message, read off its states once per loaded definitions. */
export interface FlowFacts {
  /** The states a question's match leads to, by outcome. */
  matchTargets: { sure: ReadonlySet<string>; none: ReadonlySet<string> }
  /** The state the walk ends in (the checklist), when it is a menu. */
  checklist: Extract<DialogState, { kind: 'menu' }> | undefined
  /** Its name. */
  checklistName: string | undefined
  /** The states a submitting menu's own 不办了 leads to (an option with no action but a step elsewhere). */
  submitDrops: ReadonlySet<string>
}

const flowFactsOf = new WeakMap<DialogDefinitions, FlowFacts>()

/** Going through every state for these on each message was a tenth of a walk step's time. */
export function flowFacts(defs: DialogDefinitions): FlowFacts {
  let facts = flowFactsOf.get(defs)
  if (facts === undefined) {
    const states = Object.values(defs.flow.states)
    const targets = (outcome: 'sure' | 'none') =>
      new Set(states.flatMap((s) => ('match' in s && s.match?.[outcome] !== undefined ? [s.match[outcome]!] : [])))
    const walk = states.find((s) => s.kind === 'materials')
    const done = walk?.kind === 'materials' ? defs.flow.states[walk.done] : undefined
    const submitting = states.filter((s) => s.kind === 'menu' && s.options.some((o) => o.do === 'openTicket'))
    facts = {
      matchTargets: { sure: targets('sure'), none: targets('none') },
      checklist: done?.kind === 'menu' ? done : undefined,
      checklistName: done?.kind === 'menu' && walk?.kind === 'materials' ? walk.done : undefined,
      submitDrops: new Set(
        submitting.flatMap((s) => (s.kind === 'menu' ? s.options.filter((o) => o.do === undefined && o.go !== undefined).map((o) => o.go!) : [])),
      ),
    }
    flowFactsOf.set(defs, facts)
  }
  return facts
}

export function holds(t: Turn, condition: string): boolean {
  const negated = condition.startsWith('!')
  const name = (negated ? condition.slice(1) : condition) as ConditionName
  const item = currentItem(t)
  // Scans the item's materials: only when asked for.
  if (name === 'caseClosed') return (item !== undefined && closingNotice(item, caseAnswers(t, item)) !== undefined) !== negated
  const facts: Record<Exclude<ConditionName, 'caseClosed'>, boolean> = {
    hasItem: item !== undefined,
    canProxy: item?.proxy.allowed === true,
    canMail: item?.mail === true,
    offersSpecial: item?.proxy.allowed === true && item.proxy.kinds.includes('特办'),
    isSpecial: t.s.form.special === true,
    doorToDoor: deliversToDoor(t.s.form),
    hasPhone: t.s.form.phone !== undefined,
  }
  return facts[name] !== negated
}

/**
 * The answers the resident's case stands on: those given and what their question already said. At 对吗, or in a
 * 代办 form begun from there, the walk that takes in the question's answers has not run yet.
 */
export function caseAnswers(t: Turn, item: CatalogItem): Record<string, string> {
  return startingAnswers(item, t.s.asked, t.s.answers, t.s.notPresumed)
}

/**
 * Item and form fields for the current session (the base of every state template), looked up by name: item
 * fields are remembered per item, form fields are built only when a template asks for one.
 */
export function sessionValue(t: Turn): (name: string) => string | undefined {
  let form: Values | undefined
  return (name) => {
    if (name.startsWith('item.')) {
      const item = currentItem(t)
      if (item && name === 'item.fee') return feeFor(item, t.s.answers)
      return item ? itemFields(item, t.defs.messages)[name] : undefined
    }
    if (name.startsWith('form.')) {
      form ??= formFields(t.s.form, t.ctx.catalog, t.defs.messages)
      return form[name]
    }
    if (name === 'asked') return t.s.asked
    if (name === 'answers') return answersTo(t)
    if (name === 'presumed') return presumedLines(t)
    if (name === 'resumed') return t.resumed === undefined ? undefined : render(t.defs.messages.walk.resumed, { count: String(t.resumed) })
    if (name === 'unconfirmed') return t.s.unconfirmed ? t.defs.messages.walk.unconfirmed : undefined
    if (name === 'switch.name') return t.s.switchTo ? t.ctx.catalog.byId.get(t.s.switchTo)?.name : undefined
    return undefined
  }
}

/**
 * Chooses an item: everything gathered for the previous one no longer applies to it. A walk of another item left
 * unfinished is kept apart, to go on with should the resident come back to it (parked-walks.ts).
 */
export function setItem(t: Turn, item: CatalogItem): void {
  const previous = currentItem(t)
  if (previous !== undefined && previous.id !== item.id) parkWalk(t.s, previous)
  clearItem(t)
  t.s.itemId = item.id
  t.s.itemName = item.name
}

export function clearItem(t: Turn): void {
  const s = t.s
  s.itemId = undefined
  s.itemName = undefined
  s.candidates = undefined
  s.alternatives = undefined
  s.answers = {}
  s.ready = {}
  s.skipped = undefined
  s.unconfirmed = undefined
  s.walkStamp = undefined
  s.notPresumed = undefined
  s.form = {}
  s.switchTo = undefined
  s.resume = undefined
}

/** The item's template fields, with the fee of the resident's case where an answer decides it (身份证 补领 40 元). */
export function caseItemFields(t: Turn, item: CatalogItem): Values {
  return { ...itemFields(item, t.defs.messages), 'item.fee': feeFor(item, t.s.answers) }
}

/** What the resident's question asked besides the materials (多少天, 要不要钱), answered for the current item. */
function answersTo(t: Turn): string | undefined {
  const item = currentItem(t)
  if (!item || t.s.asked === undefined) return undefined
  const fields = caseItemFields(t, item)
  const lines = askedAspects(t.s.asked, t.vocab, item.type).map((aspect) => aspectAnswer(t, aspect, fields))
  // 老年证丢了能补不 where the catalogue has no replacement case: said plainly, not a first application's list alone.
  if (asksReplacement(comparable(t.s.asked)) && !hasReplacementOption(item)) lines.push(render(t.defs.messages.answers.replaceNone, fields))
  // 低保在哪办: where to apply, as the checklist will list it (not twice when the checklist comes at once).
  const asked = comparable(t.s.asked)
  if (t.vocab.whereToApply.some((w) => asked.includes(w)) && nextStep(item, t.s) !== undefined) {
    lines.push(`${render(t.defs.messages.walk.places, fields)}\n${renderPlaces(item, t.ctx.catalog, t.defs.messages)}`)
  }
  return lines.length > 0 ? lines.join('\n') : undefined
}

/**
 * The answer to one aspect asked (messages.yaml answers): online ones say so too for an item not done online, and
 * the amount is the item's 待遇标准 (then the phone) where it has one, the county's yearly standard otherwise.
 */
export function aspectAnswer(t: Turn, aspect: Aspect, fields: Values): string {
  const answers = t.defs.messages.answers
  if (aspect === 'online' && !fields['item.online']) return render(answers.onlineNone, fields)
  if (aspect === 'amount' && fields['item.benefitStandard']) return render(answers.amountStandard, fields)
  return render(answers[aspect], fields)
}

/** A 提示 of the item as the resident reads it (checklist.notice). */
export function noticeText(t: Turn, item: CatalogItem, m: Material): string {
  return render(t.defs.messages.checklist.notice, { ...itemFields(item, t.defs.messages), ...materialFields(m, item, t.defs.messages) })
}

/**
 * A yes/no question's answer said as a plain statement (有没有人中毒？ 是 → 有人中毒; 是不是委托别人替您申请？ 是 →
 * 委托别人替您申请; 《光荣证》是不是丢了？ 否 → 《光荣证》没丢), for 就按……算; undefined for a question not asked
 * with 有没有, 是不是 or 是否.
 */
export function yesNoMeans(prompt: string, yes: boolean): string | undefined {
  const asked = prompt.replace(/[？?]$/u, '')
  const m = /^(.*?)(有没有|是不是|是否)(.*)$/u.exec(asked)
  if (m === null) return undefined
  const [, before, how, rest] = m as unknown as [string, string, string, string]
  // Lost or not (是不是丢了): 丢了, 没丢.
  if (how !== '有没有' && /^(丢|遗失)/u.test(rest)) return yes ? `${before}${rest}` : `${before}没${rest.replace(/了$/u, '')}`
  if (how === '有没有') return `${before}${yes ? '有' : '没有'}${rest}`
  return yes ? `${before}${rest}` : `${before}不是${rest}`
}

/**
 * The situation answers taken from the resident's question (see presumedAnswers), one line each, with the 提示 they
 * bring in (`notices`; not where the checklist that lists them follows at once).
 */
export function presumedLines(t: Turn, notices = true): string | undefined {
  const item = currentItem(t)
  if (!item) return undefined
  const lines: string[] = []
  // 出生证明丢了咋整: noted missing as the walk began (noteLostInQuestion), said with where to get it.
  const lost = lostInQuestion(t, item).filter((m) => t.s.ready[m.name] === false)
  if (lost.length > 0) {
    const walk = t.defs.messages.walk
    lines.push(render(walk.heard, { list: lost.map((m) => render(walk.heardMaterial, { ...materialFields(m, item, t.defs.messages), answer: walk.missing })).join('；') }))
    for (const m of lost) lines.push(render(walk.whereToGet, { ...itemFields(item, t.defs.messages), ...materialFields(m, item, t.defs.messages) }))
  }
  for (const [id, option] of presumedAnswers(item, t.s.asked)) {
    const question = item.questions.find((q) => q.id === id)
    if (question && t.s.answers[id] === option && !t.s.notPresumed?.includes(id)) {
      // 按您说的"是" says nothing: a yes/no answer is said with its question.
      const yesNo = question.options.length === 2 && question.options.some((o) => t.vocab.yes.has(comparableFixed(o)))
      // 您说了"中毒"，就按有人因为打药中毒、去医院看病算: the resident's own words and what they were taken to mean,
      // as the form says it (say.formPresumed), never the item's question quoted as if the resident had asked it.
      const said = presumedSaid(item, t.s.asked ?? '', id) ?? t.s.asked?.trim()
      const means = yesNo ? yesNoMeans(question.prompt, t.vocab.yes.has(comparableFixed(option))) ?? `"${question.prompt.replace(/[？?]$/u, '')}"选"${option}"` : option
      lines.push(render(yesNo ? t.defs.messages.walk.presumedYesNo : t.defs.messages.walk.presumed, { option, 'question.prompt': question.prompt, said, means }))
      if (notices) lines.push(...noticesFor(item, { questionId: id, option }).map((m) => noticeText(t, item, m)))
    }
  }
  if (notices) lines.push(...noticesFor(item).map((m) => noticeText(t, item, m)))
  return lines.length > 0 ? lines.join('\n') : undefined
}

/** A part of a question saying a paper is lost (出生证明丢了咋整, 户口本找不着了). */
const LOST_IN_PART = /丢|遗失|找不[到着见]|弄没了|烧没了/

/**
 * The item's materials the resident's first question (session `asked`) says are lost (孩子还没上户口 出生证明丢了咋整 →
 * 出生医学证明), read part by part as a reply naming them would be; only parts saying something is lost, so 还没上户口
 * names no 户口簿.
 */
export function lostInQuestion(t: Turn, item: CatalogItem): Material[] {
  if (t.s.asked === undefined) return []
  const askable = item.materials.filter((m) => !m.atWindow && !m.notice)
  const out = new Set<Material>()
  for (const part of t.s.asked.normalize('NFKC').split(/[\s,，。.;；!！?？、]+/u)) {
    if (!LOST_IN_PART.test(part)) continue
    for (const [m, answer] of namedAnswers(read(part, t.vocab), askable, t.vocab, t.ctx.catalog.synonyms, new Set(askable), undefined, item.name)) {
      if (answer === 1) out.add(m)
    }
  }
  return [...out]
}

/** As a walk begins: the materials its question said are lost (lostInQuestion) are noted missing, unless answered since. */
export function noteLostInQuestion(t: Turn, item: CatalogItem): void {
  for (const m of lostInQuestion(t, item)) if (t.s.ready[m.name] === undefined) t.s.ready[m.name] = false
}
