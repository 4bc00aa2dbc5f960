/**
 * 全部列出 after 自己办理 shows the 告知单 with its end menu again (1 自己办理, 2 问别的事, 3 申请代办), so a number
 * or 找人帮我办 after it still means what the menu says; 全部 alone lists too.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat } from './support.js'

const ITEM = '独生子女费咋领'

describe('全部列出 after 自己办理', () => {
  it('shows the 告知单 with its 1/2/3 menu; then 3 starts the 代办 form', async () => {
    const chat = await newChat()
    await chat.say(ITEM)
    expect(joined(await chat.say('全部列出'))).toContain('3 申请代办')
    expect(joined(await chat.say('1'))).toContain('祝您办理顺利')
    const again = joined(await chat.say('全部列出'))
    expect(again).toContain('【一次性告知单】')
    expect(again).toContain('3 申请代办')
    expect(joined(await chat.say('3'))).toContain('申请人的姓名')
  })

  it('then 找人帮我办 starts the 代办 form too', async () => {
    const chat = await newChat()
    await chat.say(ITEM)
    await chat.say('全部列出')
    await chat.say('1')
    await chat.say('全部列出')
    expect(joined(await chat.say('找人帮我办'))).toContain('申请人的姓名')
  })
})

describe('全部 alone', () => {
  it('at a yes/no situation question lists everything, as 全部列出 does', async () => {
    const chat = await newChat()
    await chat.say('老年证咋办')
    let said = ''
    for (let k = 0; k < 6 && !said.includes('回复 1 是，2 否'); k++) said = joined(await chat.say('1'))
    expect(said).toContain('回复 1 是，2 否')
    expect(joined(await chat.say('全部'))).toContain('【一次性告知单】')
  })
})

describe('a wish for help with a reason, at the checklist', () => {
  it('俺八十了走不动 能不能让人上门给俺办 at the 居民身份证 checklist says how it is done for those who cannot come, not another item', async () => {
    const chat = await newChat()
    await chat.say('身份证丢了咋补')
    expect(joined(await chat.say('全部列出'))).toContain('【一次性告知单】')
    const said = joined(await chat.say('俺八十了走不动 能不能让人上门给俺办'))
    expect(said).not.toContain('您是想问')
    expect(said).toContain('上门')
  })
})
