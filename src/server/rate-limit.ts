/**
 * Fixed-window rate limits (per minute), kept in Redis so that several server processes share one count,
 * or in memory when there is no Redis. A fixed window lets a burst of up to twice the limit straddle a
 * window edge; for slowing down a runaway script or a flooding resident that is good enough, and it
 * costs one round trip.
 */
import type { Redis, Result } from 'ioredis'
import type { TurnCounters } from '../store/session-store.js'
import { HttpError } from './errors.js'

export interface RateCheck {
  /** What is counted, e.g. `ip:10.0.0.1` or `resident:wx-123`. */
  key: string
  /** Requests allowed per window. */
  limit: number
}

export interface RateDecision {
  allowed: boolean
  /** The first check over its limit, when not allowed. */
  refused?: RateCheck
  /** Seconds until the current window ends (for Retry-After). */
  retryAfterSeconds: number
}

export interface RateLimiter {
  /** Counts one request against every check (one round trip) and says whether all are within their limits. */
  hit(checks: RateCheck[], now: number): Promise<RateDecision>
  /**
   * The same checks as counters a session store can count in the round trip that takes the resident's turn
   * (TurnOptions.counters): `admit` throws enforceLimits' 429 when one is over its limit. Undefined when nothing
   * is counted (every limit off). Only where the counters live in the store's Redis.
   */
  countAlong?(checks: RateCheck[], now: number): TurnCounters | undefined
  close(): Promise<void>
}

export const WINDOW_MS = 60_000

// KEYS = counters; ARGV[1] = window length in ms. The first hit in a window starts its expiry.
const HIT = `
local counts = {}
for i, key in ipairs(KEYS) do
  local n = redis.call('INCR', key)
  if n == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
  counts[i] = n
end
return counts
`

declare module 'ioredis' {
  interface RedisCommander<Context> {
    daibanRateHit(keyCount: number, ...keysThenWindowMs: (string | number)[]): Result<number[], Context>
  }
}

/** Counters at `${prefix}rate:${key}:${window}`; they expire with their window. */
export function createRedisRateLimiter(redis: Redis, prefix: string): RateLimiter {
  // The number of keys varies per call, so it is passed first rather than fixed here.
  redis.defineCommand('daibanRateHit', { lua: HIT })
  const keyOf = (check: RateCheck, window: number) => `${prefix}rate:${check.key}:${window}`
  return {
    async hit(checks, now) {
      const window = Math.floor(now / WINDOW_MS)
      if (checks.length === 0) return decision(checks, [], now, window)
      const keys = checks.map((c) => keyOf(c, window))
      const counts = await redis.daibanRateHit(keys.length, ...keys, WINDOW_MS)
      return decision(checks, counts, now, window)
    },
    countAlong(checks, now) {
      const active = checks.filter((c) => c.limit > 0)
      if (active.length === 0) return undefined
      const window = Math.floor(now / WINDOW_MS)
      return {
        keys: active.map((c) => keyOf(c, window)),
        windowMs: WINDOW_MS,
        // A method, not an arrow in a property: the dev server (tsx) names such arrows at run time, per message.
        admit(counts) {
          refuseOver(decision(active, counts, now, window))
        },
      }
    },
    // The connection belongs to the caller.
    async close() {},
  }
}

/** Counters in this process; fine for one process, not shared between processes. */
export function createMemoryRateLimiter(): RateLimiter {
  let window = -1
  let counts = new Map<string, number>()
  return {
    async hit(checks, now) {
      const current = Math.floor(now / WINDOW_MS)
      // Only the current window matters: starting a new one drops every old count at once.
      if (current !== window) {
        window = current
        counts = new Map()
      }
      const after = checks.map((c) => {
        const count = (counts.get(c.key) ?? 0) + 1
        counts.set(c.key, count)
        return count
      })
      return decision(checks, after, now, current)
    },
    async close() {
      counts.clear()
    },
  }
}

function decision(checks: RateCheck[], counts: number[], now: number, window: number): RateDecision {
  const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000))
  const refused = checks.find((c, i) => (counts[i] ?? 0) > c.limit)
  return refused ? { allowed: false, refused, retryAfterSeconds } : { allowed: true, retryAfterSeconds }
}

/**
 * The per-IP counter for one kind of traffic: resident messages (`chat`, `web`) and the agents' API (`agent`) are
 * counted apart, so that an integration sending for many residents from one address cannot lock out the agents
 * behind the same address (an office NAT), nor they it.
 */
export function ipKey(kind: string, ip: string): string {
  return `ip:${kind}:${ip}`
}

/** Counts the checks whose limit is on (above 0) and throws 429 with a Chinese message when one is exceeded. */
export async function enforceLimits(limiter: RateLimiter, checks: RateCheck[], now: number): Promise<void> {
  const active = checks.filter((c) => c.limit > 0)
  if (active.length === 0) return
  refuseOver(await limiter.hit(active, now))
}

/** Throws 429 with a Chinese message when the decision refuses. */
function refuseOver(decision: RateDecision): void {
  if (decision.allowed) return
  const wait = decision.retryAfterSeconds
  const message = decision.refused?.key.startsWith('resident:')
    ? `消息发得太快了，请 ${wait} 秒后再试`
    : `请求太频繁，请 ${wait} 秒后再试`
  throw new HttpError(429, 'rate_limited', message, { 'Retry-After': String(wait) })
}
