/**
 * Transcripts of the 代办 collection: name, phone (validated), village, help kind (特办 only for those who
 * cannot come), pick-up or mail, the summary, and the openTicket effect carrying all of it.
 */
import { describe, expect, it } from 'vitest'
import type { Effect, TicketRequest } from '../../src/conversation/types.js'
import { joined, newChat, sayAfresh, startItem, type Chat } from './support.js'

const MEAL = '长者食堂助餐补贴申请'
const DIBAO = '最低生活保障申请'

/** Up to the checklist of the meal subsidy: ID card yes, 户口簿 no, not a special-hardship elder, sent by a child with ID. */
async function mealChecklist(): Promise<Chat> {
  const chat = await newChat()
  await startItem(chat, MEAL)
  for (const answer of ['1', '2', '2', '1']) await chat.say(answer)
  expect(joined(await chat.say('1'))).toContain('【一次性告知单】')
  return chat
}

function ticketOf(effects: Effect[]): TicketRequest {
  const effect = effects.find((e) => e.type === 'openTicket')
  if (effect?.type !== 'openTicket') throw new Error('no openTicket effect')
  return effect.request
}

describe('after the checklist', () => {
  it('answers where to get a material named in a short question, then asks the pending question again', async () => {
    const chat = await mealChecklist()
    const replies = await chat.say('户口本没有咋办')
    // Said to be missing, it is noted first (the list counts it as missing), then where to get it.
    expect(replies[0]).toBe('记下了：户口簿没有。')
    expect(replies[1]).toContain('户口簿：户口簿丢失的到户籍地派出所补办')
    expect(joined(replies)).toContain('1 自己办理')
    expect(joined(replies)).not.toContain('没找到')
    // A question about something else is still a question.
    expect(joined(await chat.say('低保怎么申请'))).toContain('最低生活保障')
  })
})

describe('an option said inside a short reply', () => {
  it('能帮我办吗 picks 申请代办; 还是自己办理吧 picks 自己办理; 自己办不了 picks neither', async () => {
    let chat = await mealChecklist()
    expect(joined(await chat.say('能帮我办吗'))).toContain('请告诉我申请人的姓名')
    chat = await mealChecklist()
    expect(joined(await chat.say('还是自己办理吧'))).toContain('祝您办理顺利')
    chat = await mealChecklist()
    expect(joined(await chat.say('自己办不了'))).not.toContain('祝您办理顺利')
  })
})

describe('代办 asked for before the checklist', () => {
  it('能不能替我办 in the walk starts the form at once (返回 goes back to the walk); the unchecked materials go in the ticket', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    await chat.say('1')
    expect(await chat.say('能不能替我办')).toEqual(['好的，帮您申请代办。请告诉我申请人的姓名：'])
    expect(joined(await chat.say('返回'))).toContain('是否已准备好：共同生活家庭成员户口簿')
    await chat.say('帮俺办吧')
    for (const answer of ['王五', '13612345678', '十字路', '城东社区', '不是', '1']) await chat.say(answer)
    await chat.say('1')
    expect(joined(await chat.say('1'))).toContain('您的代办申请已记录')
    expect(ticketOf(chat.effects).note).toContain('共同生活家庭成员户口簿')
  })

  it('还是替俺办吧 after 自己办理 starts the form; not after 问别的事, which let the item go', async () => {
    const chat = await mealChecklist()
    await chat.say('1')
    expect(await chat.say('还是替俺办吧')).toEqual(['好的，帮您申请代办。请告诉我申请人的姓名：'])
    const other = await mealChecklist()
    await other.say('2')
    expect(joined(await other.say('替俺办'))).not.toContain('申请人的姓名')
  })

  it('an item no agent may do says why and asks the same question again', async () => {
    const chat = await newChat()
    await startItem(chat, '结婚登记')
    const replies = await chat.say('找人办行不行')
    expect(replies[0]).toContain('"结婚登记"不能找人代办，要本人去办。')
    expect(replies[1]).toContain('是否已准备好：双方本人居民身份证')
  })
})

