import { describe, expect, it } from 'vitest'
import { deliverNotifications } from '../../src/tickets/delivery.js'
import { createLogNotifier, createNotifierHub, createOutboxNotifier } from '../../src/tickets/notifiers/hub.js'
import type { Notifier } from '../../src/tickets/ports.js'
import { act, openTicket } from '../../src/tickets/service.js'
import { createMemoryTicketBackend } from '../../src/tickets/store/memory-tickets.js'
import type { Notification } from '../../src/tickets/types.js'
import { startTicketWorker } from '../../src/tickets/worker.js'
import { byId, makeEnv, MONDAY_9AM, request } from './fixtures.js'

const POLICY = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 10_000, visibilityMs: 30_000 }

/** A notifier that fails the first `failures` sends, recording what it delivered. */
function flaky(failures: number): Notifier & { delivered: Notification[] } {
  let left = failures
  const delivered: Notification[] = []
  return {
    delivered,
    async send(n) {
      if (left-- > 0) throw new Error('对方服务器没响应')
      delivered.push(n)
    },
  }
}

describe('deliverNotifications(queue, notifier, now)', () => {
  it('retries a failed delivery after its backoff and delivers it', async () => {
    const backend = createMemoryTicketBackend({ retry: POLICY })
    await openTicket(makeEnv(backend.tickets), request(), MONDAY_9AM)
    const notifier = flaky(2)
    expect(await deliverNotifications(backend.queue, notifier, MONDAY_9AM)).toEqual({ delivered: 0, retried: 1, dead: 0 })
    expect(await deliverNotifications(backend.queue, notifier, MONDAY_9AM + 999)).toEqual({ delivered: 0, retried: 0, dead: 0 })
    expect(await deliverNotifications(backend.queue, notifier, MONDAY_9AM + 1_000)).toEqual({ delivered: 0, retried: 1, dead: 0 })
    expect(await deliverNotifications(backend.queue, notifier, MONDAY_9AM + 3_000)).toEqual({ delivered: 1, retried: 0, dead: 0 })
    expect(notifier.delivered.map((n) => n.to)).toEqual([{ kind: 'agent', agentId: 'a-v1', wechat: 'wx-a-v1', role: '代办员' }])
  })

  it('files a dead letter after the last attempt, visible to admins', async () => {
    const backend = createMemoryTicketBackend({ retry: POLICY })
    await openTicket(makeEnv(backend.tickets), request(), MONDAY_9AM)
    const notifier = flaky(99)
    for (const t of [0, 1_000, 3_000]) await deliverNotifications(backend.queue, notifier, MONDAY_9AM + t)
    const dead = await backend.queue.deadLetters()
    expect(dead.map((d) => [d.notification.ticketId, d.attempts, d.error])).toEqual([['DB2611230001', 3, '对方服务器没响应']])
  })
})

describe('createNotifierHub(options)', () => {
  it('puts HTTP residents’ news in their outbox and agents’ news through the agents’ notifier', async () => {
    const backend = createMemoryTicketBackend()
    const env = makeEnv(backend.tickets)
    const lines: string[] = []
    const hub = createNotifierHub({ residents: { http: createOutboxNotifier(backend.outbox) }, agents: createLogNotifier((l) => lines.push(l)) })
    const opened = await openTicket(env, request(), MONDAY_9AM)
    if (!opened.ok) throw new Error(opened.message)
    await act(env, opened.ticket.id, { name: 'claim' }, { kind: 'agent', agent: byId('a-v1') }, MONDAY_9AM + 1)
    expect(await deliverNotifications(backend.queue, hub, MONDAY_9AM + 1)).toMatchObject({ delivered: 2 })
    expect(lines).toEqual([expect.stringMatching(/^\[通知 DB2611230001 → agent:a-v1\] 【新代办工单】 \/ 工单 DB2611230001（待领办） \/ .*138\*\*\*\*5678/)])
    const box = await backend.outbox.drain('u-1')
    expect(box.map((m) => m.text)).toEqual([expect.stringContaining('已由代办员 村代办')])
  })

  it('fails (so the queue retries) for a channel nobody serves', async () => {
    const hub = createNotifierHub({ residents: {} })
    const n: Notification = { id: 'x', ticketId: 'DB2611230001', event: 'claim', to: { kind: 'resident', resident: { channel: 'wechat', userId: 'w' } }, text: '…', at: 0 }
    await expect(hub.send(n)).rejects.toThrow('没有配置发送渠道，无法通知wechat 渠道的居民')
  })
})

describe('startTicketWorker(deps)', () => {
  it('sweeps timers and delivers on each round with the clock it is given, and stops cleanly', async () => {
    const backend = createMemoryTicketBackend()
    const env = makeEnv(backend.tickets)
    let now = MONDAY_9AM
    await openTicket(env, request(), now)
    const notifier = flaky(0)
    const fired: string[] = []
    const worker = startTicketWorker({ env, ...backend, notifier, clock: { now: () => now }, intervalMs: 60_000, onFired: (kind) => fired.push(kind) })
    await worker.tick()
    expect(notifier.delivered.map((n) => n.event)).toEqual(['open'])
    expect(fired).toEqual([])
    now += 24 * 3_600_000
    await worker.tick()
    expect(notifier.delivered.map((n) => n.event)).toEqual(['open', 'escalate', 'escalate', 'escalate', 'escalate'])
    // One 督办 (told to four people), reported once for the metrics; a later round with nothing due reports nothing.
    expect(fired).toEqual(['escalate'])
    await worker.tick()
    expect(fired).toEqual(['escalate'])
    await worker.stop()
  })
})
