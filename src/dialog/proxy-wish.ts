/**
 * 代办, 找人帮我办 away from the checklist (at 对吗, in the middle of the walk, at 您是想问"X"吗？, or after choosing
 * 自己办理): the resident wants someone to do it for them. Residents who said so were told 没看明白 or 没找到 until they gave up; the
 * checklist's own 代办 option is taken at once instead, and an item that cannot be done by an agent says why, as the
 * checklist does.
 */
import { applyOption } from './actions.js'
import { fullPrompt, optionNumbers, shortPrompt, stateFields, visibleOptions } from './prompts.js'
import type { DialogDefinitions, DialogOption, DialogState } from './schema.js'
import { copyData, snapshot, type DialogSession } from './session.js'
import { render } from './template.js'
import { comparable, comparableFixed, NEGATION, read, type Reading } from './text.js'
import { caseItemFields, currentItem, flowFacts, holds, isMatchTarget, say, stateOf, type Turn } from './turn.js'

/** Longest reply (compared form) read as asking for 代办 by one of its words inside it (找人帮我办吧). */
const MAX_WISH_REPLY = 12

/**
 * A reply asking for the 代办 option of the walk's checklist (the option offered only when the item can be done by
 * an agent, `when: canProxy`) while the walk or the item's 对吗 is asked, or at a step the checklist moves on to with
 * the item kept (自己办理's 祝您办理顺利). True when handled; undefined otherwise.
 */
export function proxyWish(t: Turn, state: DialogState, r: Reading): boolean | undefined {
  const checklist = checklistState(t)
  const option = checklist?.options.find((o) => o.when === 'canProxy')
  if (checklist === undefined || option === undefined) return undefined
  if (asksProxyFee(r, option)) return proxyFee(t, state, option)
  if (currentItem(t) === undefined) return afterCancel(t, r, option)
  // The resident's case cannot, or need not, be applied for (the walk ended in it): nothing for an agent to do.
  if (wishes(r, option) && holds(t, 'caseClosed')) {
    say(t, render(t.defs.messages.say.closedNoProxy, stateFields(t)))
    say(t, shortPrompt(t, state))
    return false
  }
  // 找人帮我办 at 您是想问"X"吗？ (a switch offered mid-walk or at the checklist): about the item at hand, not X. The
  // offer is let go, and the wish taken where it was made from.
  if (atSwitchOffer(t, state)) return wishAtOffer(t, r, option)
  // At the checklist itself a short wish is its option (menu); a longer one giving a reason (俺八十了走不动 能不能让人上门给俺办)
  // is taken here, not looked up as a question.
  const atChecklist = state === checklist && r.full.length > MAX_WISH_REPLY
  const before = atChecklist || state.kind === 'materials' || (isMatchTarget(t, t.s.state, 'sure') && t.s.state !== t.defs.flow.switch)
  // 还是帮我办吧 after 自己办理, or after 不办了 at the 代办 summary: a change of mind (not after 问别的事, which lets
  // the item go).
  const after =
    checklist.options.some((o) => o !== option && o.do === undefined && o.go === t.s.state) || droppedAtSummary(t)
  if ((!before && !after) || !wishes(r, option)) return undefined
  if (droppedAtSummary(t) && holds(t, option.when!) && backToSummary(t)) return false
  if (holds(t, option.when!)) {
    applyOption(t, option)
    return true
  }
  if (option.unavailable === undefined) return undefined
  say(t, render(option.unavailable, stateFields(t)))
  say(t, state.kind === 'materials' ? fullPrompt(t, state) : shortPrompt(t, state))
  return false
}

/**
 * 还是代办吧, 还是帮我办吧 right after a general 不办了 (the dialog at its start, the item let go, what was under way
 * kept for 返回): the resident changed their mind again. Residents got 没找到"还是代办吧". What was cancelled comes
 * back: in the 代办 form, its step again (what was typed is kept); before it (the walk, 对吗), the form starts, as
 * the wish said there would. False (nothing for 返回 to undo: the history is set here) when taken up.
 */
