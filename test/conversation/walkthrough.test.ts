/**
 * Transcripts from a question to the 一次性告知单, through the conversation service with the real catalogue,
 * matcher and dialog files.
 */
import { describe, expect, it } from 'vitest'
import { nextStep } from '../../src/dialog/materials.js'
import { decide, SURE_SCORE } from '../../src/match/decide.js'
import { joined, newChat, real, startItem } from './support.js'

/** Its exact name is a clear question: the walk starts at once, with no 对吗 to confirm. */
const MEAL = '长者食堂助餐补贴申请'
/** A question the matcher is sure of, but not clear about: it asks 对吗 first. */
const MEAL_UNCLEAR = '助餐'
const UNCONFIRMED = '问的不是这件事，请回复"不对"。'
const ID_CARD = '居民身份证申领、换领、补领'

describe('question → item', () => {
  it('confirms the item when the matcher is sure (but not clear), and walks the materials after 对', async () => {
    const chat = await newChat()
    expect(await chat.say(MEAL_UNCLEAR)).toEqual([`您要办的是：${MEAL}，对吗？\n回复 1 对，2 不对`])
    const walk = joined(await chat.say('对'))
    expect(walk).toContain(`办"${MEAL}"要准备的材料，我们一项一项核对`)
    expect(walk).toContain('是否已准备好：老人居民身份证（原件1份）？\n回复 1 有，2 没有')
    // Confirmed already: no hint to say 不对.
    expect(walk).not.toContain(UNCONFIRMED)
  })

  it('offers numbered candidates when unsure, and tells admins when the best score is low', async () => {
    // Vague words the matcher cannot be sure about; which one is unsure depends on its tuning, not on the dialog.
    const { matcher } = await real()
    const vague = ['补助', '申请补助', '补贴', '低保', '办证', '证明', '老人补贴'].find((q) => {
      const d = decide(matcher.match(q))
      return d.kind === 'choose' && d.results[0]!.score < SURE_SCORE
    })
    if (vague === undefined) throw new Error('no vague question left for this test: add one the matcher is unsure about')
    const first = decide(matcher.match(vague))
    if (first.kind !== 'choose') throw new Error('unreachable')
    const chat = await newChat()
    const text = joined(await chat.say(vague))
    expect(text).toContain('您要办的是下面哪一项？')
    first.results.forEach((r, i) => expect(text).toContain(`${i + 1} ${r.item.name}`))
    expect(text).toContain(`${first.results.length + 1} 都不是`)
    expect(chat.effects).toEqual([expect.objectContaining({ type: 'unmatched', text: vague })])
    const picked = joined(await chat.say('1'))
    expect(picked).toContain(`办"${first.results[0]!.item.name}"要准备的材料`)
  })

  it('says so when nothing matches, offers 转人工 and 12345, and reports the question', async () => {
    const chat = await newChat()
    const text = joined(await chat.say('今天天气怎么样'))
    expect(text).toContain('抱歉，没找到和"今天天气怎么样"有关的事项。')
    expect(text).toContain('12345')
    expect(text).toContain('回复 1 转人工')
    expect(chat.effects).toEqual([{ type: 'unmatched', text: '今天天气怎么样', candidates: [] }])
    const handoff = joined(await chat.say('1'))
    expect(handoff).toContain('拨打 12345 政务服务便民热线')
    expect(chat.effects.at(-1)).toMatchObject({ type: 'handoff' })
  })

  it('after 不对 asks again and takes the new question', async () => {
    const chat = await newChat()
    expect(joined(await chat.say(MEAL_UNCLEAR))).toContain('对吗？')
    expect(joined(await chat.say('不对'))).toContain('请换个说法再说一次')
    // The item's exact name is clear: its walk starts at once.
    expect(joined(await chat.say('水电气热过户'))).toContain('好的。办"水电气热过户"要准备的材料')
  })
})