describe('申请代办', () => {
  it('collects name, a valid phone (after a bad one), town then village by number, 特办 for the elderly, pick-up', async () => {
    const chat = await mealChecklist()
    expect(await chat.say('3')).toEqual(['好的，帮您申请代办。请告诉我申请人的姓名：'])
    expect(await chat.say('张秀英')).toEqual(['请留一个手机号，工作人员会打这个电话联系您：'])
    expect(await chat.say('1381234')).toEqual(['手机号要 11 位数字，以 1 开头，比如 13812345678。请再输一次：'])
    const towns = joined(await chat.say('138 1234 5678'))
    expect(towns).toContain('申请人住在哪个镇（街道）？')
    expect(towns).toContain('\n2 大店镇\n')
    expect(joined(await chat.say('2'))).toContain(
      '是哪个村（社区）？回复编号，也可以直接打名字。\n请回复编号：\n1 大店一村\n2 大店二村\n3 庄家店村\n4 其他村（社区），上面没有',
    )
    expect(joined(await chat.say('1'))).toContain('申请人是不是老人、残疾人，或者行动不便、出不了门？')
    const kinds = joined(await chat.say('是的'))
    expect(kinds).toContain('需要哪种帮助？')
    expect(kinds).toContain('特办：上门服务，不用您出门')
    // The item has no mail delivery: straight to the summary, pick-up.
    const summary = joined(await chat.say('特办'))
    expect(summary).toBe(
      [
        '请核对您的代办申请：',
        `事项：${MEAL}`,
        '申请人：张秀英',
        // Masked, as everywhere a phone is shown (138****5678).
        '手机：138****5678',
        '住址：大店镇 大店一村',
        '帮助方式：特办',
        // 特办 is door to door: the result comes back the same way.
        '结果领取：代办员送上门',
        '回复 1 确认提交，2 重新填写，3 不办了',
      ].join('\n'),
    )
    const done = await chat.say('确认')
    expect(done[0]).toBe('收到，正在为您提交……')
    expect(done[1]).toContain('您的代办申请已记录。工作人员会打电话 138****5678 联系您')
    expect(joined(done)).not.toMatch(/编号|DB\d/)

    const ticket = ticketOf(chat.effects)
    expect(ticket).toEqual({
      resident: { channel: 'http', userId: 'resident-1' },
      itemId: expect.any(String),
      itemName: MEAL,
      name: '张秀英',
      phone: '13812345678',
      areaPointId: 'dadian-v1',
      help: '特办',
      delivery: { kind: 'door' },
      materialsReady: ['老人居民身份证', '代办人身份证'],
      materialsMissing: ['户口簿'],
      materialsUnknown: [],
      answers: { 特殊困难老人: '否', 委托他人: '是' },
      note: '申请人是老人、残疾人或行动不便，需要上门服务',
    })
  })

  it('takes a name and a phone typed on one line (labels and commas allowed) and does not ask the phone again', async () => {
    for (const line of ['张秀英 13812345678', '姓名：张秀英，电话：138-1234-5678', '张秀英手机号13812345678']) {
      const chat = await mealChecklist()
      await chat.say('3')
      expect(joined(await chat.say(line)), line).toContain('申请人住在哪个镇（街道）？')
      // 返回 goes back to the name, with the phone forgotten with it.
      expect(await chat.say('返回')).toEqual(['好的，帮您申请代办。请告诉我申请人的姓名：'])
      expect(await chat.say('张秀英')).toEqual(['请留一个手机号，工作人员会打这个电话联系您：'])
    }
    const chat = await mealChecklist()
    await chat.say('3')
    await chat.say('姓名：张秀英，电话：138-1234-5678')
    await chat.say('2')
    await chat.say('1')
    await chat.say('否')
    expect(joined(await chat.say('代办'))).toContain('申请人：张秀英\n手机：138****5678')
  })

  it('at the phone question, a resident without a mobile (a landline, 闺女的号码行吗) learns whose number will do', async () => {
    const chat = await mealChecklist()
    await chat.say('3')
    await chat.say('张秀英')
    // A landline: said to be one, a mobile (a relative's too) asked for (see proxy-tester-replies.test.ts).
    expect((await sayAfresh(chat, '0539-7223456'))[0]).toMatch(/^这是座机号。.*家里人的也行/)
    expect((await sayAfresh(chat, '俺闺女的号码行吗'))[0]).toMatch(/^没有手机的话，留家里人（儿女、亲戚）的手机号也行/)
    expect(joined(await chat.say('13912345678'))).toContain('申请人住在哪个镇（街道）？')
  })

  it('takes a phone typed in a sentence at the phone question, but not two different numbers', async () => {
    const chat = await mealChecklist()
    await chat.say('3')
    await chat.say('张秀英')
    expect(await chat.say('13812345678或者13912345678')).toEqual(['手机号要 11 位数字，以 1 开头，比如 13812345678。请再输一次：'])
    expect(joined(await chat.say('我的手机是13812345678'))).toContain('申请人住在哪个镇（街道）？')
  })

  it('takes a mobile number typed at any step of the form as the ticket\'s phone, says it back masked, asks the step again', async () => {
    const chat = await mealChecklist()
    await chat.say('3')
    // At the name: noted, the name asked again, and the phone step is skipped after it.
    expect(await chat.say('13812345678')).toEqual(['好的，手机号记下了：138****5678', '好的，帮您申请代办。请告诉我申请人的姓名：'])
    expect(joined(await chat.say('张秀英'))).toContain('申请人住在哪个镇（街道）？')
    await chat.say('2')
    await chat.say('1')
    // At a yes/no menu, in a sentence: replaces the number given before.
    expect(await chat.say('电话换成13912345678')).toEqual([
      '好的，手机号记下了：139****5678',
      '申请人是不是老人、残疾人，或者行动不便、出不了门？\n回复 1 是，2 不是',
    ])
    await chat.say('否')
    expect(joined(await chat.say('代办'))).toContain('手机：139****5678')
    // At the summary: the summary again, with the new number.
    const summary = await chat.say('我的手机是 137-0000-1111')
    expect(summary[0]).toBe('好的，手机号记下了：137****1111')
    expect(summary[1]).toContain('申请人：张秀英\n手机：137****1111\n住址：大店镇 大店一村')
    await chat.say('确认')
    expect(ticketOf(chat.effects)).toMatchObject({ name: '张秀英', phone: '13700001111' })
  })

  it('手机号错了 / 改电话 at the summary (no number yet) asks the phone again, then shows the summary with the new one', async () => {
    const chat = await mealChecklist()
    for (const answer of ['3', '张秀英', '13812345678', '2', '1', '否']) await chat.say(answer)
    expect(joined(await chat.say('代办'))).toContain('手机：138****5678')
    for (const wish of ['手机号错了', '我要改电话']) {
      expect(await chat.say(wish), wish).toEqual(['好的，请重新输入手机号，工作人员会打这个电话联系您：'])
      const again = joined(await chat.say('13912345678'))
      expect(again).toContain('请核对您的代办申请')
      expect(again).toContain('手机：139****5678')
    }
    // A number typed at the summary itself still replaces the phone at once.
    const typed = await chat.say('电话改成13712345678')
    expect(typed[0]).toBe('好的，手机号记下了：137****5678')
    expect(typed[1]).toContain('手机：137****5678')
  })

  it('名字写错了 / 电话写错了 / 地址不对 at the summary asks that field again (not a new question), then the summary again', async () => {
    const toSummary = async () => {
      const chat = await mealChecklist()
      for (const answer of ['3', '张秀英', '13812345678', '2', '1', '否']) await chat.say(answer)
      expect(joined(await chat.say('代办'))).toContain('请核对您的代办申请')
      return chat
    }
    let chat = await toSummary()
    expect(await chat.say('名字写错了')).toEqual(['好的，请重新告诉我申请人的姓名：'])
    let summary = joined(await chat.say('张秀兰'))
    expect(summary).toContain('申请人：张秀兰')
    expect(summary).toContain('手机：138****5678')
    expect(summary).toContain('住址：大店镇 大店一村')

    chat = await toSummary()
    expect(await chat.say('电话写错了')).toEqual(['好的，请重新输入手机号，工作人员会打这个电话联系您：'])
    expect(joined(await chat.say('13912345678'))).toContain('手机：139****5678')

    for (const wrong of ['地址不对', '村写错了', '住址错了']) {
      chat = await toSummary()
      const asked = joined(await chat.say(wrong))
      expect(asked, wrong).toContain('好的，请重新选一下：申请人住在哪个镇（街道）？')
      expect(asked, wrong).not.toContain('帮您申请代办')
      await chat.say('十字路')
      summary = joined(await chat.say('城东社区'))
      expect(summary, wrong).toContain('住址：十字路街道 城东社区')
      expect(summary, wrong).toContain('申请人：张秀英')
      await chat.say('1')
      expect(ticketOf(chat.effects).areaPointId, wrong).toBe('shizilu-v1')
    }

    // Something wrong, no field named: the whole form again. 不错 says nothing is wrong.
    chat = await toSummary()
    expect(joined(await chat.say('有个地方写错了'))).toContain('请告诉我申请人的姓名')
    chat = await toSummary()
    expect(joined(await chat.say('不错'))).not.toContain('姓名')
  })

  it('asks a corrected field without the form\'s opening words, also after 帮助 or a bad answer, in 长者模式 and for the mailing address', async () => {
    const chat = await mealChecklist()
    for (const answer of ['3', '张秀英', '13812345678', '2', '1', '否']) await chat.say(answer)
    await chat.say('代办')
    expect(await chat.say('名字写错了')).toEqual(['好的，请重新告诉我申请人的姓名：'])
    expect(await chat.say('帮助')).toContain('好的，请重新告诉我申请人的姓名：')
    expect(await chat.say('你好吗')).toEqual(['姓名好像不对，请只写名字，比如：张三'])
    const summary = joined(await chat.say('张秀兰'))
    expect(summary).toContain('请核对您的代办申请')
    expect(summary).toContain('申请人：张秀兰')
    // 重新填写 does start the form over, with its opening words.
    expect(await chat.say('重新填写')).toEqual(['好的，帮您申请代办。请告诉我申请人的姓名：'])

    const elder = await mealChecklist()
    await elder.say('长者模式')
    for (const answer of ['3', '张秀英', '13812345678', '2', '1', '否']) await elder.say(answer)
    await elder.say('代办')
    expect(await elder.say('名字写错了')).toEqual(['好的，请再打一遍办事的人的名字：'])
    expect(joined(await elder.say('张秀兰'))).toContain('名字：张秀兰')
    expect(await elder.say('电话不对')).toEqual(['好的，手机号再打一遍：'])

    const mailed = await newChat()
    await startItem(mailed, DIBAO)
    for (const answer of ['全部列出', '3', '王五', '13612345678', '十字路', '城东社区', '不是', '1', '邮寄', '3 排 5 号']) await mailed.say(answer)
    expect(await mailed.say('地址写错了')).toEqual([
      '好的，请重新告诉我邮寄地址，写到门牌号，比如：大店镇大店一村 3 排 5 号\n寄到十字路街道 城东社区的，只打门牌号就行，比如：3 排 5 号',
    ])
    const fixed = joined(await mailed.say('4 排 6 号'))
    expect(fixed).toContain('请核对您的代办申请')
    expect(fixed).toContain('结果领取：邮寄：十字路街道 城东社区 4 排 6 号')
  })

  it('姓名写错了 / 号码不对 / 住的地方错了 at a later step of the form asks that field again, then that step again', async () => {
    const chat = await mealChecklist()
    for (const answer of ['3', '张秀英', '13812345678', '大店镇']) await chat.say(answer)
    // At the village question: the name again, with its correction wording, then the villages of the town chosen.
    expect(await chat.say('姓名写错了')).toEqual(['好的，请重新告诉我申请人的姓名：'])
    const back = joined(await chat.say('张秀兰'))
    expect(back).toContain('是哪个村（社区）？')
    expect(back).toContain('大店一村')
    await chat.say('大店一村')
    // At the yes/no question: the phone, asked again however the resident answers it badly or asks for help.
    expect(await chat.say('号码不对')).toEqual(['好的，请重新输入手机号，工作人员会打这个电话联系您：'])
    expect(await chat.say('138')).toEqual(['手机号要 11 位数字，以 1 开头，比如 13812345678。请再输一次：'])
    expect(joined(await chat.say('帮助'))).toContain('好的，请重新输入手机号')
    expect(joined(await chat.say('13912345678'))).toContain('申请人是不是老人、残疾人')
    // 地址 before any mailing address is where the applicant lives.
    expect(joined(await chat.say('住的地方错了'))).toContain('好的，请重新选一下：申请人住在哪个镇（街道）？')
    await chat.say('十字路')
    expect(joined(await chat.say('城东社区'))).toContain('申请人是不是老人、残疾人')
    await chat.say('否')
    const summary = joined(await chat.say('代办'))
    expect(summary).toContain('申请人：张秀兰\n手机：139****5678\n住址：十字路街道 城东社区')
  })

  it('at a later step, a reply naming the step\'s own option or a field not given yet is read by the step', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    for (const answer of ['全部列出', '3', '王五', '13612345678', '十字路', '城东社区', '不是', '1']) await chat.say(answer)
    // 改成邮寄到家 names an option of 结果怎么拿: not a fix of the (not yet given) mailing address.
    expect(joined(await chat.say('改成邮寄到家'))).toContain('请告诉我邮寄地址')
    // While the name is asked again, 电话也错了 is no name, and no second fix.
    expect(await chat.say('名字错了')).toEqual(['好的，请重新告诉我申请人的姓名：'])
    expect(await chat.say('电话也错了')).toEqual(['姓名好像不对，请只写名字，比如：张三'])
    expect(joined(await chat.say('王小五'))).toContain('请告诉我邮寄地址')
  })

  it('takes the right name said with the correction (姓名错了，应该叫…), at the summary and at a later step', async () => {
    const chat = await mealChecklist()
    for (const answer of ['3', '张秀英']) await chat.say(answer)
    expect(await chat.say('名字不对 是李小四')).toEqual(['请留一个手机号，工作人员会打这个电话联系您：'])
    for (const answer of ['13812345678', '2', '1', '否']) await chat.say(answer)
    expect(joined(await chat.say('代办'))).toContain('申请人：李小四')
    const summary = joined(await chat.say('姓名错了，应该叫王秀兰'))
    expect(summary).toContain('请核对您的代办申请')
    expect(summary).toContain('申请人：王秀兰')
  })

  it('in 长者模式, a field fixed at a later step is asked with the elder correction wording', async () => {
    const chat = await mealChecklist()
    await chat.say('长者模式')
    for (const answer of ['3', '张秀英', '13812345678']) await chat.say(answer)
    expect(await chat.say('名字打错了')).toEqual(['好的，请再打一遍办事的人的名字：'])
    expect(joined(await chat.say('张秀兰'))).toContain('您住哪个镇？')
  })

  it('不晓得 at the town says a village name will do; 不清楚 at the villages sends it to the town\'s centre', async () => {
    const chat = await mealChecklist()
    for (const answer of ['3', '张秀英', '13812345678']) await chat.say(answer)
    const town = await chat.say('俺不晓得')
    expect(town[0]).toMatch(/^不知道是哪个镇（街道）的话，直接打村（社区）的名字也行/)
    await chat.say('大店镇')
    expect(joined(await chat.say('记不清'))).toContain('申请人是不是老人、残疾人')
    for (const answer of ['否']) await chat.say(answer)
    const summary = joined(await chat.say('代办'))
    expect(summary).toContain('住址：大店镇')
  })

  it('at the address step, takes the house number and a phone typed with it', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    for (const answer of ['全部列出', '3', '王五', '13612345678', '十字路', '城东社区', '不是', '1', '邮寄']) await chat.say(answer)
    const summary = joined(await chat.say('3 排 5 号，电话 13912345678'))
    expect(summary).toContain('手机：139****5678')
    expect(summary).toContain('结果领取：邮寄：十字路街道 城东社区 3 排 5 号')
    // A number with words that are no address: noted, the address asked again.
    const other = await newChat()
    await startItem(other, DIBAO)
    for (const answer of ['全部列出', '3', '王五', '13612345678', '十字路', '城东社区', '不是', '1', '邮寄']) await other.say(answer)
    const again = await other.say('手机号换成13912345678')
    expect(again[0]).toBe('好的，手机号记下了：139****5678')
    expect(again[1]).toContain('请告诉我邮寄地址')
  })

  it('numbers each help kind the same for every item, leaving a kind not offered out of use', async () => {
    // 长者食堂 offers 帮办, 代办 and 特办: for one who cannot come, 4 is 特办 as for every item, and 3 (领办) is no option.
    const chat = await mealChecklist()
    for (const answer of ['3', '张秀英', '13812345678', '2', '1']) await chat.say(answer)
    expect(joined(await chat.say('是的'))).toMatch(/1 帮办：.*\n2 代办：.*\n4 特办：/)
    expect(joined(await chat.say('3'))).toContain('没有这个编号')
    expect(joined(await chat.say('4'))).toContain('帮助方式：特办')
    // 低保 offers all four: 2 is 代办 there too.
    const dibao = await newChat()
    await startItem(dibao, DIBAO)
    for (const answer of ['全部列出', '3', '王五', '13612345678', '十字路', '城东社区']) await dibao.say(answer)
    expect(joined(await dibao.say('不是'))).toMatch(/1 帮办：.*\n2 代办：.*\n3 领办：/)
    await dibao.say('2')
    expect(joined(await dibao.say('1'))).toContain('帮助方式：代办')
  })

  it('takes 上门, 上门办, 到家里来 (and a short sentence asking for it) as 特办, but not 不用上门', async () => {
    const atKinds = async () => {
      const chat = await mealChecklist()
      for (const answer of ['3', '张秀英', '13812345678', '2', '1']) await chat.say(answer)
      expect(joined(await chat.say('是的'))).toContain('需要哪种帮助？')
      return chat
    }
    for (const reply of ['上门', '上门办', '到家里来', '能不能上门来办', '到家里来办吧']) {
      const chat = await atKinds()
      expect(joined(await chat.say(reply)), reply).toContain('帮助方式：特办')
    }
    const chat = await atKinds()
    expect(joined(await chat.say('不用上门'))).not.toContain('帮助方式')
  })

  it('does not offer 特办 to someone who can come, and takes a village typed by name', async () => {
    const chat = await mealChecklist()
    await chat.say('申请代办')
    await chat.say('李四')
    await chat.say('13912345678')
    expect(joined(await chat.say('我是坊前镇后石沟村的'))).toContain('申请人是不是老人')
    const kinds = joined(await chat.say('不是'))
    expect(kinds).not.toContain('特办')
    expect(kinds).toMatch(/1 帮办：.*\n2 代办：/)
    await chat.say('2')
    await chat.say('1')
    expect(ticketOf(chat.effects)).toMatchObject({ areaPointId: 'fangqian-v2', help: '代办', delivery: { kind: 'pickup' } })
    expect(ticketOf(chat.effects).note).toBeUndefined()
  })

  it('takes a bare town name at the town question as the town, even when a village shares it (坊前 → 坊前镇, not 坊前村)', async () => {
    const chat = await mealChecklist()
    await chat.say('申请代办')
    await chat.say('李四')
    await chat.say('13912345678')
    expect(joined(await chat.say('坊前'))).toContain('是哪个村（社区）？')
    expect(joined(await chat.say('坊前村'))).toContain('申请人是不是老人')
    await chat.say('不是')
    await chat.say('2')
    await chat.say('1')
    const ticket = ticketOf(chat.effects)
    expect(ticket.areaPointId).toBe('fangqian-v1')
  })

  it('mails the result to an address when the item allows it (after an address too short to deliver to)', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    await chat.say('全部列出')
    await chat.say('3')
    await chat.say('王五')
    await chat.say('13612345678')
    await chat.say('十字路')
    await chat.say('城东社区')
    // Each kind keeps its number for every item: 1 帮办, 2 代办, 3 领办 (4 特办 only for those who cannot come).
    expect(joined(await chat.say('不是'))).toMatch(/1 帮办：.*\n2 代办：.*\n3 领办：/)
    expect(joined(await chat.say('3'))).toContain('办好以后，结果怎么拿？\n回复 1 自己去取，2 邮寄到家')
    expect(joined(await chat.say('邮寄'))).toContain('请告诉我邮寄地址')
    expect(await chat.say('城东')).toEqual(['地址太短了，请写到门牌号，比如：大店镇大店一村 3 排 5 号\n寄到十字路街道 城东社区的，只打门牌号就行，比如：3 排 5 号'])
    const summary = joined(await chat.say('十字路街道城东社区 8 号楼 2 单元 301'))
    expect(summary).toContain('住址：十字路街道 城东社区')
    expect(summary).toContain('结果领取：邮寄：十字路街道城东社区 8 号楼 2 单元 301')
    await chat.say('1')
    const ticket = ticketOf(chat.effects)
    expect(ticket.delivery).toEqual({ kind: 'mail', address: '十字路街道城东社区 8 号楼 2 单元 301' })
    expect(ticket.areaPointId).toBe('shizilu-v1')
    // 全部列出 skipped the walk: the worker learns which materials nobody checked.
    expect(ticket.materialsReady).toEqual([])
    // The 授权书 is filled in at the window (窗口提供): nothing to check, so not in the note.
    expect(ticket.note).toMatch(/^未和居民核对的材料：申请人居民身份证/)
    expect(ticket.note).not.toContain('授权书')
  })

  it('does not ask again for the village given a step before: the house number alone is mailed there', async () => {
    const toAddress = async () => {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      for (const answer of ['全部列出', '3', '王五', '13612345678', '十字路', '城东社区', '不是', '1']) await chat.say(answer)
      return chat
    }
    const chat = await toAddress()
    expect(await chat.say('邮寄')).toEqual([
      '请告诉我邮寄地址，写到门牌号，比如：大店镇大店一村 3 排 5 号\n寄到十字路街道 城东社区的，只打门牌号就行，比如：3 排 5 号',
    ])
    // A stray 1 is no house number.
    expect(joined(await chat.say('1'))).toContain('地址太短了')
    expect(joined(await chat.say('3 排 5 号'))).toContain('结果领取：邮寄：十字路街道 城东社区 3 排 5 号')
    await chat.say('1')
    expect(ticketOf(chat.effects).delivery).toEqual({ kind: 'mail', address: '十字路街道 城东社区 3 排 5 号' })
    // A place in the village without a number, and an address elsewhere, typed in full.
    for (const [typed, mailed] of [['村东头第三家', '十字路街道 城东社区 村东头第三家'], ['县城人民路 12 号', '县城人民路 12 号']]) {
      const other = await toAddress()
      await other.say('邮寄')
      expect(joined(await other.say(typed!)), typed).toContain(`结果领取：邮寄：${mailed}`)
    }
  })

  it('for 特办 offers the result brought to the door (or mailed), not 自己去取', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    for (const answer of ['全部列出', '3', '王五', '13612345678', '十字路', '城东社区']) await chat.say(answer)
    // Said to be unable to come: 特办 is offered too, under its own number 4, as for every item.
    expect(joined(await chat.say('是'))).toMatch(/需要哪种帮助？\n请回复编号：\n1 帮办：.*\n2 代办：.*\n3 领办：.*\n4 特办：/)
    expect(joined(await chat.say('4'))).toContain('办好以后，结果怎么拿？\n回复 1 代办员送上门，2 邮寄到家')
    expect(joined(await chat.say('1'))).toContain('结果领取：代办员送上门')
  })

  it('代办 for someone who cannot come, brought to the door: the ticket says door, as the resident was told', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    for (const answer of ['全部列出', '3', '王五', '13612345678', '十字路', '城东社区', '是', '2']) await chat.say(answer)
    expect(joined(await chat.say('1'))).toContain('结果领取：代办员送上门')
    await chat.say('1')
    expect(ticketOf(chat.effects)).toMatchObject({ help: '代办', delivery: { kind: 'door' } })
  })

  it('重新填写 starts the form again; 不办了 ends without a ticket', async () => {
    const chat = await mealChecklist()
    for (const answer of ['3', '赵六', '13712345678', '2', '2', '不是', '1']) await chat.say(answer)
    expect(joined(await chat.say('重新填写'))).toContain('请告诉我申请人的姓名')
    for (const answer of ['赵七', '13712345679', '2', '3', '不是', '2']) await chat.say(answer)
    const summary = joined(await chat.say('3'))
    expect(summary).toContain('代办申请没有提交')
    expect(chat.effects.some((e) => e.type === 'openTicket')).toBe(false)
  })

  it('重新填写 after a name and phone typed on one line asks the phone again, and submits the new one', async () => {
    const chat = await mealChecklist()
    for (const answer of ['3', '赵六 13712345678', '2', '2', '不是', '1']) await chat.say(answer)
    await chat.say('重新填写')
    expect(await chat.say('赵六')).toEqual(['请留一个手机号，工作人员会打这个电话联系您：'])
    for (const answer of ['13805391112', '2', '2', '不是', '1']) await chat.say(answer)
    expect(joined(await chat.say('1'))).toContain('已记录')
    expect(ticketOf(chat.effects).phone).toBe('13805391112')
  })

  it('不办了 mid-form ends it without a ticket and is never taken for a name', async () => {
    for (const line of ['不办了', '算了不办了', '不申请了']) {
      const chat = await mealChecklist()
      await chat.say('3')
      expect(await chat.say(line), line).toEqual(['好的，这件事先不办了。以后想办，随时来问我。\n说错了的话，回复"返回"。'])
      expect(chat.effects.some((e) => e.type === 'openTicket')).toBe(false)
      // Nothing is pending: the next message is a new question.
      expect(joined(await chat.say('低保怎么申请'))).toContain(DIBAO)
    }
  })

  it('不想办了 said by mistake mid-form is undone by 返回: the name given is still there; at the start there is nothing to undo', async () => {
    const chat = await mealChecklist()
    for (const answer of ['3', '张秀英']) await chat.say(answer)
    expect((await chat.say('不想办了'))[0]).toContain('说错了的话，回复"返回"。')
    expect(await chat.say('返回')).toEqual(['请留一个手机号，工作人员会打这个电话联系您：'])
    for (const answer of ['13712345678', '2', '2', '不是']) await chat.say(answer)
    expect(joined(await chat.say('1'))).toContain('申请人：张秀英')

    // At the start nothing is under way: nothing to stop, and what to do instead.
    const fresh = await newChat()
    expect(await fresh.say('算了吧')).toEqual(['好的。您现在没有在办的事，也没有要取消的代办申请。有别的事，请直接告诉我要办什么，比如：低保怎么申请'])
  })

  it('takes the name after 俺叫 / 我是, and refuses a town or a service word as a name', async () => {
    for (const [line, name] of [['俺叫刘秀英', '刘秀英'], ['我是张三', '张三'], ['名字叫王五', '王五']]) {
      const chat = await mealChecklist()
      await chat.say('3')
      expect(await chat.say(line!), line).toEqual(['请留一个手机号，工作人员会打这个电话联系您：'])
      for (const answer of ['13712345678', '2', '2', '不是', '1']) await chat.say(answer)
      expect(joined(await chat.say('1'))).toContain('已记录')
      expect(ticketOf(chat.effects).name).toBe(name)
    }
    const chat = await mealChecklist()
    await chat.say('3')
    for (const line of ['坊前', '代办']) expect(await sayAfresh(chat, line), line).toEqual(['姓名好像不对，请只写名字，比如：张三'])
    // 算了 alone is 不办了 (vocabulary.yaml commands.cancel): nothing is submitted, and it is no name either.
    expect(await chat.say('算了')).toEqual(['好的，这件事先不办了。以后想办，随时来问我。\n说错了的话，回复"返回"。'])
  })

  it('an invalid name is asked again; a question typed as a name is offered as a switch', async () => {
    const chat = await mealChecklist()
    await chat.say('3')
    expect(await chat.say('123')).toEqual(['姓名好像不对，请只写名字，比如：张三'])
    expect(joined(await chat.say('水电气热过户'))).toContain('您是想问"水电气热过户"吗？')
    expect(joined(await chat.say('不是'))).toContain('请告诉我申请人的姓名')
  })

  it('brings the result to the door for 代办 when the applicant cannot go out, not 自己去取', async () => {
    const chat = await mealChecklist()
    for (const text of ['3', '张秀英', '13812345678', '2', '1', '是的']) await chat.say(text)
    const summary = joined(await chat.say('代办'))
    expect(summary).toContain('帮助方式：代办')
    expect(summary).toContain('结果领取：代办员送上门')
  })

  it('answers 要钱不 typed where the name is asked, never taking it for the name', async () => {
    const chat = await mealChecklist()
    await chat.say('3')
    const replies = joined(await chat.say('要钱不'))
    expect(replies).toContain('不收费')
    expect(replies).toContain('姓名')
    expect(await chat.say('张秀英')).toEqual(['请留一个手机号，工作人员会打这个电话联系您：'])
  })

  it('does not take a phone number written in characters for the applicant’s name', async () => {
    const chat = await mealChecklist()
    await chat.say('3')
    // A mobile number typed a step early: the phone (masked), and the name asked again.
    expect(await chat.say('幺三八一二三四五六七八')).toEqual(['好的，手机号记下了：138****5678', '好的，帮您申请代办。请告诉我申请人的姓名：'])
  })

  it('takes a name typed with spaces; a sentence, 好的 or digits are asked for the name alone', async () => {
    const chat = await mealChecklist()
    await chat.say('3')
    // 大店镇 and its villages are where the applicant lives (asked next), not a name.
    for (const notName of ['我是他闺女', '俺不知道咋填', '好的', '李四138', '大店镇', '大店镇大店一村']) {
      expect(await sayAfresh(chat, notName), notName).toEqual(['姓名好像不对，请只写名字，比如：张三'])
    }
    expect(await chat.say('王 秀英')).toEqual(['请留一个手机号，工作人员会打这个电话联系您：'])
    for (const answer of ['13912345678', '大店一村', '不是']) await chat.say(answer)
    expect(joined(await chat.say('2'))).toContain('申请人：王秀英\n')
    await chat.say('1')
    expect(ticketOf(chat.effects).name).toBe('王秀英')
  })

  it('人工 in the middle of the form gives the numbers, then asks the pending question again', async () => {
    const chat = await mealChecklist()
    await chat.say('3')
    await chat.say('李四')
    const replies = await chat.say('转人工')
    expect(replies).toHaveLength(2)
    expect(replies[0]).toContain('拨打 12345 政务服务便民热线')
    expect(replies[1]).toBe('也可以接着在这里办：\n请留一个手机号，工作人员会打这个电话联系您：')
    expect(chat.effects.at(-1)).toMatchObject({ type: 'handoff', reason: expect.stringContaining('proxy_phone') })
    expect(joined(await chat.say('13912345678'))).toContain('申请人住在哪个镇')
  })

  it('人工 where the resident asks a new question has nothing pending to repeat', async () => {
    const chat = await newChat()
    const replies = await chat.say('人工')
    expect(replies).toHaveLength(1)
    expect(replies[0]).toContain('拨打 12345 政务服务便民热线')
  })

  it('after 确认提交 leaves the collection: a stray 1, 好的, 帮助 or 返回 neither submits again nor says it is submitting', async () => {
    const chat = await mealChecklist()
    for (const answer of ['3', '李四', '13912345678', '大店一村', '不是', '2']) await chat.say(answer)
    expect(joined(await chat.say('1'))).toContain('收到，正在为您提交……')
    const again = '这份代办申请已经提交过了，不用再确认。工单号和进度，请回复"我的进度"查看。还有别的事，请直接说要办什么，比如：低保怎么申请'
    expect(await chat.say('1')).toEqual([again])
    expect(await chat.say('1')).toEqual([again])
    expect(await chat.say('好的')).toEqual([again])
    expect(await chat.say('帮助')).toEqual([expect.stringContaining('使用说明'), again])
    // 返回 cannot reopen the filled-in summary (then 确认 would submit a second ticket).
    expect(await chat.say('返回')).toEqual(['已经是第一步了。', again])
    // 确认 is now just text (no summary to confirm): taken as a question, nothing submitted.
    expect(joined(await chat.say('确认'))).not.toContain('正在为您提交')
    expect(joined(await chat.say('我的进度'))).toContain('现在没有正在核对材料的事项。')
    expect(joined([...(await chat.say('你好'))])).not.toContain('正在为您提交')
    expect(chat.effects.filter((e) => e.type === 'openTicket')).toHaveLength(1)
    // A new question starts fresh.
    expect(joined(await chat.say(DIBAO))).toContain(DIBAO)
  })

  it('返回 after a new question that found nothing, once a request was submitted, does not say it is submitting again', async () => {
    const chat = await mealChecklist()
    for (const answer of ['3', '李四', '13912345678', '大店一村', '不是', '2']) await chat.say(answer)
    expect(joined(await chat.say('1'))).toContain('收到，正在为您提交……')
    expect(joined(await chat.say('今天天气咋样'))).toContain('没找到')
    const back = joined(await chat.say('返回'))
    expect(back).not.toContain('正在为您提交')
    expect(back).toContain('已经提交过了')
    expect(back).toContain('我的进度')
    expect(chat.effects.filter((e) => e.type === 'openTicket')).toHaveLength(1)
  })

  it('after 确认提交, another 确认 / 确定 / 提交 / 确认提交 is an acknowledgement: the same re-prompt, no 没找到, no 转人工 on a following 1', async () => {
    const chat = await mealChecklist()
    for (const answer of ['3', '李四', '13912345678', '大店一村', '不是', '2']) await chat.say(answer)
    expect(joined(await chat.say('确认'))).toContain('收到，正在为您提交……')
    const again = '这份代办申请已经提交过了，不用再确认。工单号和进度，请回复"我的进度"查看。还有别的事，请直接说要办什么，比如：低保怎么申请'
    for (const ack of ['确认', '确定', '提交', '确认提交', '确认。', '好的', '知道了']) expect(await chat.say(ack), ack).toEqual([again])
    expect(await chat.say('1')).toEqual([again])
    expect(chat.effects.some((e) => e.type === 'handoff' || e.type === 'unmatched')).toBe(false)
    expect(chat.effects.filter((e) => e.type === 'openTicket')).toHaveLength(1)
  })

  it('after 确认提交, thanks and goodbyes with 不用了 / 知道了 (好的谢谢 不用了, 行了 知道了) get a short closing, not 没找到', async () => {
    const chat = await mealChecklist()
    for (const answer of ['3', '李四', '13912345678', '大店一村', '不是', '2']) await chat.say(answer)
    expect(joined(await chat.say('确认'))).toContain('收到，正在为您提交……')
    const bye = ['好的，再见！以后有事随时来问我。']
    for (const reply of ['好的谢谢 不用了', '行了 知道了', '谢谢 再见', '好的，谢谢，不用了']) expect(await chat.say(reply), reply).toEqual(bye)
    for (const reply of ['好的 谢谢', '知道了 谢谢']) expect(await chat.say(reply), reply).toEqual(['不客气！还有别的事，直接告诉我就行。'])
    expect(chat.effects.some((e) => e.type === 'unmatched')).toBe(false)
    // A question with such words is still a question.
    expect(joined(await chat.say('谢谢 低保怎么申请'))).toContain(DIBAO)
  })

  it('after 自己办理 (and at the start), a bare 确认 / 好的 / 谢谢 is not a question for the matcher', async () => {
    const chat = await mealChecklist()
    expect(joined(await chat.say('1'))).toContain('祝您办理顺利')
    const more = '还有别的事，直接告诉我要办什么事，比如：低保怎么申请'
    for (const ack of ['确认', '确定', '好的', '知道了']) expect(await chat.say(ack), ack).toEqual([more])
    for (const ack of ['确认', '确定', '好的', '知道了', '谢谢']) {
      const reply = joined(await chat.say(ack))
      expect(reply, ack).not.toContain('没找到')
      expect(reply, ack).not.toContain('转人工')
    }
    expect(chat.effects.some((e) => e.type === 'handoff' || e.type === 'unmatched')).toBe(false)
    const fresh = await newChat()
    for (const ack of ['确认', '好的', '谢谢']) expect(joined(await fresh.say(ack)), ack).not.toContain('没找到')
    expect(fresh.effects.some((e) => e.type === 'unmatched')).toBe(false)
  })
})

