/**
 * One contract for the tickets' backend ports (TicketStore, NotificationQueue, TimerStore, Outbox),
 * run against every adapter: memory and Redis.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Outgoing, RetryPolicy, TicketBackend } from '../../src/tickets/ports.js'
import type { Notification, Ticket, Timer } from '../../src/tickets/types.js'

export const POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000, visibilityMs: 150 }
export const LEASE_MS = 10_000

export interface BackendHandle {
  backend: TicketBackend
  /** The same data through a second connection (the same object for memory). */
  other: TicketBackend
  cleanup(): Promise<void>
}

const NOW = Date.parse('2026-11-23T09:00:00+08:00')
const NONE: Outgoing = { notify: [], schedule: [], cancel: [] }
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function ticket(id: string, extra: Partial<Ticket> = {}): Ticket {
  return {
    id,
    version: 1,
    status: '待领办',
    resident: { channel: 'http', userId: 'u-1' },
    name: '张三丰',
    phone: '13812345678',
    itemId: 'village-item',
    itemName: '最低生活保障申请',
    help: '代办',
    delivery: { kind: 'mail', address: '大店镇一村 8 号' },
    materialsReady: ['居民身份证'],
    materialsMissing: [],
    answers: { 户籍: '本县户口' },
    areaPointId: 'town-a-v1',
    nodeId: 'town-a-v1',
    tier: '村',
    chain: ['town-a-v1'],
    createdAt: NOW,
    updatedAt: NOW,
    dueAt: NOW + 86_400_000,
    escalations: 0,
    history: [{ at: NOW, by: 'resident', action: 'open', status: '待领办' }],
    ...extra,
  }
}

function note(id: string, text = '新工单'): Notification {
  return { id, ticketId: 'DB2611230001', event: 'open', to: { kind: 'agent', agentId: 'a-v1', wechat: 'wx', role: '代办员' }, text, at: NOW }
}

const timer = (id: string, dueAt: number): Timer => ({ id, kind: 'escalate', ticketId: 'DB2611230001', dueAt, round: 0 })

/** Creates a ticket (its id from the day's counter) with `extra` fields and outgoing effects. */
export function put(b: TicketBackend, extra: Partial<Ticket> = {}, out: Outgoing = NONE, day = '261123'): Promise<Ticket> {
  return b.tickets.create(day, (id) => ({ ticket: ticket(id, extra), out }))
}

/** The next version of `t` with one more history entry. */
function claimed(t: Ticket, by: string, at = NOW + 1_000): Ticket {
  return {
    ...t,
    version: t.version + 1,
    status: '已领办',
    claimedBy: by,
    claimedAt: at,
    updatedAt: at,
    history: [...t.history, { at, by, action: 'claim', status: '已领办' }],
  }
}