describe('a clear question (sure, and far ahead of any other item): no 对吗', () => {
  const ASK_ID = '是否已准备好：老人居民身份证（原件1份）？\n回复 1 有，2 没有'

  it('goes straight to the first material, saying how to tell it is the wrong item', async () => {
    const chat = await newChat()
    expect(await chat.say(MEAL)).toEqual([
      `好的。办"${MEAL}"要准备的材料，我们一项一项核对（回复"全部列出"可以直接看清单）。\n${UNCONFIRMED}\n${ASK_ID}`,
    ])
    // The hint is said once, in the intro, not with the next questions.
    const next = joined(await chat.say('1'))
    expect(next).toContain('是否已准备好：户口簿（原件1份）？')
    expect(next).not.toContain(UNCONFIRMED)
    // In 长者模式, in the elder intro too.
    const elder = await newChat()
    await elder.say('长者模式')
    expect(joined(await elder.say(MEAL))).toBe(
      `好的。办"${MEAL}"要带的东西，我一样一样问您。\n问的不是这件事，就回"不对"。\n您有老人居民身份证吗？（要原件1份）\n请回数字：1 有，2 没有`,
    )
  })

  it('takes 不对 (or 不是这个, 搞错了) as the first reply as the wrong item: asks again, with the item cleared', async () => {
    for (const wrong of ['不对', '不是这个', '搞错了']) {
      const chat = await newChat()
      await chat.say(MEAL)
      expect(await chat.say(wrong), wrong).toEqual(['好的，请换个说法再说一次您要办什么事。\n回复 1 转人工'])
      // Nothing of the item is left: no walk under way, nothing to list.
      expect((await chat.say('进度'))[0], wrong).toBe('现在没有正在核对材料的事项。')
      expect((await chat.say('全部列出'))[0], wrong).toBe('还不知道您要办什么事，请先告诉我，我再列出要带的材料。')
      expect(chat.effects.some((e) => e.type === 'handoff' || e.type === 'unmatched'), wrong).toBe(false)
      // The new question is taken; a clear one starts its walk the same way.
      expect(joined(await chat.say('水电气热过户')), wrong).toContain(`好的。办"水电气热过户"要准备的材料，我们一项一项核对（回复"全部列出"可以直接看清单）。\n${UNCONFIRMED}`)
    }
    // Also when the walk starts with a situation question (办身份证 asks which kind first).
    const id = await newChat()
    expect(joined(await id.say('办身份证'))).toContain('您是第一次办、到期换新、证坏了换，还是丢了补办？')
    expect(joined(await id.say('不对'))).toContain('请换个说法再说一次')
  })

  it('after the first answer, 不对 is read as at any material question again (a bare 不对 is 没有), not as the wrong item', async () => {
    const chat = await newChat()
    await chat.say(MEAL)
    await chat.say('1')
    expect(joined(await chat.say('不对'))).toContain('老人是不是低保、特困或者重度残疾老人？')
    expect((await chat.say('进度'))[0]).toBe(`您正在办：${MEAL}\n材料：已备好 1 项，还缺 1 项，未核对 0 项\n另有 2 项要看您的情况，不一定要带。`)
    // 不对 with more words is no wrong item even as the first reply: 不对，丢了 says the material is missing.
    const missing = await newChat()
    await missing.say(MEAL)
    expect(joined(await missing.say('不对，丢了'))).toContain('是否已准备好：户口簿（原件1份）？')
    expect(joined(await missing.say('全部列出'))).toContain('✗ 老人居民身份证')
  })

  it('still asks 对吗 for a question the matcher is sure of but not clear about; once confirmed, 不对 is 没有', async () => {
    const chat = await newChat()
    expect(await chat.say('低保咋办')).toEqual(['您要办的是：最低生活保障申请，对吗？\n回复 1 对，2 不对'])
    const walk = joined(await chat.say('1'))
    expect(walk).toContain('好的。办"最低生活保障申请"要准备的材料')
    expect(walk).not.toContain(UNCONFIRMED)
    expect(joined(await chat.say('不对'))).toContain('是否已准备好：共同生活家庭成员户口簿')
    expect((await chat.say('进度'))[0]).toContain('您正在办：最低生活保障申请')
  })

  it('asks 对吗 for a clear question whose walk has nothing to ask (the checklist would come at once, with no way to say 不对)', async () => {
    const { matcher } = await real()
    const question = '房产证过户到我儿子名下'
    expect(decide(matcher.match(question))).toMatchObject({ kind: 'sure', clear: true })
    const chat = await newChat()
    expect(await chat.say(question)).toEqual(['您要办的是：不动产转移登记，对吗？\n回复 1 对，2 不对'])
    expect(joined(await chat.say('不对'))).toContain('请换个说法再说一次')
  })
})

