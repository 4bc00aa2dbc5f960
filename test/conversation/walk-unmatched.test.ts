/**
 * A question mid-walk about something the catalogue does not hold (二手摩托车咋过户): said plainly that it is not
 * handled here (12345, 人工), recorded for admins as unmatched (未答问题), then the pending question again.
 * Through the conversation service with the real catalogue and dialog files.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, type Chat } from './support.js'

const HOUSEHOLD = '是否已准备好：户口簿'

/** A resident walking 办理残疾人证, asked for the first material. */
async function atFirstMaterial(): Promise<Chat> {
  const chat = await newChat()
  await chat.say('残疾证怎么办')
  await chat.say('1')
  return chat
}

describe('an out-of-catalogue question mid-walk', () => {
  it('二手摩托车咋过户 says it is not handled here, is recorded as unmatched, and the material is asked again', async () => {
    const chat = await atFirstMaterial()
    const said = joined(await chat.say('二手摩托车咋过户'))
    expect(said).toContain('这里办不了')
    expect(said).toContain('12345')
    expect(said).toContain('人工')
    expect(said).not.toContain('没看明白')
    expect(said).toContain(HOUSEHOLD)
    expect(chat.effects).toContainEqual(expect.objectContaining({ type: 'unmatched', text: '二手摩托车咋过户' }))
  })

  it('the walk goes on: 1 next answers the 户口簿', async () => {
    const chat = await atFirstMaterial()
    await chat.say('二手摩托车咋过户')
    expect(joined(await chat.say('1'))).toContain('照片')
  })

  it('今天天气咋样 (asked, found nowhere) is told the same, as at the start', async () => {
    const chat = await atFirstMaterial()
    expect(joined(await chat.say('今天天气咋样'))).toContain('这里办不了')
    expect(chat.effects).toContainEqual(expect.objectContaining({ type: 'unmatched', text: '今天天气咋样' }))
  })

  it('a question pointing at what is asked (这个能代替吗, 这个要怎么弄啊) is not told it is not handled here, nor recorded', async () => {
    for (const reply of ['这个能代替吗', '这个要怎么弄啊']) {
      const chat = await atFirstMaterial()
      expect(joined(await chat.say(reply)), reply).not.toContain('这里办不了')
      expect(chat.effects.filter((e) => e.type === 'unmatched'), reply).toEqual([])
    }
  })

  it('a sentence that asks nothing (俺今天起得早) is still 没看明白, and not recorded', async () => {
    const chat = await atFirstMaterial()
    const said = joined(await chat.say('俺今天起得早'))
    expect(said).not.toContain('这里办不了')
    expect(chat.effects.filter((e) => e.type === 'unmatched')).toEqual([])
  })
})

describe('a question about how the item at hand is done is not out of the catalogue', () => {
  it.each(['需要本人到场吗', '能让别人代领吗', '能不能邮寄过去啊', '下午能去办吗', '用户口本代替行吗'])('%j mid-walk is not told 这里办不了 nor recorded', async (asked) => {
    const chat = await atFirstMaterial()
    expect(joined(await chat.say(asked))).not.toContain('这里办不了')
    expect(chat.effects.some((e) => e.type === 'unmatched')).toBe(false)
  })
})
