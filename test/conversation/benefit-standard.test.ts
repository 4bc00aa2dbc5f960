/**
 * 能领多少 about an item with a 待遇标准 (catalog/items: 低保, 特困, 临时救助): the standard's lines as the file
 * has them, without its notes to admins, then the phone; in 长者模式 the elder words around the same lines. An item
 * without one keeps the county's-yearly-standard line. Through the conversation service with the real catalogue.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, startItem, type Chat } from './support.js'

const PHONE = '0539-7211000'
const DIBAO_STANDARD = [
  '济南市 2024 年的低保标准：城市每月 1114 元，农村每月 884 元',
  '这是济南的标准，不是本县的；本县标准以县民政部门公布的为准',
]
const TEKUN_STANDARD = [
  '安丘市的特困人员供养标准：城市每月 1276 元，农村每月 1024 元',
  '护理费（安丘）：全护理每月 845 元，半护理每月 423 元，生活自理每月 249 元',
  '这是安丘的标准，不是本县的；本县标准以县民政部门公布的为准',
]
const DIBAO_ANSWER = ['能领多少：', ...DIBAO_STANDARD, `具体能领多少，请打电话问 ${PHONE}`].join('\n')
/** Today's line for an item without a 待遇标准 (残疾人两项补贴 has its own phone). */
const NO_STANDARD = '能领多少：按本县当年的标准发，具体请打电话问 0539-7211070'
const NO_STANDARD_ELDER = '能领多少：按本县当年的标准，打电话问 0539-7211070'

/** Says `question`, and 对 when the item is asked to be confirmed: the replies up to the walk's first question. */
async function ask(chat: Chat, question: string): Promise<string> {
  const first = joined(await chat.say(question))
  return first.includes('对吗？') ? joined(await chat.say('1')) : first
}

describe('能领多少 about an item with a 待遇标准', () => {
  it('低保一个月能领多少钱: the standard, then the phone, before the walk starts', async () => {
    const reply = await ask(await newChat(), '低保一个月能领多少钱')
    expect(reply).toContain(`${DIBAO_ANSWER}\n好的。办"最低生活保障申请"要准备的材料`)
    // Not the fee, not today's line, and not the file's note to admins (（样例，请换成本县标准）).
    expect(reply).not.toContain('按本县当年的标准发')
    expect(reply).not.toContain('收不收费')
    expect(reply).not.toContain('样例')
  })

  it('a standard of several lines (特困) is said line by line, and 临时救助 names where its figures come from', async () => {
    expect(await ask(await newChat(), '特困供养一个月给多少钱')).toContain(['能领多少：', ...TEKUN_STANDARD, `具体能领多少，请打电话问 ${PHONE}`].join('\n'))
    const temporary = await ask(await newChat(), '临时救助能给多少')
    expect(temporary).toContain('能领多少：\n安徽无为市鹤毛镇的标准：每次为当地低保标准的 2–6 倍，特殊情况不超过 2 万元\n这是外省的标准，不是本县的')
    expect(temporary).toContain(`具体能领多少，请打电话问 ${PHONE}`)
  })

  it('多少钱一个月 in the middle of the walk and after the checklist: the standard, then the question again', async () => {
    const chat = await newChat()
    const walk = joined(await startItem(chat, '最低生活保障申请'))
    const asked = walk.slice(walk.lastIndexOf('是否已准备好'))
    expect(await chat.say('多少钱一个月')).toEqual([DIBAO_ANSWER, asked])
    // The 告知单 keeps to what to bring, where, how and when: the standard is said when asked, not listed.
    const list = joined(await chat.say('全部列出'))
    expect(list).toContain('四、时限和费用')
    expect(list).not.toContain('1114')
    const after = await chat.say('一个月给多少钱')
    expect(after[0]).toBe(DIBAO_ANSWER)
    expect(after[1]).toContain('您打算怎么办？')
  })

  it('in 长者模式: the same lines, with the elder words for the phone', async () => {
    const chat = await newChat()
    await chat.say('长者模式')
    const reply = await ask(chat, '低保一个月能领多少钱')
    expect(reply).toContain(['能领多少：', ...DIBAO_STANDARD, `您家能领多少，打电话问 ${PHONE}`].join('\n'))
    expect(reply).not.toContain('具体能领多少，请')
  })
})

describe('能领多少 about an item without a 待遇标准', () => {
  it('keeps today\'s line, in standard and in elder words', async () => {
    const reply = await ask(await newChat(), '残疾人两项补贴一个月给多少钱')
    expect(reply).toContain(`${NO_STANDARD}\n`)
    expect(reply).not.toContain('能领多少：\n')
    const elder = await newChat()
    await elder.say('长者模式')
    expect(await ask(elder, '残疾人两项补贴一个月给多少钱')).toContain(`${NO_STANDARD_ELDER}\n`)
  })
})