describe('materials the resident never answered', () => {
  it('are neither ready nor missing after 全部列出 (kept apart, and named in the note)', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    await chat.say('全部列出')
    for (const answer of ['3', '王五', '13612345678', '十字路', '城东社区', '不是', '1', '1', '1']) await chat.say(answer)
    const ticket = ticketOf(chat.effects) as TicketRequest & { materialsUnknown: string[] }
    expect(ticket.materialsReady).toEqual([])
    expect(ticket.materialsMissing).toEqual([])
    expect(ticket.materialsUnknown.length).toBeGreaterThan(1)
    expect(ticket.materialsUnknown).toContain('申请人居民身份证')
    expect(ticket.note).toBe(`未和居民核对的材料：${ticket.materialsUnknown.join('、')}`)
  })

  it('keeps the answered ones when 全部列出 cuts the walk short', async () => {
    const chat = await newChat()
    await startItem(chat, MEAL)
    for (const answer of ['1', '2']) await chat.say(answer)
    await chat.say('全部列出')
    for (const answer of ['3', '李四', '13912345678', '大店一村', '不是', '2', '1']) await chat.say(answer)
    const ticket = ticketOf(chat.effects) as TicketRequest & { materialsUnknown: string[] }
    expect(ticket.materialsReady).toEqual(['老人居民身份证'])
    expect(ticket.materialsMissing).toEqual(['户口簿'])
    expect(ticket.materialsUnknown).not.toContain('老人居民身份证')
    expect(ticket.materialsUnknown).not.toContain('户口簿')
    expect(ticket.materialsUnknown.length).toBeGreaterThan(0)
    expect(ticket.note).toContain(`未和居民核对的材料：${ticket.materialsUnknown.join('、')}`)
  })
})

