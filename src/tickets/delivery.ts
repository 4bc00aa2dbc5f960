/**
 * Delivers queued notifications through a Notifier: ack on success; on failure the queue retries with backoff
 * and files a dead letter after the last attempt.
 */
import type { NotificationQueue, Notifier } from './ports.js'
import { forEachLimit } from './timers.js'

export interface DeliveryResult {
  delivered: number
  retried: number
  dead: number
}

/** Takes what is ready at `now` (up to `limit`) and delivers it, `concurrency` at a time. */
export async function deliverNotifications(
  queue: NotificationQueue,
  notifier: Notifier,
  now: number,
  opts: { limit?: number; concurrency?: number } = {},
): Promise<DeliveryResult> {
  const result: DeliveryResult = { delivered: 0, retried: 0, dead: 0 }
  const batch = await queue.take(now, opts.limit ?? 100)
  await forEachLimit(batch, opts.concurrency ?? 16, async (delivery) => {
    try {
      await notifier.send(delivery.notification)
    } catch (err) {
      const outcome = await queue.fail(delivery, err instanceof Error ? err.message : String(err), now)
      if (outcome === 'dead') result.dead++
      else result.retried++
      return
    }
    await queue.ack(delivery)
    result.delivered++
  })
  return result
}
