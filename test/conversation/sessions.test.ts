/**
 * The conversation service on each session store (memory and Redis): a conversation survives a restart,
 * idle sessions expire, and two messages of one resident arriving together are handled in order, one at a
 * time — on Redis also by two service instances on two connections, as two server processes would be.
 */
import type { Redis } from 'ioredis'
import { afterEach, describe, expect, it } from 'vitest'
import { createRedis, waitReady } from '../../src/store/redis-connection.js'
import { MemorySessionStore } from '../../src/store/memory-session-store.js'
import { RedisSessionStore } from '../../src/store/redis-session-store.js'
import type { SessionStore } from '../../src/store/session-store.js'
import { newTestRedis, testRedisUrl } from '../support/redis.js'
import { joined, newChat, T0 } from './support.js'

const MEAL = '长者食堂助餐补贴申请'
const ASK_HUKOU = '是否已准备好：户口簿（原件1份）？'

/** Two stores sharing the same sessions, as two server processes would: one store object, or two Redis connections. */
interface Pair {
  stores: [SessionStore, SessionStore]
  /** A store as after a restart: a new object (and for Redis a new connection) on the same data. */
  reopen(): Promise<SessionStore>
  redis?: Redis
  prefix?: string
}

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function connection(): Promise<Redis> {
  const redis = createRedis(testRedisUrl(), { connectionName: 'daiban-test' })
  await waitReady(redis, 5_000)
  cleanups.push(async () => void (await redis.quit().catch(() => redis.disconnect())))
  return redis
}

const adapters: [string, () => Promise<Pair>][] = [
  [
    'memory',
    async () => {
      const store = new MemorySessionStore()
      cleanups.push(() => store.close())
      return { stores: [store, store], reopen: async () => store }
    },
  ],
  [
    'redis',
    async () => {
      const { redis, prefix, cleanup } = await newTestRedis()
      cleanups.push(cleanup)
      const open = async (conn: Redis) => {
        const store = new RedisSessionStore(conn, { prefix })
        cleanups.push(() => store.close())
        return store
      }
      return {
        stores: [await open(redis), await open(await connection())],
        reopen: async () => open(await connection()),
        redis,
        prefix,
      }
    },
  ],
]

describe.each(adapters)('conversation service on the %s session store', (_name, makePair) => {
  it('continues a conversation after a restart', async () => {
    const pair = await makePair()
    const clock = { now: T0 }
    const before = await newChat({ sessions: pair.stores[0], clock })
    // The exact name is clear: the walk starts at once, at the ID card.
    await before.say(MEAL)
    const after = await newChat({ sessions: await pair.reopen(), clock })
    expect(joined(await after.say('1'))).toContain(ASK_HUKOU)
  })

  it('starts an idle conversation afresh and says so', async () => {
    const pair = await makePair()
    const chat = await newChat({ sessions: pair.stores[0] })
    await chat.say(MEAL)
    chat.clock.now += 31 * 60_000
    expect((await chat.say('1'))[0]).toContain('超过 30 分钟没有回复，我们重新开始')
  })

  it('handles two messages of one resident arriving together in order, one at a time, on two service instances', async () => {
    const pair = await makePair()
    const run = await sendTogether(pair.stores, pair)
    expect(run.overlapped).toBe(false)
    expect(run.events).toEqual(SCRIPT.flatMap((t) => [`start ${t}`, `end ${t}`]))
    // Each message saw the state the previous one left: the last one completes the walk.
    expect(joined(run.replies[0]!)).toContain('是否已准备好：老人居民身份证')
    expect(joined(run.replies[1]!)).toContain(ASK_HUKOU)
    expect(joined(run.replies[4]!)).toContain('【一次性告知单】')
  })

  it('(control) without the lock the same messages do overlap, so the test above can fail', async () => {
    const pair = await makePair()
    const unlocked = pair.stores.map((s): SessionStore => ({
      get: (k) => s.get(k),
      set: (k, v, ttl) => s.set(k, v, ttl),
      delete: (k) => s.delete(k),
      withLock: (_k, fn) => fn(),
      close: async () => undefined,
    })) as [SessionStore, SessionStore]
    expect((await sendTogether(unlocked)).overlapped).toBe(true)
  })
})

