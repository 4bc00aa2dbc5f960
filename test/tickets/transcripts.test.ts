/**
 * Tickets as residents and agents meet them: text in, replies out, through the executor, the resident
 * interceptor and the agent commands the conversation service and WeChat channel call.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { IncomingMessage, Resident } from '../../src/conversation/types.js'
import { handleAgentText, parseAgentCommand } from '../../src/tickets/agent-commands.js'
import type { TicketBackend } from '../../src/tickets/ports.js'
import { createTicketEffectExecutor, createTicketInterceptor } from '../../src/tickets/resident.js'
import type { TicketEnv } from '../../src/tickets/service.js'
import { createMemoryTicketBackend } from '../../src/tickets/store/memory-tickets.js'
import { joined, newChat, real, type Chat } from '../conversation/support.js'
import { drainQueue } from './backends.js'
import { byId, HOUR, makeEnv, MONDAY_9AM, request } from './fixtures.js'

const ME: Resident = { channel: 'http', userId: 'u-1' }
type Text = IncomingMessage & { content: { kind: 'text'; text: string } }
const say = (text: string, now: number, resident = ME): Text => ({ resident, content: { kind: 'text', text }, now })

describe('resident and agent transcripts', () => {
  let backend: TicketBackend
  let env: TicketEnv
  let now: number
  let resident: (text: string, who?: Resident) => Promise<string[] | undefined>
  let agent: (id: string, text: string) => Promise<string[] | undefined>
  let id: string

  beforeEach(async () => {
    backend = createMemoryTicketBackend()
    env = makeEnv(backend.tickets)
    now = MONDAY_9AM
    const intercept = createTicketInterceptor(env)
    resident = (text, who = ME) => intercept(say(text, (now += 60_000), who))
    agent = (agentId, text) => handleAgentText(env, byId(agentId), text, (now += 60_000))
    const replies = await createTicketEffectExecutor(env)({ type: 'openTicket', request: request() }, say('1', now))
    expect(replies).toEqual([
      '已为您提交代办申请，工单号 DB2611230001（请记下，查询时要用）。\n事项：最低生活保障申请（代办）\n负责：town-a-v1 服务点\n' +
        '承诺时限：2026年11月26日前办结。代办员接单后会通知您。\n查进度请回复：查询 DB2611230001；接单前不需要了可回复：取消 DB2611230001',
    ])
    id = 'DB2611230001'
  })

  it('an agent claims, sees the full phone once claimed; a colleague elsewhere sees it masked', async () => {
    expect(await agent('s-town', `查看 ${id}`)).toEqual([expect.stringContaining('申请人：张*，电话 138****5678')])
    const claimed = await agent('a-v1', `接单 ${id.toLowerCase()}`)
    expect(claimed?.[0]).toBe(`接单成功，已通知居民。开始办理请回复：办理 ${id}；缺材料请回复：退回 ${id} 原因`)
    expect(claimed?.[1]).toContain('申请人：张三丰，电话 13812345678')
    expect(await agent('s-town', `接单 ${id}`)).toEqual([`工单 ${id} 已被代办员 村代办（${byId('a-v1').phone}）接单。`])
    expect(await agent('a-realestate', `查看 ${id}`)).toEqual([`工单 ${id} 不在您负责的服务点。`])
    expect(await agent('a-v1', '我的工单')).toEqual([
      `待接单：无\n我接的（1）：\n${id} 最低生活保障申请（已领办，11-23 09:00）\n回复"查看 工单号"看详情。`,
    ])
  })

  it('the same request sent again while the first is open is not opened twice; another applicant is', async () => {
    const open = createTicketEffectExecutor(env)
    expect(await open({ type: 'openTicket', request: request() }, say('1', (now += 60_000)))).toEqual([
      `这件事您已经申请过代办了：工单 ${id}（最低生活保障申请），现在待领办（等工作人员接单），不用重复提交。查进度请回复：查询 ${id}`,
    ])
    const neighbour = await open({ type: 'openTicket', request: request({ name: '李四', phone: '13912345678' }) }, say('1', (now += 60_000)))
    expect(neighbour[0]).toMatch(/^已为您提交代办申请，工单号 DB2611230002/)
    // Now asking for 特办 (door to door): a request of its own, not dropped.
    const special = await open({ type: 'openTicket', request: request({ help: '特办' }) }, say('1', (now += 60_000)))
    expect(special[0]).toMatch(/^已为您提交代办申请，工单号 DB2611230003/)
    // Waiting for materials: the merged reply says how to say they are ready.
    await agent('a-v1', `接单 ${id}`)
    await agent('a-v1', `退回 ${id} 缺户口簿原件`)
    expect((await open({ type: 'openTicket', request: request() }, say('1', (now += 60_000))))[0]).toContain(`补齐 ${id} 已准备好`)
  })

  it('an agent who finishes a ticket not yet started, or not yet claimed, is told what to do first', async () => {
    expect(await agent('a-v1', `办结 ${id}`)).toEqual([expect.stringContaining(`请先接单（微信里回复：接单 ${id}`)])
    await agent('a-v1', `接单 ${id}`)
    expect(await agent('a-v1', `办结 ${id}`)).toEqual([expect.stringContaining(`请先开始办理（微信里回复：办理 ${id}`)])
  })

  it('return and resume: the resident is told what to bring and answers with 补齐', async () => {
    await agent('a-v1', `接单 ${id}`)
    await agent('a-v1', `办理 ${id}`)
    expect(await agent('a-v1', `退回 ${id}`)).toEqual([`退回要写明原因，例如：退回 ${id} 缺户口簿原件`])
    expect(await agent('a-v1', `退回 ${id} 缺户口簿原件`)).toEqual([`工单 ${id} 已退回，居民补齐后会通知您。`])
    const told = (await drainQueue(backend, now)).filter((n) => n.to.kind === 'resident').map((n) => n.text)
    expect(told.at(-1)).toContain('需要您补充：缺户口簿原件')
    expect(await resident(`查询 ${id}`)).toEqual([expect.stringContaining('状态：已退回，代办员 村代办')])
    expect(await resident('补齐 户口簿找到了')).toEqual([`收到，已告诉代办员，工单 ${id} 继续办理。`])
    expect((await drainQueue(backend, now)).map((n) => n.text)).toEqual([`工单 ${id} 居民已补齐：户口簿找到了\n工单回到办理中。`])
    expect(await resident('补齐')).toEqual(['您没有等待补充材料的工单。'])
  })

  it('a returned ticket: a short 户口簿原件拿到了 (no 补齐) resumes it; longer or other texts are left alone', async () => {
    await agent('a-v1', `接单 ${id}`)
    await agent('a-v1', `退回 ${id} 缺户口簿原件`)
    await drainQueue(backend, now)
    expect(await resident('今天天气好')).toBeUndefined()
    expect(await resident('户口簿原件拿到了！')).toEqual([`收到，已告诉代办员，工单 ${id} 继续办理。`])
    expect((await drainQueue(backend, now)).map((n) => n.text)).toEqual([`工单 ${id} 居民已补齐：户口簿原件拿到了！\n工单回到办理中。`])
    // Nothing waits for materials any more: the same words go on to the dialog.
    expect(await resident('复印件也弄好了')).toBeUndefined()
  })

  it('two tickets waiting for materials: 照片拍好了 resumes the one that asked for photos; 补齐 alone lists both by item', async () => {
    const other = await createTicketEffectExecutor(env)({ type: 'openTicket', request: request({ itemId: 'window-item' }) }, say('1', now))
    const second = /DB\d+/.exec(other[0]!)![0]
    for (const [t, reason] of [[id, '缺户口簿原件'], [second, '缺两张一寸照片']] as const) {
      await agent('a-v1', `接单 ${t}`)
      await agent('a-v1', `退回 ${t} ${reason}`)
    }
    await drainQueue(backend, now)
    expect(await resident('补齐')).toEqual([
      `您有 2 个工单在等补充材料：\n· ${second} 水电气热过户（张三丰）：缺两张一寸照片\n· ${id} 最低生活保障申请（张三丰）：缺户口簿原件\n` +
        '补好了哪一件，请回复"补齐"加事项名、申请人或工单号，比如：补齐 水电气热过户',
    ])
    expect(await resident('照片拍好了')).toEqual([`收到，已告诉代办员，工单 ${second} 继续办理。`])
    expect(await resident('补齐 低保的户口簿找到了')).toEqual([`收到，已告诉代办员，工单 ${id} 继续办理。`])
  })

  it('done → the resident rates 2, adds a comment; the supervisor answers the follow-up', async () => {
    await agent('a-v1', `接单 ${id}`)
    await agent('a-v1', `办理 ${id}`)
    expect(await agent('a-v1', `办结 ${id} 已送到家`)).toEqual([`工单 ${id} 已办结，已请居民评价。`])
    expect(await resident('我想办低保')).toBeUndefined()
    expect(await resident('2')).toEqual([
      '谢谢您的评价（2 不满意）！很抱歉这次没让您满意，督办人员会在 5 个工作日内回访您。还有什么意见或建议，可以直接回复；没有请回复"无"。',
    ])
    expect(await resident('跑了三趟才办完')).toEqual(['您的意见已记下，谢谢！'])
    expect(await resident('5')).toBeUndefined() // already rated: the dialog gets it
    // The supervisor's list says whom to call.
    expect((await agent('s-town', '我的工单'))?.[0]).toContain(`待回访（1）：\n${id} 最低生活保障申请（2 分，`)
    expect((await agent('s-town', '我的工单'))?.[0]).toContain('张三丰 13812345678')
    expect(await agent('a-v1', `回访 ${id} 已电话道歉`)).toEqual(['回访要由督办人员操作。'])
    expect(await agent('s-town', `回访 ${id} 已电话道歉`)).toEqual([`工单 ${id} 的回访已记录，已告知居民。`])
    expect((await agent('s-town', '我的工单'))?.[0]).toContain('待回访：无')
    const t = await backend.tickets.get(id)
    expect(t?.rating).toMatchObject({ score: 2, comment: '跑了三趟才办完', commentClosed: true })
    expect(t?.followUp).toMatchObject({ answeredBy: 's-town', answer: '已电话道歉' })
  })

  it('leaves a bare digit to the dialog while it waits for a numbered answer', async () => {
    const intercept = createTicketInterceptor(env, { dialogActive: () => true })
    await agent('a-v1', `接单 ${id}`)
    await agent('a-v1', `办理 ${id}`)
    await agent('a-v1', `办结 ${id}`)
    expect(await intercept(say('1', (now += 60_000)))).toBeUndefined()
    expect(await intercept(say('4分', (now += 60_000)))).toEqual([expect.stringMatching(/^谢谢您的评价（4 满意）/)])
  })

  it('a score said in everyday words with the comment after it (不满意 太慢了): both kept in one reply', async () => {
    await agent('a-v1', `接单 ${id}`)
    await agent('a-v1', `办理 ${id}`)
    await agent('a-v1', `办结 ${id}`)
    expect(await resident('不满意 太慢了')).toEqual([
      '谢谢您的评价（2 不满意）！您的意见也记下了。很抱歉这次没让您满意，督办人员会在 5 个工作日内回访您。',
    ])
    expect((await backend.tickets.get(id))?.rating).toMatchObject({ score: 2, comment: '太慢了', commentClosed: true })
  })

  it('挺好的 and 评价 2 跑了三趟 rate; a bare 好 (noted) does not', async () => {
    await agent('a-v1', `接单 ${id}`)
    await agent('a-v1', `办理 ${id}`)
    await agent('a-v1', `办结 ${id}`)
    expect(await resident('好')).toBeUndefined()
    expect(await resident('挺好的')).toEqual([expect.stringMatching(/^谢谢您的评价（4 满意）！/)])
    const other = await createTicketEffectExecutor(env)({ type: 'openTicket', request: request() }, say('1', now))
    const second = /DB\d+/.exec(other[0]!)![0]
    await agent('a-v1', `接单 ${second}`)
    await agent('a-v1', `办理 ${second}`)
    await agent('a-v1', `办结 ${second}`)
    expect(await resident(`评价 2 跑了三趟`)).toEqual([expect.stringMatching(/^谢谢您的评价（2 不满意）！您的意见也记下了。/)])
    expect((await backend.tickets.get(second))?.rating).toMatchObject({ score: 2, comment: '跑了三趟' })
  })

  it('a score after the rating period says the time is over, not that nothing was done', async () => {
    await agent('a-v1', `接单 ${id}`)
    await agent('a-v1', `办理 ${id}`)
    await agent('a-v1', `办结 ${id}`)
    now += 14 * 24 * HOUR
    expect(await resident('评价 5')).toEqual([`工单 ${id} 办结已超过 5 个工作日，评价时间已过。有意见可以打 12345 热线反映。`])
    // A score beyond doubt is told too; words that are not one go on to the dialog (no trap for 还可以补办吗, 挺好).
    expect(await resident('5 分')).toEqual([`工单 ${id} 办结已超过 5 个工作日，评价时间已过。有意见可以打 12345 热线反映。`])
    expect(await resident('还可以补办吗')).toBeUndefined()
    expect(await resident('挺好')).toBeUndefined()
    expect(await resident(`评价 ${id} 5`)).toEqual([`工单 ${id} 办结已超过 5 个工作日，评价时间已过。有意见可以打 12345 热线反映。`])
  })

  it('while a dialog question waits, a number with words after it is the answer, not a 差评; 还可以补办吗 is a question', async () => {
    const intercept = createTicketInterceptor(env, { dialogActive: () => true })
    await agent('a-v1', `接单 ${id}`)
    await agent('a-v1', `办理 ${id}`)
    await agent('a-v1', `办结 ${id}`)
    for (const answer of ['1 部分材料有了', '2 分钟能办完吗', '满意，我还想问问']) {
      expect(await intercept(say(answer, (now += 60_000))), answer).toBeUndefined()
    }
    expect(await resident('还可以补办吗')).toBeUndefined()
    expect((await backend.tickets.get(id))?.rating).toBeUndefined()
    // Said beyond doubt, it still rates mid-dialog.
    expect(await intercept(say('不满意 太慢了', (now += 60_000)))).toEqual([expect.stringMatching(/^谢谢您的评价（2 不满意）！您的意见也记下了。/)])
  })

  it('after 办结 with no dialog open: 1 有 is no rating; 好评 / 差评 are; with two to rate the thanks names the one rated', async () => {
    const open = createTicketEffectExecutor(env)
    const other = await open({ type: 'openTicket', request: request({ name: '李四', phone: '13912345678' }) }, say('1', (now += 60_000)))
    const second = /DB\d+/.exec(other[0]!)![0]
    for (const t of [id, second]) for (const verb of ['接单', '办理', '办结']) await agent('a-v1', `${verb} ${t}`)
    for (const answer of ['1 有', '2 没有身份证']) expect(await resident(answer), answer).toBeUndefined()
    expect(await resident('差评')).toEqual([expect.stringMatching(new RegExp(`^谢谢您对工单 ${second}（最低生活保障申请，李四）的评价（2 不满意）！`))])
    expect(await resident('好评')).toEqual([expect.stringMatching(/^谢谢您的评价（5 非常满意）！/)])
    expect((await backend.tickets.get(id))?.rating?.score).toBe(5)
  })

  it('the same person and item asked with another kind of help: a new ticket, and the earlier one is mentioned', async () => {
    const replies = await createTicketEffectExecutor(env)({ type: 'openTicket', request: request({ help: '帮办' }) }, say('1', (now += 60_000)))
    expect(replies).toHaveLength(2)
    expect(replies[1]).toBe(`另外，您之前为同一件事提交的 ${id}（代办）还在办。不需要了可以回复：取消 ${id}`)
  })

  it('two tickets for the same item waiting for materials: listed with the applicant, picked by the name', async () => {
    const other = await createTicketEffectExecutor(env)({ type: 'openTicket', request: request({ name: '孙七', phone: '13912345678' }) }, say('1', now))
    const second = /DB\d+/.exec(other[0]!)![0]
    for (const t of [id, second]) {
      await agent('a-v1', `接单 ${t}`)
      await agent('a-v1', `退回 ${t} 缺照片`)
    }
    const list = await resident('照片拍好了')
    expect(list?.[0]).toContain(`· ${second} 最低生活保障申请（孙七）：缺照片`)
    expect(list?.[0]).toContain('比如：补齐 孙七')
    expect(await resident('补齐 孙七的')).toEqual([`收到，已告诉代办员，工单 ${second} 继续办理。`])
  })

  it('mid-dialog, 2。 and 1. are answers to the dialog; with none open, 5 谢谢 rates; a ticket number not theirs rates nothing', async () => {
    const midDialog = createTicketInterceptor(env, { dialogActive: () => true })
    for (const verb of ['接单', '办理', '办结']) await agent('a-v1', `${verb} ${id}`)
    for (const answer of ['2。', '1.', '2、', '1，']) expect(await midDialog(say(answer, (now += 60_000))), answer).toBeUndefined()
    expect(await resident('评价 DB2611230009 1')).toEqual(['没有找到工单 DB2611230009，请核对工单号。'].map(() => expect.stringContaining('DB2611230009')))
    expect((await backend.tickets.get(id))?.rating).toBeUndefined()
    expect(await resident('5 谢谢')).toEqual([expect.stringMatching(/^谢谢您的评价（5 非常满意）！您的意见也记下了。/)])
  })

  it('a good rating with no comment', async () => {
    await agent('a-v1', `接单 ${id}`)
    await agent('a-v1', `办理 ${id}`)
    await agent('a-v1', `办结 ${id}`)
    expect(await resident('非常满意')).toEqual([expect.stringMatching(/^谢谢您的评价（5 非常满意）！还有什么意见/)])
    expect(await resident('无')).toEqual(['好的，谢谢您！'])
    expect((await backend.tickets.get(id))?.rating).toMatchObject({ score: 5, commentClosed: true })
    expect((await backend.tickets.get(id))?.rating?.comment).toBeUndefined()
  })

  it('the resident lists, views and cancels before a claim; nobody else can', async () => {
    // No numbers before the tickets: a 1 typed back is not read as one of them. The hint names a real ticket.
    expect(await resident('查询')).toEqual([`您的代办工单：\n· ${id} 最低生活保障申请：待领办（等工作人员接单）\n看详情请回复"查询"加工单号，比如：查询 ${id}`])
    expect(await createTicketEffectExecutor(env)({ type: 'listTickets' }, say('我的进度', now))).toEqual(await resident('查询'))
    // Asked mid-dialog (quietIfNone), the list is still given when there are tickets.
    expect(await createTicketEffectExecutor(env)({ type: 'listTickets', quietIfNone: true }, say('我的进度', now))).toEqual(await resident('查询'))
    // …and nothing at all when there are none.
    const nobody: Resident = { channel: 'http', userId: 'u-no-tickets' }
    expect(await createTicketEffectExecutor(env)({ type: 'listTickets', quietIfNone: true }, say('我的进度', now, nobody))).toEqual([])
    expect(await resident('我的工单')).toEqual(await resident('查询'))
    expect(await resident(`查询 ${id}`, { channel: 'http', userId: 'someone-else' })).toEqual([`没有找到您的工单 ${id}，请核对工单号。`])
    expect(await resident(id.toLowerCase())).toEqual([expect.stringContaining(`工单 ${id}：最低生活保障申请（代办）\n状态：待领办`)])
    expect(await resident(`取消 ${id}`, { channel: 'http', userId: 'someone-else' })).toEqual([`没有找到您的工单 ${id}。`])
    expect(await resident(`取消 ${id} 自己去办了`)).toEqual([`工单 ${id} 已取消。需要时可以重新申请。`])
    expect((await backend.tickets.get(id))?.history.at(-1)).toMatchObject({ action: 'cancel', note: '自己去办了' })
    expect(await agent('a-v1', `接单 ${id}`)).toEqual([`工单 ${id} 现在是"已取消"，不能接单。`])
  })

  it('leaves ordinary questions to the dialog', async () => {
    for (const text of ['查询低保怎么办', '我想办残疾证', '1', '满意']) expect(await resident(text)).toBeUndefined()
  })
})

/**
 * A resident (http u-1, as in request()) talking through the conversation service with the ticket interceptor, whose
 * ticket (DB2611230001, 低保) the village agent has taken through `commands`; the news the resident was sent.
 */
