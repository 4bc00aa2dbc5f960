import { afterEach, describe, expect, it } from 'vitest'
import { createConversationService } from '../../src/conversation/service.js'
import type { ConversationService } from '../../src/conversation/types.js'
import { createMemoryRateLimiter, createRedisRateLimiter, WINDOW_MS } from '../../src/server/rate-limit.js'
import { RedisSessionStore } from '../../src/store/redis-session-store.js'
import { real } from '../conversation/support.js'
import { newTestRedis } from '../support/redis.js'
import { NOW, testApp } from './app-fixture.js'
import { serve, type Served } from './http.js'

let cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.reverse()) await c()
  cleanups = []
})

/**
 * The app over Redis counters. `along`: the real conversation service over a Redis session store, which counts the
 * chat's limits in the script that takes the resident's turn; otherwise a stand-in service, and the limiter's own
 * round trip.
 */
async function redisApp(rateLimit: { perResident: number; perIp: number }, along: boolean): Promise<{ served: Served; prefix: string }> {
  const { redis, prefix, cleanup } = await newTestRedis()
  cleanups.push(cleanup)
  let conversation: ConversationService | undefined
  if (along) {
    const { catalog, matcher, definitions } = await real()
    const sessions = new RedisSessionStore(redis, { prefix })
    cleanups.push(() => sessions.close())
    conversation = createConversationService({ definitions, catalog: () => ({ catalog, matcher }), sessions })
    expect(conversation.countsAlong).toBe(true)
  }
  const served = await serve(testApp({ limiter: createRedisRateLimiter(redis, prefix), settings: { rateLimit }, ...(conversation && { conversation }) }).app)
  cleanups.push(() => served.close())
  return { served, prefix }
}

for (const along of [false, true]) {
  const how = along ? 'counted with the resident\'s turn' : 'counted in a round trip of its own'

  describe(`per-resident rate limit, kept in Redis, ${how}`, () => {
    it('answers 429 with a Chinese message and Retry-After once a resident goes over the limit; others go on', async () => {
      const { served } = await redisApp({ perResident: 3, perIp: 0 }, along)
      for (let i = 0; i < 3; i++) expect((await served.chat({ userId: 'busy', text: `第${i}条` })).status).toBe(200)

      const refused = await served.chat({ userId: 'busy', text: '又一条' })
      expect(refused.status).toBe(429)
      expect(refused.json.error.code).toBe('rate_limited')
      expect(refused.json.error.message).toMatch(/^消息发得太快了，请 \d+ 秒后再试$/)
      const retryAfter = Number(refused.headers['retry-after'])
      expect(retryAfter).toBeGreaterThanOrEqual(1)
      expect(retryAfter).toBeLessThanOrEqual(60)

      expect((await served.chat({ userId: 'calm', text: '低保' })).status).toBe(200)
    })
  })

  describe(`per-IP rate limit, kept in Redis, ${how}`, () => {
    it('answers 429 once one address sends too many /api requests, whichever residents they are for', async () => {
      const { served } = await redisApp({ perResident: 0, perIp: 4 }, along)
      for (let i = 0; i < 4; i++) expect((await served.chat({ userId: `r${i}`, text: 'hi' })).status).toBe(200)
      const refused = await served.chat({ userId: 'r9', text: 'hi' })
      expect(refused.status).toBe(429)
      expect(refused.json.error.message).toMatch(/^请求太频繁，请 \d+ 秒后再试$/)
      // Refused requests count too, so junk cannot be sent without limit.
      expect((await served.chat('{"broken')).status).toBe(429)
      // Probes are not rate limited: an overloaded integration must not make the server look dead.
      expect((await served.send('GET', '/healthz')).status).toBe(200)
    })
  })
}

describe('per-IP rate limit on other /api routes', () => {
  it('counts requests to any /api path, refused ones included, per kind of API', async () => {
    const { served } = await redisApp({ perResident: 0, perIp: 2 }, false)
    expect((await served.send('GET', '/api/agent/unknown')).status).toBe(404)
    expect((await served.send('GET', '/api/agent/unknown')).status).toBe(404)
    expect((await served.send('GET', '/api/agent/unknown')).status).toBe(429)
    // Residents' messages from the same address (an integration behind the office NAT) are counted apart.
    expect((await served.chat({ userId: 'u', text: 'hi' })).status).toBe(200)
    expect((await served.chat({ userId: 'v', text: 'hi' })).status).toBe(200)
    expect((await served.chat({ userId: 'w', text: 'hi' })).status).toBe(429)
  })

  it('counts the console\'s API too (someone guessing tokens), apart from the others, and not its pages', async () => {
    const { served } = await redisApp({ perResident: 0, perIp: 2 }, false)
    for (let i = 0; i < 2; i++) expect((await served.send('GET', '/console/api/me')).status).not.toBe(429)
    const refused = await served.send('GET', '/console/api/me')
    expect(refused.status).toBe(429)
    expect(refused.json.error.message).toMatch(/^请求太频繁，请 \d+ 秒后再试$/)
    expect((await served.send('GET', '/api/agent/unknown')).status).toBe(404)
    expect((await served.send('GET', '/console')).status).not.toBe(429)
  })
})

describe('createRedisRateLimiter(redis, prefix)', () => {
  it('counts several keys in one call and names the first over its limit', async () => {
    const { redis, prefix, cleanup } = await newTestRedis()
    cleanups.push(cleanup)
    const limiter = createRedisRateLimiter(redis, prefix)
    const ip = { key: 'ip:10.0.0.1', limit: 5 }
    const resident = { key: 'resident:r', limit: 1 }
    expect((await limiter.hit([ip, resident], NOW)).allowed).toBe(true)
    expect(await limiter.hit([ip, resident], NOW)).toMatchObject({ allowed: false, refused: resident })
    expect(await redis.get(`${prefix}rate:ip:10.0.0.1:${Math.floor(NOW / WINDOW_MS)}`)).toBe('2')
  })

  it('shares counts between processes on one Redis, and lets counters expire with their window', async () => {
    const a = await newTestRedis()
    cleanups.push(a.cleanup)
    const b = await newTestRedis()
    cleanups.push(b.cleanup)
    // Two limiters on two connections, one prefix: two server processes.
    const first = createRedisRateLimiter(a.redis, a.prefix)
    const second = createRedisRateLimiter(b.redis, a.prefix)
    const check = [{ key: 'resident:x', limit: 2 }]
    expect((await first.hit(check, NOW)).allowed).toBe(true)
    expect((await second.hit(check, NOW)).allowed).toBe(true)
    expect(await first.hit(check, NOW)).toMatchObject({ allowed: false, refused: check[0] })

    const [key] = await a.redis.keys(`${a.prefix}rate:resident:x:*`)
    const ttl = await a.redis.pttl(key!)
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(WINDOW_MS)
  })
})

describe('createMemoryRateLimiter()', () => {
  it('counts per key within a minute and starts afresh in the next one', async () => {
    const limiter = createMemoryRateLimiter()
    const start = Math.floor(NOW / WINDOW_MS) * WINDOW_MS
    const k = { key: 'k', limit: 1 }
    expect((await limiter.hit([k], start)).allowed).toBe(true)
    expect(await limiter.hit([k], start + 15_000)).toEqual({ allowed: false, refused: k, retryAfterSeconds: 45 })
    expect((await limiter.hit([{ key: 'other', limit: 1 }], start + 15_000)).allowed).toBe(true)
    expect((await limiter.hit([k], start + WINDOW_MS)).allowed).toBe(true)
  })
})
