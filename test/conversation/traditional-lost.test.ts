/**
 * Traditional characters in a reply: 找不著 is 找不着 (著 where it is the particle), so 戶口本找不著了 says the
 * 户口簿 is lost, at a material question and at a situation question alike.
 */
import { describe, expect, it } from 'vitest'
import { comparable } from '../../src/dialog/text.js'
import { joined, newChat } from './support.js'

describe('comparable(text)', () => {
  it('reads 著 as 着 where it is the particle (找不著, 找著了, 睡不著), and keeps 著名', () => {
    expect(comparable('戶口本找不著了')).toBe('户口本找不着了')
    expect(comparable('找著了')).toBe('找着了')
    expect(comparable('著名')).toBe('著名')
  })
})

describe('戶口本找不著了 in a walk', () => {
  it('at the 户口簿 question it is 没有', async () => {
    const chat = await newChat()
    await chat.say('残疾证怎么办')
    expect(joined(await chat.say('有'))).toContain('是否已准备好：户口簿')
    const said = joined(await chat.say('戶口本找不著了'))
    expect(said).not.toContain('户口簿，您有没有')
    expect(said).not.toContain('是否已准备好：户口簿')
  })

  it('at a situation question it is read as the 户口簿 missing, not 请按您的情况选一个', async () => {
    const chat = await newChat()
    await chat.say('身份證丟了咋補辦')
    expect(joined(await chat.say('有'))).toContain('未满 16 周岁')
    const said = joined(await chat.say('戶口本也找不著了'))
    expect(said).not.toContain('请按您的情况选一个')
    expect(said).toContain('户口')
  })
})
