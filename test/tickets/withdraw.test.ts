/**
 * Wishes to stop (不办了, 取消, 撤回) after a 代办 request was submitted: the open ticket is named and withdrawn only
 * when the resident confirms; never "先不办了" while the ticket stays open. Real catalogue, dialogs and network,
 * tickets in memory, through the conversation service as a resident's message goes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RedisSessionStore } from '../../src/store/redis-session-store.js'
import { createRedis, waitReady } from '../../src/store/redis-connection.js'
import { createRedisTicketBackend } from '../../src/tickets/store/redis-backend.js'
import { newTestRedis, testRedisUrl } from '../support/redis.js'
import { loadNetwork } from '../../src/tickets/network-file.js'
import { handleAgentText } from '../../src/tickets/agent-commands.js'
import { createTicketEffectExecutor, createTicketInterceptor } from '../../src/tickets/resident.js'
import type { TicketEnv } from '../../src/tickets/service.js'
import { createMemoryTicketBackend } from '../../src/tickets/store/memory-tickets.js'
import { joined, newChat, real, type Chat } from '../conversation/support.js'

let env: TicketEnv

beforeAll(async () => {
  const r = await real()
  const net = await loadNetwork('catalog', r.catalog.points)
  if (!net.ok) throw new Error('catalog/network.yaml does not load')
  env = { store: createMemoryTicketBackend().tickets, network: net.network, calendar: net.calendar, item: (id) => r.catalog.byId.get(id) }
})

let users = 0
async function chat(on: TicketEnv = env, more: Parameters<typeof newChat>[0] = {}): Promise<Chat> {
  return newChat({ userId: `withdraw-${++users}`, executeEffect: createTicketEffectExecutor(on), interceptors: [createTicketInterceptor(on)], ...more })
}

/** A submitted 老年证 request; its ticket id. */
async function submit(c: Chat, elder = false, applicant = '王秀兰'): Promise<string> {
  if (elder) await c.say('长者模式')
  for (const reply of ['老年证', '全部列出', '3', applicant, '13812345678', '十字路街道', '1', '2', '1']) await c.say(reply)
  const id = /工单号 (DB\d+)/.exec(joined(await c.say('1')))?.[1]
  if (id === undefined) throw new Error('not submitted')
  return id
}

/** A submitted request for `item` (any item whose steps after the town take 1); its ticket id. */
async function submitItem(c: Chat, item: string): Promise<string> {
  for (const reply of [item, '全部列出', '3', '王秀兰', '13812345678', '十字路街道', '1']) await c.say(reply)
  for (let i = 0; i < 6; i++) {
    const id = /工单号 (DB\d+)/.exec(joined(await c.say('1')))?.[1]
    if (id !== undefined) return id
  }
  throw new Error(`${item} not submitted`)
}

const status = async (id: string, on: TicketEnv = env) => (await on.store.get(id))?.status