describe('the town / village question of the 代办 form', () => {
  /** At the town question of the meal subsidy's 代办 form. */
  async function atTownQuestion(): Promise<Chat> {
    const chat = await mealChecklist()
    for (const answer of ['申请代办', '李四', '13912345678']) await chat.say(answer)
    return chat
  }

  /** Past the area question: answers 不是 (not special) and 代办, then submits; the ticket's village. */
  async function submittedVillage(chat: Chat): Promise<string> {
    for (const answer of ['不是', '2', '1']) await chat.say(answer)
    return ticketOf(chat.effects).areaPointId
  }

  it('says a place outside the county (临沂市兰山区, 北京) cannot be served here and where to turn, then asks again', async () => {
    const outside = '这里只能给本县的镇（街道）、村（社区）申请代办。\n申请人不住在本县的，请回复"人工"，或打 12345 政务服务便民热线，问问当地怎么办。'
    for (const place of ['临沂市兰山区', '北京', '我在北京']) {
      const chat = await atTownQuestion()
      const reply = await chat.say(place)
      expect(reply[0], place).toMatch(new RegExp(`^${outside}\\n申请人住在哪个镇（街道）？`))
      expect(reply[0], place).not.toContain('没找到')
    }
    // At a town's village question, 北京 is no village left off the list.
    const chat = await atTownQuestion()
    await chat.say('大店镇')
    expect(joined(await chat.say('北京'))).toContain(outside)
    // Our own county is no elsewhere.
    expect(joined(await (await atTownQuestion()).say('莒南县'))).not.toContain('不住在本县')
  })

  it('takes a town named after the county (莒南县大店镇, 莒南县大店镇庄家店村): the county adds nothing', async () => {
    let chat = await atTownQuestion()
    const reply = joined(await chat.say('莒南县大店镇'))
    expect(reply).not.toContain('没找到')
    expect(reply).toContain('1 大店一村')
    chat = await atTownQuestion()
    expect(joined(await chat.say('莒南县大店镇庄家店村'))).toContain('申请人是不是老人')
    expect(await submittedVillage(chat)).toBe('dadian-v3')
  })

  it('takes a town said in a sentence (我是坊前的, 俺家在大店) and asks its village', async () => {
    let chat = await atTownQuestion()
    let reply = joined(await chat.say('我是坊前的'))
    expect(reply).not.toContain('没找到')
    expect(reply).toContain('是哪个村（社区）？')
    expect(reply).toContain('后石沟村')
    chat = await atTownQuestion()
    reply = joined(await chat.say('俺家在大店'))
    expect(reply).not.toContain('没找到')
    expect(reply).toContain('是哪个村（社区）？回复编号，也可以直接打名字。\n请回复编号：\n1 大店一村\n2 大店二村\n3 庄家店村')
    expect(joined(await chat.say('3'))).toContain('申请人是不是老人')
    expect(await submittedVillage(chat)).toBe('dadian-v3')
  })

  it('at the village question of one town, another town said in a sentence changes the town', async () => {
    const chat = await atTownQuestion()
    await chat.say('大店镇')
    const reply = joined(await chat.say('我是坊前的'))
    expect(reply).not.toContain('没找到')
    expect(reply).toContain('是哪个村（社区）？')
    expect(reply).toContain('后石沟村')
    expect(reply).not.toContain('大店一村')
    expect(joined(await chat.say('后石沟村'))).toContain('申请人是不是老人')
    expect(await submittedVillage(chat)).toBe('fangqian-v2')
  })

  it('at 其他村, a reply that is no village name (代办, 好的) is asked again; 不知道 goes on without one', async () => {
    const chat = await mealChecklist()
    for (const answer of ['3', '张秀英', '13712345678', '2']) await chat.say(answer)
    expect(joined(await chat.say('4'))).toContain('请打村（社区）的名字')
    for (const line of ['代办', '好的']) expect(joined(await chat.say(line)), line).toContain('没找到这个地方。\n请打村（社区）的名字')
    expect(joined(await chat.say('不知道'))).toContain('申请人是不是老人、残疾人')
  })

  it('a village two towns share (南岭村) asks which one, numbered; a number or the town picks it', async () => {
    let chat = await atTownQuestion()
    const reply = joined(await chat.say('南岭村'))
    expect(reply).not.toContain('没找到')
    expect(reply).toMatch(/1 文疃镇 南岭村[，\n]2 涝坡镇 南岭村$|1 涝坡镇 南岭村[，\n]2 文疃镇 南岭村$/)
    const laopo = reply.includes('1 涝坡镇 南岭村') ? '1' : '2'
    expect(joined(await chat.say(laopo))).toContain('申请人是不是老人')
    expect(await submittedVillage(chat)).toBe('laopo-v2')

    chat = await atTownQuestion()
    await chat.say('南岭')
    expect(joined(await chat.say('文疃'))).toContain('申请人是不是老人')
    expect(await submittedVillage(chat)).toBe('wentuan-v3')
  })

  it('a village named with its town (文疃镇南岭村) is taken at once; at a town\'s village question, its own 南岭村', async () => {
    let chat = await atTownQuestion()
    expect(joined(await chat.say('文疃镇南岭村'))).toContain('申请人是不是老人')
    expect(await submittedVillage(chat)).toBe('wentuan-v3')

    chat = await atTownQuestion()
    await chat.say('涝坡')
    expect(joined(await chat.say('南岭村'))).toContain('申请人是不是老人')
    expect(await submittedVillage(chat)).toBe('laopo-v2')
  })

  it('keeps what worked: 坊前镇坊前村 and 大店镇大店一村 straight through; 坊前 at 坊前镇\'s village question is 坊前村', async () => {
    for (const [text, id] of [['坊前镇坊前村', 'fangqian-v1'], ['大店镇大店一村', 'dadian-v1']] as const) {
      const chat = await atTownQuestion()
      expect(joined(await chat.say(text)), text).toContain('申请人是不是老人')
      expect(await submittedVillage(chat)).toBe(id)
    }
    const chat = await atTownQuestion()
    expect(joined(await chat.say('坊前'))).toContain('是哪个村（社区）？')
    expect(joined(await chat.say('坊前'))).toContain('申请人是不是老人')
    expect(await submittedVillage(chat)).toBe('fangqian-v1')
  })

  it('a village typed after the town was chosen that only other towns list (西山村 at 坊前镇) asks which, never moves the town silently', async () => {
    let chat = await atTownQuestion()
    await chat.say('坊前')
    const reply = joined(await chat.say('西山村'))
    expect(reply).toContain('坊前镇的村（社区）名单上没有西山村，别的镇（街道）有。是哪一个？')
    expect(reply).toMatch(/1 岭泉镇 西山村\n2 就是坊前镇的西山村（名单上没有）$/)
    expect(reply).not.toContain('申请人是不是老人')
    // The last option (or the chosen town's name) keeps 坊前镇: its centre takes the ticket, the village in the note.
    expect(joined(await chat.say('2'))).toContain('申请人是不是老人')
    await chat.say('不是')
    expect(joined(await chat.say('2'))).toContain('住址：坊前镇 西山村')
    await chat.say('1')
    let ticket = ticketOf(chat.effects)
    expect(ticket.areaPointId).toBe('fangqian-center')
    expect(ticket.village).toBe('西山村')

    chat = await atTownQuestion()
    await chat.say('坊前')
    await chat.say('西山')
    expect(joined(await chat.say('坊前镇'))).toContain('申请人是不是老人')
    expect(await submittedVillage(chat)).toBe('fangqian-center')

    // The other town's village, by number or by its town's name.
    chat = await atTownQuestion()
    await chat.say('坊前')
    await chat.say('西山村')
    expect(joined(await chat.say('1'))).toContain('申请人是不是老人')
    await chat.say('不是')
    expect(joined(await chat.say('2'))).toContain('住址：岭泉镇 西山村')
    await chat.say('1')
    ticket = ticketOf(chat.effects)
    expect(ticket.areaPointId).toBe('lingquan-v2')
    chat = await atTownQuestion()
    await chat.say('坊前')
    await chat.say('西山村')
    await chat.say('岭泉')
    expect(await submittedVillage(chat)).toBe('lingquan-v2')

    // Named with its town (岭泉镇西山村), the town is changed as the resident said.
    chat = await atTownQuestion()
    await chat.say('坊前')
    expect(joined(await chat.say('岭泉镇西山村'))).toContain('申请人是不是老人')
    expect(await submittedVillage(chat)).toBe('lingquan-v2')
  })

  it('asked whether 西山村 is another town\'s: 不是 / 不知道 keep the chosen town; another town\'s village typed then is asked about too', async () => {
    for (const answer of ['不是', '不知道']) {
      const chat = await atTownQuestion()
      await chat.say('坊前')
      await chat.say('西山村')
      expect(joined(await chat.say(answer)), answer).toContain('申请人是不是老人')
      expect(await submittedVillage(chat)).toBe('fangqian-center')
    }
    const chat = await atTownQuestion()
    await chat.say('坊前')
    await chat.say('西山村')
    const reply = joined(await chat.say('东山村'))
    expect(reply).toContain('坊前镇的村（社区）名单上没有东山村')
    expect(reply).not.toContain('申请人是不是老人')
    expect(joined(await chat.say('2'))).toContain('申请人是不是老人')
    expect(await submittedVillage(chat)).toBe('fangqian-center')
  })

  it('a village of another town typed after the town was taken from earlier (相沟镇, then 黄家庄村) asks which too', async () => {
    const chat = await newChat()
    await chat.say('相沟镇低保怎么办')
    await chat.say('1')
    await chat.say('全部列出')
    for (const answer of ['3', '王五', '13612345678']) await chat.say(answer)
    const reply = joined(await chat.say('黄家庄村'))
    expect(reply).toContain('相沟镇的村（社区）名单上没有黄家庄村')
    expect(reply).toContain('1 岭泉镇 黄家庄村')
    expect(reply).not.toContain('申请人是不是老人')
    expect(joined(await chat.say('2'))).toContain('申请人是不是老人')
    for (const answer of ['不是', '1', '1']) await chat.say(answer)
    expect(joined(await chat.say('1'))).toContain('您的代办申请已记录')
    expect(ticketOf(chat.effects).areaPointId).toBe('xianggou-center')
    expect(ticketOf(chat.effects).village).toBe('黄家庄村')
  })

  it('an unknown place is not found; a real question is offered as a switch', async () => {
    const chat = await atTownQuestion()
    expect(joined(await chat.say('东京镇'))).toContain('没找到这个地方。')
    expect(joined(await chat.say(DIBAO))).toContain(`您是想问"${DIBAO}"吗？`)
    expect(joined(await chat.say('不是'))).toContain('申请人住在哪个镇（街道）？')
  })

  it('a village not on the list goes to its town’s centre, by the last option or typed by name, and the agent is told', async () => {
    let chat = await atTownQuestion()
    expect(joined(await chat.say('俺是涝坡镇后河村的'))).toContain('申请人是不是老人')
    await chat.say('不是')
    expect(joined(await chat.say('2'))).toContain('住址：涝坡镇 后河村')
    await chat.say('1')
    let ticket = ticketOf(chat.effects)
    expect(ticket.areaPointId).toBe('laopo-center')
    expect(ticket.village).toBe('后河村')
    expect(ticket.note).toContain('居民所在村（社区）不在涝坡镇的名单上：后河村')

    chat = await atTownQuestion()
    await chat.say('大店镇')
    expect(joined(await chat.say('后河村'))).toContain('申请人是不是老人')
    // The last option asks the village's name; 不知道 leaves it out.
    chat = await atTownQuestion()
    await chat.say('大店镇')
    expect(joined(await chat.say('4'))).toContain('请打村（社区）的名字')
    expect(joined(await chat.say('俺村叫小官庄'))).toContain('申请人是不是老人')
    await chat.say('不是')
    expect(joined(await chat.say('2'))).toContain('住址：大店镇 小官庄\n')
    chat = await atTownQuestion()
    await chat.say('大店镇')
    await chat.say('4')
    expect(joined(await chat.say('不知道'))).toContain('申请人是不是老人')
    await chat.say('不是')
    expect(joined(await chat.say('2'))).toContain('住址：大店镇\n')
    await chat.say('1')
    ticket = ticketOf(chat.effects)
    expect(ticket.areaPointId).toBe('dadian-center')
    expect(ticket.village).toBe('')
    expect(ticket.note).toContain('居民所在村（社区）不在大店镇的名单上：村名没说')
    // A name typed inside markup tags is the name, not nothing.
    chat = await atTownQuestion()
    await chat.say('大店镇')
    await chat.say('4')
    await chat.say('<b onmouseover=alert(1)>王家新村</b>')
    await chat.say('不是')
    expect(joined(await chat.say('2'))).toContain('住址：大店镇 王家新村\n')
    await chat.say('1')
    ticket = ticketOf(chat.effects)
    expect(ticket.village).toBe('王家新村')
  })

  it('takes part of a listed village\'s name at its town\'s village question (二村 for 大店二村)', async () => {
    const chat = await atTownQuestion()
    await chat.say('大店')
    expect(joined(await chat.say('二村'))).toContain('申请人是不是老人')
    await chat.say('否')
    expect(joined(await chat.say('代办'))).toContain('住址：大店镇 大店二村')
  })

  it('takes a bare village name at a town’s village question, but not a sentence or a kind of place', async () => {
    const chat = await atTownQuestion()
    await chat.say('大店镇')
    // (不知道哪个村 is no village name either: the town's centre takes it, see 不清楚 at the villages.)
    expect(joined(await sayAfresh(chat, '农村'))).toContain('没找到这个地方。')
    // 俺家在农村 says where, no village's name: the name is asked for plainly.
    expect(joined(await sayAfresh(chat, '俺家在农村'))).toContain('请说一下村（社区）的名字')
    // 我们村 points at a village without naming it: its name is asked for.
    expect(joined(await sayAfresh(chat, '我们村'))).toContain('请打村（社区）的名字')
    expect(joined(await chat.say('小官庄'))).toContain('申请人是不是老人')
  })
})

