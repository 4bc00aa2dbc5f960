/**
 * The background runner: every `intervalMs` it sweeps due timers and delivers queued notifications, reading the
 * time from a Clock. Several processes may run it on one Redis: timers fire once, notifications at least once.
 */
import { deliverNotifications } from './delivery.js'
import type { Clock, NotificationQueue, Notifier, TimerStore } from './ports.js'
import type { TicketEnv } from './service.js'
import { sweepTimers } from './timers.js'
import type { Timer } from './types.js'

export interface WorkerDeps {
  env: TicketEnv
  queue: NotificationQueue
  timers: TimerStore
  notifier: Notifier
  clock: Clock
  /** Pause between rounds; default 1 s. */
  intervalMs?: number
  /** Told of each timer that fired (for the escalation metrics); exactly one process fires a timer. */
  onFired?: (kind: Timer['kind']) => void
  /** Where errors of a round go (Redis down, a bug); the runner keeps going. Default: stderr. */
  onError?: (what: string, err: unknown) => void
}

export interface TicketWorker {
  /** Runs one round now (timers, then notifications until the queue is drained). */
  tick(): Promise<void>
  /** Stops after the round in progress. */
  stop(): Promise<void>
}

/** Starts the runner; call stop() on shutdown. */
export function startTicketWorker(deps: WorkerDeps): TicketWorker {
  const interval = deps.intervalMs ?? 1_000
  const report = deps.onError ?? ((what, err) => console.error(`工单后台任务出错（${what}）：${err instanceof Error ? err.message : String(err)}`))
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()

  const round = async (): Promise<void> => {
    try {
      await sweepTimers(deps.env, deps.timers, deps.clock.now(), {
        onError: (t, err) => report(`定时 ${t.id}`, err),
        onFired: (t) => deps.onFired?.(t.kind),
      })
    } catch (err) {
      report('定时扫描', err)
    }
    try {
      for (let i = 0; i < 20 && !stopped; i++) {
        const r = await deliverNotifications(deps.queue, deps.notifier, deps.clock.now())
        if (r.delivered + r.retried + r.dead === 0) break
      }
    } catch (err) {
      report('发送通知', err)
    }
  }

  const loop = (): void => {
    if (stopped) return
    running = round().finally(() => {
      if (!stopped) timer = setTimeout(loop, interval)
    })
  }
  loop()

  return {
    async tick() {
      await running
      await round()
    },
    async stop() {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
      await running
    },
  }
}
