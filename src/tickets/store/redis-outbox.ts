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
}
