/**
 * What residents and agents read about a ticket, in short plain Chinese. Pure.
 * Agents other than the claimer see the resident masked (张*, 138****5678).
 */
import { shanghaiDate } from './calendar.js'
import { maskName, maskPhone, maskText } from './mask.js'
import { TRANSITIONS } from './lifecycle.js'
import { STANDARD_WORDS, type ResidentWords } from './resident-words.js'
import type { Agent, HistoryEntry, Network, TicketState } from './types.js'

const SHANGHAI_OFFSET_MS = 8 * 3_600_000

/** 2026-11-22 10:05 (Shanghai). */
export function formatTime(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
}

/** The last day of a deadline that ends at 24:00: 2026年12月10日. */
export function formatDeadline(dueAt: number): string {
  const [y, m, d] = shanghaiDate(dueAt - 1).split('-')
  return `${y}年${Number(m)}月${Number(d)}日`
}

/** When the ticket is due: 2026年12月10日前办结, or 以窗口告知为准 when the item promises no figure (以窗口为准). */
export function deadlineText(dueAt: number | undefined, words: ResidentWords = STANDARD_WORDS): string {
  return words.deadline(dueAt === undefined ? undefined : formatDeadline(dueAt))
}

export function pointName(network: Network, id: string): string {
  return network.points.get(id)?.name ?? id
}

/**
 * Where the applicant lives, for agents: the village point, or for a village not on the list its name and the
 * town's point whose area it is in (an agent going door to door needs the village). Where the ticket lives is
 * another matter: it may have moved up since (see the node).
 */
export function areaText(t: Pick<TicketState, 'areaPointId' | 'village'>, network: Network): string {
  const point = pointName(network, t.areaPointId)
  return t.village === undefined ? point : `${t.village || '村名没说'}（名单上没有这个村，属${point}）`
}

export function agentLabel(agent: Agent | undefined, withPhone = true): string {
  if (agent === undefined) return '代办员'
  return withPhone ? `${agent.role} ${agent.name}（${agent.phone}）` : `${agent.role} ${agent.name}`
}

/** Status, plus who has it when claimed. */
export function statusLine(t: TicketState, network: Network, words: ResidentWords = STANDARD_WORDS): string {
  const agent = t.claimedBy === undefined ? undefined : network.agentsById.get(t.claimedBy)
  const returned = t.status === '已退回' && t.returnReason ? t.returnReason : undefined
  // 待领办 is the service's word for "nobody has taken it yet"; beside the help kinds (领办, 特办) it reads like one.
  return words.statusLine(words.status(t.status), agent ? agentLabel(agent) : undefined, returned)
}

/** The agent brings the result to the door: said so by the request, or a 特办 ticket filed before requests said it. */
function doorDelivery(t: TicketState): boolean {
  return t.delivery.kind === 'door' || t.help === '特办'
}

/** A mobile number as tickets keep it; anything else in `phone` is a landline. */
const MOBILE = /^1[3-9]\d{9}$/

/** The ticket as an agent sees it; `full` (only for the claimer) shows the real name, phone and address. */
export function agentSummary(t: TicketState, network: Network, full: boolean): string {
  const name = full ? t.name : maskName(t.name)
  const phone = full ? t.phone : maskPhone(t.phone)
  const mail = t.delivery.kind === 'mail' ? `邮寄到 ${full ? t.delivery.address : '（接单后可见）'}` : doorDelivery(t) ? `上门送达（${t.help}）` : '自取'
  const lines = [
    `工单 ${t.id}（${t.status}）`,
    `事项：${t.itemName}（${t.help}）`,
    // A landline (taken when the resident has no mobile) gets no text message: said, so the agent calls.
    `申请人：${name}，电话 ${phone}${MOBILE.test(t.phone) ? '' : '（固定电话）'}`,
    `地点：${areaText(t, network)}`,
    `材料：${materialsLine(t, full)}`,
    `取件：${mail}`,
    `时限：${deadlineText(t.dueAt)}`,
  ]
  if (t.note) lines.push(`备注：${full ? t.note : maskText(t.note)}`)
  if (t.returnReason && t.status === '已退回') lines.push(`退回原因：${t.returnReason}`)
  return lines.join('\n')
}

/** One line per history entry: 11-22 10:05 接单 王晓梅：note. */
export function historyLines(history: readonly HistoryEntry[], network: Network, mask: boolean): string[] {
  return history.map((h) => {
    const who = h.by === 'resident' ? '居民' : h.by === 'system' ? '系统' : (network.agentsById.get(h.by)?.name ?? h.by)
    const label = h.action === 'open' ? '提交' : TRANSITIONS[h.action].label
    const note = h.note ? `：${mask ? maskText(h.note) : h.note}` : ''
    return `${formatTime(h.at).slice(5)} ${label}（${who}）${note}`
  })
}

/** The ticket as its resident sees it (查询 ID). */
export function residentDetail(t: TicketState, network: Network, history: readonly HistoryEntry[] = [], words: ResidentWords = STANDARD_WORDS): string {
  const last = history[history.length - 1]
  return words.detail(t, {
    status: statusLine(t, network, words),
    createdAt: formatTime(t.createdAt),
    ...(t.status !== '已取消' && { deadline: deadlineText(t.dueAt, words) }),
    ...(last && last.action !== 'open' && { last: historyLines([last], network, false)[0] }),
    waiting: t.status === '待领办',
    returned: t.status === '已退回',
  })
}

/**
 * A resident's tickets, newest first (我的进度). Bulleted, not numbered: nothing reads a number typed back as a
 * ticket (a 1 goes to the dialog), and the hint shows the command with the newest ticket's own number.
 */
export function residentList(tickets: readonly TicketState[], network: Network, words: ResidentWords = STANDARD_WORDS): string {
  if (tickets.length === 0) return words.listNone
  const lines = tickets.slice(0, 10).map((t) => `· ${t.id} ${t.itemName}：${statusLine(t, network, words)}`)
  return words.list(lines, tickets.length > 10, tickets[0]!.id)
}

/** 齐全 only when every material was checked with the resident and none is missing. */
function materialsLine(t: Pick<TicketState, 'materialsReady' | 'materialsMissing' | 'materialsUnknown' | 'supplied' | 'status'>, full: boolean): string {
  const unknown = t.materialsUnknown ?? []
  const parts = [`已备 ${t.materialsReady.length} 项`]
  // After a 补齐 the list is what was missing when applying: the resident has since handed papers in.
  if (t.materialsMissing.length > 0) parts.push(`${t.supplied ? '申请时缺' : '缺'} ${t.materialsMissing.join('、')}`)
  // Returned again: what was handed in last time is not the answer to this return.
  if (t.supplied && t.status !== '已退回') parts.push(`居民已补齐：${full ? t.supplied.note : maskText(t.supplied.note)}`)
  if (unknown.length > 0) parts.push(`未核对 ${unknown.join('、')}`)
  if (t.materialsMissing.length === 0 && unknown.length === 0) parts.push('齐全')
  return parts.join('，')
}
