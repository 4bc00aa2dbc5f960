/**
 * The dialog engine: (definitions, catalogue + matcher, session, input, now) → (next session, replies, effects).
 * Pure and deterministic: no I/O, no clock, no randomness; the conversation service carries out the effects.
 */
import type { Effect, IncomingMessage, Resident } from '../conversation/types.js'
import { handoff, listAll, progressFields } from './actions.js'
import { closedProgress, reaskPresumed } from './closed-case.js'
import { reaskPresumedStep } from './form-presumed.js'
import { itemFields } from './fields.js'
import { inElderWords, inStandardWords, isInElderWords } from './elder.js'
import { walkStamp } from './materials.js'
import { go, restartAtStart } from './navigate.js'
import { standsSubmitted } from './proxy-wish.js'
import { fullPrompt, shortPrompt, visibleOptions } from './prompts.js'
import type { CommandName, DialogDefinitions } from './schema.js'
import { copyData, freshSession, HISTORY_DEPTH, snapshot, workingCopy, type DialogData, type DialogSession } from './session.js'
import { handleReply } from './states.js'
import { render } from './template.js'
import { comparableFixed, ONLY_QUESTION_MARKS, read, type Reading } from './text.js'
import { currentItem, flowFacts, holds, isMatchTarget, say, stateOf, type EngineContext, type Turn } from './turn.js'

export type { EngineContext } from './turn.js'

export interface StepInput {
  resident: Resident
  content: IncomingMessage['content']
  /** The channel's 长者模式 switch (the web page's toggle); without it the session's choice holds. */
  elder?: boolean
}

export interface StepResult {
  session: DialogSession
  replies: string[]
  effects: Effect[]
  /** False when nothing changed (a non-text message): the caller need not save, nor refresh the expiry. */
  changed: boolean
}

export function step(
  defs: DialogDefinitions,
  ctx: EngineContext,
  session: DialogSession | undefined,
  input: StepInput,
  now: number,
): StepResult {
  if (input.content.kind !== 'text') {
    const say_ = (input.elder ?? session?.elder === true ? inElderWords(defs) : defs).messages.say
    return { session: session ?? freshSession(defs.flow.start, now), replies: [render(say_.nonText, {})], effects: [], changed: false }
  }
  const t = textTurn(defs, ctx, session, input, input.content.text, now)
  return { session: t.s, replies: t.replies, effects: t.effects, changed: true }
}

/** One text message's turn, carried out on a working copy of `session`. */
function textTurn(defs: DialogDefinitions, ctx: EngineContext, session: DialogSession | undefined, input: StepInput, text: string, now: number): Turn {
  if (input.elder ?? session?.elder === true) defs = inElderWords(defs)
  const t: Turn = {
    defs,
    ctx,
    vocab: defs.vocab,
    resident: input.resident,
    now,
    s: session ? workingCopy(session) : freshSession(defs.flow.start, now),
    replies: [],
    effects: [],
  }
  if (session) startOverIfStale(t, session)
  t.s.lastAt = now
  // The item's materials changed mid-walk: the reply may answer a material that is no longer the one asked.
  if (!restartWalkIfEdited(t) && !closeShownChecklist(t)) handleText(t, text)
  // Misses count only in a row: a reply the step understood (or a command) starts over.
  if (!t.missed) delete t.s.misses
  // Set from the wording this turn ended in: 返回 and 重新开始 replace t.s, a command may switch the wording.
  if (isInElderWords(t.defs)) t.s.elder = true
  else delete t.s.elder
  return t
}

/**
 * Whether the dialog would take `text` as a reply at the question it waits on (an answer, a question about the item),
 * rather than say it did not understand it or look it up and find nothing (没找到, 这里办不了: what admins see as
 * unanswered). Tried on a copy; nothing is kept. For the tickets' interceptor: 照片拍好了 mid-walk is the walk's own
 * photo when the walk can place it, else news for a ticket waiting for materials.
 */
export function understands(
  defs: DialogDefinitions,
  ctx: EngineContext,
  session: DialogSession | undefined,
  who: Omit<StepInput, 'content'>,
  text: string,
  now: number,
): boolean {
  if (!awaitsAnswer(defs, ctx, session, now)) return false
  const t = trialTurn(defs, ctx, session, who, text, now)
  return t.missed !== true && !t.effects.some((e) => e.type === 'unmatched')
}

/**
 * `text`'s turn tried on a deep copy of `session` (workingCopy copies only what a step is known to change; a trial
 * must leave nothing behind for the real step of the same message).
 */
