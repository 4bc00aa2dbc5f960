/** The tickets' Redis adapters on one connection and prefix, wired together. */
import type { Redis } from 'ioredis'
import type { RetryPolicy, TicketBackend } from '../ports.js'
import { RedisOutbox } from './redis-outbox.js'
import { RedisNotificationQueue } from './redis-queue.js'
import { RedisTicketStore } from './redis-tickets.js'
import { RedisTimerStore } from './redis-timers.js'

export interface RedisBackendOptions {
  /** Key prefix, e.g. "daiban:"; the tickets' keys go under `${prefix}tk:`. */
  prefix: string
  retry?: RetryPolicy
  timerLeaseMs?: number
}

export function createRedisTicketBackend(redis: Redis, opts: RedisBackendOptions): TicketBackend {
  return {
    tickets: new RedisTicketStore(redis, opts.prefix),
    queue: new RedisNotificationQueue(redis, opts.prefix, opts.retry),
    timers: new RedisTimerStore(redis, opts.prefix, opts.timerLeaseMs),
    outbox: new RedisOutbox(redis, opts.prefix),
  }
}
