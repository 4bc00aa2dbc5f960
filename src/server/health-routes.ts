/**
 * Probes for orchestrators and load balancers:
 *   GET /healthz — the process is up and answering (liveness; no dependencies checked)
 *   GET /readyz  — every dependency is usable (Redis answers, the catalogue is loaded); 503 with reasons otherwise
 *   GET /metrics — Prometheus text format
 */
import { Router } from '@koa/router'
import type { Redis } from 'ioredis'
import type { Registry } from 'prom-client'
import { errorBody } from './errors.js'

/** One dependency the server needs to serve residents. */
export interface ReadinessCheck {
  name: string
  /** Resolves with a Chinese reason when not ready, undefined when ready. */
  check(): Promise<string | undefined>
}

/** A check that takes longer than this counts as failed: a probe must answer quickly. */
const CHECK_TIMEOUT_MS = 1_000

export function createHealthRouter(checks: ReadinessCheck[], registry: Registry): Router {
  const router = new Router()

  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' }
  })

  router.get('/readyz', async (ctx) => {
    const results = await Promise.all(checks.map(async (c) => [c.name, await runCheck(c)] as const))
    const failed = results.filter(([, reason]) => reason !== undefined)
    const summary = Object.fromEntries(results.map(([name, reason]) => [name, reason ?? 'ok']))
    if (failed.length === 0) {
      ctx.body = { status: 'ready', checks: summary }
      return
    }
    ctx.status = 503
    ctx.body = {
      ...errorBody('not_ready', `服务尚未就绪：${failed.map(([, reason]) => reason).join('；')}`),
      checks: summary,
    }
  })

  router.get('/metrics', async (ctx) => {
    ctx.type = registry.contentType
    ctx.body = await registry.metrics()
  })

  return router
}

async function runCheck(c: ReadinessCheck): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`${c.name} 检查超时`), CHECK_TIMEOUT_MS)
  })
  try {
    return await Promise.race([c.check(), timeout])
  } catch (err) {
    return `${c.name} 检查出错：${err instanceof Error ? err.message : String(err)}`
  } finally {
    clearTimeout(timer)
  }
}

/** Redis is ready when the client is connected and a PING comes back. */
export function redisReadiness(redis: Redis): ReadinessCheck {
  return {
    name: 'redis',
    async check() {
      if (redis.status !== 'ready') return `Redis 未连接（状态 ${redis.status}）`
      try {
        const pong = await redis.ping()
        return pong === 'PONG' ? undefined : `Redis 回答异常：${pong}`
      } catch (err) {
        return `Redis 无法访问：${err instanceof Error ? err.message : String(err)}`
      }
    },
  }
}
