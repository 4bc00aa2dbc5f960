/**
 * Puts the server together from its configuration: Redis (when configured), the catalogue with hot reload
 * and its matcher, the dialogs, session store, rate limiter, tickets, conversation service, web chat,
 * metrics and the Koa app. Nothing listens here; serve.ts opens the port. Every part that holds a resource
 * is closed by close(), in the reverse order of creation.
 *
 * The WeChat channel is started by startChannels() (after listen), only when WECHATY_PUPPET is set.
 */
import { resolve } from 'node:path'
import type Koa from 'koa'
import type { Redis } from 'ioredis'
import { createCatalogReloader } from '../catalog/reloader.js'
import { formatSourceError } from '../catalog/yaml-source.js'
import { createWebChatRouter } from '../channels/web/router.js'
import { createConsoleRouter } from '../console/router.js'
import { createUnmatchedRecorder } from '../console/unanswered.js'
import { MemoryUnansweredLog } from '../console/unanswered-memory.js'
import { RedisUnansweredLog } from '../console/unanswered-redis.js'
import type { WechatChannel, WechatChannelOptions } from '../channels/wechat/index.js'
import type { Config } from '../config/load.js'
import { createDefaultEffectExecutor } from '../conversation/default-effects.js'
import { loadDialogDir } from '../conversation/dialog-dir.js'
import { createConversationService } from '../conversation/service.js'
import type { ConversationService, Effect, EffectExecutor } from '../conversation/types.js'
import { MemorySessionStore } from '../store/memory-session-store.js'
import { createRedis, waitReady } from '../store/redis-connection.js'
import { decodeSession, encodeSession } from '../dialog/session-json.js'
import { RedisSessionStore } from '../store/redis-session-store.js'
import type { SessionStore } from '../store/session-store.js'
import { handleAgentText } from '../tickets/agent-commands.js'
import { createApp } from './app.js'
import { composeTickets } from './compose-tickets.js'
import { redisReadiness, type ReadinessCheck } from './health-routes.js'
import { createLiveCatalog } from './live-catalog.js'
import type { Logger } from './logging.js'
import { countMessages, createMetrics, type Metrics } from './metrics.js'
import { createMemoryRateLimiter, createRedisRateLimiter, enforceLimits, ipKey } from './rate-limit.js'
import { StartError } from './start-error.js'

export { StartError } from './start-error.js'

export interface ComposedServer {
  app: Koa
  /** Every channel (HTTP, web chat, WeChat) hands residents' messages to this one service. */
  conversation: ConversationService
  metrics: Metrics
  /**
   * Starts the WeChat channel when WECHATY_PUPPET is set (call after listen; a no-op otherwise) and hands its
   * notifier to the tickets worker. close() stops the bot first. Tests may pass a puppet instance (PuppetMock).
   */
  startChannels(opts?: { wechatPuppet?: WechatChannelOptions['puppet'] }): Promise<void>
  /** The running WeChat channel, once startChannels() started it. */
  readonly wechat: WechatChannel | undefined
  /** Ends long-lived responses (the console's live feeds) so that the HTTP server can drain; call first on shutdown. */
  prepareToStop(): void
  /** Releases everything: workers, reload timer, stores, Redis. Call after the HTTP server has stopped. */
  close(): Promise<void>
}

/** How long start-up waits for Redis before giving up with a clear message. */
const REDIS_READY_TIMEOUT_MS = 5_000

