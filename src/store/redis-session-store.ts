import type { Redis } from 'ioredis'
import { RedisTicketLock } from './redis-ticket-lock.js'
import type { LockedTurn, SessionStore, TurnOptions } from './session-store.js'
import { ttlMilliseconds } from './ttl.js'

export interface RedisSessionStoreOptions {
  /** Namespace of every key this store touches, e.g. `daiban:`; sessions live at `${prefix}session:${key}`. */
  prefix: string
  /** How long a crashed process can hold up a resident's messages before the next one goes ahead. */
  lockLeaseMs?: number
  /** How long a message waits for its resident's turn before failing with TurnTimeoutError (503). */
  lockWaitLimitMs?: number
  /** Where lock renewal and release failures are reported. */
  onError?: (message: string) => void
}

/**
 * Sessions as JSON strings in Redis with an expiry, shared by every process on that Redis.
 * The connection is the caller's: `close()` stops this store's own wake-up connection, not `redis`.
 */
export class RedisSessionStore<S = unknown> implements SessionStore<S> {
  readonly #redis: Redis
  readonly #prefix: string
  readonly #lock: RedisTicketLock

  constructor(redis: Redis, opts: RedisSessionStoreOptions) {
    this.#redis = redis
    this.#prefix = opts.prefix
    this.#lock = new RedisTicketLock(redis, {
      prefix: opts.prefix,
      leaseMs: opts.lockLeaseMs,
      waitLimitMs: opts.lockWaitLimitMs,
      onError: opts.onError,
    })
  }

  async get(key: string): Promise<S | undefined> {
    const json = await this.#redis.get(this.#sessionKey(key))
    return json === null ? undefined : (JSON.parse(json) as S)
  }

  async set(key: string, session: S, ttlSeconds: number): Promise<void> {
    await this.#redis.set(this.#sessionKey(key), JSON.stringify(session), 'PX', ttlMilliseconds(ttlSeconds))
  }

  async delete(key: string): Promise<void> {
    await this.#redis.del(this.#sessionKey(key))
  }

  withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.#lock.run(key, fn)
  }

  /** Two round trips per turn: one script takes the turn and reads the session, one writes it and releases. */
  withSession<T>(key: string, fn: (session: S | undefined) => Promise<LockedTurn<S, T>>, opts: TurnOptions = {}): Promise<T> {
    return this.#lock.runWithValue(key, this.#sessionKey(key), opts.signal, async (json) => {
      const { result, write } = await fn(json === null ? undefined : (JSON.parse(json) as S))
      if (!write) return { result, write: { kind: 'keep' } }
      if ('delete' in write) return { result, write: { kind: 'delete' } }
      return { result, write: { kind: 'set', json: JSON.stringify(write.set), ttlMs: ttlMilliseconds(write.ttlSeconds) } }
    })
  }

  close(): Promise<void> {
    return this.#lock.close()
  }

  #sessionKey(key: string): string {
    return `${this.#prefix}session:${key}`
  }
}
