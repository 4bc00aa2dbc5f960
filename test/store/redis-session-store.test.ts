import { setTimeout as sleep } from 'node:timers/promises'
import type { Redis } from 'ioredis'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { decodeSession, encodeSession } from '../../src/dialog/session-json.js'
import { freshSession, snapshot } from '../../src/dialog/session.js'
import { RedisSessionStore } from '../../src/store/redis-session-store.js'
import { newTestRedis } from '../support/redis.js'

/*
 * What only the Redis adapter promises: the lock holds across processes and survives a crashed one.
 * Each "process" is a store on its own connection. The tests read the lock's counters
 * (`${prefix}lock:${key}:next|serving|lease`) to know when a caller has taken its place in the queue,
 * and to play a process that died.
 */

type TestRedis = Awaited<ReturnType<typeof newTestRedis>>
const KEY = 'wxid_wang'
const LEASE_MS = 1_000

let processA: TestRedis
let processB: TestRedis
let prefix: string
let stores: RedisSessionStore[]

beforeEach(async () => {
  processA = await newTestRedis()
  processB = await newTestRedis()
  prefix = processA.prefix
  stores = []
})
afterEach(async () => {
  await Promise.all(stores.map((store) => store.close()))
  await processB.cleanup()
  await processA.cleanup()
})

function storeOn(connection: TestRedis): RedisSessionStore {
  const store = new RedisSessionStore(connection.redis, { prefix, lockLeaseMs: LEASE_MS })
  stores.push(store)
  return store
}

function lockKey(part: 'next' | 'serving' | 'lease'): string {
  return `${prefix}lock:${KEY}:${part}`
}

/** Waits until `count` tickets have been taken for KEY, i.e. that many callers are in the queue or done. */
async function ticketsTaken(redis: Redis, count: number): Promise<void> {
  for (let waited = 0; Number(await redis.get(lockKey('next'))) < count; waited += 5) {
    if (waited > 5_000) throw new Error(`等待第 ${count} 个取号超时`)
    await sleep(5)
  }
}

