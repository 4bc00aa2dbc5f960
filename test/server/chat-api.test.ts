import { MemoryOutbox } from '../../src/tickets/store/memory-outbox.js'
import { createRedis } from '../../src/store/redis-connection.js'
import { TurnTimeoutError } from '../../src/store/redis-ticket-lock.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NOW, testApp, type TestApp } from './app-fixture.js'
import { serve, type Reply, type Served } from './http.js'

function expectError(reply: Reply, status: number, code: string): void {
  expect(reply.status).toBe(status)
  expect(reply.headers['content-type']).toMatch(/^application\/json/)
  expect(reply.json).toEqual({ error: { code, message: expect.stringMatching(/[\u4e00-\u9fff]/) } })
}

describe('POST /api/chat {"userId", "text"}', () => {
  let t: TestApp
  let s: Served
  beforeAll(async () => {
    t = testApp({ settings: { bodyLimitBytes: 1024 } })
    s = await serve(t.app)
  })
  afterAll(() => s.close())

  it('answers 200 {"replies": [...]} from the conversation service, as channel http at the time of the request', async () => {
    const reply = await s.chat({ userId: 'wx-1', text: '低保怎么申请' })
    expect(reply.status).toBe(200)
    expect(reply.json).toEqual({ replies: ['收到：低保怎么申请'] })
    expect(t.received.at(-1)).toEqual({
      resident: { channel: 'http', userId: 'wx-1' },
      content: { kind: 'text', text: '低保怎么申请' },
      now: NOW,
    })
  })

  it('accepts charset=utf-8 and an empty text (the dialog answers that one)', async () => {
    const reply = await s.chat({ userId: 'u', text: '' }, { 'content-type': 'application/json; charset=UTF-8' })
    expect(reply.status).toBe(200)
    expect(t.received.at(-1)?.content).toEqual({ kind: 'text', text: '' })
  })

  it.each([
    ['text/plain', 'unsupported_media_type'],
    ['application/x-www-form-urlencoded', 'unsupported_media_type'],
    ['application/json; charset=gbk', 'unsupported_charset'],
  ])('refuses Content-Type %s with 415', async (type, code) => {
    expectError(await s.chat({ userId: 'u', text: 'hi' }, { 'content-type': type }), 415, code)
  })

  it('refuses a compressed body (Content-Encoding) with 415 rather than reading it as plain JSON', async () => {
    const reply = await s.chat({ userId: 'u', text: 'hi' }, { 'content-encoding': 'gzip' })
    expectError(reply, 415, 'unsupported_encoding')
    expect((await s.chat({ userId: 'u', text: 'hi' }, { 'content-encoding': 'identity' })).status).toBe(200)
  })

  it('refuses a body without Content-Type with 415', async () => {
    expectError(await s.send('POST', '/api/chat', { body: '{"userId":"u","text":"hi"}' }), 415, 'unsupported_media_type')
  })

  it('refuses a body over the limit with 413, whether its length is declared or not', async () => {
    const big = JSON.stringify({ userId: 'u', text: 'x'.repeat(5000) })
    expectError(await s.chat(big), 413, 'body_too_large')
    const chunked = await s.send('POST', '/api/chat', { headers: { 'content-type': 'application/json' }, body: big, chunked: true })
    expectError(chunked, 413, 'body_too_large')
    // The connection is still usable afterwards.
    expect((await s.chat({ userId: 'u', text: 'still here' })).status).toBe(200)
  })

  it.each([
    ['invalid JSON', '{"userId":', 'invalid_json'],
    ['an empty body', '', 'invalid_json'],
    ['deeply nested arrays', '['.repeat(500) + ']'.repeat(500), 'invalid_body'],
    ['null', 'null', 'invalid_body'],
    ['an array', '[]', 'invalid_body'],
    ['a string', '"低保"', 'invalid_body'],
    ['a number', '123', 'invalid_body'],
    ['no userId', '{"text":"低保"}', 'invalid_body'],
    ['no text', '{"userId":"u"}', 'invalid_body'],
    ['an empty userId', '{"userId":"","text":"低保"}', 'invalid_body'],
    ['a userId of spaces only', '{"userId":"   ","text":"低保"}', 'invalid_body'],
    ['a numeric userId', '{"userId":42,"text":"低保"}', 'invalid_body'],
    ['a userId of 129 characters', JSON.stringify({ userId: 'u'.repeat(129), text: 'hi' }), 'invalid_body'],
    ['text that is not a string', '{"userId":"u","text":["低保"]}', 'invalid_body'],
    ['a lone surrogate in text', '{"userId":"u","text":"\\ud800"}', 'invalid_body'],
    ['a newline in userId', '{"userId":"h1\\n","text":"低保"}', 'invalid_body'],
    ['a NUL in userId', '{"userId":"h1\\u0000","text":"低保"}', 'invalid_body'],
  ])('answers 400 for %s', async (_what, body, code) => {
    expectError(await s.chat(body), 400, code)
  })

  it('answers 400 text_too_long for a text over 2,000 characters (refused, not cut)', async () => {
    const big = testApp()
    const served = await serve(big.app)
    try {
      expect((await served.chat({ userId: 'u', text: '办'.repeat(2000) })).status).toBe(200)
      const reply = await served.chat({ userId: 'u', text: '办'.repeat(2001) })
      expectError(reply, 400, 'text_too_long')
      expect(reply.json.error.message).toContain('2000')
    } finally {
      await served.close()
    }
  })

  it('answers 400 invalid_encoding for bytes that are not UTF-8', async () => {
    const latin1 = Buffer.concat([Buffer.from('{"userId":"u","text":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')])
    expectError(await s.chat(latin1), 400, 'invalid_encoding')
  })

  it('passes 长者模式 (elder: true / false) on when the integration sends it, and refuses another value', async () => {
    expect((await s.chat({ userId: 'u', text: '低保', elder: true })).status).toBe(200)
    expect(t.received.at(-1)).toMatchObject({ elder: true })
    const wrong = await s.chat({ userId: 'u', text: '低保', elder: 'yes' })
    expect(wrong.status).toBe(400)
    expect(wrong.json.error.message).toBe('elder 应为 true 或 false')
  })

  it('tells which field is missing', async () => {
    expect((await s.chat('{"text":"低保"}')).json.error.message).toBe('缺少 userId')
  })

  it('keeps prototype-pollution keys harmless: only userId and text reach the service', async () => {
    const reply = await s.chat('{"userId":"u","text":"低保","__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}')
    expect(reply.status).toBe(200)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).x).toBeUndefined()
    expect(Object.keys(t.received.at(-1)!.resident)).toEqual(['channel', 'userId'])
  })

  it('answers other methods with 405 and unknown paths with 404, in the error shape', async () => {
    expectError(await s.send('GET', '/api/chat'), 405, 'method_not_allowed')
    expectError(await s.send('GET', '/api/nothing-here'), 404, 'not_found')
  })
})