function afterCancel(t: Turn, r: Reading, option: DialogOption): boolean | undefined {
  const last = t.s.history[t.s.history.length - 1]
  if (t.s.state !== t.defs.flow.start || last?.itemId === undefined || !t.ctx.catalog.byId.has(last.itemId)) return undefined
  if (!stateOf(t, last.state) || !wishes(r, option)) return undefined
  // 帮我办身份证, 能不能帮忙办个残疾证: a new question that asks for help with another item, not the one let go.
  if (t.ctx.matcher.match(r.raw).some((m) => m.item.id !== last.itemId)) return undefined
  const history = t.s.history.slice(0, -1)
  t.s = { ...t.s, ...copyData(last), history }
  const state = stateOf(t)!
  // 不办了 was said at a case that cannot, or need not, be applied for: back to it, still with nothing for an agent.
  if (holds(t, 'caseClosed')) {
    say(t, render(t.defs.messages.say.closedNoProxy, stateFields(t)))
    say(t, shortPrompt(t, state))
    return false
  }
  if (formStates(t, option).has(last.state)) {
    say(t, render(t.defs.messages.say.proxyResumed, stateFields(t)))
    say(t, fullPrompt(t, state))
    return false
  }
  if (option.when === undefined || holds(t, option.when)) {
    // 返回 from the form goes back to where 不办了 was said.
    history.push(copyData(last))
    applyOption(t, option)
    return false
  }
  if (option.unavailable !== undefined) say(t, render(option.unavailable, stateFields(t)))
  say(t, fullPrompt(t, state))
  return false
}

/**
 * 找人帮我办 at a switch offer: the offer let go, back where it was made from (the walk, the checklist), and the 代办
 * option taken for the item at hand as it would be there. False (the history set here, so that 返回 from the form goes
 * back to that step, not to the offer) when taken up; undefined when the reply is no such wish, or names another item
 * (帮我办结婚登记).
 */
function wishAtOffer(t: Turn, r: Reading, option: DialogOption): boolean | undefined {
  const back = t.s.resume === undefined ? undefined : stateOf(t, t.s.resume)
  if (back === undefined || !wishes(r, option) || t.ctx.matcher.match(r.raw).some((m) => m.item.id !== t.s.itemId)) return undefined
  t.s.state = t.s.resume!
  t.s.switchTo = undefined
  t.s.resume = undefined
  t.s.candidates = undefined
  if (holds(t, 'caseClosed')) {
    say(t, render(t.defs.messages.say.closedNoProxy, stateFields(t)))
    say(t, shortPrompt(t, back))
    return false
  }
  if (holds(t, option.when!)) {
    t.s.history.push(snapshot(t.s))
    applyOption(t, option)
    return false
  }
  if (option.unavailable !== undefined) say(t, render(option.unavailable, stateFields(t)))
  say(t, back.kind === 'materials' ? fullPrompt(t, back) : shortPrompt(t, back))
  return false
}

/** Whether a switch to another item is offered (您是想问"X"吗？, or which of a few), with the step it was offered from kept. */
function atSwitchOffer(t: Turn, state: DialogState): boolean {
  return t.s.resume !== undefined && (t.s.state === t.defs.flow.switch || state.kind === 'chooseItem')
}

/** The steps of the 代办 form: from where the 代办 option leads on, up to a step that takes new questions. */
function formStates(t: Turn, option: DialogOption): Set<string> {
  const seen = new Set<string>()
  const next = option.go === undefined ? [] : [option.go]
  while (next.length > 0) {
    const name = next.pop()!
    const state = stateOf(t, name)
    if (seen.has(name) || state === undefined || ('match' in state && state.match)) continue
    seen.add(name)
    if ('go' in state && typeof state.go === 'string') next.push(state.go)
    if (state.else !== undefined) next.push(state.else)
    if ('options' in state) for (const o of state.options ?? []) if (o.go !== undefined) next.push(o.go)
  }
  return seen
}

/** The state the walk ends in (the checklist), when it is a menu. */
function checklistState(t: Turn): Extract<DialogState, { kind: 'menu' }> | undefined {
  return flowFacts(t.defs).checklist
}

