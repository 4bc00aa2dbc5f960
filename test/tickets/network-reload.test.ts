import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Koa from 'koa'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CatalogLogger } from '../../src/catalog/reloader.js'
import type { ServicePoint } from '../../src/catalog/types.js'
import { formatSourceError } from '../../src/catalog/yaml-source.js'
import { countWorkingDays } from '../../src/tickets/calendar.js'
import { createAgentRouter } from '../../src/tickets/http.js'
import { hashAgentToken } from '../../src/tickets/network-file.js'
import { createNetworkReloader, liveTicketEnv, type NetworkReloader } from '../../src/tickets/network-reloader.js'
import { DEFAULT_RETRY } from '../../src/tickets/ports.js'
import { openTicket, type TicketEnv } from '../../src/tickets/service.js'
import { createMemoryTicketBackend } from '../../src/tickets/store/memory-tickets.js'
import type { Agent } from '../../src/tickets/types.js'
import { AGENTS, ITEMS, MONDAY_9AM, POINTS, request } from './fixtures.js'

const TOKENS: Record<string, string> = { 'a-v1': 'tok-village', 's-town': 'tok-sup' }
const NEW_AGENT: Agent = { id: 'a-v2', name: '二村代办', wechat: 'wx-a-v2', phone: '13905399999', role: '代办员', pointId: 'town-a-v2' }

function agentYaml(a: Agent, token = TOKENS[a.id]): string {
  return [
    `  - 编号: ${a.id}`,
    `    姓名: ${a.name}`,
    `    微信名: ${a.wechat}`,
    `    电话: "${a.phone}"`,
    `    角色: ${a.role}`,
    `    服务点: ${a.pointId}`,
    ...(token ? [`    令牌哈希: ${hashAgentToken(token)}`] : []),
  ].join('\n')
}

const networkYaml = (agents: readonly Agent[], extra: Record<string, string> = {}) =>
  `设置:\n  领办时限小时: 24\n代办员:\n${agents.map((a) => agentYaml(a, extra[a.id] ?? TOKENS[a.id])).join('\n')}\n`

const holidaysYaml = (holidays: string[] = []) =>
  `覆盖年份: [2026]\n放假:\n${holidays.map((d, i) => `  - { 名称: 假日${i + 1}, 从: ${d}, 到: ${d} }`).join('\n') || '  []'}\n`

/** Saves the way many editors do: write a temporary file, then rename it over the original. */
async function save(path: string, text: string): Promise<void> {
  await writeFile(`${path}.tmp~`, text)
  await rename(`${path}.tmp~`, path)
}

const waitFor = (check: () => void | Promise<void>) => vi.waitFor(check, { timeout: 5000, interval: 20 })

