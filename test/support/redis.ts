import { randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'
import { createRedis, deleteKeysWithPrefix, waitReady } from '../../src/store/redis-connection.js'

/** The Redis that test/support/global-setup.ts started (or found) for this run. */
export function testRedisUrl(): string {
  const url = process.env.DAIBAN_TEST_REDIS_URL
  if (!url) {
    throw new Error(
      '没有测试用的 Redis：DAIBAN_TEST_REDIS_URL 未设置。请用 `npm test` 或 `npx vitest` 运行，' +
        'vitest.config.ts 的 globalSetup 会准备它 (run tests through vitest so its global setup starts Redis)',
    )
  }
  return url
}

/**
 * A fresh connection plus a unique key prefix for one test file or test; cleanup deletes the prefix's keys and quits.
 * Test files run in parallel against one server, so everything a test writes must live under its prefix.
 */
export async function newTestRedis(): Promise<{ redis: Redis; prefix: string; cleanup(): Promise<void> }> {
  const redis = createRedis(testRedisUrl(), { connectionName: 'daiban-test' })
  try {
    await waitReady(redis, 5_000)
  } catch (err) {
    redis.disconnect()
    throw err
  }
  const prefix = `test:${randomBytes(6).toString('hex')}:`
  let cleaned = false
  return {
    redis,
    prefix,
    async cleanup() {
      if (cleaned) return
      cleaned = true
      try {
        await deleteKeysWithPrefix(redis, prefix)
      } finally {
        await redis.quit().catch(() => redis.disconnect())
      }
    },
  }
}
