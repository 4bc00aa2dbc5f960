/**
 * An app built the way compose.ts builds it, with a conversation service that repeats what it was told
 * (so HTTP tests see exactly what reached the service) and a logger whose lines the test can read.
 */
import type Koa from 'koa'
import type { ConversationService, IncomingMessage } from '../../src/conversation/types.js'
import { createApp, type AppDeps, type AppSettings } from '../../src/server/app.js'
import { createLogger } from '../../src/server/logging.js'
import { countMessages, createMetrics, type Metrics } from '../../src/server/metrics.js'
import { createMemoryRateLimiter } from '../../src/server/rate-limit.js'

export interface TestApp {
  app: Koa
  received: IncomingMessage[]
  logLines: () => Record<string, any>[]
  metrics: Metrics
}

export const NOW = Date.UTC(2026, 10, 23, 2, 0, 0)

export function repeatingConversation(received: IncomingMessage[]): ConversationService {
  return {
    async handle(message, options) {
      // As the real service does: a refused message (rate limit) is not handled.
      await options?.admitted
      received.push(message)
      return { replies: [`收到：${message.content.kind === 'text' ? message.content.text : message.content.kind}`] }
    },
  }
}

export function testApp(overrides: Partial<Omit<AppDeps, 'settings'>> & { settings?: Partial<AppSettings> } = {}): TestApp {
  const received: IncomingMessage[] = []
  const lines: string[] = []
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } })
  const metrics = overrides.metrics ?? createMetrics()
  const app = createApp({
    logger,
    metrics,
    limiter: createMemoryRateLimiter(),
    readiness: [],
    now: () => NOW,
    ...overrides,
    conversation: countMessages(overrides.conversation ?? repeatingConversation(received), metrics),
    settings: {
      chatToken: undefined,
      bodyLimitBytes: 16 * 1024,
      rateLimit: { perResident: 0, perIp: 0 },
      trustProxy: false,
      ...overrides.settings,
    },
  })
  return { app, received, metrics, logLines: () => lines.map((l) => JSON.parse(l) as Record<string, any>) }
}
