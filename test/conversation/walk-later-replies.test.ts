/**
 * Replies later in a walk that mean more than an answer to the one question asked: 都有 of every material left, 不是这个
 * of the item, 不对 with what the resident really does, … Through the conversation service with the real catalogue.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, startItem } from './support.js'

const DIBAO = '最低生活保障申请'

describe('都有 at a material question', () => {
  it('records every material still to ask as 有, says how many, and goes on to the questions left', async () => {
    for (const reply of ['都有', '都有了', '全都有', '都准备好了', '都齐了']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      const said = await chat.say(reply)
      expect(said[0], reply).toBe('好的，2样材料都记成有了。清单上都列着，出门前再对一遍。')
      // Questions that decide other materials are still asked.
      expect(said[1], reply).toContain('家里有没有残疾或生重病的人？')
      const list = joined(await chat.say('全部列出'))
      expect(list).toContain('✓ 申请人居民身份证')
      expect(list).toContain('✓ 共同生活家庭成员户口簿')
    }
  })

  it('the materials a later answer brings in are still asked one by one', async () => {
    const chat = await newChat()
    await startItem(chat, '随迁子女义务教育入学申请')
    expect(joined(await chat.say('都有'))).toContain('孩子父母在这边是给单位打工')
    expect(joined(await chat.say('1'))).toContain('是否已准备好：1 年以上劳动合同和社保缴费记录')
  })

  it('at the last material left it is the plain 有', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    await chat.say('1')
    const said = joined(await chat.say('都有'))
    expect(said).not.toContain('都记成有了')
    expect(said).toContain('家里有没有残疾或生重病的人？')
  })
})
