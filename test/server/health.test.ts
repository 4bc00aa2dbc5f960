import { afterEach, describe, expect, it } from 'vitest'
import { redisReadiness } from '../../src/server/health-routes.js'
import { newTestRedis } from '../support/redis.js'
import { testApp } from './app-fixture.js'
import { serve, type Served } from './http.js'

let served: Served | undefined
let cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  await served?.close()
  served = undefined
  for (const c of cleanups) await c()
  cleanups = []
})

describe('GET /healthz', () => {
  it('answers 200 while the process is up, whatever its dependencies say', async () => {
    served = await serve(testApp({ readiness: [{ name: 'catalog', check: async () => '目录里没有事项' }] }).app)
    const reply = await served.send('GET', '/healthz')
    expect(reply.status).toBe(200)
    expect(reply.json).toEqual({ status: 'ok' })
  })
})

describe('GET /readyz', () => {
  it('answers 200 when Redis answers and the catalogue is loaded', async () => {
    const { redis, cleanup } = await newTestRedis()
    cleanups.push(cleanup)
    served = await serve(testApp({ readiness: [redisReadiness(redis), { name: 'catalog', check: async () => undefined }] }).app)
    const reply = await served.send('GET', '/readyz')
    expect(reply.status).toBe(200)
    expect(reply.json).toEqual({ status: 'ready', checks: { redis: 'ok', catalog: 'ok' } })
  })

  it('answers 503 with the reasons when Redis is gone', async () => {
    const { redis, cleanup } = await newTestRedis()
    cleanups.push(cleanup)
    const own = redis.duplicate()
    await own.ping()
    served = await serve(testApp({ readiness: [redisReadiness(own), { name: 'catalog', check: async () => undefined }] }).app)
    expect((await served.send('GET', '/readyz')).status).toBe(200)
    own.disconnect()
    const reply = await served.send('GET', '/readyz')
    expect(reply.status).toBe(503)
    expect(reply.json.error.code).toBe('not_ready')
    expect(reply.json.error.message).toMatch(/^服务尚未就绪：Redis (未连接|无法访问)/)
    expect(reply.json.checks).toEqual({ redis: expect.stringMatching(/^Redis (未连接|无法访问)/), catalog: 'ok' })
  })

  it('counts a check that hangs as not ready instead of hanging the probe', async () => {
    served = await serve(testApp({ readiness: [{ name: 'slow', check: () => new Promise(() => {}) }] }).app)
    const reply = await served.send('GET', '/readyz')
    expect(reply.status).toBe(503)
    expect(reply.json.checks.slow).toContain('超时')
  })
})

describe('GET /metrics', () => {
  it('shows messages by channel, match outcomes, tickets by status, escalations and request latency', async () => {
    const t = testApp()
    t.metrics.matchOutcome('sure')
    t.metrics.matchOutcome('none')
    t.metrics.escalation('unclaimed')
    t.metrics.setTicketCounts(async () => ({ 待领办: 3, 已办结: 5 }))
    served = await serve(t.app)
    await served.chat({ userId: 'u', text: '低保' })
    await served.chat({ userId: 'u', text: '1' })

    const reply = await served.send('GET', '/metrics')
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toMatch(/^text\/plain/)
    const text = reply.text
    expect(text).toContain('daiban_messages_total{channel="http"} 2')
    expect(text).toContain('daiban_match_outcomes_total{outcome="sure"} 1')
    expect(text).toContain('daiban_match_outcomes_total{outcome="choose"} 0')
    expect(text).toContain('daiban_match_outcomes_total{outcome="none"} 1')
    expect(text).toContain('daiban_tickets{status="待领办"} 3')
    expect(text).toContain('daiban_tickets{status="已办结"} 5')
    expect(text).toContain('daiban_escalations_total{kind="unclaimed"} 1')
    expect(text).toMatch(/daiban_http_request_duration_seconds_count\{method="POST",route="\/api\/chat",status="200"\} 2/)
  })
})