describe('materials walk-through → 一次性告知单', () => {
  it('asks one material at a time, a yes/no situation alone and its material after it, and ends with the checklist', async () => {
    const chat = await newChat()
    await chat.say(MEAL)
    expect(joined(await chat.say('有的呢'))).toContain('是否已准备好：户口簿（原件1份）？')
    const special = joined(await chat.say('没有'))
    expect(special).toContain('老人是不是低保、特困或者重度残疾老人？')
    expect(special).toContain('（选"是"的话，还要带：低保证、特困人员证或残疾人证）')
    // Asked alone, with 1 是 / 2 否 as everywhere: a resident used to "2 = 没有" means 否 by 2 here too.
    expect(special).toContain('回复 1 是，2 否')
    expect(joined(await chat.say('2'))).toContain('是不是子女或别人替老人来办？')
    expect(joined(await chat.say('1'))).toContain('是否已准备好：代办人身份证（原件1份）？')
    const checklist = (await chat.say('1'))[0]!
    expect(checklist.split('\n').slice(0, 8)).toEqual([
      `【一次性告知单】${MEAL}`,
      expect.stringMatching(/^办理条件：.+/),
      '一、要带的材料（✓ 已备好，✗ 还缺，· 可选）',
      '✓ 老人居民身份证（原件1份）',
      '✗ 户口簿（原件1份）',
      '   缺了怎么办：户口簿丢失的到户籍地派出所补办',
      '· 本人银行卡或社保卡（用于办助餐卡或充值）（可选）',
      '✓ 代办人身份证（原件1份）',
    ])
    expect(checklist).not.toContain('低保证') // ruled out by 否
    expect(checklist).toContain('二、到哪里办\n· 所在村（社区）便民服务室')
    expect(checklist).toContain('· 户籍所在地镇（街道）便民服务中心 民政窗口')
    // How to apply, step by step, from the item's 办理流程.
    expect(checklist).toMatch(/三、怎么办\n1\. .+\n2\. /)
    expect(checklist).toContain('承诺时限：5 个工作日')
    expect(checklist).toContain('收费：办卡不收费')
    expect(checklist).toContain('到现场：最多跑 1 次')
    expect(checklist).toContain('咨询电话：0539-7211000')
    expect(checklist).toContain('您打算怎么办？\n请回复编号：\n1 自己办理\n2 问别的事\n3 申请代办（工作人员帮您办）')
    expect(joined(await chat.say('1'))).toContain('祝您办理顺利')
  })

  it('in 长者模式, words the resident gives are the same, the labels and questions plainer', async () => {
    const chat = await newChat()
    await chat.say('长者模式')
    expect(joined(await chat.say(MEAL))).toContain('您有老人居民身份证吗？')
    await chat.say('有的呢')
    expect(joined(await chat.say('没有'))).toContain('请回数字：1 是，2 否')
    expect(joined(await chat.say('1'))).toContain('您有低保证、特困人员证或残疾人证吗？')
  })

  it('in 长者模式, the count of what is missing agrees with the list, one material a line (names hold 、 themselves)', async () => {
    const chat = await newChat()
    await chat.say('长者模式')
    await startItem(chat, '不动产转移登记')
    // 买卖, (申请书 is filled in at the window, not asked,) 身份证明 没有, 合同 有, 原不动产权证书（房产证、土地证） 没有,
    // 税费凭证 有, 卖方共有 是 → 结婚证 没有, 买方 否, 委托 否, 划拨用地 → 出让金凭证 没有.
    let last: string[] = []
    for (const answer of ['1', '2', '1', '2', '1', '1', '2', '2', '2', '2', '2']) last = await chat.say(answer)
    const lines = joined(last).split('\n')
    const at = lines.findIndex((l) => l.startsWith('还缺 '))
    expect(lines[at]).toBe('还缺 4 样：')
    expect(lines.slice(at + 1, at + 6)).toEqual([
      '· 买卖双方身份证明（居民身份证）',
      '· 卖方原不动产权证书（房产证、土地证）',
      '· 卖方结婚证',
      '· 土地出让金缴纳凭证',
      '谁能办：二手房买卖：房屋已办理不动产权证书（房产证），买卖双方签订了买卖合同，共同申请；二手房买卖：划拨用地的先办理出让手续、缴纳土地出让金；经济适用住房已办理上市审批并缴纳政府收益；二手房买卖：已按规定缴纳契税等税费；继承（老人去世后房子过到子女名下）、赠与（把房子送给子女等）：要带的材料和买卖不同，办理前请先打咨询电话 0539-7211010 问清',
    ])
  })

  it('asks a multiple-choice situation first, then only the materials that answer needs', async () => {
    const chat = await newChat()
    const first = joined(await startItem(chat, ID_CARD))
    expect(first).toContain('您是第一次办、到期换新、证坏了换，还是丢了补办？\n请回复编号：\n1 首次申领\n2 到期换领\n3 损坏换领\n4 遗失补领')
    expect(joined(await chat.say('到期换领'))).toContain('是否已准备好：居民户口簿（原件1份）？')
    expect(joined(await chat.say('1'))).toContain('是否已准备好：原居民身份证（原件1份）？')
    expect(joined(await chat.say('2'))).toContain('办证的人是不是未满 16 周岁的孩子？')
    expect(joined(await chat.say('1'))).toContain('是否已准备好：监护人居民身份证和户口簿（原件1份）？')
    const checklist = joined(await chat.say('1'))
    expect(checklist).toContain('✓ 居民户口簿')
    expect(checklist).toContain('✗ 原居民身份证')
    expect(checklist).toContain('✓ 监护人居民身份证和户口簿') // the conditional material, answered yes
    expect(checklist).not.toContain('任选其一') // only for 遗失补领
  })

  it('reads an answer that names the material (有身份证, 身份证有户口本没有, 丢了) as the answer, not as a new question', async () => {
    const chat = await newChat()
    await startItem(chat, '医疗救助申请')
    const next = joined(await chat.say('有身份证'))
    expect(next).not.toContain('您是想问')
    expect(next).toContain('这次是住院，还是门诊看特殊病')
    for (const [reply, mark] of [['身份证有户口本没有', '✗'], ['户口本丢了', '✗'], ['丢了', '✗'], ['还没拿到', '✗'], ['有户口本和身份证', '✓']]) {
      const move = await newChat()
      await startItem(move, '户口迁入登记')
      expect(joined(await move.say(reply!)), reply).not.toContain('没看明白')
      expect(joined(await move.say('全部列出')), reply).toContain(`${mark} 迁入人户口簿和居民身份证`)
    }
  })

  it('takes a situation said as part of an option (上班 for 上班或做生意, 租的 for 租房), or after 是 / 不是 with a reason', async () => {
    const chat = await newChat()
    await startItem(chat, '居住证办理')
    expect(joined(await chat.say('1'))).toContain('住的是自己（家人）的房子、租的房子')
    expect(joined(await chat.say('租的'))).toContain('房屋租赁合同')
    expect(joined(await chat.say('1'))).toContain('您在这边是上班（做生意）')
    expect(joined(await chat.say('上班'))).toContain('劳动合同或营业执照')
    const dibao = await newChat()
    await startItem(dibao, '最低生活保障申请')
    await dibao.say('1')
    expect(joined(await dibao.say('不是 俺自己去'))).not.toContain('没看明白')
  })

  it('says when an item cannot be proxied and offers something else instead of 申请代办', async () => {
    const chat = await newChat()
    await startItem(chat, ID_CARD)
    const checklist = joined(await chat.say('全部列出'))
    expect(checklist).toContain('本事项不能代办。必须本人到场采集人像和指纹')
    expect(checklist).toContain('回复 1 自己办理，2 问别的事')
    expect(checklist).not.toContain('申请代办')
  })

  it('全部列出 jumps to the checklist, marking what was not checked and what depends on an answer', async () => {
    const chat = await newChat()
    await chat.say(MEAL)
    await chat.say('1')
    const checklist = joined(await chat.say('全部列出'))
    expect(checklist).toContain('✓ 老人居民身份证')
    expect(checklist).toContain('□ 户口簿（原件1份，请自己核对）')
    expect(checklist).toContain('○ 低保证、特困人员证或残疾人证（原件1份）\n   老人是不是低保、特困或者重度残疾老人？选"是"才要带')
  })

  it('全部列出 after the checklist shows the materials again and keeps the question open', async () => {
    const chat = await newChat()
    await chat.say(MEAL)
    await chat.say('全部列出')
    const again = await chat.say('全部列出')
    expect(again[0]).toContain('一、要带的材料')
    expect(joined(again)).toContain('您打算怎么办？')
  })
})