describe('POST /api/chat when the service fails', () => {
  it('answers 500 without details and logs them', async () => {
    const t = testApp({
      conversation: {
        handle: async () => {
          throw new Error('redis exploded at 10.0.0.7')
        },
      },
    })
    const s = await serve(t.app)
    try {
      const reply = await s.chat({ userId: 'u', text: 'hi' })
      expectError(reply, 500, 'internal')
      expect(reply.text).not.toContain('exploded')
      expect(t.logLines().some((l) => l.level === 50 && l.err?.message === 'redis exploded at 10.0.0.7')).toBe(true)
    } finally {
      await s.close()
    }
  })
})

describe('POST /api/chat when the turn cannot be taken now', () => {
  /** Sends one message to an app whose conversation fails with `err`; checks the 503 and returns the test app. */
  async function expect503(err: unknown): Promise<TestApp> {
    const t = testApp({
      conversation: {
        handle: async () => {
          throw err
        },
      },
    })
    const s = await serve(t.app)
    try {
      const reply = await s.chat({ userId: 'u', text: 'hi' })
      expectError(reply, 503, 'unavailable')
      expect(reply.json.error.message).toBe('服务暂时不可用，请稍后再试')
      expect(reply.headers['retry-after']).toBe('5')
    } finally {
      await s.close()
    }
    return t
  }

  it('answers 503 in Chinese when the resident’s turn does not come in time, so the caller can try again', async () => {
    await expect503(new TurnTimeoutError('http:u', 15_000))
  })

  it('answers 503 when Redis cannot be reached: not a fault, but the cause is logged', async () => {
    // The real error ioredis gives when the server is gone: a client on a port nobody listens on.
    const redis = createRedis('redis://127.0.0.1:1', { maxRetriesPerRequest: 0, onError: () => {} })
    const gone = await redis.get('x').then(() => undefined, (err: unknown) => err)
    redis.disconnect()
    expect(gone).toBeInstanceOf(Error)
    const t = await expect503(gone)
    expect(t.logLines().some((l) => l.level === 50)).toBe(true)
  })
})

