import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Koa from 'koa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAgentRouter } from '../../src/tickets/http.js'
import { buildNetwork, hashAgentToken } from '../../src/tickets/network-file.js'
import { openTicket, type TicketEnv } from '../../src/tickets/service.js'
import { createMemoryTicketBackend } from '../../src/tickets/store/memory-tickets.js'
import { DEFAULT_RETRY, type TicketBackend } from '../../src/tickets/ports.js'
import { AGENTS, makeEnv, MONDAY_9AM, NETWORK, POINTS, request } from './fixtures.js'
import { createLogNotifier } from '../../src/tickets/notifiers/hub.js'
import { webhookPayload } from '../../src/tickets/notifiers/webhook.js'
import { maskNotificationText } from '../../src/tickets/mask.js'
import { drainQueue } from './backends.js'

const TOKENS: Record<string, string> = { 'a-v1': 'tok-village', 'a-town-1': 'tok-town', 's-town': 'tok-sup', 's-county': 'tok-county-sup' }

describe('createAgentRouter(deps): the agents’ HTTP API', () => {
  let server: Server
  let base: string
  let env: TicketEnv
  let backend: TicketBackend
  let id: string

  beforeAll(async () => {
    backend = createMemoryTicketBackend({ retry: { ...DEFAULT_RETRY, maxAttempts: 1 } })
    const agents = AGENTS.map((a) => (TOKENS[a.id] ? { ...a, tokenHash: hashAgentToken(TOKENS[a.id]!) } : a))
    env = makeEnv(backend.tickets, { network: buildNetwork(POINTS, agents, NETWORK.settings) })
    const opened = await openTicket(env, request(), MONDAY_9AM)
    if (!opened.ok) throw new Error(opened.message)
    id = opened.ticket.id
    const app = new Koa()
    const router = createAgentRouter({ env, queue: backend.queue, now: () => MONDAY_9AM + 3_600_000 })
    app.use(router.routes()).use(router.allowedMethods())
    server = app.listen(0, '127.0.0.1')
    await new Promise((r) => server.once('listening', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/agent`
  })
  afterAll(() => new Promise((r) => server.close(r)))

  const call = async (path: string, token?: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(token && { authorization: `Bearer ${token}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    })
    return { status: res.status, body: (await res.json()) as Record<string, any> }
  }

  it('refuses requests without a valid agent token', async () => {
    expect(await call('/tickets')).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } })
    expect(await call('/tickets', 'wrong')).toMatchObject({ status: 401 })
  })

  it('lists the agent’s queue with the resident masked', async () => {
    const { status, body } = await call('/tickets', 'tok-village')
    expect(status).toBe(200)
    expect(body.waiting.map((t: { id: string }) => t.id)).toEqual([id])
    expect(body.waiting[0].resident).toEqual({ name: '张*', phone: '138****5678', channel: 'http' })
  })

  it('claims; the claimer then sees the full phone; a second claim gets 409 naming the winner', async () => {
    const claimed = await call(`/tickets/${id}/actions`, 'tok-village', { action: 'claim' })
    expect(claimed.status).toBe(200)
    expect(claimed.body.ticket).toMatchObject({ status: '已领办', resident: { name: '张三丰', phone: '13812345678' } })
    const second = await call(`/tickets/${id}/actions`, 'tok-sup', { action: 'claim' })
    expect(second.status).toBe(409)
    expect(second.body.error.code).toBe('claimed')
    expect(second.body.error.message).toContain('已被代办员 村代办')
    const seen = await call(`/tickets/${id}`, 'tok-sup')
    expect(seen.body.ticket.resident.phone).toBe('138****5678')
  })

  it('validates bodies and maps refusals to status codes', async () => {
    expect(await call(`/tickets/${id}/actions`, 'tok-village', { action: 'fly' })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_body' } },
    })
    expect(await call(`/tickets/${id}/actions`, 'tok-village', { action: 'done', extra: 1 })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_body', message: '不认识的字段：extra（只能有 action 和 text）' } },
    })
    expect(await call(`/tickets/${id}/actions`, 'tok-village', [1])).toMatchObject({
      status: 400,
      body: { error: { message: '请求内容应为 JSON 对象，例如 {"action": "claim"}' } },
    })
    expect(await call(`/tickets/${id}/actions`, 'tok-village', '{oops')).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } })
    expect(await call(`/tickets/${id}/actions`, 'tok-village', { action: 'done' })).toMatchObject({ status: 409, body: { error: { code: 'bad_status' } } })
    expect(await call(`/tickets/${id}/actions`, 'tok-town', { action: 'start' })).toMatchObject({ status: 403 })
    expect(await call('/tickets/DB2611239999', 'tok-village')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } })
    expect(await call('/tickets/nope', 'tok-village')).toMatchObject({ status: 400, body: { error: { code: 'invalid_id' } } })
  })

  it('gives stats and dead letters to supervisors only', async () => {
    expect(await call('/stats', 'tok-village')).toMatchObject({ status: 403 })
    const stats = await call('/stats', 'tok-sup')
    expect(stats.body.stats).toMatchObject({ total: 1, byStatus: { 已领办: 1 }, byTier: { 村: 1 } })
    const [d] = await backend.queue.take(MONDAY_9AM, 1)
    await backend.queue.fail(d!, 'HTTP 500', MONDAY_9AM)
    const dead = await call('/dead-letters', 'tok-sup')
    expect(dead.status).toBe(200)
    expect(dead.body.deadLetters).toEqual([
      expect.objectContaining({ ticketId: id, event: 'open', to: 'agent:a-v1', attempts: 1, error: 'HTTP 500' }),
    ])
    expect(dead.body.deadLetters[0].text).toContain('138****5678')
  })

  it('lists a 差评 awaiting its 回访 to the supervisor, with the resident in full (they are to call); 回访 clears it', async () => {
    const other = await openTicket(env, request({ name: '李秀兰', phone: '13912340000' }), MONDAY_9AM)
    if (!other.ok) throw new Error(other.message)
    const t = other.ticket.id
    for (const action of ['claim', 'start', 'done']) expect((await call(`/tickets/${t}/actions`, 'tok-village', { action })).status).toBe(200)
    const { act } = await import('../../src/tickets/service.js')
    const rated = await act(env, t, { name: 'rate', score: 1 }, { kind: 'resident', resident: request().resident }, MONDAY_9AM + 7_200_000)
    expect(rated.ok).toBe(true)
    // The supervisors' notice names the resident in full (they are to call), but a log line or a webhook's group
    // chat shows 李*: only the notice itself carries the name.
    const notices = (await drainQueue(backend, MONDAY_9AM + 7_200_000)).filter((n) => n.text.includes('差评回访'))
    expect(notices.length).toBeGreaterThan(0)
    for (const n of notices) {
      expect(n.text).toContain('居民：李秀兰')
      const lines: string[] = []
      await createLogNotifier((l) => lines.push(l)).send(n)
      expect(lines.join('')).toContain('居民：李*，电话 139****0000')
      expect(JSON.stringify(webhookPayload(n, 'wecom'))).not.toContain('李秀兰')
    }
    // A landline given as the phone, and the name repeated in a comment, are masked too.
    const landline = { ...notices[0]!, text: '居民：李秀兰，电话 0539-7211000，意见：我叫李秀兰', names: ['李秀兰'], phones: ['0539-7211000'] }
    expect(maskNotificationText(landline)).toBe('居民：李*，电话 *******1000，意见：我叫李*')
    const queue = await call('/tickets', 'tok-sup')
    expect(queue.body.followUps.map((x: { id: string }) => x.id)).toEqual([t])
    expect(queue.body.followUps[0].resident).toMatchObject({ name: '李秀兰', phone: '13912340000' })
    expect((await call(`/tickets/${t}`, 'tok-sup')).body.ticket.resident.phone).toBe('13912340000')
    // Not for a village agent; a supervisor higher up (not told of this 回访) sees it masked, as before.
    expect((await call('/tickets', 'tok-village')).body.followUps).toEqual([])
    expect((await call('/tickets', 'tok-county-sup')).body.followUps).toEqual([])
    expect((await call(`/tickets/${t}`, 'tok-county-sup')).body.ticket.resident.phone).toBe('139****0000')
    expect((await call(`/tickets/${t}/actions`, 'tok-sup', { action: 'followUp', text: '已电话道歉' })).status).toBe(200)
    expect((await call('/tickets', 'tok-sup')).body.followUps).toEqual([])
    expect((await call(`/tickets/${t}`, 'tok-sup')).body.ticket.resident.phone).toBe('139****0000')
  })
})
