/**
 * What a due timer does: 督办 (unclaimed too long → the tier above, supervisors told), 超期 (past the promised
 * limit → supervisors told), 回访超期 (a 差评 follow-up not answered in time). A sweep claims due timers and
 * marks them done only after handling, so a process killed mid-sweep leaves them to the next sweep; handling is
 * idempotent (the ticket's state says whether it already happened).
 */
import type { TimerStore } from './ports.js'
import { escalationTarget } from './routing.js'
import { act, type ActResult, type TicketEnv } from './service.js'
import type { Timer } from './types.js'

const SYSTEM = { kind: 'system' } as const

/** Handles one due timer. Undefined when there was nothing to do (claimed, done, already handled). */
export async function fireTimer(env: TicketEnv, timer: Timer, now: number): Promise<ActResult | undefined> {
  const ticket = await env.store.get(timer.ticketId)
  if (ticket === undefined) return undefined
  switch (timer.kind) {
    case 'escalate': {
      if (ticket.status !== '待领办' || ticket.escalations !== (timer.round ?? 0)) return undefined
      const target = escalationTarget(env.network, ticket.nodeId)
      const nodeId = target?.nodeId ?? ticket.nodeId
      return act(env, ticket.id, { name: 'escalate', nodeId, round: ticket.escalations }, SYSTEM, now, ticket)
    }
    case 'overdue':
      if (ticket.overdueAt !== undefined || ticket.status === '已办结' || ticket.status === '已取消') return undefined
      return act(env, ticket.id, { name: 'overdue' }, SYSTEM, now, ticket)
    case 'followUp':
      if (ticket.followUp === undefined || ticket.followUp.answeredAt !== undefined) return undefined
      return act(env, ticket.id, { name: 'followUpOverdue' }, SYSTEM, now, ticket)
  }
}

export interface SweepResult {
  fired: number
  skipped: number
  failed: number
}

/**
 * Claims the timers due at `now` (in batches of `batch`) and handles them, `concurrency` at a time.
 * A timer whose handling throws is not marked done: its lease runs out and a later sweep tries again.
 */
export async function sweepTimers(
  env: TicketEnv,
  timers: TimerStore,
  now: number,
  opts: {
    batch?: number
    concurrency?: number
    onError?: (timer: Timer, err: unknown) => void
    /** A timer that did something (a ticket escalated, flagged overdue …), not one found already handled. */
    onFired?: (timer: Timer) => void
  } = {},
): Promise<SweepResult> {
  const batch = opts.batch ?? 1_000
  const concurrency = opts.concurrency ?? 128
  const result: SweepResult = { fired: 0, skipped: 0, failed: 0 }
  for (;;) {
    const due = await timers.claimDue(now, batch)
    if (due.length === 0) return result
    const done: string[] = []
    await forEachLimit(due, concurrency, async (timer) => {
      try {
        const r = await fireTimer(env, timer, now)
        if (r?.ok) {
          result.fired++
          opts.onFired?.(timer)
        } else result.skipped++
        done.push(timer.id)
      } catch (err) {
        result.failed++
        opts.onError?.(timer, err)
      }
    })
    await timers.done(done)
    if (due.length < batch) return result
  }
}

/** Runs `fn` over `items`, at most `limit` at a time. */
export async function forEachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T
      await fn(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
