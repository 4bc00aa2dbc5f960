/**
 * Replies at the 代办 form an exploratory tester found misread: words that are no name (本村, 本人, 俺自己), a name said
 * in a sentence (给俺爹办 他叫张德福), a landline or a number no mobile has at the phone step, 其他 and a village on no
 * list (俺村叫前王庄) at the town question, 取消 mid-walk.
 */
import { describe, expect, it } from 'vitest'
import type { TicketRequest } from '../../src/conversation/types.js'
import { joined, newChat, sayAfresh, type Chat } from './support.js'

/** At the name question of a 老年证 代办 form. */
async function atName(elder = false): Promise<Chat> {
  const chat = await newChat()
  if (elder) await chat.say('长者模式')
  for (const reply of ['老年证', '全部列出', '3']) await chat.say(reply)
  return chat
}

/** Each reply at the name step goes on to the phone step, and the summary names the applicant as expected. */
async function expectNamesTaken(cases: readonly (readonly [string, string])[]): Promise<void> {
  for (const [said, name] of cases) {
    const chat = await atName()
    expect(joined(await chat.say(said)), said).toContain('请留一个手机号')
    for (const answer of ['13612345678', '十字路', '城东社区', '不是']) await chat.say(answer)
    expect(joined(await chat.say('1')), said).toContain(`申请人：${name}\n`)
  }
}

function ticket(chat: Chat): TicketRequest {
  const e = chat.effects.find((x) => x.type === 'openTicket')
  if (e?.type !== 'openTicket') throw new Error('no ticket')
  return e.request
}

describe('the name step of the 代办 form', () => {
  it('本村 / 本人 / 俺自己 / 自己 / 我本人 are no name: refused with a plain hint, the name asked again', async () => {
    for (const said of ['本村', '本人', '俺自己', '自己', '我本人', '就是本人', '给自己办']) {
      const chat = await atName()
      const text = joined(await sayAfresh(chat, said))
      expect(text, said).not.toContain('请留一个手机号')
      expect(text, said).toContain('名字')
      expect(text, said).not.toContain('姓名好像不对')
    }
    const chat = await atName()
    expect(joined(await chat.say('本人'))).toContain('给自己办的，请打您自己的名字')
  })

  it('takes the name from 他叫X / 俺叫X / 名字是X / X是俺爹 and a sentence saying for whom', async () => {
    const cases = [
      ['给俺爹办 他叫张德福', '张德福'],
      ['他叫张德福', '张德福'],
      ['俺叫刘秀英', '刘秀英'],
      ['名字是李桂兰', '李桂兰'],
      ['张德福是俺爹', '张德福'],
      ['俺爹 张德福', '张德福'],
      ['给俺娘办的，她叫王桂兰', '王桂兰'],
      ['俺娘的名字是王桂兰', '王桂兰'],
    ] as const
    await expectNamesTaken(cases)
  })

  it('俺是给俺娘办的 (no name yet) asks kindly for that person\'s name; then the name alone is taken', async () => {
    const chat = await atName()
    const text = joined(await chat.say('俺是给俺娘办的'))
    expect(text).toContain('您娘')
    expect(text).toContain('名字')
    expect(text).not.toContain('姓名好像不对')
    expect(joined(await chat.say('王桂兰'))).toContain('请留一个手机号')
  })

  it('in 长者模式 in its plainer words', async () => {
    const chat = await atName(true)
    expect(joined(await chat.say('本人'))).toContain('您自己的名字')
  })
})

/** At the phone question. */
async function atPhone(): Promise<Chat> {
  const chat = await atName()
  await chat.say('张德福')
  return chat
}

describe('the phone step of the 代办 form', () => {
  it('a landline is said to be one and a mobile asked for; typed again (or 没有手机) it is taken as the contact phone', async () => {
    for (const then of ['0539-7211000', '没有手机']) {
      const chat = await atPhone()
      const text = joined(await chat.say('0539-7211000'))
      expect(text).toContain('这是座机号')
      expect(text).toContain('手机')
      expect(text).not.toContain('申请人住在哪个镇')
      expect(joined(await chat.say(then)), then).toContain('申请人住在哪个镇')
      for (const answer of ['十字路', '城东社区', '不是', '1']) await chat.say(answer)
      await chat.say('1')
      expect(ticket(chat).phone, then).toBe('0539-7211000')
    }
  })

  it('a landline then a mobile takes the mobile', async () => {
    const chat = await atPhone()
    await chat.say('0539-7211000')
    expect(joined(await chat.say('13612345678'))).toContain('申请人住在哪个镇')
  })

  it('11 digits not starting with 1 (23812345678) get the phone-specific hint, every time, never the way-out', async () => {
    const chat = await atPhone()
    for (let i = 0; i < 3; i++) {
      const text = joined(await chat.say('23812345678'))
      expect(text, String(i)).toContain('这个号码不像手机号')
      expect(text, String(i)).not.toContain('没看明白')
    }
  })
})

