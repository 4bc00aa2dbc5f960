/**
 * The 代办 form's name step: what is said beside the name (an explanation, an ID number) is not part of it.
 */
import { describe, expect, it } from 'vitest'
import type { TicketRequest } from '../../src/conversation/types.js'
import { joined, newChat, startItem, type Chat } from './support.js'

/** At the name step of the 长者食堂助餐补贴 form. */
async function atName(): Promise<Chat> {
  const chat = await newChat()
  await startItem(chat, '长者食堂助餐补贴申请')
  expect(joined(await chat.say('全部列出'))).toContain('【一次性告知单】')
  expect(joined(await chat.say('3'))).toContain('申请人的姓名')
  return chat
}

/** Fills the rest of the form and submits it; the request sent. */
async function submitted(chat: Chat): Promise<TicketRequest> {
  for (const answer of ['13912345678', '大店一村', '不是', '2']) await chat.say(answer)
  await chat.say('1')
  const effect = chat.effects.find((e) => e.type === 'openTicket')
  if (effect?.type !== 'openTicket') throw new Error('no openTicket effect')
  return effect.request
}

describe('the name step', () => {
  it.each(['王富贵 俺爹 已经没了', '王富贵，已经去世了', '王富贵 腿脚不好'])('%s gives the name 王富贵 alone', async (said) => {
    const chat = await atName()
    expect(joined(await chat.say(said))).toContain('手机号')
    expect((await submitted(chat)).name).toBe('王富贵')
  })

  it('王 秀英 (a space inside the name) is still one name', async () => {
    const chat = await atName()
    await chat.say('王 秀英')
    expect((await submitted(chat)).name).toBe('王秀英')
  })

  it('马桂兰 身份证370827195501011234 takes the name, says the ID number is not asked here, and keeps no ID number', async () => {
    const chat = await atName()
    const said = joined(await chat.say('马桂兰 身份证370827195501011234'))
    expect(said).toContain('身份证号')
    expect(said).toContain('手机号')
    expect(said).not.toContain('您是想问')
    const request = await submitted(chat)
    expect(request.name).toBe('马桂兰')
    expect(JSON.stringify(request)).not.toContain('370827195501011234')
    expect(JSON.stringify(await chat.sessions.get?.('http:resident-1'))).not.toContain('370827195501011234')
  })
})

describe('不办了 at the summary, then 还是帮我办吧', () => {
  it('goes back to the summary with what was filled in, not to the name again', async () => {
    const chat = await atName()
    for (const answer of ['马桂兰', '13912345678', '大店一村', '不是']) await chat.say(answer)
    expect(joined(await chat.say('2'))).toContain('请核对您的代办申请')
    expect(joined(await chat.say('3'))).toContain('代办申请没有提交')
    const again = joined(await chat.say('还是帮我办吧'))
    expect(again).toContain('请核对您的代办申请')
    expect(again).toContain('申请人：马桂兰')
    expect(again).not.toContain('请告诉我申请人的姓名')
    await chat.say('1')
    expect(chat.effects.find((e) => e.type === 'openTicket')).toMatchObject({ request: { name: '马桂兰' } })
  })
})