/** Whether the current state is where the 代办 summary's own 不办了 leads (the step with the submit option). */
/**
 * 还是帮我办吧 after 不办了 at the 代办 summary: back to the summary as 返回 would, what was filled in kept (not the form
 * again from its name), said so (say.proxyResumed). False when the step before is not this item's.
 */
function backToSummary(t: Turn): boolean {
  const last = t.s.history.at(-1)
  if (last === undefined || last.itemId !== t.s.itemId || stateOf(t, last.state) === undefined) return false
  t.s = { v: 1, lastAt: t.s.lastAt, history: t.s.history.slice(0, -1), ...copyData(last) }
  say(t, render(t.defs.messages.say.proxyResumed, stateFields(t)))
  say(t, fullPrompt(t))
  return true
}

function droppedAtSummary(t: Turn): boolean {
  return flowFacts(t.defs).submitDrops.has(t.s.state)
}

/**
 * Saying what the resident cannot do (俺不会弄, 没时间, 走不动, 看不懂): a reason to want help, not a 不 turning the wish
 * round. Taken out before looking for one.
 */
const CANNOT = /不会[弄办用写填]?|不懂|看不懂|弄不懂|不明白|不识字|不方便|没时间|没空|走不动|去不了|出不了门|弄不了|办不了|不在家/gu

/**
 * Whether a short reply says the option's label or one of its words, not turned round (不用代办; 能帮我办不 asks;
 * 俺不会弄 你们能帮俺办不 wishes for it).
 */
export function wishes(r: Reading, option: DialogOption): boolean {
  // 能不能帮我办, 能帮我办不, 代办吗: asking, not refusing. The whole reply: plain has lost the 帮我 of 帮我办.
  const text = r.full.replace(CANNOT, '').replace(/(\p{Script=Han})不\1/gu, '').replace(/[不吗么吧呢啊]$/u, '')
  // Measured without the reason given (俺八十了走不动 能不能让人上门给俺办): it makes the wish no longer.
  if (text.length > MAX_WISH_REPLY) return false
  if (NEGATION.test(text)) return false
  return [option.label, ...(option.words ?? [])].map(comparableFixed).some((w) => w.length >= 2 && text.includes(w))
}

/**
 * Whether a session stands where a submitted 代办 request leaves it (the step the submitting option goes to), for
 * the tickets' side: 返回 or 确认 there is about that request.
 */
export function standsSubmitted(defs: DialogDefinitions, session: DialogSession | undefined): boolean {
  return session !== undefined && submittedStates(defs).has(session.state)
}

/** The steps a submitting option goes to, per flow (asked twice a message: worked out once). */
const submittedByFlow = new WeakMap<DialogDefinitions['flow'], Set<string>>()

function submittedStates(defs: DialogDefinitions): Set<string> {
  let states = submittedByFlow.get(defs.flow)
  if (states === undefined) {
    states = new Set(
      Object.values(defs.flow.states).flatMap((s) => (s.kind === 'menu' ? s.options.filter((o) => o.do === 'openTicket' && o.go !== undefined).map((o) => o.go!) : [])),
    )
    submittedByFlow.set(defs.flow, states)
  }
  return states
}

/** Longest reply (compared form) read as asking what 代办 costs (找人帮我办要给钱不, 代办员上门办要钱吗). */
const MAX_FEE_REPLY = 20

/** Who would do it: the 代办 option's words, or the agent (代办员, 帮办, 工作人员帮…, 找人帮, 找你们办). */
const AGENT = /代办|帮办|找人帮|找人办|找你们|你们(?:来|给|替)?[办帮]|工作人员帮|上门办/u

/** Asking about money: 收费吗, 要钱不, 给钱不, 多少钱, 免费吗, 有费用吗. */
const ASKS_FEE = /收费|收钱|收不收|要钱|给钱|花钱|掏钱|付钱|交钱|多少钱|费用|免费|要费|钱不|钱吗|钱么/u