describe('POST /api/chat with CHAT_TOKEN set', () => {
  const token = 'chat-token-0123456789'
  let t: TestApp
  let s: Served
  beforeAll(async () => {
    t = testApp({ settings: { chatToken: token } })
    s = await serve(t.app)
  })
  afterAll(() => s.close())

  it('answers 401 without a bearer token, before looking at the body', async () => {
    const reply = await s.send('POST', '/api/chat', { headers: { 'content-type': 'text/plain' }, body: 'x' })
    expectError(reply, 401, 'unauthorized')
    expect(reply.headers['www-authenticate']).toBe('Bearer')
  })

  it.each([`Bearer ${token}x`, `Basic ${token}`, 'Bearer', token])('answers 401 for Authorization: %s', async (header) => {
    expectError(await s.chat({ userId: 'u', text: 'hi' }, { authorization: header }), 401, 'unauthorized')
  })

  it('answers 200 with the right token', async () => {
    const reply = await s.chat({ userId: 'u', text: 'hi' }, { authorization: `Bearer ${token}` })
    expect(reply.status).toBe(200)
    expect(t.received).toHaveLength(1)
  })
})

describe('GET /api/chat/messages', () => {
  const outbox = new MemoryOutbox()
  let s: Served
  beforeAll(async () => {
    s = await serve(testApp({ outbox }).app)
  })
  afterAll(() => s.close())
  const news = (id: string) => ({ id, ticketId: 'DB2611230001', text: `工单消息 ${id}`, at: NOW })

  it('with ack, keeps messages until they are acknowledged (an answer lost on the way loses nothing)', async () => {
    await outbox.push('u-1', news('DB2611230001:2:resident'))
    const first = await s.send('GET', '/api/chat/messages?userId=u-1&ack=')
    expect(first.json).toEqual({ messages: [news('DB2611230001:2:resident')] })
    expect((await s.send('GET', '/api/chat/messages?userId=u-1&ack=')).json).toEqual(first.json)
    const acked = await s.send('GET', '/api/chat/messages?userId=u-1&ack=DB2611230001:2:resident')
    expect(acked.json).toEqual({ messages: [] })
    // An odd id is left out, not refused.
    expect((await s.send('GET', '/api/chat/messages?userId=u-1&ack=%3Cscript%3E')).json).toEqual({ messages: [] })
  })

  it('without ack, takes them as it always did', async () => {
    await outbox.push('u-2', news('DB2611230001:3:resident'))
    expect((await s.send('GET', '/api/chat/messages?userId=u-2')).json).toEqual({ messages: [news('DB2611230001:3:resident')] })
    expect((await s.send('GET', '/api/chat/messages?userId=u-2')).json).toEqual({ messages: [] })
  })
})
