import { afterAll, beforeAll } from 'vitest'
import { MemorySessionStore } from '../../src/store/memory-session-store.js'
import { RedisSessionStore } from '../../src/store/redis-session-store.js'
import { newTestRedis } from '../support/redis.js'
import { describeSessionStore } from './session-store.contract.js'

describeSessionStore('memory', async () => new MemorySessionStore())

let redis: Awaited<ReturnType<typeof newTestRedis>> | undefined
let stores = 0
beforeAll(async () => {
  redis = await newTestRedis()
})
afterAll(async () => {
  await redis?.cleanup()
})

describeSessionStore('redis', async () => {
  if (!redis) throw new Error('测试 Redis 未就绪')
  return new RedisSessionStore(redis.redis, { prefix: `${redis.prefix}${stores++}:` })
})
