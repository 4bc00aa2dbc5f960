/**
 * Walk replies an exploratory tester found misread (through the conversation service, real catalogue and dialogs):
 * a question about a material taken for its 有, 不对 + another item taken for 否, a bare item name taken for 是, a copy
 * or an expired paper taken for 有, one answer spread to materials sharing a word, 租的 at a question of several
 * kinds, the list of candidates (头一个, 俺也不知道), and 多少钱 once the item is at hand.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, startItem, type Chat } from '../conversation/support.js'

const ELDER_CARD = '《山东省老年人优待证》办理'
const DIBAO = '最低生活保障申请'
const DISABLED_ID = '办理残疾人证'
const DISABLED_Q = '家里有没有残疾或生重病的人？'

async function at(name: string, ...replies: string[]): Promise<Chat> {
  const chat = await newChat()
  await startItem(chat, name)
  for (const reply of replies) await chat.say(reply)
  return chat
}

async function said(chat: Chat, ...replies: string[]): Promise<string> {
  let last: string[] = []
  for (const reply of replies) last = await chat.say(reply)
  return joined(last)
}

describe('the list of candidate items', () => {
  const ASK = '俺爹瘫在床上 想办残疾证 中不中'

  it.each(['头一个', '第一个'])('%j picks the first', async (reply) => {
    const chat = await newChat()
    expect(await said(chat, ASK)).toContain('1 办理残疾人证')
    expect(joined(await chat.say(reply))).toContain(`办"${DISABLED_ID}"要`)
  })

  it('俺也不知道 keeps the list', async () => {
    const chat = await newChat()
    await chat.say(ASK)
    const text = joined(await chat.say('俺也不知道'))
    expect(text).not.toContain('没找到')
    expect(text).toContain('1 办理残疾人证')
    expect(joined(await chat.say('1'))).toContain(`办"${DISABLED_ID}"要`)
  })
})

describe('an aspect asked once the item is at hand', () => {
  it('多少钱 after 不知道 after the checklist is answered for the item', async () => {
    const chat = await at(DIBAO, '全部列出', '1', '不知道')
    const text = joined(await chat.say('多少钱'))
    expect(text).not.toContain('没找到')
    expect(text).toContain('不收费')
  })
})