/** At the town question. */
async function atTown(elder = false): Promise<Chat> {
  const chat = await atName(elder)
  await chat.say('张德福')
  await chat.say('13612345678')
  return chat
}

describe('the town step of the 代办 form', () => {
  it('其他 / 别的 / 上面没有 at the towns: the list is the whole county, the town asked once more, 人工 offered', async () => {
    for (const said of ['其他', '别的', '上面没有', '其它镇']) {
      const chat = await atTown()
      const text = joined(await chat.say(said))
      expect(text, said).not.toContain('没找到这个地方')
      expect(text, said).toContain('本县')
      expect(text, said).toContain('人工')
      expect(text, said).toContain('2 大店镇')
      expect(joined(await chat.say('大店镇')), said).toContain('是哪个村')
    }
  })

  it('俺村叫前王庄 / 村叫前王庄: a village on no list, its town asked with 人工 offered; the town completes it', async () => {
    for (const said of ['俺村叫前王庄', '村叫前王庄', '我们村叫前王庄']) {
      const chat = await atTown()
      const text = joined(await chat.say(said))
      expect(text, said).not.toContain('没找到这个地方')
      expect(text, said).toContain('前王庄是哪个镇（街道）的')
      expect(text, said).toContain('人工')
      expect(joined(await chat.say('岭泉镇')), said).toContain('申请人是不是老人')
      await chat.say('不是')
      expect(joined(await chat.say('1')), said).toContain('住址：岭泉镇 前王庄')
    }
  })
})

describe('取消 in the middle of a walk, with no ticket', () => {
  it('is read as 不办了: the dialog stops, 返回 brings it back', async () => {
    const chat = await newChat()
    await chat.say('老年证')
    const text = joined(await chat.say('取消'))
    expect(text).toContain('先不办了')
    expect(text).not.toContain('没看明白')
  })

  it('at the 代办 summary it is its 不办了', async () => {
    const chat = await atTown()
    for (const answer of ['十字路', '城东社区', '不是', '1']) await chat.say(answer)
    expect(joined(await chat.say('取消'))).toContain('代办申请没有提交')
  })
})

describe('the name step: how a person is called, and a name with who it is', () => {
  it('王大爷 / 李奶奶 / 王老汉 / 刘大娘 / 李 老 师 are how someone is called: the full name is asked for plainly', async () => {
    for (const said of ['王大爷', '李奶奶', '王老汉', '刘大娘', '李 老 师', '老王']) {
      const chat = await atName()
      const text = joined(await chat.say(said))
      expect(text, said).not.toContain('请留一个手机号')
      expect(text, said).toContain('全名')
      expect(text, said).not.toContain('姓名好像不对')
    }
  })

  it('老伴 / 老娘 are kin, not a way of calling someone: whose name is asked for', async () => {
    for (const said of ['老伴', '老娘']) {
      const text = joined(await (await atName()).say(said))
      expect(text, said).toContain(`您${said}`)
      expect(text, said).not.toContain('全名叫什么')
    }
  })

  it('takes the name from 王秀兰（俺娘）, 张建国（本人）, 俺自己 张建国', async () => {
    const cases = [
      ['王秀兰（俺娘）', '王秀兰'],
      ['张建国（本人）', '张建国'],
      ['俺自己 张建国', '张建国'],
      ['张建国(本人)', '张建国'],
    ] as const
    await expectNamesTaken(cases)
  })
})

describe('a way of addressing someone typed with a number at the name step', () => {
  it('王大爷 13812345678 keeps the phone and asks the full name', async () => {
    const chat = await atName()
    const text = joined(await chat.say('王大爷 13812345678'))
    expect(text).toContain('138****5678')
    expect(text).toContain('全名')
    expect(joined(await chat.say('王德福'))).toContain('住在哪个镇')
  })

  it('李奶奶 0539-7211234 asks the full name; the landline is kept for 没有手机 at the phone step', async () => {
    const chat = await atName()
    expect(joined(await chat.say('李奶奶 0539-7211234'))).toContain('全名')
    expect(joined(await chat.say('李秀英'))).toContain('请留一个手机号')
    expect(joined(await chat.say('没有手机'))).toContain('就按座机号 0539-7211234 联系您')
  })
})
