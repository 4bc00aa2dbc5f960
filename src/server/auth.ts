/**
 * Bearer-token checks for trusted integrations (/api/chat with CHAT_TOKEN; admin routes with ADMIN_TOKEN).
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Context, Middleware } from 'koa'
import { HttpError } from './errors.js'

/**
 * Requires `Authorization: Bearer <token>` when `token` is set; passes everything when it is not.
 * `variable` names the setting in the message, so an integrator knows which token is meant.
 */
export function requireBearer(token: string | undefined, variable: string): Middleware {
  return async (ctx, next) => {
    checkBearer(ctx, token, variable)
    await next()
  }
}

/** Throws 401 unless the request carries the bearer `token` (when one is set). */
export function checkBearer(ctx: Context, token: string | undefined, variable: string): void {
  if (token === undefined) return
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(ctx.get('authorization'))
  // Comparing digests keeps the comparison constant-time whatever the lengths.
  if (!match?.[1] || !timingSafeEqual(digest(match[1]), digest(token))) {
    throw new HttpError(401, 'unauthorized', `缺少或错误的令牌：请在请求头加 Authorization: Bearer <${variable}>`, {
      'WWW-Authenticate': 'Bearer',
    })
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest()
}
