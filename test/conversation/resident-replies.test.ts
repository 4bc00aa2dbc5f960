/**
 * Replies residents gave in black-box sessions that the bot read wrongly: 不对 at the 代办 summary, 俺不办了,
 * 是的 俺腿脚不好 at a yes/no step, 照片去哪照, … Through the conversation service with the real catalogue and dialogs.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, startItem, type Chat } from './support.js'

const DIBAO = '最低生活保障申请'

/** At the 代办 summary of 低保 (checklist by 全部列出, then the form filled by numbers). */
async function dibaoSummary(): Promise<Chat> {
  const chat = await newChat()
  await startItem(chat, DIBAO)
  for (const answer of ['全部列出', '3', '王秀英', '13812345678', '2', '2', '2', '1']) await chat.say(answer)
  expect(joined(await chat.say('1'))).toContain('请核对您的代办申请')
  return chat
}

describe('the 代办 summary', () => {
  it('不对 / 错了 fill the form again rather than dropping the application', async () => {
    for (const line of ['不对', '不对的', '错了', '不是']) {
      const chat = await dibaoSummary()
      expect(joined(await chat.say(line)), line).toContain('请告诉我申请人的姓名')
      expect(chat.effects.some((e) => e.type === 'openTicket')).toBe(false)
    }
  })

  it('不办了 still ends without a ticket', async () => {
    const chat = await dibaoSummary()
    expect(joined(await chat.say('不办了'))).toContain('代办申请没有提交')
    expect(chat.effects.some((e) => e.type === 'openTicket')).toBe(false)
  })

  it('不申请了 at the summary says the request was not submitted, the checklist stands, and 返回 brings the summary back', async () => {
    const chat = await dibaoSummary()
    const dropped = joined(await chat.say('不申请了'))
    expect(dropped).toContain('代办申请没有提交')
    expect(dropped).toContain('清单照样能用')
    expect(dropped).not.toContain('祝您办理顺利')
    expect(joined(await chat.say('返回'))).toContain('请核对您的代办申请')
    // A change of mind in words goes back to the summary too, what was filled in kept.
    await chat.say('算了')
    const again = joined(await chat.say('还是找人帮我办吧'))
    expect(again).toContain('请核对您的代办申请')
    expect(again).not.toContain('请告诉我申请人的姓名')
    expect(chat.effects.some((e) => e.type === 'openTicket')).toBe(false)
  })
})

describe('commands said with 我 / 俺 in front', () => {
  it('我不办了, 俺不办了, 那就不办了 are 不办了, at the walk and at the 代办 name step', async () => {
    for (const line of ['我不办了', '俺不办了', '那就不办了', '俺不想办了']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      expect(await chat.say(line), line).toEqual(['好的，这件事先不办了。以后想办，随时来问我。\n说错了的话，回复"返回"。'])
      const form = await newChat()
      await startItem(form, DIBAO)
      await form.say('全部列出')
      await form.say('3')
      expect(await form.say(line), line).toEqual(['好的，这件事先不办了。以后想办，随时来问我。\n说错了的话，回复"返回"。'])
    }
  })

  it('俺要转人工, 俺想重新开始, 俺要全部列出 are those commands', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    expect(joined(await chat.say('俺要转人工'))).toContain('需要人工帮助')
    expect(joined(await chat.say('俺要全部列出'))).toContain('【一次性告知单】')
    expect(joined(await chat.say('俺想重新开始'))).toContain('我们重新开始')
  })
})

