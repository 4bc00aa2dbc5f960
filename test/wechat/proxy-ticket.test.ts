/**
 * A 代办 from first question to rating, entirely through WeChat (wechaty-puppet-mock), on the real catalogue,
 * dialogs, service network and tickets, with sessions and tickets in Redis. Notifications go out through the
 * channel's notifier as the ticket worker would send them (deliverNotifications, called here at each step).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { types } from 'wechaty'
import { agentResolver } from '../../src/channels/wechat/index.js'
import { loadCatalogDir } from '../../src/catalog/load.js'
import type { Catalog } from '../../src/catalog/types.js'
import { loadDialogDir } from '../../src/conversation/dialog-dir.js'
import { createConversationService } from '../../src/conversation/service.js'
import { buildMatcher } from '../../src/match/index.js'
import { RedisSessionStore } from '../../src/store/redis-session-store.js'
import { handleAgentText } from '../../src/tickets/agent-commands.js'
import { deliverNotifications } from '../../src/tickets/delivery.js'
import { loadNetwork } from '../../src/tickets/network-file.js'
import { createNotifierHub } from '../../src/tickets/notifiers/hub.js'
import type { TicketBackend } from '../../src/tickets/ports.js'
import { ratingPrompt } from '../../src/tickets/rating.js'
import { createTicketEffectExecutor, createTicketInterceptor } from '../../src/tickets/resident.js'
import type { TicketEnv } from '../../src/tickets/service.js'
import { createRedisTicketBackend } from '../../src/tickets/store/redis-backend.js'
import { newTestRedis } from '../support/redis.js'
import { startHarness, type Harness } from './harness.js'

/** Tuesday 24 November 2026, 09:00 in Shandong. */
const T0 = Date.UTC(2026, 10, 24, 1, 0, 0)

let h: Harness
let backend: TicketBackend
let sessions: RedisSessionStore
let cleanupRedis: () => Promise<void>
const clock = { now: T0 }

beforeAll(async () => {
  const { redis, prefix, cleanup } = await newTestRedis()
  cleanupRedis = cleanup
  const [c, d] = await Promise.all([loadCatalogDir('catalog'), loadDialogDir('dialogs')])
  if (!c.ok || !d.ok) throw new Error('the repository’s catalogue or dialogs do not load')
  const catalog: Catalog = c.catalog
  const matcher = buildMatcher(catalog)
  const net = await loadNetwork('catalog', catalog.points)
  if (!net.ok) throw new Error(`catalog/network.yaml does not load: ${net.errors[0]?.message}`)
  const network = net.network

  backend = createRedisTicketBackend(redis, { prefix })
  const env: TicketEnv = {
    store: backend.tickets,
    network,
    calendar: net.calendar,
    item: (id) => catalog.items.find((item) => item.id === id),
  }
  sessions = new RedisSessionStore(redis, { prefix })
  const conversation = createConversationService({
    definitions: d.definitions,
    catalog: () => ({ catalog, matcher }),
    sessions,
    executeEffect: createTicketEffectExecutor(env),
    interceptors: [createTicketInterceptor(env)],
  })
  h = await startHarness({
    conversation,
    resolveAgent: agentResolver(() => network),
    agentCommands: async ({ agentId, text, now }) => {
      const agent = network.agentsById.get(agentId)
      return agent ? handleAgentText(env, agent, text, now) : undefined
    },
    clock: () => (clock.now += 30_000),
  })
})

afterAll(async () => {
  await h?.stop()
  await sessions?.close()
  await cleanupRedis?.()
})

/** What the ticket worker does each second: deliver what is queued, here through the WeChat notifier. */
async function deliver(): Promise<void> {
  const hub = createNotifierHub({ residents: { wechat: h.channel.notifier }, agents: h.channel.notifier })
  const result = await deliverNotifications(backend.queue, hub, clock.now)
  expect(result).toMatchObject({ retried: 0, dead: 0 })
}

/** Texts `who` received since the last call. */
function inbox() {
  const seen = new Map<string, number>()
  return (who: Parameters<Harness['textsTo']>[0]) => {
    const all = h.textsTo(who)
    const from = seen.get(who.id) ?? 0
    seen.set(who.id, all.length)
    return all.slice(from)
  }
}

