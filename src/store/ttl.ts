/**
 * A session TTL in whole milliseconds. Rejects what Redis would reject (zero, negative, NaN) here, so the
 * memory store fails the same way and the mistake shows up in development rather than in production.
 */
export function ttlMilliseconds(ttlSeconds: number): number {
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`会话有效期必须是正的秒数，实际为 ${String(ttlSeconds)}`)
  }
  return Math.ceil(ttlSeconds * 1000)
}