describe('after the checklist', () => {
  it('全部列出 after 自己办理 shows the whole 告知单 again, title and places included', async () => {
    const chat = await newChat()
    await chat.say(MEAL)
    await chat.say('全部列出')
    await chat.say('1')
    const again = joined(await chat.say('全部列出'))
    expect(again).toContain(`【一次性告知单】${MEAL}`)
    expect(again).toContain('二、到哪里办')
    expect(again).toContain('四、时限和费用')
    expect(again).not.toContain('祝您办理顺利')
  })
})

describe('a quick question in the middle', () => {
  it('要钱不 / 多久能办好 during the walk is answered for the item, then the same material is asked again', async () => {
    const chat = await newChat()
    // A clear question: the walk starts at once.
    const first = joined(await chat.say('残疾证怎么办'))
    const asked = first.slice(first.lastIndexOf('是否已准备好'))
    const fee = joined(await chat.say('要钱不'))
    expect(fee).toContain('不收费')
    expect(fee).toContain(asked)
    expect(fee).not.toContain('没看明白')
    const limit = joined(await chat.say('多久能办好'))
    expect(limit).toMatch(/\d+ 个工作日/)
    expect(limit).toContain(asked)
  })

  it('多少钱一个月 for an item that pays out is the amount, not the fee', async () => {
    // The first is clear (the walk starts at once), the second only sure (confirmed first).
    for (const [question, clear] of [['失业金多少钱一个月', true], ['低保一个月能给多少钱', false]] as const) {
      const chat = await newChat()
      let replies = joined(await chat.say(question))
      if (!clear) {
        expect(replies, question).toContain('对吗？')
        replies = joined(await chat.say('1'))
      }
      expect(replies, question).not.toContain('收费')
      expect(replies, question).toMatch(/领多少|发多少|标准/)
    }
  })
})