function trialTurn(defs: DialogDefinitions, ctx: EngineContext, session: DialogSession | undefined, who: Omit<StepInput, 'content'>, text: string, now: number): Turn {
  return textTurn(defs, ctx, session === undefined ? undefined : structuredClone(session), { ...who, content: { kind: 'text', text } }, text, now)
}

/**
 * Whether a bare number `n` would answer the question the dialog waits on (one of its numbered options, a village
 * on its list, a free-text step that takes it), rather than be told 没有这个编号. Tried on a copy; nothing is kept.
 * For the tickets' interceptor: a bare 5 that no choice on screen could mean may rate a finished ticket.
 */
export function takesNumber(
  defs: DialogDefinitions,
  ctx: EngineContext,
  session: DialogSession | undefined,
  who: Omit<StepInput, 'content'>,
  n: number,
  now: number,
): boolean {
  if (!awaitsAnswer(defs, ctx, session, now)) return false
  return trialTurn(defs, ctx, session, who, String(n), now).noSuchNumber !== true
}

/** Why a stored session cannot go on: idle too long, its item removed from the catalogue, its state removed from the dialogs. */
function staleness(defs: DialogDefinitions, ctx: EngineContext, session: DialogSession, now: number) {
  if (now - session.lastAt >= ctx.idleSeconds * 1000) return 'expired' as const
  if (session.itemId !== undefined && !ctx.catalog.byId.has(session.itemId)) return 'itemGone' as const
  if (!Object.hasOwn(defs.flow.states, session.state)) return 'restart' as const
  return undefined
}

/** A stale session: start fresh, say why. */
function startOverIfStale(t: Turn, session: DialogSession): void {
  const say_ = t.defs.messages.say
  const reason = staleness(t.defs, t.ctx, session, t.now)
  if (reason === undefined) return
  const notice =
    reason === 'expired'
      ? render(say_.expired, { idleMinutes: String(Math.round(t.ctx.idleSeconds / 60)) })
      : reason === 'itemGone'
        ? render(say_.itemGone, { itemName: session.itemName })
        : render(say_.restart, {})
  say(t, notice)
  t.s = freshSession(t.defs.flow.start, t.now)
}

/**
 * In the materials walk of an item an admin has since edited (its materials or questions, see walkStamp): say so
 * and walk it again from the first question, keeping the item but not the answers, instead of applying this reply.
 * A session without a stamp (stored before stamps existed) cannot tell, and goes on.
 */
function restartWalkIfEdited(t: Turn): boolean {
  const state = stateOf(t)
  const item = currentItem(t)
  if (state?.kind !== 'materials' || !item || t.s.walkStamp === undefined || t.s.walkStamp === walkStamp(item)) return false
  say(t, render(t.defs.messages.say.materialsChanged, {}))
  t.s.answers = {}
  t.s.ready = {}
  t.s.skipped = undefined
  t.s.walkStamp = undefined
  go(t, t.s.state)
  return true
}

/**
 * At the checklist of a case that cannot, or need not, be applied for (stored before 结论 existed, or an admin added
 * one since): its 申请代办 must not be taken. Go to the step saying why (the checklist's `else`) instead of applying
 * this reply.
 */
function closeShownChecklist(t: Turn): boolean {
  const name = flowFacts(t.defs).checklistName
  if (name === undefined || t.s.state !== name || !holds(t, 'caseClosed')) return false
  go(t, name)
  return true
}

/**
 * Whether the dialog is waiting for the resident to answer a question (a numbered menu, a material to check,
 * a name to type …), so that a bare "1" now answers it. No: no session, a stale one (the next message starts
 * over), the start state, and states that only take new questions (a menu without options, like 办完了 / 已提交).
 */
export function awaitsAnswer(defs: DialogDefinitions, ctx: EngineContext, session: DialogSession | undefined, now: number): boolean {
  if (session === undefined || staleness(defs, ctx, session, now) !== undefined) return false
  if (session.state === defs.flow.start) return false
  const state = defs.flow.states[session.state]
  return state !== undefined && !(state.kind === 'menu' && state.options.length === 0)
}

