/**
 * A request for another service mid-walk is no answer (还想问问残疾证咋办, 俺想申请残疾人两项补贴, 想办个残疾人证): it is
 * not read by the words it shares with the step asked (残疾, a 说法 of 家里有没有残疾或生重病的人？'s 是; 人证, in the
 * 军人证 of a material's note). Through the conversation service with the real catalogue and dialog files.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, startItem, type Chat } from './support.js'

const DIBAO = '最低生活保障申请'
const DISABLED = '家里有没有残疾或生重病的人？'
const DISABLED_PAPERS = '是否已准备好：残疾人证或住院病历、诊断证明'
const ID_CARD = '是否已准备好：申请人居民身份证'

/** Answers 1 until `prompt` is asked (at most a dozen replies). */
async function answerUntil(chat: Chat, first: string[], prompt: string): Promise<void> {
  let replies = first
  for (let k = 0; k < 12 && !joined(replies).includes(prompt); k++) replies = await chat.say('1')
  expect(joined(replies)).toContain(prompt)
}

/** A chat in the 低保 walk at 家里有没有残疾或生重病的人？. */
async function atDisabled(): Promise<Chat> {
  const chat = await newChat()
  await answerUntil(chat, await startItem(chat, DIBAO), DISABLED)
  return chat
}

describe('a request for another service at a situation question', () => {
  it('还想问问残疾证咋办 at 家里有没有残疾或生重病的人？ offers 办理残疾人证; the question stays unanswered', async () => {
    const chat = await atDisabled()
    const said = joined(await chat.say('还想问问残疾证咋办'))
    expect(said).toContain('您是想问"办理残疾人证"吗？')
    expect(said).not.toContain('就按"是"算')
    expect(said).not.toContain(DISABLED_PAPERS)
    // 不是，接着刚才的: back to the same question, still to answer.
    expect(joined(await chat.say('2'))).toContain(DISABLED)
  })

  it('going back to another item (接着上次的残疾证, 接着办残疾证, 回到残疾证那个) offers it, not 是', async () => {
    for (const reply of ['接着上次的残疾证', '接着办残疾证', '回到残疾证那个']) {
      const chat = await atDisabled()
      const said = joined(await chat.say(reply))
      expect(said, reply).toContain('您是想问"办理残疾人证"吗？')
      expect(said, reply).not.toContain(DISABLED_PAPERS)
    }
  })

  it('asking for another item in other words there offers it too, and records no 是', async () => {
    const offers: [string, string][] = [
      ['俺想申请残疾人两项补贴', '困难残疾人生活补贴和重度残疾人护理补贴申请'],
      ['残疾人补贴咋领', '困难残疾人生活补贴和重度残疾人护理补贴申请'],
      ['想办个残疾证', '办理残疾人证'],
      ['残疾证怎么办理', '办理残疾人证'],
      ['俺还想办个残疾证', '办理残疾人证'],
      ['残疾证能办不', '办理残疾人证'],
      ['能办残疾证吗', '办理残疾人证'],
      ['俺想问问残疾人两项补贴', '困难残疾人生活补贴和重度残疾人护理补贴申请'],
    ]
    for (const [reply, item] of offers) {
      const chat = await atDisabled()
      const said = joined(await chat.say(reply))
      expect(said, reply).toContain(`您是想问"${item}"吗？`)
      expect(joined(await chat.say('2')), reply).toContain(DISABLED)
    }
  })

  it('残疾证咋办 there is not its 是 either: the paper it may bring is said where to get, then the item issuing it offered', async () => {
    const chat = await atDisabled()
    const said = joined(await chat.say('残疾证咋办'))
    expect(said).not.toContain('就按"是"算')
    expect(said).not.toContain(DISABLED_PAPERS)
    expect(said).toContain('残疾人证或住院病历、诊断证明：残疾人证到县残联办理')
    expect(said).toContain('您是想问"办理残疾人证"吗？')
    expect(joined(await chat.say('2'))).toContain(DISABLED)
  })

  it('a true answer naming the situation still is its 是 (俺家老头是残疾, 有个残疾的孩子, 俺家领过残疾证, 老头瘫痪咋办)', async () => {
    for (const reply of ['俺家老头是残疾', '有个残疾的孩子', '俺家领过残疾证', '俺老伴瘫了咋办', '老头瘫痪咋办', '俺老伴瘫在床上好几年了']) {
      const chat = await atDisabled()
      const said = joined(await chat.say(reply))
      expect(said, reply).toContain(DISABLED_PAPERS)
      expect(said, reply).not.toContain('您是想问')
    }
  })
})

