import { describe, expect, it } from 'vitest'
import type { TicketRequest } from '../../src/conversation/types.js'
import { openTicket } from '../../src/tickets/service.js'
import { phonePage, screenshot } from './browser.js'
import { useServerAndBrowser } from './fixture.js'
import { AGENT_TOKENS } from './server.js'

const ctx = useServerAndBrowser()

/** A 代办 request for 办理残疾人证 from a resident of 大店镇's first village: routed to that village's agent. */
function request(name: string, phone: string): TicketRequest {
  const item = ctx.server.catalog().items.find((i) => i.name === '办理残疾人证')
  if (!item) throw new Error('办理残疾人证 is not in the catalogue')
  return {
    resident: { channel: 'web', userId: `resident-${phone}` },
    itemId: item.id,
    itemName: item.name,
    name,
    phone,
    areaPointId: 'dadian-v1',
    help: '代办',
    delivery: { kind: 'pickup' },
    materialsReady: ['申请人居民身份证', '户口簿'],
    materialsMissing: ['《残疾评定表》'],
    answers: {},
    note: '下午在家',
  }
}

async function open(name: string, phone: string): Promise<string> {
  const r = await openTicket(ctx.server.env, request(name, phone), Date.now())
  if (!r.ok) throw new Error(r.message)
  return r.ticket.id
}

describe('the console for an agent', { timeout: 60_000 }, () => {
  it('a village agent logs in, sees the new ticket with the resident masked, claims it and sees it live', async () => {
    const first = await open('<b>张三</b>', '13812345678')
    const { context, page, problems } = await phonePage(ctx.browser)
    await page.goto(`${ctx.server.url}/console`)

    // A wrong token is refused in Chinese.
    await page.locator('#token').fill('not-a-token')
    await page.locator('#login-form button').tap()
    await expect.poll(() => page.locator('#login-error').textContent()).toBe('令牌不对，请检查后重新登录')
    problems.length = 0 // the browser logs that refused request; it was meant to be refused

    await page.locator('#token').fill(AGENT_TOKENS['a-dadian-v1'])
    await page.locator('#login-form button').tap()
    await expect.poll(() => page.locator('#who').textContent()).toContain('代办员')
    await expect.poll(() => page.locator('#live').textContent()).toContain('实时更新中')

    const waiting = page.locator('#waiting .ticket', { hasText: first })
    await waiting.waitFor()
    // Before the claim, the resident is masked; the name is shown as text, not markup.
    expect(await waiting.textContent()).toContain('138****5678')
    expect(await waiting.textContent()).not.toContain('张三')
    expect(await page.locator('#waiting b').count()).toBe(0)
    await screenshot(page, 'console-agent-queue')

    await waiting.locator('button', { hasText: '接单' }).tap()
    await expect.poll(() => page.locator('#notice').textContent()).toBe(`工单 ${first} 已接单`)
    const mine = page.locator('#mine .ticket', { hasText: first })
    await mine.waitFor()
    expect(await mine.locator('.badge').first().textContent()).toBe('已领办')
    // The claimer sees the resident in full, still as text.
    expect(await mine.textContent()).toContain('<b>张三</b> 13812345678')
    expect(await page.locator('#mine b').count()).toBe(0)
    expect(await page.locator('#waiting .ticket').count()).toBe(0)

    // A ticket opened elsewhere (here: straight through the service) appears without reloading the page.
    const second = await open('李四', '13900001111')
    await page.locator('#waiting .ticket', { hasText: second }).waitFor({ timeout: 10_000 })

    // Start the work, then return it to the resident with a reason.
    await mine.locator('button', { hasText: '开始办理' }).tap()
    await expect.poll(() => mine.locator('.badge').first().textContent()).toBe('办理中')
    await mine.locator('button', { hasText: '退回' }).tap()
    await mine.locator('textarea').fill('缺《残疾评定表》，请到县医院评定后补齐')
    await screenshot(page, 'console-agent-return')
    await mine.locator('button', { hasText: '确认退回' }).tap()
    await expect.poll(() => page.locator('#notice').textContent()).toBe(`工单 ${first} 已退回给居民`)
    await expect.poll(() => mine.locator('.badge').first().textContent()).toBe('已退回')
    expect(await mine.textContent()).toContain('退回原因：缺《残疾评定表》，请到县医院评定后补齐')

    await mine.locator('button', { hasText: '详情' }).tap()
    await expect.poll(() => mine.locator('.history li').count()).toBe(4)
    expect(await mine.locator('.history').textContent()).toContain('接单（我）')
    await screenshot(page, 'console-agent-details')
    expect(problems).toEqual([])
    await context.close()
  })

  it('shows an agent only their own area', async () => {
    const id = await open('王五', '13700002222')
    const queue = async (token: string) => {
      const res = await fetch(`${ctx.server.url}/api/agent/tickets`, { headers: { Authorization: `Bearer ${token}` } })
      const body = (await res.json()) as { waiting: { id: string }[] }
      return body.waiting.map((t) => t.id)
    }
    expect(await queue(AGENT_TOKENS['a-dadian-v1'])).toContain(id)
    expect(await queue(AGENT_TOKENS['a-dadian-1'])).not.toContain(id)
  })

  it('the live feed and admin pages refuse a missing token, and an agent on admin pages, in Chinese', async () => {
    const get = async (path: string, token?: string) => {
      const res = await fetch(`${ctx.server.url}${path}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {})
      return { status: res.status, body: await res.json() }
    }
    expect(await get('/console/api/agent/events')).toEqual({
      status: 401,
      body: { error: { code: 'unauthorized', message: '请先登录：缺少令牌' } },
    })
    expect(await get('/console/api/admin/stats', AGENT_TOKENS['a-dadian-v1'])).toEqual({
      status: 403,
      body: { error: { code: 'forbidden', message: '这个功能只有管理员能用' } },
    })
  })
})