describe('createNetworkReloader({ dir, points }): network.yaml and holidays.yaml without a restart', () => {
  let dir: string
  let reloader: NetworkReloader | undefined
  let server: Server | undefined
  let points: ReadonlyMap<string, ServicePoint>
  let env: TicketEnv
  let base: string
  const logs: { level: string; msg: string; obj: Record<string, unknown> }[] = []
  const logger: CatalogLogger = {
    info: (obj, msg) => logs.push({ level: 'info', msg, obj: obj as Record<string, unknown> }),
    warn: (obj, msg) => logs.push({ level: 'warn', msg, obj: obj as Record<string, unknown> }),
    error: (obj, msg) => logs.push({ level: 'error', msg, obj: obj as Record<string, unknown> }),
  }
  const networkPath = () => join(dir, 'network.yaml')
  const holidaysPath = () => join(dir, 'holidays.yaml')

  async function start(intervalMs = 20): Promise<NetworkReloader> {
    const started = await createNetworkReloader({ dir, points: () => points, intervalMs, logger })
    if (!started.ok) throw new Error(started.errors.map(formatSourceError).join('\n'))
    reloader = started.reloader
    const backend = createMemoryTicketBackend({ retry: { ...DEFAULT_RETRY, maxAttempts: 1 } })
    env = liveTicketEnv({ store: backend.tickets, item: (id) => ITEMS[id] }, reloader)
    const app = new Koa()
    const router = createAgentRouter({ env, queue: backend.queue, now: () => MONDAY_9AM + 3_600_000 })
    app.use(router.routes()).use(router.allowedMethods())
    const listening = app.listen(0, '127.0.0.1')
    server = listening
    await new Promise((r) => listening.once('listening', r))
    base = `http://127.0.0.1:${(listening.address() as AddressInfo).port}/api/agent`
    return reloader
  }

  const me = async (token: string) => {
    const res = await fetch(`${base}/me`, { headers: { authorization: `Bearer ${token}` } })
    return { status: res.status, body: (await res.json()) as Record<string, any> }
  }

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'daiban-network-'))
    points = POINTS
    await writeFile(networkPath(), networkYaml(AGENTS))
    await writeFile(holidaysPath(), holidaysYaml())
    logs.length = 0
  })

  afterEach(async () => {
    reloader?.close()
    reloader = undefined
    if (server) await new Promise((r) => server?.close(r))
    server = undefined
    await rm(dir, { recursive: true, force: true })
  })

  it('refuses to start on invalid files and lists every error with file and line', async () => {
    const text = networkYaml([...AGENTS, { ...NEW_AGENT, pointId: 'town-z-v9' }])
    await writeFile(networkPath(), text)
    const started = await createNetworkReloader({ dir, points: () => points })
    expect(started.ok).toBe(false)
    if (started.ok) return
    const line = text.split('\n').indexOf('    服务点: town-z-v9') + 1
    expect(started.errors.map(formatSourceError)).toEqual([
      `${networkPath()}:${line} 代办员[${AGENTS.length + 1}].服务点：不认识的服务点编号 "town-z-v9"，请用 service-points.yaml 里的编号`,
    ])
  })

  it('an agent added to network.yaml can use their token at once; the log says how many agents there are', async () => {
    await start()
    expect((await me('tok-new')).status).toBe(401)

    await save(networkPath(), networkYaml([...AGENTS, NEW_AGENT], { 'a-v2': 'tok-new' }))
    await waitFor(async () => expect((await me('tok-new')).status).toBe(200))
    expect((await me('tok-new')).body.agent).toEqual({
      id: 'a-v2',
      name: '二村代办',
      role: '代办员',
      point: { id: 'town-a-v2', name: 'town-a-v2 服务点' },
    })
    expect(logs.map((l) => l.msg)).toContain(`已重新加载服务网络（${AGENTS.length + 1} 名代办员）`)
    expect(reloader?.status()).toMatchObject({ agentCount: AGENTS.length + 1, lastErrors: [] })

    // Routing uses the new agent at once: town-a-v2 had none, so its tickets went to the town.
    const opened = await openTicket(env, request({ areaPointId: 'town-a-v2' }), MONDAY_9AM)
    expect(opened.ok && opened.ticket.nodeId).toBe('town-a-v2')
  })

  it('keeps serving the previous network through a broken edit, reporting file:line, and recovers', async () => {
    await start()
    const before = reloader!.status().version
    const broken = networkYaml(AGENTS).replace(`电话: "${AGENTS[6]!.phone}"`, '电话: 12345')
    await save(networkPath(), broken)
    await waitFor(() => expect(reloader?.status().lastErrors).toHaveLength(1))

    const line = broken.split('\n').findIndex((l) => l.includes('电话: 12345')) + 1
    expect(reloader!.status().lastErrors.map(formatSourceError)).toEqual([
      `${networkPath()}:${line} 代办员[7].电话：手机号要写成文字，加引号，如 "13805391234"，实际为 12345（要写成文字请加引号："12345"）`,
    ])
    expect(reloader!.status()).toMatchObject({ version: before, agentCount: AGENTS.length })
    expect(reloader!.status().lastErrorAt).toBeInstanceOf(Date)
    const warning = logs.find((l) => l.level === 'warn' && l.msg.startsWith('代办网络或节假日文件有'))
    expect(warning?.msg).toBe(`代办网络或节假日文件有 1 处错误，继续使用版本 ${before}（${AGENTS.length} 名代办员）`)
    expect(warning?.obj.errors).toEqual(reloader!.status().lastErrors.map(formatSourceError))
    expect((await me('tok-village')).status).toBe(200)

    // reload() (the console's button) gives the errors at once.
    const result = await reloader!.reload()
    expect(result.ok).toBe(false)
    expect(result.errors.map((e) => e.line)).toEqual([line])

    await save(networkPath(), networkYaml(AGENTS.filter((a) => a.id !== 'a-town-2')))
    await waitFor(() => expect(reloader?.status()).toMatchObject({ agentCount: AGENTS.length - 1, lastErrors: [] }))
    expect(reloader!.status().version).not.toBe(before)
  })

  it('an agent removed from network.yaml can no longer authenticate; open tickets keep their routing', async () => {
    await start()
    const opened = await openTicket(env, request(), MONDAY_9AM)
    if (!opened.ok) throw new Error(opened.message)
    expect(opened.ticket.nodeId).toBe('town-a-v1')
    expect((await me('tok-village')).status).toBe(200)

    await save(networkPath(), networkYaml(AGENTS.filter((a) => a.id !== 'a-v1')))
    await waitFor(async () => expect((await me('tok-village')).status).toBe(401))
    expect(env.network.agentsById.has('a-v1')).toBe(false)
    expect((await me('tok-sup')).status).toBe(200)
    expect((await env.store.get(opened.ticket.id))?.nodeId).toBe('town-a-v1')
    // The town's supervisor still sees the ticket, which is now served from above.
    const res = await fetch(`${base}/tickets/${opened.ticket.id}`, { headers: { authorization: 'Bearer tok-sup' } })
    expect(res.status).toBe(200)
  })

  it('an edit of holidays.yaml changes the working days counted from then on', async () => {
    await start()
    // Monday 23 to Friday 27 November 2026.
    expect(countWorkingDays(env.calendar, '2026-11-23', '2026-11-27')).toBe(4)
    const dueBefore = await openTicket(env, request(), MONDAY_9AM)

    await save(holidaysPath(), holidaysYaml(['2026-11-24', '2026-11-25']))
    await waitFor(() => expect(countWorkingDays(env.calendar, '2026-11-23', '2026-11-27')).toBe(2))
    expect(logs.map((l) => l.msg)).toContain(`已重新加载服务网络（${AGENTS.length} 名代办员）`)
    const dueAfter = await openTicket(env, request({ resident: { channel: 'http', userId: 'u-2' } }), MONDAY_9AM)
    expect(dueBefore.ok && dueAfter.ok).toBe(true)
    if (!dueBefore.ok || !dueAfter.ok) return
    // Three working days from Monday: Thursday 26th before, Monday 30th once Tuesday and Wednesday are holidays.
    expect(dueAfter.ticket.dueAt! - dueBefore.ticket.dueAt!).toBe(4 * 24 * 3_600_000)

    // A broken holiday file keeps the calendar in use.
    await save(holidaysPath(), '覆盖年份: [2026]\n放假:\n  - { 名称: 错日, 从: 2026-02-30, 到: 2026-03-01 }\n')
    await waitFor(() =>
      expect(reloader?.status().lastErrors.map(formatSourceError)).toEqual([`${holidaysPath()}:3 放假[1].从：没有这一天，请核对日期`]),
    )
    expect(countWorkingDays(env.calendar, '2026-11-23', '2026-11-27')).toBe(2)
  })

  it('checks the network again when the catalogue’s service points change', async () => {
    await start()
    const newPoint: ServicePoint = { ...POINTS.get('town-a-v2')!, id: 'town-a-v3', name: '三村' }
    await save(networkPath(), networkYaml([...AGENTS, { ...NEW_AGENT, pointId: 'town-a-v3' }], { 'a-v2': 'tok-new' }))
    await waitFor(() =>
      expect(reloader?.status().lastErrors.map((e) => e.message)).toEqual(['不认识的服务点编号 "town-a-v3"，请用 service-points.yaml 里的编号']),
    )
    expect((await me('tok-new')).status).toBe(401)

    // The admin now adds the point to service-points.yaml: the catalogue reloads with a new points map.
    points = new Map([...POINTS, [newPoint.id, newPoint]])
    await waitFor(async () => expect((await me('tok-new')).status).toBe(200))
    expect(env.network.points.get('town-a-v3')?.name).toBe('三村')
    expect(reloader!.status().lastErrors).toEqual([])
  })

  it('does not log a reload when only the mtime changed, and stops polling once closed', async () => {
    const r = await start()
    const version = r.status().version
    await save(networkPath(), networkYaml(AGENTS))
    expect(await r.reload()).toEqual({ ok: true, errors: [] })
    expect(r.status().version).toBe(version)
    expect(logs.filter((l) => l.msg.startsWith('已重新加载'))).toEqual([])

    r.close()
    await save(networkPath(), networkYaml([...AGENTS, NEW_AGENT], { 'a-v2': 'tok-new' }))
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(r.status().agentCount).toBe(AGENTS.length)
    expect((await me('tok-new')).status).toBe(401)
  })
})
