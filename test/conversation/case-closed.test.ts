/**
 * Transcripts of a case the catalogue marks as ending the matter (a 提示 with 结论): the resident is told plainly
 * that it cannot (不符合条件) or need not (不用办) be applied for, with the 咨询电话; no materials, no 代办.
 */
import { describe, expect, it } from 'vitest'
import type { Catalog } from '../../src/catalog/types.js'
import { joined, newChat, real, type Chat } from './support.js'

describe('a case that cannot be applied for (结论: 不符合条件)', () => {
  it('都不是 at 经济困难老年人补贴给付 says the subsidy is only for 低保 / 特困 elders, the phone, and offers no list nor 代办', async () => {
    const chat = await newChat()
    await chat.say('俺爷爷今年82了 听说有高龄补贴 咋申请')
    let replies = joined(await chat.say('1'))
    if (!replies.includes('老人是低保户还是特困')) replies = joined(await chat.say('1'))
    expect(replies).toContain('老人是低保户还是特困')
    const closed = joined(await chat.say('3'))
    expect(closed).toContain('申请不了')
    expect(closed).toContain('0539-7211000')
    expect(closed).not.toContain('一次性告知单')
    expect(closed).not.toContain('申请代办')
    expect(closed).not.toContain('是否已准备好')
    // 代办 asked for all the same: there is nothing to apply for; no form.
    const proxy = joined(await chat.say('帮我办'))
    expect(proxy).toContain('不用代办')
    expect(proxy).not.toContain('申请人的姓名')
    expect(joined(await chat.say('3'))).not.toContain('申请人的姓名')
    // 全部列出 lists nothing either.
    expect(joined(await chat.say('全部列出'))).not.toContain('一次性告知单')
    // 返回 goes back to the question, to answer it otherwise.
    expect(joined(await chat.say('返回'))).toContain('老人是低保户还是特困')
    expect(joined(await chat.say('1'))).not.toContain('申请不了')
  })
})

describe('a case that needs no application (结论: 不用办)', () => {
  it('家门口的 at 林木采伐 says no permit is needed, the phone, and offers no list nor 代办', async () => {
    const chat = await newChat()
    let replies = joined(await chat.say('想砍棵树 要办证不'))
    for (let i = 0; i < 2 && !replies.includes('要砍的树长在哪儿'); i++) replies = joined(await chat.say('1'))
    expect(replies).toContain('要砍的树长在哪儿')
    const closed = joined(await chat.say('家门口的'))
    expect(closed).toContain('不用办采伐许可证')
    expect(closed).toContain('0539-7211000')
    expect(closed).not.toContain('一次性告知单')
    expect(closed).not.toContain('申请代办')
    expect(joined(await chat.say('3'))).not.toContain('帮您申请代办')
  })

  it('said in the question itself (院子里的树想砍了，要办证不), the answer comes at once, without a list', async () => {
    const chat = await newChat()
    let replies = joined(await chat.say('院子里的树想砍了，要办证不'))
    if (replies.includes('对吗')) replies = joined(await chat.say('1'))
    expect(replies).toContain('不用办采伐许可证')
    expect(replies).not.toContain('一次性告知单')
    expect(replies).not.toContain('申请代办')
  })
})

describe('a case closed by the question itself, before the walk (at 对吗)', () => {
  it('帮我办 at 对吗 for 院子里的树要砍需要办证吗 opens no 代办 form, and no ticket', async () => {
    const chat = await newChat()
    expect(joined(await chat.say('院子里的树要砍需要办证吗'))).toContain('对吗')
    const proxy = joined(await chat.say('帮我办'))
    expect(proxy).toContain('不用代办')
    expect(proxy).not.toContain('申请人的姓名')
    for (const reply of ['张三', '13812345678', '大店镇', '1', '不是', '帮办', '1']) await chat.say(reply)
    expect(chat.effects.some((e) => e.type === 'openTicket')).toBe(false)
  })
})

describe('a question saying what the case is not (俺家老人不是低保也不是五保)', () => {
  it('presumes neither 低保 nor 五保: the question is asked, 都不是 closes the case, and 代办 opens no form', async () => {
    const chat = await newChat()
    let replies = joined(await chat.say('俺家老人不是低保也不是五保，能领高龄补贴吗'))
    if (replies.includes('对吗')) replies = joined(await chat.say('1'))
    expect(replies).toContain('老人是低保户还是特困')
    expect(replies).not.toContain('特困人员救助供养证')
    expect(joined(await chat.say('3'))).toContain('申请不了')
    const proxy = joined(await chat.say('代办'))
    expect(proxy).toContain('不用代办')
    expect(proxy).not.toContain('申请人的姓名')
  })
})

