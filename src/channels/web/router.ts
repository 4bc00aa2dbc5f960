/**
 * The residents' web chat: the page (GET / and /chat, plus its static files: the style sheet, chat.js and the
 * modules it loads) and its JSON API.
 *
 *   POST /web/api/chat      {"text": "低保怎么申请", "elder"?: true} → {"replies": ["…", "…"], "elder"?: true}
 *   POST /web/api/messages  {"ack": ["id", …]} → {"messages": [{"id", "text", "at"}]}  ticket news waiting for this
 *                           browser; a message stays until a later read acknowledges it (ack: ids the page showed).
 *                           A POST with a JSON body: another site cannot make a browser send it with the cookie.
 *   GET  /web/api/messages  → the same, taken at once (pages loaded before acknowledging existed poll this way)
 *
 * Who is talking comes only from the signed cookie (identity.ts), never from the request body.
 * Errors use the API's shape {"error": {"code", "message"}}, rendered by the server's error middleware.
 */
import { Router } from '@koa/router'
import type { Context } from 'koa'
import { z } from 'zod'
import type { ConversationService, IncomingMessage, NonTextKind, Resident } from '../../conversation/types.js'
import { ackIds } from '../../server/ack-ids.js'
import { HttpError } from '../../server/errors.js'
import { readJsonBody } from '../../server/json-body.js'
import { webIdOf } from './identity.js'
import { loadStaticFiles, PAGE_CSP, sendStatic } from './static-files.js'

/** A ticket message waiting for a web resident. */
export interface WebMessage {
  id: string
  text: string
  /** Milliseconds since the epoch. */
  at: number
}

export interface WebChatDeps {
  conversation: ConversationService
  /** COOKIE_SECRET: signs the anonymous resident id. At least 32 characters. */
  cookieSecret: string
  /**
   * The ticket news waiting for a web resident, oldest first, kept until acknowledged: a phone that loses the answer
   * gets the same news on its next read. Composition hook: wire it to the tickets' resident outbox under the key
   * its notifier pushes with, e.g. `{ peek: (r) => outbox.peek(r.userId), ack: (r, ids) => outbox.ack(r.userId, ids) }`.
   * Left out, the page simply never shows ticket news.
   */
  messages?: {
    peek(resident: Resident): Promise<WebMessage[]>
    ack(resident: Resident, ids: readonly string[]): Promise<void>
  }
  /** Runs before each chat message, e.g. the per-resident rate limit; throw an HttpError (429) to refuse. */
  beforeChat?: (resident: Resident, ctx: Context) => Promise<void>
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  now?: () => number
  /** Largest request body accepted; default 16 KB. */
  bodyLimitBytes?: number
}


const NON_TEXT = ['image', 'voice', 'sticker', 'file', 'location', 'video', 'other'] as const satisfies readonly NonTextKind[]

/** A news read: the ids of news the page showed since its last read. */
const NewsRead = z.object({ ack: z.array(z.unknown()).max(1_000).optional() })

/** Residents type up to a few hundred characters; the dialog answers long text itself, this only stops floods. */
const MAX_TEXT = 4000

/** The page's 长者模式 toggle, sent with every message. */
const elder = z.boolean().optional()
const ChatBody = z.union([
  z.strictObject({ text: z.string().max(MAX_TEXT), elder }),
  // A page embedding the chat may report a photo or voice message; the dialog answers it politely.
  z.strictObject({ kind: z.enum(NON_TEXT), elder }),
])

const STATIC_NAMES = ['index.html', 'chat.css', 'chat.js', 'options.js', 'phones.js'] as const

export function createWebChatRouter(deps: WebChatDeps): Router {
  if (deps.cookieSecret.length < 32) throw new Error('COOKIE_SECRET 至少要 32 个字符')
  const now = deps.now ?? Date.now
  const limit = deps.bodyLimitBytes ?? 16 * 1024
  const files = loadStaticFiles(new URL('./static/', import.meta.url), STATIC_NAMES)
  const router = new Router()

  const page = (ctx: Context) => sendStatic(ctx, files.get('index.html')!, { 'Content-Security-Policy': PAGE_CSP })
  router.get('/', page)
  router.get('/chat', page)
  for (const name of STATIC_NAMES) {
    if (name === 'index.html') continue
    router.get(`/web/static/${name}`, (ctx) => sendStatic(ctx, files.get(name)!))
  }

  const residentOf = (ctx: Context): Resident => ({ channel: 'web', userId: webIdOf(ctx, deps.cookieSecret) })

  router.post('/web/api/chat', async (ctx) => {
    const resident = residentOf(ctx)
    const parsed = ChatBody.safeParse(await readJsonBody(ctx, limit))
    if (!parsed.success) throw invalidBody(parsed.error)
    const content: IncomingMessage['content'] =
      'text' in parsed.data ? { kind: 'text', text: parsed.data.text } : { kind: parsed.data.kind }
    // Checked while the resident's turn is being taken (one wait instead of two); a refusal changes nothing.
    const admitted = deps.beforeChat?.(resident, ctx)
    const message = { resident, content, now: now(), ...(parsed.data.elder !== undefined && { elder: parsed.data.elder }) }
    const { replies, elder } = await deps.conversation.handle(message, admitted && { admitted })
    ctx.set('Cache-Control', 'no-store')
    // The page mirrors 长者模式 from here: typed 长者模式 / 普通模式 switch its toggle too.
    ctx.body = elder === undefined ? { replies } : { replies, elder }
  })

  router.post('/web/api/messages', async (ctx) => {
    const resident = residentOf(ctx)
    const parsed = NewsRead.safeParse(await readJsonBody(ctx, limit))
    if (!parsed.success) throw new HttpError(400, 'invalid_body', '请求内容应为 {"ack": ["消息编号", …]}')
    const acked = ackIds(parsed.data.ack ?? [])
    if (deps.messages && acked.length > 0) await deps.messages.ack(resident, acked)
    ctx.set('Cache-Control', 'no-store')
    ctx.body = { messages: (deps.messages ? await deps.messages.peek(resident) : []).map(({ id, text, at }) => ({ id, text, at })) }
  })

  router.get('/web/api/messages', async (ctx) => {
    const resident = residentOf(ctx)
    const messages = deps.messages ? await deps.messages.peek(resident) : []
    if (deps.messages && messages.length > 0) await deps.messages.ack(resident, messages.map((m) => m.id))
    ctx.set('Cache-Control', 'no-store')
    ctx.body = { messages: messages.map(({ id, text, at }) => ({ id, text, at })) }
  })

  return router
}

function invalidBody(error: z.ZodError): HttpError {
  const issue = error.issues[0]
  const tooLong = error.issues.some((i) => i.code === 'too_big') ||
    (issue?.code === 'invalid_union' && issue.errors.flat().some((i) => i.code === 'too_big'))
  if (tooLong) return new HttpError(400, 'text_too_long', `消息太长了，请不要超过 ${MAX_TEXT} 个字`)
  return new HttpError(400, 'invalid_request', '请求内容应为 {"text": "要说的话"}')
}
