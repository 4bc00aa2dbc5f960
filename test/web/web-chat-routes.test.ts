import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import Koa from 'koa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signWebId, verifyWebId, WEB_ID_COOKIE } from '../../src/channels/web/identity.js'
import { createWebChatRouter, type WebMessage } from '../../src/channels/web/router.js'
import type { ConversationService, IncomingMessage, Resident } from '../../src/conversation/types.js'
import { errorMiddleware, HttpError } from '../../src/server/errors.js'
import { createLogger } from '../../src/server/logging.js'

const SECRET = 'test-cookie-secret-0123456789abcdef'
const NOW = Date.UTC(2026, 10, 23, 2, 0, 0)

/** A conversation that answers "收到：<text>" and remembers who said what: enough to see what the router hands in. */
function echoConversation(): ConversationService & { seen: IncomingMessage[] } {
  const seen: IncomingMessage[] = []
  return {
    seen,
    async handle(message, options) {
      await options?.admitted
      seen.push(message)
      const c = message.content
      const replies = [c.kind === 'text' ? `收到：${c.text}` : `收到一条${c.kind}`]
      // Like the dialog, which says the wording it now uses; here simply the switch it was given.
      return message.elder === undefined ? { replies } : { replies, elder: message.elder }
    },
  }
}

let server: Server
let base: string
const conversation = echoConversation()
const waiting = new Map<string, WebMessage[]>()
const refused = new Set<string>()

