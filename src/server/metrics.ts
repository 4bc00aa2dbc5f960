/**
 * Prometheus metrics, one registry per app (so two apps in one test process do not mix counts).
 * The conversation and ticket layers report through the small `Metrics` methods, never through prom-client.
 */
import type { Middleware } from 'koa'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { Channel, ConversationService } from '../conversation/types.js'

export type MatchOutcome = 'sure' | 'choose' | 'none'
/** 督办 of an unclaimed ticket, past its promised time limit, a 差评 follow-up not answered in time. */
export type EscalationKind = 'unclaimed' | 'overdue' | 'follow_up_overdue'
/** Counts of tickets per status, read when /metrics is scraped. */
export type TicketCountSource = () => Promise<Record<string, number>> | Record<string, number>

export interface Metrics {
  readonly registry: Registry
  /** One resident message handled, on any channel. */
  message(channel: Channel): void
  /** What the matcher decided for a resident's question. */
  matchOutcome(outcome: MatchOutcome): void
  /** A ticket was escalated (督办) or flagged overdue. */
  escalation(kind: EscalationKind): void
  /** Where the tickets-by-status gauge reads its numbers; the tickets layer registers it once. */
  setTicketCounts(source: TicketCountSource): void
  /** Times each request, labelled by route pattern (not raw path, which would explode the label set). */
  httpMiddleware(): Middleware
}

export interface MetricsOptions {
  /** Process metrics (CPU, memory, event loop); on for the server, off in tests that build many apps. */
  processMetrics?: boolean
}

export function createMetrics(opts: MetricsOptions = {}): Metrics {
  const registry = new Registry()
  if (opts.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'daiban_' })

  const messages = new Counter({
    name: 'daiban_messages_total',
    help: 'Resident messages handled, by channel',
    labelNames: ['channel'],
    registers: [registry],
  })
  const outcomes = new Counter({
    name: 'daiban_match_outcomes_total',
    help: 'Catalogue lookups of residents\' text (questions, and new questions mid-dialog) by decision: sure, choose or none',
    labelNames: ['outcome'],
    registers: [registry],
  })
  for (const outcome of ['sure', 'choose', 'none'] as const) outcomes.inc({ outcome }, 0)
  const escalations = new Counter({
    name: 'daiban_escalations_total',
    help: 'Ticket escalations and overdue alerts, by kind',
    labelNames: ['kind'],
    registers: [registry],
  })
  // Shown at 0 from the start, so a dashboard's rate() has a series before the first escalation.
  for (const kind of ['unclaimed', 'overdue', 'follow_up_overdue'] as const) escalations.inc({ kind }, 0)
  let ticketSource: TicketCountSource | undefined
  new Gauge({
    name: 'daiban_tickets',
    help: 'Tickets by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      if (!ticketSource) return
      this.reset()
      // Without Redis there are no counts to show, but the other metrics must still be served.
      const counts = await Promise.resolve(ticketSource()).catch(() => ({}))
      for (const [status, count] of Object.entries(counts)) this.set({ status }, count)
    },
  })
  const duration = new Histogram({
    name: 'daiban_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  })

  return {
    registry,
    message: (channel) => messages.inc({ channel }),
    matchOutcome: (outcome) => outcomes.inc({ outcome }),
    escalation: (kind) => escalations.inc({ kind }),
    setTicketCounts(source) {
      ticketSource = source
    },
    httpMiddleware() {
      return async (ctx, next) => {
        const start = process.hrtime.bigint()
        try {
          await next()
        } finally {
          // Set by @koa/router when a route matched; unmatched paths share one label.
          const route = (ctx as { _matchedRoute?: unknown })._matchedRoute
          // A router-wide middleware (the agent API's token check) leaves its prefix as a pattern: /api/agent(?:\/|$).
          const label = typeof route === 'string' ? route.split('(?:')[0]! : 'unmatched'
          duration.observe(
            { method: ctx.method, route: label, status: String(ctx.status) },
            Number(process.hrtime.bigint() - start) / 1e9,
          )
        }
      }
    },
  }
}

/** Counts every message a conversation service handles, whatever channel it came from. */
export function countMessages(service: ConversationService, metrics: Pick<Metrics, 'message'>): ConversationService {
  return {
    countsAlong: service.countsAlong,
    handle(message, options) {
      metrics.message(message.resident.channel)
      return service.handle(message, options)
    },
  }
}
