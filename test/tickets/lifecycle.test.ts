import { describe, expect, it } from 'vitest'
import { applyAction, TRANSITIONS, type Action } from '../../src/tickets/lifecycle.js'
import { STATUSES } from '../../src/tickets/types.js'
import type { Actor, Ticket, TicketStatus } from '../../src/tickets/types.js'
import { byId, CALENDAR, MONDAY_9AM, NETWORK } from './fixtures.js'

const ctx = { now: MONDAY_9AM + 3_600_000, network: NETWORK, calendar: CALENDAR }
const RESIDENT: Actor = { kind: 'resident', resident: { channel: 'http', userId: 'u-1' } }
const OTHER_RESIDENT: Actor = { kind: 'resident', resident: { channel: 'http', userId: 'u-2' } }
const SYSTEM: Actor = { kind: 'system' }
const agent = (id: string): Actor => ({ kind: 'agent', agent: byId(id) })

function ticket(status: TicketStatus, extra: Partial<Ticket> = {}): Ticket {
  const claimed = status !== '待领办' && status !== '已取消'
  return {
    id: 'DB2611230001',
    version: 3,
    status,
    resident: { channel: 'http', userId: 'u-1' },
    name: '张三丰',
    phone: '13812345678',
    itemId: 'village-item',
    itemName: '最低生活保障申请',
    help: '代办',
    delivery: { kind: 'pickup' },
    materialsReady: [],
    materialsMissing: [],
    answers: {},
    areaPointId: 'town-a-v1',
    nodeId: 'town-a-v1',
    tier: '村',
    chain: ['town-a-v1'],
    ...(claimed && { claimedBy: 'a-v1', claimedAt: MONDAY_9AM }),
    ...(status === '已办结' && { doneAt: MONDAY_9AM }),
    createdAt: MONDAY_9AM,
    updatedAt: MONDAY_9AM,
    dueAt: MONDAY_9AM + 5 * 86_400_000,
    escalations: 0,
    history: [{ at: MONDAY_9AM, by: 'resident', action: 'open', status: '待领办' }],
    ...extra,
  }
}

/** Each action with an actor allowed to take it and input that is valid. */
const ALLOWED: { action: Action; actor: Actor; to?: TicketStatus }[] = [
  { action: { name: 'claim' }, actor: agent('a-v1'), to: '已领办' },
  { action: { name: 'start' }, actor: agent('a-v1'), to: '办理中' },
  { action: { name: 'return', reason: '缺户口簿原件' }, actor: agent('a-v1'), to: '已退回' },
  { action: { name: 'resume', answer: '户口簿找到了' }, actor: RESIDENT, to: '办理中' },
  { action: { name: 'done', note: '已送达' }, actor: agent('a-v1'), to: '已办结' },
  { action: { name: 'cancel' }, actor: RESIDENT, to: '已取消' },
  { action: { name: 'escalate', nodeId: 'town-a-center', round: 0 }, actor: SYSTEM },
  { action: { name: 'overdue' }, actor: SYSTEM },
  { action: { name: 'rate', score: 5 }, actor: RESIDENT },
]

describe('applyAction(ticket, action, actor, ctx): allowed transitions', () => {
  for (const { action, actor, to } of ALLOWED) {
    for (const from of TRANSITIONS[action.name].from) {
      it(`${TRANSITIONS[action.name].label}: ${from} → ${to ?? from}`, () => {
        const before = ticket(from)
        const r = applyAction(before, action, actor, ctx)
        if (!r.ok) throw new Error(r.message)
        expect(r.ticket.status).toBe(to ?? from)
        expect(r.ticket.version).toBe(before.version + 1)
        // Append-only: the old entries untouched, one new entry saying who, when and what.
        expect(r.ticket.history.slice(0, -1)).toEqual(before.history)
        expect(r.ticket.history.at(-1)).toMatchObject({ at: ctx.now, action: action.name, status: to ?? from })
        expect(r.ticket.history.at(-1)?.by).toBe(actor.kind === 'agent' ? actor.agent.id : actor.kind)
      })
    }
  }
})

describe('applyAction: every status an action is not allowed from', () => {
  for (const { action, actor } of ALLOWED) {
    const rule = TRANSITIONS[action.name]
    for (const from of STATUSES.filter((s) => !rule.from.includes(s))) {
      it(`${rule.label} from ${from} is refused`, () => {
        const r = applyAction(ticket(from), action, actor, ctx)
        expect(r.ok).toBe(false)
        if (r.ok) return
        if (action.name === 'claim') expect(r.code).toBe(from === '已取消' ? 'bad_status' : 'invalid')
        else expect(r.code).toBe('bad_status')
      })
    }
  }
})