describe('a yes or no said first, then a reason, at a numbered step', () => {
  /** At 低保's 代办 form, the question whether the applicant can come (after name, phone, town and village). */
  async function specialQuestion(): Promise<Chat> {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    for (const answer of ['全部列出', '3', '王秀英', '13812345678', '2']) await chat.say(answer)
    expect(joined(await chat.say('2'))).toContain('申请人是不是老人、残疾人，或者行动不便、出不了门？')
    return chat
  }

  it('是的 俺腿脚不好 is 是 (特办 offered); 不是 俺自己能去 is 不是', async () => {
    const yes = await specialQuestion()
    expect(joined(await yes.say('是的 俺腿脚不好'))).toContain('4 特办')
    const no = await specialQuestion()
    const kinds = joined(await no.say('不是，俺自己能去'))
    expect(kinds).toContain('需要哪种帮助？')
    expect(kinds).not.toContain('特办')
  })

  it('对 俺家里困难 confirms the item', async () => {
    const chat = await newChat()
    expect(joined(await chat.say('俺想办低保咋办'))).toContain('您要办的是：最低生活保障申请，对吗？')
    expect(joined(await chat.say('对 俺家里困难'))).toContain('是否已准备好：申请人居民身份证')
  })

  it('不是 followed by another item at 对吗 takes the 不是 and asks for that item', async () => {
    const chat = await newChat()
    await chat.say('俺想办低保咋办')
    expect(joined(await chat.say('不是，我要办居住证'))).toContain('办"居住证办理"要')
  })

  it('不对，地址错了 at the 代办 summary asks where the applicant lives again (no mail: 地址 is the village)', async () => {
    const chat = await dibaoSummary()
    expect(joined(await chat.say('不对，地址错了'))).toContain('申请人住在哪个镇（街道）？')
  })
})

describe('asking where to have the photos taken', () => {
  it('照片去哪照, 照片咋照, 在哪拍 say where, then ask the same question again', async () => {
    for (const line of ['照片去哪照', '照片咋照', '照片在哪拍', '哪里拍照片']) {
      const chat = await newChat()
      await startItem(chat, '办理残疾人证')
      await chat.say('1')
      await chat.say('1')
      const replies = await chat.say(line)
      expect(replies[0], line).toContain('到照相馆拍照')
      expect(joined(replies), line).toContain('是否已准备好：近期 2 寸白底免冠彩色照片')
      expect(joined(replies), line).not.toContain('没看明白')
    }
  })
})

describe('two materials answered in one reply', () => {
  it('户口本有 身份证木有 says back both, the one asked first', async () => {
    const chat = await newChat()
    await startItem(chat, '办理残疾人证')
    const replies = await chat.say('户口本有 身份证木有')
    expect(replies[0]).toBe('记下了：申请人居民身份证没有；户口簿有。')
    expect(joined(replies)).toContain('是否已准备好：近期 2 寸白底免冠彩色照片')
  })
})

describe('a village typed with a digit', () => {
  it('大店1村 is 大店一村, at the village step and typed at the town step', async () => {
    for (const lines of [['2', '大店1村'], ['大店镇大店1村']]) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      for (const answer of ['全部列出', '3', '王秀英', '13812345678']) await chat.say(answer)
      let last: string[] = []
      for (const line of lines) last = await chat.say(line)
      expect(joined(last), lines.join(' / ')).toContain('申请人是不是老人、残疾人')
      for (const answer of ['2', '2', '1']) last = await chat.say(answer)
      expect(joined(last), lines.join(' / ')).toContain('住址：大店镇 大店一村')
    }
  })
})

describe('the 代办 summary, a bare 不要 / 不用', () => {
  it('changes nothing, says the request is not submitted yet and asks which', async () => {
    for (const unclear of ['不要', '不用', '不用了', '不需要']) {
      const chat = await dibaoSummary()
      const reply = joined(await chat.say(unclear))
      expect(reply, unclear).toContain('代办申请还没有提交')
      expect(reply, unclear).toMatch(/1 确认提交，2 重新填写，3 不办了/)
      expect(reply, unclear).not.toContain('请告诉我申请人的姓名')
      expect(chat.effects.some((e) => e.type === 'openTicket'), unclear).toBe(false)
      // The summary still waits: 1 submits it as it was.
      expect(joined(await chat.say('1')), unclear).toContain('已记录')
    }
  })
})
