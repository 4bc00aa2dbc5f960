/**
 * Restarting the bot after a logout or a failure: wait, then stop and start it, the wait doubling with each
 * try (2 s, 4 s … up to a minute by default) until a login resets it. Failures are logged, never thrown.
 */
import type { ChannelLogger } from './logger.js'

export interface Backoff {
  /** Wait before the first restart. */
  baseMs: number
  /** Longest wait between restarts. */
  maxMs: number
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 2_000, maxMs: 60_000 }

export interface Restarter {
  /** Restarts after the current delay, unless a restart is already pending or running. */
  schedule(reason: string): void
  /** A login: the next failure waits the shortest time again. */
  succeeded(): void
  /** No more restarts; resolves when one in progress has finished. */
  stop(): Promise<void>
}

export function createRestarter(
  bot: { stop(): Promise<void>; start(): Promise<void> },
  backoff: Backoff,
  log: ChannelLogger,
): Restarter {
  let stopped = false
  let failures = 0
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined

  function schedule(reason: string): void {
    // While restarting, the bot's own stop emits logout and errors: those are not new failures.
    if (stopped || running || timer) return
    const delayMs = Math.min(backoff.maxMs, backoff.baseMs * 2 ** failures)
    failures += 1
    log.warn({ channel: 'wechat', reason, delayMs }, '微信连接中断，稍后重新启动机器人')
    timer = setTimeout(() => {
      timer = undefined
      running = restart(reason).finally(() => (running = undefined))
    }, delayMs)
  }

  async function restart(reason: string): Promise<void> {
    try {
      await bot.stop()
      if (stopped) return
      await bot.start()
      log.info({ channel: 'wechat', reason }, '微信机器人已重新启动，等待登录')
    } catch (err) {
      log.error({ channel: 'wechat', reason, err }, '微信机器人重新启动失败')
      running = undefined
      schedule('restart-failed')
    }
  }

  return {
    schedule,
    succeeded() {
      failures = 0
    },
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      timer = undefined
      await running
    },
  }
}
