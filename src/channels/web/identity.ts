/**
 * The web chat's anonymous resident id: chosen by the server, carried in a cookie signed with
 * HMAC-SHA256(COOKIE_SECRET). A browser cannot pick an id (and so cannot read or continue someone else's
 * conversation or ticket news): an unsigned, tampered or malformed cookie is simply replaced by a new id.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Context } from 'koa'

export const WEB_ID_COOKIE = 'daiban_web'
/** A year: a resident coming back next month still finds their ticket news. */
const MAX_AGE_MS = 365 * 24 * 3600 * 1000
/** 16 random bytes in base64url. */
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/
/** A SHA-256 HMAC in base64url: exactly this, so no two cookie values carry one signature. */
const MAC_PATTERN = /^[A-Za-z0-9_-]{43}$/

export function newWebId(): string {
  return randomBytes(16).toString('base64url')
}

/** `id.mac`, the cookie value. */
export function signWebId(id: string, secret: string): string {
  return `${id}.${mac(id, secret)}`
}

/** The id in a cookie value, if its signature is ours; undefined for anything else. */
export function verifyWebId(value: string | undefined, secret: string): string | undefined {
  if (value === undefined) return undefined
  const dot = value.indexOf('.')
  if (dot < 0) return undefined
  const id = value.slice(0, dot)
  const sig = value.slice(dot + 1)
  if (!ID_PATTERN.test(id) || !MAC_PATTERN.test(sig)) return undefined
  const given = Buffer.from(sig, 'base64url')
  const expected = Buffer.from(mac(id, secret), 'base64url')
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined
}

/**
 * The requesting browser's id: the one in its cookie when the signature holds, else a new one, sent back
 * as an HttpOnly, SameSite=Lax cookie limited to the web chat's API paths.
 */
export function webIdOf(ctx: Context, secret: string): string {
  const current = verifyWebId(ctx.cookies.get(WEB_ID_COOKIE), secret)
  if (current !== undefined) return current
  const id = newWebId()
  ctx.cookies.set(WEB_ID_COOKIE, signWebId(id, secret), {
    httpOnly: true,
    sameSite: 'lax',
    path: '/web',
    maxAge: MAX_AGE_MS,
    // Behind a TLS-terminating proxy this needs `app.proxy = true` to be seen as secure.
    secure: ctx.secure,
    overwrite: true,
  })
  return id
}

function mac(id: string, secret: string): string {
  return createHmac('sha256', secret).update(`daiban-web-id:${id}`).digest('base64url')
}
