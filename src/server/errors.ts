/**
 * Errors as the HTTP API shows them: `{"error": {"code": "...", "message": "中文说明"}}`, rendered in one place.
 * A 4xx says what was wrong with the request; a 5xx never shows its details (they go to the log).
 */
import type { Middleware } from 'koa'
import { isRedisUnavailable } from '../store/redis-connection.js'
import type { Logger } from './logging.js'

/** An error meant for the client: its code and Chinese message are shown as they are. */
export class HttpError extends Error {
  readonly status: number
  readonly code: string
  readonly expose = true
  readonly headers: Record<string, string>

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message)
    this.name = 'HttpError'
    this.status = status
    this.code = code
    this.headers = headers
  }
}

/** Redis could not be reached while handling the request; the cause goes to the log. */
class StoreUnavailable extends HttpError {
  constructor(readonly cause: unknown) {
    super(503, 'unavailable', '服务暂时不可用，请稍后再试', { 'Retry-After': '5' })
  }
}

export interface ErrorBody {
  error: { code: string; message: string }
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } }
}

/** For errors that Koa or its helpers raise themselves (ctx.throw, router 405/501), with English messages. */
const FALLBACK: Record<number, [code: string, message: string]> = {
  400: ['bad_request', '请求格式不对'],
  401: ['unauthorized', '需要登录令牌'],
  403: ['forbidden', '没有权限'],
  404: ['not_found', '没有这个地址'],
  405: ['method_not_allowed', '这个地址不支持该请求方法'],
  413: ['body_too_large', '请求内容太大'],
  415: ['unsupported_media_type', '请求内容的格式不支持'],
  429: ['rate_limited', '请求太频繁，请稍后再试'],
  501: ['not_implemented', '暂不支持该请求方法'],
  503: ['unavailable', '服务暂时不可用，请稍后再试'],
}
const INTERNAL: [string, string] = ['internal', '服务暂时出了点问题，请稍后再试']

function fallbackFor(status: number): [code: string, message: string] {
  return FALLBACK[status] ?? (status < 500 ? FALLBACK[400]! : INTERNAL)
}

/**
 * Renders every error (and a status left without a body) in the error shape, and logs server faults with
 * their details. Koa's own error event is kept for what happens outside a request.
 */
export function errorMiddleware(logger: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next()
      // A status without a body (no route: 404; the router's 405/501) gets the error shape too.
      if (ctx.status >= 400 && ctx.body == null) throw new HttpError(ctx.status, ...fallbackFor(ctx.status))
    } catch (caught) {
      // Redis out of reach is an outage to wait out, not a fault in the request: 503 and when to retry.
      const raw = isRedisUnavailable(caught) ? new StoreUnavailable(caught) : caught
      const err = raw as { status?: unknown; statusCode?: unknown } | undefined
      const candidate = typeof err?.status === 'number' ? err.status : typeof err?.statusCode === 'number' ? err.statusCode : 500
      const status = candidate >= 400 && candidate <= 599 ? candidate : 500
      const [code, message] = raw instanceof HttpError ? [raw.code, raw.message] : fallbackFor(status)
      // Our HttpErrors and errors that say how to retry (a resident's turn that did not come: Retry-After).
      const headers = (raw as { headers?: unknown } | undefined)?.headers
      if (headers !== null && typeof headers === 'object') {
        for (const [k, v] of Object.entries(headers)) if (typeof v === 'string') ctx.set(k, v)
      }
      if (status >= 500) logger.error({ err: raw, method: ctx.method, path: ctx.path, status }, '请求处理出错')
      ctx.status = status
      ctx.type = 'application/json'
      ctx.body = errorBody(code, message)
    }
  }
}