describe('RedisSessionStore.withLock across processes', () => {
  it('serves callers of two processes one at a time, in the order they queued', async () => {
    const a = storeOn(processA)
    const b = storeOn(processB)
    let active = 0
    let maxActive = 0
    const order: number[] = []
    const handle = (i: number) => async () => {
      active++
      maxActive = Math.max(maxActive, active)
      order.push(i)
      await sleep(1)
      active--
    }

    let releaseFirst!: () => void
    const first = a.withLock(KEY, () => new Promise<void>((resolve) => (releaseFirst = resolve)))
    await ticketsTaken(processA.redis, 1)
    const queued: Promise<void>[] = []
    for (let i = 0; i < 20; i++) {
      queued.push((i % 2 === 0 ? b : a).withLock(KEY, handle(i)))
      await ticketsTaken(processA.redis, i + 2)
    }
    releaseFirst()
    await Promise.all([first, ...queued])

    expect(maxActive).toBe(1)
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i))
  })

  it('skips the turn of a process that crashed while holding the lock, once its lease expires', async () => {
    // The crashed process took the first ticket and its turn, then never renewed or released.
    const crashed = processB.redis
    expect(await crashed.incr(lockKey('next'))).toBe(1)
    await crashed.set(lockKey('serving'), 1)
    await crashed.set(lockKey('lease'), 1, 'PX', LEASE_MS)

    const startedAt = Date.now()
    const waitedMs = await storeOn(processA).withLock(KEY, async () => Date.now() - startedAt)
    expect(waitedMs).toBeGreaterThanOrEqual(LEASE_MS - 100)
    expect(waitedMs).toBeLessThan(LEASE_MS + 2_000)
  })

  it('skips a process that died while waiting in the queue, at once (its waiter key is gone)', async () => {
    const a = storeOn(processA)
    const b = storeOn(processB)
    let releaseFirst!: () => void
    const first = a.withLock(KEY, () => new Promise<void>((resolve) => (releaseFirst = resolve)))
    await ticketsTaken(processA.redis, 1)
    // A third process takes ticket 2 and dies before its turn comes.
    expect(await processA.redis.incr(lockKey('next'))).toBe(2)
    const order: string[] = []
    const third = b.withLock(KEY, async () => {
      order.push('third')
    })
    await ticketsTaken(processA.redis, 3)
    releaseFirst()
    await first
    const releasedAt = Date.now()
    await third
    expect(order).toEqual(['third'])
    expect(Date.now() - releasedAt).toBeLessThan(LEASE_MS / 2)
  })

  it('keeps the place of a waiter that is alive but slow to claim its turn (its waiter key is still there)', async () => {
    const a = storeOn(processA)
    let releaseFirst!: () => void
    const first = a.withLock(KEY, () => new Promise<void>((resolve) => (releaseFirst = resolve)))
    await ticketsTaken(processA.redis, 1)
    // Ticket 2 belongs to a process that is alive (its waiter key was refreshed) but stalls just now.
    expect(await processA.redis.incr(lockKey('next'))).toBe(2)
    await processA.redis.set(`${prefix}lock:${KEY}:w:2`, 1, 'PX', LEASE_MS)
    const order: string[] = []
    const third = storeOn(processB).withLock(KEY, async () => {
      order.push('third')
    })
    await ticketsTaken(processA.redis, 3)
    releaseFirst()
    await first
    const releasedAt = Date.now()
    await third
    // The third waited for the second's claim window instead of jumping ahead of a live message.
    expect(Date.now() - releasedAt).toBeGreaterThanOrEqual(LEASE_MS * 0.8)
  })

  it('a server shutting down gives up its queued places, so the other server’s messages go on at once', async () => {
    const a = storeOn(processA)
    const closing = new RedisSessionStore(processB.redis, { prefix, lockLeaseMs: LEASE_MS })
    let releaseFirst!: () => void
    const first = a.withLock(KEY, () => new Promise<void>((resolve) => (releaseFirst = resolve)))
    await ticketsTaken(processA.redis, 1)
    const queued = closing.withLock(KEY, async () => 'never').catch((err: unknown) => err)
    await ticketsTaken(processA.redis, 2)
    const third = a.withLock(KEY, async () => 'third')
    await ticketsTaken(processA.redis, 3)
    await closing.close()
    expect(await queued).toBeInstanceOf(Error)
    releaseFirst()
    await first
    const releasedAt = Date.now()
    expect(await third).toBe('third')
    expect(Date.now() - releasedAt).toBeLessThan(LEASE_MS / 2)
  })

  it('after a crash with many messages queued, costs one lease in all, not one per lost message', async () => {
    // A process took the turn and 30 more tickets for this resident, then died: its lease runs out, and
    // its waiters' keys are gone.
    const redis = processA.redis
    await redis.set(lockKey('next'), 31)
    await redis.set(lockKey('serving'), 1)
    await redis.set(lockKey('lease'), 1, 'PX', LEASE_MS)
    const started = Date.now()
    let ran = false
    await storeOn(processB).withLock(KEY, async () => {
      ran = true
    })
    expect(ran).toBe(true)
    expect(Date.now() - started).toBeLessThan(LEASE_MS * 2.5)
  })

  it('gives up after the wait limit with a 503-style error, and the turns queued behind it still go', async () => {
    const a = storeOn(processA)
    const impatient = new RedisSessionStore(processB.redis, { prefix, lockLeaseMs: LEASE_MS, lockWaitLimitMs: 300 })
    stores.push(impatient)
    let releaseFirst!: () => void
    const first = a.withLock(KEY, () => new Promise<void>((resolve) => (releaseFirst = resolve)))
    await ticketsTaken(processA.redis, 1)
    const startedWaiting = Date.now()
    const givenUp = impatient.withLock(KEY, async () => 'never').catch((err: unknown) => err)
    await ticketsTaken(processA.redis, 2)
    const third = a.withLock(KEY, async () => 'third')
    await ticketsTaken(processA.redis, 3)
    const err = await givenUp
    expect(err).toMatchObject({ name: 'TurnTimeoutError', status: 503 })
    expect(Date.now() - startedWaiting).toBeLessThan(LEASE_MS)
    releaseFirst()
    await first
    const releasedAt = Date.now()
    expect(await third).toBe('third')
    expect(Date.now() - releasedAt).toBeLessThan(LEASE_MS / 2)
  })

  it('keeps the lock for a holder that works longer than the lease, as long as it is alive', async () => {
    const a = storeOn(processA)
    const b = storeOn(processB)
    const events: string[] = []
    const slow = a.withLock(KEY, async () => {
      events.push('slow starts')
      await sleep(LEASE_MS * 2)
      events.push('slow ends')
    })
    await ticketsTaken(processA.redis, 1)
    await b.withLock(KEY, async () => {
      events.push('next message')
    })
    await slow
    expect(events).toEqual(['slow starts', 'slow ends', 'next message'])
  })

  it('leaves only counters that expire by themselves once the key is idle', async () => {
    await storeOn(processA).withLock(KEY, async () => undefined)
    const redis = processA.redis
    expect(await redis.exists(lockKey('lease'))).toBe(0)
    for (const part of ['next', 'serving'] as const) {
      const ttl = await redis.pttl(lockKey(part))
      expect(ttl).toBeGreaterThan(0)
      expect(ttl).toBeLessThanOrEqual(60_000)
    }
  })
})

