/**
 * Walk replies an exploratory tester found misread (through the conversation service, real catalogue and dialogs):
 * a question about a material taken for its 有, 不对 + another item taken for 否, a bare item name taken for 是, a copy
 * or an expired paper taken for 有, one answer spread to materials sharing a word, 租的 at a question of several
 * kinds, the list of candidates (头一个, 俺也不知道), and 多少钱 once the item is at hand.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, startItem, type Chat } from '../conversation/support.js'

const ELDER_CARD = '《山东省老年人优待证》办理'
const DIBAO = '最低生活保障申请'
const DISABLED_ID = '办理残疾人证'
const DISABLED_Q = '家里有没有残疾或生重病的人？'

async function at(name: string, ...replies: string[]): Promise<Chat> {
  const chat = await newChat()
  await startItem(chat, name)
  for (const reply of replies) await chat.say(reply)
  return chat
}

async function said(chat: Chat, ...replies: string[]): Promise<string> {
  let last: string[] = []
  for (const reply of replies) last = await chat.say(reply)
  return joined(last)
}

describe('a question about a material is no answer', () => {
  it.each(['照片要红底还是白底', '照片是彩色的还是黑白的', '照片要多大的'])('%j at the 身份证 answers about the photo and records nothing', async (reply) => {
    const chat = await at(ELDER_CARD)
    const text = joined(await chat.say(reply))
    expect(text).not.toContain('记下了')
    expect(text).toContain('近期红底 1 寸彩色照片')
    expect(text).toContain('是否已准备好：老人居民身份证')
    const list = await said(chat, '1')
    expect(list).toContain('是否已准备好：近期红底 1 寸彩色照片')
  })
})

describe('a question naming a material\'s word asks, it tells nothing', () => {
  it('老人是不是外地的 这个咋算 at the photo records no 老人居民身份证 没有', async () => {
    const chat = await at(ELDER_CARD, '1')
    const text = joined(await chat.say('老人是不是外地的 这个咋算'))
    expect(text).not.toContain('老人居民身份证没有')
    expect(await said(chat, '全部列出')).toContain('✓ 老人居民身份证')
  })
})

describe('不对 and another item is a new question', () => {
  it('老年证咋办 / 有 / 有 / 不对 俺是想办个体户 offers 个体工商户登记 and records no 否', async () => {
    const chat = await newChat()
    const text = await said(chat, '老年证咋办', '有', '有', '不对 俺是想办个体户')
    expect(text).toContain('个体工商户登记')
    expect(text).not.toContain('是不是子女或其他人替老人来办？')
  })

  it('低保 … 不对，俺是想问五保 at 家里有没有残疾 does not record 否', async () => {
    const chat = await at(DIBAO, '有', '有')
    const text = joined(await chat.say('不对，俺是想问五保'))
    expect(text).toContain('特困')
    expect(text).not.toContain('家里人和低保经办人员')
  })

  it.each(['不对，我想问残疾证的事', '不是 我想办五保'])('%j at a material records no 没有', async (reply) => {
    const chat = await at(DIBAO)
    const text = joined(await chat.say(reply))
    expect(text).not.toContain('记下了')
    expect(text).toContain('您是想问')
    expect(await said(chat, '2', '全部列出')).not.toContain('✗ 申请人居民身份证')
  })

  it('不是 是五保 at 家里有没有残疾 offers 特困 and records no 否', async () => {
    const chat = await at(DIBAO, '有', '有')
    const text = joined(await chat.say('不是 是五保'))
    expect(text).toContain('特困')
    expect(text).not.toContain('家里人和低保经办人员')
  })

  it('不是 是重病 there is still its 是', async () => {
    const chat = await at(DIBAO, '有', '有')
    const text = joined(await chat.say('不是残疾 是重病'))
    expect(text).not.toContain('您是想问')
    expect(text).not.toContain(DISABLED_Q)
  })

  it('不对 是五保 at 对吗 goes to 特困', async () => {
    const chat = await newChat()
    expect(await said(chat, '低保')).toContain('对吗')
    const text = joined(await chat.say('不对 是五保'))
    expect(text).not.toContain('没看明白')
    expect(text).toContain('特困')
  })
})

describe('a bare other item\'s name at a situation question', () => {
  it('残疾证 at 家里有没有残疾 offers 办理残疾人证, records nothing', async () => {
    const chat = await at(DIBAO, '有', '有')
    const text = joined(await chat.say('残疾证'))
    expect(text).toContain(DISABLED_ID)
    expect(text).not.toContain('是否已准备好：残疾人证或住院病历')
  })

  it('残疾证 at the 身份证 offers 办理残疾人证, records no 是', async () => {
    const chat = await at(DIBAO)
    const text = joined(await chat.say('残疾证'))
    expect(text).toContain(DISABLED_ID)
    expect(text).not.toContain('就按"是"算')
  })

  it('有残疾证 there is still 是', async () => {
    const chat = await at(DIBAO, '有', '有')
    const text = joined(await chat.say('有残疾证'))
    expect(text).not.toContain(DISABLED_Q)
    expect(text).not.toContain('您是想问')
  })
})

describe('the original wanted, a copy or an expired paper said', () => {
  it.each(['有个复印件 原件找不着了', '有 不过是复印的', '只有复印件'])('%j where 原件和复印件 are wanted is 没有, with where to get it', async (reply) => {
    const chat = await at(DISABLED_ID)
    const text = joined(await chat.say(reply))
    expect(text).not.toContain('用不上')
    expect(text).toContain('要带原件')
    expect(text).toContain('是否已准备好：户口簿')
    expect(await said(chat, '全部列出')).toContain('✗ 申请人居民身份证')
  })

  it('复印件有 原件过期了 says the original must be renewed, once', async () => {
    const chat = await at(DISABLED_ID)
    const text = joined(await chat.say('复印件有 原件过期了'))
    expect(text).toContain('过期了不能用')
    expect(text).not.toContain('缺了怎么办')
    expect(await said(chat, '全部列出')).toContain('✗ 申请人居民身份证')
  })

  it.each(['有但是过期了', '有 但是过期了', '有，不过过期了'])('%j is 没有 with where to renew it', async (reply) => {
    const chat = await at(DISABLED_ID)
    const text = joined(await chat.say(reply))
    expect(text).toContain('过期了不能用')
    expect(text).toContain('是否已准备好：户口簿')
    expect(await said(chat, '全部列出')).toContain('✗ 申请人居民身份证')
  })
})

describe('an answer applies to the material it names', () => {
  it('户口本没有 社保卡有 in the 身份证 walk leaves the guardian\'s 身份证和户口簿 unanswered', async () => {
    const chat = await newChat()
    await chat.say('给孩子办身份证')
    const text = joined(await chat.say('户口本没有 社保卡有'))
    expect(text).not.toContain('监护人居民身份证和户口簿没有')
    expect(await said(chat, '1', '1')).toContain('是否已准备好：监护人居民身份证和户口簿')
  })
})

describe('one option of several named', () => {
  it('租的 at 经营的地方是自己的房子还是租的？ is 租赁房屋', async () => {
    const chat = await newChat()
    const text = await said(chat, '办个体户', '1', '1', '租的')
    expect(text).not.toContain('这一问请按您的情况选一个')
    expect(text).not.toContain('经营的地方是自己的房子还是租的？')
  })
})

describe('the list of candidate items', () => {
  // A list with the subsidy first and the card second.
  const ASK = '俺爹残疾了'
  const FIRST = '困难残疾人生活补贴和重度残疾人护理补贴申请'

  it.each(['头一个', '第一个'])('%j picks the first', async (reply) => {
    const chat = await newChat()
    expect(await said(chat, ASK)).toContain(`1 ${FIRST}`)
    expect(joined(await chat.say(reply))).toContain(`办"${FIRST}"要`)
  })

  it('俺也不知道 keeps the list', async () => {
    const chat = await newChat()
    await chat.say(ASK)
    const text = joined(await chat.say('俺也不知道'))
    expect(text).not.toContain('没找到')
    expect(text).toContain('2 办理残疾人证')
    expect(joined(await chat.say('2'))).toContain(`办"${DISABLED_ID}"要`)
  })
})

describe('an aspect asked once the item is at hand', () => {
  it('多少钱 after 不知道 after the checklist is answered for the item', async () => {
    const chat = await at(DIBAO, '全部列出', '1', '不知道')
    const text = joined(await chat.say('多少钱'))
    expect(text).not.toContain('没找到')
    expect(text).toContain('不收费')
  })
})

describe('what to bring once the item is at hand', () => {
  it('要带啥 after 自己办理 says the list is above', async () => {
    const chat = await at(DIBAO, '全部列出', '1')
    const text = joined(await chat.say('要带啥'))
    expect(text).not.toContain('没找到')
    expect(text).toContain('全部列出')
  })
})

describe('a paper of a kind the item asks for is not "not needed"', () => {
  it.each(['一寸照', '证件照'])('%j in the 优待证 walk (which needs a photo) is not told it is not needed', async (said) => {
    const chat = await at(ELDER_CARD)
    expect(joined(await chat.say(said))).not.toContain('用不上')
  })
})
