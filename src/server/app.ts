/**
 * The Koa app, built from its dependencies and nothing else: no port is opened here (serve.ts listens;
 * tests drive app.callback() or listen on port 0), no configuration is read, no clock is assumed.
 */
import Koa, { type Middleware } from 'koa'
import type { ConversationService } from '../conversation/types.js'
import type { Outbox } from '../tickets/ports.js'
import { createChatRouter, limitsItsOwnRequests } from './chat-routes.js'
import { errorMiddleware } from './errors.js'
import { createHealthRouter, type ReadinessCheck } from './health-routes.js'
import type { Logger } from './logging.js'
import type { Metrics } from './metrics.js'
import { enforceLimits, ipKey, type RateLimiter } from './rate-limit.js'

export interface AppSettings {
  /** When set, /api/chat requires `Authorization: Bearer <chatToken>`. */
  chatToken: string | undefined
  bodyLimitBytes: number
  /** Per minute; 0 = no limit. */
  rateLimit: { perResident: number; perIp: number }
  /** Behind a reverse proxy: take the client IP from X-Forwarded-For. */
  trustProxy: boolean
}

/** A @koa/router Router, whatever its state type. */
export interface Routes {
  routes(): Middleware<any, any>
  allowedMethods(): Middleware<any, any>
}

export interface AppDeps {
  conversation: ConversationService
  logger: Logger
  metrics: Metrics
  limiter: RateLimiter
  /** What /readyz checks (Redis, catalogue …). */
  readiness: ReadinessCheck[]
  settings: AppSettings
  /** Further routes composed in by compose.ts: the agent API (tickets), the web chat and the consoles. */
  routers?: Routes[]
  /** Ticket news for HTTP residents (GET /api/chat/messages); the route exists only when given. */
  outbox?: Pick<Outbox, 'drain' | 'peek' | 'ack'>
  now?: () => number
}

export function createApp(deps: AppDeps): Koa {
  const app = new Koa({ proxy: deps.settings.trustProxy })
  const now = deps.now ?? Date.now
  const chat = createChatRouter({
    conversation: deps.conversation,
    chatToken: deps.settings.chatToken,
    bodyLimitBytes: deps.settings.bodyLimitBytes,
    limiter: deps.limiter,
    rateLimit: deps.settings.rateLimit,
    outbox: deps.outbox,
    now,
  })
  const routers: Routes[] = [chat, createHealthRouter(deps.readiness, deps.metrics.registry), ...(deps.routers ?? [])]

  // Outermost first: timing sees the final status, the access log sees rendered errors.
  app.use(deps.metrics.httpMiddleware())
  app.use(accessLog(deps.logger))
  app.use(errorMiddleware(deps.logger))
  app.use(securityHeaders)
  app.use(limitPerIp(deps.limiter, deps.settings.rateLimit.perIp, now))
  for (const router of routers) app.use(router.routes())
  for (const router of routers) app.use(router.allowedMethods())

  // Errors that escape every middleware (e.g. writing to a socket that closed): log, never print raw.
  app.on('error', (err: unknown) => deps.logger.warn({ err }, 'HTTP 连接出错'))
  return app
}

/** Client errors at info (they explain a 4xx to whoever reads the log); successes at debug; 5xx are logged where they are caught. */
function accessLog(logger: Logger): Middleware {
  return async (ctx, next) => {
    const start = performance.now()
    await next()
    const fields = { method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round((performance.now() - start) * 10) / 10 }
    if (ctx.status >= 400 && ctx.status < 500) {
      const body = ctx.body as { error?: { code?: string } } | undefined
      logger.info({ ...fields, code: body?.error?.code, ip: ctx.ip }, '请求被拒绝')
    } else if (ctx.status < 400) {
      logger.debug(fields, '请求')
    }
  }
}

const securityHeaders: Middleware = async (ctx, next) => {
  ctx.set('X-Content-Type-Options', 'nosniff')
  ctx.set('Referrer-Policy', 'no-referrer')
  ctx.set('X-Frame-Options', 'SAMEORIGIN')
  await next()
}

/**
 * Per source IP on /api/* and the console's /console/api/*, counted per kind of API (/api/chat, /api/agent, the
 * console …): a runaway integration, a flood or someone guessing tokens from one address slows down, others do not.
 * POST /api/chat counts its address itself, together with the resident, in the same round trip.
 */
function limitPerIp(limiter: RateLimiter, perMinute: number, now: () => number): Middleware {
  return async (ctx, next) => {
    const kind = apiKind(ctx.path)
    if (kind !== undefined && !limitsItsOwnRequests(ctx.method, ctx.path)) {
      await enforceLimits(limiter, [{ key: ipKey(kind, ctx.ip), limit: perMinute }], now())
    }
    await next()
  }
}

/** The API a path belongs to: `chat` for /api/chat/messages, `agent` for /api/agent/tickets, `console`; none for pages. */
function apiKind(path: string): string | undefined {
  if (path.startsWith('/api/')) return path.split('/')[2] || 'api'
  return path.startsWith('/console/api/') ? 'console' : undefined
}
