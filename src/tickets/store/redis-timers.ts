/**
 * Durable timers in Redis: a sorted set of due times, one of leases, and a hash of timer JSON.
 * claimDue moves due timers (and claims whose lease ran out) to the lease set in one script, so two processes
 * sweeping at once get disjoint timers; done() removes them. A process killed between claim and done loses
 * nothing: the lease runs out and the next sweep claims the timer again.
 */
import type { Redis } from 'ioredis'
import type { TimerStore } from '../ports.js'
import type { Timer } from '../types.js'
import { defineScript, tkPrefix } from './redis-keys.js'

const CLAIM = `
local p, now, limit, leaseUntil = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local out = {}
local function take(set)
  local ids = redis.call('ZRANGEBYSCORE', p .. set, '-inf', now, 'LIMIT', 0, limit - #out)
  for _, id in ipairs(ids) do
    redis.call('ZREM', p .. 'tm:due', id)
    local data = redis.call('HGET', p .. 'tm:data', id)
    if data then
      redis.call('ZADD', p .. 'tm:lease', leaseUntil, id)
      table.insert(out, data)
    else
      redis.call('ZREM', p .. 'tm:lease', id)
    end
  end
end
take('tm:lease')
if #out < limit then take('tm:due') end
return out
`

export class RedisTimerStore implements TimerStore {
  private readonly p: string
  private readonly claimScript

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly leaseMs = 60_000,
  ) {
    this.p = tkPrefix(prefix)
    this.claimScript = defineScript(redis, 'daibanTimersClaim', CLAIM)
  }

  async schedule(timers: Timer[]): Promise<void> {
    if (timers.length === 0) return
    const m = this.redis.multi()
    for (const t of timers) {
      m.zrem(`${this.p}tm:lease`, t.id)
      m.zadd(`${this.p}tm:due`, t.dueAt, t.id)
      m.hset(`${this.p}tm:data`, t.id, JSON.stringify(t))
    }
    await m.exec()
  }

  async cancel(ids: string[]): Promise<void> {
    if (ids.length === 0) return
    await this.redis
      .multi()
      .zrem(`${this.p}tm:due`, ...ids)
      .zrem(`${this.p}tm:lease`, ...ids)
      .hdel(`${this.p}tm:data`, ...ids)
      .exec()
  }

  async claimDue(now: number, limit: number): Promise<Timer[]> {
    const rows = (await this.claimScript(this.p, now, limit, now + this.leaseMs)) as string[]
    return rows.map((r) => JSON.parse(r) as Timer)
  }

  async done(ids: string[]): Promise<void> {
    if (ids.length === 0) return
    await this.redis
      .multi()
      .zrem(`${this.p}tm:lease`, ...ids)
      .hdel(`${this.p}tm:data`, ...ids)
      .exec()
  }
}
