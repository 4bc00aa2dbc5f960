import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Redis } from 'ioredis'
import { createRedis, waitReady } from '../../src/store/redis-connection.js'
import { act, openTicket, type TicketEnv } from '../../src/tickets/service.js'
import { createRedisTicketBackend } from '../../src/tickets/store/redis-backend.js'
import { newTestRedis, testRedisUrl } from '../support/redis.js'
import { byId, makeEnv, MONDAY_9AM, request } from './fixtures.js'

describe('two agents claiming at once on two Redis connections', () => {
  let first: TicketEnv
  let second: TicketEnv
  let other: Redis
  let cleanup: () => Promise<void>
  beforeEach(async () => {
    const t = await newTestRedis()
    cleanup = t.cleanup
    other = createRedis(testRedisUrl(), { connectionName: 'daiban-test-claim' })
    await waitReady(other, 5_000)
    first = makeEnv(createRedisTicketBackend(t.redis, { prefix: t.prefix }).tickets)
    second = makeEnv(createRedisTicketBackend(other, { prefix: t.prefix }).tickets)
  })
  afterEach(async () => {
    await other.quit()
    await cleanup()
  })

  it('lets the first claim win and tells the second who has it, every time', async () => {
    // The town agent and the village agent's supervisor both may claim a town ticket.
    for (let round = 0; round < 20; round++) {
      const opened = await openTicket(first, request({ itemId: 'town-item' }), MONDAY_9AM + round)
      if (!opened.ok) throw new Error(opened.message)
      const id = opened.ticket.id
      const [a, b] = await Promise.all([
        act(first, id, { name: 'claim' }, { kind: 'agent', agent: byId('a-town-1') }, MONDAY_9AM + 1000),
        act(second, id, { name: 'claim' }, { kind: 'agent', agent: byId('a-town-2') }, MONDAY_9AM + 1000),
      ])
      const winner = a.ok ? 'a-town-1' : 'a-town-2'
      const loser = a.ok ? b : a
      expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
      expect(loser).toMatchObject({ ok: false, code: 'claimed' })
      if (!loser.ok) expect(loser.message).toContain(`已被代办员 ${byId(winner).name}（${byId(winner).phone}）接单`)
      const stored = await first.store.get(id)
      expect(stored?.claimedBy).toBe(winner)
      expect(stored?.history.filter((h) => h.action === 'claim')).toHaveLength(1)
    }
  })
})