describe('WeChat: a resident asks for 代办, an agent claims and closes, the resident rates', () => {
  it('walks the whole way through WeChat messages only', async () => {
    // 唐军 is the 大店一村 agent in catalog/network.yaml (微信名 jn-a-dadian-v1), known to the bot by his remark.
    const agent = h.contact('唐军', { alias: 'jn-a-dadian-v1' })
    const resident = h.contact('张秀英')
    const news = inbox()
    const ask = async (text: string) => (await h.say(resident, text)).replies.join('\n')

    // The question, clear enough to start at once (no 对吗, a hint to say 不对), then the materials one at a time.
    const walk = await ask('我家老人想在村里长者食堂吃饭，有补贴吗')
    expect(walk).toContain('好的。办"长者食堂助餐补贴申请"要准备的材料')
    expect(walk).toContain('问的不是这件事，请回复"不对"。')
    expect(walk).toContain('是否已准备好：老人居民身份证（原件1份）？')
    expect(await ask('有')).toContain('是否已准备好：户口簿（原件1份）？')
    // A sticker in the middle gets a polite word and changes nothing.
    const sticker = await h.sendRaw(resident, types.Message.Emoticon)
    expect(sticker.route).toBe('resident')
    expect(sticker.replies).toHaveLength(1)
    expect(await ask('没有')).toContain('老人是不是低保、特困或者重度残疾老人？')
    expect(await ask('2')).toContain('是不是子女或别人替老人来办？')
    expect(await ask('1')).toContain('是否已准备好：代办人身份证（原件1份）？')
    const checklist = await ask('1')
    expect(checklist).toContain('【一次性告知单】长者食堂助餐补贴申请')
    expect(checklist).toContain('✗ 户口簿（原件1份）')
    expect(checklist).toContain('3 申请代办')

    // 代办: name, phone, town and village, 特办 for an elder, confirm.
    expect(await ask('3')).toContain('请告诉我申请人的姓名')
    expect(await ask('张秀英')).toContain('请留一个手机号')
    expect(await ask('13812345678')).toContain('申请人住在哪个镇（街道）？')
    expect(await ask('大店镇')).toContain('大店一村')
    expect(await ask('大店一村')).toContain('申请人是不是老人、残疾人')
    expect(await ask('是的')).toContain('特办')
    expect(await ask('特办')).toContain('住址：大店镇 大店一村')
    const submitted = await ask('1')
    const ticketId = /工单号 (DB\d{10})/.exec(submitted)?.[1]
    expect(ticketId).toBeDefined()
    const id = ticketId!
    expect(submitted).toContain('负责：')

    // The village agent is told on WeChat, without the resident's full phone.
    await deliver()
    const [newTicket, ...more] = news(agent)
    expect(more).toEqual([])
    expect(newTicket).toContain('【新代办工单】')
    expect(newTicket).toContain(`接单请回复：接单 ${id}`)
    expect(newTicket).not.toContain('13812345678')

    // He claims: he sees the full details; the resident is told who has it.
    news(resident) // from here on, the resident's inbox holds notifications only
    const claimed = await h.say(agent, `接单 ${id}`)
    expect(claimed.route).toBe('agent')
    expect(claimed.replies[0]).toBe(`接单成功，已通知居民。开始办理请回复：办理 ${id}；缺材料请回复：退回 ${id} 原因`)
    expect(claimed.replies[1]).toContain('13812345678')
    await deliver()
    expect(news(resident)).toEqual([`您的代办工单 ${id}（长者食堂助餐补贴申请）已由代办员 唐军（13905391016）接单，会尽快和您联系。`])

    expect((await h.say(agent, `办理 ${id}`)).replies).toEqual([`工单 ${id} 开始办理，已通知居民。办完请回复：办结 ${id}`])
    expect((await h.say(agent, `办结 ${id} 已送到老人家里`)).replies).toEqual([`工单 ${id} 已办结，已请居民评价。`])
    await deliver()
    const told = news(resident)
    expect(told).toEqual([
      expect.stringContaining(`您的代办工单 ${id}（长者食堂助餐补贴申请）开始办理了`),
      expect.stringContaining('已办结。\n说明：已送到老人家里'),
    ])
    expect(told[1]).toContain(ratingPrompt(5))

    // The resident rates and adds nothing more.
    expect(await ask('5')).toMatch(/^谢谢您的评价（5 非常满意）！/)
    expect(await ask('无')).toBe('好的，谢谢您！')

    const ticket = await backend.tickets.get(id)
    expect(ticket).toMatchObject({
      status: '已办结',
      claimedBy: 'a-dadian-v1',
      resident: { channel: 'wechat', userId: resident.id },
      help: '特办',
      rating: { score: 5, commentClosed: true },
    })
    expect(ticket?.history.map((e) => e.action)).toEqual(['open', 'claim', 'start', 'done', 'rate', 'comment'])
  })
})
