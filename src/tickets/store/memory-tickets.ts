/**
 * The ticket store in memory, committing outgoing effects into the memory queue and timers.
 * For `npm start` without Redis: everything is lost on restart.
 */
import { formatTicketId } from '../ids.js'
import type { Outgoing, TicketBackend, TicketDraft, TicketQuery, TicketStore } from '../ports.js'
import type { Resident, Ticket, TicketState } from '../types.js'
import { MemoryOutbox } from './memory-outbox.js'
import { MemoryNotificationQueue } from './memory-queue.js'
import { MemoryTimerStore } from './memory-timers.js'
import type { RetryPolicy } from '../ports.js'

export class MemoryTicketStore implements TicketStore {
  private readonly tickets = new Map<string, Ticket>()
  private readonly seqs = new Map<string, number>()
  /** Questions to confirm a withdrawal, by resident (channel:userId). */
  private readonly cancelAsks = new Map<string, { ids: string[]; until: number }>()

  constructor(
    private readonly queue: MemoryNotificationQueue,
    private readonly timers: MemoryTimerStore,
  ) {}

  async create(day: string, draft: TicketDraft): Promise<Ticket> {
    const seq = (this.seqs.get(day) ?? 0) + 1
    this.seqs.set(day, seq)
    const { ticket, out } = draft(formatTicketId(day, seq))
    if (this.tickets.has(ticket.id)) throw new Error(`ticket ${ticket.id} exists`)
    this.tickets.set(ticket.id, structuredClone(ticket))
    await this.commit(out)
    return structuredClone(ticket)
  }

  async get(id: string): Promise<Ticket | undefined> {
    const t = this.tickets.get(id)
    return t === undefined ? undefined : structuredClone(t)
  }

  async update(before: Ticket, after: Ticket, out: Outgoing): Promise<boolean> {
    const current = this.tickets.get(before.id)
    if (current === undefined || current.version !== before.version) return false
    const appended = after.history.slice(before.history.length)
    this.tickets.set(before.id, structuredClone({ ...after, history: [...current.history, ...appended] }))
    await this.commit(out)
    return true
  }

  async list(query: TicketQuery, limit = 1000): Promise<TicketState[]> {
    const all = [...this.tickets.values()].filter((t) => matches(t, query))
    all.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
    return all.slice(0, limit).map(({ history: _history, ...state }) => structuredClone(state))
  }

  async askCancel(resident: Resident, ids: readonly string[], _now: number, until: number): Promise<void> {
    this.cancelAsks.set(`${resident.channel}:${resident.userId}`, { ids: [...ids], until })
  }

  async takeCancelAsk(resident: Resident, now: number): Promise<string[] | undefined> {
    const key = `${resident.channel}:${resident.userId}`
    const asked = this.cancelAsks.get(key)
    this.cancelAsks.delete(key)
    return asked !== undefined && now < asked.until ? asked.ids : undefined
  }

  private async commit(out: Outgoing): Promise<void> {
    await this.queue.enqueue(out.notify)
    await this.timers.cancel(out.cancel)
    await this.timers.schedule(out.schedule)
  }
}

function matches(t: TicketState, q: TicketQuery): boolean {
  if ('nodeId' in q) return t.nodeId === q.nodeId
  if ('status' in q) return t.status === q.status
  if ('claimedBy' in q) return t.claimedBy === q.claimedBy
  return t.resident.channel === q.resident.channel && t.resident.userId === q.resident.userId
}

export interface MemoryBackendOptions {
  retry?: RetryPolicy
  timerLeaseMs?: number
}

/** A store, queue, timers and outbox in memory, wired together. */
export function createMemoryTicketBackend(opts: MemoryBackendOptions = {}): TicketBackend {
  const queue = new MemoryNotificationQueue(opts.retry)
  const timers = new MemoryTimerStore(opts.timerLeaseMs)
  return { tickets: new MemoryTicketStore(queue, timers), queue, timers, outbox: new MemoryOutbox() }
}