describe('a wish to stop with one open ticket', () => {
  it('不办了 / 俺不想办了 / 不要了 撤了吧 / 取消 / 撤回 name the ticket and ask to confirm; nothing is said dropped, the ticket stays', async () => {
    for (const wish of ['不办了', '俺不想办了', '不要了 撤了吧', '取消', '撤回', '算了不办了', '我不要了', '老年证不办了', '能取消吗']) {
      const c = await chat()
      const id = await submit(c)
      const reply = joined(await c.say(wish))
      expect(reply, wish).toContain(id)
      expect(reply, wish).toContain('确认取消')
      expect(reply, wish).not.toContain('先不办了')
      expect(reply, wish).not.toContain('没找到')
      expect(await status(id), wish).toBe('待领办')
    }
  })

  it('确认取消 then cancels it; 返回 afterwards says it was cancelled and how to apply again', async () => {
    const c = await chat()
    const id = await submit(c)
    await c.say('不办了')
    expect(joined(await c.say('确认取消'))).toContain(`工单 ${id} 已取消`)
    expect(await status(id)).toBe('已取消')
    for (const reply of ['返回', '确认', '1']) {
      const text = joined(await c.say(reply))
      expect(text, reply).toContain(id)
      expect(text, reply).toContain('已经取消了')
      expect(text, reply).toContain('重新申请')
      expect(text, reply).not.toContain('已经提交过了')
    }
    // A new question is still a question.
    expect(joined(await c.say('低保怎么申请'))).toContain('最低生活保障')
  })

  it('取消 DB… still cancels at once; then 返回 says so too', async () => {
    const c = await chat()
    const id = await submit(c)
    expect(joined(await c.say(`取消 ${id}`))).toContain('已取消')
    expect(joined(await c.say('返回'))).toMatch(new RegExp(`工单 ${id}.*已经取消了`))
  })

  it('不取消 / 不撤了 is no wish to withdraw; with nothing open, 不办了 is the dialog\'s again', async () => {
    const c = await chat()
    const id = await submit(c)
    expect(joined(await c.say('不取消'))).not.toContain('确认取消')
    await c.say(`取消 ${id}`)
    expect(joined(await c.say('不办了'))).not.toContain('确认取消')
  })

  it('a question about another item with a cancel word in it (取消低保咋办, 商标撤销怎么办) is no wish: it is answered, the ticket not asked about', async () => {
    for (const question of ['取消低保咋办', '商标撤销怎么办', '低保怎么取消']) {
      const c = await chat()
      const id = await submit(c)
      const reply = joined(await c.say(question))
      expect(reply, question).not.toContain('确认取消')
      expect(reply, question).not.toContain(id)
      // The resident's next words are no answer to a question never asked.
      const next = joined(await c.say('我问的是取消低保'))
      expect(next, question).not.toContain('已取消')
      expect(await status(id), question).toBe('待领办')
    }
  })

  it('a polite closing (好的谢谢 不用了, 算了谢谢) is no wish to withdraw; a 好 after it withdraws nothing', async () => {
    for (const closing of ['好的谢谢 不用了', '算了谢谢', '不用了谢谢', '好的 算了']) {
      const c = await chat()
      const id = await submit(c)
      expect(joined(await c.say(closing)), closing).not.toContain('确认取消')
      await c.say('好')
      expect(await status(id), closing).toBe('待领办')
    }
  })

  it('不用了 / 算了 near 办, 申请, 代办 or 工单 still name the ticket (代办不用了, 算了不申请了)', async () => {
    for (const wish of ['代办不用了', '算了 不用办了', '申请算了', '工单不用了']) {
      const c = await chat()
      const id = await submit(c)
      const reply = joined(await c.say(wish))
      expect(reply, wish).toContain(id)
      expect(reply, wish).toContain('确认取消')
    }
  })

  it('in 长者模式 in its plainer words', async () => {
    const c = await chat()
    const id = await submit(c, true)
    const reply = joined(await c.say('不办了'))
    expect(reply).toContain(id)
    expect(reply).toContain('确认取消')
    expect(reply).toContain('还没人接')
  })
})

