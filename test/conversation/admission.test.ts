/**
 * What the service starts alongside the resident's turn (so that a message waits for Redis twice, not four
 * times): the caller's admission check (the rate limit) and the interceptors' reads. A refused message must
 * change nothing; an early read must be used by its own message only.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Interceptor, TextMessage } from '../../src/conversation/types.js'
import { RedisSessionStore } from '../../src/store/redis-session-store.js'
import { newTestRedis } from '../support/redis.js'
import { newChat, T0 } from './support.js'

let cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.reverse()) await c()
  cleanups = []
})

async function redisSessions() {
  const { redis, prefix, cleanup } = await newTestRedis()
  const sessions = new RedisSessionStore(redis, { prefix })
  cleanups.push(async () => {
    await sessions.close()
    await cleanup()
  })
  return sessions
}

const text = (t: string, now = T0): TextMessage => ({ resident: { channel: 'http', userId: 'r1' }, content: { kind: 'text', text: t }, now })

describe('admission checked alongside the turn', () => {
  it('handles an admitted message; a refused one fails with the refusal and leaves the session as it was', async () => {
    const sessions = await redisSessions()
    const chat = await newChat({ sessions })
    const first = await chat.service.handle(text('怎么申请低保'), { admitted: Promise.resolve() })
    expect(first.replies.join('\n')).toContain('最低生活保障')
    const before = await sessions.get('http:r1')

    const refusal = new Error('消息发得太快了')
    await expect(chat.service.handle(text('1', T0 + 1000), { admitted: Promise.reject(refusal) })).rejects.toBe(refusal)
    expect(await sessions.get('http:r1')).toEqual(before)

    // The turn was released (not left to run out its lease): the next message goes ahead at once.
    const started = Date.now()
    const next = await chat.service.handle(text('1', T0 + 2000))
    expect(next.replies.join('\n')).toContain('是否已准备好')
    expect(Date.now() - started).toBeLessThan(1_000)
  })

  it('a refused message leaves the queue at once instead of waiting behind the resident’s earlier ones', async () => {
    const sessions = await redisSessions()
    const chat = await newChat({ sessions })
    let releaseEarlier!: () => void
    const earlier = sessions.withLock('http:r1', () => new Promise<void>((resolve) => (releaseEarlier = resolve)))
    await new Promise((resolve) => setTimeout(resolve, 50))
    const refusal = new Error('消息发得太快了')
    const started = Date.now()
    await expect(
      chat.service.handle(text('1'), { admitted: new Promise((_, reject) => setTimeout(() => reject(refusal), 20)) }),
    ).rejects.toBe(refusal)
    expect(Date.now() - started).toBeLessThan(1_000)
    releaseEarlier()
    await earlier
    // Its place was given up: the next message does not wait for it.
    const again = Date.now()
    await chat.service.handle(text('怎么申请低保'))
    expect(Date.now() - again).toBeLessThan(1_000)
  })

  it('does not leave a refusal unhandled when the turn itself fails first', async () => {
    const sessions = await redisSessions()
    const chat = await newChat({ sessions })
    await sessions.close()
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      await expect(chat.service.handle(text('低保'), { admitted: Promise.reject(new Error('refused')) })).rejects.toThrow()
      await new Promise((resolve) => setTimeout(resolve, 20))
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
    expect(unhandled).toEqual([])
  })
})

describe('interceptor prefetch', () => {
  it('is started before the turn and its read is used by the same message', async () => {
    const order: string[] = []
    const reads = new WeakMap<TextMessage, Promise<string>>()
    const found: boolean[] = []
    const intercept: Interceptor = async (message) => {
      order.push('intercept')
      const early = reads.get(message)
      found.push(early !== undefined)
      return (await early) === 'stop' ? ['拦下了'] : undefined
    }
    intercept.prefetch = (message) => {
      order.push('prefetch')
      reads.set(message, Promise.resolve(message.content.text === '停' ? 'stop' : 'go'))
    }
    const chat = await newChat({ interceptors: [intercept] })
    expect(await chat.service.handle(text('停'))).toEqual({ replies: ['拦下了'] })
    expect((await chat.service.handle(text('怎么申请低保'))).replies.join('\n')).toContain('最低生活保障')
    expect(order).toEqual(['prefetch', 'intercept', 'prefetch', 'intercept'])
    expect(found).toEqual([true, true])
  })

  it('with a store that reads along, asks it whether keys exist in the turn\'s own round trip', async () => {
    const sessions = await redisSessions()
    const answers: boolean[] = []
    const intercept: Interceptor = async (message) => {
      answers.push(await reads.get(message)!)
      return undefined
    }
    const reads = new WeakMap<TextMessage, Promise<boolean>>()
    intercept.prefetch = (message, along) => {
      expect(along).toBeDefined()
      reads.set(message, along!.exists('a-key-nobody-wrote'))
    }
    const chat = await newChat({ sessions, interceptors: [intercept] })
    expect((await chat.service.handle(text('怎么申请低保'))).replies.join('\n')).toContain('最低生活保障')
    expect(answers).toEqual([false])
  })

  it('a turn that fails before the store read the keys rejects the reads (nobody waits on them)', async () => {
    const sessions = await redisSessions()
    let read: Promise<boolean> | undefined
    const intercept: Interceptor = async () => undefined
    intercept.prefetch = (_message, along) => {
      read = along!.exists('some-key')
      read.catch(() => {})
    }
    const chat = await newChat({ sessions, interceptors: [intercept] })
    await sessions.close()
    await expect(chat.service.handle(text('怎么申请低保'))).rejects.toThrow()
    await expect(read).rejects.toBeDefined()
  })

  it('a prefetch that throws is logged and the message still gets its answer', async () => {
    const intercept: Interceptor = async () => undefined
    intercept.prefetch = () => {
      throw new Error('boom')
    }
    const chat = await newChat({ interceptors: [intercept] })
    expect((await chat.service.handle(text('怎么申请低保'))).replies.join('\n')).toContain('最低生活保障')
  })
})
