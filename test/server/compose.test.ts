import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/load.js'
import { composeServer, StartError, type ComposedServer } from '../../src/server/compose.js'
import { createLogger } from '../../src/server/logging.js'
import { newTestRedis, testRedisUrl } from '../support/redis.js'
import { serve, type Served } from './http.js'

const logger = createLogger({ level: 'silent' })
const ADMIN_TOKEN = 'compose-test-admin-token'

function config(env: Record<string, string>) {
  const result = loadConfig(env)
  if (!result.ok) throw new Error(result.errors.join('\n'))
  return result.config
}

describe('composeServer(config) with Redis: the real catalogue, dialogs and stores behind POST /api/chat', () => {
  let test: Awaited<ReturnType<typeof newTestRedis>>
  let composed: ComposedServer
  let served: Served
  beforeAll(async () => {
    test = await newTestRedis()
    composed = await composeServer(config({ REDIS_URL: testRedisUrl(), REDIS_PREFIX: test.prefix, ADMIN_TOKEN }), logger)
    served = await serve(composed.app)
  }, 30_000)
  afterAll(async () => {
    await served?.close()
    await composed?.close()
    await test?.cleanup()
  })

  it('walks a resident from a question into the materials, keeping the session in Redis', async () => {
    const first = await served.chat({ userId: 'r1', text: '怎么申请低保' })
    expect(first.status).toBe(200)
    expect(first.json.replies.join('\n')).toContain('最低生活保障申请')

    const second = await served.chat({ userId: 'r1', text: '1' })
    expect(second.json.replies.join('\n')).toContain('是否已准备好')
    expect(await test.redis.exists(`${test.prefix}session:http:r1`)).toBe(1)
  })

  it('is ready, and counts the messages and match outcomes in /metrics', async () => {
    const ready = await served.send('GET', '/readyz')
    expect(ready.json).toEqual({ status: 'ready', checks: { redis: 'ok', catalog: 'ok' } })
    const metrics = (await served.send('GET', '/metrics')).text
    expect(metrics).toMatch(/daiban_messages_total\{channel="http"\} [1-9]/)
    expect(metrics).toMatch(/daiban_match_outcomes_total\{outcome="sure"\} [1-9]/)
    expect(metrics).toContain('daiban_process_resident_memory_bytes')
    for (const kind of ['unclaimed', 'overdue', 'follow_up_overdue']) expect(metrics).toContain(`daiban_escalations_total{kind="${kind}"} 0`)
  })

  it('serves the web chat on / and its API with a signed anonymous id', async () => {
    const home = await served.send('GET', '/')
    expect(home.status).toBe(200)
    expect(home.headers['content-type']).toMatch(/^text\/html/)

    const first = await served.send('POST', '/web/api/chat', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '怎么申请低保' }),
    })
    expect(first.status).toBe(200)
    expect(first.json.replies.join('\n')).toContain('最低生活保障申请')
    const cookie = String(first.headers['set-cookie'] ?? '').split(';')[0]!
    const second = await served.send('POST', '/web/api/chat', {
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ text: '1' }),
    })
    expect(second.json.replies.join('\n')).toContain('是否已准备好')
  })

  it('opens a proxy ticket at the end of the dialog, and counts it in /metrics', async () => {
    // question, confirm, list all, 申请代办, name, phone, town, village, not special, 领办, pick-up, submit
    const script = ['怎么申请低保', '1', '全部列出', '3', '张三', '13812345678', '1', '1', '2', '1', '1', '1']
    let replies: string[] = []
    for (const text of script) replies = (await served.chat({ userId: 'r-ticket', text })).json.replies
    expect(replies.join('\n')).toMatch(/工单号 DB\d{10}/)
    const metrics = (await served.send('GET', '/metrics')).text
    expect(metrics).toContain('daiban_tickets{status="待领办"} 1')
  })

  it('mounts the agents API and the residents outbox from the tickets part', async () => {
    const agent = await served.send('GET', '/api/agent/me')
    expect(agent.status).toBe(401)
    expect(agent.json.error.code).toBe('unauthorized')
    const outbox = await served.send('GET', '/api/chat/messages?userId=r1')
    expect(outbox.json).toEqual({ messages: [] })
    expect((await served.send('GET', '/api/chat/messages')).json.error.message).toBe('缺少 userId')
    // Refused by the API's token check, which is router-wide: labelled by its prefix, not a pattern.
    const metrics = (await served.send('GET', '/metrics')).text
    expect(metrics).toMatch(/daiban_http_request_duration_seconds_count\{method="GET",route="\/api\/agent",status="401"\} [1-9]/)
    expect(metrics).not.toContain('(?:')
  })
})

describe('composeServer(config): the console', () => {
  let test: Awaited<ReturnType<typeof newTestRedis>>
  let composed: ComposedServer
  let served: Served
  beforeAll(async () => {
    test = await newTestRedis()
    composed = await composeServer(config({ REDIS_URL: testRedisUrl(), REDIS_PREFIX: test.prefix, ADMIN_TOKEN }), logger)
    served = await serve(composed.app)
  }, 30_000)
  afterAll(async () => {
    composed?.prepareToStop()
    await served?.close()
    await composed?.close()
    await test?.cleanup()
  })

  it('serves the console, and shows admins what residents asked that matched nothing', async () => {
    expect((await served.send('GET', '/console')).status).toBe(200)
    expect((await served.send('GET', '/console/api/admin/unanswered')).status).toBe(401)

    await served.chat({ userId: 'r-weather', text: '明天天气怎么样' })
    const list = await served.send('GET', '/console/api/admin/unanswered', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    expect(list.status).toBe(200)
    expect(list.text).toContain('明天天气怎么样')
  })
})

describe('composeServer(config) refusing to start', () => {
  it('says why when Redis cannot be reached', async () => {
    const err = await composeServer(config({ REDIS_URL: 'redis://127.0.0.1:1' }), logger).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(StartError)
    expect((err as Error).message).toContain('无法连接 Redis')
  }, 15_000)

  it('lists the catalogue errors when the catalogue is invalid', async () => {
    const err = await composeServer(config({ CATALOG_DIR: 'test/server' }), logger).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(StartError)
    expect((err as Error).message).toMatch(/有 \d+ 处错误，无法启动/)
    expect((err as Error).message).toContain('service-points.yaml')
  })
})
