/**
 * The resident chat API for trusted integrations:
 *   POST /api/chat {"userId", "text", "elder"?} → 200 {"replies": [...]}
 *   GET  /api/chat/messages?userId=… → 200 {"messages": [...]} (ticket news waiting for an HTTP resident)
 * The caller vouches for userId, hence the bearer token (CHAT_TOKEN) in production.
 */
import { Router } from '@koa/router'
import type { Context } from 'koa'
import { z } from 'zod'
import type { ConversationService, HandleOptions } from '../conversation/types.js'
import type { Outbox } from '../tickets/ports.js'
import { checkBearer, requireBearer } from './auth.js'
import { ackIds } from './ack-ids.js'
import { HttpError } from './errors.js'
import { readJsonBody } from './json-body.js'
import { enforceLimits, ipKey, type RateCheck, type RateLimiter } from './rate-limit.js'

export const MAX_USER_ID = 128
/** Longer texts are refused (400 text_too_long) rather than cut: a cut question could match the wrong item. */
export const MAX_TEXT = 2000

export interface ChatRoutesDeps {
  conversation: ConversationService
  chatToken: string | undefined
  bodyLimitBytes: number
  limiter: RateLimiter
  /** Requests per minute per resident and per source IP; 0 = no limit. */
  rateLimit: { perResident: number; perIp: number }
  /** Ticket news for HTTP residents; the route is absent until the tickets layer provides it. */
  outbox?: Pick<Outbox, 'drain' | 'peek' | 'ack'>
  now?: () => number
}

/** No lone UTF-16 surrogates (JSON's \ud800 escapes can make them); they break storage and display. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const wellFormed = (s: string) => !LONE_SURROGATE.test(s)
/** Control characters (newline, NUL, ESC …) in an id would end up in Redis keys and logs. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
const plainId = (s: string) => wellFormed(s) && !CONTROL.test(s)

const UserId = z
  .string({ error: (iss) => (iss.input === undefined ? '缺少 userId' : 'userId 应为字符串') })
  .min(1, { error: 'userId 不能为空' })
  .max(MAX_USER_ID, { error: `userId 不能超过 ${MAX_USER_ID} 个字符` })
  .refine(plainId, { error: 'userId 含有无效字符' })
  .refine((s) => s.trim() !== '', { error: 'userId 不能为空' })

const ChatBody = z.object({
  userId: UserId,
  text: z
    .string({ error: (iss) => (iss.input === undefined ? '缺少 text' : 'text 应为字符串') })
    .max(MAX_TEXT, { error: `text 不能超过 ${MAX_TEXT} 个字符`, abort: true })
    .refine(wellFormed, { error: 'text 含有无效字符' }),
  /** 长者模式 (plainer words) when the integrating page has such a switch; absent: the resident's own choice. */
  elder: z.boolean({ error: 'elder 应为 true 或 false' }).optional(),
})
type ChatBody = z.infer<typeof ChatBody>

/** POST /api/chat counts its requests against the IP and the resident at once (one Redis round trip on the hot path). */
export function limitsItsOwnRequests(method: string, path: string): boolean {
  return method === 'POST' && (path === '/api/chat' || path === '/api/chat/')
}

export function createChatRouter(deps: ChatRoutesDeps): Router {
  const router = new Router({ prefix: '/api/chat' })
  const now = deps.now ?? Date.now
  const auth = requireBearer(deps.chatToken, 'CHAT_TOKEN')

  const checks = (ctx: Context, userId?: string): RateCheck[] => {
    const all = [{ key: ipKey('chat', ctx.ip), limit: deps.rateLimit.perIp }]
    if (userId !== undefined) all.push({ key: `resident:http:${userId}`, limit: deps.rateLimit.perResident })
    return all
  }
  const limit = (ctx: Context, userId?: string): Promise<void> => enforceLimits(deps.limiter, checks(ctx, userId), now())
  /** Counted with the resident's turn when the store can (no round trip of its own), else alongside it. */
  const admission = (ctx: Context, userId: string): HandleOptions => {
    if (!deps.conversation.countsAlong || !deps.limiter.countAlong) return { admitted: limit(ctx, userId) }
    const counters = deps.limiter.countAlong(checks(ctx, userId), now())
    return counters ? { counters } : {}
  }

  const readChat = async (ctx: Context): Promise<ChatBody> => {
    checkBearer(ctx, deps.chatToken, 'CHAT_TOKEN')
    const raw = await readJsonBody(ctx, deps.bodyLimitBytes)
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new HttpError(400, 'invalid_body', '请求内容应为 JSON 对象，例如 {"userId": "u1", "text": "低保怎么申请"}')
    }
    return parse(ChatBody, raw)
  }

  router.post('/', async (ctx) => {
    const body = await readChat(ctx).catch(async (err: unknown) => {
      // Refused requests count against their address too, or junk could be sent without limit.
      await limit(ctx)
      throw err
    })
    // The limit is counted as the resident's turn is taken (in its round trip when the store can): one wait for Redis.
    const { replies } = await deps.conversation.handle(
      {
        resident: { channel: 'http', userId: body.userId },
        content: { kind: 'text', text: body.text },
        now: now(),
        ...(body.elder !== undefined && { elder: body.elder }),
      },
      admission(ctx, body.userId),
    )
    ctx.body = { replies }
  })

  if (deps.outbox) {
    const outbox = deps.outbox
    router.get('/messages', auth, async (ctx) => {
      const userId = parse(UserId, ctx.query.userId)
      // With ack (even empty) the reader acknowledges what it showed, and messages stay until then; without, a read
      // takes them (the older contract, for integrations that never lose an answer).
      if (ctx.query.ack === undefined) {
        ctx.body = { messages: await outbox.drain(userId) }
        return
      }
      const acked = ackIds(ctx.query.ack)
      if (acked.length > 0) await outbox.ack(userId, acked)
      ctx.body = { messages: await outbox.peek(userId) }
    })
  }
  return router
}

/** Validates untrusted input; the first problem becomes the 400's message. */
function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const tooLong = issue?.path[0] === 'text' && issue.code === 'too_big'
  throw new HttpError(400, tooLong ? 'text_too_long' : 'invalid_body', issue?.message ?? '请求内容不对')
}
