import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Koa from 'koa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCatalogReloader, type CatalogReloader } from '../../src/catalog/reloader.js'
import { createConsoleRouter } from '../../src/console/router.js'
import { RedisUnansweredLog } from '../../src/console/unanswered-redis.js'
import { errorMiddleware } from '../../src/server/errors.js'
import { createLogger } from '../../src/server/logging.js'
import { agentAct } from '../../src/tickets/agent-actions.js'
import { WEEKENDS_ONLY } from '../../src/tickets/calendar.js'
import { buildNetwork, hashAgentToken } from '../../src/tickets/network-file.js'
import { openTicket, type TicketEnv } from '../../src/tickets/service.js'
import { createRedisTicketBackend } from '../../src/tickets/store/redis-backend.js'
import type { Agent } from '../../src/tickets/types.js'
import { DIBAO, edit, lineOf, writeCatalog } from '../catalog/fixtures.js'
import { newTestRedis } from '../support/redis.js'

const ADMIN = 'console-test-admin-token-0123456789'
const AGENTS: Agent[] = [
  { id: 'v1', name: '赵村', wechat: 'wx-v1', phone: '13900000001', role: '代办员', pointId: 'village-a1', tokenHash: hashAgentToken('token-village') },
  { id: 't1', name: '钱镇', wechat: 'wx-t1', phone: '13900000002', role: '代办员', pointId: 'town-a', tokenHash: hashAgentToken('token-town') },
  { id: 's1', name: '孙督', wechat: 'wx-s1', phone: '13900000003', role: '督办', pointId: 'county' },
]

let redis: Awaited<ReturnType<typeof newTestRedis>>
let dir: string
let reloader: CatalogReloader
let env: TicketEnv
let unanswered: RedisUnansweredLog
let server: Server
let base: string
const shutdown = new AbortController()

beforeAll(async () => {
  redis = await newTestRedis()
  dir = await mkdtemp(join(tmpdir(), 'daiban-console-'))
  await writeCatalog(dir)
  reloader = await createCatalogReloader({ dir, intervalMs: 3_600_000 })
  const catalog = reloader.current()
  env = {
    store: createRedisTicketBackend(redis.redis, { prefix: redis.prefix }).tickets,
    network: buildNetwork(catalog.points, AGENTS),
    calendar: WEEKENDS_ONLY,
    item: (id) => reloader.current().byId.get(id),
  }
  unanswered = new RedisUnansweredLog(redis.redis, { prefix: redis.prefix })
  const app = new Koa()
  app.use(errorMiddleware(createLogger({ level: 'silent' })))
  const router = createConsoleRouter({ adminToken: ADMIN, tickets: env, catalog: reloader, unanswered, livePollMs: 50, shutdown: shutdown.signal })
  app.use(router.routes()).use(router.allowedMethods())
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  shutdown.abort()
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  reloader.close()
  await redis.cleanup()
  await rm(dir, { recursive: true, force: true })
})

async function call(path: string, token?: string, init: RequestInit = {}) {
  const headers: Record<string, string> = { ...(token && { Authorization: `Bearer ${token}` }) }
  if (init.body !== undefined) headers['Content-Type'] = 'application/json'
  const res = await fetch(`${base}${path}`, { ...init, headers })
  return { status: res.status, body: (await res.json()) as Record<string, any> }
}

async function openFor(name: string): Promise<string> {
  const r = await openTicket(
    env,
    {
      resident: { channel: 'web', userId: name },
      itemId: 'T-001',
      itemName: '最低生活保障申请',
      name,
      phone: '13812345678',
      areaPointId: 'village-a1',
      help: '代办',
      delivery: { kind: 'pickup' },
      materialsReady: [],
      materialsMissing: [],
      answers: {},
    },
    Date.now(),
  )
  if (!r.ok) throw new Error(r.message)
  return r.ticket.id
}

