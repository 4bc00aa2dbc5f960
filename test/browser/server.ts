/**
 * The whole server for browser tests, in-process on a free port: the real catalogue, dialogs, matcher,
 * conversation service and tickets on the test Redis, with the web chat, the console and the agent API
 * mounted on createApp the way compose.ts mounts them.
 *
 * Built here rather than through composeServer() because its tickets and routers are still composition
 * points (COMPOSE:) at the time of writing; once compose.ts wires them, this file can shrink to a call to it.
 */
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { resolve } from 'node:path'
import { createWebChatRouter } from '../../src/channels/web/router.js'
import { createCatalogReloader } from '../../src/catalog/reloader.js'
import type { Catalog } from '../../src/catalog/types.js'
import { createConsoleRouter } from '../../src/console/router.js'
import { createUnmatchedRecorder } from '../../src/console/unanswered.js'
import { RedisUnansweredLog } from '../../src/console/unanswered-redis.js'
import { createDefaultEffectExecutor } from '../../src/conversation/default-effects.js'
import { loadDialogDir } from '../../src/conversation/dialog-dir.js'
import { createConversationService } from '../../src/conversation/service.js'
import type { EffectExecutor } from '../../src/conversation/types.js'
import { createApp } from '../../src/server/app.js'
import { createLiveCatalog } from '../../src/server/live-catalog.js'
import { createLogger } from '../../src/server/logging.js'
import { createMetrics } from '../../src/server/metrics.js'
import { createMemoryRateLimiter } from '../../src/server/rate-limit.js'
import { RedisSessionStore } from '../../src/store/redis-session-store.js'
import { createAgentRouter } from '../../src/tickets/http.js'
import { buildNetwork, hashAgentToken, loadNetwork } from '../../src/tickets/network-file.js'
import { createTicketEffectExecutor, createTicketInterceptor } from '../../src/tickets/resident.js'
import type { TicketEnv } from '../../src/tickets/service.js'
import type { Outbox } from '../../src/tickets/ports.js'
import { createRedisTicketBackend } from '../../src/tickets/store/redis-backend.js'
import { newTestRedis } from '../support/redis.js'

export const ADMIN_TOKEN = 'browser-test-admin-token-0123456789'
/** Test tokens for two sample agents of 大店镇 (the sample file's own tokens may change). */
export const AGENT_TOKENS = {
  'a-dadian-v1': 'browser-test-token-dadian-v1',
  'a-dadian-1': 'browser-test-token-dadian-1',
} as const

const COOKIE_SECRET = 'browser-test-cookie-secret-0123456789'

export interface TestServer {
  url: string
  catalog: () => Catalog
  env: TicketEnv
  /** Ticket news waiting for residents (a test puts news in for a page's resident). */
  outbox: Outbox
  unanswered: RedisUnansweredLog
  /** The signing secret of the web chat's resident cookie. */
  cookieSecret: string
  close(): Promise<void>
}

export async function startTestServer(): Promise<TestServer> {
  const redis = await newTestRedis()
  const logger = createLogger({ level: 'silent' })
  const shutdown = new AbortController()
  const reloader = await createCatalogReloader({ dir: resolve('catalog'), intervalMs: 60_000 })
  const live = createLiveCatalog({ reloader, logger })
  const dialogs = await loadDialogDir(resolve('dialogs'))
  if (!dialogs.ok) throw new Error(`dialogs invalid: ${JSON.stringify(dialogs.errors.slice(0, 3))}`)

  const catalog = reloader.current()
  const loaded = await loadNetwork(resolve('catalog'), catalog.points)
  if (!loaded.ok) throw new Error(`network invalid: ${JSON.stringify(loaded.errors.slice(0, 3))}`)
  const agents = loaded.network.agents.map((a) =>
    a.id in AGENT_TOKENS ? { ...a, tokenHash: hashAgentToken(AGENT_TOKENS[a.id as keyof typeof AGENT_TOKENS]) } : a,
  )
  const backend = createRedisTicketBackend(redis.redis, { prefix: redis.prefix })
  const env: TicketEnv = {
    store: backend.tickets,
    network: buildNetwork(catalog.points, agents, loaded.network.settings),
    calendar: loaded.calendar,
    item: (id) => live.current().catalog.byId.get(id),
  }

  const unanswered = new RedisUnansweredLog(redis.redis, { prefix: redis.prefix })
  const executors: Partial<Record<string, EffectExecutor>> = {
    openTicket: createTicketEffectExecutor(env),
    listTickets: createTicketEffectExecutor(env),
    unmatched: createUnmatchedRecorder(unanswered, logger),
  }
  const fallback = createDefaultEffectExecutor(dialogs.definitions, logger)
  const conversation = createConversationService({
    definitions: dialogs.definitions,
    catalog: live.current,
    sessions: new RedisSessionStore(redis.redis, { prefix: redis.prefix }),
    executeEffect: (effect, message) => (executors[effect.type] ?? fallback)(effect, message),
    interceptors: [createTicketInterceptor(env)],
    logger,
  })

  const app = createApp({
    conversation,
    logger,
    metrics: createMetrics(),
    limiter: createMemoryRateLimiter(),
    readiness: [],
    settings: { chatToken: undefined, bodyLimitBytes: 64 * 1024, rateLimit: { perResident: 0, perIp: 0 }, trustProxy: false },
    routers: [
      createAgentRouter({ env, queue: backend.queue }),
      createWebChatRouter({ conversation, cookieSecret: COOKIE_SECRET, messages: { peek: (r) => backend.outbox.peek(r.userId), ack: (r, ids) => backend.outbox.ack(r.userId, ids) } }),
      createConsoleRouter({
        adminToken: ADMIN_TOKEN,
        tickets: env,
        catalog: reloader,
        unanswered,
        livePollMs: 500,
        shutdown: shutdown.signal,
      }),
    ],
    outbox: backend.outbox,
  })

  const server: Server = app.listen(0, '127.0.0.1')
  await new Promise((done) => server.once('listening', done))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    catalog: () => reloader.current(),
    env,
    outbox: backend.outbox,
    unanswered,
    cookieSecret: COOKIE_SECRET,
    async close() {
      shutdown.abort()
      server.closeAllConnections()
      await new Promise((done) => server.close(done))
      live.close()
      reloader.close()
      await redis.cleanup()
    },
  }
}
