/**
 * Mid-walk, a question about another item (whether someone qualifies for it, how to apply, said after 对了 / 还有 /
 * 另外) offers that item; it is not answered with the walked item's rules, nor said to be out of the catalogue.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat } from './support.js'

const OFFER_DIBAO = '您是想问"最低生活保障申请"吗？'

describe('whether someone qualifies for another item, mid-walk', () => {
  it.each([
    ['残疾证怎么办', '那俺娘低保能办不'],
    ['老年证咋办', '俺爹够不够低保条件'],
  ])('in the walk of %s, %s offers 最低生活保障申请, not the walked item’s 谁能办', async (start, asked) => {
    const chat = await newChat()
    expect(joined(await chat.say(start))).toContain('回复 1 有，2 没有')
    const said = joined(await chat.say(asked))
    expect(said).toContain(OFFER_DIBAO)
    expect(said).not.toContain('谁能办')
  })

  it('要钱不 mid-walk is still answered for the walked item', async () => {
    const chat = await newChat()
    await chat.say('老年证咋办')
    expect(joined(await chat.say('要钱不'))).toContain('收不收费')
  })
})

describe('a request for another item said after 对了, 还有, 另外', () => {
  it.each(['对了俺娘的低保咋申请', '还有俺娘的低保咋申请', '另外 俺娘的低保咋申请'])('%s mid-walk offers it as 俺娘的低保咋申请 does', async (asked) => {
    const chat = await newChat()
    expect(joined(await chat.say('残疾证怎么办'))).toContain('回复 1 有，2 没有')
    const said = joined(await chat.say(asked))
    expect(said).toContain(OFFER_DIBAO)
    expect(said).not.toContain('这里办不了')
  })
})
