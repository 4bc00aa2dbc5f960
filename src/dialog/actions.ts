/**
 * What an option's `do:` and the global commands can do: ask the matcher, offer a switch to another item,
 * open a proxy ticket, hand off to a person, list all materials.
 */
import type { CatalogItem } from '../catalog/types.js'
import type { TicketRequest } from '../conversation/types.js'
import { decide, SURE_SCORE } from '../match/decide.js'
import { pointPlaceName, townMentioned } from './area.js'
import { renderChecklist } from './checklist.js'
import { isInElderWords } from './elder.js'
import { itemFields } from './fields.js'
import { givenAnswers, materialStatuses, nextStep } from './materials.js'
import { go } from './navigate.js'
import { resumeParked } from './parked-walks.js'
import { closedText, fullPrompt, shortPrompt, stateFields, takesPlaces, visibleOptions } from './prompts.js'
import type { DialogOption, FlowFile } from './schema.js'
import { deliversToDoor } from './session.js'
import { render } from './template.js'
import { comparable, withoutAside } from './text.js'
import { turnedDownQuestion } from './wrong-item.js'
import { caseAnswers, clearItem, currentItem, flowFacts, holds, isMatchTarget, say, setItem, stateOf, type Turn } from './turn.js'

/** Questions are kept in the session only this long (for {asked} and admins' unmatched list). */
const ASKED_MAX = 60
/** Other items kept for a sure find (DialogData.alternatives): a list of candidates shows four, the find among them. */
const MAX_ALTERNATIVES = 3

type Outcomes = NonNullable<Extract<FlowFile['states'][string], { kind: 'menu' }>['match']>

/** Free text as a question: sure → that item, unsure → numbered candidates, nothing → say so (and tell admins). */
export function askMatcher(t: Turn, text: string, outcomes: Outcomes): void {
  // 不是低保 是医保: what is wanted is the question, and the item turned down is no answer to it.
  const turned = t.turnedDown === undefined ? turnedDownQuestion(t, text) : undefined
  if (turned !== undefined) t.turnedDown = turned.denied
  const results = matchLeavingOut(t, turned?.wanted ?? text)
  const decision = decide(results)
  const asked = text.slice(0, ASKED_MAX)
  rememberTown(t, text)
  const candidates = results.map((r) => ({ id: r.item.id, name: r.item.name, score: r.score }))
  if (decision.kind === 'sure') {
    setItem(t, decision.result.item)
    t.s.asked = asked
    // The runners-up, should the resident say this one is wrong (as many as a list of candidates would show).
    if (decision.others.length > 0) t.s.alternatives = decision.others.slice(0, MAX_ALTERNATIVES).map((r) => r.item.id)
    if (decision.clear && outcomes.clear !== undefined && asksFirst(t, outcomes.clear)) {
      t.s.unconfirmed = true
      go(t, outcomes.clear)
    } else go(t, outcomes.sure)
  } else if (decision.kind === 'choose') {
    clearItem(t)
    t.s.asked = asked
    t.s.candidates = decision.results.map((r) => r.item.id)
    // Unsure because nothing scored well (not merely two close items): admins should see the phrasing.
    if ((results[0]?.score ?? 0) < SURE_SCORE) t.effects.push({ type: 'unmatched', text, candidates })
    go(t, outcomes.choose)
  } else {
    clearItem(t)
    t.s.asked = asked
    t.effects.push({ type: 'unmatched', text, candidates: [] })
    go(t, outcomes.none)
  }
}

/**
 * Whether a clear find can go to `state` unconfirmed: a walk must have something to ask first. A walk with nothing
 * left to ask (every situation already said in the question) goes straight to the checklist, which neither shows the
 * walk's intro (问的不是这件事，请回复"不对") nor takes 不对: such a find is confirmed with 对吗, as a sure one is.
 */
function asksFirst(t: Turn, state: string): boolean {
  const item = currentItem(t)
  if (stateOf(t, state)?.kind !== 'materials' || !item) return true
  return nextStep(item, { answers: caseAnswers(t, item), ready: t.s.ready }) !== undefined
}

/** The matcher's finds for `text`, without the item this reply turns down (Turn.turnedDown). */
function matchLeavingOut(t: Turn, text: string) {
  const results = t.ctx.matcher.match(withoutAside(text))
  return t.turnedDown === undefined ? results : results.filter((r) => r.item.id !== t.turnedDown)
}

/**
 * A question about another item in the middle of a flow: ask whether to switch. True when offered.
 * `unsure` (a chooseItem state): a question the matcher is not sure about offers its candidates there, with a
 * way back (other than the current item; a single one left is offered like a sure one).
 */
