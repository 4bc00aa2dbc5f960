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
  close(): Promise<void>
}