function handleText(t: Turn, text: string): void {
  const say_ = t.defs.messages.say
  if (text.length > t.defs.messages.limits.maxText) {
    // Where a new question is awaited, tooLong asks for it in one sentence; mid-way (a material, a name), the
    // pending question follows instead (请说说要办什么事 there would read as starting over; a "nothing found"
    // prompt would quote the earlier question as if it were this one).
    const state = stateOf(t)
    if (state && 'match' in state && state.match) say(t, render(say_.tooLong, {}))
    else say(t, `${render(say_.tooLongPending, {})}\n${shortPrompt(t)}`)
    return
  }
  if (ONLY_QUESTION_MARKS.test(text)) {
    askedWhat(t)
    return
  }
  const r = read(text, t.vocab)
  if (r.empty) {
    // Emoji, stickers, punctuation: the resident did send something, we could not read it.
    const nothing = r.raw.replace(/[\u200b-\u200d\u2060\ufeff]/g, '') === ''
    say(t, render(nothing ? say_.empty : say_.unreadable, {}))
    say(t, shortPrompt(t))
    return
  }
  // 有木有, 是不是: the question said back, as a lone ？ says it: what is asked, again (in the walk, explained).
  if (r.asksYesNo) {
    askedWhat(t)
    return
  }
  const before = snapshot(t.s)
  if (r.command && !namesOwnOption(t, r)) {
    if (command(t, r.command)) remember(t, before)
    return
  }
  const state = stateOf(t)
  if (!state) {
    restartAtStart(t)
    return
  }
  if (walkOver(t, r) || handleReply(t, state, r)) remember(t, before)
}

/**
 * 从头核对 in a walk (vocabulary.yaml walkOver; offered when a walk left for another item goes on, walk.resumed):
 * the answers given are dropped and the walk asked again from its first question. 返回 brings them back.
 */
function walkOver(t: Turn, r: Reading): boolean {
  const state = stateOf(t)
  if (state?.kind !== 'materials' || !t.defs.vocabulary.walkOver.some((w) => [r.plain, r.full].includes(comparableFixed(w)))) return false
  t.s.answers = {}
  t.s.ready = {}
  t.s.skipped = undefined
  go(t, t.s.state)
  return true
}

/**
 * A lone ？: the resident does not see what is asked. In the walk, what the material asked is (as 啥意思 gets);
 * elsewhere a short hint and the question again (the checklist step only its question, not the whole list again).
 */
function askedWhat(t: Turn): void {
  const state = stateOf(t)
  if (state?.kind === 'materials') {
    handleReply(t, state, read('什么意思', t.vocab))
    return
  }
  // Where a new question is awaited nothing is pending: the prompt says what to type.
  if (state && !('match' in state && state.match)) say(t, render(t.defs.messages.say.questionMark, {}))
  say(t, shortPrompt(t))
}

/**
 * Keeps the state before an accepted reply, so 返回 can go back to it (never back over a submitted ticket). A
 * "nothing found" step is not kept: going back to 抱歉，没找到 helps nobody; 返回 goes to the step before it.
 */
function remember(t: Turn, before: DialogData): void {
  if (t.effects.some((e) => e.type === 'openTicket')) return
  if (isMatchTarget(t, before.state, 'none')) return
  t.s.history.push(before)
  if (t.s.history.length > HISTORY_DEPTH) t.s.history.splice(0, t.s.history.length - HISTORY_DEPTH)
}

/**
 * Whether the reply is, word for word, one of the current menu's own options (不办了 on the 代办 summary): the
 * step's own meaning wins over the command of the same words, since the step was written for this moment.
 */
function namesOwnOption(t: Turn, r: Reading): boolean {
  const state = stateOf(t)
  if (state?.kind !== 'menu') return false
  return visibleOptions(t, state.options).some((o) =>
    [o.label, ...(o.words ?? [])].some((w) => {
      const form = comparableFixed(w)
      return form === r.full || form === r.plain
    }),
  )
}