export function offerSwitch(t: Turn, text: string, unsure?: string, minChooseScore = 0): boolean {
  if (comparable(text).length < 2) return false
  const results = matchLeavingOut(t, text)
  const decision = decide(results)
  const switchState = t.defs.flow.switch
  if (decision.kind === 'sure') {
    if (decision.result.item.id === t.s.itemId) return confirmsItem(t)
    leaveFor(t, text)
    t.s.switchTo = decision.result.item.id
    go(t, switchState)
    return true
  }
  if (decision.kind !== 'choose' || unsure === undefined) return false
  // 俺的养老金没了 at the 居民养老 checklist: the item at hand fits as well as any other, so the resident is still on it
  // (offered 参保登记 alone, they were led away from the one they came for).
  if (aboutItemAtHand(t, text)) return false
  const ids = decision.results.filter((r) => r.score >= minChooseScore).map((r) => r.item.id).filter((id) => id !== t.s.itemId)
  if (ids.length === 0) return false
  leaveFor(t, text)
  // Unsure because nothing scored well (not merely two close items): admins should see the phrasing.
  if ((results[0]?.score ?? 0) < SURE_SCORE) {
    t.effects.push({ type: 'unmatched', text, candidates: results.map((r) => ({ id: r.item.id, name: r.item.name, score: r.score })) })
  }
  if (ids.length === 1) {
    t.s.switchTo = ids[0]
    go(t, switchState)
  } else {
    t.s.candidates = ids
    go(t, unsure)
  }
  return true
}

/**
 * Whether a question is about the item at hand: the matcher is sure of it, or finds it as likely as any other
 * (俺的养老金没了: 居民养老待遇 and 参保登记 alike, at the 居民养老待遇 checklist).
 */
export function aboutItemAtHand(t: Turn, text: string): boolean {
  if (t.s.itemId === undefined || comparable(text).length < 2) return false
  const decision = decide(t.ctx.matcher.match(text))
  if (decision.kind === 'sure') return decision.result.item.id === t.s.itemId
  if (decision.kind !== 'choose') return false
  const top = decision.results[0]?.score ?? 0
  return decision.results.some((r) => r.item.id === t.s.itemId && r.score >= top)
}

/** Offers a switch to `item`, as offerSwitch does for the item a question names, keeping where to resume. */
export function offerItem(t: Turn, text: string, item: CatalogItem): void {
  leaveFor(t, text)
  t.s.switchTo = item.id
  go(t, t.defs.flow.switch)
}

/**
 * The item being asked about, named again (低保怎么办 at "您要办的是低保，对吗？"): at a step that confirms a
 * match (some state's match.sure), its yes option is the answer; elsewhere (a switch offer, the 代办 summary)
 * it changes nothing.
 */
function confirmsItem(t: Turn): boolean {
  const state = stateOf(t)
  if (!isMatchTarget(t, t.s.state, 'sure') || t.s.state === t.defs.flow.switch) return false
  const options = state && 'options' in state && state.options ? visibleOptions(t, state.options) : []
  const yes = options.find((o) => o.answer === 'yes')
  if (yes === undefined) return false
  applyOption(t, yes)
  return true
}

/** Leaving for a switch offer: remember where to resume, unless already in an offer (keep the first place). */
function leaveFor(t: Turn, text: string): void {
  const here = stateOf(t)
  const offering = t.s.state === t.defs.flow.switch || (here?.kind === 'chooseItem' && t.s.resume !== undefined)
  if (!offering) t.s.resume = t.s.state
  t.s.asked = text.slice(0, ASKED_MAX)
  rememberTown(t, text)
}

/** 大店镇低保怎么申请: the town is kept for the 代办 form (DialogData.namedTown). */
export function rememberTown(t: Turn, text: string): void {
  const town = townMentioned(t.ctx.catalog, text)
  if (town !== undefined) t.s.namedTown = town.id
}

