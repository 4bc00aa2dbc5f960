/**
 * What a first question asks besides the materials: whether one may get the item (能领失业金不, wherever the thing is
 * named between the words) and whether a lost one is replaced (老年证丢了能补不). Through the conversation service
 * with the real catalogue and dialog files.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat } from './support.js'

/** Says `question`, then 对 if asked 对吗; resolves to every reply up to the walk's first question. */
async function ask(question: string): Promise<string> {
  const chat = await newChat()
  const first = joined(await chat.say(question))
  return first.includes('对吗') ? joined(await chat.say('1')) : first
}

describe('a first question asking whether one may get the item', () => {
  it('厂子倒闭了 俺失业了 能领失业金不 says who can, as 失业金能领不 does', async () => {
    for (const question of ['厂子倒闭了 俺失业了 能领失业金不', '失业金能领不', '俺能不能领失业金', '我可以申请失业金吗']) {
      expect(await ask(question), question).toContain('谁能办：失业前用人单位和本人已参加失业保险')
    }
  })

  it('失业金能领多少 says the amount, not who can', async () => {
    const replies = await ask('失业金能领多少')
    expect(replies).toContain('能领多少')
    expect(replies).not.toContain('谁能办')
  })
})

describe('a first question asking whether a lost one is replaced', () => {
  it('俺娘80了 老年证丢了能补不, where the item has no replacement case: at the window, with the phone', async () => {
    const replies = await ask('俺娘80了 老年证丢了能补不')
    expect(replies).toContain('丢了要补办的，这里没有单列，到窗口说明是补办就行；拿不准先打电话问 0539-7211000')
  })

  it('身份证丢了能补不, where it has one: that case is taken, and no such line', async () => {
    const replies = await ask('身份证丢了能补不')
    expect(replies).toContain('按您说的"遗失补领"来准备材料。')
    expect(replies).not.toContain('这里没有单列')
  })
})