beforeAll(async () => {
  const app = new Koa()
  app.use(errorMiddleware(createLogger({ level: 'silent' })))
  const router = createWebChatRouter({
    conversation,
    cookieSecret: SECRET,
    now: () => NOW,
    messages: {
      peek: async (r: Resident) => [...(waiting.get(r.userId) ?? [])],
      ack: async (r: Resident, ids: readonly string[]) => {
        waiting.set(r.userId, (waiting.get(r.userId) ?? []).filter((m) => !ids.includes(m.id)))
      },
    },
    beforeChat: async (r) => {
      if (refused.has(r.userId)) throw new HttpError(429, 'rate_limited', '消息发得太快了，请 30 秒后再试')
    },
  })
  app.use(router.routes()).use(router.allowedMethods())
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

async function chat(body: unknown, cookie?: string, contentType = 'application/json') {
  const res = await fetch(`${base}/web/api/chat`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, ...(cookie && { Cookie: cookie }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { res, body: (await res.json()) as Record<string, unknown>, setCookie: res.headers.getSetCookie() }
}

/** `daiban_web=<value>` from a Set-Cookie list. */
function cookieOf(setCookie: string[]): string {
  const line = setCookie.find((c) => c.startsWith(`${WEB_ID_COOKIE}=`))
  if (!line) throw new Error('no identity cookie set')
  return line.split(';')[0]!
}

describe('the signed anonymous id', () => {
  it('a browser without a cookie gets a new id in an HttpOnly, SameSite=Lax cookie, and keeps it', async () => {
    const first = await chat({ text: '低保怎么申请' })
    expect(first.res.status).toBe(200)
    expect(first.body).toEqual({ replies: ['收到：低保怎么申请'] })
    const line = first.setCookie.find((c) => c.startsWith(`${WEB_ID_COOKIE}=`)) ?? ''
    expect(line).toMatch(/; path=\/web/i)
    expect(line).toMatch(/; httponly/i)
    expect(line).toMatch(/; samesite=lax/i)
    const cookie = cookieOf(first.setCookie)
    const id = verifyWebId(cookie.slice(WEB_ID_COOKIE.length + 1), SECRET)
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(conversation.seen.at(-1)).toEqual({ resident: { channel: 'web', userId: id }, content: { kind: 'text', text: '低保怎么申请' }, now: NOW })

    const second = await chat({ text: '1' }, cookie)
    expect(second.setCookie).toEqual([])
    expect(conversation.seen.at(-1)?.resident).toEqual({ channel: 'web', userId: id })
  })

  it('replaces a tampered cookie, or one signed with another secret, with a fresh id', async () => {
    const chosen = 'AAAAAAAAAAAAAAAAAAAAAA'
    const forged = [
      `${WEB_ID_COOKIE}=${chosen}`,
      `${WEB_ID_COOKIE}=${signWebId(chosen, 'another-secret-another-secret-12345')}`,
      `${WEB_ID_COOKIE}=${signWebId(chosen, SECRET).slice(0, -2)}xx`,
      `${WEB_ID_COOKIE}=${chosen}.${'A'.repeat(43)}`,
    ]
    for (const cookie of forged) {
      const { res, setCookie } = await chat({ text: '你好' }, cookie)
      expect(res.status).toBe(200)
      const given = conversation.seen.at(-1)?.resident.userId
      expect(given).not.toBe(chosen)
      expect(cookieOf(setCookie)).toBe(`${WEB_ID_COOKIE}=${signWebId(given!, SECRET)}`)
    }
  })

  it('never takes an id from the request body', async () => {
    const { res, body } = await chat({ userId: 'someone-else', text: '我的进度' })
    expect(res.status).toBe(400)
    expect(body).toEqual({ error: { code: 'invalid_request', message: '请求内容应为 {"text": "要说的话"}' } })
  })
})

describe('POST /web/api/chat', () => {
  it('refuses what is not {"text": string} in the API error shape', async () => {
    for (const bad of [{ text: 5 }, {}, ['低保'], { text: '低保', extra: 1 }]) {
      const { res, body } = await chat(bad)
      expect(res.status).toBe(400)
      expect(body).toMatchObject({ error: { code: 'invalid_request' } })
    }
    const tooLong = await chat({ text: '问'.repeat(4001) })
    expect(tooLong.res.status).toBe(400)
    expect(tooLong.body).toEqual({ error: { code: 'text_too_long', message: '消息太长了，请不要超过 4000 个字' } })
    const notJson = await chat('text=低保', undefined, 'application/x-www-form-urlencoded')
    expect(notJson.res.status).toBe(415)
    expect(notJson.body).toMatchObject({ error: { code: 'unsupported_media_type' } })
  })

  it('passes the page’s 长者模式 switch on when it sends one, and refuses one that is not true or false', async () => {
    const { body } = await chat({ text: '低保', elder: true })
    expect(conversation.seen.at(-1)).toMatchObject({ content: { kind: 'text', text: '低保' }, elder: true })
    // The page mirrors the wording the dialog answers in.
    expect(body).toEqual({ replies: ['收到：低保'], elder: true })
    await chat({ text: '低保' })
    expect(conversation.seen.at(-1)).not.toHaveProperty('elder')
    const { res } = await chat({ text: '低保', elder: '是' })
    expect(res.status).toBe(400)
  })

  it('passes a photo or voice message on as non-text', async () => {
    const { res, body } = await chat({ kind: 'image' })
    expect(res.status).toBe(200)
    expect(body).toEqual({ replies: ['收到一条image'] })
    expect(conversation.seen.at(-1)?.content).toEqual({ kind: 'image' })
  })

  it('lets beforeChat refuse (e.g. the rate limit) before the conversation sees the message', async () => {
    const first = await chat({ text: '你好' })
    const cookie = cookieOf(first.setCookie)
    refused.add(verifyWebId(cookie.slice(WEB_ID_COOKIE.length + 1), SECRET)!)
    const before = conversation.seen.length
    const { res, body } = await chat({ text: '再问一次' }, cookie)
    expect(res.status).toBe(429)
    expect(body).toEqual({ error: { code: 'rate_limited', message: '消息发得太快了，请 30 秒后再试' } })
    expect(conversation.seen.length).toBe(before)
  })
})

describe('GET /web/api/messages', () => {
  it("hands a browser its own ticket news until it acknowledges it, and nobody else's", async () => {
    const mine = await chat({ text: '你好' })
    const cookie = cookieOf(mine.setCookie)
    const id = verifyWebId(cookie.slice(WEB_ID_COOKIE.length + 1), SECRET)!
    waiting.set(id, [{ id: 'DB2611230001:2:resident', text: '您的代办工单 DB2611230001 已由代办员 王晓梅 接单。', at: NOW }])

    const stranger = await fetch(`${base}/web/api/messages`)
    expect(await stranger.json()).toEqual({ messages: [] })

    const read = (ack: unknown[] = [], cookieHeader = cookie) =>
      fetch(`${base}/web/api/messages`, {
        method: 'POST',
        headers: { Cookie: cookieHeader, 'Content-Type': 'application/json' },
        body: JSON.stringify({ ack }),
      }).then((r) => r.json())
    const news = { messages: [{ id: 'DB2611230001:2:resident', text: '您的代办工单 DB2611230001 已由代办员 王晓梅 接单。', at: NOW }] }
    expect(await read()).toEqual(news)
    // The answer may not have reached the phone: the next read brings it again, until the page says it showed it.
    expect(await read()).toEqual(news)
    // A stranger cannot acknowledge (so remove) someone else's news: ids count only for the cookie's own resident.
    await read(['DB2611230001:2:resident'], '')
    expect(await read()).toEqual(news)
    // An odd id is left out, not refused: one bad entry must not stop the page's news for good.
    expect(await read(['<script>', 42, 'DB2611230001:2:resident'])).toEqual({ messages: [] })
    const bad = await fetch(`${base}/web/api/messages`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: '{"ack": "x"}' })
    expect(bad.status).toBe(400)
  })

  it('GET takes the news at once, for pages loaded before acknowledging existed', async () => {
    const mine = await chat({ text: '你好' })
    const cookie = cookieOf(mine.setCookie)
    const id = verifyWebId(cookie.slice(WEB_ID_COOKIE.length + 1), SECRET)!
    waiting.set(id, [{ id: 'DB2611230002:2:resident', text: '工单消息', at: NOW }])
    const get = () => fetch(`${base}/web/api/messages`, { headers: { Cookie: cookie } }).then((r) => r.json())
    expect(await get()).toEqual({ messages: [{ id: 'DB2611230002:2:resident', text: '工单消息', at: NOW }] })
    expect(await get()).toEqual({ messages: [] })
  })
})

describe('the page', () => {
  it('serves the chat page at / and /chat with a strict CSP, and its files with ETags', async () => {
    for (const path of ['/', '/chat']) {
      const res = await fetch(`${base}${path}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
      expect(await res.text()).toContain('<title>代办助手</title>')
    }
    const js = await fetch(`${base}/web/static/chat.js`)
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    const etag = js.headers.get('etag')!
    const again = await fetch(`${base}/web/static/chat.js`, { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    expect((await fetch(`${base}/web/static/../router.ts`)).status).toBe(404)
    expect((await fetch(`${base}/web/static/options.d.ts`)).status).toBe(404)
    // chat.js imports these.
    for (const module of ['options.js', 'phones.js']) expect((await fetch(`${base}/web/static/${module}`)).status).toBe(200)
  })

  it('never puts server text into the page as HTML', async () => {
    const js = await (await fetch(`${base}/web/static/chat.js`)).text()
    expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/)
  })
})