export function applyOption(t: Turn, option: DialogOption): void {
  // Into the 代办 form (the checklist's 代办, 重新填写) for a case that cannot, or need not, be applied for: no form.
  if (option.go !== undefined && option.go === proxyFormStart(t) && holds(t, 'caseClosed')) {
    refuseClosed(t)
    return
  }
  if (option.set?.special !== undefined) t.s.form.special = option.set.special
  if (option.set?.delivery !== undefined) t.s.form.delivery = option.set.delivery
  switch (option.do) {
    case 'clearItem':
      clearItem(t)
      break
    case 'clearForm':
      // 重新填写 asks every field again: a phone kept from the first round would skip its step (when: !hasPhone).
      // Nor is a step taken from the first question again (特办 from 俺爹瘫在床上): the resident is filling it in anew.
      t.s.form = { refilled: true }
      break
    case 'openTicket':
      // Nothing was sent: stay on the summary (effectFailed said what to do) rather than claim a submission.
      if (!openTicket(t)) return
      break
    case 'switchItem': {
      const target = t.s.switchTo === undefined ? undefined : t.ctx.catalog.byId.get(t.s.switchTo)
      if (target) setItem(t, target)
      break
    }
    case 'resume': {
      const back = t.s.resume !== undefined && stateOf(t, t.s.resume) ? t.s.resume : t.defs.flow.start
      t.s.switchTo = undefined
      t.s.resume = undefined
      t.s.candidates = undefined
      // Back exactly where the resident was: no entry effects (a half-chosen town stays chosen).
      t.s.state = back
      // 不用, 2 at 您是想问"X"吗？: said that nothing changed, and what goes on, before the question left.
      const item = currentItem(t)
      const resumed = item === undefined ? '' : `${render(t.defs.messages.say.switchDeclined, itemFields(item, t.defs.messages))}\n`
      say(t, `${resumed}${fullPrompt(t)}`)
      return
    }
    case 'handoff':
      handoff(t)
      break
    case 'listAll':
      listAll(t)
      return
  }
  // Without `go` (e.g. 转人工) the resident stays where they are; what the action said is the reply.
  if (option.go !== undefined) go(t, option.go)
}

export function handoff(t: Turn): void {
  const item = currentItem(t)
  say(t, render(t.defs.messages.say.handoff, item ? itemFields(item, t.defs.messages) : {}))
  t.effects.push({ type: 'handoff', reason: `居民要求人工服务（对话状态 ${t.s.state}${item ? `，事项 ${item.name}` : ''}）` })
}

/**
 * 全部列出: in the walk, skip to its end (the checklist marks what was not asked); elsewhere show the list, once
 * (a state whose prompt is the 告知单 just shows its prompt again).
 */
export function listAll(t: Turn): void {
  const item = currentItem(t)
  if (!item) {
    say(t, render(t.defs.messages.say.listAllNoItem, {}))
    say(t, fullPrompt(t))
    return
  }
  const state = stateOf(t)
  if (state?.kind === 'materials') {
    t.s.skipped = true
    go(t, state.done)
    return
  }
  // 全部列出 at 对吗: the item asked about is the one wanted; its list at once, as in the walk (not the list and then
  // 对吗 again, which asked residents to confirm what they had just read).
  const walk = confirmedWalk(t)
  if (walk !== undefined) {
    // An item left mid-walk before: the checklist marks what was answered then.
    resumeParked(t.s, item)
    t.s.answers = caseAnswers(t, item)
    t.s.unconfirmed = undefined
    t.s.skipped = true
    go(t, walk.done)
    return
  }
  // A state whose prompt carries the 告知单 (or the materials) shows them once, with its own prompt; elsewhere
  // (after 自己办理, in the 代办 form) the whole 告知单 again, then this step's question in short.
  const carries = state !== undefined && (state.prompt.includes('{checklist}') || state.prompt.includes('{materials}'))
  // A case that cannot, or need not, be applied for has no list: why, again.
  const closed = closedText(t, item)
  if (closed !== undefined) {
    say(t, closed)
    say(t, shortPrompt(t))
    return
  }
  if (carries) {
    say(t, fullPrompt(t))
    return
  }
  // After 自己办理 (a step that takes new questions, the item still held): the 告知单 with its end menu again, where
  // 3 or 找人帮我办 still mean what it offers (not the list alone, after which 3 was 还有别的事).
  const checklist = state !== undefined && 'match' in state && state.match ? walkDone(t) : undefined
  if (checklist !== undefined) {
    go(t, checklist)
    return
  }
  say(t, renderChecklist(item, t.s, t.ctx.catalog, t.defs.messages, takesPlaces(state)))
  say(t, shortPrompt(t))
}

/** At a step confirming the item found (its yes option leads into the walk): that walk. */
function confirmedWalk(t: Turn): Extract<FlowFile['states'][string], { kind: 'materials' }> | undefined {
  const state = stateOf(t)
  if (!isMatchTarget(t, t.s.state, 'sure') || t.s.state === t.defs.flow.switch || state?.kind !== 'menu') return undefined
  const yes = visibleOptions(t, state.options).find((o) => o.answer === 'yes' && o.do === undefined)
  const target = yes?.go === undefined ? undefined : stateOf(t, yes.go)
  return target?.kind === 'materials' ? target : undefined
}