describe('RedisSessionStore.withSession across processes', () => {
  it('gives turns of two processes the session the previous turn wrote, in queue order', async () => {
    const a = storeOn(processA)
    const b = storeOn(processB)
    let releaseFirst!: () => void
    const first = a.withSession(KEY, async () => {
      await new Promise<void>((resolve) => (releaseFirst = resolve))
      return { result: undefined, write: { set: { turns: [] as number[] }, ttlSeconds: 60 } }
    })
    await ticketsTaken(processA.redis, 1)
    const queued: Promise<void>[] = []
    for (let i = 0; i < 10; i++) {
      queued.push(
        (i % 2 === 0 ? b : a).withSession(KEY, async (s) => {
          const turns = (s as { turns: number[] }).turns
          return { result: undefined, write: { set: { turns: [...turns, i] }, ttlSeconds: 60 } }
        }),
      )
      await ticketsTaken(processA.redis, i + 2)
    }
    releaseFirst()
    await Promise.all([first, ...queued])
    expect(await a.get(KEY)).toEqual({ turns: Array.from({ length: 10 }, (_, i) => i) })
    const ttl = await processA.redis.pttl(`${prefix}session:${KEY}`)
    expect(ttl).toBeGreaterThan(50_000)
    expect(ttl).toBeLessThanOrEqual(60_000)
  })

  it('skips the turn of a process that crashed while holding the lock, then reads the session', async () => {
    const crashed = processB.redis
    await crashed.set(`${prefix}session:${KEY}`, JSON.stringify({ step: '崩溃前' }), 'PX', 60_000)
    expect(await crashed.incr(lockKey('next'))).toBe(1)
    await crashed.set(lockKey('serving'), 1)
    await crashed.set(lockKey('lease'), 1, 'PX', LEASE_MS)

    const startedAt = Date.now()
    const seen = await storeOn(processA).withSession(KEY, async (s) => ({ result: { s, waitedMs: Date.now() - startedAt } }))
    expect(seen.s).toEqual({ step: '崩溃前' })
    expect(seen.waitedMs).toBeGreaterThanOrEqual(LEASE_MS - 100)
  })
})