describe('a wish to stop with several open tickets, or one someone took', () => {
  it('lists the waiting ones with how to cancel each; 确认取消 asks which', async () => {
    const c = await chat()
    const first = await submit(c)
    // For another applicant (the same one twice is merged into the first).
    const second = await submit(c, false, '王秀英')
    for (const wish of ['取消', '确认取消']) {
      const reply = joined(await c.say(wish))
      expect(reply, wish).toContain(first)
      expect(reply, wish).toContain(second)
      expect(reply, wish).toContain('取消 DB')
    }
    expect(await status(first)).toBe('待领办')
    expect(await status(second)).toBe('待领办')
  })

  it('right after the list, a choice by number (1, 第二个) or by item words (残疾证那个) is asked to confirm as one ticket', async () => {
    const c = await chat()
    const first = await submit(c)
    const other = await submitItem(c, '残疾证')
    for (const [choice, id] of [['残疾证那个', other], ['2', first], ['第二个', first], ['老年证的', first]] as const) {
      expect(joined(await c.say('取消')), choice).toContain('1. ')
      const reply = joined(await c.say(choice))
      expect(reply, choice).toContain(id)
      expect(reply, choice).toContain('确认取消')
      expect(reply, choice).not.toContain('要办的是')
      expect(await status(id), choice).toBe('待领办')
      expect(joined(await c.say('不')), choice).toContain('不取消')
    }
    await c.say('取消')
    await c.say('第2个')
    expect(joined(await c.say('是'))).toContain(`工单 ${first} 已取消`)
    expect(await status(other)).toBe('待领办')
  })

  it('不 / 不要 / 都不取消 right after the list withdraw none, and say so', async () => {
    for (const no of ['不', '不要', '都不取消', '不用了']) {
      const c = await chat()
      const first = await submit(c)
      const second = await submit(c, false, '王秀英')
      await c.say('不办了')
      const reply = joined(await c.say(no))
      expect(reply, no).toContain('都不取消')
      expect(reply, no).toContain('2 件')
      expect(reply, no).not.toContain('已经提交过了')
      expect([await status(first), await status(second)], no).toEqual(['待领办', '待领办'])
    }
  })

  it('a choice is taken only right after the list: a new question lets it go', async () => {
    const c = await chat()
    await submit(c)
    const other = await submitItem(c, '残疾证')
    await c.say('取消')
    expect(joined(await c.say('低保怎么申请'))).toContain('最低生活保障')
    await c.say('残疾证那个')
    await c.say('是')
    expect(await status(other)).toBe('待领办')
  })

  it('a ticket already taken: says it cannot be cancelled here and whom to tell', async () => {
    const c = await chat()
    const id = await submit(c)
    const ticket = (await env.store.get(id))!
    const agent = env.network.agentsByPoint.get(ticket.nodeId)![0]!
    await handleAgentText(env, agent, `接单 ${id}`, c.clock.now + 1000)
    c.clock.now += 2000
    const reply = joined(await c.say('不办了'))
    expect(reply).toContain(id)
    expect(reply).not.toContain('先不办了')
    expect(await status(id)).toBe('已领办')
  })
})

describe('the answer to 确认取消\'s question', () => {
  it('是 / 1 / 确认 / 嗯 取消吧 right after it withdraw the ticket', async () => {
    for (const yes of ['是', '1', '确认', '嗯 取消吧', '是的', '确认取消', '好 取消吧', '嗯 不办了']) {
      const c = await chat()
      const id = await submit(c, yes === '1')
      await c.say('不办了')
      expect(joined(await c.say(yes)), yes).toContain(`工单 ${id} ${yes === '1' ? '取消了' : '已取消'}`)
      expect(await status(id), yes).toBe('已取消')
    }
  })

  it('不 / 不取消 / 算了不取消 keep the ticket and say so; a 是 after that withdraws nothing', async () => {
    for (const no of ['不', '不取消', '算了不取消', '还要办']) {
      const c = await chat()
      const id = await submit(c)
      await c.say('取消')
      const reply = joined(await c.say(no))
      expect(reply, no).toContain(id)
      expect(reply, no).toContain('不取消')
      expect(await status(id), no).toBe('待领办')
      await c.say('是')
      expect(await status(id), no).toBe('待领办')
    }
  })

  it('还是办吧 / 那就不取消了 keep the ticket and say so', async () => {
    for (const no of ['还是办吧', '那就不取消了', '还是要办']) {
      const c = await chat()
      const id = await submit(c)
      await c.say('不办了')
      const reply = joined(await c.say(no))
      expect(reply, no).toContain(`${id}（`)
      expect(reply, no).toContain('不取消')
      expect(await status(id), no).toBe('待领办')
    }
  })

  it('不要 / 不用 / 不用了 (keep it, or not want it?) keep the ticket, say it is still being handled and how to withdraw it after all', async () => {
    for (const elder of [false, true]) {
      for (const unclear of ['不要', '不用', '不用了', '不需要']) {
        const c = await chat()
        const id = await submit(c, elder)
        await c.say('不办了')
        const reply = joined(await c.say(unclear))
        expect(reply, unclear).toContain(id)
        expect(reply, unclear).toContain('先不取消')
        expect(reply, unclear).toContain(elder ? '还在办' : '还在办理中')
        expect(reply, unclear).toContain('确认取消')
        expect(reply, unclear).not.toContain('已经提交过了')
        expect(await status(id), unclear).toBe('待领办')
        // It said how: 确认取消 then withdraws it.
        expect(joined(await c.say('确认取消')), unclear).toContain(id)
        expect(await status(id), unclear).toBe('已取消')
      }
    }
  })

  it('a bare 好 / 行 / 嗯 / 中 / 对 is no yes: the question offers 是 and 确认取消; the ticket stays', async () => {
    for (const reply of ['好', '行', '嗯', '中', '好的', '对']) {
      const c = await chat()
      const id = await submit(c)
      await c.say('不办了')
      expect(joined(await c.say(reply)), reply).not.toContain('已取消')
      expect(await status(id), reply).toBe('待领办')
    }
  })

  it('a new question naming something else or asking (我问的是取消低保, 商标撤销怎么办) is a new message: the ticket stays', async () => {
    for (const question of ['我问的是取消低保', '商标撤销怎么办', '取消低保咋办', '怎么取消', '低保取消了咋办']) {
      const c = await chat()
      const id = await submit(c)
      await c.say('不办了')
      const reply = joined(await c.say(question))
      expect(reply, question).not.toContain('已取消')
      expect(reply, question).not.toContain('取消了')
      expect(await status(id), question).toBe('待领办')
    }
  })

  it('any other reply lets the question go: a later 是 or 1 withdraws nothing', async () => {
    const c = await chat()
    const id = await submit(c)
    await c.say('不办了')
    expect(joined(await c.say('低保怎么申请'))).toContain('最低生活保障')
    await c.say('是')
    expect(await status(id)).toBe('待领办')
  })

  it('is answered within 10 minutes: 是 later withdraws nothing', async () => {
    const c = await chat()
    const id = await submit(c)
    await c.say('不办了')
    c.clock.now += 11 * 60_000
    await c.say('是')
    expect(await status(id)).toBe('待领办')
  })
})

