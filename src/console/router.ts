/**
 * The console for agents and admins: one page (/console) and its JSON API under /console/api/, every call
 * with `Authorization: Bearer <token>`.
 *
 *   GET  /console/api/me                          who the token belongs to: {role: 'admin'} or {role: 'agent', agent}
 *   GET  /console/api/agent/events                (agent) live queue changes, Server-Sent Events
 *   GET  /console/api/admin/catalog               (admin) catalogue version, items, last errors; the same for the
 *                                                 service network (network.yaml + holidays.yaml) as `network`
 *   POST /console/api/admin/catalog/reload        (admin) re-read the catalogue, then the service network, now
 *   GET  /console/api/admin/unanswered?limit=50   (admin) questions that matched nothing, most frequent first
 *   POST /console/api/admin/unanswered/dismiss    (admin) {"text"}: the admin has dealt with it
 *   GET  /console/api/admin/stats                 (admin) ticket stats by status, tier, overdue, rating
 *
 * The agents' queue and actions are not repeated here: the page calls the agent API (/api/agent/*, in
 * src/tickets/http.ts) with the same token.
 */
import { Router } from '@koa/router'
import type { Context } from 'koa'
import { z } from 'zod'
import { loadStaticFiles, PAGE_CSP, sendStatic } from '../channels/web/static-files.js'
import type { CatalogReloader, CatalogStatus } from '../catalog/reloader.js'
import { HttpError } from '../server/errors.js'
import { readJsonBody } from '../server/json-body.js'
import { agentQueue } from '../tickets/agent-actions.js'
import type { NetworkReloader, NetworkStatus } from '../tickets/network-reloader.js'
import type { TicketEnv } from '../tickets/service.js'
import { ticketStats } from '../tickets/stats.js'
import { consoleUser, requireRole, type ConsoleAuthDeps } from './auth.js'
import { streamQueue } from './live.js'
import type { UnansweredLog } from './unanswered.js'

export interface ConsoleDeps {
  /** ADMIN_TOKEN; unset: no one can log in as admin. */
  adminToken: string | undefined
  /** The tickets' environment (store, network, calendar), as given to createAgentRouter; its network holds the agents' token hashes. */
  tickets: TicketEnv
  catalog: Pick<CatalogReloader, 'status' | 'reload'>
  /** network.yaml and holidays.yaml (their version and last errors are shown with the catalogue's). */
  network?: Pick<NetworkReloader, 'status' | 'reload'>
  unanswered: UnansweredLog
  now?: () => number
  /** How often a live feed re-reads an agent's queue; default 3 s. */
  livePollMs?: number
  /** Aborted on shutdown: ends the live feeds so they do not hold the HTTP server open. */
  shutdown?: AbortSignal
  onError?: (err: unknown, what: string) => void
}

const STATIC_NAMES = ['console.html', 'console.css', 'console.js', 'dom.js', 'agent.js', 'admin.js'] as const
/** The console is never framed: that would invite clickjacking of 接单 and 退回. */
const CONSOLE_CSP = `${PAGE_CSP}; frame-ancestors 'none'`
const LIVE_LIFETIME_MS = 10 * 60_000

const DismissBody = z.strictObject({ text: z.string().min(1).max(1000) })

