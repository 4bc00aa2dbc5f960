/**
 * Who is using the console: an admin (ADMIN_TOKEN) or an agent (their own token, whose SHA-256 is the
 * 令牌哈希 in catalog/network.yaml). The token travels as `Authorization: Bearer …`; the page keeps it in
 * sessionStorage, so closing the tab logs out.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Context, Middleware } from 'koa'
import { HttpError } from '../server/errors.js'
import type { Agent } from '../tickets/types.js'

export type ConsoleUser = { role: 'admin' } | { role: 'agent'; agent: Agent }

export interface ConsoleAuthDeps {
  /** ADMIN_TOKEN; unset turns the admin pages off (every admin token is refused). */
  adminToken: string | undefined
  /** The agents as now loaded; read per request so an edit of network.yaml applies without a restart. */
  agents: () => readonly Agent[]
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i

/** The user a request's token belongs to; throws 401 (in Chinese) for a missing or unknown token. */
export function identify(ctx: Context, deps: ConsoleAuthDeps): ConsoleUser {
  const token = BEARER.exec(ctx.get('authorization'))?.[1]
  if (token === undefined) throw unauthorized('请先登录：缺少令牌')
  const hash = sha256(token)
  // Compare digests, not tokens: constant time whatever the lengths, and the agent file holds digests anyway.
  if (deps.adminToken !== undefined && timingSafeEqual(hash, sha256(deps.adminToken))) return { role: 'admin' }
  for (const agent of deps.agents()) {
    if (agent.tokenHash !== undefined && timingSafeEqual(hash, Buffer.from(agent.tokenHash, 'hex'))) return { role: 'agent', agent }
  }
  throw unauthorized('令牌不对，请检查后重新登录')
}

/** Lets the request through for the given roles, with the user in `ctx.state.consoleUser`; others get 401 or 403. */
export function requireRole(deps: ConsoleAuthDeps, ...roles: ConsoleUser['role'][]): Middleware {
  return async (ctx, next) => {
    const user = identify(ctx, deps)
    if (!roles.includes(user.role)) {
      throw new HttpError(403, 'forbidden', roles.includes('admin') ? '这个功能只有管理员能用' : '这个功能只有代办员能用')
    }
    ctx.state.consoleUser = user
    await next()
  }
}

/** The user set by requireRole. */
export function consoleUser(ctx: Context): ConsoleUser {
  return ctx.state.consoleUser as ConsoleUser
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

function unauthorized(message: string): HttpError {
  return new HttpError(401, 'unauthorized', message, { 'WWW-Authenticate': 'Bearer' })
}
