import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { act, openTicket, type TicketEnv } from '../../src/tickets/service.js'
import { sweepTimers } from '../../src/tickets/timers.js'
import { agentSummary, residentDetail } from '../../src/tickets/texts.js'
import type { TicketBackend } from '../../src/tickets/ports.js'
import type { Actor, Ticket } from '../../src/tickets/types.js'
import { BACKENDS, drainQueue, who } from './backends.js'
import { byId, HOUR, makeEnv, MONDAY_9AM, request } from './fixtures.js'

const RESIDENT: Actor = { kind: 'resident', resident: { channel: 'http', userId: 'u-1' } }
const agent = (id: string): Actor => ({ kind: 'agent', agent: byId(id) })

describe.each(BACKENDS)('tickets service on %s', (_name, make) => {
  let backend: TicketBackend
  let env: TicketEnv
  let cleanup: () => Promise<void>
  beforeEach(async () => {
    ;({ backend, cleanup } = await make())
    env = makeEnv(backend.tickets)
  })
  afterEach(() => cleanup())

  async function open(t0 = MONDAY_9AM, overrides = {}): Promise<Ticket> {
    const r = await openTicket(env, request(overrides), t0)
    if (!r.ok) throw new Error(r.message)
    return r.ticket
  }
  async function ok(id: string, action: Parameters<typeof act>[2], actor: Actor, now: number): Promise<Ticket> {
    const r = await act(env, id, action, actor, now)
    if (!r.ok) throw new Error(r.message)
    return r.ticket
  }

  describe('openTicket(env, request, now)', () => {
    it('keeps materials never checked with the resident apart, and never calls such a file complete', async () => {
      const unchecked = await open(MONDAY_9AM, { materialsReady: [], materialsMissing: [], materialsUnknown: ['居民身份证', '户口簿'] })
      expect(unchecked.materialsUnknown).toEqual(['居民身份证', '户口簿'])
      const text = agentSummary(unchecked, env.network, false)
      expect(text).toContain('材料：已备 0 项，未核对 居民身份证、户口簿')
      expect(text).not.toContain('齐全')
      const complete = await open(MONDAY_9AM, { materialsReady: ['居民身份证'], materialsMissing: [], materialsUnknown: [] })
      expect(agentSummary(complete, env.network, false)).toContain('材料：已备 1 项，齐全')
    })

    it('names a village not on the list, with the point that took it, where an agent reads the place', async () => {
      const unlisted = await open(MONDAY_9AM, { areaPointId: 'town-a-center', village: '后山峪村' })
      expect(agentSummary(unlisted, env.network, false)).toMatch(/地点：后山峪村（名单上没有这个村，属.+）/)
      const unnamed = await open(MONDAY_9AM, { areaPointId: 'town-a-center', village: '' })
      expect(agentSummary(unnamed, env.network, false)).toContain('地点：村名没说（名单上没有这个村')
    })

    it('calls a landline taken as the phone 固定电话 where an agent reads it, and a mobile just 电话', async () => {
      const landline = await open(MONDAY_9AM, { phone: '0539-7211000' })
      expect(agentSummary(landline, env.network, true)).toContain('电话 0539-7211000（固定电话）')
      expect(agentSummary(await open(), env.network, true)).not.toContain('固定电话')
    })

    it('tells the agent how the result goes back: picked up, mailed, or brought to the door for 特办', async () => {
      expect(agentSummary(await open(), env.network, false)).toContain('取件：自取')
      const doorToDoor = await open(MONDAY_9AM, { help: '特办' })
      expect(agentSummary(doorToDoor, env.network, false)).toContain('上门送达（特办）')
      // 代办 for someone who cannot come, who chose 代办员送上门.
      const brought = await open(MONDAY_9AM, { help: '代办', delivery: { kind: 'door' } })
      expect(agentSummary(brought, env.network, false)).toContain('取件：上门送达（代办）')
      const mailed = await open(MONDAY_9AM, { help: '特办', delivery: { kind: 'mail', address: '大店镇大店一村3排5号' } })
      expect(agentSummary(mailed, env.network, true)).toContain('邮寄到 大店镇大店一村3排5号')
    })

    it('numbers tickets by day, routes to the village agent and notifies them with the resident masked', async () => {
      const first = await open()
      const second = await open(MONDAY_9AM + 1)
      expect([first.id, second.id]).toEqual(['DB2611230001', 'DB2611230002'])
      expect(first).toMatchObject({ status: '待领办', nodeId: 'town-a-v1', tier: '村', chain: ['town-a-v1'] })
      // 3 working days from Monday: end of Thursday.
      expect(first.dueAt).toBe(Date.parse('2026-11-27T00:00:00+08:00'))
      const notes = await drainQueue(backend, MONDAY_9AM)
      expect(who(notes)).toEqual(['a-v1: 【新代办工单】', 'a-v1: 【新代办工单】'])
      expect(notes[0]?.text).toContain('申请人：张*，电话 138****5678')
      expect(notes[0]?.text).not.toContain('13812345678')
      expect(notes[0]?.text).toContain('接单请回复：接单 DB2611230001')
    })

    it('gives a 即办 item done on the resident\'s behalf one working day, not a deadline that passes tonight', async () => {
      const instant = await open(MONDAY_9AM, { itemId: 'instant-item' })
      expect(instant.dueAt).toBe(Date.parse('2026-11-25T00:00:00+08:00'))
    })

    it('counts a calendar-day limit (60日) in calendar days, weekends and holidays included', async () => {
      const t = await open(MONDAY_9AM, { itemId: 'calendar-item' })
      // Monday 2026-11-23 + 60 days: the end of Thursday 2027-01-22.
      expect(t.dueAt).toBe(Date.parse('2027-01-23T00:00:00+08:00'))
      expect(residentDetail(t, env.network)).toContain('承诺时限：2027年1月22日前办结')
    })

    it('promises no due date for an item whose limit is 以窗口为准, and so never alerts it overdue', async () => {
      const t = await open(MONDAY_9AM, { itemId: 'window-item' })
      expect(t.dueAt).toBeUndefined()
      expect(residentDetail(t, env.network)).toContain('承诺时限：以窗口告知为准')
      expect(agentSummary(t, env.network, false)).toContain('时限：以窗口告知为准')
      await drainQueue(backend, MONDAY_9AM)
      const later = Date.parse('2027-06-01T00:00:00+08:00')
      await ok(t.id, { name: 'claim' }, agent('a-v1'), MONDAY_9AM + HOUR)
      await drainQueue(backend, MONDAY_9AM + HOUR)
      expect(await sweepTimers(env, backend.timers, later)).toMatchObject({ fired: 0 })
      expect((await backend.tickets.get(t.id))?.overdueAt).toBeUndefined()
    })

    it('refuses an unknown item or area with a message for the resident', async () => {
      expect(await openTicket(env, request({ itemId: 'gone' }), MONDAY_9AM)).toEqual({
        ok: false,
        message: '没有找到事项"gone"，请重新选择事项。',
      })
      const r = await openTicket(env, request({ areaPointId: 'nowhere' }), MONDAY_9AM)
      expect(r.ok).toBe(false)
    })
  })

  describe('a ticket’s life', () => {
    it('claim → 办理 → 退回 → 补齐 → 办结 → 评价 2 → 回访, telling the resident at each status change', async () => {
      const t = await open()
      await drainQueue(backend, MONDAY_9AM)
      let now = MONDAY_9AM + HOUR
      await ok(t.id, { name: 'claim' }, agent('a-v1'), now)
      expect(who(await drainQueue(backend, now))).toEqual([
        `resident: 您的代办工单 ${t.id}（最低生活保障申请）已由代办员 村代办（${byId('a-v1').phone}）接单，会尽快和您联系。`,
      ])
      await ok(t.id, { name: 'start' }, agent('a-v1'), (now += HOUR))
      expect(who(await drainQueue(backend, now))).toEqual([`resident: 您的代办工单 ${t.id}（最低生活保障申请）开始办理了。`])
      await ok(t.id, { name: 'return', reason: '缺户口簿原件' }, agent('a-v1'), (now += HOUR))
      const returned = await drainQueue(backend, now)
      expect(returned[0]?.text).toBe(
        `您的代办工单 ${t.id}（最低生活保障申请）需要您补充：缺户口簿原件\n准备好后请回复：补齐 ${t.id} 加说明，如"补齐 ${t.id} 已准备好"。`,
      )
      const resumedAt = (now += HOUR)
      await ok(t.id, { name: 'resume', answer: '户口簿找到了' }, RESIDENT, resumedAt)
      expect(who(await drainQueue(backend, now))).toEqual([`a-v1: 工单 ${t.id} 居民已补齐：户口簿找到了`])
      // What was missing when applying is said as such from now on, with what the resident handed in.
      const resumed = (await backend.tickets.get(t.id))!
      expect(resumed.supplied).toEqual({ at: resumedAt, note: '户口簿找到了' })
      expect(agentSummary(resumed, env.network, true)).toMatch(/申请时缺 户口簿，居民已补齐：户口簿找到了/)
      expect(agentSummary(resumed, env.network, true)).not.toMatch(/，缺 /)
      await ok(t.id, { name: 'done', note: '低保已批准' }, agent('a-v1'), (now += HOUR))
      const done = await drainQueue(backend, now)
      expect(done[0]?.text).toContain('已办结。\n说明：低保已批准\n请为这次代办服务打分')
      await ok(t.id, { name: 'rate', score: 2 }, RESIDENT, (now += HOUR))
      expect(who(await drainQueue(backend, now))).toEqual([
        `s-town: 【差评回访】工单 ${t.id}（最低生活保障申请）居民评价 2 不满意。请在 2026年11月30日前回访，居民：张三丰，电话 13812345678。回访后回复：回访 ${t.id} 情况`,
      ])
      await ok(t.id, { name: 'followUp', answer: '已上门道歉，说明了审核时间' }, agent('s-town'), (now += HOUR))
      expect(who(await drainQueue(backend, now))).toEqual([
        `resident: 关于您对工单 ${t.id}（最低生活保障申请）的评价，督办已回访：已上门道歉，说明了审核时间`,
      ])
      const stored = await backend.tickets.get(t.id)
      expect(stored?.history.map((h) => `${h.action}:${h.by}:${h.status}`)).toEqual([
        'open:resident:待领办',
        'claim:a-v1:已领办',
        'start:a-v1:办理中',
        'return:a-v1:已退回',
        'resume:resident:办理中',
        'done:a-v1:已办结',
        'rate:resident:已办结',
        'followUp:s-town:已办结',
      ])
      // No timer is left to fire: escalation cancelled by the claim, overdue by 办结, follow-up by its answer.
      expect(await sweepTimers(env, backend.timers, now + 365 * 24 * HOUR)).toEqual({ fired: 0, skipped: 0, failed: 0 })
    })

    it('cancel before a claim tells the node’s agents and clears the timers; after a claim it is refused', async () => {
      const t = await open()
      await drainQueue(backend, MONDAY_9AM)
      await ok(t.id, { name: 'cancel', reason: '自己去办了' }, RESIDENT, MONDAY_9AM + HOUR)
      expect(who(await drainQueue(backend, MONDAY_9AM + HOUR))).toEqual([`a-v1: 工单 ${t.id} 居民已取消，不用再接单。`])
      expect(await sweepTimers(env, backend.timers, MONDAY_9AM + 1000 * HOUR)).toEqual({ fired: 0, skipped: 0, failed: 0 })

      const u = await open()
      await ok(u.id, { name: 'claim' }, agent('a-v1'), MONDAY_9AM + HOUR)
      expect(await act(env, u.id, { name: 'cancel' }, RESIDENT, MONDAY_9AM + 2 * HOUR)).toMatchObject({ ok: false, code: 'bad_status' })
    })
  })

  describe('escalation (督办) with an injected clock', () => {
    it('moves an unclaimed ticket up a tier every 24 hours, telling supervisors, and stops at the root', async () => {
      const t = await open()
      await drainQueue(backend, MONDAY_9AM)
      expect(await sweepTimers(env, backend.timers, MONDAY_9AM + 24 * HOUR - 1)).toMatchObject({ fired: 0 })

      expect(await sweepTimers(env, backend.timers, MONDAY_9AM + 24 * HOUR)).toMatchObject({ fired: 1 })
      expect((await backend.tickets.get(t.id))?.nodeId).toBe('town-a-center')
      // Counted where it is now (the town), not where routing first put it; and said so to the agents who see it.
      const { ticketStats } = await import('../../src/tickets/stats.js')
      const stats = await ticketStats(backend.tickets, MONDAY_9AM + 24 * HOUR, (id) => env.network.points.get(id)?.tier)
      expect(stats.byTier).toEqual({ 县: 0, 镇: 1, 村: 0 })
      expect(who(await drainQueue(backend, MONDAY_9AM + 24 * HOUR)).sort()).toEqual([
        'a-town-1: 【督办转派】town-a-v1 服务点超过 24 小时无人接单，转给您：',
        'a-town-2: 【督办转派】town-a-v1 服务点超过 24 小时无人接单，转给您：',
        `resident: 您的代办工单 ${t.id}（最低生活保障申请）还没有人接单，已转town-a-center 服务点督办，请稍候。`,
        `s-town: 【督办】工单 ${t.id}（最低生活保障申请）在town-a-v1 服务点超过 24 小时无人接单，已转town-a-center 服务点，请督促接单。`,
      ])

      expect(await sweepTimers(env, backend.timers, MONDAY_9AM + 48 * HOUR)).toMatchObject({ fired: 1 })
      expect((await backend.tickets.get(t.id))?.chain).toEqual(['town-a-v1', 'town-a-center', 'county-center'])
      const second = who(await drainQueue(backend, MONDAY_9AM + 48 * HOUR))
      expect(second).toContain('a-county: 【督办转派】town-a-center 服务点超过 24 小时无人接单，转给您：')
      expect(second.some((s) => s.startsWith('s-county: 【督办】'))).toBe(true)

      // At the root: supervisors told once more, then no further timer.
      expect(await sweepTimers(env, backend.timers, MONDAY_9AM + 72 * HOUR)).toMatchObject({ fired: 1 })
      expect(who(await drainQueue(backend, MONDAY_9AM + 72 * HOUR))).toEqual([
        `s-county: 【督办】工单 ${t.id}（最低生活保障申请）在county-center 服务点超过 24 小时无人接单，已到最上一级，请督促接单。`,
      ])
      // The overdue timer is still there (due 11-27); nothing else fires before it.
      expect(await sweepTimers(env, backend.timers, Date.parse('2026-11-26T23:59:59+08:00'))).toMatchObject({ fired: 0 })

      // An agent of any tier it passed through may still claim it.
      await ok(t.id, { name: 'claim' }, agent('a-town-2'), MONDAY_9AM + 80 * HOUR)
    })

    it('honours a configured delay and does nothing once the ticket is claimed', async () => {
      env = { ...env, claimHours: 2 }
      const t = await open()
      expect(await sweepTimers(env, backend.timers, MONDAY_9AM + 2 * HOUR)).toMatchObject({ fired: 1 })
      await ok(t.id, { name: 'claim' }, agent('a-town-1'), MONDAY_9AM + 3 * HOUR)
      expect(await sweepTimers(env, backend.timers, MONDAY_9AM + 10 * HOUR)).toMatchObject({ fired: 0 })
    })
  })

  describe('overdue alerts, counted in working days', () => {
    it('alerts supervisors and the claimer when the promised limit passes, once', async () => {
      const t = await open()
      await ok(t.id, { name: 'claim' }, agent('a-v1'), MONDAY_9AM + HOUR)
      await drainQueue(backend, MONDAY_9AM + HOUR)
      expect(await sweepTimers(env, backend.timers, Date.parse('2026-11-26T23:59:59+08:00'))).toMatchObject({ fired: 0 })
      expect(await sweepTimers(env, backend.timers, Date.parse('2026-11-27T00:00:00+08:00'))).toMatchObject({ fired: 1 })
      expect(who(await drainQueue(backend, Date.parse('2026-11-27T00:00:00+08:00')))).toEqual([
        `s-town: 【超期】工单 ${t.id}（最低生活保障申请）已超过承诺时限（2026年11月26日），当前状态：已领办，代办员 村代办。请督促办理。`,
        `a-v1: 【超期】工单 ${t.id}（最低生活保障申请）已超过承诺时限（2026年11月26日），当前状态：已领办，代办员 村代办。请督促办理。`,
      ])
      expect((await backend.tickets.get(t.id))?.overdueAt).toBe(Date.parse('2026-11-27T00:00:00+08:00'))
    })

    it('skips 国庆 and counts the 10-10 调休 Saturday: opened 09-30, overdue from 10-11', async () => {
      const t0 = Date.parse('2026-09-30T10:00:00+08:00')
      const t = await open(t0)
      await ok(t.id, { name: 'claim' }, agent('a-v1'), t0 + HOUR)
      expect(await sweepTimers(env, backend.timers, Date.parse('2026-10-10T23:59:59+08:00'))).toMatchObject({ fired: 0 })
      expect(await sweepTimers(env, backend.timers, Date.parse('2026-10-11T00:00:00+08:00'))).toMatchObject({ fired: 1 })
    })

    it('alerts supervisors when a 差评 follow-up is not answered in 5 working days', async () => {
      const t = await open()
      let now = MONDAY_9AM
      await ok(t.id, { name: 'claim' }, agent('a-v1'), (now += HOUR))
      await ok(t.id, { name: 'start' }, agent('a-v1'), (now += HOUR))
      await ok(t.id, { name: 'done' }, agent('a-v1'), (now += HOUR))
      await ok(t.id, { name: 'rate', score: 1 }, RESIDENT, (now += HOUR))
      await drainQueue(backend, now)
      const due = Date.parse('2026-12-01T00:00:00+08:00')
      expect(await sweepTimers(env, backend.timers, due - 1)).toMatchObject({ fired: 0 })
      expect(await sweepTimers(env, backend.timers, due)).toMatchObject({ fired: 1 })
      expect(who(await drainQueue(backend, due))).toEqual([
        `s-town: 【回访超期】工单 ${t.id}（最低生活保障申请）的差评回访已过期限（2026年11月30日），请尽快回访。`,
      ])
    })
  })
})
