import { Redis } from 'ioredis'

export interface CreateRedisOptions {
  /** Shown by `CLIENT LIST`, so an operator can tell Daiban's connections apart. */
  connectionName?: string
  /**
   * How often a command is retried across reconnects before it fails. Small by default: a resident
   * waiting for an answer is better served by a quick error than by a minute of silence.
   * BullMQ needs `null` here.
   */
  maxRetriesPerRequest?: number | null
  /** Where connection errors go; defaults to stderr. */
  onError?: (message: string) => void
  /**
   * Sends the commands issued in one turn of the event loop in one socket write. Worth it on a connection
   * shared by many concurrent requests (the server's): each write is a system call that also wakes Redis, and
   * under load one turn reads several residents' messages, each issuing up to three commands. Measured on
   * bench:http: Redis writes went from ~16 % of the CPU to ~1.5 %. Commands keep their order. Off by default.
   * (ioredis's auto-pipelining batches only per tick and builds a Pipeline per batch: its garbage cost more
   * than it saved.)
   */
  coalesceWrites?: boolean
}

/**
 * A client for `url` that connects at once and reconnects with capped backoff. Connection errors are
 * reported (once per distinct message until the next successful connect) instead of crashing the process:
 * ioredis keeps retrying by itself, and commands fail on their own when they cannot be served.
 */
export function createRedis(url: string, opts: CreateRedisOptions = {}): Redis {
  const redis = new Redis(url, {
    lazyConnect: false,
    connectionName: opts.connectionName ?? 'daiban',
    maxRetriesPerRequest: opts.maxRetriesPerRequest === undefined ? 3 : opts.maxRetriesPerRequest,
    connectTimeout: 5_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  })
  if (opts.coalesceWrites) redis.on('connect', () => coalescePerTick(redis.stream))
  const report = opts.onError ?? ((message: string) => console.error(message))
  let lastReported: string | undefined
  redis.on('error', (err: Error) => {
    const message = `Redis 连接出错（${redactedUrl(redis)}）：${err.message}`
    if (message === lastReported) return
    lastReported = message
    report(message)
  })
  redis.on('ready', () => {
    lastReported = undefined
  })
  return redis
}

/**
 * Holds the socket's writes (cork) from the first in an event-loop turn until the turn's I/O callbacks are done
 * (setImmediate runs right after them), then sends them together. ioredis writes each command as it is issued
 * and gives no hook for this, hence the wrapper on the socket of each new connection ('connect' fires once per
 * connection, just after the handshake was written uncorked, which does not matter).
 */
function coalescePerTick(socket: NodeJS.WritableStream & { cork(): void; uncork(): void }): void {
  const write = socket.write
  let held = false
  const flush = (): void => {
    held = false
    socket.uncork()
  }
  socket.write = function (this: typeof socket, ...args: Parameters<typeof write>) {
    if (!held) {
      held = true
      socket.cork()
      setImmediate(flush)
    }
    return write.apply(this, args)
  } as typeof write
}

/**
 * Whether an error means Redis could not be reached (down, restarting, the connection dropped) rather than
 * that a command was wrong: the caller should answer "try again shortly" (503), not report a fault.
 */
export function isRedisUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false
  if (err.name === 'MaxRetriesPerRequestError') return true
  if (err.message === 'Connection is closed.' || err.message.startsWith("Stream isn't writeable")) return true
  const code = (err as { code?: unknown }).code
  return code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'EPIPE'
}

/**
 * Resolves once `redis` can serve commands; rejects after `timeoutMs`, or when the client gives up,
 * with a message that names the server and the last connection error.
 */
export function waitReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve()
  return new Promise<void>((resolve, reject) => {
    if (redis.status === 'end') {
      reject(new Error(`无法连接 Redis（${redactedUrl(redis)}）：连接已关闭 (connection closed)`))
      return
    }
    let lastError = ''
    const onReady = (): void => {
      done()
      resolve()
    }
    const onError = (err: Error): void => {
      lastError = err.message
    }
    const fail = (why: string): void => {
      done()
      reject(
        new Error(
          `无法连接 Redis（${redactedUrl(redis)}）：${lastError || why}。` +
            `请确认 Redis 已启动、地址正确 (cannot connect to Redis)`,
        ),
      )
    }
    const onEnd = (): void => fail('连接已关闭')
    const timer = setTimeout(() => fail(`${timeoutMs} 毫秒内未就绪`), timeoutMs)
    const done = (): void => {
      clearTimeout(timer)
      redis.off('ready', onReady)
      redis.off('error', onError)
      redis.off('end', onEnd)
    }
    redis.on('ready', onReady)
    redis.on('error', onError)
    redis.on('end', onEnd)
  })
}

/** The server's address for messages: never the password. */
function redactedUrl(redis: Redis): string {
  const { host, port, db, path } = redis.options
  if (path) return `redis+unix://${path}`
  return `redis://${host ?? 'localhost'}:${port ?? 6379}${db ? `/${db}` : ''}`
}

/** Deletes every key under `prefix` (SCAN + UNLINK, in batches): cleans up after tests and benchmarks. */
export async function deleteKeysWithPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0'
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)
    if (keys.length > 0) await redis.unlink(...keys)
    cursor = next
  } while (cursor !== '0')
}
