/**
 * Live updates for an agent's queue, as Server-Sent Events: `event: queue` whenever the queue changed
 * (and once at the start), a comment line now and then to keep proxies from closing an idle stream, and
 * `event: logout` before it ends when the agent's token no longer works.
 *
 * The server re-reads the agent's queue every few seconds and compares a fingerprint (ids, versions,
 * statuses) rather than listening for ticket events: reading the store works the same with one process or
 * several on one Redis, and a change made by any process (a WeChat 接单, a timer's 督办) shows up.
 * The event carries no ticket data; the page fetches the queue from the agent API, the one source of it.
 *
 * The page reads the stream with fetch() rather than EventSource, because EventSource cannot send the
 * Authorization header and a token in the URL would end up in access logs.
 */
import { createHash } from 'node:crypto'
import type { Context } from 'koa'
import type { TicketState } from '../tickets/types.js'

export interface LiveQueueOptions {
  /** The queue's tickets now; any that appear, go, or change version or status count as a change. */
  read: () => Promise<readonly TicketState[]>
  pollMs: number
  /** A stream is closed after this long (the page reconnects), so none lingers forever. */
  maxLifetimeMs: number
  /**
   * Whether the user may still watch, asked at each poll: an agent removed from network.yaml (or whose token was
   * changed) is sent `event: logout` and the stream ends, as their next request would be refused.
   */
  stillAllowed?: () => boolean
  /** Aborted on server shutdown: every stream ends at once instead of holding the shutdown up. */
  shutdown?: AbortSignal
  onError?: (err: unknown) => void
}

const PING_EVERY_MS = 15_000

/** Turns the request into an event stream until the client leaves, its lifetime ends, or the server stops. */
export function streamQueue(ctx: Context, opts: LiveQueueOptions): void {
  ctx.status = 200
  ctx.type = 'text/event-stream; charset=utf-8'
  ctx.set('Cache-Control', 'no-store')
  // nginx would otherwise buffer the stream and deliver the events late, in bulk.
  ctx.set('X-Accel-Buffering', 'no')
  // We write the response ourselves: as a piped body, every agent closing the page would be reported by Koa
  // as a "premature close" error.
  ctx.respond = false
  const res = ctx.res
  res.flushHeaders()
  // Tell the browser how long to wait before reconnecting after a drop.
  res.write(`retry: 3000\n\n`)

  let last: string | undefined
  let lastWrite = Date.now()
  let reading = false
  let ended = false
  const write = (chunk: string): void => {
    if (ended) return
    lastWrite = Date.now()
    res.write(chunk)
  }

  const tick = async (): Promise<void> => {
    if (reading || ended) return
    if (opts.stillAllowed?.() === false) {
      write(`event: logout\ndata: ${JSON.stringify({ message: '登录已失效，请重新登录' })}\n\n`)
      return end()
    }
    reading = true
    try {
      const print = fingerprint(await opts.read())
      if (print !== last) {
        last = print
        write(`event: queue\ndata: ${JSON.stringify({ at: Date.now() })}\n\n`)
      } else if (Date.now() - lastWrite >= PING_EVERY_MS) {
        write(`: 保持连接\n\n`)
      }
    } catch (err) {
      // A Redis hiccup: skip this round, the next one tries again.
      opts.onError?.(err)
    } finally {
      reading = false
    }
  }

  const poll = setInterval(() => void tick(), opts.pollMs)
  const lifetime = setTimeout(() => end(), opts.maxLifetimeMs)
  const end = (): void => {
    if (ended) return
    ended = true
    clearInterval(poll)
    clearTimeout(lifetime)
    opts.shutdown?.removeEventListener('abort', end)
    res.end()
  }
  opts.shutdown?.addEventListener('abort', end)
  if (opts.shutdown?.aborted) end()
  // The response closes when the client goes away (the request's own 'close' says less: it may come once its body is read).
  res.once('close', end)
  void tick()
}

function fingerprint(tickets: readonly TicketState[]): string {
  const lines = tickets.map((t) => `${t.id}:${t.version}:${t.status}`).sort()
  return createHash('sha256').update(lines.join('\n')).digest('base64url')
}