describe('a mobile number typed with the town', () => {
  it('大店镇 138… at the town step notes the number and takes the town', async () => {
    const chat = await mealChecklist()
    await chat.say('3')
    await chat.say('张秀英')
    await chat.say('13812345678')
    const replies = await chat.say('大店镇 13912345678')
    expect(replies[0]).toBe('好的，手机号记下了：139****5678')
    expect(joined(replies)).toContain('是哪个村（社区）？')
  })
})

describe('a question about the item at the 代办 phone step', () => {
  it('收费不 / 多长时间 are answered and the phone asked again, not 手机号要 11 位数字', async () => {
    const chat = await mealChecklist()
    await chat.say('3')
    await chat.say('赵六')
    const fee = await chat.say('收费不')
    expect(fee[0]).toContain('收不收费：')
    expect(fee[1]).toBe('请留一个手机号，工作人员会打这个电话联系您：')
    expect((await chat.say('多长时间'))[0]).toContain('多久办好：')
    expect(joined(await chat.say('13712345678'))).toContain('申请人住在哪个镇（街道）？')
  })
})

describe('要带啥 in the 代办 form', () => {
  it('says the checklist above has it and how to see it again, then the same question; not at 对吗', async () => {
    const chat = await mealChecklist()
    await chat.say('3')
    for (const line of ['要带啥', '需要什么材料']) {
      const replies = await chat.say(line)
      expect(replies[0], line).toBe('要带的材料在上面的清单里。想再看一遍，回复"全部列出"。\n好的，帮您申请代办。请告诉我申请人的姓名：')
    }
    const fresh = await newChat()
    await fresh.say('低保咋办')
    expect(joined(await fresh.say('要带啥'))).not.toContain('上面的清单')
  })
})

