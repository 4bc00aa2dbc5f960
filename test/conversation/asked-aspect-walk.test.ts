/**
 * What the first question asked besides the materials (合作医疗今年交多少钱: the fee) is answered even when the walk has
 * nothing to ask and the checklist comes at once, with the situation its words settled said in one line; and at the
 * checklist, such a question (一年交多少) is answered too. Through the conversation service with the real catalogue
 * and dialog files.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat } from './support.js'

const FEE = '收不收费：登记不收费'
const PRESUMED = '按您说的"已参保续费"'

describe('a first question that asks the fee of an item whose walk has nothing to ask', () => {
  it('合作医疗今年交多少钱 · 1: the fee and the situation taken from the question, then the checklist', async () => {
    const chat = await newChat()
    await chat.say('合作医疗今年交多少钱')
    const said = joined(await chat.say('1'))
    expect(said).toContain(FEE)
    expect(said).toContain(PRESUMED)
    expect(said).toContain('【一次性告知单】')
    expect(said.indexOf(FEE)).toBeLessThan(said.indexOf('【一次性告知单】'))
  })

  it('asked in other words at the checklist, the fee is answered, not 没看明白', async () => {
    for (const ask of ['一年交多少', '一年交多少钱', '每年交多少', '要交多少钱', '今年交多少']) {
      const chat = await newChat()
      await chat.say('合作医疗今年交多少钱')
      await chat.say('1')
      const said = joined(await chat.say(ask))
      expect(said, ask).toContain(FEE)
      expect(said, ask).not.toContain('没看明白')
    }
  })

  it('asked during the walk in those words, the fee is answered and the question asked again', async () => {
    const chat = await newChat()
    await chat.say('合作医疗')
    await chat.say('2')
    const said = joined(await chat.say('一年交多少'))
    expect(said).toContain(FEE)
    expect(said).toContain('是否已准备好：参保人户口簿')
  })
})

describe('a first question that asks where to apply', () => {
  it('低保在哪办 · 1: where, as the checklist lists it, before the first material', async () => {
    const chat = await newChat()
    await chat.say('低保在哪办')
    const said = joined(await chat.say('1'))
    expect(said).toContain('办"最低生活保障申请"的地方：')
    expect(said).toContain('民政窗口')
    expect(said.indexOf('民政窗口')).toBeLessThan(said.indexOf('是否已准备好'))
  })
})