async function chatWithTicket(commands: string[]): Promise<{ backend: TicketBackend; env: TicketEnv; chat: Chat; told: string[] }> {
  const backend = createMemoryTicketBackend()
  const env = makeEnv(backend.tickets)
  const clock = { now: MONDAY_9AM }
  const chat = await newChat({ userId: ME.userId, clock, executeEffect: createTicketEffectExecutor(env), interceptors: [createTicketInterceptor(env)] })
  await createTicketEffectExecutor(env)({ type: 'openTicket', request: request() }, say('1', clock.now))
  for (const command of commands) await handleAgentText(env, byId('a-v1'), command, (clock.now += 60_000))
  const told = (await drainQueue(backend, clock.now)).filter((n) => n.to.kind === 'resident').map((n) => n.text)
  return { backend, env, chat, told }
}

describe('a pending rating and the dialog, through the conversation service', () => {
  let backend: TicketBackend
  let env: TicketEnv
  let chat: Chat
  const id = 'DB2611230001'

  /** The resident (http u-1, as in request()) has ticket `id`, done and waiting for a rating. */
  beforeEach(async () => {
    let told: string[]
    ;({ backend, env, chat, told } = await chatWithTicket([`接单 ${id}`, `办理 ${id}`, `办结 ${id}`]))
    expect(told.at(-1)).toContain('评价 5')
  })

  it('a bare 1 answers the open materials question, not the rating; 评价 5 rates mid-dialog', async () => {
    // A clear question: the walk starts at once (no 对吗), with the first material asked.
    const asked = joined(await chat.say('结婚登记要带啥'))
    expect(asked).toMatch(/结婚登记/)
    expect(asked).toContain('是否已准备好：双方本人居民身份证（原件1份）？\n回复 1 有，2 没有')
    const answered = joined(await chat.say('1'))
    expect(answered).not.toContain('谢谢您的评价')
    expect((await backend.tickets.get(id))?.rating).toBeUndefined()
    expect((await backend.tickets.get(id))?.followUp).toBeUndefined()
    expect(answered).toContain('是否已准备好：') // the dialog moved on to the next material
    expect(answered).not.toContain('双方本人居民身份证（')
    expect(joined(await chat.say('②'))).not.toContain('谢谢您的评价')
    expect((await backend.tickets.get(id))?.rating).toBeUndefined()

    expect(await chat.say('评价 5')).toEqual(['谢谢您的评价（5 非常满意）！请接着回答上面的问题。'])
    expect((await backend.tickets.get(id))?.rating).toMatchObject({ score: 5 })
    // The next answer still goes to the dialog, not into the rating's comment.
    expect(joined(await chat.say('1'))).not.toContain('意见')
    expect((await backend.tickets.get(id))?.rating?.comment).toBeUndefined()
  })

  it('a 差评 mid-dialog says how to add a comment, and 意见 … records it without leaving the dialog', async () => {
    const asked = joined(await chat.say('结婚登记要带啥'))
    expect(asked).toContain('是否已准备好：')
    const rated = joined(await chat.say('评价 1'))
    expect(rated).toContain('谢谢您的评价（1 非常不满意）')
    expect(rated).toContain('意见 跑了好几趟')
    expect(rated).toContain('请接着回答上面的问题')
    const commented = joined(await chat.say('建议：下回别让俺跑三趟'))
    expect(commented).toBe('您的意见已记下，谢谢！请接着回答上面的问题。')
    expect((await backend.tickets.get(id))?.rating).toMatchObject({ score: 1, comment: '下回别让俺跑三趟' })
    // The dialog still waits for its answer.
    expect(joined(await chat.say('1'))).toContain('是否已准备好：')
  })

  it('评价 with a number out of 1–5 is told the range, not searched in the catalogue', async () => {
    const replies = await chat.say('评价 9')
    expect(replies).toEqual([expect.stringContaining('评价请回复 1 到 5 的数字')])
    expect(joined(replies)).toContain('1 非常不满意')
    expect((await backend.tickets.get(id))?.rating).toBeUndefined()
  })

  it('我的进度 with no item under way does not say nothing is being done, then lists the ticket', async () => {
    const replies = await chat.say('我的进度')
    expect(replies).toEqual(['现在没有正在核对材料的事项。', expect.stringContaining(`您的代办工单：\n· ${id} `)])
    expect(joined(replies)).not.toMatch(/没有正在办/)
  })

  it('with no dialog question open, a bare 4 rates', async () => {
    expect(await chat.say('４')).toEqual([expect.stringMatching(/^谢谢您的评价（4 满意）！还有什么意见或建议/)])
    expect((await backend.tickets.get(id))?.rating).toMatchObject({ score: 4 })
  })

  it('a rating and its comment sent back to back: the comment is recorded, not lost to a ticket list read too early', async () => {
    // Both messages are handed in before the first one's turn ends, as a fast typist's phone does.
    const [rated, commented] = await Promise.all([chat.say('2'), chat.say('跑了三趟才办完')])
    expect(rated.join('')).toContain('谢谢您的评价（2')
    expect(commented).toEqual(['您的意见已记下，谢谢！'])
    expect((await backend.tickets.get(id))?.rating).toMatchObject({ score: 2, comment: '跑了三趟才办完', commentClosed: true })
  })

  it('a question asked right after rating is answered, not filed as the comment; a comment after it still is', async () => {
    expect(await chat.say('5')).toEqual([expect.stringMatching(/^谢谢您的评价（5 非常满意）！还有什么意见/)])
    expect(joined(await chat.say('结婚登记要带什么材料'))).toMatch(/结婚登记/)
    expect((await backend.tickets.get(id))?.rating?.comment).toBeUndefined()
  })

  it('评价 N once rated, or with no ticket to rate, says so instead of searching the catalogue', async () => {
    await chat.say('2')
    await chat.say('无')
    expect(await chat.say('评价 5')).toEqual([`工单 ${id} 已经评价过了（2 不满意），谢谢您！`])
    expect((await backend.tickets.get(id))?.rating).toMatchObject({ score: 2 })
    const stranger = await newChat({
      userId: 'u-none', executeEffect: createTicketEffectExecutor(env), interceptors: [createTicketInterceptor(env)],
    })
    expect(await stranger.say('评价 5')).toEqual([expect.stringContaining('您现在没有可以评价的工单')])
  })

  it('at 没找到 (only 1 转人工 offered), a bare 5 rates instead of 没有这个编号', async () => {
    // 没找到 offers only 1 (转人工): 5 was answered 没有这个编号.
    expect(joined(await chat.say('今天天气咋样'))).toContain('回复 1 转人工')
    expect(await chat.say('5')).toEqual([expect.stringMatching(/^谢谢您的评价（5 非常满意）！/)])
    expect((await backend.tickets.get(id))?.rating).toMatchObject({ score: 5 })
  })

  it('mid-walk after 没看明白-like replies, a bare 5 rates and the walk waits; a bare 2 is still its answer', async () => {
    expect(joined(await chat.say('结婚登记要带啥'))).toContain('回复 1 有，2 没有')
    expect(joined(await chat.say('今天天气咋样啊'))).toContain('这里办不了')
    expect(joined(await chat.say('2'))).not.toContain('谢谢您的评价')
    expect((await backend.tickets.get(id))?.rating).toBeUndefined()
    expect(await chat.say('5')).toEqual(['谢谢您的评价（5 非常满意）！请接着回答上面的问题。'])
    expect((await backend.tickets.get(id))?.rating).toMatchObject({ score: 5 })
    // The walk goes on: the next 1 answers it, not the rating's comment.
    expect(joined(await chat.say('1'))).not.toContain('意见')
    expect((await backend.tickets.get(id))?.rating?.comment).toBeUndefined()
  })

  it('at the checklist (1 to 3 offered) after 没看明白, a bare 5 rates; a bare 3 applies for 代办', async () => {
    await chat.say('低保怎么办')
    expect(joined(await chat.say('全部列出'))).toContain('3 申请代办')
    expect(joined(await chat.say('嗯哼哈哈'))).toContain('没看明白')
    expect(await chat.say('5')).toEqual([expect.stringMatching(/^谢谢您的评价（5 非常满意）/)])
    expect(joined(await chat.say('3'))).toContain('申请代办')
    expect((await backend.tickets.get(id))?.rating).toMatchObject({ score: 5 })
  })

  it('after a finished dialog (ticket_done-like idle state), a bare number rates again', async () => {
    expect(joined(await chat.say('结婚登记要带啥'))).toMatch(/结婚登记/)
    expect(joined(await chat.say('全部列出'))).toContain('您打算怎么办？')
    expect(joined(await chat.say('自己办理'))).toContain('祝您办理顺利')
    expect(await chat.say('3')).toEqual([expect.stringMatching(/^谢谢您的评价（3 基本满意）！还有什么意见/)])
  })
})

