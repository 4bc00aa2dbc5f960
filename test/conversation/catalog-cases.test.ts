/**
 * Catalogue cases an exploratory tester found through the chat: situations an item's 受理条件 names but its
 * questions and materials did not (盖房取公积金, 只卖预包装食品), what to do first (打药中毒 → 先送医), materials the
 * office itself produces (核对报告, 审批表), and 办残疾证能领多少钱. Through the conversation service with the real
 * catalogue.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, type Chat } from './support.js'

/** Says `question`, and 对 when the item is asked to be confirmed: the replies up to the walk's first question. */
async function ask(chat: Chat, question: string): Promise<string> {
  const first = joined(await chat.say(question))
  return first.includes('对吗？') ? joined(await chat.say('1')) : first
}

/** Answers 有 / 否 (1 … or 2 …) until the checklist comes: its text. */
async function untilChecklist(chat: Chat, reply: (prompt: string) => string = () => '1'): Promise<string> {
  let last = ''
  for (let i = 0; i < 20; i++) {
    const text = joined(await chat.say(reply(last)))
    if (text.includes('【一次性告知单】')) return text
    last = text
  }
  throw new Error(`no checklist after 20 replies:\n${last}`)
}

describe("住房公积金提取: building, rebuilding or repairing the resident's own home", () => {
  it('老家盖房子 is the 自建、翻建或大修 case: told what to do, and no 购房 materials', async () => {
    const chat = await newChat()
    const first = await ask(chat, '老家盖房子能取公积金吗')
    expect(first).toContain('按您说的"自建、翻建或大修自住房提取"来准备材料')
    expect(first).toContain('★ 自己盖房、翻建、大修自住房也能取公积金')
    const list = await untilChecklist(chat)
    expect(list).toContain('★ 自己盖房、翻建、大修自住房也能取公积金')
    expect(list).not.toContain('备案购房合同（')
    expect(list).not.toContain('购房发票（')
    expect(list).not.toContain('样例')
  })

  it('the option is offered at 您取公积金是为了什么？ and 翻建 answers it', async () => {
    const chat = await newChat()
    let text = await ask(chat, '公积金咋提出来')
    for (let i = 0; i < 5 && !text.includes('您取公积金是为了什么？'); i++) text = joined(await chat.say('1'))
    expect(text).toContain('您取公积金是为了什么？')
    expect(text).toContain('自建、翻建或大修自住房提取')
    const after = joined(await chat.say('翻建'))
    expect(after).toContain('★ 自己盖房、翻建、大修自住房也能取公积金')
    expect(after).not.toContain('备案购房合同（')
  })
})