export function describeTicketBackend(adapter: string, make: () => Promise<BackendHandle>): void {
  describe(`ticket backend contract: ${adapter}`, () => {
    let h: BackendHandle
    beforeEach(async () => {
      h = await make()
    })
    afterEach(async () => {
      await h.cleanup()
    })

    describe('TicketStore', () => {
      it('numbers each day’s tickets once, also when created concurrently over two connections', async () => {
        const created = await Promise.all(Array.from({ length: 40 }, (_, i) => put(i % 2 ? h.backend : h.other)))
        expect(created.map((t) => t.id).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `DB261123${String(i + 1).padStart(4, '0')}`))
        expect((await put(h.backend, {}, NONE, '261124')).id).toBe('DB2611240001')
      })

      it('stores a ticket with its history and returns it as stored', async () => {
        const t = await put(h.backend)
        expect(t).toEqual(ticket('DB2611230001'))
        expect(await h.other.tickets.get(t.id)).toEqual(t)
        expect(await h.backend.tickets.get('DB2611239999')).toBeUndefined()
      })

      it('commits a new ticket’s notifications and timers with it, with the id it was given', async () => {
        const t = await h.backend.tickets.create('261123', (id) => ({
          ticket: ticket(id),
          out: { notify: [{ ...note(`${id}:1:a-v1`), ticketId: id }, note('n2')], schedule: [timer(`esc:${id}:0`, NOW + 10)], cancel: [] },
        }))
        const taken = await h.backend.queue.take(NOW, 10)
        expect(taken.map((d) => [d.notification.id, d.notification.ticketId])).toEqual([
          [`${t.id}:1:a-v1`, t.id],
          ['n2', 'DB2611230001'],
        ])
        expect(await h.backend.timers.claimDue(NOW + 10, 10)).toEqual([timer(`esc:${t.id}:0`, NOW + 10)])
      })

      it('updates only from the stored version, appending history and moving the indexes', async () => {
        const t = await put(h.backend)
        const next = claimed(t, 'a-v1')
        expect(await h.backend.tickets.update(t, next, { notify: [note('n1')], schedule: [], cancel: [] })).toBe(true)
        expect(await h.other.tickets.get(t.id)).toEqual(next)
        expect((await h.backend.tickets.list({ status: '待领办' })).map((x) => x.id)).toEqual([])
        expect((await h.backend.tickets.list({ status: '已领办' })).map((x) => x.id)).toEqual([t.id])
        expect((await h.backend.tickets.list({ claimedBy: 'a-v1' })).map((x) => x.id)).toEqual([t.id])

        // A stale writer changes nothing and sets nothing off.
        const stale = claimed(t, 'a-town-1')
        expect(await h.backend.tickets.update(t, stale, { notify: [note('n-stale')], schedule: [timer('t-stale', NOW)], cancel: [] })).toBe(false)
        expect((await h.backend.tickets.get(t.id))?.claimedBy).toBe('a-v1')
        expect((await h.backend.queue.take(NOW, 10)).map((d) => d.notification.id)).toEqual(['n1'])
        expect(await h.backend.timers.claimDue(NOW, 10)).toEqual([])
      })

      it('lets exactly one of two concurrent updates from the same version win', async () => {
        const t = await put(h.backend)
        const results = await Promise.all([
          h.backend.tickets.update(t, claimed(t, 'a-v1'), NONE),
          h.other.tickets.update(t, claimed(t, 's-town'), NONE),
        ])
        expect(results.filter(Boolean)).toHaveLength(1)
        const stored = await h.backend.tickets.get(t.id)
        expect(stored?.history).toHaveLength(2)
        expect(stored?.claimedBy).toBe(results[0] ? 'a-v1' : 's-town')
      })

      it('lists by node, resident and status, newest first, up to a limit', async () => {
        for (let i = 1; i <= 3; i++) await put(h.backend, { createdAt: NOW + i })
        await put(h.backend, { nodeId: 'town-b-v1', resident: { channel: 'wechat', userId: 'wx-9' } })
        const ids = (xs: { id: string }[]) => xs.map((x) => x.id)
        expect(ids(await h.backend.tickets.list({ nodeId: 'town-a-v1' }))).toEqual(['DB2611230003', 'DB2611230002', 'DB2611230001'])
        expect(ids(await h.backend.tickets.list({ nodeId: 'town-a-v1' }, 2))).toEqual(['DB2611230003', 'DB2611230002'])
        expect(ids(await h.backend.tickets.list({ resident: { channel: 'wechat', userId: 'wx-9' } }))).toEqual(['DB2611230004'])
        expect(await h.backend.tickets.list({ status: '待领办' })).toHaveLength(4)
        expect((await h.backend.tickets.list({ nodeId: 'town-a-v1' }))[0]).not.toHaveProperty('history')
      })

      it('keeps a question asked about withdrawing a ticket until answered or timed out, readable from the other connection once', async () => {
        const u1 = { channel: 'http' as const, userId: 'u-1' }
        const u2 = { channel: 'wechat' as const, userId: 'u-1' }
        expect(await h.backend.tickets.takeCancelAsk(u1, NOW)).toBeUndefined()
        await h.backend.tickets.askCancel(u1, ['DB2611230001'], NOW, NOW + 600_000)
        await h.backend.tickets.askCancel(u2, ['DB2611230002'], NOW, NOW + 600_000)
        expect(await h.other.tickets.takeCancelAsk(u1, NOW + 1_000)).toEqual(['DB2611230001'])
        // Taken once: the next reply is no answer to it.
        expect(await h.backend.tickets.takeCancelAsk(u1, NOW + 2_000)).toBeUndefined()
        // Asked again, which of several: the newest question counts, its tickets in order.
        await h.backend.tickets.askCancel(u2, ['DB2611230003', 'DB2611230001'], NOW, NOW + 600_000)
        expect(await h.other.tickets.takeCancelAsk(u2, NOW + 1_000)).toEqual(['DB2611230003', 'DB2611230001'])
        // Past its time (by the caller's clock): gone.
        await h.backend.tickets.askCancel(u1, ['DB2611230001'], NOW, NOW + 600_000)
        expect(await h.other.tickets.takeCancelAsk(u1, NOW + 600_000)).toBeUndefined()
      })
    })

    describe('NotificationQueue', () => {
      it('delivers, and forgets what was acknowledged', async () => {
        await h.backend.queue.enqueue([note('n1'), note('n2')])
        const [d1, d2] = await h.backend.queue.take(NOW, 10)
        expect([d1?.attempt, d1?.notification]).toEqual([1, note('n1')])
        await h.backend.queue.ack(d1!)
        await h.backend.queue.ack(d2!)
        await sleep(POLICY.visibilityMs + 50)
        expect(await h.backend.queue.take(Date.now(), 10)).toEqual([])
      })

      it('does not hand a delivery in flight to a second taker', async () => {
        await h.backend.queue.enqueue([note('n1')])
        expect(await h.backend.queue.take(NOW, 10)).toHaveLength(1)
        expect(await h.other.queue.take(NOW, 10)).toEqual([])
      })

      it('hands out again a delivery its taker abandoned (died before ack)', async () => {
        await h.backend.queue.enqueue([note('n1')])
        expect(await h.backend.queue.take(Date.now(), 10)).toHaveLength(1)
        await sleep(POLICY.visibilityMs + 50)
        const again = await h.other.queue.take(Date.now(), 10)
        expect(again.map((d) => d.notification.id)).toEqual(['n1'])
      })

      it('retries a failure after its backoff, then files a dead letter', async () => {
        await h.backend.queue.enqueue([note('n1', '内容')])
        let [d] = await h.backend.queue.take(NOW, 10)
        expect(await h.backend.queue.fail(d!, '网络断了', NOW)).toBe('retry')
        expect(await h.backend.queue.take(NOW + 999, 10)).toEqual([])
        ;[d] = await h.backend.queue.take(NOW + 1_000, 10)
        expect(d?.attempt).toBe(2)
        expect(await h.backend.queue.fail(d!, '网络断了', NOW + 1_000)).toBe('retry')
        ;[d] = await h.backend.queue.take(NOW + 3_000, 10) // backoff doubled: 2 s
        expect(d?.attempt).toBe(3)
        expect(await h.backend.queue.fail(d!, 'HTTP 500', NOW + 3_000)).toBe('dead')
        expect(await h.backend.queue.take(NOW + 100_000, 10)).toEqual([])
        expect(await h.other.queue.deadLetters()).toEqual([{ notification: note('n1', '内容'), attempts: 3, error: 'HTTP 500', at: NOW + 3_000 }])
      })
    })

    describe('TimerStore', () => {
      it('fires a timer once when due, and again only if its claim ran out without done', async () => {
        await h.backend.timers.schedule([timer('a', NOW + 100), timer('b', NOW + 200)])
        expect(await h.backend.timers.claimDue(NOW + 99, 10)).toEqual([])
        expect((await h.backend.timers.claimDue(NOW + 100, 10)).map((t) => t.id)).toEqual(['a'])
        expect((await h.other.timers.claimDue(NOW + 200, 10)).map((t) => t.id)).toEqual(['b'])
        await h.backend.timers.done(['b'])
        // "a" was never marked done: its holder died; after the lease it is handed out again.
        expect(await h.backend.timers.claimDue(NOW + 100 + LEASE_MS - 1, 10)).toEqual([])
        expect((await h.backend.timers.claimDue(NOW + 100 + LEASE_MS, 10)).map((t) => t.id)).toEqual(['a'])
        await h.backend.timers.done(['a'])
        expect(await h.backend.timers.claimDue(NOW + 10 * LEASE_MS, 10)).toEqual([])
      })

      it('gives two concurrent sweeps disjoint timers', async () => {
        await h.backend.timers.schedule(Array.from({ length: 50 }, (_, i) => timer(`t${i}`, NOW + i)))
        const [x, y] = await Promise.all([h.backend.timers.claimDue(NOW + 100, 30), h.other.timers.claimDue(NOW + 100, 30)])
        const ids = [...x!, ...y!].map((t) => t.id)
        expect(ids).toHaveLength(50)
        expect(new Set(ids).size).toBe(50)
      })

      it('cancels, and rescheduling an id replaces its due time', async () => {
        await h.backend.timers.schedule([timer('a', NOW), timer('b', NOW)])
        await h.backend.timers.cancel(['a'])
        await h.backend.timers.schedule([timer('b', NOW + 500)])
        expect(await h.backend.timers.claimDue(NOW + 499, 10)).toEqual([])
        expect((await h.backend.timers.claimDue(NOW + 500, 10)).map((t) => t.id)).toEqual(['b'])
      })

      it('cancels timers in a ticket update', async () => {
        const t = await put(h.backend, {}, { notify: [], schedule: [timer('esc', NOW)], cancel: [] })
        await h.backend.tickets.update(t, claimed(t, 'a-v1'), { notify: [], schedule: [], cancel: ['esc'] })
        expect(await h.backend.timers.claimDue(NOW + 1_000, 10)).toEqual([])
      })
    })

    describe('Outbox', () => {
      it('drains a resident’s messages once, oldest first, without duplicates', async () => {
        const m = (id: string) => ({ id, ticketId: 'DB2611230001', text: `消息 ${id}`, at: NOW })
        await h.backend.outbox.push('u-1', m('1'))
        await h.backend.outbox.push('u-1', m('2'))
        await h.backend.outbox.push('u-1', m('1'))
        await h.backend.outbox.push('u-2', m('3'))
        expect(await h.other.outbox.drain('u-1')).toEqual([m('1'), m('2')])
        expect(await h.backend.outbox.drain('u-1')).toEqual([])
        expect(await h.backend.outbox.drain('u-2')).toEqual([m('3')])
      })
      it('shows waiting messages until the reader acknowledges them (a lost answer loses nothing)', async () => {
        const m = (id: string) => ({ id, ticketId: 'DB2611230001', text: `消息 ${id}`, at: NOW })
        await h.backend.outbox.push('u-1', m('1'))
        await h.backend.outbox.push('u-1', m('2'))
        await h.backend.outbox.push('u-1', m('1'))
        expect(await h.backend.outbox.peek('u-1')).toEqual([m('1'), m('2')])
        // The answer was lost on the way: the next read brings the same messages.
        expect(await h.other.outbox.peek('u-1')).toEqual([m('1'), m('2')])
        await h.other.outbox.ack('u-1', ['1', 'unknown'])
        await h.backend.outbox.push('u-1', m('3'))
        expect(await h.backend.outbox.peek('u-1')).toEqual([m('2'), m('3')])
        await h.backend.outbox.ack('u-1', ['2', '3'])
        expect(await h.backend.outbox.peek('u-1')).toEqual([])
        await h.backend.outbox.ack('u-2', ['1'])
        expect(await h.backend.outbox.peek('u-2')).toEqual([])
      })
    })
  })
}
