import { createRedis, waitReady } from '../../src/store/redis-connection.js'
import { createRedisTicketBackend } from '../../src/tickets/store/redis-backend.js'
import { newTestRedis, testRedisUrl } from '../support/redis.js'
import { describeTicketBackend, LEASE_MS, POLICY } from './backend.contract.js'

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
