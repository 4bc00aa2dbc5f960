/**
 * A paper named alone mid-walk that none of the item's materials is and the matcher finds no item for surely (医保卡
 * in the 残疾证 walk): not needed here, said so, then the same question (not 没看明白).
 * Through the conversation service with the real catalogue and dialog files.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat } from './support.js'

const GUARDIAN = '申请人是不是未满 18 岁的孩子'

describe('a paper the item does not need, named alone', () => {
  it('医保卡 at a situation question says it is not needed, then the question again', async () => {
    const chat = await newChat()
    await chat.say('残疾证怎么办')
    for (const reply of ['1', '1', '1']) await chat.say(reply)
    expect(joined(await chat.say('1'))).toContain(GUARDIAN)
    const said = joined(await chat.say('医保卡'))
    expect(said).toContain('医保卡：办"办理残疾人证"用不上')
    expect(said).not.toContain('没看明白')
    expect(said).toContain(GUARDIAN)
    // Nothing recorded: 2 answers the question.
    expect(joined(await chat.say('2'))).toContain('一次性告知单')
  })

  it('医保卡 at a material question says the same, then the material again', async () => {
    const chat = await newChat()
    await chat.say('居住证怎么办')
    const said = joined(await chat.say('医保卡'))
    expect(said).toContain('用不上')
    expect(said).toContain('是否已准备好：居民身份证')
  })
})