describe('the question asked again', () => {
  it('at "对吗？" is a yes', async () => {
    const chat = await newChat()
    expect(joined(await chat.say(MEAL_UNCLEAR))).toContain('对吗？')
    expect(joined(await chat.say(MEAL_UNCLEAR))).toContain(`办"${MEAL}"要准备的材料`)
  })
})

describe('a situation the question already tells', () => {
  it('is not asked again (刻章, 身份证丢了咋补办), and the resident is told what it was taken to be', async () => {
    let chat = await newChat()
    await chat.say('刻章')
    let reply = joined(await chat.say('1'))
    expect(reply).toContain('按您说的"刻新章或换章"来准备材料。')
    expect(reply).not.toContain('您要办哪一种')
    chat = await newChat()
    // Clear: the walk starts at once.
    reply = joined(await chat.say('身份证丢了咋补办'))
    expect(reply).toContain('按您说的"遗失补领"来准备材料。')
    expect(reply).not.toContain('还是丢了补办？')
  })

  it('is not taken from a word the question turns round (没领证 does not say 领证)', async () => {
    // The item is found clearly (the walk starts at once) or surely (对吗 first): either way, up to the first material.
    const untilWalk = async (question: string) => {
      const chat = await newChat()
      const first = joined(await chat.say(question))
      return first.includes('对吗') ? `${first}\n${joined(await chat.say('1'))}` : first
    }
    expect(await untilWalk('俺俩领证了 孩子上户口要啥')).toContain('按您说的"婚生"来准备材料。')
    expect(await untilWalk('孩子爸妈没领证 上户口要啥')).not.toContain('按您说的"婚生"')
  })

  it('is asked when the question fits more than one answer, or only names the item', async () => {
    const chat = await newChat()
    // Clear: the walk starts at once, with the question of which kind.
    expect(joined(await chat.say('开证明要先盖章吗'))).toContain('您要办哪一种')
    const named = await newChat()
    expect(joined(await startItem(named, ID_CARD))).toContain('还是丢了补办？')
  })
})