describe('the question to confirm, with two server processes on one Redis', () => {
  let cleanup: () => Promise<void> = async () => {}
  afterAll(() => cleanup())

  it('is answered on the other process', async () => {
    const r = await newTestRedis()
    const second = createRedis(testRedisUrl(), { connectionName: 'daiban-test-2' })
    await waitReady(second, 5_000)
    cleanup = async () => {
      await second.quit()
      await r.cleanup()
    }
    const envOn = (redis: typeof second): TicketEnv => ({ ...env, store: createRedisTicketBackend(redis, { prefix: r.prefix }).tickets })
    const [one, two] = [envOn(r.redis), envOn(second)]
    const clock = { now: Date.UTC(2026, 10, 24, 1, 0, 0) }
    const userId = `withdraw-redis-${++users}`
    const a = await chat(one, { userId, clock, sessions: new RedisSessionStore(r.redis, { prefix: r.prefix }) })
    const b = await chat(two, { userId, clock, sessions: new RedisSessionStore(second, { prefix: r.prefix }) })
    const id = await submit(a)
    expect(joined(await a.say('不办了'))).toContain('确认取消')
    expect(joined(await b.say('是'))).toContain(`工单 ${id} 已取消`)
    expect(await status(id, one)).toBe('已取消')
  })
})