describe('a request for another service out of turn', () => {
  it('残疾人补贴咋领 at the 身份证 of the 低保 walk offers that item; 家里有没有残疾… is not taken as 是', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    const said = joined(await chat.say('残疾人补贴咋领'))
    expect(said).toContain('您是想问"困难残疾人生活补贴和重度残疾人护理补贴申请"吗？')
    expect(said).not.toContain('就按"是"算')
    expect(joined(await chat.say('2'))).toContain(ID_CARD)
    await chat.say('1')
    expect(joined(await chat.say('1'))).toContain(DISABLED)
  })

  it('残疾人证咋办 there says where to get the paper the item may ask for, records nothing, and asks the 身份证 again', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    const said = joined(await chat.say('残疾人证咋办'))
    expect(said).not.toContain('就按"是"算')
    expect(said).toContain('残疾人证到县残联办理')
    expect(said).toContain(ID_CARD)
    await chat.say('1')
    expect(joined(await chat.say('1'))).toContain(DISABLED)
  })

  it('残疾证咋办, which the matcher finds clearly, says where to get it and offers 办理残疾人证; 2 goes back with nothing recorded', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    const said = joined(await chat.say('残疾证咋办'))
    expect(said).not.toContain('就按"是"算')
    expect(said).toContain('残疾人证到县残联办理')
    expect(said).toContain('您是想问"办理残疾人证"吗？')
    expect(joined(await chat.say('2'))).toContain(ID_CARD)
    await chat.say('1')
    expect(joined(await chat.say('1'))).toContain(DISABLED)
  })
})

describe('the remark check and a request for another service', () => {
  it('想办个残疾人证 at 本人有效身份证件 (whose note says 军人证) is a new question: 办理残疾人证 is offered', async () => {
    const chat = await newChat()
    await answerUntil(chat, await startItem(chat, '图书借阅服务'), '是否已准备好：本人有效身份证件')
    const said = joined(await chat.say('想办个残疾人证'))
    expect(said).toContain('您是想问"办理残疾人证"吗？')
    expect(said).not.toContain('好的。本人有效身份证件，您有没有？')
  })

  it('俺想申请城乡居民养老保险, which the matcher is not sure of, shares 居民 with 本人居民身份证 but is a new question: its items are offered', async () => {
    const chat = await newChat()
    await answerUntil(chat, await startItem(chat, '申报职业技能鉴定'), '是否已准备好：本人居民身份证')
    const said = joined(await chat.say('俺想申请城乡居民养老保险'))
    expect(said).toContain('您是想问下面哪一项？')
    expect(said).toContain('城乡居民养老保险参保登记')
    expect(said).not.toContain('好的。本人居民身份证，您有没有？')
  })

  it('so at a situation question (户口是因为什么迁过来？): not 这一问请按您的情况选一个', async () => {
    const chat = await newChat()
    await answerUntil(chat, await startItem(chat, '户口迁入登记'), '户口是因为什么迁过来？')
    const said = joined(await chat.say('俺想申请城乡居民养老保险'))
    expect(said).toContain('城乡居民养老保险参保登记')
    expect(said).not.toContain('这一问请按您的情况选一个')
  })

  it('上户口咋办 at the 申请人居民身份证 of 办理残疾人证 is a new question, not where to get the 身份证', async () => {
    const chat = await newChat()
    await answerUntil(chat, await startItem(chat, '办理残疾人证'), '是否已准备好：申请人居民身份证')
    const said = joined(await chat.say('上户口咋办'))
    expect(said).toContain('您是想问"出生登记（新生儿落户）"吗？')
    expect(said).not.toContain('身份证丢了先到户籍地派出所补办')
  })

  it('another of the item\'s papers asked for (户口本咋办, 想补办户口本 at the 身份证) is said where to get, not offered as 户口迁入登记', async () => {
    for (const reply of ['户口本咋办', '想补办户口本']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      const said = joined(await chat.say(reply))
      expect(said, reply).toContain('共同生活家庭成员户口簿：户口簿丢失的到户籍地派出所补办')
      expect(said, reply).toContain(ID_CARD)
      expect(said, reply).not.toContain('您是想问')
    }
  })

  it('a request for the material asked is still about it (二代证怎么领 at the 身份证: where to get it)', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    const said = joined(await chat.say('二代证怎么领'))
    expect(said).toContain('申请人居民身份证：身份证丢了先到户籍地派出所补办')
    expect(said).not.toContain('您是想问')
  })
})