describe('a ticket returned for materials while the resident walks another item, through the conversation service', () => {
  let backend: TicketBackend
  let env: TicketEnv
  let chat: Chat
  const id = 'DB2611230001'

  /** The resident (http u-1) has ticket `id` (低保) returned for photos. */
  beforeEach(async () => {
    ;({ backend, env, chat } = await chatWithTicket([`接单 ${id}`, `退回 ${id} 缺两张一寸照片`]))
  })

  it('照片拍好了 in a walk that asks for no photo hands them in for the ticket; the walk question still waits', async () => {
    expect(joined(await chat.say('低保怎么办'))).toContain('对吗')
    expect(joined(await chat.say('1'))).toContain('是否已准备好：申请人居民身份证')
    expect(await chat.say('照片拍好了')).toEqual([`收到，已告诉代办员，工单 ${id} 继续办理。请接着回答上面的问题。`])
    expect((await backend.tickets.get(id))?.status).toBe('办理中')
    // The walk goes on where it stood.
    expect(joined(await chat.say('1'))).toContain('是否已准备好：共同生活家庭成员户口簿')
  })

  it('照片拍好了 after 没找到 (a step that takes questions, not the walk) hands them in rather than searching for it', async () => {
    expect(joined(await chat.say('今天天气咋样'))).toContain('没找到')
    // 没找到 asks only for a new question: nothing above to go back to answering.
    expect(await chat.say('照片拍好了')).toEqual([`收到，已告诉代办员，工单 ${id} 继续办理。`])
  })

  it('with two returned and a reply naming neither, mid-walk: which one (or, when the walk takes it, how to say)', async () => {
    const other = await createTicketEffectExecutor(env)({ type: 'openTicket', request: request({ itemId: 'window-item' }) }, say('1', MONDAY_9AM))
    const second = /DB\d+/.exec(other[0]!)![0]
    for (const command of [`接单 ${second}`, `退回 ${second} 缺户口簿原件`]) await handleAgentText(env, byId('a-v1'), command, chat.clock.now + 1000)
    await chat.say('低保怎么办')
    expect(joined(await chat.say('1'))).toContain('是否已准备好：申请人居民身份证')
    // 都弄好了 the walk reads as 有: its next question, then how to say it was for a ticket (neither named).
    const taken = await chat.say('都弄好了')
    expect(taken.at(-1)).toBe('要是说的是代办工单要补的材料，请回复"补齐"加事项名、申请人或工单号，比如：补齐 水电气热过户')
    expect(joined(taken)).toContain('是否已准备好：共同生活家庭成员户口簿')
    const asked = await chat.say('东西拿到了')
    expect(asked).toHaveLength(1)
    expect(asked[0]).toMatch(/^您有 2 个工单在等补充材料：/)
    expect(asked[0]).toMatch(/\n不是说这个的话，请接着回答上面的问题。$/)
  })

  it('照片拍好了 in a walk that asks for photos is noted there, and a line says how to hand them in for the ticket', async () => {
    expect(joined(await chat.say('老年证怎么办'))).toContain('是否已准备好：老人居民身份证')
    const replies = await chat.say('照片拍好了')
    expect(joined(replies)).toContain('记下了：近期红底 1 寸彩色照片有。')
    expect(replies.at(-1)).toBe(`要是说的是代办工单 ${id}（最低生活保障申请）要补的材料，请回复：补齐 ${id}`)
    expect((await backend.tickets.get(id))?.status).toBe('已退回')
    expect(await chat.say(`补齐 ${id}`)).toEqual([`收到，已告诉代办员，工单 ${id} 继续办理。`])
  })
})

