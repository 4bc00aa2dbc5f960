/**
 * The phone step of the 代办 form: a number that is no mobile is told what is wrong with it, plainly.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, startItem, type Chat } from './support.js'

/** At the phone question of the meal subsidy's 代办 form. */
async function atPhone(elder = false): Promise<Chat> {
  const chat = await newChat()
  if (elder) await chat.say('长者模式')
  await startItem(chat, '长者食堂助餐补贴申请')
  await chat.say('全部列出')
  await chat.say('3')
  await chat.say('张秀英')
  return chat
}

describe('the phone step of the 代办 form', () => {
  it('11 digits with a prefix no mobile has (12…, 10…, 11…) are said not to look like a mobile, not to be short', async () => {
    for (const typed of ['12345678901', '10012345678', '110 1234 5678']) {
      const chat = await atPhone()
      const reply = joined(await chat.say(typed))
      expect(reply, typed).toContain('这个号码不像手机号')
      expect(reply, typed).toContain('13、15、18')
      expect(reply, typed).not.toContain('手机号要 11 位数字')
    }
  })

  it('a number one digit short or long says how many digits were typed', async () => {
    let chat = await atPhone()
    expect(joined(await chat.say('1381234567'))).toContain('您打了 10 位数字，手机号是 11 位')
    chat = await atPhone()
    expect(joined(await chat.say('138123456789'))).toContain('您打了 12 位数字，手机号是 11 位')
  })

  it('in 长者模式 in its plainer words; real mobiles (13–19) are still taken', async () => {
    let chat = await atPhone(true)
    expect(joined(await chat.say('12345678901'))).toContain('这个号不像手机号')
    for (const phone of ['13812345678', '14512345678', '16612345678', '17712345678', '19912345678']) {
      chat = await atPhone()
      expect(joined(await chat.say(phone)), phone).toContain('申请人住在哪个镇（街道）？')
    }
  })

  it('没有手机 打座机 0539-7225566 (no mobile, and the landline in the same reply) takes the landline at once', async () => {
    for (const said of ['没有手机 打座机 0539-7225566', '俺用老年机，座机 0539 7225566']) {
      const chat = await atPhone()
      const reply = joined(await chat.say(said))
      expect(reply, said).toContain('就按座机号 0539-7225566 联系您')
      expect(reply, said).toContain('申请人住在哪个镇（街道）？')
    }
  })

  it('keeps the general words for what is far from a number (1381234, 138)', async () => {
    const chat = await atPhone()
    expect(await chat.say('1381234')).toEqual(['手机号要 11 位数字，以 1 开头，比如 13812345678。请再输一次：'])
  })
})

describe('the name step of the 代办 form, with the phone on the same line', () => {
  /** At the name question of the meal subsidy's 代办 form. */
  async function atName(): Promise<Chat> {
    const chat = await newChat()
    await startItem(chat, '长者食堂助餐补贴申请')
    await chat.say('全部列出')
    await chat.say('3')
    return chat
  }

  it('takes both, says the phone back and asks the town next (手机号是, 电话是 included)', async () => {
    for (const line of ['张德福 13912345678', '俺叫王秀英手机13812345678', '王秀英 手机号是13812345678', '申请人王秀英 电话是13812345678', '姓名：王秀英，电话：13812345678']) {
      const chat = await atName()
      const reply = joined(await chat.say(line))
      expect(reply, line).toMatch(/手机号记下了：13[89]\*\*\*\*5678/)
      expect(reply, line).toContain('住在哪个镇')
      expect(reply, line).not.toContain('请留一个手机号')
      let summary = ''
      for (let i = 0; i < 6 && !summary.includes('请核对'); i++) summary = joined(await chat.say('1'))
      expect(summary, line).toMatch(/申请人：(张德福|王秀英)\n/)
    }
  })

  it('a landline with the name (王秀兰 0539-7211000) takes the name and asks for a mobile; the landline again is taken', async () => {
    const chat = await atName()
    const reply = joined(await chat.say('王秀兰 0539-7211000'))
    expect(reply).toContain('这是座机号')
    expect(reply).toContain('请留一个手机号')
    expect(reply).not.toContain('姓名好像不对')
    expect(joined(await chat.say('0539-7211000'))).toContain('就按座机号 0539-7211000 联系您')
    let summary = ''
    for (let i = 0; i < 6 && !summary.includes('请核对'); i++) summary = joined(await chat.say('1'))
    expect(summary).toContain('申请人：王秀兰\n固定电话：0539-7211000')
  })

  it('a town said with them (王秀英 13812345678 相沟镇) is the town, not part of the name', async () => {
    const chat = await atName()
    const reply = joined(await chat.say('王秀英 13812345678 相沟镇'))
    expect(reply).toContain('是哪个村')
    expect(reply).not.toContain('王秀英相沟镇')
  })
})

describe('the 代办 summary with a landline taken as the phone', () => {
  it('labels it 固定电话 (座机 in 长者模式), not 手机; a mobile stays 手机', async () => {
    for (const elder of [false, true]) {
      const chat = await atPhone(elder)
      await chat.say('0539-7211000')
      await chat.say('0539-7211000')
      let summary = ''
      for (let i = 0; i < 6 && !/请核对|您看看对不对/.test(summary); i++) summary = joined(await chat.say('1'))
      expect(summary, String(elder)).toContain(elder ? '座机：0539-7211000' : '固定电话：0539-7211000')
      expect(summary, String(elder)).not.toContain('手机：')
    }
    const chat = await atPhone()
    await chat.say('13812345678')
    let summary = ''
    for (let i = 0; i < 6 && !summary.includes('请核对'); i++) summary = joined(await chat.say('1'))
    expect(summary).toContain('手机：138****5678')
  })
})

describe('a landline typed at the phone step', () => {
  it('gets one reply (keep it, or leave a mobile), not the no-mobile hint after it as well', async () => {
    const chat = await atPhone()
    const replies = await chat.say('0539-7211234')
    expect(joined(replies)).toContain('这是座机号')
    expect(joined(replies).match(/没有手机的话/g)).toHaveLength(1)
    expect(replies).toHaveLength(1)
  })

  it('电话 0539 7211234 (a label, the area code and spaces) is a landline, kept as 0539-7211234', async () => {
    const chat = await atPhone()
    const reply = joined(await chat.say('电话 0539 7211234'))
    expect(reply).toContain('这是座机号')
    expect(reply).not.toContain('11 位')
    expect(joined(await chat.say('0539 7211234'))).toContain('就按座机号 0539-7211234 联系您')
  })
})
