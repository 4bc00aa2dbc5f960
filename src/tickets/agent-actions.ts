/**
 * What an agent can do with tickets, shared by the WeChat commands and the HTTP API: act on a ticket, view one
 * (full resident details only for the agent who claimed it), and list their queue.
 */
import type { Action } from './lifecycle.js'
import { maskName, maskPhone, maskText } from './mask.js'
import { followUpSupervisors, mayHandle } from './routing.js'
import { act, type ActResult, type TicketEnv } from './service.js'
import { areaText } from './texts.js'
import { OPEN_STATUSES } from './types.js'
import type { Agent, HistoryEntry, Network, Ticket, TicketState } from './types.js'

export type AgentVerb = 'claim' | 'start' | 'return' | 'done' | 'followUp'

/** Builds the action for a verb; `text` is the reason (退回), note (办结) or answer (回访). */
export function agentAction(verb: AgentVerb, text: string): Action {
  switch (verb) {
    case 'claim':
      return { name: 'claim' }
    case 'start':
      return { name: 'start' }
    case 'return':
      return { name: 'return', reason: text }
    case 'done':
      return text.trim() ? { name: 'done', note: text } : { name: 'done' }
    case 'followUp':
      return { name: 'followUp', answer: text }
  }
}

export function agentAct(env: TicketEnv, agent: Agent, id: string, verb: AgentVerb, text: string, now: number): Promise<ActResult> {
  return act(env, id, agentAction(verb, text), { kind: 'agent', agent }, now)
}

export type ViewResult = { ok: true; ticket: Ticket; full: boolean } | { ok: false; code: 'not_found' | 'forbidden'; message: string }

/** A ticket the agent may see: at one of its nodes, or supervised by them. */
export async function agentView(env: TicketEnv, agent: Agent, id: string): Promise<ViewResult> {
  const ticket = await env.store.get(id)
  if (ticket === undefined) return { ok: false, code: 'not_found', message: `没有找到工单 ${id}，请核对工单号。` }
  if (!mayHandle(env.network, agent, ticket.chain) && ticket.claimedBy !== agent.id) {
    return { ok: false, code: 'forbidden', message: `工单 ${id} 不在您负责的服务点。` }
  }
  return { ok: true, ticket, full: ticket.claimedBy === agent.id || followsUp(env.network, agent, ticket) }
}

/**
 * A supervisor whose 回访 a ticket's 差评 awaits (followUpSupervisors: told of it by the 【差评回访】 notice): they are
 * to call or visit the resident, so they see the name and phone in full, as the claimer does. Other supervisors
 * over the ticket, higher up, see them masked.
 */
export function followsUp(network: Network, agent: Agent, t: TicketState): boolean {
  if (agent.role !== '督办' || t.followUp === undefined || t.followUp.answeredAt !== undefined) return false
  return followUpSupervisors(network, t).some((s) => s.id === agent.id)
}

/**
 * The agent's queue: tickets waiting at their node(s), and open tickets they claimed; supervisors also see overdue
 * ones, and the 差评 whose 回访 is theirs to do (followUps).
 */
export async function agentQueue(
  env: TicketEnv,
  agent: Agent,
): Promise<{ waiting: TicketState[]; mine: TicketState[]; overdue: TicketState[]; followUps: TicketState[] }> {
  const atNode = await env.store.list({ nodeId: agent.pointId }, 500)
  const waiting = atNode.filter((t) => t.status === '待领办')
  const mine = (await env.store.list({ claimedBy: agent.id }, 500)).filter((t) => OPEN_STATUSES.includes(t.status))
  let overdue: TicketState[] = []
  let followUps: TicketState[] = []
  if (agent.role === '督办') {
    const open = await Promise.all(OPEN_STATUSES.map((status) => env.store.list({ status }, 1000)))
    overdue = open.flat().filter((t) => t.overdueAt !== undefined && mayHandle(env.network, agent, t.chain))
    // Due first: the 回访 has a deadline (working days after the rating).
    followUps = (await env.store.list({ status: '已办结' }, 1000))
      .filter((t) => followsUp(env.network, agent, t))
      .sort((a, b) => a.followUp!.dueAt - b.followUp!.dueAt)
  }
  return { waiting, mine, overdue, followUps }
}

/** The JSON an agent gets over HTTP: the resident masked unless the agent claimed the ticket. */
export function ticketJsonForAgent(t: TicketState & { history?: HistoryEntry[] }, env: TicketEnv, full: boolean): Record<string, unknown> {
  const agent = t.claimedBy === undefined ? undefined : env.network.agentsById.get(t.claimedBy)
  return {
    id: t.id,
    status: t.status,
    item: { id: t.itemId, name: t.itemName },
    help: t.help,
    resident: {
      name: full ? t.name : maskName(t.name),
      phone: full ? t.phone : maskPhone(t.phone),
      channel: t.resident.channel,
    },
    area: { id: t.areaPointId, name: areaText(t, env.network) },
    node: { id: t.nodeId, name: env.network.points.get(t.nodeId)?.name ?? t.nodeId },
    tier: t.tier,
    delivery: t.delivery.kind === 'mail' ? { kind: 'mail', address: full ? t.delivery.address : '（接单后可见）' } : t.delivery,
    materialsReady: t.materialsReady,
    materialsMissing: t.materialsMissing,
    materialsUnknown: t.materialsUnknown ?? [],
    note: t.note === undefined ? undefined : full ? t.note : maskText(t.note),
    claimedBy: agent ? { id: agent.id, name: agent.name, phone: agent.phone } : undefined,
    createdAt: new Date(t.createdAt).toISOString(),
    // None for an item whose limit is 以窗口为准.
    dueAt: t.dueAt === undefined ? undefined : new Date(t.dueAt).toISOString(),
    overdue: t.overdueAt !== undefined,
    escalations: t.escalations,
    returnReason: t.returnReason,
    supplied: t.supplied && { at: new Date(t.supplied.at).toISOString(), note: full ? t.supplied.note : maskText(t.supplied.note) },
    rating: t.rating,
    followUp: t.followUp,
    history: t.history?.map((h) => ({ ...h, at: new Date(h.at).toISOString(), note: h.note && !full ? maskText(h.note) : h.note })),
  }
}