/**
 * The walk to the checklist (the exact name is clear: no 对吗); every message reads differently (1, 没有, ②) so the
 * recorded order shows which went first.
 */
const SCRIPT = [MEAL, '1', '没有', '2', '②']

/**
 * Sends SCRIPT alternately through two service instances, 12 ms apart, without waiting for replies. Each message
 * takes 25 ms inside the lock (a slow interceptor), so later ones arrive while earlier ones are being handled.
 * (At 5 ms apart a loaded machine could deliver two messages sent on different connections to Redis in one read,
 * in either order: that is no ordering a resident could rely on either, and it made the test flaky.)
 */
/**
 * Sends SCRIPT alternately through two chats, each message while the one before it is still being handled. On Redis,
 * each is sent only once the one before it has taken its place in the queue (the lock's ticket counter), so that the
 * order the lock sees is the order sent even on a loaded machine (a fixed pause alone let them swap places).
 */
async function sendTogether(stores: [SessionStore, SessionStore], pair?: Pick<Pair, 'redis' | 'prefix'>) {
  const events: string[] = []
  let running = 0
  let overlapped = false
  const slow = async (m: { content: { text: string } }) => {
    running++
    if (running > 1) overlapped = true
    events.push(`start ${m.content.text}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
    events.push(`end ${m.content.text}`)
    running--
    return undefined
  }
  // A store's first lock sets up its wake-up connection; arrival order is what the lock sees, so warm both up.
  for (const store of stores) await store.withLock('warm-up', async () => undefined)
  const clock = { now: T0 }
  const chats = [
    await newChat({ sessions: stores[0], clock, interceptors: [slow] }),
    await newChat({ sessions: stores[1], clock, interceptors: [slow] }),
  ]
  const pending: Promise<string[]>[] = []
  for (const [i, text] of SCRIPT.entries()) {
    pending.push(chats[i % 2]!.say(text))
    await new Promise((resolve) => setTimeout(resolve, 12))
    if (pair?.redis) await ticketsTaken(pair.redis, `${pair.prefix}lock:http:resident-1:next`, i + 1)
  }
  return { replies: await Promise.all(pending), events, overlapped }
}

/** Waits (up to 5 s) until `count` tickets have been taken on the lock counter `key`. */
async function ticketsTaken(redis: Redis, key: string, count: number): Promise<void> {
  const deadline = Date.now() + 5_000
  while (Number(await redis.get(key)) < count) {
    if (Date.now() > deadline) throw new Error(`ticket ${count} not taken on ${key}`)
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

describe('sessions in Redis', () => {
  it('live under the namespace with a TTL of the idle time plus a day (so a returning resident can be told)', async () => {
    const { redis, prefix, cleanup } = await newTestRedis()
    cleanups.push(cleanup)
    const store = new RedisSessionStore(redis, { prefix })
    cleanups.push(() => store.close())
    const chat = await newChat({ sessions: store, userId: 'ttl-check', sessionTtlSeconds: 600 })
    await chat.say(MEAL)
    const key = `${prefix}session:http:ttl-check`
    const ttl = await redis.pttl(key)
    expect(ttl).toBeGreaterThan((600 + 86_400 - 5) * 1000)
    expect(ttl).toBeLessThanOrEqual((600 + 86_400) * 1000)
    expect(JSON.parse((await redis.get(key))!)).toMatchObject({ v: 1, state: 'materials' })
  })

  it('a non-text message does not touch the stored session', async () => {
    const { redis, prefix, cleanup } = await newTestRedis()
    cleanups.push(cleanup)
    const store = new RedisSessionStore(redis, { prefix })
    cleanups.push(() => store.close())
    const chat = await newChat({ sessions: store, userId: 'picture' })
    await chat.say(MEAL)
    const key = `${prefix}session:http:picture`
    const stored = await redis.get(key)
    await chat.send('image')
    expect(await redis.get(key)).toBe(stored)
  })
})
