/**
 * The tickets' ports: where tickets live, the durable notification queue, durable timers, the resident outbox,
 * and the notifier that delivers. Adapters: memory (for `npm start` without Redis) and Redis (production, tests).
 *
 * A ticket change and what it sets off (notifications to send, timers to set or clear) are committed together
 * by the store, so a process killed at any moment never keeps a change and loses its notification.
 */
import type { Notification, Ticket, TicketState, TicketStatus, Timer, Resident } from './types.js'

/** Reads the time; only the edges (runner, HTTP, CLI) hold one. */
export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** What a ticket change sets off, committed atomically with it. */
export interface Outgoing {
  notify: Notification[]
  schedule: Timer[]
  /** Timer ids to clear. */
  cancel: string[]
}

export type TicketQuery =
  | { nodeId: string }
  | { resident: Resident }
  | { status: TicketStatus }
  | { claimedBy: string }

/** A new ticket and what it sets off, built for the id the store hands out. */
export type TicketDraft = (id: string) => { ticket: Ticket; out: Outgoing }

export interface TicketStore {
  /**
   * Stores a new ticket under the next id of `day` (yymmdd) from an atomic counter — DB2611220001, DB2611220002 … —
   * together with its outgoing effects, in one step. `draft` must be pure: an adapter may call it more than once.
   */
  create(day: string, draft: TicketDraft): Promise<Ticket>
  get(id: string): Promise<Ticket | undefined>
  /**
   * Replaces `before` with `after` (whose history extends before's: entries are only ever appended) and
   * commits `out`, only if the stored version is still before.version. False when someone changed it first.
   */
  update(before: Ticket, after: Ticket, out: Outgoing): Promise<boolean>
  /** Tickets matching the query, newest first (history not included). */
  list(query: TicketQuery, limit?: number): Promise<TicketState[]>
  /**
   * A Redis key that exists while the resident has any ticket, for a store on the session store's Redis: the
   * conversation then learns "no tickets" in the round trip that takes the resident's turn. Absent elsewhere.
   */
  residentKey?(resident: Resident): string
  /**
   * Remembers until `until` that `resident` was just asked about withdrawing tickets `ids`: one, to confirm (a bare
   * 是 then withdraws it), or several, which one (1, 残疾证那个 then names it), in place of any earlier such question.
   * Kept with the tickets, not in the process, because the answer may reach another server.
   */
  askCancel(resident: Resident, ids: readonly string[], now: number, until: number): Promise<void>
  /** The tickets `resident` was asked about withdrawing, when asked and not past `until` at `now`; forgotten as read. */
  takeCancelAsk(resident: Resident, now: number): Promise<string[] | undefined>
}

/** A notification handed out for delivery; give it back with ack or fail. */
export interface Delivery {
  receipt: string
  notification: Notification
  /** 1 on the first try. */
  attempt: number
}

export interface DeadLetter {
  notification: Notification
  attempts: number
  error: string
  at: number
}

export interface RetryPolicy {
  /** Tries before a notification becomes a dead letter. */
  maxAttempts: number
  /** Delay after the first failure; doubles each time, up to maxDelayMs. */
  baseDelayMs: number
  maxDelayMs: number
  /** A delivery neither acked nor failed within this long (its process died) is handed out again. */
  visibilityMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 5_000, maxDelayMs: 600_000, visibilityMs: 30_000 }

/** The delay before attempt `attempt + 1` after `attempt` failed. */
export function backoffMs(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1))
}

/** Durable, at-least-once notification queue. */
export interface NotificationQueue {
  enqueue(notifications: Notification[]): Promise<void>
  /** Up to `limit` deliveries ready at `now`: new ones, retries whose backoff is over, and abandoned ones. */
  take(now: number, limit: number): Promise<Delivery[]>
  ack(delivery: Delivery): Promise<void>
  /** Schedules a retry with backoff, or moves it to the dead letters after the last attempt. */
  fail(delivery: Delivery, error: string, now: number): Promise<'retry' | 'dead'>
  /** Newest first, for admins. */
  deadLetters(limit?: number): Promise<DeadLetter[]>
}

/** Durable timers: each fires once, also with several processes; a claim not marked done is handed out again. */
export interface TimerStore {
  schedule(timers: Timer[]): Promise<void>
  cancel(ids: string[]): Promise<void>
  /** Claims up to `limit` timers due at `now`, and claims whose holder's lease ran out (it died before done). */
  claimDue(now: number, limit: number): Promise<Timer[]>
  done(ids: string[]): Promise<void>
}

export interface OutboxMessage {
  id: string
  ticketId: string
  text: string
  at: number
}

/** Messages waiting for residents who poll over HTTP (`GET /api/chat/messages?userId=`). */
export interface Outbox {
  push(userId: string, message: OutboxMessage): Promise<void>
  /** Takes (and removes) everything waiting, oldest first; a message pushed twice comes out once. */
  drain(userId: string): Promise<OutboxMessage[]>
  /**
   * Everything waiting, oldest first, left in place: for a reader that may not get the answer (a phone losing its
   * signal), which acknowledges what it showed on its next read.
   */
  peek(userId: string): Promise<OutboxMessage[]>
  /** Removes the messages with these ids (shown by the reader); unknown ids are ignored. */
  ack(userId: string, ids: readonly string[]): Promise<void>
}

/** Delivers one notification; throwing means "try again later". */
export interface Notifier {
  send(notification: Notification): Promise<void>
}

/** One store, queue, timer set and outbox sharing one backend. */
export interface TicketBackend {
  tickets: TicketStore
  queue: NotificationQueue
  timers: TimerStore
  outbox: Outbox
}