export function createConsoleRouter(deps: ConsoleDeps): Router {
  const now = deps.now ?? Date.now
  const files = loadStaticFiles(new URL('./static/', import.meta.url), STATIC_NAMES)
  const auth: ConsoleAuthDeps = { adminToken: deps.adminToken, agents: () => deps.tickets.network.agents }
  const admin = requireRole(auth, 'admin')
  const agent = requireRole(auth, 'agent')
  const anyone = requireRole(auth, 'admin', 'agent')
  const router = new Router()

  router.get('/console', (ctx) => sendStatic(ctx, files.get('console.html')!, { 'Content-Security-Policy': CONSOLE_CSP }))
  for (const name of STATIC_NAMES) {
    if (name !== 'console.html') router.get(`/console/static/${name}`, (ctx) => sendStatic(ctx, files.get(name)!))
  }

  const api = new Router({ prefix: '/console/api' })
  api.use(async (ctx, next) => {
    ctx.set('Cache-Control', 'no-store')
    await next()
  })

  api.get('/me', anyone, (ctx) => {
    const user = consoleUser(ctx)
    if (user.role === 'admin') {
      ctx.body = { role: 'admin' }
      return
    }
    const a = user.agent
    const point = deps.tickets.network.points.get(a.pointId)
    ctx.body = { role: 'agent', agent: { id: a.id, name: a.name, role: a.role, point: { id: a.pointId, name: point?.name ?? a.pointId } } }
  })

  api.get('/agent/events', agent, (ctx) => {
    const user = consoleUser(ctx)
    if (user.role !== 'agent') return
    streamQueue(ctx, {
      read: async () => {
        const q = await agentQueue(deps.tickets, user.agent)
        return [...q.waiting, ...q.mine, ...q.overdue, ...q.followUps]
      },
      // The same agent with the same token in the network now serving (network.yaml is reloaded without a restart).
      stillAllowed: () => deps.tickets.network.agentsById.get(user.agent.id)?.tokenHash === user.agent.tokenHash,
      pollMs: deps.livePollMs ?? 3_000,
      maxLifetimeMs: LIVE_LIFETIME_MS,
      ...(deps.shutdown && { shutdown: deps.shutdown }),
      onError: (err) => deps.onError?.(err, '读取代办员队列'),
    })
  })

  api.get('/admin/catalog', admin, (ctx) => {
    ctx.body = { catalog: catalogJson(deps.catalog.status()), ...networkPart() }
  })

  api.post('/admin/catalog/reload', admin, async (ctx) => {
    const result = await deps.catalog.reload()
    // After the catalogue: the network is checked against its service points.
    const net = (await deps.network?.reload()) ?? { ok: true, errors: [] }
    ctx.body = {
      ok: result.ok && net.ok,
      errors: [...result.errors, ...net.errors],
      catalog: catalogJson(deps.catalog.status()),
      ...networkPart(),
    }
  })

  const networkPart = () => (deps.network ? { network: networkJson(deps.network.status()) } : {})

  api.get('/admin/unanswered', admin, async (ctx) => {
    const limit = limitParam(ctx)
    ctx.body = { questions: await deps.unanswered.top(limit) }
  })

  api.post('/admin/unanswered/dismiss', admin, async (ctx) => {
    const parsed = DismissBody.safeParse(await readJsonBody(ctx, 8 * 1024))
    if (!parsed.success) throw new HttpError(400, 'invalid_request', '请求内容应为 {"text": "问题原文"}')
    await deps.unanswered.dismiss(parsed.data.text)
    ctx.body = { ok: true }
  })

  api.get('/admin/stats', admin, async (ctx) => {
    ctx.body = { stats: await ticketStats(deps.tickets.store, now(), (id) => deps.tickets.network.points.get(id)?.tier) }
  })

  router.use(api.routes(), api.allowedMethods())
  return router
}

function catalogJson(s: CatalogStatus): Record<string, unknown> {
  return {
    version: s.version,
    loadedAt: s.loadedAt.toISOString(),
    itemCount: s.itemCount,
    warnings: s.warnings,
    lastErrors: errorsJson(s.lastErrors),
    lastErrorAt: s.lastErrorAt?.toISOString() ?? null,
    checkedAt: s.checkedAt.toISOString(),
    fixedAt: s.fixedAt?.toISOString() ?? null,
  }
}

function networkJson(s: NetworkStatus): Record<string, unknown> {
  return {
    version: s.version,
    loadedAt: s.loadedAt.toISOString(),
    agentCount: s.agentCount,
    warnings: errorsJson(s.warnings),
    lastErrors: errorsJson(s.lastErrors),
    lastErrorAt: s.lastErrorAt?.toISOString() ?? null,
    checkedAt: s.checkedAt.toISOString(),
    fixedAt: s.fixedAt?.toISOString() ?? null,
  }
}

function errorsJson(errors: CatalogStatus['lastErrors']): Record<string, unknown>[] {
  return errors.map(({ file, line, column, path, message }) => ({ file, line, column, path, message }))
}

function limitParam(ctx: Context): number {
  const raw = ctx.query.limit
  if (raw === undefined) return 50
  const n = Number(raw)
  if (typeof raw !== 'string' || !Number.isInteger(n) || n < 1 || n > 500) {
    throw new HttpError(400, 'invalid_limit', 'limit 应为 1–500 的整数')
  }
  return n
}