describe('logging in', () => {
  it('tells admins and agents apart by their token', async () => {
    expect(await call('/console/api/me', ADMIN)).toEqual({ status: 200, body: { role: 'admin' } })
    expect(await call('/console/api/me', 'token-village')).toEqual({
      status: 200,
      body: { role: 'agent', agent: { id: 'v1', name: '赵村', role: '代办员', point: { id: 'village-a1', name: '甲村便民服务室' } } },
    })
  })

  it('refuses a missing or unknown token with 401, and the wrong role with 403, in Chinese', async () => {
    expect(await call('/console/api/me')).toEqual({ status: 401, body: { error: { code: 'unauthorized', message: '请先登录：缺少令牌' } } })
    expect(await call('/console/api/me', 'guess')).toEqual({ status: 401, body: { error: { code: 'unauthorized', message: '令牌不对，请检查后重新登录' } } })
    expect(await call('/console/api/admin/unanswered', 'token-village')).toEqual({
      status: 403,
      body: { error: { code: 'forbidden', message: '这个功能只有管理员能用' } },
    })
    expect(await call('/console/api/agent/events', ADMIN)).toEqual({ status: 403, body: { error: { code: 'forbidden', message: '这个功能只有代办员能用' } } })
  })

  it('has no admin at all when ADMIN_TOKEN is not set', async () => {
    const app = new Koa()
    app.use(errorMiddleware(createLogger({ level: 'silent' })))
    app.use(createConsoleRouter({ adminToken: undefined, tickets: env, catalog: reloader, unanswered }).routes())
    const other = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => other.once('listening', resolve))
    try {
      const res = await fetch(`http://127.0.0.1:${(other.address() as AddressInfo).port}/console/api/me`, { headers: { Authorization: 'Bearer undefined' } })
      expect(res.status).toBe(401)
    } finally {
      await new Promise((resolve) => other.close(resolve))
    }
  })

  it('serves the page unframeable, with only its own scripts', async () => {
    const res = await fetch(`${base}/console`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(await res.text()).toContain('<title>代办工作台</title>')
    for (const name of ['console.js', 'dom.js', 'agent.js', 'admin.js', 'console.css']) {
      expect((await fetch(`${base}/console/static/${name}`)).status).toBe(200)
    }
  })
})

describe('admin: the catalogue', () => {
  it('shows the warnings of the version serving (the console 提醒), not only its errors', async () => {
    await writeFile(join(dir, 'notes.yaml'), 'a: 1\n')
    try {
      const reload = await call('/console/api/admin/catalog/reload', ADMIN, { method: 'POST' })
      expect(reload.body.ok).toBe(true)
      expect(reload.body.catalog.warnings).toEqual([expect.stringMatching(/notes\.yaml.*不是目录里认识的文件，已忽略/)])
    } finally {
      const { rm } = await import('node:fs/promises')
      await rm(join(dir, 'notes.yaml'))
      await call('/console/api/admin/catalog/reload', ADMIN, { method: 'POST' })
    }
  })

  it('shows the version and, after a broken edit, the error with file and line while the last good version stays', async () => {
    const before = await call('/console/api/admin/catalog', ADMIN)
    expect(before.body.catalog).toMatchObject({ itemCount: 2, lastErrors: [], lastErrorAt: null, fixedAt: null })

    const broken = edit(DIBAO, '承诺时限: 20', '承诺时限: 二十天')
    await writeFile(join(dir, 'items/di-bao.yaml'), broken)
    const reload = await call('/console/api/admin/catalog/reload', ADMIN, { method: 'POST' })
    expect(reload.status).toBe(200)
    expect(reload.body.ok).toBe(false)
    expect(reload.body.errors[0]).toMatchObject({ line: lineOf(broken, '承诺时限'), path: '承诺时限' })
    expect(reload.body.errors[0].file).toMatch(/di-bao\.yaml$/)
    expect(reload.body.catalog).toMatchObject({ version: before.body.catalog.version, itemCount: 2 })
    expect((await call('/console/api/admin/catalog', ADMIN)).body.catalog.lastErrors).toHaveLength(1)

    // Put back as it was: nothing to load, but the admin sees the check and that the error was fixed.
    const brokenAt = (await call('/console/api/admin/catalog', ADMIN)).body.catalog.lastErrorAt
    await writeFile(join(dir, 'items/di-bao.yaml'), DIBAO)
    const fixed = await call('/console/api/admin/catalog/reload', ADMIN, { method: 'POST' })
    expect(fixed.body).toMatchObject({ ok: true, errors: [], catalog: { lastErrors: [], lastErrorAt: brokenAt } })
    expect(Date.parse(fixed.body.catalog.fixedAt)).toBeGreaterThanOrEqual(Date.parse(brokenAt))
    expect(Date.parse(fixed.body.catalog.checkedAt)).toBeGreaterThanOrEqual(Date.parse(brokenAt))
    expect(fixed.body.catalog.loadedAt).toBe(before.body.catalog.loadedAt)
  })
})