export async function composeServer(config: Config, logger: Logger): Promise<ComposedServer> {
  const closers: (() => Promise<void> | void)[] = []
  const close = async (): Promise<void> => {
    for (const closeOne of closers.splice(0).reverse()) {
      try {
        await closeOne()
      } catch (err) {
        logger.warn({ err }, '关闭时出错')
      }
    }
  }

  try {
    const metrics = createMetrics({ processMetrics: true })
    const redis = config.redis.url ? await connectRedis(config.redis.url, logger) : undefined
    if (redis) closers.push(() => redis.quit().then(() => undefined, () => redis.disconnect()))
    const prefix = config.redis.prefix

    const catalogDir = resolve(config.catalog.dir)
    const reloader = await createCatalogReloader({ dir: catalogDir, intervalMs: config.catalog.reloadMs, logger }).catch(
      (err: unknown) => {
        throw new StartError(err instanceof Error ? err.message : String(err))
      },
    )
    closers.push(() => reloader.close())
    const live = createLiveCatalog({ reloader, logger, onMatch: metrics.matchOutcome })
    closers.push(() => live.close())

    const dialogs = await loadDialogDir(resolve(config.dialogsDir))
    if (!dialogs.ok) {
      const lines = dialogs.errors.map(formatSourceError)
      throw new StartError([`对话定义 ${config.dialogsDir} 有 ${lines.length} 处错误，无法启动：`, ...lines].join('\n'))
    }

    const sessions: SessionStore = redis
      ? new RedisSessionStore(redis, { prefix, encode: encodeSession, decode: decodeSession, onError: (message) => logger.warn(message) })
      : new MemorySessionStore()
    closers.push(() => sessions.close())
    const limiter = redis ? createRedisRateLimiter(redis, prefix) : createMemoryRateLimiter()
    closers.push(() => limiter.close())

    const tickets = await composeTickets({
      redis,
      prefix,
      catalogDir,
      reloadMs: config.catalog.reloadMs,
      live,
      logger,
      metrics,
      bodyLimitBytes: config.bodyLimitBytes,
      ...(config.agentWebhook && { agentWebhook: config.agentWebhook }),
      wechat: config.wechat !== undefined,
    })
    closers.push(() => tickets.close())

    // Questions that matched nothing or poorly: kept for admins to add phrasings (console 未答问题).
    const unanswered = redis ? new RedisUnansweredLog(redis, { prefix }) : new MemoryUnansweredLog()
    const executors: Partial<Record<Effect['type'], EffectExecutor>> = {
      openTicket: tickets.executeEffect,
      listTickets: tickets.executeEffect,
      mentionOpenTicket: tickets.executeEffect,
      unmatched: createUnmatchedRecorder(unanswered, logger),
    }
    const logOnly = createDefaultEffectExecutor(dialogs.definitions, logger)
    const executeEffect: EffectExecutor = (effect, message) => (executors[effect.type] ?? logOnly)(effect, message)

    const conversation = countMessages(
      createConversationService({
        definitions: dialogs.definitions,
        catalog: live.current,
        sessions,
        sessionTtlSeconds: config.sessionTtlSeconds,
        logger,
        executeEffect,
        interceptors: [tickets.interceptor],
      }),
      metrics,
    )
    const webChat = createWebChatRouter({
      conversation,
      cookieSecret: config.cookieSecret,
      bodyLimitBytes: config.bodyLimitBytes,
      messages: {
        peek: (resident) => tickets.outbox.peek(resident.userId),
        ack: (resident, ids) => tickets.outbox.ack(resident.userId, ids),
      },
      beforeChat: (resident, ctx) =>
        enforceLimits(
          limiter,
          [
            { key: ipKey('web', ctx.ip), limit: config.rateLimit.perIp },
            { key: `resident:web:${resident.userId}`, limit: config.rateLimit.perResident },
          ],
          Date.now(),
        ),
    })
    const shutdown = new AbortController()
    const consoleRouter = createConsoleRouter({
      adminToken: config.adminToken,
      tickets: tickets.env,
      catalog: reloader,
      network: tickets.network,
      unanswered,
      shutdown: shutdown.signal,
      onError: (err, what) => logger.error({ err }, `管理后台出错（${what}）`),
    })

    const readiness: ReadinessCheck[] = [
      { name: 'catalog', check: async () => (live.current().catalog.items.length > 0 ? undefined : '目录里没有事项') },
    ]
    if (redis) readiness.unshift(redisReadiness(redis))

    const app = createApp({
      conversation,
      logger,
      metrics,
      limiter,
      readiness,
      settings: {
        chatToken: config.chatToken,
        bodyLimitBytes: config.bodyLimitBytes,
        rateLimit: config.rateLimit,
        trustProxy: config.trustProxy,
      },
      routers: [tickets.agentRouter, webChat, consoleRouter],
      outbox: tickets.outbox,
    })
    let wechat: WechatChannel | undefined
    const startChannels = async (opts: { wechatPuppet?: WechatChannelOptions['puppet'] } = {}): Promise<void> => {
      if (!config.wechat || wechat) return
      // Imported only when configured: wechaty costs about a second to load.
      const { agentResolver, startWechatChannel } = await import('../channels/wechat/index.js')
      const channel = await startWechatChannel({
        ...(opts.wechatPuppet && { puppet: opts.wechatPuppet }),
        conversation,
        agentCommands: async ({ agentId, text, now }) => {
          const agent = tickets.env.network.agentsById.get(agentId)
          return agent ? handleAgentText(tickets.env, agent, text, now) : undefined
        },
        resolveAgent: agentResolver(() => tickets.env.network),
        logger,
      })
      wechat = channel
      tickets.wechatNotifier?.fill(channel.notifier)
      // Pushed last, so close() stops the bot first: its messages in flight still reach the stores and Redis.
      closers.push(async () => {
        tickets.wechatNotifier?.fill(undefined)
        await channel.stop()
      })
    }
    return {
      app,
      conversation,
      metrics,
      startChannels,
      get wechat() {
        return wechat
      },
      prepareToStop: () => shutdown.abort(),
      close,
    }
  } catch (err) {
    await close()
    throw err
  }
}

async function connectRedis(url: string, logger: Logger): Promise<Redis> {
  // No auto-pipelining: each batch builds an ioredis Pipeline (~15 KB of garbage per command when traffic is
  // light), which made young-generation GC the main cause of slow messages (bench:dialog p99 ~5.5 → ~4.4 ms
  // without it), and under 50 concurrent residents it no longer gained anything measurable (bench:http).
  const redis = createRedis(url, {
    connectionName: 'daiban-server',
    onError: (message) => logger.error(message),
    coalesceWrites: true,
  })
  try {
    await waitReady(redis, REDIS_READY_TIMEOUT_MS)
    return redis
  } catch (err) {
    redis.disconnect()
    throw new StartError(err instanceof Error ? err.message : String(err))
  }
}
