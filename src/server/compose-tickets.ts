/**
 * The proxy-ticket part of the server: service network and holiday calendar from the catalogue folder, the
 * ticket backend (Redis when configured, memory otherwise), the background worker (timers, notifications),
 * and what the rest of the server plugs in: an effect executor and an interceptor for the conversation,
 * the residents' outbox, and the agents' HTTP API.
 */
import type { Redis } from 'ioredis'
import { formatSourceError } from '../catalog/yaml-source.js'
import type { EffectExecutor, Interceptor } from '../conversation/types.js'
import { createAgentRouter } from '../tickets/http.js'
import { loadNetwork } from '../tickets/network-file.js'
import { allOf, createLogNotifier, createNotifierHub, createOutboxNotifier } from '../tickets/notifiers/hub.js'
import { createWebhookNotifier, type WebhookFormat } from '../tickets/notifiers/webhook.js'
import { systemClock, type Notifier, type Outbox } from '../tickets/ports.js'
import { createTicketEffectExecutor, createTicketInterceptor } from '../tickets/resident.js'
import type { TicketEnv } from '../tickets/service.js'
import { ticketStats } from '../tickets/stats.js'
import { createMemoryTicketBackend } from '../tickets/store/memory-tickets.js'
import { createRedisTicketBackend } from '../tickets/store/redis-backend.js'
import { startTicketWorker } from '../tickets/worker.js'
import type { Routes } from './app.js'
import type { LiveCatalog } from './live-catalog.js'
import type { Logger } from './logging.js'
import type { Metrics } from './metrics.js'
import { StartError } from './start-error.js'

export interface TicketsOptions {
  redis: Redis | undefined
  prefix: string
  /** Where network.yaml and holidays.yaml live (the catalogue folder). */
  catalogDir: string
  live: LiveCatalog
  logger: Logger
  metrics: Metrics
  bodyLimitBytes: number
  /** Agents are also told through this webhook (JSON or 企业微信 group robot) when set. */
  agentWebhook?: { url: string; format: WebhookFormat }
}

export interface TicketsPart {
  /** Store, network and calendar: what the agents' API and the console act on. */
  env: TicketEnv
  /** Carries out openTicket and listTickets; returns no replies for other effects. */
  executeEffect: EffectExecutor
  interceptor: Interceptor
  outbox: Outbox
  agentRouter: Routes
  close(): Promise<void>
}

export async function composeTickets(opts: TicketsOptions): Promise<TicketsPart> {
  const loaded = await loadNetwork(opts.catalogDir, opts.live.current().catalog.points)
  if (!loaded.ok) {
    const lines = loaded.errors.map(formatSourceError)
    throw new StartError([`代办网络或节假日文件有 ${lines.length} 处错误，无法启动：`, ...lines].join('\n'))
  }
  for (const w of loaded.warnings) opts.logger.warn(formatSourceError(w))

  const backend = opts.redis ? createRedisTicketBackend(opts.redis, { prefix: opts.prefix }) : createMemoryTicketBackend()
  const env: TicketEnv = {
    store: backend.tickets,
    network: loaded.network,
    calendar: loaded.calendar,
    // Read per call, so an edited catalogue is used at once.
    item: (id) => opts.live.current().catalog.byId.get(id),
  }

  // COMPOSE: WeChat — when the WeChat channel runs, add its notifier (createWechatNotifier) for agents and
  // for `wechat` residents here.
  const log = createLogNotifier((line) => opts.logger.info(line))
  const agents: Notifier = opts.agentWebhook ? allOf(log, createWebhookNotifier(opts.agentWebhook)) : log
  const toOutbox = createOutboxNotifier(backend.outbox)
  const notifier = createNotifierHub({ residents: { http: toOutbox, web: toOutbox }, agents })

  const worker = startTicketWorker({
    env,
    queue: backend.queue,
    timers: backend.timers,
    notifier,
    clock: systemClock,
    onError: (what, err) => opts.logger.error({ err }, `工单后台任务出错（${what}）`),
  })

  // Read at each scrape (every 15–60 s): a county's tickets are thousands, not millions.
  opts.metrics.setTicketCounts(async () => (await ticketStats(env.store, Date.now())).byStatus)

  return {
    env,
    executeEffect: createTicketEffectExecutor(env),
    interceptor: createTicketInterceptor(env),
    outbox: backend.outbox,
    agentRouter: createAgentRouter({ env, queue: backend.queue, bodyLimitBytes: opts.bodyLimitBytes }),
    close: () => worker.stop(),
  }
}