describe('RedisSessionStore keeps the session it wrote for the next turn', () => {
  type Counter = { n: number; by: string }
  const bump = (by: string) => async (s: Counter | undefined) => {
    const next = { n: (s?.n ?? 0) + 1, by }
    return { result: next, write: { set: next, ttlSeconds: 60 } }
  }
  const sessionKey = () => `${prefix}session:${KEY}`

  it('hands the next turn the very object it wrote (not read back), and stores plain JSON', async () => {
    const a = storeOn(processA) as RedisSessionStore<Counter>
    const written = await a.withSession(KEY, bump('A'))
    expect(JSON.parse((await processA.redis.get(sessionKey()))!)).toEqual({ n: 1, by: 'A' })
    const seen = await a.withSession(KEY, async (s) => ({ result: s }))
    expect(seen).toBe(written)
    expect(await a.get(KEY)).toEqual({ n: 1, by: 'A' })
  })

  it('keeps a session it read (not only one it wrote) for the next turn, by the digest Redis gave with it', async () => {
    const a = storeOn(processA) as RedisSessionStore<Counter>
    await processB.redis.set(sessionKey(), JSON.stringify({ n: 3, by: 'B' }), 'PX', 60_000)
    const first = await a.withSession(KEY, async (s) => ({ result: s }))
    expect(first).toEqual({ n: 3, by: 'B' })
    expect(await a.withSession(KEY, async (s) => ({ result: s }))).toBe(first)
  })

  it('reads the session again once anything else changed it, even to the same length (an older server, a hand edit)', async () => {
    const a = storeOn(processA) as RedisSessionStore<Counter>
    const b = storeOn(processB) as RedisSessionStore<Counter>
    await a.withSession(KEY, bump('A'))
    await processB.redis.set(sessionKey(), JSON.stringify({ n: 5, by: 'A' }), 'PX', 60_000)
    expect(await a.withSession(KEY, bump('A'))).toEqual({ n: 6, by: 'A' })
    await b.withSession(KEY, bump('B'))
    expect(await a.withSession(KEY, bump('A'))).toEqual({ n: 8, by: 'A' })
    await b.set(KEY, { n: 10, by: 'set' }, 60)
    expect(await a.withSession(KEY, bump('A'))).toEqual({ n: 11, by: 'A' })
    await b.delete(KEY)
    expect(await a.withSession(KEY, bump('A'))).toEqual({ n: 1, by: 'A' })
    await processB.redis.pexpire(sessionKey(), 1)
    await sleep(20)
    expect(await a.withSession(KEY, bump('A'))).toEqual({ n: 1, by: 'A' })
  })

  it('keeps values that are not objects too, and reads again after a turn that failed', async () => {
    const a = storeOn(processA) as unknown as RedisSessionStore<string>
    await processA.redis.set(sessionKey(), JSON.stringify('旧的'), 'PX', 60_000)
    expect(await a.withSession(KEY, async (s) => ({ result: s, write: { set: `${s}+1`, ttlSeconds: 60 } }))).toBe('旧的')
    expect(await a.withSession(KEY, async (s) => ({ result: s }))).toBe('旧的+1')
    await expect(a.withSession(KEY, async () => Promise.reject(new Error('坏了')))).rejects.toThrow('坏了')
    await processA.redis.set(sessionKey(), JSON.stringify('手改的'), 'PX', 60_000)
    expect(await a.withSession(KEY, async (s) => ({ result: s }))).toBe('手改的')
  })

  it('does not write, says so, and reads the stored session next, when its lease ran out during the turn', async () => {
    const reports: string[] = []
    const a = new RedisSessionStore<Counter>(processA.redis, { prefix, lockLeaseMs: LEASE_MS, onError: (m) => reports.push(m) })
    stores.push(a as RedisSessionStore)
    await a.withSession(KEY, bump('A'))
    const result = await a.withSession(KEY, async () => {
      // Meanwhile the lease ran out (a long pause of this process): the turn went on to process B, which wrote.
      await processB.redis.incr(lockKey('serving'))
      await processB.redis.set(sessionKey(), JSON.stringify({ n: 9, by: 'B' }), 'PX', 60_000)
      return { result: '本轮的回复', write: { set: { n: 2, by: 'A' }, ttlSeconds: 60 } }
    })
    // The resident still gets this turn's reply; the store keeps B's session, not the late write.
    expect(result).toBe('本轮的回复')
    expect(JSON.parse((await processA.redis.get(sessionKey()))!)).toEqual({ n: 9, by: 'B' })
    expect(reports).toEqual([expect.stringContaining('租期已过')])
    expect(await a.withSession(KEY, async (s) => ({ result: s }))).toEqual({ n: 9, by: 'B' })
  })
})

