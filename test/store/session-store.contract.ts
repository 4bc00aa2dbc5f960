import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { withSession, type LockedTurn, type SessionStore } from '../../src/store/session-store.js'

/**
 * The SessionStore contract, run against every adapter. `makeStore` returns a new, empty store each call;
 * two stores from it must not see each other's sessions (for Redis: a different key prefix each).
 * The suite closes the stores it made.
 */
export function describeSessionStore(name: string, makeStore: () => Promise<SessionStore>): void {
  describe(`SessionStore contract: ${name}`, () => {
    const made: SessionStore[] = []
    async function fresh(): Promise<SessionStore> {
      const store = await makeStore()
      made.push(store)
      return store
    }
    afterEach(async () => {
      await Promise.all(made.splice(0).map((store) => store.close()))
    })

    describe('get / set / delete', () => {
      it('returns undefined for a resident it has never seen', async () => {
        const store = await fresh()
        expect(await store.get('wxid_never_seen')).toBeUndefined()
      })

      it('returns what was set, the latest set wins, and delete forgets it', async () => {
        const store = await fresh()
        await store.set('wxid_zhang', { step: '选择事项' }, 60)
        expect(await store.get('wxid_zhang')).toEqual({ step: '选择事项' })
        await store.set('wxid_zhang', { step: '确认材料' }, 60)
        expect(await store.get('wxid_zhang')).toEqual({ step: '确认材料' })
        await store.delete('wxid_zhang')
        expect(await store.get('wxid_zhang')).toBeUndefined()
        await expect(store.delete('wxid_zhang')).resolves.toBeUndefined()
      })

      it('round-trips nested JSON and hands out copies, not the stored object', async () => {
        const store = await fresh()
        const session = {
          item: '最低生活保障申请',
          answers: { 姓名: '张三', 户籍: '山东省某县', 家庭人口: 3, 残疾: false, 备注: null },
          materials: [
            { name: '居民身份证', copies: 1, original: true },
            { name: '户口簿', copies: 2, pages: ['户主页', '本人页'] },
          ],
          history: [[1, 2], [], [{ depth: { deeper: '深' } }]],
          score: 0.875,
        }
        await store.set('wxid_li', session, 60)
        session.answers.姓名 = '改过了'
        const first = await store.get('wxid_li')
        expect(first).toEqual({ ...session, answers: { ...session.answers, 姓名: '张三' } })
        ;(first as { score: number }).score = 0
        expect(await store.get('wxid_li')).toMatchObject({ score: 0.875 })
      })

      it('refuses a TTL that is not a positive number of seconds', async () => {
        const store = await fresh()
        for (const ttl of [0, -5, Number.NaN]) {
          await expect(store.set('wxid_ttl', { step: 'x' }, ttl)).rejects.toThrow(/有效期/)
        }
        expect(await store.get('wxid_ttl')).toBeUndefined()
      })
    })

    it('forgets a session once its TTL has passed, counting from the latest set', async () => {
      const store = await fresh()
      await store.set('wxid_idle', { step: '等待材料' }, 1)
      await store.set('wxid_active', { turn: 1 }, 1)
      expect(await store.get('wxid_idle')).toEqual({ step: '等待材料' })
      await sleep(600)
      await store.set('wxid_active', { turn: 2 }, 1)
      await sleep(600)
      expect(await store.get('wxid_idle')).toBeUndefined()
      expect(await store.get('wxid_active')).toEqual({ turn: 2 })
    })

    it('keeps the sessions of two stores apart', async () => {
      const a = await fresh()
      const b = await fresh()
      await a.set('wxid_same', { owner: 'a' }, 60)
      expect(await b.get('wxid_same')).toBeUndefined()
      await b.set('wxid_same', { owner: 'b' }, 60)
      await b.delete('wxid_same')
      expect(await a.get('wxid_same')).toEqual({ owner: 'a' })
    })

    describe('withLock(key, fn)', () => {
      it('runs 20 concurrent callers one at a time, in the order they called', async () => {
        const store = await fresh()
        let active = 0
        let maxActive = 0
        const order: number[] = []
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            store.withLock('wxid_busy', async () => {
              active++
              maxActive = Math.max(maxActive, active)
              order.push(i)
              await sleep(i % 3)
              active--
              return `回复 ${i}`
            }),
          ),
        )
        expect(maxActive).toBe(1)
        expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i))
        expect(results).toEqual(Array.from({ length: 20 }, (_, i) => `回复 ${i}`))
      })

      it('makes read-modify-write of a session safe', async () => {
        const store = await fresh()
        await store.set('wxid_count', { messages: 0 }, 60)
        await Promise.all(
          Array.from({ length: 20 }, () =>
            store.withLock('wxid_count', async () => {
              const session = (await store.get('wxid_count')) as { messages: number }
              await sleep(1)
              await store.set('wxid_count', { messages: session.messages + 1 }, 60)
            }),
          ),
        )
        expect(await store.get('wxid_count')).toEqual({ messages: 20 })
      })

      it('releases the lock when fn throws, passing the error on', async () => {
        const store = await fresh()
        const failing = store.withLock('wxid_fail', async () => {
          await sleep(5)
          throw new Error('办理失败')
        })
        const next = store.withLock('wxid_fail', async () => '下一条消息照常处理')
        await expect(failing).rejects.toThrow('办理失败')
        expect(await next).toBe('下一条消息照常处理')
        expect(await store.withLock('wxid_fail', async () => 'again')).toBe('again')
      })

      it('does not make different keys wait for each other, also when nested', async () => {
        const store = await fresh()
        expect(await store.withLock('wxid_a', () => store.withLock('wxid_b', async () => 'inner'))).toBe('inner')

        let releaseA!: () => void
        const holdingA = store.withLock('wxid_a', () => new Promise<void>((resolve) => (releaseA = resolve)))
        expect(await store.withLock('wxid_b', async () => 'b while a is held')).toBe('b while a is held')
        releaseA()
        await holdingA
      })
    })

    describe('withSession(key, fn): the lock with the session read as the turn begins and written as it ends', () => {
      type Turn = (session: unknown) => Promise<LockedTurn<unknown, string>>
      async function turn(store: SessionStore, key: string, fn: Turn): Promise<string> {
        expect(store.withSession).toBeTypeOf('function')
        return store.withSession!(key, fn)
      }

      it('hands fn the stored session, then sets, keeps or deletes it as fn says', async () => {
        const store = await fresh()
        expect(await turn(store, 'wxid_turn', async (s) => ({ result: `first ${String(s)}` }))).toBe('first undefined')
        expect(await store.get('wxid_turn')).toBeUndefined()

        await turn(store, 'wxid_turn', async () => ({ result: 'set', write: { set: { step: '选择事项' }, ttlSeconds: 60 } }))
        expect(await store.get('wxid_turn')).toEqual({ step: '选择事项' })

        let seen: unknown
        await turn(store, 'wxid_turn', async (s) => {
          seen = s
          return { result: 'keep' }
        })
        expect(seen).toEqual({ step: '选择事项' })
        expect(await store.get('wxid_turn')).toEqual({ step: '选择事项' })

        await turn(store, 'wxid_turn', async () => ({ result: 'delete', write: { delete: true } }))
        expect(await store.get('wxid_turn')).toBeUndefined()
      })

      it('gives the written session its TTL', async () => {
        const store = await fresh()
        await turn(store, 'wxid_short', async () => ({ result: '', write: { set: { step: '等待材料' }, ttlSeconds: 0.3 } }))
        expect(await store.get('wxid_short')).toEqual({ step: '等待材料' })
        await sleep(500)
        expect(await store.get('wxid_short')).toBeUndefined()
      })

      it('runs 20 concurrent read-modify-write turns in call order, each seeing the previous write', async () => {
        const store = await fresh()
        const seen: number[] = []
        await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            turn(store, 'wxid_rmw', async (s) => {
              const count = (s as { messages: number } | undefined)?.messages ?? 0
              seen.push(count)
              await sleep(i % 3)
              return { result: '', write: { set: { messages: count + 1, last: i }, ttlSeconds: 60 } }
            }),
          ),
        )
        expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i))
        expect(await store.get('wxid_rmw')).toEqual({ messages: 20, last: 19 })
      })

      it('writes nothing and releases the lock when fn throws, or when the TTL is not valid', async () => {
        const store = await fresh()
        await store.set('wxid_throw', { step: '原样' }, 60)
        await expect(
          turn(store, 'wxid_throw', async () => {
            throw new Error('办理失败')
          }),
        ).rejects.toThrow('办理失败')
        await expect(
          turn(store, 'wxid_throw', async () => ({ result: '', write: { set: { step: '改了' }, ttlSeconds: 0 } })),
        ).rejects.toThrow(/有效期/)
        expect(await store.get('wxid_throw')).toEqual({ step: '原样' })
        expect(await store.withLock('wxid_throw', async () => '下一条消息照常处理')).toBe('下一条消息照常处理')
      })

      it('queues with withLock callers on the same key, in call order', async () => {
        const store = await fresh()
        const order: string[] = []
        await Promise.all([
          store.withLock('wxid_mixed', async () => {
            await sleep(5)
            order.push('lock 1')
          }),
          turn(store, 'wxid_mixed', async () => {
            order.push('session 2')
            return { result: '', write: { set: { n: 2 }, ttlSeconds: 60 } }
          }),
          store.withLock('wxid_mixed', async () => {
            order.push(`lock 3 sees ${JSON.stringify(await store.get('wxid_mixed'))}`)
          }),
        ])
        expect(order).toEqual(['lock 1', 'session 2', 'lock 3 sees {"n":2}'])
      })
    })

    describe('withSession(store, key, fn) on a store without the method', () => {
      it('falls back to withLock, get, set and delete', async () => {
        const store = await fresh()
        const plain: SessionStore = {
          get: (k) => store.get(k),
          set: (k, v, ttl) => store.set(k, v, ttl),
          delete: (k) => store.delete(k),
          withLock: (k, fn) => store.withLock(k, fn),
          close: async () => undefined,
        }
        await store.set('wxid_plain', { n: 1 }, 60)
        const result = await withSession(plain, 'wxid_plain', async (s) => ({
          result: JSON.stringify(s),
          write: { set: { n: 2 }, ttlSeconds: 60 },
        }))
        expect(result).toBe('{"n":1}')
        expect(await store.get('wxid_plain')).toEqual({ n: 2 })
        await withSession(plain, 'wxid_plain', async () => ({ result: '', write: { delete: true } }))
        expect(await store.get('wxid_plain')).toBeUndefined()
      })
    })
  })
}
