/**
 * Replies a reviewer found misread: a polite closing (好了 谢谢, 行了 可以了) where a question waits taken for a goodbye
 * (at the 代办 summary the ticket was never submitted), 没有过期 recorded as expired, 俺爹姓张 taken for a name,
 * 哪个都没有 taken for a where-question, 俺村是贫困村 taken for a village's name.
 * Through the conversation service with the real catalogue and dialog files.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, startItem, type Chat } from './support.js'

const ELDER = '《山东省老年人优待证》办理'
const BYE = '再见'
const SUMMARY = '回复 1 确认提交，2 重新填写，3 不办了'

/** Up to the 代办 summary of the 老年证: 全部列出, 代办, a name, a phone, a town, a village, no special help, 帮办. */
async function elderSummary(): Promise<Chat> {
  const chat = await newChat()
  await startItem(chat, ELDER)
  for (const answer of ['全部列出', '3', '张德福', '13812345678', '2', '1', '2']) await chat.say(answer)
  expect(joined(await chat.say('1'))).toContain(SUMMARY)
  return chat
}

describe('a closing said where a question waits', () => {
  it('at the 代办 summary, 好了 谢谢 / 行了 可以了 neither close nor submit: 1/2/3 is asked again, and 1 then submits', async () => {
    for (const reply of ['好了 谢谢', '行了 可以了', '好的 不用了']) {
      const chat = await elderSummary()
      const said = joined(await chat.say(reply))
      expect(said, reply).not.toContain(BYE)
      expect(said, reply).toContain(SUMMARY)
      expect(chat.effects.some((e) => e.type === 'openTicket'), reply).toBe(false)
      await chat.say('1')
      expect(chat.effects.filter((e) => e.type === 'openTicket'), reply).toHaveLength(1)
    }
  })

  it('mid-walk, 好的 不用了 asks the material again, not goodbye', async () => {
    const chat = await newChat()
    await startItem(chat, ELDER)
    const said = joined(await chat.say('好的 不用了'))
    expect(said).not.toContain(BYE)
    expect(said).toContain('是否已准备好：')
  })

  it('where no question waits (after submitting), 好了 谢谢 is still a goodbye', async () => {
    const chat = await elderSummary()
    await chat.say('1')
    expect(joined(await chat.say('好了 谢谢'))).toContain(BYE)
  })
})

describe('a paper said not to be out of date', () => {
  it('有，没有过期 / 有 还没有过期 / 有 长期的 不会过期 / 有 未过期 are 有, not expired; 有 过期了 is still 没有', async () => {
    for (const reply of ['有，没有过期', '有 还没有过期', '有 长期的 不会过期', '有 没过期', '有 未过期', '有，长期有效的']) {
      const chat = await newChat()
      await startItem(chat, ELDER)
      const said = joined(await chat.say(reply))
      expect(said, reply).not.toContain('过期了不能用')
      expect(joined(await chat.say('全部列出')), reply).toContain('✓ 老人居民身份证')
    }
    const chat = await newChat()
    await startItem(chat, ELDER)
    expect(joined(await chat.say('有 过期了'))).toContain('过期了不能用')
    expect(joined(await chat.say('全部列出'))).toContain('✗ 老人居民身份证')
  })
})

describe('the name step after 俺 and a relative', () => {
  it('俺爹姓张 / 俺娘今年八十 / 俺爹80岁了 are no name: the relative\'s name is asked for', async () => {
    for (const [reply, who] of [['俺爹姓张', '您爹'], ['俺娘今年八十', '您娘'], ['俺爹80岁了', '您爹']] as const) {
      const chat = await newChat()
      await startItem(chat, ELDER)
      for (const answer of ['全部列出', '3']) await chat.say(answer)
      const said = joined(await chat.say(reply))
      expect(said, reply).toContain(`请告诉我${who}的名字`)
    }
  })

  it('俺爹张德福 still gives the name', async () => {
    const chat = await newChat()
    await startItem(chat, ELDER)
    for (const answer of ['全部列出', '3']) await chat.say(answer)
    expect(joined(await chat.say('俺爹张德福'))).toContain('请留一个手机号')
  })
})

