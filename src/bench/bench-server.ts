/**
 * The composed server as the benchmarks drive it: on loopback, with Redis (REDIS_URL or the local
 * default) under a throwaway key prefix that close() deletes, and limits high enough not to refuse the
 * bench while their Redis round trip stays in the path.
 */
import { randomBytes } from 'node:crypto'
import { pino } from 'pino'
import { loadConfig } from '../config/load.js'
import { composeServer } from '../server/compose.js'
import { listen } from '../server/http-server.js'
import { createLogger } from '../server/logging.js'
import { createRedis, deleteKeysWithPrefix, waitReady } from '../store/redis-connection.js'

export interface BenchServer {
  port: number
  /** Stops the server, closes what it composed and deletes the bench's Redis keys. */
  close(): Promise<void>
}

export async function startBenchServer(name: string): Promise<BenchServer> {
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379'
  const prefix = `daiban-bench-${name}:${randomBytes(6).toString('hex')}:`
  const loaded = loadConfig({
    ...process.env,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    NODE_ENV: 'development',
    CHAT_TOKEN: '',
    RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_IP_PER_MINUTE: '1000000',
  })
  if (!loaded.ok) {
    process.stderr.write(loaded.errors.join('\n') + '\n')
    process.exit(1)
  }
  const logger = createLogger({ level: 'warn', destination: pino.destination({ dest: 2, sync: true }) })
  const composed = await composeServer(loaded.config, logger)
  const server = await listen(composed.app.callback(), 0, '127.0.0.1')
  return {
    port: server.port,
    async close() {
      await server.stop(1_000)
      await composed.close()
      await deletePrefix(redisUrl, prefix)
    },
  }
}

async function deletePrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = createRedis(redisUrl, { connectionName: 'daiban-bench-cleanup' })
  try {
    await waitReady(redis, 5_000)
    await deleteKeysWithPrefix(redis, prefix)
  } finally {
    redis.disconnect()
  }
}