describe('印章管理', () => {
  it('asks which of 开证明, 盖章 and 刻章 first, then only the materials of that one', async () => {
    const chat = await newChat()
    const first = joined(await startItem(chat, '印章管理'))
    expect(first).toContain('4 刻新章或换章')
    await chat.say('4')
    const checklist = joined(await chat.say('全部列出'))
    expect(checklist).toContain('单位登记证书或批准文件')
    // Never checked with the resident, each still says where to get it.
    expect(checklist).toMatch(/□ 单位登记证书或批准文件.*\n   没有的话：.+/)
    expect(checklist).toContain('旧印章')
    // Materials of the other branches are not listed (other lines, such as where to get one, may name them).
    const listed = checklist.split('\n').filter((line) => /^[□○✓✗·] /.test(line))
    expect(listed.join('\n')).toContain('旧印章')
    expect(listed.join('\n')).not.toMatch(/户口簿|需要盖章的表格|遗失声明/)
  })

  it('writes a material needed for several answers as 选"A"或"B" (the answers hold commas of their own)', async () => {
    const chat = await newChat()
    await startItem(chat, '印章管理')
    const list = joined(await chat.say('全部列出'))
    expect(list).toMatch(/选"开证明，要村里先核实"或"开证明，不用村里核实"或"在表格上盖章"才要带/)
  })
})

describe('结婚登记\'s photo', () => {
  it('is asked once, as a material; without one, the checklist says it can be taken there', async () => {
    const chat = await newChat()
    await startItem(chat, '结婚登记')
    // 身份证 有; the 声明书 is filled in at the office (窗口提供), so the photos come next.
    const photo = joined(await chat.say('1'))
    expect(photo).toContain('是否已准备好：双方近期 2 寸半身免冠合影照片（3张）？\n回复 1 有，2 没有')
    expect(photo).not.toContain('现场拍\n')
    const list = joined(await chat.say('2'))
    expect(list).toContain('✗ 双方近期 2 寸半身免冠合影照片（3张）\n   缺了怎么办：婚姻登记处一般可以现场拍照')
  })
})

describe('the 8-message target', () => {
  it(`reaches the checklist of ${MEAL} (5 materials) in 5 messages`, async () => {
    const chat = await newChat()
    // The exact name is clear: no 对吗 to confirm.
    const messages = [MEAL, '1', '1', '2', '2']
    let last: string[] = []
    for (const m of messages) last = await chat.say(m)
    expect(last[0]).toContain('【一次性告知单】')
    expect(messages.length).toBeLessThanOrEqual(8)
  })

  it('every catalogue item with at most 5 materials needs at most 8 messages, whatever the answers', async () => {
    const { catalog } = await real()
    const small = catalog.items.filter((i) => i.materials.length <= 5)
    expect(small.length).toBeGreaterThan(3)
    const over = small.flatMap((item) => {
      // The longest walk over every combination of situation answers, plus the question and the confirmation.
      const longest = (answers: Record<string, string>, ready: Record<string, boolean>): number => {
        const s = nextStep(item, { answers, ready })
        if (!s) return 0
        if (s.kind === 'material') return 1 + longest(answers, { ...ready, [s.material.name]: true })
        return 1 + Math.max(...s.question.options.map((o) => longest({ ...answers, [s.question.id]: o }, ready)))
      }
      const messages = 2 + longest({}, {})
      return messages > 8 ? [`${item.name}: ${messages}`] : []
    })
    expect(over).toEqual([])
  })

  it('every catalogue item with at most 5 materials reaches the checklist in at most 8 messages when typed', async () => {
    const { catalog } = await real()
    for (const item of catalog.items.filter((i) => i.materials.length <= 5)) {
      const chat = await newChat()
      let replies = await startItem(chat, item.name)
      let messages = 2
      // "1" everywhere: 有, the first situation, 是 — the branch that asks the most.
      while (!joined(replies).includes('【一次性告知单】') && messages < 12) {
        replies = await chat.say('1')
        messages++
      }
      expect({ item: item.name, reached: joined(replies).includes('【一次性告知单】'), within8: messages <= 8 })
        .toEqual({ item: item.name, reached: true, within8: true })
    }
  })
})

