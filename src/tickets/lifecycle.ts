/**
 * The ticket lifecycle (pure): a transition table saying which action moves which status where and who may
 * take it; applying an action returns the next ticket with one more history entry, or a refusal in Chinese.
 *
 *   待领办 ─接单→ 已领办 ─办理→ 办理中 ─办结→ 已办结 (评价, 回访)
 *     │取消(居民)          └──退回→ 已退回 ←退回─┘
 *     ▼                             └─补齐(居民)→ 办理中
 *   已取消
 */
import { workingDeadline, type HolidayCalendar } from './calendar.js'
import { isBadRating, RATING_LABELS } from './rating.js'
import { mayHandle } from './routing.js'
import { OPEN_STATUSES } from './types.js'
import type { Actor, HistoryEntry, Network, Ticket, TicketStatus } from './types.js'

export type Action =
  | { name: 'claim' }
  | { name: 'start' }
  | { name: 'return'; reason: string }
  | { name: 'resume'; answer: string }
  | { name: 'done'; note?: string }
  | { name: 'cancel'; reason?: string }
  | { name: 'escalate'; nodeId: string; round: number }
  | { name: 'overdue' }
  | { name: 'rate'; score: number }
  /** text undefined: the resident skipped the comment. */
  | { name: 'comment'; text?: string }
  | { name: 'followUp'; answer: string }
  | { name: 'followUpOverdue' }

/** resident: the ticket's owner; handler: an agent of its nodes (or their supervisor); claimer: the agent who claimed it. */
type Who = 'resident' | 'handler' | 'claimer' | 'supervisor' | 'system'

interface Rule {
  label: string
  from: readonly TicketStatus[]
  /** Status after; unset keeps the status. */
  to?: TicketStatus
  who: Who
}

export const TRANSITIONS: Readonly<Record<Action['name'], Rule>> = {
  claim: { label: '接单', from: ['待领办'], to: '已领办', who: 'handler' },
  start: { label: '办理', from: ['已领办'], to: '办理中', who: 'claimer' },
  return: { label: '退回', from: ['已领办', '办理中'], to: '已退回', who: 'claimer' },
  resume: { label: '补齐', from: ['已退回'], to: '办理中', who: 'resident' },
  done: { label: '办结', from: ['办理中'], to: '已办结', who: 'claimer' },
  cancel: { label: '取消', from: ['待领办'], to: '已取消', who: 'resident' },
  escalate: { label: '督办', from: ['待领办'], who: 'system' },
  overdue: { label: '超期提醒', from: OPEN_STATUSES, who: 'system' },
  rate: { label: '评价', from: ['已办结'], who: 'resident' },
  comment: { label: '评价意见', from: ['已办结'], who: 'resident' },
  followUp: { label: '回访', from: ['已办结'], who: 'supervisor' },
  followUpOverdue: { label: '回访超期提醒', from: ['已办结'], who: 'system' },
}

export interface ActionContext {
  now: number
  network: Network
  calendar: HolidayCalendar
}

export type Refusal = {
  ok: false
  /** forbidden: not this actor's to do; bad_status: not from this status; claimed: someone else has it; invalid: bad input or already done. */
  code: 'forbidden' | 'bad_status' | 'claimed' | 'invalid'
  message: string
  /** What was refused, and the ticket's status then: for a resident in 长者模式, the refusal is said in its own words (resident-words.ts). */
  action: Action['name']
  status: TicketStatus
}
export type Applied = { ok: true; ticket: Ticket; entry: HistoryEntry }

/** Applies `action` by `actor`; pure. */
export function applyAction(ticket: Ticket, action: Action, actor: Actor, ctx: ActionContext): Applied | Refusal {
  const rule = TRANSITIONS[action.name]
  const refuse = (code: Refusal['code'], message: string): Refusal => ({ ok: false, code, message, action: action.name, status: ticket.status })
  if (action.name === 'claim' && ticket.claimedBy !== undefined && ticket.status !== '待领办') {
    const who = ctx.network.agentsById.get(ticket.claimedBy)
    if (actor.kind === 'agent' && actor.agent.id === ticket.claimedBy) return refuse('invalid', `工单 ${ticket.id} 您已经接单了。`)
    return refuse('claimed', `工单 ${ticket.id} 已被${who ? `代办员 ${who.name}（${who.phone}）` : '其他代办员'}接单。`)
  }
  const denied = checkActor(rule.who, ticket, actor, ctx.network)
  if (denied) return refuse('forbidden', denied)
  if (!rule.from.includes(ticket.status)) {
    // Read in WeChat and in the console alike: both ways of taking the ticket.
    const hint =
      actor.kind !== 'agent' ? ''
      : ticket.status === '待领办' ? `请先接单（微信里回复：接单 ${ticket.id}，或在工作台点"接单"）。`
      : ticket.status === '已领办' && action.name === 'done' ? `请先开始办理（微信里回复：办理 ${ticket.id}，或在工作台点"开始办理"），办完再办结。`
      : ''
    return refuse('bad_status', `工单 ${ticket.id} 现在是"${ticket.status}"，不能${rule.label}。${hint}`)
  }
  const changed = change(ticket, action, actor, ctx)
  if (typeof changed === 'string') return refuse('invalid', changed)
  const status = rule.to ?? ticket.status
  const entry: HistoryEntry = { at: ctx.now, by: actorId(actor), action: action.name, status }
  if (changed.note !== undefined) entry.note = changed.note
  const next: Ticket = {
    ...ticket,
    ...changed.fields,
    status,
    version: ticket.version + 1,
    updatedAt: ctx.now,
    history: [...ticket.history, entry],
  }
  return { ok: true, ticket: next, entry }
}

