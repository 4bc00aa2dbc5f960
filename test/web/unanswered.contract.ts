import { afterEach, describe, expect, it } from 'vitest'
import type { UnansweredLog } from '../../src/console/unanswered.js'

const T0 = Date.UTC(2026, 10, 23, 1, 0, 0)
const dibao = { id: 'zui-di-sheng-huo-bao-zhang', name: '最低生活保障申请', score: 0.41 }
const tekun = { id: 'te-kun-ren-yuan-jiu-zhu-gong-yang', name: '特困人员救助供养', score: 0.32 }

/**
 * The UnansweredLog contract, run against every adapter. `make(max)` returns a new, empty log keeping at most
 * `max` distinct questions; logs from separate calls must not see each other's questions.
 */
export function describeUnansweredLog(name: string, make: (maxQuestions: number) => Promise<{ log: UnansweredLog; close(): Promise<void> }>): void {
  describe(`UnansweredLog contract: ${name}`, () => {
    const closers: (() => Promise<void>)[] = []
    async function fresh(max = 100): Promise<UnansweredLog> {
      const made = await make(max)
      closers.push(made.close)
      return made.log
    }
    afterEach(async () => {
      await Promise.all(closers.splice(0).map((close) => close()))
    })

    it('starts empty', async () => {
      expect(await (await fresh()).top(10)).toEqual([])
    })

    it('counts a question each time it is asked, keeps first and last time and the latest candidates', async () => {
      const log = await fresh()
      await log.record('五保户怎么申请', [dibao], T0)
      await log.record('五保户怎么申请', [tekun, dibao], T0 + 60_000)
      expect(await log.top(10)).toEqual([
        { text: '五保户怎么申请', count: 2, firstSeen: T0, lastSeen: T0 + 60_000, candidates: [tekun, dibao] },
      ])
    })

    it('puts the most frequent first, then the most recently asked', async () => {
      const log = await fresh()
      await log.record('网吧执照', [], T0)
      await log.record('开饭店要办什么证', [], T0 + 1)
      await log.record('开饭店要办什么证', [], T0 + 2)
      await log.record('新农合报销', [], T0 + 3)
      await log.record('开饭店要办什么证', [], T0 + 4)
      await log.record('新农合报销', [], T0 + 5)
      await log.record('准生证', [], T0 + 6)
      const top = await log.top(10)
      expect(top.map((e) => [e.text, e.count])).toEqual([
        ['开饭店要办什么证', 3],
        ['新农合报销', 2],
        ['准生证', 1],
        ['网吧执照', 1],
      ])
      expect((await log.top(2)).map((e) => e.text)).toEqual(['开饭店要办什么证', '新农合报销'])
      expect(await log.top(0)).toEqual([])
    })

    it('counts one question typed with different spacing or full-width letters once', async () => {
      const log = await fresh()
      await log.record('  低保   ＡＢＣ ', [], T0)
      await log.record('低保 ABC', [], T0 + 1)
      expect((await log.top(5)).map((e) => [e.text, e.count])).toEqual([['低保 ABC', 2]])
    })

    it('counts one question in traditional characters or with other end punctuation once', async () => {
      const log = await fresh()
      for (const [i, asked] of ['二手车过户怎么办', '二手车过户怎么办？', '二手车过户怎么办。', '二手車過戶怎麼辦', '  二手车过户怎么办!! '].entries()) {
        await log.record(asked, [], T0 + i)
      }
      expect((await log.top(5)).map((e) => [e.text, e.count])).toEqual([['二手车过户怎么办', 5]])
    })

    it('masks phone and ID numbers before keeping a question', async () => {
      const log = await fresh()
      await log.record('我电话13812345678身份证370102199001011234', [], T0)
      const [entry] = await log.top(1)
      expect(entry?.text).toBe('我电话138****5678身份证370***********1234')
    })

    it('ignores blank questions and cuts long ones to 200 characters', async () => {
      const log = await fresh()
      await log.record('   ', [], T0)
      await log.record('问'.repeat(500), [], T0)
      const top = await log.top(5)
      expect(top).toHaveLength(1)
      expect(top[0]?.text).toBe('问'.repeat(200))
    })

    it('keeps at most 5 candidates with only id, name and score', async () => {
      const log = await fresh()
      const many = Array.from({ length: 8 }, (_, i) => ({ id: `item-${i}`, name: `事项${i}`, score: 0.5 - i / 100, extra: 'x' }))
      await log.record('办个证', many, T0)
      const [entry] = await log.top(1)
      expect(entry?.candidates).toEqual(many.slice(0, 5).map(({ id, name, score }) => ({ id, name, score })))
    })

    it('dismiss forgets a question; asked again, it counts from one', async () => {
      const log = await fresh()
      await log.record('五保', [], T0)
      await log.record('五保', [], T0 + 1)
      await log.dismiss('五保')
      expect(await log.top(5)).toEqual([])
      await log.record('五保', [], T0 + 2)
      expect(await log.top(5)).toMatchObject([{ text: '五保', count: 1, firstSeen: T0 + 2 }])
      await expect(log.dismiss('从没问过')).resolves.toBeUndefined()
    })

    it('when full, drops the least asked and oldest question, never the one just asked nor a frequent one', async () => {
      const log = await fresh(3)
      await log.record('常问的', [], T0)
      await log.record('常问的', [], T0 + 1)
      await log.record('旧问题', [], T0 + 2)
      await log.record('较新问题', [], T0 + 3)
      await log.record('最新问题', [], T0 + 4)
      const texts = (await log.top(10)).map((e) => e.text)
      expect(texts).toEqual(['常问的', '最新问题', '较新问题'])
    })

    it('counts every asking when many arrive at once', async () => {
      const log = await fresh()
      await Promise.all(Array.from({ length: 50 }, (_, i) => log.record('同时问的', [dibao], T0 + i)))
      expect(await log.top(1)).toMatchObject([{ text: '同时问的', count: 50, firstSeen: T0, lastSeen: T0 + 49 }])
    })
  })
}