describe('materials the window provides or has filled in on the spot (窗口提供)', () => {
  it('never asks about them nor lists them as missing: the checklist names them on a line of their own', async () => {
    const chat = await newChat()
    const first = joined(await startItem(chat, '一孩、二孩生育登记及《服务手册》发放'))
    expect(first).toContain('夫妻双方居民身份证')
    let last: string[] = []
    const seen: string[] = []
    for (const answer of ['2', '2', '2', '2', '2']) {
      last = await chat.say(answer)
      seen.push(joined(last))
      if (joined(last).includes('【一次性告知单】')) break
    }
    const list = joined(last)
    expect(list).toContain('【一次性告知单】')
    expect(seen.join('\n')).not.toContain('是否已准备好：《生育登记服务承诺书》')
    expect(list).not.toMatch(/[✗□] 《生育登记服务承诺书》/)
    expect(list).toContain('到窗口现场填写（不用提前准备）：《生育登记服务承诺书》')
    expect(joined(await chat.say('进度'))).not.toContain('未核对 1 项')
  })

  it('keeps them off the walk of a 全部列出 and in 长者模式 says it plainly', async () => {
    const chat = await newChat()
    await chat.say('长者模式')
    await startItem(chat, '结婚登记')
    const list = joined(await chat.say('全部列出'))
    expect(list).toContain('到了窗口再填，不用先准备：本人无配偶、与对方没有直系血亲和三代以内旁系血亲关系的签字声明（《申请结婚登记声明书》）')
    expect(list).not.toContain('请看看有没有：本人无配偶')
  })
})

describe('time limits in calendar days (N日) and 以窗口为准', () => {
  it('says a calendar-day limit as such, and answers 多久 for an item without an official figure with the phone to ask', async () => {
    const id = await newChat()
    await startItem(id, ID_CARD)
    expect(joined(await id.say('全部列出'))).toContain('法定时限：60 日（自然日）')
    const water = await newChat()
    const first = joined(await water.say('水电气热过户多久能办好'))
    const walk = first.includes('对吗？') ? joined(await water.say('1')) : first
    expect(walk).toContain('多久办好：以窗口告知为准，可打电话问 0539-7211000')
    const list = joined(await water.say('全部列出'))
    expect(list).toContain('承诺时限：以窗口告知为准，可打电话问 0539-7211000')
    expect(list).toContain('收费：以窗口告知为准')
    expect(list).not.toContain('样例')
  })
})

