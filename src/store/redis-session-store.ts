import { randomBytes } from 'node:crypto'
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
  /** Turns a session into JSON text (default JSON.stringify); a caller may know a faster way for its sessions. */
  encode?: (session: S) => string
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
  /** Makes this process's stamps differ from every other's. */
  readonly #process = randomBytes(6).toString('base64url')
  #writes = 0

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
  }

  async get(key: string): Promise<S | undefined> {
    const json = await this.#redis.get(this.#sessionKey(key))
    return json === null ? undefined : parseStored<S>(json).session
  }

  async set(key: string, session: S, ttlSeconds: number): Promise<void> {
    this.#recent.delete(key)
    await this.#redis.set(this.#sessionKey(key), JSON.stringify(session), 'PX', ttlMilliseconds(ttlSeconds))
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
   * A session this process wrote (or read) last is not sent back while its stamp is still the stored one.
   */
  async withSession<T>(key: string, fn: (session: S | undefined) => Promise<LockedTurn<S, T>>, opts: TurnOptions = {}): Promise<T> {
    const recent = this.#recent.get(key)
    // Set inside the turn; an object, so that TypeScript does not take it to be still 'keep' afterwards.
    const end: { outcome: { stamp: string; session: S } | 'keep' | 'delete' } = { outcome: 'keep' }
    try {
      const { result, landed } = await this.#lock.runWithValue(
        key,
        this.#sessionKey(key),
        { signal: opts.signal, known: recent && stampPrefix(recent.stamp) },
        async (read) => {
          const session = read === 'known' ? recent!.session : this.#remember(key, read.value)
          const { result, write } = await fn(session)
          if (!write) return { result, write: { kind: 'keep' } }
          if ('delete' in write) {
            end.outcome = 'delete'
            return { result, write: { kind: 'delete' } }
          }
          const stamp = this.#newStamp()
          end.outcome = { stamp, session: write.set }
          return { result, write: { kind: 'set', json: stamped(stamp, this.#encode(write.set)), ttlMs: ttlMilliseconds(write.ttlSeconds) } }
        },
      )
      const { outcome } = end
      if (!landed || outcome === 'delete') this.#recent.delete(key)
      else if (outcome !== 'keep') this.#recent.set(key, outcome.stamp, outcome.session)
      return result
    } catch (err) {
      // The turn failed part-way: whatever this process holds may no longer be what is stored.
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

  /** Parses a stored session and, when it carries a stamp, keeps it for the resident's next turn. */
  #remember(key: string, json: string | null): S | undefined {
    if (json === null) {
      this.#recent.delete(key)
      return undefined
    }
    const { session, stamp } = parseStored<S>(json)
    if (stamp === undefined) this.#recent.delete(key)
    else this.#recent.set(key, stamp, session)
    return session
  }

  #newStamp(): string {
    this.#writes++
    return `${this.#process}${this.#writes.toString(36)}`
  }
}

/*
 * A stamped session is stored as its JSON object with one more member first: {"@s":"<stamp>", …}. Every write
 * gets a new stamp (this process's random id and a counter), so "the stored value still begins with the stamp
 * I wrote" means "it is still the session I hold". Values stay plain JSON for anyone reading Redis by hand;
 * values without a stamp (older ones, or not objects) are simply always read.
 */
const STAMP = '@s'

function stampPrefix(stamp: string): string {
  return `{"${STAMP}":"${stamp}",`
}

function stamped(stamp: string, json: string): string {
  if (!json.startsWith('{') || json === '{}') return json
  return stampPrefix(stamp) + json.slice(1)
}

function parseStored<S>(json: string): { session: S; stamp?: string } {
  const value = JSON.parse(json) as unknown
  if (value === null || typeof value !== 'object' || !(STAMP in value)) return { session: value as S }
  const { [STAMP]: stamp, ...session } = value as Record<string, unknown>
  return typeof stamp === 'string' ? { session: session as S, stamp } : { session: value as S }
}

/**
 * The sessions this process wrote or read last, by key, at most `limit` of them (the oldest write goes first).
 * They are handed to the next turn as they are, not copied: a turn must treat its session as read-only.
 */
class RecentSessions<S> {
  readonly #entries = new Map<string, { stamp: string; session: S }>()
  constructor(readonly limit: number) {}

  get(key: string): { stamp: string; session: S } | undefined {
    return this.#entries.get(key)
  }

  set(key: string, stamp: string, session: S): void {
    // Re-inserted, so that a resident who keeps talking is never the oldest.
    this.#entries.delete(key)
    this.#entries.set(key, { stamp, session })
    if (this.#entries.size > this.limit) this.#entries.delete(this.#entries.keys().next().value!)
  }

  delete(key: string): void {
    this.#entries.delete(key)
  }
}