/** The history's `by` for an actor. */
export function actorId(actor: Actor): string {
  return actor.kind === 'agent' ? actor.agent.id : actor.kind
}

function checkActor(who: Who, ticket: Ticket, actor: Actor, network: Network): string | undefined {
  if (who === 'system') return actor.kind === 'system' ? undefined : '这一步由系统自动进行。'
  if (who === 'resident') {
    if (actor.kind !== 'resident') return '这一步要由申请的居民本人操作。'
    const r = actor.resident
    const mine = r.channel === ticket.resident.channel && r.userId === ticket.resident.userId
    return mine ? undefined : `没有找到您的工单 ${ticket.id}。`
  }
  if (actor.kind !== 'agent') return '这一步要由代办员操作。'
  const agent = actor.agent
  const handles = mayHandle(network, agent, ticket.chain)
  if (who === 'handler') return handles ? undefined : `工单 ${ticket.id} 不在您负责的服务点。`
  if (who === 'supervisor') return agent.role === '督办' && handles ? undefined : '回访要由督办人员操作。'
  // claimer: the agent who claimed it, or a supervisor over its nodes (covering for an absent agent)
  // Unclaimed (待领办, 已取消): no claimer step is allowed from there; the status check says why.
  if (ticket.claimedBy === undefined) return handles ? undefined : `工单 ${ticket.id} 不在您负责的服务点。`
  if (ticket.claimedBy === agent.id) return undefined
  if (agent.role === '督办' && handles) return undefined
  return `工单 ${ticket.id} 由其他代办员负责，您不能操作。`
}

type Change = { fields: Partial<Ticket>; note?: string }

function change(t: Ticket, action: Action, actor: Actor, ctx: ActionContext): Change | string {
  const { now } = ctx
  switch (action.name) {
    case 'claim':
      return { fields: { claimedAt: now, claimedBy: actorId(actor) } }
    case 'start':
      return { fields: {} }
    case 'return': {
      const reason = action.reason.trim()
      if (reason === '') return `退回要写明原因，例如：退回 ${t.id} 缺户口簿原件`
      return { fields: { returnReason: reason }, note: reason }
    }
    case 'resume':
      return { fields: { returnReason: undefined, supplied: { at: now, note: action.answer.trim() || '材料已补齐' } }, note: action.answer.trim() || undefined }
    case 'done':
      return { fields: { doneAt: now }, note: action.note?.trim() || undefined }
    case 'cancel':
      return { fields: {}, note: action.reason?.trim() || undefined }
    case 'escalate': {
      if (action.round !== t.escalations) return '这次督办已经处理过了。'
      const from = ctx.network.points.get(t.nodeId)?.name ?? t.nodeId
      const to = ctx.network.points.get(action.nodeId)?.name ?? action.nodeId
      const chain = t.chain.includes(action.nodeId) ? t.chain : [...t.chain, action.nodeId]
      const note = action.nodeId === t.nodeId ? `仍无人接单（${to}）` : `无人接单，从${from}转到${to}`
      return { fields: { nodeId: action.nodeId, chain, escalations: t.escalations + 1 }, note }
    }
    case 'overdue':
      if (t.overdueAt !== undefined) return '超期提醒已经发过了。'
      return { fields: { overdueAt: now } }
    case 'rate': {
      if (t.rating !== undefined) return `工单 ${t.id} 已经评价过了，谢谢您。`
      if (!Number.isInteger(action.score) || action.score < 1 || action.score > 5) return '请回复 1 到 5 的数字。'
      const rating = { score: action.score, at: now, commentClosed: false }
      const followUp = isBadRating(action.score)
        ? { openedAt: now, dueAt: workingDeadline(ctx.calendar, now, ctx.network.settings.followUpDays) }
        : undefined
      return { fields: followUp ? { rating, followUp } : { rating }, note: `${action.score} ${RATING_LABELS[action.score]}` }
    }
    case 'comment': {
      if (t.rating === undefined || t.rating.commentClosed) return '没有等待补充的评价意见。'
      const text = action.text?.trim()
      const rating = { ...t.rating, commentClosed: true, ...(text ? { comment: text } : {}) }
      return { fields: { rating }, note: text || '不补充意见' }
    }
    case 'followUp': {
      if (t.followUp === undefined) return `工单 ${t.id} 没有需要回访的差评。`
      if (t.followUp.answeredAt !== undefined) return `工单 ${t.id} 已经回访过了。`
      const answer = action.answer.trim()
      if (answer === '') return `回访要写明情况，例如：回访 ${t.id} 已电话联系居民，问题已解决`
      return { fields: { followUp: { ...t.followUp, answeredAt: now, answeredBy: actorId(actor), answer } }, note: answer }
    }
    case 'followUpOverdue':
      if (t.followUp === undefined || t.followUp.answeredAt !== undefined || t.followUp.overdueAlertedAt !== undefined) {
        return '不需要回访超期提醒。'
      }
      return { fields: { followUp: { ...t.followUp, overdueAlertedAt: now } } }
  }
}