describe('RedisSessionStore counts counters with the turn (a rate limit)', () => {
  const counterKey = (name: string) => `${prefix}rate:${name}`
  const refusal = new Error('太快了')
  /** Counters `names` with a limit: admit refuses once any count is above it. */
  const limitTo = (limit: number, ...names: string[]) => ({
    keys: names.map(counterKey),
    windowMs: 60_000,
    admit(counts: number[]) {
      if (counts.some((n) => n > limit)) throw refusal
    },
  })

  it('adds one to each counter in the turn\'s own round trip; a refused turn runs nothing, writes nothing and frees the turn at once', async () => {
    const a = storeOn(processA)
    expect(a.countsAlong).toBe(true)
    const write = (n: number) => async () => ({ result: n, write: { set: { n }, ttlSeconds: 60 } })
    expect(await a.withSession(KEY, write(1), { counters: limitTo(2, 'ip', 'resident') })).toBe(1)
    expect(await a.withSession(KEY, write(2), { counters: limitTo(2, 'ip', 'resident') })).toBe(2)
    let ran = false
    await expect(a.withSession(KEY, async () => ((ran = true), { result: 3 }), { counters: limitTo(2, 'ip', 'resident') })).rejects.toBe(refusal)
    expect(ran).toBe(false)
    expect(await processA.redis.get(counterKey('ip'))).toBe('3')
    expect(await processA.redis.pttl(counterKey('resident'))).toBeGreaterThan(50_000)
    // The next message goes at once (no lease to wait out) and finds the last session written.
    const startedAt = Date.now()
    expect(await a.withSession(KEY, async (s) => ({ result: s }))).toEqual({ n: 2 })
    expect(Date.now() - startedAt).toBeLessThan(LEASE_MS / 2)
  })

  it('refuses a message waiting behind another at once, and gives up its place in the queue', async () => {
    const a = storeOn(processA)
    const b = storeOn(processB)
    let releaseFirst!: () => void
    const first = a.withSession(KEY, () => new Promise<{ result: string }>((resolve) => (releaseFirst = () => resolve({ result: 'first' }))))
    await ticketsTaken(processA.redis, 1)
    await processA.redis.set(counterKey('resident'), 5)
    const refusedAt = Date.now()
    await expect(b.withSession(KEY, async () => ({ result: 'refused' }), { counters: limitTo(5, 'resident') })).rejects.toBe(refusal)
    expect(Date.now() - refusedAt).toBeLessThan(LEASE_MS / 2)
    const third = b.withSession(KEY, async () => ({ result: 'third' }))
    releaseFirst()
    expect(await first).toBe('first')
    // The refused message's place was skipped: the third goes as soon as the first is done, not after a lease.
    const afterFirst = Date.now()
    expect(await third).toBe('third')
    expect(Date.now() - afterFirst).toBeLessThan(LEASE_MS / 2)
  })
})

describe('RedisSessionStore reads peeked keys with the turn', () => {
  it('tells, in order, which keys exist as the turn is requested, alongside counters', async () => {
    const a = storeOn(processA)
    expect(a.peeksAlong).toBe(true)
    await processA.redis.zadd(`${prefix}ix:has`, 1, 'x')
    let seen: boolean[] | undefined
    const peeks = { keys: [`${prefix}ix:none`, `${prefix}ix:has`], seen: (exists: boolean[]) => (seen = exists) }
    const counters = { keys: [`${prefix}rate:r`], windowMs: 60_000, admit: () => {} }
    expect(await a.withSession(KEY, async () => ({ result: seen }), { peeks, counters })).toEqual([false, true])
    expect(await processA.redis.get(`${prefix}rate:r`)).toBe('1')
  })

  it('reads them once, when the turn is requested, for a message that has to wait its turn', async () => {
    const a = storeOn(processA)
    const b = storeOn(processB)
    let releaseFirst!: () => void
    const first = a.withSession(KEY, () => new Promise<{ result: string }>((resolve) => (releaseFirst = () => resolve({ result: 'first' }))))
    await ticketsTaken(processA.redis, 1)
    const calls: boolean[][] = []
    const second = b.withSession(KEY, async () => ({ result: calls.length }), {
      peeks: { keys: [`${prefix}ix:later`], seen: (exists) => calls.push(exists) },
    })
    await ticketsTaken(processA.redis, 2)
    // Created while the second message waits: it was asked about before, so it still counts as absent.
    await processA.redis.zadd(`${prefix}ix:later`, 1, 'x')
    releaseFirst()
    expect(await first).toBe('first')
    expect(await second).toBe(1)
    expect(calls).toEqual([[false]])
  })
})

describe('RedisSessionStore with a codec of its own (dialog sessions: history stored as diffs)', () => {
  it('hands another process the session as written, 返回 history included', async () => {
    const codec = { encode: encodeSession, decode: decodeSession }
    const a = new RedisSessionStore(processA.redis, { prefix, ...codec })
    const b = new RedisSessionStore(processB.redis, { prefix, ...codec })
    stores.push(a, b)
    const s = freshSession('welcome', 1_000)
    s.itemId = '371327-MZ-0038'
    for (const state of ['confirm', 'materials', 'checklist']) {
      s.history.push(snapshot(s))
      s.state = state
      s.ready[state] = true
    }
    await a.withSession(KEY, async () => ({ result: null, write: { set: s, ttlSeconds: 60 } }))
    expect(await b.withSession(KEY, async (read) => ({ result: read }))).toEqual(s)
    expect(await b.get(KEY)).toEqual(s)
    expect((await processB.redis.get(`${prefix}session:${KEY}`))!.length).toBeLessThan(JSON.stringify(s).length)
  })
})
