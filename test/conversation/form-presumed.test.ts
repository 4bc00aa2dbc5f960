/**
 * The 代办 form's questions already answered by the resident's first question (俺爹瘫在床上出不了门 想办残疾证 at
 * 申请人是不是老人、残疾人，或者行动不便、出不了门？): taken as said, in one line, and changeable with 返回, as the walk
 * presumes its situation answers. Real catalogue and dialogs.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, type Chat } from './support.js'

/** From the first question through the town, where the 特办 question comes next. */
async function upToSpecial(c: Chat, first: string): Promise<string> {
  let last = ''
  for (const reply of [first, '1', '全部列出', '3', '李大山', '13812345678', '相沟镇', '1']) last = joined(await c.say(reply))
  return last
}

describe('the 代办 form after a first question that said the applicant cannot get out', () => {
  it('takes 是 at the 特办 question and says so in one line, instead of asking it', async () => {
    for (const first of ['俺爹瘫在床上出不了门 想办残疾证', '我妈下不了床 想办残疾证', '俺爹腿脚不好 办残疾证']) {
      const c = await newChat({ userId: `presumed-${first}` })
      const reply = await upToSpecial(c, first)
      expect(reply, first).not.toContain('回复 1 是，2 不是')
      expect(reply, first).toMatch(/您说了"(瘫在床上|下不了床|腿脚不好)"，就按出不了门算/)
      expect(reply, first).not.toContain('是不是老人')
      expect(reply, first).toContain('需要哪种帮助')
      expect(reply, first).toContain('特办')
    }
  })

  it('返回 right after asks the 特办 question, whose 不是 then holds', async () => {
    const c = await newChat({ userId: 'presumed-back' })
    await upToSpecial(c, '俺爹瘫在床上出不了门 想办残疾证')
    expect(joined(await c.say('返回'))).toContain('是不是老人、残疾人')
    const reply = joined(await c.say('不是'))
    expect(reply).toContain('需要哪种帮助')
    expect(reply).not.toContain('特办')
  })

  it('asks it as before when the first question said nothing of the kind, or said the opposite', async () => {
    for (const first of ['想办残疾证', '俺爹不是出不了门 想办残疾证']) {
      const c = await newChat({ userId: `not-presumed-${first}` })
      expect(await upToSpecial(c, first), first).toContain('是不是老人、残疾人')
    }
  })
})

describe('the 代办 form filled in again (重新填写)', () => {
  it('asks the 特办 question the first question answered', async () => {
    const c = await newChat({ userId: 'presumed-refill' })
    await upToSpecial(c, '俺爹瘫在床上出不了门 想办残疾证')
    // 代办, then the summary: 重新填写 there.
    await c.say('2')
    expect(joined(await c.say('重新填写'))).toContain('请告诉我申请人的姓名')
    for (const reply of ['李大山', '13812345678', '相沟镇']) await c.say(reply)
    const reply = joined(await c.say('1'))
    expect(reply).toContain('是不是老人、残疾人')
    expect(reply).not.toContain('就按出不了门算')
  })
})

describe('the line saying what the first question answered, in 长者模式', () => {
  it('says the resident\'s own words and what they were taken as, not the bot\'s question as if the resident said it', async () => {
    const c = await newChat({ userId: 'presumed-elder' })
    await c.say('长者模式')
    const reply = await upToSpecial(c, '俺娘腿脚不好想办残疾证')
    expect(reply).toContain('您说了腿脚不好，就按出不了门算。不对就回"返回"。')
    expect(reply).not.toContain('办事的人是不是')
  })
})
