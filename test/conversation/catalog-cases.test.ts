/**
 * Catalogue cases an exploratory tester found through the chat: situations an item's 受理条件 names but its
 * questions and materials did not (盖房取公积金, 只卖预包装食品), what to do first (打药中毒 → 先送医), materials the
 * office itself produces (核对报告, 审批表), and 办残疾证能领多少钱. Through the conversation service with the real
 * catalogue.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, type Chat } from './support.js'

/** Says `question`, and 对 when the item is asked to be confirmed: the replies up to the walk's first question. */
async function ask(chat: Chat, question: string): Promise<string> {
  const first = joined(await chat.say(question))
  return first.includes('对吗？') ? joined(await chat.say('1')) : first
}

/** Answers 有 / 否 (1 … or 2 …) until the checklist comes: its text. */
async function untilChecklist(chat: Chat, reply: (prompt: string) => string = () => '1'): Promise<string> {
  let last = ''
  for (let i = 0; i < 20; i++) {
    const text = joined(await chat.say(reply(last)))
    if (text.includes('【一次性告知单】')) return text
    last = text
  }
  throw new Error(`no checklist after 20 replies:\n${last}`)
}

describe("住房公积金提取: building, rebuilding or repairing the resident's own home", () => {
  it('老家盖房子 is the 自建、翻建或大修 case: told what to do, and no 购房 materials', async () => {
    const chat = await newChat()
    const first = await ask(chat, '老家盖房子能取公积金吗')
    expect(first).toContain('按您说的"自建、翻建或大修自住房提取"来准备材料')
    expect(first).toContain('★ 自己盖房、翻建、大修自住房也能取公积金')
    const list = await untilChecklist(chat)
    expect(list).toContain('★ 自己盖房、翻建、大修自住房也能取公积金')
    expect(list).not.toContain('备案购房合同（')
    expect(list).not.toContain('购房发票（')
    expect(list).not.toContain('样例')
  })

  it('the option is offered at 您取公积金是为了什么？ and 翻建 answers it', async () => {
    const chat = await newChat()
    let text = await ask(chat, '公积金咋提出来')
    for (let i = 0; i < 5 && !text.includes('您取公积金是为了什么？'); i++) text = joined(await chat.say('1'))
    expect(text).toContain('您取公积金是为了什么？')
    expect(text).toContain('自建、翻建或大修自住房提取')
    const after = joined(await chat.say('翻建'))
    expect(after).toContain('★ 自己盖房、翻建、大修自住房也能取公积金')
    expect(after).not.toContain('备案购房合同（')
  })
})

describe('农药使用事故处理: someone poisoned', () => {
  const FIRST_AID = '★ 有人中毒的，先救人：马上送医院，情况重的打 120'

  it('俺爹在地里打药中毒了 咋办: 有人中毒 is taken as 是 and 先送医 is said before any paperwork', async () => {
    const first = await ask(await newChat(), '俺爹在地里打药中毒了 咋办')
    // The resident's word and what it means, not the question quoted as if they had asked it.
    expect(first).toContain('您说了"中毒"，就按有人因为打药中毒、去医院看病算。')
    expect(first).not.toContain('有没有人因为打药中毒')
    expect(first.indexOf(FIRST_AID)).toBeGreaterThanOrEqual(0)
    expect(first.indexOf(FIRST_AID)).toBeLessThan(first.indexOf('是否已准备好'))
  })

  it('a crop case is asked 有没有人中毒 first; 否 says nothing of hospitals, 是 does', async () => {
    const crops = await newChat()
    const first = await ask(crops, '打了除草剂把玉米苗烧死了，找谁')
    expect(first).toContain('有没有人因为打药中毒、去医院看病？')
    expect(first).not.toContain('是否已准备好')
    expect(joined(await crops.say('2'))).not.toContain('120')
    const poisoned = await newChat()
    await ask(poisoned, '打了除草剂把玉米苗烧死了，找谁')
    expect(joined(await poisoned.say('1'))).toContain(FIRST_AID)
  })
})