describe('a wish to stop with nothing to withdraw', () => {
  it('bare 取消 / 撤回 / 不办了 with no ticket and no dialog under way say there is nothing to withdraw, and what to do', async () => {
    for (const wish of ['取消', '撤回', '不办了', '取消申请', '我要撤回']) {
      const c = await chat()
      const reply = joined(await c.say(wish))
      expect(reply, wish).toContain('没有要取消的代办申请')
      expect(reply, wish).toContain('直接告诉我要办什么')
      expect(reply, wish).not.toContain('没找到')
      expect(reply, wish).not.toContain('先不办了')
    }
  })

  it('the same once the only ticket is cancelled', async () => {
    const c = await chat()
    const id = await submit(c)
    await c.say(`取消 ${id}`)
    const reply = joined(await c.say('取消'))
    expect(reply).toContain('您现在没有要取消的代办申请')
    expect(reply).toContain('我的工单')
  })

  it('in 长者模式 in its plainer words', async () => {
    const c = await chat()
    await c.say('长者模式')
    expect(joined(await c.say('撤回'))).toContain('没有要取消的')
  })

  it('不办了 / 取消 after 自己办理, at a case that needs nothing, or after 不办了 at the summary close the matter kindly, as mid-walk', async () => {
    const ends: [string, string[]][] = [
      ['自己办理', ['老年证', '全部列出', '1']],
      ['不用办', ['想砍棵树 要办证不']],
      ['不办了 at the summary', ['老年证', '全部列出', '3', '王秀兰', '13812345678', '十字路街道', '1', '2', '1', '3']],
    ]
    for (const [where, replies] of ends) {
      for (const wish of ['不办了', '取消', '俺不想办了']) {
        const c = await chat()
        let last = ''
        for (const reply of replies) last = joined(await c.say(reply))
        if (where === '不用办') {
          for (let i = 0; i < 2 && !last.includes('要砍的树长在哪儿'); i++) last = joined(await c.say('1'))
          expect(joined(await c.say('家门口的'))).toContain('不用办采伐许可证')
        }
        const said = joined(await c.say(wish))
        expect(said, `${where} ${wish}`).toContain('先不办了')
        expect(said, `${where} ${wish}`).toContain('随时来问我')
        expect(said, `${where} ${wish}`).not.toContain('没有要取消的代办申请')
      }
    }
    // 撤回 is about a request, and there is none: said so.
    const c = await chat()
    for (const reply of ends[0]![1]) await c.say(reply)
    expect(joined(await c.say('撤回'))).toContain('您现在没有要取消的代办申请')
  })

  it('mid-walk with no ticket, 不办了 is still the dialog\'s', async () => {
    const c = await chat()
    await c.say('老年证')
    expect(joined(await c.say('不办了'))).toContain('先不办了')
  })
})

describe('不办了 in another item\'s walk or form with a ticket open', () => {
  it('is the dialog\'s 先不办了 about that item, with one line that the earlier request is still open and how to withdraw it', async () => {
    for (const at of ['walk', 'form']) {
      const c = await chat()
      const id = await submit(c)
      await c.say('低保怎么申请')
      if (at === 'form') {
        await c.say('全部列出')
        await c.say('代办')
      }
      const reply = joined(await c.say('不办了'))
      expect(reply, at).toContain('先不办了')
      expect(reply, at).toContain(id)
      expect(reply, at).toContain(`取消 ${id}`)
      expect(await status(id), at).toBe('待领办')
    }
  })

  it('取消 there is read as 不办了: the dialog\'s line, and the open ticket mentioned, not withdrawn', async () => {
    const c = await chat()
    const id = await submit(c)
    await c.say('办残疾证')
    await c.say('有')
    const reply = joined(await c.say('取消'))
    expect(reply).toContain('先不办了')
    expect(reply).not.toContain('没看明白')
    expect(reply).toContain(`取消 ${id}`)
    expect(await status(id)).toBe('待领办')
  })

  it('says nothing more when no ticket is open', async () => {
    const c = await chat()
    const id = await submit(c)
    await c.say(`取消 ${id}`)
    await c.say('低保怎么申请')
    expect(joined(await c.say('不办了'))).not.toContain(id)
  })
})

describe('不办了 at the 自己办理 screen of another item, with a ticket open', () => {
  it('is the dialog\'s: that item let go, the open ticket named as kept, not asked to be cancelled', async () => {
    const c = await chat()
    const id = await submit(c)
    for (const reply of ['残疾证', '全部列出']) await c.say(reply)
    expect(joined(await c.say('1'))).toContain('祝您办理顺利')
    const reply = joined(await c.say('不办了'))
    expect(reply).not.toContain('确认取消')
    expect(reply).toContain('先不办了')
    expect(await status(id)).toBe('待领办')
  })
})