describe('还是代办吧 after a general 不办了 in the 代办 form', () => {
  it('takes the 代办 request up again where it stopped, for the same item, instead of 没找到', async () => {
    const chat = await mealChecklist()
    await chat.say('3')
    await chat.say('张秀英')
    expect(joined(await chat.say('不办了'))).toContain('这件事先不办了')
    const replies = joined(await chat.say('还是代办吧'))
    expect(replies).not.toContain('没找到')
    expect(replies).toContain(`接着帮您申请代办"${MEAL}"`)
    expect(replies).toContain('请留一个手机号')
    for (const answer of ['13612345678', '十字路', '城东社区', '不是', '1']) await chat.say(answer)
    expect(joined(await chat.say('1'))).toContain('您的代办申请已记录')
    expect(ticketOf(chat.effects)).toMatchObject({ itemName: MEAL, name: '张秀英', phone: '13612345678' })
  })

  it('还是帮我办吧 after 不办了 in the walk starts the 代办 form for that item; 返回 goes back to the walk', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    await chat.say('1')
    await chat.say('不办了')
    expect(await chat.say('还是帮我办吧')).toEqual(['好的，帮您申请代办。请告诉我申请人的姓名：'])
    expect(joined(await chat.say('返回'))).toContain('是否已准备好：共同生活家庭成员户口簿')
  })

  it('a new question after 不办了 is still a question, and 代办 with nothing let go is not taken up', async () => {
    const chat = await mealChecklist()
    await chat.say('3')
    await chat.say('不办了')
    expect(joined(await chat.say('低保怎么申请'))).toContain('最低生活保障')
    const fresh = await newChat()
    expect(joined(await fresh.say('还是代办吧'))).not.toContain('接着帮您申请代办')
  })

  it('asking help with another item after 不办了 is that item, not the one let go', async () => {
    const chat = await mealChecklist()
    await chat.say('3')
    await chat.say('张秀英')
    await chat.say('不办了')
    const replies = joined(await chat.say('能不能帮忙办个残疾证'))
    expect(replies).not.toContain('接着帮您申请代办')
    expect(replies).toContain('办理残疾人证')
  })
})