/**
 * Everything collected, as the ticket the tickets service will open. The collection is then over: the item,
 * the form and the 返回 history are dropped, so no later reply (a stray "1", 返回 then 确认) submits it twice.
 * False when something needed is missing and nothing was requested.
 */
export function openTicket(t: Turn): boolean {
  const item = currentItem(t)
  const f = t.s.form
  const m = t.defs.messages.say
  // A 结论 added since the form began (the catalogue reloaded), or a session stored before there were any.
  if (holds(t, 'caseClosed')) {
    refuseClosed(t)
    return false
  }
  // The village's point, or the town's when the village is not on the network's list.
  const areaPointId = f.villageId ?? (f.unlistedVillage !== undefined ? f.townId : undefined)
  if (!item || !f.name || !f.phone || !areaPointId || !f.help) {
    say(t, render(m.effectFailed, {}))
    return false
  }
  const statuses = materialStatuses(item, t.s)
  const named = (...which: string[]) => statuses.filter((s) => which.includes(s.status)).map((s) => s.material.name)
  const unchecked = named('unchecked', 'conditional')
  const notes = [
    f.special ? render(m.ticketNoteSpecial, {}) : '',
    unchecked.length > 0 ? render(m.ticketNoteUnchecked, { list: unchecked.join('、') }) : '',
    f.villageId === undefined ? render(m.ticketNoteUnlistedVillage, { town: townName(t, f.townId), village: f.unlistedVillage || render(m.villageUnnamed, {}) }) : '',
  ].filter(Boolean)
  const delivery: TicketRequest['delivery'] =
    f.delivery === 'mail' && f.address ? { kind: 'mail', address: f.address } : deliversToDoor(f) ? { kind: 'door' } : { kind: 'pickup' }
  const request: Required<Pick<TicketRequest, 'materialsUnknown'>> & TicketRequest = {
    resident: t.resident,
    itemId: item.id,
    itemName: item.name,
    name: f.name,
    phone: f.phone,
    areaPointId,
    ...(f.villageId === undefined && { village: f.unlistedVillage ?? '' }),
    help: f.help,
    delivery,
    materialsReady: named('ready'),
    materialsMissing: named('missing'),
    materialsUnknown: unchecked,
    answers: givenAnswers(item, t.s.answers),
    ...(notes.length > 0 ? { note: notes.join('；') } : {}),
    ...(isInElderWords(t.defs) && { elder: true }),
  }
  t.effects.push({ type: 'openTicket', request })
  clearItem(t)
  t.s.history = []
  return true
}

/** The first step of the 代办 form: where the checklist's 代办 option (`when: canProxy`) leads. */
function proxyFormStart(t: Turn): string | undefined {
  return flowFacts(t.defs).checklist?.options.find((o) => o.when === 'canProxy')?.go
}

/**
 * 代办 for a case that cannot, or need not, be applied for: say there is nothing for an agent, drop what the form
 * had, and go to the end of the walk, which for such a case is the step saying why (checklist's `else`).
 */
export function refuseClosed(t: Turn): void {
  say(t, render(t.defs.messages.say.closedNoProxy, stateFields(t)))
  t.s.form = {}
  const done = flowFacts(t.defs).checklistName
  if (done !== undefined) go(t, done)
  else say(t, shortPrompt(t))
}

/** Fields for 我的进度. */
export function progressFields(t: Turn) {
  const item = currentItem(t)
  if (!item) return undefined
  const statuses = materialStatuses(item, t.s)
  const count = (...which: string[]) => String(statuses.filter((s) => which.includes(s.status)).length)
  return stateFields(t, {
    'progress.ready': count('ready'),
    'progress.missing': count('missing'),
    'progress.unchecked': count('unchecked'),
    // 看情况要带: needed only on some answer (maybe not yet asked). Not 未核对, which reads as work left undone;
    // its own line, left out when there are none.
    'progress.conditional': count('conditional') === '0' ? undefined : count('conditional'),
  })
}

function townName(t: Turn, townId: string | undefined): string | undefined {
  const town = townId === undefined ? undefined : t.ctx.catalog.points.get(townId)
  return town && pointPlaceName(town)
}

/** The step a walk ends at (the 告知单 and its menu: the materials state's `done`), when the flow has a walk. */
function walkDone(t: Turn): string | undefined {
  for (const state of Object.values(t.defs.flow.states)) if (state.kind === 'materials') return state.done
  return undefined
}
