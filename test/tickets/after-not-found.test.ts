/**
 * Ticket replies (补齐 materials, a rating, a wish to withdraw, thanks) after the dialog found nothing (没找到, 回复 1
 * 转人工) or offered a list: the dialog waits only for a new question there, and those replies reach the ticket.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { IncomingMessage, Resident } from '../../src/conversation/types.js'
import { handleAgentText } from '../../src/tickets/agent-commands.js'
import type { TicketBackend } from '../../src/tickets/ports.js'
import { createTicketEffectExecutor, createTicketInterceptor } from '../../src/tickets/resident.js'
import type { TicketEnv } from '../../src/tickets/service.js'
import { createMemoryTicketBackend } from '../../src/tickets/store/memory-tickets.js'
import { joined, newChat, type Chat } from '../conversation/support.js'
import { drainQueue } from './backends.js'
import { byId, makeEnv, MONDAY_9AM, request } from './fixtures.js'

const ME: Resident = { channel: 'http', userId: 'u-1' }
const say = (text: string, now: number): IncomingMessage => ({ resident: ME, content: { kind: 'text', text }, now })
const id = 'DB2611230001'

let backend: TicketBackend
let env: TicketEnv
let chat: Chat

/** The resident (http u-1) has ticket `id` (低保), moved on by the agent's `commands`. */
async function withTicket(commands: string[]): Promise<void> {
  backend = createMemoryTicketBackend()
  env = makeEnv(backend.tickets)
  const clock = { now: MONDAY_9AM }
  chat = await newChat({ userId: ME.userId, clock, executeEffect: createTicketEffectExecutor(env), interceptors: [createTicketInterceptor(env)] })
  await createTicketEffectExecutor(env)({ type: 'openTicket', request: request() }, say('1', clock.now))
  for (const command of commands) await handleAgentText(env, byId('a-v1'), command.replace('ID', id), (clock.now += 60_000))
  await drainQueue(backend, clock.now)
}

describe('a ticket returned for materials, after 没找到', () => {
  beforeEach(() => withTicket(['接单 ID', '退回 ID 缺两张一寸照片']))

  it.each(['复印好了', '照片照好了', '结婚证复印件弄好了'])('%s is handed in for the ticket', async (ready) => {
    expect(joined(await chat.say('今天天气咋样'))).toContain('回复 1 转人工')
    expect(await chat.say(ready)).toEqual([`收到，已告诉代办员，工单 ${id} 继续办理。`])
    expect((await backend.tickets.get(id))?.status).toBe('办理中')
  })

  it('相片照好了 明天给你送过去 (when it comes after) is handed in too; a bare 1 there is still 转人工', async () => {
    expect(joined(await chat.say('今天天气咋样'))).toContain('回复 1 转人工')
    expect(joined(await chat.say('1'))).toContain('人工')
    expect((await backend.tickets.get(id))?.status).toBe('已退回')
    expect(await chat.say('相片照好了 明天给你送过去')).toEqual([`收到，已告诉代办员，工单 ${id} 继续办理。`])
  })

  it('after a list of candidates, 复印好了 is handed in for the ticket', async () => {
    const listed = joined(await chat.say('身份证复印件俺让俺孙子去复印了 下午给你'))
    if (!listed.includes('回复 1')) return
    expect(await chat.say('复印好了')).toEqual([`收到，已告诉代办员，工单 ${id} 继续办理。`])
  })
})

describe('a finished ticket waiting for a rating, after 没找到', () => {
  beforeEach(() => withTicket(['接单 ID', '办理 ID', '办结 ID']))

  it.each([
    ['挺好', 4],
    ['还行吧', 3],
    ['不满意 太慢了', 2],
    ['挺好 谢谢小唐', 4],
  ])('%s rates it', async (words, score) => {
    expect(joined(await chat.say('今天天气咋样'))).toContain('回复 1 转人工')
    expect(joined(await chat.say(words))).toMatch(/^谢谢您的评价/)
    expect((await backend.tickets.get(id))?.rating).toMatchObject({ score })
  })

  it('a bare 1 there is still 转人工, not a rating', async () => {
    expect(joined(await chat.say('今天天气咋样'))).toContain('回复 1 转人工')
    expect(joined(await chat.say('1'))).not.toContain('谢谢您的评价')
    expect((await backend.tickets.get(id))?.rating).toBeUndefined()
  })
})

describe('a ticket waiting for an agent, after 没找到', () => {
  beforeEach(() => withTicket([]))

  it('俺不想办了 asks to confirm withdrawing it', async () => {
    expect(joined(await chat.say('今天天气咋样'))).toContain('回复 1 转人工')
    expect(joined(await chat.say('俺不想办了'))).toContain('确认取消')
    expect((await backend.tickets.get(id))?.status).toBe('待领办')
  })

  it.each(['谢谢', '嗯嗯 好的 麻烦你们了', '谢谢恁了 俺等信儿'])('%s is thanked, with the ticket said to be under way', async (thanks) => {
    const replies = joined(await chat.say(thanks))
    expect(replies).not.toContain('没找到')
    expect(replies).toContain('不客气')
    expect(replies).toContain(id)
  })
})

describe('取消 ID on a ticket an agent has claimed', () => {
  beforeEach(() => withTicket(['接单 ID']))

  it('says it cannot be withdrawn here and how to reach the agent', async () => {
    const said = joined(await chat.say(`取消 ${id}`))
    expect(said).toContain('取消不了')
    expect(said).toContain(`查询 ${id}`)
    expect(said).toContain('打电话')
    expect((await backend.tickets.get(id))?.status).toBe('已领办')
  })
})