describe('不办了 at a closed case, then 还是帮我办吧', () => {
  it('brings the case back, still with nothing for an agent: no 代办 form', async () => {
    const chat = await newChat()
    let replies = joined(await chat.say('砍树要办证吗'))
    for (let i = 0; i < 2 && !replies.includes('要砍的树长在哪儿'); i++) replies = joined(await chat.say('1'))
    expect(joined(await chat.say('1'))).toContain('不用办采伐许可证')
    await chat.say('不办了')
    const again = joined(await chat.say('还是帮我办吧'))
    expect(again).toContain('不用代办')
    expect(again).not.toContain('申请人的姓名')
    expect(joined(await chat.say('张三'))).not.toContain('手机号')
  })
})

describe('a session that reached the checklist or the 代办 form before its case was marked closed', () => {
  /** The catalogue as it was before 结论 (a session stored before this deploy, or before an admin added one). */
  function withoutConclusions(catalog: Catalog): Catalog {
    const items = catalog.items.map((i) => ({ ...i, materials: i.materials.map(({ conclusion: _c, ...m }) => m) }))
    return { ...catalog, items, byId: new Map(items.map((i) => [i.id, i])) }
  }

  /** 家门口的树 at 林木采伐 walked to its checklist while nothing closed the case, then the catalogue marks it closed. */
  async function atChecklist(): Promise<{ chat: Chat; close: () => void }> {
    const r = await real()
    let catalog = withoutConclusions(r.catalog)
    const chat = await newChat({ catalog: () => ({ catalog, matcher: r.matcher }) })
    let replies = joined(await chat.say('砍树要办证吗'))
    for (let i = 0; i < 2 && !replies.includes('要砍的树长在哪儿'); i++) replies = joined(await chat.say('1'))
    expect(joined(await chat.say('1'))).toContain('您打算怎么办')
    return { chat, close: () => (catalog = r.catalog) }
  }

  it('at the checklist, 3 (申请代办) goes to the notice that nothing needs applying for, not to the 代办 form', async () => {
    const { chat, close } = await atChecklist()
    close()
    const replies = joined(await chat.say('3'))
    expect(replies).toContain('不用办采伐许可证')
    expect(replies).not.toContain('申请人的姓名')
    expect(joined(await chat.say('3'))).not.toContain('申请人的姓名')
  })

  async function atSummary(chat: Chat): Promise<void> {
    let replies = joined(await chat.say('3'))
    for (const reply of ['张三', '13812345678', '大店镇', '1', '不是', '1', '1']) {
      if (replies.includes('请核对您的代办申请')) break
      replies = joined(await chat.say(reply))
    }
    expect(replies).toContain('请核对您的代办申请')
  }

  it('at the 代办 summary, 重新填写 does not start the form again', async () => {
    const { chat, close } = await atChecklist()
    await atSummary(chat)
    close()
    const replies = joined(await chat.say('2'))
    expect(replies).toContain('不用代办')
    expect(replies).not.toContain('申请人的姓名')
  })

  it('at the 代办 summary, 确认提交 opens no ticket and says there is nothing to apply for', async () => {
    const { chat, close } = await atChecklist()
    await atSummary(chat)
    close()
    const submitted = joined(await chat.say('1'))
    expect(submitted).toContain('不用代办')
    expect(submitted).toContain('不用办采伐许可证')
    expect(chat.effects.some((e) => e.type === 'openTicket')).toBe(false)
  })
})

describe('返回 at a case the question itself closed', () => {
  it('asks the question the case was closed by, instead of taking the answer from the question again', async () => {
    const chat = await newChat()
    let replies = joined(await chat.say('院子里的树要砍需要办证吗'))
    if (replies.includes('对吗')) replies = joined(await chat.say('1'))
    expect(replies).toContain('不用办采伐许可证')
    const back = joined(await chat.say('返回'))
    expect(back).toContain('要砍的树长在哪儿')
    expect(back).not.toContain('不用办采伐许可证')
    const forest = joined(await chat.say('2'))
    expect(forest).not.toContain('不用办采伐许可证')
    expect(forest).toContain('是否已准备好')
  })
})

describe('我的进度 at a closed case', () => {
  it('says there is nothing to apply for, not materials 未核对', async () => {
    const chat = await newChat()
    let replies = joined(await chat.say('院子里的树要砍需要办证吗'))
    if (replies.includes('对吗')) replies = joined(await chat.say('1'))
    expect(replies).toContain('不用办采伐许可证')
    const progress = joined(await chat.say('我的进度'))
    expect(progress).toContain('没有要办的')
    expect(progress).toContain('林木采伐许可证核发审批')
    expect(progress).not.toContain('未核对')
    expect(progress).not.toContain('还没有代办工单')
  })
})