describe('admin: unanswered questions', () => {
  it('lists the most asked first, limited, and forgets a dismissed one', async () => {
    const now = Date.now()
    await unanswered.record('开网吧', [], now)
    await unanswered.record('路灯坏了', [], now)
    await unanswered.record('路灯坏了', [{ id: 'T-002', name: '印章管理', score: 0.2 }], now + 1)
    await unanswered.record('养猪补贴', [], now + 2)
    const top = await call('/console/api/admin/unanswered?limit=2', ADMIN)
    expect(top.body.questions.map((q: { text: string; count: number }) => [q.text, q.count])).toEqual([
      ['路灯坏了', 2],
      ['养猪补贴', 1],
    ])
    expect(top.body.questions[0].candidates).toEqual([{ id: 'T-002', name: '印章管理', score: 0.2 }])

    expect((await call('/console/api/admin/unanswered?limit=0', ADMIN)).body).toEqual({ error: { code: 'invalid_limit', message: 'limit 应为 1–500 的整数' } })
    expect((await call('/console/api/admin/unanswered/dismiss', ADMIN, { method: 'POST', body: '{}' })).status).toBe(400)
    expect(await call('/console/api/admin/unanswered/dismiss', ADMIN, { method: 'POST', body: JSON.stringify({ text: '路灯坏了' }) })).toEqual({
      status: 200,
      body: { ok: true },
    })
    const after = await call('/console/api/admin/unanswered', ADMIN)
    expect(after.body.questions.map((q: { text: string }) => q.text)).not.toContain('路灯坏了')
  })
})

describe('admin: ticket stats', () => {
  it('counts tickets by status and tier', async () => {
    const claimed = await openFor('周一')
    await openFor('吴二')
    const village = env.network.agentsById.get('v1')!
    expect((await agentAct(env, village, claimed, 'claim', '', Date.now())).ok).toBe(true)
    const { body } = await call('/console/api/admin/stats', ADMIN)
    expect(body.stats.byStatus).toMatchObject({ 待领办: 1, 已领办: 1 })
    expect(body.stats.byTier).toMatchObject({ 村: 2 })
  })
})

describe('agent: the live feed', () => {
  it('announces the queue at once, again when a ticket arrives, and ends on shutdown', async () => {
    const res = await fetch(`${base}/console/api/agent/events`, { headers: { Authorization: 'Bearer token-village' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
    let text = ''
    const until = async (count: number) => {
      while ((text.match(/event: queue/g) ?? []).length < count) {
        const { value, done } = await reader.read()
        if (done) throw new Error(`stream ended after: ${text}`)
        text += value
      }
    }
    await until(1)
    await openFor('郑三')
    await until(2)
    expect(text).toMatch(/^retry: 3000\n\nevent: queue\ndata: \{"at":\d+\}\n\n/)

    shutdown.abort()
    for (;;) {
      const { done } = await reader.read()
      if (done) break
    }
  })
})

describe('agent: the live feed of an agent taken off network.yaml', () => {
  it('says logout and ends, as the agent\'s next request would be refused', async () => {
    // A router of its own: the shared one's feeds were ended by the shutdown test above.
    const app = new Koa()
    app.use(errorMiddleware(createLogger({ level: 'silent' })))
    let network = env.network
    const tickets: TicketEnv = { ...env, get network() { return network } }
    app.use(createConsoleRouter({ adminToken: ADMIN, tickets, catalog: reloader, unanswered, livePollMs: 50 }).routes())
    const other = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => other.once('listening', resolve))
    try {
      const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}/console/api/agent/events`
      const res = await fetch(url, { headers: { Authorization: 'Bearer token-town' } })
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
      let text = ''
      while (!text.includes('event: queue')) text += (await reader.read()).value ?? ''
      network = buildNetwork(reloader.current().points, AGENTS.filter((a) => a.id !== 't1'))
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        text += value
      }
      expect(text).toContain('event: logout\ndata: {"message":"登录已失效，请重新登录"}')
      expect((await fetch(url, { headers: { Authorization: 'Bearer token-town' } })).status).toBe(401)
    } finally {
      other.closeAllConnections()
      await new Promise((resolve) => other.close(resolve))
    }
  })
})
