/**
 * Answers to situation questions in a resident's own words: two characters only one option has (上班, 单位, 打工 for
 * 在单位上班; 领了 for 婚生), 有 to a question asking whether something is lost, and so on. Through the conversation
 * service with the real catalogue and dialog files.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, startItem, type Chat } from './support.js'

/** Answers 1 until a reply shows `prompt` (at most ten times); the replies that show it. */
async function answerUntil(chat: Chat, first: string[], prompt: string): Promise<string> {
  let replies = joined(first)
  for (let n = 0; n < 10 && !replies.includes(prompt); n++) replies = joined(await chat.say('1'))
  expect(replies).toContain(prompt)
  return replies
}

const SUIQIAN = '随迁子女义务教育入学申请'
const WORK = '孩子父母在这边是给单位打工，还是自己做生意（个体户）？'
const BIRTH = '出生登记（新生儿落户）'
const ONLY_CHILD = '农村和城镇无业人员独生子女父母奖励费发放'
const LOST = '《独生子女父母光荣证》是不是丢了？'

describe('an option said in two characters of its own', () => {
  it('takes 俺在厂里上班, 上班, 单位, 打工 for 在单位上班 and 做生意 for 自己做生意', async () => {
    for (const [reply, material] of [
      ['俺在厂里上班', '1 年以上劳动合同和社保缴费记录'],
      ['上班', '1 年以上劳动合同和社保缴费记录'],
      ['单位', '1 年以上劳动合同和社保缴费记录'],
      ['打工', '1 年以上劳动合同和社保缴费记录'],
      ['做生意', '营业执照和纳税凭证'],
    ] as const) {
      const chat = await newChat()
      await startItem(chat, SUIQIAN)
      for (const n of ['1', '1']) await chat.say(n)
      expect(joined(await chat.say('1')), reply).toContain(WORK)
      expect(joined(await chat.say(reply)), reply).toContain(`是否已准备好：${material}`)
    }
  })

  it('takes 领了 for 领了结婚证的（婚生） and 没领 for 没领结婚证（非婚生）', async () => {
    for (const [reply, next] of [
      ['领了', '父母双方居民身份证'],
      ['没领', '孩子的户口跟妈妈落，还是跟爸爸落？'],
    ] as const) {
      const chat = await newChat()
      expect(joined(await startItem(chat, BIRTH))).toContain('孩子爸妈是领了结婚证的（婚生）')
      expect(joined(await chat.say(reply)), reply).toContain(next)
    }
  })

  it('does not take words turned round outside the option (不在单位上班 is not 在单位上班)', async () => {
    const chat = await newChat()
    await startItem(chat, SUIQIAN)
    for (const n of ['1', '1', '1']) await chat.say(n)
    expect(joined(await chat.say('不在单位上班'))).not.toContain('劳动合同')
  })
})

describe('an option said with a negation the reply does not have (found in review)', () => {
  it('does not take 生活能自理 for 不到80岁生活不能自理, but takes 不能自理', async () => {
    for (const [reply, recorded] of [['生活能自理', false], ['能自理', false], ['不能自理', true]] as const) {
      const chat = await newChat()
      await chat.say('高龄补贴咋领')
      await chat.say('1')
      await chat.say('1')
      const said = joined(await chat.say(reply))
      expect(said.startsWith('是否已准备好：医院出具的生活不能自理诊断证明'), reply).toBe(recorded)
    }
  })
})

describe('a question asking whether something is lost', () => {
  it('takes 有, 有的, 在呢, 光荣证在家, 没丢 as 否, and 是, 丢了, 找不着了 as 是', async () => {
    for (const [reply, lost] of [
      ['有', false], ['有的', false], ['在呢', false], ['光荣证在家', false], ['没丢', false],
      ['是', true], ['丢了', true], ['找不着了', true],
    ] as const) {
      const chat = await newChat()
      await startItem(chat, ONLY_CHILD)
      await chat.say('1')
      expect(joined(await chat.say('1')), reply).toContain(LOST)
      const next = joined(await chat.say(reply))
      expect(next, reply).toContain(lost ? '光荣证遗失补办申请' : '是否已准备好：《独生子女父母光荣证》')
      expect(joined(await chat.say('全部列出')).includes('光荣证遗失补办申请'), reply).toBe(lost)
    }
  })

  it('takes 俺有光荣证 said in the question as 否: the question is not asked', async () => {
    for (const [question, said] of [['俺有光荣证 独生子女费咋领', '有光荣证'], ['光荣证在家放着呢 独生子女费咋领', '光荣证在']] as const) {
      const chat = await newChat()
      const replies = joined(await chat.say(question))
      expect(replies, question).toContain(`您说了"${said}"，就按《独生子女父母光荣证》没丢算。`)
      expect(replies, question).not.toContain(LOST)
      await chat.say('1')
      expect(joined(await chat.say('1')), question).toContain('是否已准备好：《独生子女父母光荣证》')
    }
  })
})