describe('asking what a word means at a walk question (解释)', () => {
  /** Answers 1 (or 有) until the reply contains `text`; returns that reply. */
  async function until(chat: Awaited<ReturnType<typeof newChat>>, first: string, text: string): Promise<string> {
    let reply = first
    for (let k = 0; k < 12 && !reply.includes(text); k++) reply = joined(await chat.say('1'))
    if (!reply.includes(text)) throw new Error(`never asked "${text}":\n${reply}`)
    return reply
  }

  it('explains 划拨用地 and 经济适用住房 at the question, then asks it again', async () => {
    for (const ask of ['啥叫划拨', '什么是经济适用住房', '划拨是啥', '不懂']) {
      const chat = await newChat()
      await until(chat, joined(await startItem(chat, '不动产转移登记')), '是不是划拨用地')
      const reply = joined(await chat.say(ask))
      expect(reply, ask).toContain('划拨用地：国家不收出让金、直接划给使用的土地')
      expect(reply, ask).toContain('房子的土地是不是划拨用地，或者房子是不是经济适用住房？')
      expect(reply, ask).not.toContain('没看明白')
      // Not taken as an answer: the question is still the one awaited.
      expect(joined(await chat.say('1')), ask).not.toContain('是不是划拨用地')
    }
  })

  it('explains 权属证明 at the question before it and at the material itself', async () => {
    const chat = await newChat()
    await startItem(chat, '林木采伐许可证核发审批')
    // 林地上的树 (a permit is needed), then 有 until the 林权证 question.
    await until(chat, joined(await chat.say('2')), '有没有林权证')
    const atQuestion = joined(await chat.say('啥是权属证明'))
    expect(atQuestion).toContain('权属证明就是证明这片林子归谁的材料')
    expect(atQuestion).toContain('这片林子有没有林权证或不动产权证书？')
    expect(atQuestion).not.toContain('没看明白')
    expect(joined(await chat.say('没有'))).toContain('是否已准备好：村（居）委会出具的林木权属证明')
    const atMaterial = joined(await chat.say('这是啥'))
    expect(atMaterial).toContain('权属证明就是证明这片林子归谁的材料')
    expect(atMaterial).toContain('写明林木位置、四至')
    expect(atMaterial).toContain('是否已准备好：村（居）委会出具的林木权属证明')
  })

  it('这是个啥, 啥玩意, 干嘛用的 at a material question: that material explained, then the same question (nothing recorded)', async () => {
    for (const ask of ['这是个啥', '这是啥玩意', '这个是干嘛的', '干嘛用的', '是个啥东西']) {
      const chat = await newChat()
      await startItem(chat, '医保异地就医备案')
      expect(joined(await chat.say('3'))).toContain('是否已准备好：异地工作证明或个人承诺书')
      const said = await chat.say(ask)
      expect(said[0], ask).toContain('异地工作证明或个人承诺书（原件1份或电子版）是办"医保异地就医备案"要交的材料。')
      expect(said[0], ask).toContain('到哪里开：找用人单位开具工作证明')
      expect(said[1], ask).toContain('是否已准备好：异地工作证明或个人承诺书')
      expect(joined(said), ask).not.toContain('没看明白')
      expect(joined(await chat.say('全部列出')), ask).not.toContain('✓ 异地工作证明')
    }
  })

  it('工作证明是个啥, 工作证明指的是啥: the material named explained, the same question again', async () => {
    for (const ask of ['工作证明是个啥', '工作证明是啥东西', '工作证明指的是啥', '工作证明是干啥的']) {
      const chat = await newChat()
      await startItem(chat, '医保异地就医备案')
      await chat.say('3')
      const said = await chat.say(ask)
      expect(said[0], ask).toContain('异地工作证明或个人承诺书（原件1份或电子版）是办"医保异地就医备案"要交的材料。')
      expect(said[1], ask).toContain('是否已准备好：异地工作证明或个人承诺书')
    }
  })

  it('asked at one material about another of the item by name: that other one explained, this one asked again', async () => {
    for (const ask of ['备案表是个啥', '备案表是干啥的', '啥是备案表']) {
      const chat = await newChat()
      await startItem(chat, '医保异地就医备案')
      await chat.say('3')
      const said = await chat.say(ask)
      expect(said[0], ask).toContain('异地就医备案表（原件1份或电子版）是办"医保异地就医备案"要交的材料。')
      expect(said[0], ask).toContain('网上备案在线填写')
      expect(said[0], ask).toContain('到哪里开：到县医保服务大厅窗口领取')
      expect(said[1], ask).toContain('是否已准备好：异地工作证明或个人承诺书')
    }
  })

  it('at a question without 解释, says how to settle it instead of 没看明白, and 不懂 is no 否', async () => {
    const chat = await newChat()
    await startItem(chat, '林木采伐许可证核发审批')
    const asked = await until(chat, joined(await chat.say('2')), '是不是委托别人')
    expect(asked).toContain('是不是委托别人')
    const reply = joined(await chat.say('不懂'))
    expect(reply).toContain('可以回"不知道"')
    expect(reply).toContain('是不是委托别人（或村里代办员）替林木主人申请？')
    expect(reply).not.toContain('没看明白')
  })
})
