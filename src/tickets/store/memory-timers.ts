/** Durable-timer port in memory: for `npm start` without Redis (lost on restart). */
import type { TimerStore } from '../ports.js'
import type { Timer } from '../types.js'

export class MemoryTimerStore implements TimerStore {
  private readonly timers = new Map<string, { timer: Timer; leaseUntil?: number }>()

  constructor(private readonly leaseMs = 60_000) {}

  async schedule(timers: Timer[]): Promise<void> {
    for (const t of timers) this.timers.set(t.id, { timer: { ...t } })
  }

  async cancel(ids: string[]): Promise<void> {
    for (const id of ids) this.timers.delete(id)
  }

  async claimDue(now: number, limit: number): Promise<Timer[]> {
    const ready = [...this.timers.values()]
      .filter((e) => (e.leaseUntil === undefined ? e.timer.dueAt <= now : e.leaseUntil <= now))
      .sort((a, b) => a.timer.dueAt - b.timer.dueAt)
      .slice(0, limit)
    for (const e of ready) e.leaseUntil = now + this.leaseMs
    return ready.map((e) => ({ ...e.timer }))
  }

  async done(ids: string[]): Promise<void> {
    for (const id of ids) this.timers.delete(id)
  }
}
