/**
 * The tickets service: opens tickets (route, store, notify, set timers) and carries out actions with an
 * optimistic check, so of two agents claiming at once the first wins and the second is told who has it.
 * Time comes in as `now`; the store commits each change together with what it sets off.
 */
import { ASK_WINDOW, type CatalogItem, type TimeLimit } from '../catalog/types.js'
import type { TicketRequest } from '../conversation/types.js'
import { calendarDeadline, workingDeadline, type HolidayCalendar } from './calendar.js'
import { ticketDay } from './ids.js'
import { applyAction, type Action, type Refusal } from './lifecycle.js'
import { notificationsFor } from './notify.js'
import type { Outgoing, TicketStore } from './ports.js'
import { countyPointOf, route } from './routing.js'
import type { Actor, HistoryEntry, Network, Ticket, Timer } from './types.js'

/**
 * What the service reads. `network` and `calendar` may be getters that follow catalog/network.yaml and
 * holidays.yaml as they are reloaded (liveTicketEnv in network-reloader.ts), and `item` follows the catalogue:
 * read them at each use rather than keeping them, so every reader sees a reload.
 */
/**
 * 即办 (0 days) means on the spot at the window. Done on a resident's behalf it still waits for an agent to take
 * it (24 hours to respond), so a proxy ticket gets at least one working day, not a deadline that passes tonight.
 */
const PROXY_MIN_DAYS = 1

/**
 * When a proxy ticket for an item with this promised limit is due: working days on the holiday calendar, calendar
 * days (N日) as they come; none for 以窗口为准 (no official figure: nothing is promised, so nothing is overdue).
 */
export function proxyDeadline(calendar: HolidayCalendar, now: number, limit: TimeLimit): number | undefined {
  if (limit === ASK_WINDOW) return undefined
  if (typeof limit === 'object') return calendarDeadline(now, Math.max(limit.calendarDays, PROXY_MIN_DAYS))
  return workingDeadline(calendar, now, Math.max(limit, PROXY_MIN_DAYS))
}

export interface TicketEnv {
  store: TicketStore
  readonly network: Network
  readonly calendar: HolidayCalendar
  item(id: string): Pick<CatalogItem, 'name' | 'tiers' | 'places' | 'promisedLimitDays'> | undefined
  /** Overrides the network file's 领办时限小时. */
  claimHours?: number
}

export type OpenResult = { ok: true; ticket: Ticket } | { ok: false; message: string }
export type ActResult = { ok: true; ticket: Ticket; before: Ticket } | Refusal | { ok: false; code: 'not_found'; message: string }

const HOUR_MS = 3_600_000
const MAX_RACES = 8

export const timerIds = {
  escalate: (id: string, round: number) => `esc:${id}:${round}`,
  overdue: (id: string) => `due:${id}`,
  followUp: (id: string) => `fu:${id}`,
}

function claimHours(env: TicketEnv): number {
  return env.claimHours ?? env.network.settings.claimHours
}

/** Routes the request, stores the ticket, and queues the agents' notifications and the two timers, all at once. */
export async function openTicket(env: TicketEnv, request: TicketRequest, now: number): Promise<OpenResult> {
  const item = env.item(request.itemId)
  if (item === undefined) return { ok: false, message: `没有找到事项"${request.itemName}"，请重新选择事项。` }
  const routed = route(env.network, {
    tiers: item.tiers,
    areaPointId: request.areaPointId,
    help: request.help,
    ...(countyPointOf(item, env.network) !== undefined && { countyPointId: countyPointOf(item, env.network) }),
  })
  if (!routed.ok) return { ok: false, message: `${routed.message}，请重新选择所在的村（社区）。` }

  const entry: HistoryEntry = { at: now, by: 'resident', action: 'open', status: '待领办' }
  const due = proxyDeadline(env.calendar, now, item.promisedLimitDays)
  const draft = (id: string) => {
    const ticket: Ticket = {
      id,
      version: 1,
      status: '待领办',
      resident: { ...request.resident },
      name: request.name,
      phone: request.phone,
      itemId: request.itemId,
      itemName: item.name,
      help: request.help,
      delivery: request.delivery,
      materialsReady: [...request.materialsReady],
      materialsMissing: [...request.materialsMissing],
      materialsUnknown: [...(request.materialsUnknown ?? [])],
      answers: { ...request.answers },
      ...(request.note !== undefined && { note: request.note }),
      areaPointId: request.areaPointId,
      ...(request.village !== undefined && { village: request.village }),
      ...(request.elder === true && { elder: true }),
      nodeId: routed.nodeId,
      tier: routed.tier,
      chain: [routed.nodeId],
      createdAt: now,
      updatedAt: now,
      ...(due !== undefined && { dueAt: due }),
      escalations: 0,
      history: [entry],
    }
    return { ticket, out: outgoingFor(env, undefined, ticket, entry) }
  }
  const ticket = await env.store.create(ticketDay(now), draft)
  return { ok: true, ticket }
}

/**
 * Applies an action, re-reading and retrying when someone changed the ticket in between.
 * `current`, when the caller has just read the ticket, saves the first read.
 */
export async function act(env: TicketEnv, id: string, action: Action, actor: Actor, now: number, current?: Ticket): Promise<ActResult> {
  for (let race = 0; race < MAX_RACES; race++) {
    const before = race === 0 && current?.id === id ? current : await env.store.get(id)
    if (before === undefined) return { ok: false, code: 'not_found', message: `没有找到工单 ${id}，请核对工单号。` }
    const applied = applyAction(before, action, actor, { now, network: env.network, calendar: env.calendar })
    if (!applied.ok) return applied
    const stored = await env.store.update(before, applied.ticket, outgoingFor(env, before, applied.ticket, applied.entry))
    if (stored) return { ok: true, ticket: applied.ticket, before }
  }
  throw new Error(`ticket ${id} changed ${MAX_RACES} times while applying ${action.name}`)
}

/** Notifications and timer changes one change sets off. */
export function outgoingFor(env: TicketEnv, before: Ticket | undefined, after: Ticket, entry: HistoryEntry): Outgoing {
  const schedule: Timer[] = []
  const cancel: string[] = []
  const escalateIn = claimHours(env) * HOUR_MS
  const id = after.id
  switch (entry.action) {
    case 'open':
      schedule.push({ id: timerIds.escalate(id, 0), kind: 'escalate', ticketId: id, dueAt: entry.at + escalateIn, round: 0 })
      if (after.dueAt !== undefined) schedule.push({ id: timerIds.overdue(id), kind: 'overdue', ticketId: id, dueAt: after.dueAt })
      break
    case 'claim':
      cancel.push(timerIds.escalate(id, after.escalations))
      break
    case 'cancel':
      cancel.push(timerIds.escalate(id, after.escalations), timerIds.overdue(id))
      break
    case 'done':
      cancel.push(timerIds.overdue(id))
      break
    case 'escalate':
      // Keep escalating while there is a tier above; at the root the supervisors have been told.
      if (before !== undefined && before.nodeId !== after.nodeId) {
        const round = after.escalations
        schedule.push({ id: timerIds.escalate(id, round), kind: 'escalate', ticketId: id, dueAt: entry.at + escalateIn, round })
      }
      break
    case 'rate':
      if (after.followUp !== undefined) {
        schedule.push({ id: timerIds.followUp(id), kind: 'followUp', ticketId: id, dueAt: after.followUp.dueAt })
      }
      break
    case 'followUp':
      cancel.push(timerIds.followUp(id))
      break
    default:
      break
  }
  return { notify: notificationsFor(before, after, entry, env.network), schedule, cancel }
}
