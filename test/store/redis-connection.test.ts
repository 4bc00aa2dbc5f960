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

  it('with coalesceWrites, holds the commands of one event-loop turn and sends them together, also after a reconnect', async () => {
    const redis = createRedis(testRedisUrl(), { connectionName: 'daiban-coalesce-test', coalesceWrites: true })
    try {
      await waitReady(redis, 5_000)
      for (const round of [1, 2]) {
        const pending = Array.from({ length: 20 }, (_, i) => redis.echo(`第${round}轮第${i}条`))
        // Still in the turn that issued them: buffered in the corked socket, not yet written.
        expect(redis.stream.writableCorked).toBe(1)
        expect(redis.stream.writableLength).toBeGreaterThan(0)
        expect(await Promise.all(pending)).toEqual(Array.from({ length: 20 }, (_, i) => `第${round}轮第${i}条`))
        expect(redis.stream.writableCorked).toBe(0)
        if (round === 1) {
          const reconnected = new Promise((resolve) => redis.once('ready', resolve))
          redis.disconnect(true)
          await reconnected
        }
      }
    } finally {
      await redis.quit()
    }
    const plain = createRedis(testRedisUrl())
    try {
      await waitReady(plain, 5_000)
      const pending = plain.echo('直接发')
      expect(plain.stream.writableCorked).toBe(0)
      await pending
    } finally {
      plain.disconnect()
    }
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

