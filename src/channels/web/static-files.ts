/**
 * The few static files of the web chat and the console, read once when the router is built and served from
 * memory with an ETag. A fixed list instead of a directory handler: nothing outside it can ever be served,
 * whatever the path looks like.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import type { Context } from 'koa'

export interface StaticFile {
  body: Buffer
  type: string
  etag: string
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
}

/** Reads `names` from the folder `dir` (a file: URL, e.g. `new URL('./static/', import.meta.url)`). */
export function loadStaticFiles(dir: URL, names: readonly string[]): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>()
  for (const name of names) {
    const body = readFileSync(new URL(name, dir))
    const type = TYPES[extname(name)]
    if (type === undefined) throw new Error(`不支持的静态文件类型：${name}`)
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`
    files.set(name, { body, type, etag })
  }
  return files
}

/**
 * Content-Security-Policy for our pages: only our own scripts, styles and API. Inline script and style are
 * refused, so an escaping mistake anywhere cannot turn into running someone's code.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ')

/** Sends a file; `no-cache` makes browsers revalidate, which costs a 304 and picks up a new release at once. */
export function sendStatic(ctx: Context, file: StaticFile, extraHeaders: Record<string, string> = {}): void {
  ctx.set('Cache-Control', 'no-cache')
  ctx.set('ETag', file.etag)
  ctx.set('X-Content-Type-Options', 'nosniff')
  ctx.set('Referrer-Policy', 'no-referrer')
  for (const [k, v] of Object.entries(extraHeaders)) ctx.set(k, v)
  if (ctx.get('If-None-Match') === file.etag) {
    ctx.status = 304
    return
  }
  ctx.type = file.type
  ctx.body = file.body
}
