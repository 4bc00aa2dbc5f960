/** Backends for scenario tests that should hold on memory and Redis alike. */
import type { TicketBackend } from '../../src/tickets/ports.js'
import { createMemoryTicketBackend } from '../../src/tickets/store/memory-tickets.js'
import { createRedisTicketBackend } from '../../src/tickets/store/redis-backend.js'
import type { Notification } from '../../src/tickets/types.js'
import { newTestRedis } from '../support/redis.js'

export type MakeBackend = () => Promise<{ backend: TicketBackend; cleanup(): Promise<void> }>

export const BACKENDS: [string, MakeBackend][] = [
  ['memory', async () => ({ backend: createMemoryTicketBackend(), cleanup: async () => {} })],
  [
    'redis',
    async () => {
      const { redis, prefix, cleanup } = await newTestRedis()
      return { backend: createRedisTicketBackend(redis, { prefix }), cleanup }
    },
  ],
]

/** Takes and acknowledges everything queued by `now`. */
export async function drainQueue(backend: TicketBackend, now: number): Promise<Notification[]> {
  const out: Notification[] = []
  for (;;) {
    const batch = await backend.queue.take(now, 100)
    if (batch.length === 0) return out
    for (const d of batch) {
      out.push(d.notification)
      await backend.queue.ack(d)
    }
  }
}

/** "agent-id: first line" per notification, for readable expectations. */
export function who(notes: Notification[]): string[] {
  return notes.map((n) => `${n.to.kind === 'agent' ? n.to.agentId : 'resident'}: ${n.text.split('\n')[0]}`)
}