describe('applyAction: who may do what', () => {
  const refused = (t: Ticket, action: Action, actor: Actor) => {
    const r = applyAction(t, action, actor, ctx)
    return r.ok ? 'ok' : r.code
  }
  it('only agents of the ticket’s nodes (or supervisors above) claim', () => {
    expect(refused(ticket('待领办'), { name: 'claim' }, RESIDENT)).toBe('forbidden')
    expect(refused(ticket('待领办'), { name: 'claim' }, agent('a-town-1'))).toBe('forbidden')
    expect(refused(ticket('待领办'), { name: 'claim' }, agent('a-realestate'))).toBe('forbidden')
    expect(refused(ticket('待领办'), { name: 'claim' }, agent('s-town'))).toBe('ok')
  })
  it('tells a second claimant who has the ticket', () => {
    const r = applyAction(ticket('已领办'), { name: 'claim' }, agent('s-town'), ctx)
    expect(r).toMatchObject({ ok: false, code: 'claimed' })
    if (!r.ok) expect(r.message).toBe(`工单 DB2611230001 已被代办员 村代办（${byId('a-v1').phone}）接单。`)
  })
  it('only the claimer (or a supervisor) starts, returns and closes', () => {
    expect(refused(ticket('已领办', { chain: ['town-a-v1', 'town-a-center'] }), { name: 'start' }, agent('a-town-1'))).toBe('forbidden')
    expect(refused(ticket('已领办'), { name: 'start' }, RESIDENT)).toBe('forbidden')
    expect(refused(ticket('已领办'), { name: 'start' }, agent('s-county'))).toBe('ok')
    expect(refused(ticket('办理中'), { name: 'done' }, agent('a-county'))).toBe('forbidden')
  })
  it('only the resident who asked cancels, resumes and rates', () => {
    expect(refused(ticket('待领办'), { name: 'cancel' }, agent('a-v1'))).toBe('forbidden')
    expect(refused(ticket('待领办'), { name: 'cancel' }, OTHER_RESIDENT)).toBe('forbidden')
    expect(refused(ticket('已退回'), { name: 'resume', answer: '' }, OTHER_RESIDENT)).toBe('forbidden')
    expect(refused(ticket('已办结'), { name: 'rate', score: 4 }, agent('a-v1'))).toBe('forbidden')
  })
  it('leaves escalation and overdue alerts to the system', () => {
    expect(refused(ticket('待领办'), { name: 'escalate', nodeId: 'town-a-center', round: 0 }, agent('s-county'))).toBe('forbidden')
    expect(refused(ticket('办理中'), { name: 'overdue' }, RESIDENT)).toBe('forbidden')
  })
  it('lets only supervisors answer a follow-up', () => {
    const rated = applyAction(ticket('已办结'), { name: 'rate', score: 1 }, RESIDENT, ctx)
    if (!rated.ok) throw new Error(rated.message)
    expect(refused(rated.ticket, { name: 'followUp', answer: '已回访' }, agent('a-v1'))).toBe('forbidden')
    expect(refused(rated.ticket, { name: 'followUp', answer: '已回访' }, agent('s-town'))).toBe('ok')
  })
})

describe('applyAction: details of single actions', () => {
  it('claim records the claimer and time', () => {
    const r = applyAction(ticket('待领办'), { name: 'claim' }, agent('a-v1'), ctx)
    expect(r.ok && { by: r.ticket.claimedBy, at: r.ticket.claimedAt }).toEqual({ by: 'a-v1', at: ctx.now })
  })
  it('return needs a reason and keeps it for the resident', () => {
    expect(applyAction(ticket('办理中'), { name: 'return', reason: '  ' }, agent('a-v1'), ctx)).toMatchObject({ ok: false, code: 'invalid' })
    const r = applyAction(ticket('办理中'), { name: 'return', reason: '缺户口簿' }, agent('a-v1'), ctx)
    expect(r.ok && r.ticket.returnReason).toBe('缺户口簿')
  })
  it('escalate moves the ticket up the chain once per round', () => {
    const r = applyAction(ticket('待领办'), { name: 'escalate', nodeId: 'town-a-center', round: 0 }, SYSTEM, ctx)
    if (!r.ok) throw new Error(r.message)
    expect(r.ticket).toMatchObject({ nodeId: 'town-a-center', chain: ['town-a-v1', 'town-a-center'], escalations: 1 })
    expect(applyAction(r.ticket, { name: 'escalate', nodeId: 'county-center', round: 0 }, SYSTEM, ctx)).toMatchObject({ ok: false })
  })
  it('a 差评 opens a follow-up due in 5 working days; a second rating is refused', () => {
    const r = applyAction(ticket('已办结'), { name: 'rate', score: 2 }, RESIDENT, ctx)
    if (!r.ok) throw new Error(r.message)
    // Monday 2026-11-23 + 5 working days = Monday 11-30, due at its end.
    expect(r.ticket.followUp).toEqual({ openedAt: ctx.now, dueAt: Date.parse('2026-12-01T00:00:00+08:00') })
    expect(r.ticket.history.at(-1)?.note).toBe('2 不满意')
    expect(applyAction(r.ticket, { name: 'rate', score: 5 }, RESIDENT, ctx)).toMatchObject({ ok: false, code: 'invalid' })
  })
  it('a good rating opens no follow-up; the comment closes it once', () => {
    const r = applyAction(ticket('已办结'), { name: 'rate', score: 4 }, RESIDENT, ctx)
    if (!r.ok) throw new Error(r.message)
    expect(r.ticket.followUp).toBeUndefined()
    const c = applyAction(r.ticket, { name: 'comment', text: '很负责' }, RESIDENT, ctx)
    expect(c.ok && c.ticket.rating).toEqual({ score: 4, at: ctx.now, commentClosed: true, comment: '很负责' })
    if (c.ok) expect(applyAction(c.ticket, { name: 'comment', text: '再说一句' }, RESIDENT, ctx).ok).toBe(false)
  })
})