describe('where a step is done, asked only with a where-phrase', () => {
  const DISABLED_ID = '办理残疾人证'
  const ASSESS = '到县残联指定医院做残疾评定'

  it('哪个都没有 / 俺哪有残疾证 get no line of the item (哪 alone asks no where)', async () => {
    for (const reply of ['哪个都没有', '俺哪有残疾证']) {
      const chat = await newChat()
      await startItem(chat, DISABLED_ID)
      const said = joined(await chat.say(reply))
      expect(said, reply).not.toContain('办"办理残疾人证"：')
    }
  })

  it('去哪个医院评 / 哪个医院能评 still get the 评定 line', async () => {
    for (const reply of ['去哪个医院评', '哪个医院能评']) {
      const chat = await newChat()
      await startItem(chat, DISABLED_ID)
      expect(joined(await chat.say(reply)), reply).toContain(ASSESS)
    }
  })
})

describe('the town step, a village described with 是', () => {
  it('俺村是贫困村 / 俺村是大村 keep no village named so; 俺村是前王庄 and 俺村叫前王庄 still name one', async () => {
    for (const reply of ['俺村是贫困村', '俺村是大村']) {
      const chat = await newChat()
      await startItem(chat, ELDER)
      for (const answer of ['全部列出', '3', '张德福', '13812345678']) await chat.say(answer)
      const said = joined(await chat.say(reply))
      expect(said, reply).not.toMatch(/贫困村是哪个镇|大村是哪个镇/)
    }
    for (const reply of ['俺村是前王庄', '俺村叫前王庄']) {
      const chat = await newChat()
      await startItem(chat, ELDER)
      for (const answer of ['全部列出', '3', '张德福', '13812345678']) await chat.say(answer)
      expect(joined(await chat.say(reply)), reply).toContain('前王庄是哪个镇（街道）的')
    }
  })
})

describe('the area step, a village described instead of named', () => {
  /** At the town question of the 老年证 form; `then` answered first (a town, 其他村). */
  async function atArea(...then: string[]): Promise<Chat> {
    const chat = await newChat()
    await startItem(chat, ELDER)
    for (const answer of ['全部列出', '3', '张德福', '13812345678', ...then]) await chat.say(answer)
    return chat
  }

  it('俺村是贫困村 / 俺们村是山区的村 ask for the village\'s name plainly, at the towns, a town\'s villages and 其他村; nothing is kept', async () => {
    for (const then of [[], ['十字路街道'], ['十字路街道', '其他村']]) {
      for (const reply of ['俺村是贫困村', '俺们村是山区的村', '俺村是个小村']) {
        const chat = await atArea(...then)
        const said = joined(await chat.say(reply))
        expect(said, `${then.join(' ')} ${reply}`).toContain('请说一下村（社区）的名字')
        expect(said, reply).not.toMatch(/没找到|只能给本县|是不是老人/)
      }
    }
    // Said of it without 是 (俺村很小, 俺村在山里), or only that it is rural (俺住农村): no village called 村很小.
    for (const reply of ['俺村很小', '俺村在山里', '俺住农村']) {
      const chat = await atArea('十字路街道')
      const said = joined(await chat.say(reply))
      expect(said, reply).toContain('请说一下村（社区）的名字')
      expect(said, reply).not.toContain('是不是老人')
    }
    // Named all the same: 村子叫前王庄 keeps it.
    const named = await atArea('十字路街道')
    expect(joined(await named.say('村子叫前王庄'))).toContain('是不是老人')
    const chat = await atArea('十字路街道')
    await chat.say('俺村是贫困村')
    expect(joined(await chat.say('1'))).toContain('是不是老人')
  })
})
