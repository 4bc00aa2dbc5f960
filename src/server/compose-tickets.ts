/**
 * The proxy-ticket part of the server: service network and holiday calendar from the catalogue folder
 * (reloaded when edited, see network-reloader.ts), the ticket backend (Redis when configured, memory
 * otherwise), the background worker (timers, notifications), and what the rest of the server plugs in: an
 * effect executor and an interceptor for the conversation, the residents' outbox, and the agents' HTTP API.
 */
import type { Redis } from 'ioredis'
import { formatSourceError } from '../catalog/yaml-source.js'
import type { EffectExecutor, Interceptor } from '../conversation/types.js'
import { createAgentRouter } from '../tickets/http.js'
import { createNetworkReloader, liveTicketEnv, type NetworkReloader } from '../tickets/network-reloader.js'
import { allOf, createLogNotifier, createNotifierHub, createOutboxNotifier, type HubOptions } from '../tickets/notifiers/hub.js'
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
  /** How often network.yaml and holidays.yaml are checked for edits (CATALOG_RELOAD_MS); default 2 s. */
  reloadMs?: number
  live: LiveCatalog
  logger: Logger
  metrics: Metrics
  bodyLimitBytes: number
  /** Agents are also told through this webhook (JSON or 企业微信 group robot) when set. */
  agentWebhook?: { url: string; format: WebhookFormat }
  /**
   * True when the WeChat channel will run: `wechat` residents and agents are then notified through
   * `TicketsPart.wechatNotifier`, which the bot fills once it is built.
   */
  wechat?: boolean
}

/** The escalations metric's `kind` for each timer: 督办 of an unclaimed ticket, 超期, an unanswered 差评 follow-up. */
const ESCALATION_KINDS = { escalate: 'unclaimed', overdue: 'overdue', followUp: 'follow_up_overdue' } as const

export interface TicketsPart {
  /** Store, network and calendar: what the agents' API and the console act on. Network and calendar follow `network`. */
  env: TicketEnv
  /** network.yaml and holidays.yaml, reloaded when edited; its status() is shown in the console. */
  network: NetworkReloader
  /** Carries out openTicket and listTickets; returns no replies for other effects. */
  executeEffect: EffectExecutor
  interceptor: Interceptor
  outbox: Outbox
  agentRouter: Routes
  /** Present when `wechat` was set: hand it the bot's notifier (createWechatNotifier) once the bot is built. */
  wechatNotifier?: NotifierSlot
  close(): Promise<void>
}

/**
 * A notifier filled in later: the WeChat bot's notifier exists only once the bot is built, after the worker
 * started. While empty, send() throws, so the queue retries the notification and finally lists a dead letter.
 */
export interface NotifierSlot extends Notifier {
  fill(notifier: Notifier | undefined): void
  readonly filled: boolean
}

export function createNotifierSlot(what: string): NotifierSlot {
  let current: Notifier | undefined
  return {
    async send(n) {
      if (!current) throw new Error(`${what}尚未就绪，稍后重试 (notification ${n.id})`)
      await current.send(n)
    },
    fill(notifier) {
      current = notifier
    },
    get filled() {
      return current !== undefined
    },
  }
}

export async function composeTickets(opts: TicketsOptions): Promise<TicketsPart> {
  const started = await createNetworkReloader({
    dir: opts.catalogDir,
    // Read at each check: the network is checked again against a new catalogue's service points.
    points: () => opts.live.current().catalog.points,
    ...(opts.reloadMs !== undefined && { intervalMs: opts.reloadMs }),
    logger: opts.logger,
  })
  if (!started.ok) {
    const lines = started.errors.map(formatSourceError)
    throw new StartError([`代办网络或节假日文件有 ${lines.length} 处错误，无法启动：`, ...lines].join('\n'))
  }
  const network = started.reloader

  const backend = opts.redis ? createRedisTicketBackend(opts.redis, { prefix: opts.prefix }) : createMemoryTicketBackend()
  // network and calendar are read from the reloader at each use, so an edit of network.yaml or holidays.yaml
  // reaches routing, the agents' API, the console and the WeChat agent lookup without a restart.
  const env: TicketEnv = liveTicketEnv(
    {
      store: backend.tickets,
      // Read per call, so an edited catalogue is used at once.
      item: (id) => opts.live.current().catalog.byId.get(id),
    },
    network,
  )

  const webhook = opts.agentWebhook ? createWebhookNotifier(opts.agentWebhook) : undefined
  const wechat = opts.wechat ? createNotifierSlot('微信通道') : undefined
  const toOutbox = createOutboxNotifier(backend.outbox)
  const residents: HubOptions['residents'] = { http: toOutbox, web: toOutbox, ...(wechat && { wechat }) }
  // Without WeChat agents are told in the log (and through the webhook when set).
  const first: Notifier = wechat ?? createLogNotifier((line) => opts.logger.info(line))
  const agents: Notifier = webhook ? allOf(first, webhook) : first
  const notifier = createNotifierHub({ residents, agents })

  const worker = startTicketWorker({
    env,
    queue: backend.queue,
    timers: backend.timers,
    notifier,
    clock: systemClock,
    onFired: (kind) => opts.metrics.escalation(ESCALATION_KINDS[kind]),
    onError: (what, err) => opts.logger.error({ err }, `工单后台任务出错（${what}）`),
  })

  // Read at each scrape (every 15–60 s): a county's tickets are thousands, not millions.
  opts.metrics.setTicketCounts(async () => (await ticketStats(env.store, Date.now())).byStatus)

  return {
    env,
    network,
    executeEffect: createTicketEffectExecutor(env),
    interceptor: createTicketInterceptor(env),
    outbox: backend.outbox,
    agentRouter: createAgentRouter({ env, queue: backend.queue, bodyLimitBytes: opts.bodyLimitBytes }),
    ...(wechat && { wechatNotifier: wechat }),
    close: async () => {
      network.close()
      await worker.stop()
    },
  }
}