describe('a 代办 request made in 长者模式', () => {
  it('carries the choice to the ticket (its news come in the plainer words) and is answered in them', async () => {
    const chat = await newChat()
    await chat.say('长者模式')
    await startItem(chat, MEAL)
    await chat.say('全部列出')
    for (const answer of ['3', '张秀英', '13612345678', '十字路', '城东社区', '不是']) await chat.say(answer)
    expect(joined(await chat.say('1'))).toContain('东西怎么拿：自己去拿')
    expect(joined(await chat.say('1'))).toContain('记下了。会有人打电话 136****5678 找您，请接电话。')
    expect(ticketOf(chat.effects).elder).toBe(true)
    const standard = await mealChecklist()
    for (const answer of ['3', '张秀英', '13612345678', '十字路', '城东社区', '不是', '1']) await standard.say(answer)
    expect(joined(await standard.say('1'))).toContain('您的代办申请已记录')
    expect(ticketOf(standard.effects).elder).toBeUndefined()
  })
})

describe('the applicant named with who they are', () => {
  it('俺娘叫王桂兰 / 我爹名字叫李四 give the name after 叫, not 姓名好像不对', async () => {
    for (const [said, name] of [['俺娘叫王桂兰', '王桂兰'], ['我爹名字叫李四', '李四']] as const) {
      const chat = await mealChecklist()
      await chat.say('3')
      expect(joined(await chat.say(said)), said).toContain('请留一个手机号')
      for (const answer of ['13612345678', '十字路', '城东社区', '不是']) await chat.say(answer)
      expect(joined(await chat.say('1')), said).toContain(`申请人：${name}`)
    }
  })
})

