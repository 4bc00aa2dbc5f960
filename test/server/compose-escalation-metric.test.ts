import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createLogger } from '../../src/server/logging.js'
import { serveCatalogCopy, type CopiedCatalogServer } from './catalog-copy.js'

describe('composeServer(config): a 督办 fired by the background worker shows in /metrics', () => {
  let server: CopiedCatalogServer

  beforeAll(async () => {
    // An unclaimed ticket goes up a tier after about a second instead of a day.
    server = await serveCatalogCopy({}, createLogger({ level: 'silent' }), async (dir) => {
      const network = await readFile(join(dir, 'network.yaml'), 'utf8')
      await writeFile(join(dir, 'network.yaml'), network.replace(/领办时限小时: 24/, '领办时限小时: 0.0003'))
    })
  }, 30_000)

  afterAll(() => server?.close())

  it('counts the escalation of a ticket nobody claimed', async () => {
    const { served } = server
    const escalations = async () => (await served.send('GET', '/metrics')).text.match(/daiban_escalations_total\{kind="unclaimed"\} (\d+)/)?.[1]
    expect(await escalations()).toBe('0')
    // question, confirm, list all, 申请代办, name, phone, town, village, not special, 领办, pick-up, submit
    const script = ['怎么申请低保', '1', '全部列出', '3', '张三', '13812345678', '1', '1', '2', '1', '1', '1']
    let replies: string[] = []
    for (const text of script) replies = (await served.chat({ userId: 'r-escalate', text })).json.replies
    expect(replies.join('\n')).toMatch(/工单号 DB\d{10}/)
    await vi.waitFor(async () => expect(Number(await escalations())).toBeGreaterThanOrEqual(1), { timeout: 10_000, interval: 200 })
  })
})
