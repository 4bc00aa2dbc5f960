import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IncomingMessage } from '../../src/conversation/types.js'
import { createUnmatchedRecorder } from '../../src/console/unanswered.js'
import { MemoryUnansweredLog } from '../../src/console/unanswered-memory.js'
import { RedisUnansweredLog } from '../../src/console/unanswered-redis.js'
import { newTestRedis } from '../support/redis.js'
import { describeUnansweredLog } from './unanswered.contract.js'

describeUnansweredLog('memory', async (max) => ({ log: new MemoryUnansweredLog(max), close: async () => {} }))

let redis: Awaited<ReturnType<typeof newTestRedis>> | undefined
let logs = 0
beforeAll(async () => {
  redis = await newTestRedis()
})
afterAll(async () => {
  await redis?.cleanup()
})

describeUnansweredLog('redis', async (max) => {
  if (!redis) throw new Error('测试 Redis 未就绪')
  return { log: new RedisUnansweredLog(redis.redis, { prefix: `${redis.prefix}${logs++}:`, maxQuestions: max }), close: async () => {} }
})

describe('createUnmatchedRecorder(log)', () => {
  const message: IncomingMessage = {
    resident: { channel: 'web', userId: 'w1' },
    content: { kind: 'text', text: '网吧怎么办' },
    now: 1_700_000_000_000,
  }

  it('records an unmatched effect and adds no reply', async () => {
    const log = new MemoryUnansweredLog()
    const run = createUnmatchedRecorder(log)
    const candidates = [{ id: 'hu-lian-wang-shang-wang-fu-wu-xu-ke', name: '互联网上网服务营业场所许可', score: 0.3 }]
    expect(await run({ type: 'unmatched', text: '网吧怎么办', candidates }, message)).toEqual([])
    expect(await log.top(1)).toEqual([{ text: '网吧怎么办', count: 1, firstSeen: message.now, lastSeen: message.now, candidates }])
  })

  it('leaves out what could never be a phrasing (啊啊啊啊啊, 喂, emoji), but keeps a short question (网吧)', async () => {
    const log = new MemoryUnansweredLog()
    const run = createUnmatchedRecorder(log)
    for (const text of ['啊啊啊啊啊', '喂', '嗯嗯', '😀😀', '???', '網吧']) await run({ type: 'unmatched', text, candidates: [] }, message)
    expect((await log.top(10)).map((q) => q.text)).toEqual(['网吧'])
  })

  it('leaves other effects alone', async () => {
    const log = new MemoryUnansweredLog()
    const run = createUnmatchedRecorder(log)
    expect(await run({ type: 'handoff', reason: '人工' }, message)).toEqual([])
    expect(await log.top(1)).toEqual([])
  })

  it("logs a failed write instead of failing the resident's turn", async () => {
    const warnings: string[] = []
    const broken = { record: async () => Promise.reject(new Error('down')), top: async () => [], dismiss: async () => {} }
    const run = createUnmatchedRecorder(broken, { warn: (_obj, msg) => warnings.push(msg) })
    expect(await run({ type: 'unmatched', text: '网吧', candidates: [] }, message)).toEqual([])
    expect(warnings).toEqual(['记录未匹配的问题失败'])
  })
})