/** Whether a short reply asks whether 代办 itself costs money (代办收费吗, 找人帮我办要给钱不, 代办员要钱吗). */
function asksProxyFee(r: Reading, option: DialogOption): boolean {
  if (r.full.length > MAX_FEE_REPLY || !ASKS_FEE.test(r.full)) return false
  return AGENT.test(r.full) || [option.label, ...(option.words ?? [])].map(comparableFixed).some((w) => w.length >= 2 && r.full.includes(w))
}

/**
 * 代办收费吗 wherever it is asked: 帮办代办 is free (only fees the law sets for the item itself are paid), and the
 * item's own fee when one is at hand (an item no agent may do says why instead). The pending question stays; nothing
 * moves (not the 代办 form started, as its word 代办 would at the checklist).
 */
function proxyFee(t: Turn, state: DialogState, option: DialogOption): false {
  const item = currentItem(t)
  const say_ = t.defs.messages.say
  if (item !== undefined && !holds(t, option.when!) && option.unavailable !== undefined) {
    say(t, render(option.unavailable, stateFields(t)))
  } else {
    const lines = [render(say_.proxyFree, {})]
    if (item !== undefined) lines.push(render(say_.proxyFreeItemFee, caseItemFields(t, item)))
    say(t, lines.join('\n'))
  }
  if (!('match' in state && state.match)) say(t, state.kind === 'materials' ? fullPrompt(t, state) : shortPrompt(t, state))
  // Asked first, with no item at hand and no question pending: what to say next (which item to have done).
  else if (item === undefined) say(t, render(say_.proxyFreeNext, {}))
  return false
}

/** Words that turn a wish round (不用代办, 不想找人帮忙代办, 别代办): a 不 of a story (腿脚不好) does not. */
const REFUSES = /不用|不要|不想|不需要|不必|用不着|没必要|别|甭/u

/**
 * The 代办 option, when the first question already asked for it (帮俺代办残疾证, 大店镇 残疾证代办) and the item can be
 * done by an agent; not when it asked what 代办 costs (残疾证代办收费吗) or turned it round (不用代办). Read clause by
 * clause: 俺爹腿脚不好，代办行不 wishes it, 不需要你们帮我代办 does not.
 */
function wishedFirst(t: Turn): DialogOption | undefined {
  const option = checklistState(t)?.options.find((o) => o.when === 'canProxy')
  const asked = t.s.asked
  if (option === undefined || asked === undefined || currentItem(t) === undefined) return undefined
  if (!holds(t, option.when!) || holds(t, 'caseClosed') || asksProxyFee(read(asked, t.vocab), option)) return undefined
  const words = [option.label, ...(option.words ?? [])].map(comparableFixed).filter((w) => w.length >= 2)
  const clauses = asked.split(/[\s,，。.!！?？;；、]+/u).map((c) => comparable(c).replace(CANNOT, ''))
  return clauses.some((clause) =>
    words.some((w) => {
      const at = clause.indexOf(w)
      return at >= 0 && !REFUSES.test(clause.slice(0, at))
    }),
  )
    ? option
    : undefined
}

/** Entering the walk of an item the first question asked 代办 for: the line saying the materials come first (say.proxyWishedWalk). */
export function proxyWishedWalkLine(t: Turn): string | undefined {
  return wishedFirst(t) === undefined ? undefined : render(t.defs.messages.say.proxyWishedWalk, stateFields(t))
}

/**
 * Showing the checklist of an item the first question asked 代办 for: the line offering it by its number
 * (say.proxyWishedChecklist), after the options.
 */
export function proxyWishedChecklistLine(t: Turn, name: string): string | undefined {
  const checklist = checklistState(t)
  const option = wishedFirst(t)
  if (checklist === undefined || option === undefined || name !== flowFacts(t.defs).checklistName) return undefined
  const shown = visibleOptions(t, checklist.options)
  const at = shown.indexOf(option)
  if (at < 0) return undefined
  const number = optionNumbers(t, checklist)?.[at] ?? at + 1
  return render(t.defs.messages.say.proxyWishedChecklist, stateFields(t, { number: String(number) }))
}
