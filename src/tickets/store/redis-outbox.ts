/** Resident outbox in Redis: a list per resident, drained atomically; kept 7 days after the last push. */
import type { Redis } from 'ioredis'
import type { Outbox, OutboxMessage } from '../ports.js'
import { dedupe } from './memory-outbox.js'
import { tkPrefix } from './redis-keys.js'

const KEEP_SECONDS = 7 * 86_400

export class RedisOutbox implements Outbox {
  private readonly p: string

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.p = tkPrefix(prefix)
  }

  async push(userId: string, message: OutboxMessage): Promise<void> {
    const key = `${this.p}ob:${userId}`
    await this.redis.multi().rpush(key, JSON.stringify(message)).expire(key, KEEP_SECONDS).exec()
  }

  async drain(userId: string): Promise<OutboxMessage[]> {
    const key = `${this.p}ob:${userId}`
    const res = await this.redis.multi().lrange(key, 0, -1).del(key).exec()
    const rows = res?.[0]?.[1]
    if (!Array.isArray(rows)) return []
    return dedupe(rows.map((r) => JSON.parse(String(r)) as OutboxMessage))
  }

  async peek(userId: string): Promise<OutboxMessage[]> {
    const rows = await this.redis.lrange(`${this.p}ob:${userId}`, 0, -1)
    return dedupe(rows.map((r) => JSON.parse(r) as OutboxMessage))
  }

  async ack(userId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return
    await this.redis.eval(ACK_SCRIPT, 1, `${this.p}ob:${userId}`, ...ids)
  }
}

/** Removes the entries whose id is one of ARGV, in one step (a push in between is kept). */
const ACK_SCRIPT = `
local acked = {}
for i = 1, #ARGV do acked[ARGV[i]] = true end
for _, item in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
  local ok, m = pcall(cjson.decode, item)
  if ok and type(m) == 'table' and acked[m.id] then redis.call('LREM', KEYS[1], 0, item) end
end
return 1`
