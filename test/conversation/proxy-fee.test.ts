/**
 * 代办收费吗 asked at the checklist, inside the 代办 form or mid-walk: 帮办代办 is free (only fees the law sets for the
 * item itself are paid), the item's own fee is said, and the pending question stays (the form is not started).
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat } from './support.js'

describe('asking whether 代办 costs money', () => {
  it('after the checklist, 代办收费吗 / 找人帮我办要给钱不 / 代办员要钱吗 are answered, not taken as choosing 代办', async () => {
    for (const asked of ['代办收费吗', '找人帮我办要给钱不', '代办员要钱吗', '代办免费吗', '找你们办花钱不', '代办要多少钱']) {
      const chat = await newChat()
      for (const reply of ['老年证', '全部列出']) await chat.say(reply)
      const text = joined(await chat.say(asked))
      expect(text, asked).toContain('帮办代办是免费的')
      expect(text, asked).toContain('本身：不收费')
      expect(text, asked).not.toContain('请告诉我申请人的姓名')
      expect(text, asked).toContain('您打算怎么办')
      expect(joined(await chat.say('3')), asked).toContain('请告诉我申请人的姓名')
    }
  })

  it('inside the 代办 form, 代办要钱不 says 代办 is free and the item\'s own fee, then the name again', async () => {
    const chat = await newChat()
    for (const reply of ['老年证', '全部列出', '3']) await chat.say(reply)
    const text = joined(await chat.say('代办要钱不'))
    expect(text).toContain('帮办代办是免费的')
    expect(text).toContain('姓名')
    expect(joined(await chat.say('王秀兰'))).toContain('请留一个手机号')
  })

  it('mid-walk and in 长者模式 too, the material asked again', async () => {
    const chat = await newChat()
    await chat.say('长者模式')
    await chat.say('残疾证')
    const text = joined(await chat.say('代办要钱吗'))
    expect(text).toContain('代办不要钱')
    expect(text).toContain('残疾人证不收费')
  })
})

describe('a first question asking for 代办 (帮俺代办残疾证)', () => {
  it('says the materials come first and the 代办 after, then offers it by its number after the checklist', async () => {
    for (const first of ['帮俺代办残疾证', '大店镇 残疾证代办']) {
      const chat = await newChat()
      let text = joined(await chat.say(first))
      if (text.includes('对吗')) text = joined(await chat.say('1'))
      expect(text, first).toContain('先核对一下材料，核对完就帮您申请代办')
      const checklist = joined(await chat.say('全部列出'))
      expect(checklist, first).toContain('您说过要代办，回复 3 就开始填代办申请')
      expect(joined(await chat.say('3')), first).toContain('请告诉我申请人的姓名')
    }
  })

  it('a first question that does not ask for it, or asks what it costs, gets neither line', async () => {
    for (const first of ['残疾证', '残疾证不用代办']) {
      const chat = await newChat()
      let text = joined(await chat.say(first))
      if (text.includes('对吗')) text = joined(await chat.say('1'))
      expect(text, first).not.toContain('核对完就帮您申请代办')
      expect(joined(await chat.say('全部列出')), first).not.toContain('您说过要代办')
    }
  })
})

describe('declining the offer to switch (您是想问"X"吗？)', () => {
  it('不用 / 2 say the item is kept before its question again', async () => {
    for (const no of ['不用', '2']) {
      const chat = await newChat()
      await chat.say('残疾证')
      expect(joined(await chat.say('身份证有吗')), no).toContain('您是想问')
      const text = joined(await chat.say(no))
      expect(text, no).toContain('不改了，接着办"办理残疾人证"')
      expect(text, no).toContain('是否已准备好')
    }
  })
})

describe('代办收费吗 as the very first message', () => {
  it('says it is free, then what to say next (which item); the next message names the item and is taken', async () => {
    const chat = await newChat()
    expect(await chat.say('代办收费吗')).toEqual([
      '帮办代办是免费的，工作人员不收您的钱。只有办事本身按规定要交的费用，才需要交。',
      '想找人帮您办，请说说要办什么事，比如：残疾证代办',
    ])
    expect(joined(await chat.say('残疾证代办'))).toContain('核对完就帮您申请代办')
  })

  it('in 长者模式 too, in its words', async () => {
    const chat = await newChat()
    await chat.say('长者模式')
    expect((await chat.say('代办要钱不')).at(-1)).toBe('想找人帮您办，就说要办啥，比如：残疾证')
  })
})
