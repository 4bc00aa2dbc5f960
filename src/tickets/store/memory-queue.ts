/** The notification queue in memory: for `npm start` without Redis (lost on restart). */
import { backoffMs, DEFAULT_RETRY } from '../ports.js'
import type { DeadLetter, Delivery, NotificationQueue, RetryPolicy } from '../ports.js'
import type { Notification } from '../types.js'

interface Entry {
  notification: Notification
  attempt: number
  availableAt: number
  leaseUntil?: number
}

export class MemoryNotificationQueue implements NotificationQueue {
  private readonly entries = new Map<string, Entry>()
  private readonly dead: DeadLetter[] = []
  private seq = 0

  constructor(private readonly policy: RetryPolicy = DEFAULT_RETRY) {}

  async enqueue(notifications: Notification[]): Promise<void> {
    for (const n of notifications) this.add(structuredClone(n), 1, 0)
  }

  async take(now: number, limit: number): Promise<Delivery[]> {
    const out: Delivery[] = []
    for (const [receipt, e] of this.entries) {
      if (out.length >= limit) break
      if (e.availableAt > now || (e.leaseUntil !== undefined && e.leaseUntil > now)) continue
      e.leaseUntil = now + this.policy.visibilityMs
      out.push({ receipt, notification: structuredClone(e.notification), attempt: e.attempt })
    }
    return out
  }

  async ack(delivery: Delivery): Promise<void> {
    this.entries.delete(delivery.receipt)
  }

  async fail(delivery: Delivery, error: string, now: number): Promise<'retry' | 'dead'> {
    const e = this.entries.get(delivery.receipt)
    if (e === undefined) return 'retry'
    this.entries.delete(delivery.receipt)
    if (e.attempt >= this.policy.maxAttempts) {
      this.dead.unshift({ notification: e.notification, attempts: e.attempt, error, at: now })
      return 'dead'
    }
    this.add(e.notification, e.attempt + 1, now + backoffMs(this.policy, e.attempt))
    return 'retry'
  }

  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    return structuredClone(this.dead.slice(0, limit))
  }

  private add(notification: Notification, attempt: number, availableAt: number): void {
    this.entries.set(String(++this.seq), { notification, attempt, availableAt })
  }
}
