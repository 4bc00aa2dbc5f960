/**
 * 不要, 不用 at a material question: a no that may mean "not needed". Recorded as 没有 and said so (with 返回 to
 * change it), not recorded silently. Through the conversation service with the real catalogue and dialog files.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat } from './support.js'

describe('不要 / 不用 at a material question', () => {
  it('says the material is recorded as 没有, then asks the next one', async () => {
    for (const reply of ['不要', '不用', '不用了', '用不着']) {
      const chat = await newChat()
      await chat.say('残疾证怎么办')
      await chat.say('1')
      const said = joined(await chat.say(reply))
      expect(said, reply).toContain('户口簿先记作没有')
      expect(said, reply).toContain('返回')
      expect(said, reply).toContain('照片')
    }
  })

  it('返回 then takes the 户口簿 again', async () => {
    const chat = await newChat()
    await chat.say('残疾证怎么办')
    await chat.say('1')
    await chat.say('不要')
    expect(joined(await chat.say('返回'))).toContain('是否已准备好：户口簿')
  })

  it('a plain 没有 says nothing more', async () => {
    const chat = await newChat()
    await chat.say('残疾证怎么办')
    await chat.say('1')
    expect(joined(await chat.say('没有'))).not.toContain('先记作没有')
  })
})
