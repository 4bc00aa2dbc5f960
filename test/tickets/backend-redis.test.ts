import { createRedis, waitReady } from '../../src/store/redis-connection.js'
import { createRedisTicketBackend } from '../../src/tickets/store/redis-backend.js'
import { newTestRedis, testRedisUrl } from '../support/redis.js'
import { describe, expect, it } from 'vitest'
import { describeTicketBackend, LEASE_MS, POLICY, put } from './backend.contract.js'

describeTicketBackend('redis', async () => {
  const { redis, prefix, cleanup } = await newTestRedis()
  const second = createRedis(testRedisUrl(), { connectionName: 'daiban-test-2' })
  await waitReady(second, 5_000)
  const opts = { prefix, retry: POLICY, timerLeaseMs: LEASE_MS }
  return {
    backend: createRedisTicketBackend(redis, opts),
    other: createRedisTicketBackend(second, opts),
    async cleanup() {
      await second.quit()
      await cleanup()
    },
  }
})

describe('RedisTicketStore.residentKey', () => {
  it('names a key that exists exactly while the resident has a ticket (read with the resident\'s turn)', async () => {
    const { redis, prefix, cleanup } = await newTestRedis()
    try {
      const backend = createRedisTicketBackend(redis, { prefix, retry: POLICY, timerLeaseMs: LEASE_MS })
      const key = backend.tickets.residentKey!({ channel: 'http', userId: 'u-1' })
      expect(key.startsWith(prefix)).toBe(true)
      expect(await redis.exists(key)).toBe(0)
      await put(backend)
      expect(await redis.exists(key)).toBe(1)
      expect(await redis.exists(backend.tickets.residentKey!({ channel: 'wechat', userId: 'u-1' }))).toBe(0)
    } finally {
      await cleanup()
    }
  })
})