/** The global commands, in any state. True when the command moved the dialog (返回 can undo it). */
function command(t: Turn, name: CommandName): boolean {
  const say_ = t.defs.messages.say
  switch (name) {
    case 'handoff': {
      handoff(t)
      // Mid-way (a phone number, a material): the question still waits, so say where the resident stopped.
      // States that take a free question (welcome, no_match, …) have nothing pending.
      const state = stateOf(t)
      if (state && !('match' in state && state.match)) {
        say(t, `${render(say_.handoffResume, {})}\n${shortPrompt(t, state)}`)
      }
      return false
    }
    case 'restart':
      say(t, render(say_.restart, {}))
      restartAtStart(t)
      return false
    case 'cancel': {
      // 不办了 mid-form or mid-walk: nothing kept, nothing submitted, and no welcome after a goodbye. Said by
      // mistake (不办了 meaning the 代办 only), 返回 brings back where the resident was (a started dialog only).
      const underWay = t.s.state !== t.defs.flow.start
      // At the start with nothing asked yet (no step to go back to): nothing to stop. After a 先不办了, again kindly.
      const nothing = !underWay && t.s.history.length === 0
      say(t, underWay ? `${render(say_.cancel, {})}\n${render(say_.cancelUndo, {})}` : render(nothing ? say_.cancelNothing : say_.cancel, {}))
      const history = underWay ? [...t.s.history, snapshot(t.s)].slice(-HISTORY_DEPTH) : []
      t.s = { ...freshSession(t.defs.flow.start, t.now), history }
      // About the item at hand: an earlier 代办 request still open is not withdrawn, and the tickets service says so.
      if (underWay) t.effects.push({ type: 'mentionOpenTicket', ...(isInElderWords(t.defs) && { elder: true }) })
      return false
    }
    case 'back': {
      if (reaskPresumed(t) || reaskPresumedStep(t)) return false
      // 返回 at the first question of a walk a clear find began unasked: before it is the welcome, which would drop
      // the item. Stay, and say how to change the item instead.
      const last = t.s.history.at(-1)
      const state = stateOf(t)
      if (state?.kind === 'materials' && t.s.itemId !== undefined && last !== undefined && last.itemId === undefined) {
        // Nothing answered since (an answer would have been kept for 返回): 不对 means the wrong item again, as it says.
        t.s.unconfirmed = true
        say(t, render(t.defs.messages.walk.firstStep, itemFields(currentItem(t)!, t.defs.messages)))
        say(t, fullPrompt(t))
        return false
      }
      const previous = t.s.history.pop()
      if (!previous || !stateOf(t, previous.state)) {
        say(t, render(say_.backNone, {}))
        say(t, shortPrompt(t))
        return false
      }
      // Copied, not taken over: the entry is still part of the session this turn was handed, which a store may hand
      // to a later turn again. Nothing below changes it today; the copy keeps that true when something does.
      t.s = { v: 1, lastAt: t.s.lastAt, history: t.s.history, ...copyData(previous) }
      // Back at the first question of a walk begun without 对吗: 不对 again means the wrong item, so say so again
      // (the resident may have gone back because it is the wrong item; without the hint 不对 would surprise).
      if (t.s.unconfirmed && stateOf(t)?.kind === 'materials') say(t, t.defs.messages.walk.unconfirmed)
      // Back where a request was submitted: its prompt (正在为您提交……) would pretend to submit again; what can be done
      // there is said instead (its re-prompt: already submitted, 我的进度, a new question).
      say(t, standsSubmitted(t.defs, t.s) ? shortPrompt(t) : fullPrompt(t))
      return false
    }
    case 'help':
      say(t, render(say_.help, {}))
      say(t, shortPrompt(t))
      return false
    case 'progress': {
      // A case that cannot, or need not, be applied for has no materials to count: say that, in short.
      const closed = closedProgress(t)
      const fields = closed === undefined ? progressFields(t) : undefined
      say(t, closed ?? (fields ? render(say_.progress, fields) : render(say_.progressNone, {})))
      // Mid-way, the question still waits: ask it again, as after 帮助.
      const state = stateOf(t)
      const underWay = closed !== undefined || fields !== undefined
      if (underWay && state && !('match' in state && state.match)) say(t, shortPrompt(t, state))
      // The tickets service answers with the resident's proxy tickets (its reply comes after these); mid-way, only
      // when there are some (您还没有代办工单，先告诉我要办什么事 would contradict the question just asked).
      const elder = isInElderWords(t.defs) ? { elder: true } : {}
      t.effects.push(underWay ? { type: 'listTickets', quietIfNone: true, ...elder } : { type: 'listTickets', ...elder })
      return false
    }
    case 'listAll': {
      const before = t.s.state
      listAll(t)
      return t.s.state !== before
    }
    case 'elderOn':
    case 'elderOff':
      t.defs = name === 'elderOn' ? inElderWords(t.defs) : inStandardWords(t.defs)
      say(t, render(name === 'elderOn' ? t.defs.messages.say.elderOn : t.defs.messages.say.elderOff, {}))
      // The pending question again, in the new words; at the start nothing is pending.
      if (t.s.state !== t.defs.flow.start) say(t, shortPrompt(t))
      return false
  }
}