describe('the words ticket replies are read by come from vocabulary.yaml (ticketReplies)', () => {
  it('a county that adds 办妥了 to readyNow has 证明办妥了 hand in the missing paper; without it the dialog gets it', async () => {
    const { definitions } = await real()
    const ticketReplies = { ...definitions.vocabulary.ticketReplies, readyNow: [...definitions.vocabulary.ticketReplies.readyNow, '办妥了'] }
    const edited = { ...definitions, vocabulary: { ...definitions.vocabulary, ticketReplies } }
    for (const [defs, resumes] of [[edited, true], [definitions, false]] as const) {
      const backend = createMemoryTicketBackend()
      const env = makeEnv(backend.tickets)
      const clock = { now: MONDAY_9AM }
      const chat = await newChat({ userId: ME.userId, clock, definitions: defs, executeEffect: createTicketEffectExecutor(env), interceptors: [createTicketInterceptor(env)] })
      await createTicketEffectExecutor(env)({ type: 'openTicket', request: request() }, say('1', clock.now))
      const id = 'DB2611230001'
      for (const command of [`接单 ${id}`, `退回 ${id} 缺收入证明`]) await handleAgentText(env, byId('a-v1'), command, (clock.now += 60_000))
      const replies = await chat.say('证明办妥了')
      expect(replies.includes(`收到，已告诉代办员，工单 ${id} 继续办理。`), String(resumes)).toBe(resumes)
      expect((await backend.tickets.get(id))?.status).toBe(resumes ? '办理中' : '已退回')
    }
  })
})