describe('代办 asked for with the reason the resident cannot do it', () => {
  it('俺不会弄 你们能帮俺办不 mid-walk starts the form: 不会 is why, not a 不 turning the wish round', async () => {
    for (const reply of ['俺不会弄 你们能帮俺办不', '俺没时间 帮俺办吧', '看不懂 找人帮忙办']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      expect(await chat.say(reply), reply).toEqual(['好的，帮您申请代办。请告诉我申请人的姓名：'])
    }
  })

  it('不用帮我办, 不要代办 still start nothing', async () => {
    for (const reply of ['不用帮我办', '不要代办']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      expect(joined(await chat.say(reply)), reply).not.toContain('申请人的姓名')
    }
  })
})

describe('代办 asked for at the checklist with the reason the resident cannot do it', () => {
  it('俺不会弄 你们能帮俺办不, 俺没时间 帮俺办吧, 能帮俺办不 at 您打算怎么办 choose 代办', async () => {
    for (const reply of ['俺不会弄 你们能帮俺办不', '俺没时间 帮俺办吧', '能帮俺办不', '帮俺办吧']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      await chat.say('全部列出')
      expect(await chat.say(reply), reply).toEqual(['好的，帮您申请代办。请告诉我申请人的姓名：'])
    }
  })

  it('不用帮我办, 自己办不了 at 您打算怎么办 choose nothing', async () => {
    for (const reply of ['不用帮我办', '自己办不了']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      await chat.say('全部列出')
      const said = joined(await chat.say(reply))
      expect(said, reply).not.toContain('申请人的姓名')
      expect(said, reply).not.toContain('祝您办理顺利')
    }
  })
})

describe('a 代办 wish at a switch offer (您是想问"X"吗？)', () => {
  it('找人帮我办, 帮我办 mid-walk are about the walk\'s item: its 代办 form, not 没看明白; 返回 goes back to the walk', async () => {
    for (const wish of ['找人帮我办', '帮我办']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      expect(joined(await chat.say('结婚登记')), wish).toContain('您是想问"结婚登记"吗？')
      expect(await chat.say(wish), wish).toEqual(['好的，帮您申请代办。请告诉我申请人的姓名：'])
      expect(joined(await chat.say('返回')), wish).toContain('是否已准备好：申请人居民身份证')
    }
  })

  it('at the checklist: the checklist item\'s 代办 form', async () => {
    const chat = await mealChecklist()
    expect(joined(await chat.say('结婚登记'))).toContain('您是想问"结婚登记"吗？')
    expect(await chat.say('找人帮我办')).toEqual(['好的，帮您申请代办。请告诉我申请人的姓名：'])
  })

  it('帮我办结婚登记 there still names the offered item: not the 代办 form of the one at hand', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    await chat.say('结婚登记')
    expect(joined(await chat.say('帮我办结婚登记'))).not.toContain('请告诉我申请人的姓名')
  })
})
