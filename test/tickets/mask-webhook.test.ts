import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { maskIdNumber, maskName, maskPhone, maskText } from '../../src/tickets/mask.js'
import { createWebhookNotifier, webhookPayload } from '../../src/tickets/notifiers/webhook.js'
import { createMemoryTicketBackend } from '../../src/tickets/store/memory-tickets.js'
import { openTicket } from '../../src/tickets/service.js'
import type { Notification } from '../../src/tickets/types.js'
import { drainQueue } from './backends.js'
import { makeEnv, MONDAY_9AM, request } from './fixtures.js'

describe('masking (GB/T 35273 display rules)', () => {
  it('shows phone 138****5678, ID 370***********1234, name 张*', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskIdNumber('370102199001011234')).toBe('370***********1234')
    expect(maskName('张三')).toBe('张*')
    expect(maskName('欧阳娜娜')).toBe('欧*')
  })
  it('masks every phone and ID number in free text, leaving other numbers alone', () => {
    expect(maskText('电话13812345678，身份证37010219900101123X，共 3 份')).toBe('电话138****5678，身份证370***********123X，共 3 份')
    // Grouped as residents type them.
    expect(maskText('电话 139 8888 7777 或 139-8888-7777')).toBe('电话 139****7777 或 139****7777')
    expect(maskText('身份证 370102 19900101 123X')).toBe('身份证 370***********123X')
    // Not phone numbers: too short, or part of a longer number.
    expect(maskText('编号 1398888 共 12 份，单号 213988887777')).toBe('编号 1398888 共 12 份，单号 213988887777')
  })
})

async function newTicketNotification(note?: string): Promise<Notification> {
  const backend = createMemoryTicketBackend()
  const r = await openTicket(makeEnv(backend.tickets), request({ ...(note && { note }) }), MONDAY_9AM)
  if (!r.ok) throw new Error(r.message)
  const [n] = await drainQueue(backend, MONDAY_9AM)
  if (n === undefined) throw new Error('no notification')
  return n
}

describe('webhookPayload(notification, format)', () => {
  it('sends a 企业微信 group-robot text message with the resident masked', async () => {
    const n = await newTicketNotification('身份证 370102199001011234，备用电话 13987654321')
    const payload = webhookPayload(n, 'wecom')
    expect(payload).toMatchObject({ msgtype: 'text', text: { mentioned_list: ['wx-a-v1'] } })
    const content = (payload.text as { content: string }).content
    expect(content).toContain('申请人：张*，电话 138****5678')
    expect(content).toContain('370***********1234')
    expect(content).toContain('139****4321')
    expect(JSON.stringify(payload)).not.toMatch(/13812345678|370102199001011234|13987654321|张三丰/)
  })

  it('sends plain JSON naming no resident', async () => {
    const n = await newTicketNotification()
    const payload = webhookPayload(n, 'json')
    expect(payload).toMatchObject({ event: 'open', ticketId: 'DB2611230001', to: { kind: 'agent', agentId: 'a-v1', role: '代办员' } })
    expect(JSON.stringify(payload)).not.toMatch(/13812345678|张三丰|u-1/)
  })
})

describe('createWebhookNotifier(options)', () => {
  async function withServer(answer: (body: string) => [number, string], fn: (url: string, bodies: string[]) => Promise<void>) {
    const bodies: string[] = []
    const server = createServer(async (req: IncomingMessage, res) => {
      let body = ''
      for await (const chunk of req) body += chunk
      bodies.push(body)
      const [status, text] = answer(body)
      res.writeHead(status, { 'content-type': 'application/json' }).end(text)
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    try {
      await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies)
    } finally {
      await new Promise((r) => server.close(r))
    }
  }

  it('posts the masked payload', async () => {
    const n = await newTicketNotification()
    await withServer(
      () => [200, '{"errcode":0,"errmsg":"ok"}'],
      async (url, bodies) => {
        await createWebhookNotifier({ url, format: 'wecom' }).send(n)
        expect(JSON.parse(bodies[0] ?? '{}').text.content).toContain('138****5678')
      },
    )
  })

  it('throws (so the queue retries) on an HTTP error or a robot refusal', async () => {
    const n = await newTicketNotification()
    await withServer(
      () => [500, '{}'],
      async (url) => {
        await expect(createWebhookNotifier({ url, format: 'json' }).send(n)).rejects.toThrow('webhook HTTP 500')
      },
    )
    await withServer(
      () => [200, '{"errcode":45009,"errmsg":"api freq out of limit"}'],
      async (url) => {
        await expect(createWebhookNotifier({ url, format: 'wecom' }).send(n)).rejects.toThrow('企业微信机器人拒收：45009')
      },
    )
  })
})
