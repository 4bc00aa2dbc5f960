/**
 * Where conversations are kept between messages. Values are JSON-serialisable.
 * Two adapters: memory (default, for `npm start` anywhere) and Redis (production, tests).
 */
export interface SessionStore<S = unknown> {
  /** A copy of the stored session, or undefined when there is none or it expired. */
  get(key: string): Promise<S | undefined>
  /**
   * Stores with a time to live; the session vanishes when the resident stays idle that long.
   * `ttlSeconds` must be positive (fractions allowed). The value goes through JSON, so a Date comes back as a string.
   */
  set(key: string, session: S, ttlSeconds: number): Promise<void>
  delete(key: string): Promise<void>
  /**
   * Runs `fn` while holding this key exclusively, in arrival order (FIFO), also across processes
   * sharing one Redis, so that two messages of one resident are handled one at a time, in order.
   * A holder that dies does not block the key forever.
   */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>
  /**
   * Optional: withLock that also hands `fn` the session as it stood when the turn began, and stores what `fn`
   * returns in `write` as the turn ends, before the next caller's turn begins. Same guarantees as withLock
   * with get / set / delete inside it; an adapter offers it when it can do this in fewer round trips
   * (Redis: one script takes the turn and reads, one writes and releases). When `fn` throws, nothing is
   * written. Call it through `withSession(store, …)`, which falls back to withLock.
   * `fn` must not change the session it is handed (return the new one in `write`): an adapter may keep it
   * and hand the same object to the key's next turn instead of reading it again.
   */
  withSession?<T>(key: string, fn: (session: S | undefined) => Promise<LockedTurn<S, T>>, opts?: TurnOptions): Promise<T>
  /** Whether withSession counts `opts.counters` (Redis: in the script that takes the turn). */
  readonly countsAlong?: boolean
  /** Whether withSession reads `opts.peeks` (Redis: in the script that takes the turn). */
  readonly peeksAlong?: boolean
  close(): Promise<void>
}

/** See TurnOptions.counters. Keys are the store's own (already namespaced); they expire windowMs after their first count. */
export interface TurnCounters {
  keys: string[]
  windowMs: number
  admit(counts: number[]): void
}

/**
 * See TurnOptions.peeks. Keys are full keys of the store's backend (a Redis key another adapter on the same
 * connection owns); `seen` gets, in the order of `keys`, whether each existed as the turn was requested.
 */
export interface TurnPeeks {
  keys: string[]
  seen(exists: boolean[]): void
}

export interface TurnOptions {
  /**
   * Counters this message adds to (a rate limit's), counted as the turn is requested, in the same round trip,
   * by a store that can (`countsAlong`); others ignore them. `admit` gets the counts after this message and throws
   * to refuse it: the place in the queue is then given up at once and nothing is written.
   */
  counters?: TurnCounters
  /**
   * Keys whose existence this message's handling wants to know (e.g. whether the resident has any ticket), read
   * as the turn is requested, in the same round trip, by a store that can (`peeksAlong`); others ignore them.
   */
  peeks?: TurnPeeks
  /**
   * Gives up waiting for the turn once aborted (e.g. the message was refused by the rate limit meanwhile): the
   * call rejects with the signal's reason and the place in the queue is left at once. Adapters whose queue
   * is in this process only may ignore it.
   */
  signal?: AbortSignal
}

/** What a withSession turn returns: its result, and what becomes of the session (kept as it was when omitted). */
export interface LockedTurn<S, T> {
  result: T
  write?: SessionWrite<S>
}

export type SessionWrite<S> = { set: S; ttlSeconds: number } | { delete: true }

/** `store.withSession` when the adapter has it, else the same with withLock, get, set and delete. */
export function withSession<S, T>(
  store: SessionStore<S>,
  key: string,
  fn: (session: S | undefined) => Promise<LockedTurn<S, T>>,
  opts: TurnOptions = {},
): Promise<T> {
  if (store.withSession) return store.withSession(key, fn, opts)
  return withSessionByParts(store, key, fn)
}

/** withSession from the port's required methods: for adapters with nothing faster (the memory one). */
export function withSessionByParts<S, T>(
  store: SessionStore<S>,
  key: string,
  fn: (session: S | undefined) => Promise<LockedTurn<S, T>>,
): Promise<T> {
  return store.withLock(key, async () => {
    const { result, write } = await fn(await store.get(key))
    if (write && 'delete' in write) await store.delete(key)
    else if (write) await store.set(key, write.set, write.ttlSeconds)
    return result
  })
}