describe('a loss said at 是不是丢了 of another paper (found in review)', () => {
  it('结婚证丢了咋补 is not the 光荣证 lost; 光荣证丢了 and 丢了 are', async () => {
    const at = async (reply: string) => {
      const chat = await newChat()
      await chat.say('独生子女费咋领')
      await chat.say('1')
      await chat.say('1')
      return joined(await chat.say(reply))
    }
    expect(await at('结婚证丢了咋补')).not.toContain('是否已准备好：光荣证遗失补办申请')
    for (const reply of ['光荣证丢了', '丢了']) expect(await at(reply), reply).toContain('是否已准备好：光荣证遗失补办申请')
  })
})

describe('a yes/no question answered the other way round (vocabulary.yaml turnedRound)', () => {
  it('takes 俺自己去, 我自己办 as 否 to 是不是委托…替您申请？', async () => {
    for (const reply of ['俺自己去', '我自己办']) {
      const chat = await newChat()
      await answerUntil(chat, await startItem(chat, '特困人员救助供养申请'), '是不是委托村（居）委会或别人替您申请？')
      expect(joined(await chat.say(reply)), reply).not.toContain('没看明白')
      expect(joined(await chat.say('全部列出')), reply).not.toContain('授权委托书')
    }
  })

  it('takes 俺自己去 as 否 to 是不是由家里人替参保人来办？ in 长者模式', async () => {
    const chat = await newChat()
    await startItem(chat, '居民养老保险待遇登记及终止')
    await chat.say('长者模式')
    await answerUntil(chat, await chat.say('1'), '是不是由家里人替参保人来办？')
    expect(joined(await chat.say('俺自己去'))).not.toContain('没看明白')
    expect(joined(await chat.say('全部列出'))).not.toContain('授权委托书')
  })

  it('takes 俺是本地的 他是河北的 as 否 to 夫妻俩是不是都是外省户口？, but not 不能自己去 to a 委托 question', async () => {
    const chat = await newChat()
    await answerUntil(chat, await startItem(chat, '一孩、二孩生育登记及《服务手册》发放'), '夫妻俩是不是都是外省户口')
    const next = joined(await chat.say('俺是本地的 他是河北的'))
    expect(next).not.toContain('没看明白')
    expect(next).toContain('现在是怀孕期间来登记')
    const entrust = await newChat()
    await answerUntil(entrust, await startItem(entrust, '特困人员救助供养申请'), '是不是委托村（居）委会或别人替您申请？')
    expect(joined(await entrust.say('不能自己去'))).toContain('是不是委托村（居）委会或别人替您申请？')
  })
})

describe('a material any one of several papers will do for', () => {
  it('is ready when one is there: 残疾证没有 有病历 at the material, 有病历 残疾证没有 at the question before it', async () => {
    const material = '残疾人证或住院病历、诊断证明'
    for (const [atQuestion, reply] of [[false, '残疾证没有 有病历'], [true, '有病历 残疾证没有']] as const) {
      const chat = await newChat()
      await answerUntil(chat, await startItem(chat, '最低生活保障申请'), '家里有没有残疾或生重病的人？')
      if (!atQuestion) expect(joined(await chat.say('是')), reply).toContain(`是否已准备好：${material}`)
      expect(joined(await chat.say(reply)), reply).not.toContain(`${material}没有`)
      expect(joined(await chat.say('全部列出')), reply).not.toContain(`✗ ${material}`)
    }
  })
})
