import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import type { SessionStore } from '../../src/store/session-store.js'

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
  })
}
