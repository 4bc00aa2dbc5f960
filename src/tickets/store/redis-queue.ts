/**
 * The notification queue on a Redis Stream with a consumer group: at-least-once delivery.
 * take() moves due retries back into the stream, reclaims deliveries abandoned by a dead consumer
 * (idle longer than visibilityMs) and reads new entries, all in one script. fail() acknowledges the entry and
 * schedules the retry (sorted set by due time) or files a dead letter in the same script, so nothing is lost
 * between the two.
 */
import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import { backoffMs, DEFAULT_RETRY } from '../ports.js'
import type { DeadLetter, Delivery, NotificationQueue, RetryPolicy } from '../ports.js'
import type { Notification } from '../types.js'
import { defineScript, tkPrefix } from './redis-keys.js'

const GROUP = 'deliver'
const DEAD_KEPT = 10_000

const TAKE = `
local p, now, limit, consumer, idle = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4], ARGV[5]
local stream = p .. 'q'
local ok = pcall(redis.call, 'XGROUP', 'CREATE', stream, '${GROUP}', '0', 'MKSTREAM')
local due = redis.call('ZRANGEBYSCORE', p .. 'q:retry', '-inf', now, 'LIMIT', 0, limit)
for _, m in ipairs(due) do
  local a, n = string.match(m, '^(%d+):(.*)$')
  redis.call('ZREM', p .. 'q:retry', m)
  redis.call('XADD', stream, '*', 'n', n, 'a', a)
end
local out = {}
local claimed = redis.call('XAUTOCLAIM', stream, '${GROUP}', consumer, idle, '0-0', 'COUNT', limit)
for _, e in ipairs(claimed[2]) do
  if e[2] then table.insert(out, {e[1], e[2]}) end
end
if #out < limit then
  local fresh = redis.call('XREADGROUP', 'GROUP', '${GROUP}', consumer, 'COUNT', limit - #out, 'STREAMS', stream, '>')
  if fresh then
    for _, e in ipairs(fresh[1][2]) do table.insert(out, {e[1], e[2]}) end
  end
end
return out
`

const FAIL = `
local p, id, mode = ARGV[1], ARGV[2], ARGV[3]
local gone = redis.call('XACK', p .. 'q', '${GROUP}', id)
redis.call('XDEL', p .. 'q', id)
if gone == 0 then return 0 end
if mode == 'retry' then
  redis.call('ZADD', p .. 'q:retry', ARGV[4], ARGV[5])
else
  redis.call('LPUSH', p .. 'q:dead', ARGV[5])
  redis.call('LTRIM', p .. 'q:dead', 0, ${DEAD_KEPT - 1})
end
return 1
`

export class RedisNotificationQueue implements NotificationQueue {
  private readonly p: string
  private readonly consumer = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`
  private readonly takeScript
  private readonly failScript

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly policy: RetryPolicy = DEFAULT_RETRY,
  ) {
    this.p = tkPrefix(prefix)
    this.takeScript = defineScript(redis, 'daibanQueueTake', TAKE)
    this.failScript = defineScript(redis, 'daibanQueueFail', FAIL)
  }

  async enqueue(notifications: Notification[]): Promise<void> {
    if (notifications.length === 0) return
    const pipe = this.redis.pipeline()
    for (const n of notifications) pipe.xadd(`${this.p}q`, '*', 'n', JSON.stringify(n), 'a', '1')
    await pipe.exec()
  }

  async take(now: number, limit: number): Promise<Delivery[]> {
    const rows = (await this.takeScript(this.p, now, limit, this.consumer, this.policy.visibilityMs)) as [
      string,
      string[],
    ][]
    return rows.map(([receipt, fields]) => {
      const f = fieldMap(fields)
      return { receipt, notification: JSON.parse(f.n ?? 'null') as Notification, attempt: Number(f.a ?? 1) }
    })
  }

  async ack(delivery: Delivery): Promise<void> {
    await this.redis.multi().xack(`${this.p}q`, GROUP, delivery.receipt).xdel(`${this.p}q`, delivery.receipt).exec()
  }

  async fail(delivery: Delivery, error: string, now: number): Promise<'retry' | 'dead'> {
    const n = JSON.stringify(delivery.notification)
    if (delivery.attempt >= this.policy.maxAttempts) {
      const dead: DeadLetter = { notification: delivery.notification, attempts: delivery.attempt, error, at: now }
      await this.failScript(this.p, delivery.receipt, 'dead', 0, JSON.stringify(dead))
      return 'dead'
    }
    const due = now + backoffMs(this.policy, delivery.attempt)
    await this.failScript(this.p, delivery.receipt, 'retry', due, `${delivery.attempt + 1}:${n}`)
    return 'retry'
  }

  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    const rows = await this.redis.lrange(`${this.p}q:dead`, 0, limit - 1)
    return rows.map((r) => JSON.parse(r) as DeadLetter)
  }
}

function fieldMap(fields: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (let i = 0; i + 1 < fields.length; i += 2) out[fields[i] as string] = fields[i + 1] as string
  return out
}
