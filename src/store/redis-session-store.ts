import type { Redis } from 'ioredis'
import { RedisTicketLock } from './redis-ticket-lock.js'
import type { LockedTurn, SessionStore, TurnOptions } from './session-store.js'
import { ttlMilliseconds } from './ttl.js'

export interface RedisSessionStoreOptions<S = unknown> {
  /** Namespace of every key this store touches, e.g. `daiban:`; sessions live at `${prefix}session:${key}`. */
  prefix: string
  /** How long a crashed process can hold up a resident's messages before the next one goes ahead. */
  lockLeaseMs?: number
  /** How long a message waits for its resident's turn before failing with TurnTimeoutError (503). */
  lockWaitLimitMs?: number
  /** Where lock renewal and release failures are reported. */
  onError?: (message: string) => void
  /** How many residents' sessions this process keeps parsed between turns (default 2,000; 0 = none). */
  recentSessions?: number
  /** Turns a session into JSON text (default JSON.stringify); a caller may know a faster or smaller way for its sessions. */
  encode?: (session: S) => string
  /** Reads what `encode` wrote (default JSON.parse). */
  decode?: (json: string) => S
}

/**
 * Sessions as JSON strings in Redis with an expiry, shared by every process on that Redis.
 * The connection is the caller's: `close()` stops this store's own wake-up connection, not `redis`.
 */
export class RedisSessionStore<S = unknown> implements SessionStore<S> {
  readonly #redis: Redis
  readonly #prefix: string
  readonly #lock: RedisTicketLock
  readonly #recent: RecentSessions<S>
  readonly #encode: (session: S) => string
  readonly #decode: (json: string) => S
  /** Rate-limit counters ride in the script that takes the turn: one round trip fewer per message. */
  readonly countsAlong = true
  /** Key reads for the turn's caller (a ticket index) ride in that script too. */
  readonly peeksAlong = true

  constructor(redis: Redis, opts: RedisSessionStoreOptions<S>) {
    this.#redis = redis
    this.#prefix = opts.prefix
    this.#lock = new RedisTicketLock(redis, {
      prefix: opts.prefix,
      leaseMs: opts.lockLeaseMs,
      waitLimitMs: opts.lockWaitLimitMs,
      onError: opts.onError,
    })
    this.#recent = new RecentSessions(opts.recentSessions ?? 2_000)
    this.#encode = opts.encode ?? JSON.stringify
    this.#decode = opts.decode ?? ((json) => JSON.parse(json) as S)
  }

  async get(key: string): Promise<S | undefined> {
    const json = await this.#redis.get(this.#sessionKey(key))
    return json === null ? undefined : this.#decode(json)
  }

  async set(key: string, session: S, ttlSeconds: number): Promise<void> {
    this.#recent.delete(key)
    await this.#redis.set(this.#sessionKey(key), this.#encode(session), 'PX', ttlMilliseconds(ttlSeconds))
  }

  async delete(key: string): Promise<void> {
    this.#recent.delete(key)
    await this.#redis.del(this.#sessionKey(key))
  }

  withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.#lock.run(key, fn)
  }

  /**
   * Two round trips per turn: one script takes the turn and reads the session, one writes it and releases.
   * A session this process wrote (or read) last is not sent back while the stored JSON is still exactly that
   * one (the script compares SHA-1 digests, which Redis computes as it writes or reads), so the common turn
   * neither transfers nor parses it, and this process never hashes.
   */
  async withSession<T>(key: string, fn: (session: S | undefined) => Promise<LockedTurn<S, T>>, opts: TurnOptions = {}): Promise<T> {
    const recent = this.#recent.get(key)
    // Set inside the turn; an object, so that TypeScript does not take it to be still 'keep' afterwards.
    const end: { outcome: S | 'keep' | 'delete' } = { outcome: 'keep' }
    try {
      const { result, landed, digest } = await this.#lock.runWithValue(
        key,
        this.#sessionKey(key),
        { signal: opts.signal, knownDigest: recent?.digest, counters: opts.counters, peeks: opts.peeks },
        async (read) => {
          const session = read === 'known' ? recent!.session : this.#remember(key, read)
          const { result, write } = await fn(session)
          if (!write) return { result, write: { kind: 'keep' } }
          if ('delete' in write) {
            end.outcome = 'delete'
            return { result, write: { kind: 'delete' } }
          }
          end.outcome = write.set
          return { result, write: { kind: 'set', json: this.#encode(write.set), ttlMs: ttlMilliseconds(write.ttlSeconds) } }
        },
      )
      const { outcome } = end
      if (!landed || outcome === 'delete') this.#recent.delete(key)
      else if (outcome !== 'keep') {
        if (digest === undefined) this.#recent.delete(key)
        else this.#recent.set(key, digest, outcome)
      }
      return result
    } catch (err) {
      // The turn failed part-way: keep nothing that might not be what is stored (the digest would tell, but
      // there is no point holding a session that is probably stale).
      this.#recent.delete(key)
      throw err
    }
  }

  close(): Promise<void> {
    return this.#lock.close()
  }

  #sessionKey(key: string): string {
    return `${this.#prefix}session:${key}`
  }

  /** Parses a stored session and keeps it, with the digest Redis computed, for the resident's next turn. */
  #remember(key: string, read: { value: string | null; digest?: string }): S | undefined {
    if (read.value === null) {
      this.#recent.delete(key)
      return undefined
    }
    const session = this.#decode(read.value)
    if (read.digest === undefined) this.#recent.delete(key)
    else this.#recent.set(key, read.digest, session)
    return session
  }
}

/**
 * The sessions this process wrote or read last, by key, at most `limit` of them (the oldest write goes first).
 * They are handed to the next turn as they are, not copied: a turn must treat its session as read-only.
 */
class RecentSessions<S> {
  readonly #entries = new Map<string, { digest: string; session: S }>()
  constructor(readonly limit: number) {}

  get(key: string): { digest: string; session: S } | undefined {
    return this.#entries.get(key)
  }

  set(key: string, digest: string, session: S): void {
    // Re-inserted, so that a resident who keeps talking is never the oldest.
    this.#entries.delete(key)
    this.#entries.set(key, { digest, session })
    if (this.#entries.size > this.limit) this.#entries.delete(this.#entries.keys().next().value!)
  }

  delete(key: string): void {
    this.#entries.delete(key)
  }
}
