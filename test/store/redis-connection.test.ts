import { describe, expect, it } from 'vitest'
import { createRedis, waitReady } from '../../src/store/redis-connection.js'
import { testRedisUrl } from '../support/redis.js'
import { freePort } from '../support/ports.js'

describe('createRedis(url) and waitReady(redis, timeoutMs)', () => {
  it('connects, and names the connection so CLIENT LIST shows whose it is', async () => {
    const redis = createRedis(testRedisUrl(), { connectionName: 'daiban-connection-test' })
    try {
      await waitReady(redis, 5_000)
      expect(await redis.client('GETNAME')).toBe('daiban-connection-test')
    } finally {
      await redis.quit()
    }
  })

  it('sends the commands of one tick in one write with autoPipelining, keeping their results apart', async () => {
    const redis = createRedis(testRedisUrl(), { connectionName: 'daiban-pipelining-test', autoPipelining: true })
    try {
      await waitReady(redis, 5_000)
      expect(redis.options.enableAutoPipelining).toBe(true)
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => redis.echo(`第${i}条`)))
      expect(results).toEqual(Array.from({ length: 20 }, (_, i) => `第${i}条`))
      expect(redis.autoPipelineQueueSize).toBe(0)
    } finally {
      await redis.quit()
    }
    const plain = createRedis(testRedisUrl())
    expect(plain.options.enableAutoPipelining).toBe(false)
    plain.disconnect()
  })

  it('rejects with the address and the cause when nothing listens, and logs instead of crashing', async () => {
    const port = await freePort()
    const logged: string[] = []
    const redis = createRedis(`redis://127.0.0.1:${port}`, { onError: (message) => logged.push(message) })
    try {
      await expect(waitReady(redis, 1_000)).rejects.toThrow(
        new RegExp(`^无法连接 Redis（redis://127\\.0\\.0\\.1:${port}）：.*ECONNREFUSED`),
      )
      // Reconnect attempts repeat the same error; it is reported once.
      expect(logged).toHaveLength(1)
      expect(logged[0]).toContain('ECONNREFUSED')
    } finally {
      redis.disconnect()
    }
  })
})

