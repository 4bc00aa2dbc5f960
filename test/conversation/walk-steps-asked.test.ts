/**
 * 流程是啥, 办理步骤, 要跑几趟 during the walk and after the checklist: answered from the item's 办理流程 and 到现场次数,
 * then the pending question again (not 这是啥 about the material asked, nor 没看明白).
 * Through the conversation service with the real catalogue and dialog files.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, type Chat } from './support.js'

const HOUSEHOLD = '是否已准备好：户口簿'
const FIRST_STEP = '到户口所在地镇（街道）残联领取申请表和评定表'

async function atHousehold(): Promise<Chat> {
  const chat = await newChat()
  await chat.say('残疾证怎么办')
  expect(joined(await chat.say('1'))).toContain(HOUSEHOLD)
  return chat
}

describe('steps and visits asked mid-walk', () => {
  it('流程是啥, 办理步骤, 步骤 say the item\'s steps, then the material asked again', async () => {
    for (const ask of ['流程是啥', '办理步骤', '步骤', '办理流程是什么', '怎么个流程']) {
      const chat = await atHousehold()
      const said = joined(await chat.say(ask))
      expect(said, ask).toContain(FIRST_STEP)
      expect(said, ask).not.toContain('没看明白')
      expect(said, ask).not.toContain('是办"办理残疾人证"要交的材料')
      expect(said, ask).toContain(HOUSEHOLD)
    }
  })

  it('要跑几趟, 一共去几次 say the visits, then the material asked again', async () => {
    for (const ask of ['要跑几趟', '一共去几次', '得跑几回']) {
      const chat = await atHousehold()
      const said = joined(await chat.say(ask))
      expect(said, ask).toContain('最多跑 2 次')
      expect(said, ask).toContain(HOUSEHOLD)
    }
  })

  it('nothing is recorded: 1 next answers the 户口簿', async () => {
    const chat = await atHousehold()
    await chat.say('流程是啥')
    expect(joined(await chat.say('1'))).toContain('照片')
  })

  it('another item\'s 流程 (低保办理流程) is not answered with this item\'s steps', async () => {
    const chat = await atHousehold()
    expect(joined(await chat.say('低保办理流程'))).not.toContain(FIRST_STEP)
  })
})

describe('steps and visits asked after the checklist', () => {
  it('流程是啥, 步骤, 要跑几趟 are answered for the item, then the menu again', async () => {
    const chat = await newChat()
    await chat.say('残疾证怎么办')
    expect(joined(await chat.say('全部列出'))).toContain('您打算怎么办')
    for (const [ask, want] of [['流程是啥', FIRST_STEP], ['步骤', FIRST_STEP], ['要跑几趟', '最多跑 2 次']] as const) {
      const said = joined(await chat.say(ask))
      expect(said, ask).toContain(want)
      expect(said, ask).not.toContain('没看明白')
      expect(said, ask).toContain('您打算怎么办')
    }
  })
})

describe('asked at the offer to switch to another item (您是想问…吗？)', () => {
  /** In the 低保 walk, 残疾证 (another item's paper) brings the offer to switch to 办理残疾人证. */
  async function atOffer(): Promise<Chat> {
    const chat = await newChat()
    await chat.say('低保怎么办')
    expect(joined(await chat.say('1'))).toContain('是否已准备好：申请人居民身份证')
    expect(joined(await chat.say('残疾证'))).toContain('您是想问"办理残疾人证"吗？')
    return chat
  }

  it('流程是啥 says the steps of the item on offer, not of the item walked, then the offer again', async () => {
    const chat = await atOffer()
    const said = joined(await chat.say('流程是啥'))
    expect(said).toContain('办"办理残疾人证"的步骤：')
    expect(said).toContain(FIRST_STEP)
    expect(said).not.toContain('最低生活保障申请')
    expect(said).toContain('您是想问"办理残疾人证"吗？')
    // The offer still stands: 2 goes back to the 低保 walk where it was.
    expect(joined(await chat.say('2'))).toContain('是否已准备好：申请人居民身份证')
  })

  it('要跑几趟, 多少钱 are answered for the item on offer and say which; 低保流程是啥 is still the walked one', async () => {
    const chat = await atOffer()
    expect((await chat.say('要跑几趟'))[0]).toBe('说的是"办理残疾人证"：\n到现场：最多跑 2 次')
    expect((await chat.say('多少钱'))[0]).toMatch(/^说的是"办理残疾人证"：\n收不收费：残疾人证不收费/)
    expect(joined(await chat.say('低保流程是啥'))).toContain('办"最低生活保障申请"的步骤：')
  })
})
