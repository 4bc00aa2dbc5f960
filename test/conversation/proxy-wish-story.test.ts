/**
 * A first question asking for 代办 after telling why (俺爹腿脚不好): the 不 of the story does not turn the wish round.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat } from './support.js'

const WALK_LINE = '您要代办：先核对一下材料'

describe('a first question that asks for 代办 after a story', () => {
  it('keeps the wish when the story says someone is not well (腿脚不好), as without it', async () => {
    for (const question of [
      '俺爹腿脚不好 想办残疾证 能帮俺代办不',
      '俺是大店镇的 俺爹腿脚不好 想办残疾证 能帮俺代办不',
      '俺爹想办残疾证 能帮俺代办不',
      '残疾证 俺爹腿脚不好，代办行不',
      '办残疾证 俺身体不好 代办中不',
    ]) {
      const chat = await newChat()
      await chat.say(question)
      expect(joined(await chat.say('1')), question).toContain(WALK_LINE)
      expect(joined(await chat.say('全部列出')), question).toContain('您说过要代办')
    }
  })

  it('still reads 不用代办, 不想找人代办, 不需要你们帮我代办 as no wish', async () => {
    for (const question of ['残疾证怎么办 不用代办', '残疾证怎么办 俺不想找人代办', '办残疾证 不需要你们帮我代办', '办残疾证 俺不要找人帮忙代办']) {
      const chat = await newChat()
      await chat.say(question)
      expect(joined(await chat.say('1')), question).not.toContain(WALK_LINE)
    }
  })
})