describe('parseAgentCommand(text)', () => {
  it('reads the commands agents type, and nothing else', () => {
    expect(parseAgentCommand('接单 DB2611230001')).toEqual({ kind: 'claim', id: 'DB2611230001', text: '' })
    expect(parseAgentCommand('退回DB2611230001：缺户口簿')).toEqual({ kind: 'return', id: 'DB2611230001', text: '缺户口簿' })
    expect(parseAgentCommand('办结 db2611230001 已邮寄')).toEqual({ kind: 'done', id: 'DB2611230001', text: '已邮寄' })
    expect(parseAgentCommand('我的工单')).toEqual({ kind: 'mine' })
    expect(parseAgentCommand('接单')).toEqual({ kind: 'missingId', verb: '接单' })
    expect(parseAgentCommand('今天天气不错')).toBeUndefined()
  })
  it('answers a verb without an id with an example', async () => {
    const env = makeEnv(createMemoryTicketBackend().tickets)
    expect(await handleAgentText(env, byId('a-v1'), '办结', MONDAY_9AM + HOUR)).toEqual(['请带上工单号，例如：办结 DB2611220007'])
  })
})

describe('a resident in 长者模式 reads the ticket news in its plainer words', () => {
  it('opened, claimed, returned, 补齐, done with the rating question, 我的工单, 查询 and 评价', async () => {
    const backend = createMemoryTicketBackend()
    const env = makeEnv(backend.tickets)
    const clock = { now: MONDAY_9AM }
    const chat = await newChat({ userId: ME.userId, clock, executeEffect: createTicketEffectExecutor(env), interceptors: [createTicketInterceptor(env)] })
    await chat.say('长者模式')
    const opened = await createTicketEffectExecutor(env)({ type: 'openTicket', request: request({ elder: true }) }, say('1', clock.now))
    const id = 'DB2611230001'
    expect(opened).toEqual([
      `交上去了。工单号 ${id}，请记下来，问的时候要用。\n办的事：最低生活保障申请（代办）\n谁来办：town-a-v1 服务点\n` +
        `多久办好：2026年11月26日前办好。有人接了会告诉您。\n想问办到哪了，回"查询 ${id}"；还没人接时不要了，回"取消 ${id}"`,
    ])
    const agent = (text: string) => handleAgentText(env, byId('a-v1'), text, (clock.now += 60_000))
    const news = async () => (await drainQueue(backend, clock.now)).filter((n) => n.to.kind === 'resident').map((n) => n.text)
    await agent(`接单 ${id}`)
    expect(await news()).toEqual([`您的事 ${id}（最低生活保障申请）有人接了：村代办，电话 ${byId('a-v1').phone}，会打电话找您。`])
    await agent(`退回 ${id} 缺户口簿原件`)
    expect(await news()).toEqual([`您的事 ${id}（最低生活保障申请）还要您补：缺户口簿原件\n准备好了，回"补齐 ${id} 准备好了"。`])
    expect(joined(await chat.say(`查询 ${id}`))).toContain('现在：要您补东西，代办员 村代办')
    expect(await chat.say('补齐 准备好了')).toEqual([`收到，告诉办事的人了，工单 ${id} 接着办。`])
    await agent(`办结 ${id}`)
    const done = await news()
    expect(done.at(-1)).toMatch(new RegExp(`^您的事 ${id}（最低生活保障申请）办好了。\\n东西到.+去拿，带上身份证；去之前可以先打电话问 村代办（\\d+）。\\n请给这次办事打个分`))
    expect(done.at(-1)).toMatch(/\n1 非常不满意\n2 不满意\n3 基本满意\n4 满意\n5 非常满意$/)
    expect(joined(await chat.say('我的工单'))).toBe(`您找人代办的事：\n· ${id} 最低生活保障申请：办好了，代办员 村代办（${byId('a-v1').phone}）\n想看哪件，回"查询"加工单号，比如：查询 ${id}`)
    expect(await chat.say('评价 2')).toEqual([expect.stringMatching(/^谢谢您打分（2 不满意）！没让您满意，对不起。5 个工作日内会有人打电话问您。还有啥意见/)])
    expect(await chat.say('跑了三趟')).toEqual(['您说的记下了，谢谢！'])
  })

  it('what the resident tries and is refused (取消 once taken, 补齐 with nothing asked, a wrong number) in its plainer words too', async () => {
    const backend = createMemoryTicketBackend()
    const env = makeEnv(backend.tickets)
    const clock = { now: MONDAY_9AM }
    const chat = await newChat({ userId: ME.userId, clock, executeEffect: createTicketEffectExecutor(env), interceptors: [createTicketInterceptor(env)] })
    await chat.say('长者模式')
    await createTicketEffectExecutor(env)({ type: 'openTicket', request: request({ elder: true }) }, say('1', clock.now))
    const id = 'DB2611230001'
    await handleAgentText(env, byId('a-v1'), `接单 ${id}`, (clock.now += 60_000))
    expect(await chat.say(`取消 ${id}`)).toEqual([`您找人代办的 ${id}（最低生活保障申请）已经有人在办了，这里取消不了。不想办了，回"查询 ${id}"看是谁在办，打电话跟他说一声。`])
    expect(await chat.say(`补齐 ${id} 准备好了`)).toEqual([`工单 ${id} 现在有人接了，不用补东西。`])
    expect(await chat.say('取消 DB2611230009')).toEqual(['没找到您的工单 DB2611230009，请看看号码对不对。'])
    expect((await backend.tickets.get(id))?.status).toBe('已领办')
    // In the standard words the service's own refusals; 取消 once claimed says whom to tell (cannotCancel).
    await chat.say('普通模式')
    expect(await chat.say(`取消 ${id}`)).toEqual([
      `您的代办申请 ${id}（最低生活保障申请）已经有代办员接单了，这里取消不了。不想办了，请回复"查询 ${id}"看代办员的电话，打电话跟他说一声。`,
    ])
    expect(await chat.say('取消 DB2611230009')).toEqual(['没有找到工单 DB2611230009，请核对工单号。'])
  })

  it('a resident in the standard words still reads the standard ones (the ticket keeps the choice made when applying)', async () => {
    const backend = createMemoryTicketBackend()
    const env = makeEnv(backend.tickets)
    await createTicketEffectExecutor(env)({ type: 'openTicket', request: request() }, say('1', MONDAY_9AM))
    await handleAgentText(env, byId('a-v1'), '接单 DB2611230001', MONDAY_9AM + HOUR)
    const told = (await drainQueue(backend, MONDAY_9AM + HOUR)).filter((n) => n.to.kind === 'resident').map((n) => n.text)
    expect(told).toEqual([`您的代办工单 DB2611230001（最低生活保障申请）已由代办员 村代办（${byId('a-v1').phone}）接单，会尽快和您联系。`])
  })
})
