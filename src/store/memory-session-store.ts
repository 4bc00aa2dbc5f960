import { withSessionByParts, type LockedTurn, type SessionStore } from './session-store.js'
import { ttlMilliseconds } from './ttl.js'

export interface MemorySessionStoreOptions {
  /** How often expired sessions are dropped even if nobody reads them again. */
  sweepIntervalMs?: number
}

interface Entry {
  /** Kept as JSON so that callers get the same copies and the same losses (Dates, undefined) as with Redis. */
  json: string
  expiresAt: number
}

/**
 * Sessions in this process's memory: the default for a single `npm start`, lost on restart.
 * Locks only order callers inside this process, which is all there is when sessions live here.
 */
export class MemorySessionStore<S = unknown> implements SessionStore<S> {
  readonly #entries = new Map<string, Entry>()
  /** The last turn queued per key; a new caller waits for it. Removed when the queue empties. */
  readonly #tails = new Map<string, Promise<void>>()
  readonly #sweeper: NodeJS.Timeout

  constructor(opts: MemorySessionStoreOptions = {}) {
    this.#sweeper = setInterval(() => this.#sweep(), opts.sweepIntervalMs ?? 60_000)
    // A forgotten store must not keep the process alive.
    this.#sweeper.unref()
  }

  async get(key: string): Promise<S | undefined> {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    if (entry.expiresAt <= Date.now()) {
      this.#entries.delete(key)
      return undefined
    }
    return JSON.parse(entry.json) as S
  }

  async set(key: string, session: S, ttlSeconds: number): Promise<void> {
    const ttlMs = ttlMilliseconds(ttlSeconds)
    this.#entries.set(key, { json: JSON.stringify(session), expiresAt: Date.now() + ttlMs })
  }

  async delete(key: string): Promise<void> {
    this.#entries.delete(key)
  }

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve()
    let release!: () => void
    const turn = new Promise<void>((resolve) => {
      release = resolve
    })
    // Tails only ever resolve, so one failing holder cannot break the chain for those behind it.
    const tail = previous.then(() => turn)
    this.#tails.set(key, tail)
    await previous
    try {
      return await fn()
    } finally {
      release()
      if (this.#tails.get(key) === tail) this.#tails.delete(key)
    }
  }

  withSession<T>(key: string, fn: (session: S | undefined) => Promise<LockedTurn<S, T>>): Promise<T> {
    return withSessionByParts(this, key, fn)
  }

  /** Sessions held, counting expired ones not yet swept; for metrics. */
  get size(): number {
    return this.#entries.size
  }

  async close(): Promise<void> {
    clearInterval(this.#sweeper)
    this.#entries.clear()
  }

  #sweep(): void {
    const now = Date.now()
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(key)
    }
  }
}
