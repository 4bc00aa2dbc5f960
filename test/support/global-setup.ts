/**
 * Vitest global setup: gives every test worker a Redis through `process.env.DAIBAN_TEST_REDIS_URL`
 * (an env variable also reaches processes that tests spawn).
 *
 * With `redis-server` on PATH it starts a private, unpersisted instance on a free port, so tests never touch
 * a developer's data and need no configuration. Without it, `REDIS_URL` is used. The private instance is
 * daemonized; it is stopped in teardown, on exit and on signals, and an instance left behind by a run that
 * was killed outright is stopped by the next run.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRedis, waitReady } from '../../src/store/redis-connection.js'
import { freePort } from './ports.js'

const DIR_PREFIX = 'daiban-test-redis-'

interface PrivateRedis {
  port: number
  dir: string
}

let server: PrivateRedis | undefined

export async function setup(): Promise<void> {
  stopOrphans()
  let url: string
  if (onPath('redis-server')) {
    server = await startPrivateRedis()
    url = `redis://127.0.0.1:${server.port}`
  } else if (process.env.REDIS_URL) {
    url = process.env.REDIS_URL
    await ping(url, 5_000).catch((err: unknown) => {
      throw new Error(`${message(err)}\n测试需要 Redis：请检查 REDIS_URL，或安装 redis-server（apt-get install -y redis-server），测试会自行启动一个。`)
    })
  } else {
    throw new Error(
      '测试需要 Redis：找不到 redis-server，也没有设置 REDIS_URL。' +
        '请安装 redis-server（apt-get install -y redis-server），或设置 REDIS_URL=redis://主机:端口 ' +
        '(tests need Redis: install redis-server or set REDIS_URL)',
    )
  }
  process.env.DAIBAN_TEST_REDIS_URL = url
}

export function teardown(): void {
  stopPrivateRedis()
}

async function startPrivateRedis(): Promise<PrivateRedis> {
  let lastFailure = ''
  // A free port can be taken by someone else between asking and binding: try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort()
    const dir = mkdtempSync(join(tmpdir(), DIR_PREFIX))
    writeFileSync(join(dir, 'owner.pid'), String(process.pid))
    server = { port, dir }
    installExitHooks()
    const started = spawnSync(
      'redis-server',
      [
        '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
        '--daemonize', 'yes', '--dir', dir, '--pidfile', join(dir, 'redis.pid'), '--logfile', join(dir, 'redis.log'),
      ],
      { encoding: 'utf8' },
    )
    if (started.status === 0) {
      try {
        await ping(`redis://127.0.0.1:${port}`, 5_000)
        return { port, dir }
      } catch (err) {
        lastFailure = `${message(err)}\n${readLog(dir)}`
      }
    } else {
      lastFailure = `${started.stderr}${started.stdout}`
    }
    stopPrivateRedis()
  }
  throw new Error(`无法启动测试用的 redis-server (cannot start a private redis-server)：\n${lastFailure}`)
}

function stopPrivateRedis(): void {
  const current = server
  if (!current) return
  server = undefined
  const stopped = spawnSync('redis-cli', ['-p', String(current.port), 'shutdown', 'nosave'], { timeout: 5_000 })
  if (stopped.status !== 0) killRedis(current.dir)
  rmSync(current.dir, { recursive: true, force: true })
}

let hooksInstalled = false

/** Teardown does not run when the run dies (Ctrl-C, an uncaught error, process.exit): stop the server anyway. */
function installExitHooks(): void {
  if (hooksInstalled) return
  hooksInstalled = true
  process.once('exit', stopPrivateRedis)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stopPrivateRedis()
      // Our listener is gone now: re-raising lets vitest's own handling (or the default) end the process.
      process.kill(process.pid, signal)
    })
  }
}

/** Stops private servers whose test run no longer exists (it was killed before it could clean up). */
function stopOrphans(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(DIR_PREFIX)) continue
    const dir = join(tmpdir(), name)
    const owner = Number(readOr(join(dir, 'owner.pid'), ''))
    if (owner > 0 ? isAlive(owner) : isRecent(dir)) continue
    killRedis(dir)
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Sends SIGTERM to the server whose pid file is in `dir`, after checking that the pid still is a redis-server. */
function killRedis(dir: string): void {
  const pid = Number(readOr(join(dir, 'redis.pid'), ''))
  if (!(pid > 0) || !readOr(`/proc/${pid}/cmdline`, '').includes('redis-server')) return
  try {
    process.kill(pid, 'SIGTERM')
  } catch {
    // Already gone.
  }
}

async function ping(url: string, timeoutMs: number): Promise<void> {
  const redis = createRedis(url, { connectionName: 'daiban-test-setup', maxRetriesPerRequest: 1, onError: () => {} })
  try {
    await waitReady(redis, timeoutMs)
    await redis.ping()
  } finally {
    redis.disconnect()
  }
}


function onPath(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).error === undefined
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: alive but someone else's.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** A directory without an owner yet may be another run's, caught between creating it and writing owner.pid. */
function isRecent(dir: string): boolean {
  try {
    return Date.now() - statSync(dir).mtimeMs < 60_000
  } catch {
    return true
  }
}

function readLog(dir: string): string {
  const log = join(dir, 'redis.log')
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-10).join('\n') : ''
}

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8').trim()
  } catch {
    return fallback
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