describe('食品经营许可: a shop that sells only packaged food', () => {
  const FILING = '★ 只卖包装好的预包装食品（不卖散装的、不现做现卖）的，不用办食品经营许可证，向县里备案就行'

  it('小卖部只卖包装好的零食饮料: told to file (备案) instead, not walked through the licence, its 流程 nor its 代办', async () => {
    const chat = await newChat()
    const reply = await ask(chat, '小卖部只卖包装好的零食饮料')
    expect(reply).toContain(FILING)
    expect(reply).toContain('不用申请"食品经营许可"')
    expect(reply).not.toContain('食品经营许可申请书（')
    expect(reply).not.toContain('是否已准备好')
    expect(reply).not.toContain('【一次性告知单】')
    expect(reply).not.toContain('申请代办')
    const proxy = joined(await chat.say('帮我办'))
    expect(proxy).toContain('不用代办')
    expect(proxy).not.toContain('申请人的姓名')
  })

  it('主要干哪一类？ is asked first and offers the packaged-food case; a restaurant is walked as before', async () => {
    const shop = await newChat()
    const first = await ask(shop, '开个包子铺要啥许可')
    expect(first).toContain('主要干哪一类？')
    expect(first).toContain('4 只卖包装好的预包装食品')
    const packaged = joined(await shop.say('4'))
    expect(packaged).toContain(FILING)
    expect(packaged).not.toContain('【一次性告知单】')
    expect(packaged).not.toContain('申请代办')
    const restaurant = await newChat()
    await ask(restaurant, '开个包子铺要啥许可')
    const walk = joined(await restaurant.say('1'))
    expect(walk).toContain('是否已准备好：食品经营许可申请书')
    expect(walk).not.toContain('备案')
  })
})

describe('materials the office itself produces or fills in', () => {
  it('特困: the 审批表、调查表 are filled at the window and the 民政 office makes the 核对报告: neither asked nor missing', async () => {
    const chat = await newChat()
    await ask(chat, '特困供养怎么申请')
    const list = await untilChecklist(chat, () => '2')
    expect(list).not.toContain('✗ 特困人员救助供养申请审批表')
    expect(list).not.toContain('家庭经济状况核对报告（原件')
    expect(list).toMatch(/到窗口现场填写（不用提前准备）：[^\n]*特困人员救助供养申请审批表/)
    expect(list).toContain('出具核对报告（不用自己开）')
  })

  it('残疾人两项补贴: its 审批表 is filled at the window, not asked', async () => {
    const chat = await newChat()
    const first = await ask(chat, '残疾人两项补贴怎么申请')
    expect(first).not.toContain('是否已准备好：残疾人两项补贴申请审批表')
    const list = joined(await chat.say('全部列出'))
    expect(list).toMatch(/到窗口现场填写（不用提前准备）：[^\n]*残疾人两项补贴申请审批表/)
  })

  it('林木采伐: the 公示 is a step the village takes, not a material to bring', async () => {
    const chat = await newChat()
    await ask(chat, '山上承包的林子要砍树 办采伐证要带啥')
    const list = joined(await chat.say('全部列出'))
    expect(list).not.toContain('村内公示材料')
    expect(list).toContain('公示期满后出具公示材料（不用自己准备）')
  })
})

describe('办理残疾人证: how much it pays', () => {
  it('办残疾证能领多少钱: the card itself pays nothing; the money is 残疾人两项补贴, named', async () => {
    const reply = await ask(await newChat(), '办残疾证能领多少钱')
    expect(reply).toContain('能领多少：\n办残疾人证本身不发钱\n')
    expect(reply).toContain('"困难残疾人生活补贴和重度残疾人护理补贴"')
    expect(reply).not.toContain('按本县当年的标准发')
  })
})
