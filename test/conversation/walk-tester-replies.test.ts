/**
 * Walk replies an exploratory tester found misread: a question about someone else's matter taken for an answer
 * (俺孩子上学咋办 at the 居住证 住处 question, offered as the item it is), a paper kept at a relative's (原件在俺儿那), one of an either-one
 * material said there (有诊断证明) and its situation question asked all the same, a situation said in the first
 * question asked again, 跳过, an expired paper, an answer with a request for another item, 不是居住证 是暂住证.
 * Through the conversation service with the real catalogue and dialog files.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, startItem, type Chat } from './support.js'

const DIBAO = '最低生活保障申请'
const DISABLED_ID = '办理残疾人证'
const RESIDENCE = '居住证办理'
const DISABLED_Q = '家里有没有残疾或生重病的人？'
const HOUSEHOLD = '是否已准备好：户口簿'
const FAMILY_HOUSEHOLD = '是否已准备好：共同生活家庭成员户口簿'
const ELDER_Q = '老人是低保户还是特困（五保）户？'

async function at(name: string, ...replies: string[]): Promise<Chat> {
  const chat = await newChat()
  await startItem(chat, name)
  for (const reply of replies) await chat.say(reply)
  return chat
}

describe('walk replies found by the exploratory tester', () => {
  it('俺孩子上学咋办 at the 居住证 住处 question offers 随迁子女义务教育入学申请 and records no 上学', async () => {
    for (const reply of ['俺孩子上学咋办', '外地孩子上学要带啥']) {
      const chat = await at(RESIDENCE, '1')
      const said = joined(await chat.say(reply))
      expect(said, reply).not.toContain('按您说的"上学"')
      expect(said, reply).toContain('随迁子女义务教育入学申请')
      expect(joined(await chat.say('2')), reply).toContain('住的是自己（家人）的房子')
    }
  })

  it('上学 said of the applicant is still the 居住依据 answer', async () => {
    const chat = await at(RESIDENCE, '1', '1')
    const said = joined(await chat.say('俺在这边上学'))
    expect(said).not.toContain('随迁子女义务教育入学申请')
  })

  it('a paper at a relative\'s (原件在俺儿那) is 有', async () => {
    for (const reply of ['原件在俺儿那', '身份证原件在俺儿那里', '在俺闺女家放着', '身份证在俺儿子那']) {
      const chat = await at(DISABLED_ID)
      const said = joined(await chat.say(reply))
      expect(said, reply).toContain(HOUSEHOLD)
      expect(joined(await chat.say('全部列出')), reply).toContain('✓ 申请人居民身份证')
    }
  })

  it('one of an either-one material said there (有诊断证明, 有病历) answers its situation question 是', async () => {
    for (const reply of ['有诊断证明', '有病历', '有住院病历']) {
      const chat = await at(DIBAO, '1')
      await chat.say(reply)
      const said = joined(await chat.say('1'))
      expect(said, reply).not.toContain(DISABLED_Q)
    }
  })

  it('俺孙子刚生 in the first question is the 未成年人 of 给谁参保？', async () => {
    const chat = await newChat()
    await chat.say('俺孙子刚生 想给他办合作医疗')
    const said = joined(await chat.say('1'))
    expect(said).not.toContain('给谁参保？')
  })

  it('跳过 and 下一个 at a material go on to the next one, the skipped one to check on the list', async () => {
    for (const reply of ['跳过', '下一个', '先跳过']) {
      const chat = await at(DISABLED_ID)
      const said = joined(await chat.say(reply))
      expect(said, reply).toContain(HOUSEHOLD)
      expect(said, reply).not.toContain('没看明白')
      const list = joined(await chat.say('全部列出'))
      expect(list, reply).not.toContain('✓ 申请人居民身份证')
      expect(list, reply).toContain('✗ 申请人居民身份证')
    }
  })

  it('an expired paper is said to need renewing (换领), recorded missing', async () => {
    for (const reply of ['身份证倒是有 就是过期了', '身份证过期了', '有 过期了']) {
      const chat = await at(DIBAO)
      const said = joined(await chat.say(reply))
      expect(said, reply).toContain('过期')
      expect(said, reply).toContain('换')
      // Where to renew it, not the lost card's 丢了先…补办.
      expect(said, reply).toContain('到户籍地派出所换领')
      expect(said, reply).not.toContain('丢了')
      expect(said, reply).toContain(FAMILY_HOUSEHOLD)
      expect(joined(await chat.say('全部列出')), reply).toContain('✗ 申请人居民身份证')
    }
  })

  it('身份证过期了去哪换 says where to renew it, not the lost card\'s 补办', async () => {
    const chat = await at(DIBAO)
    const said = joined(await chat.say('身份证过期了去哪换'))
    expect(said).toContain('到户籍地派出所换领')
    expect(said).not.toContain('丢了')
  })

  it('a paper about to expire (快过期了) is still 有', async () => {
    const chat = await at(DIBAO)
    expect(joined(await chat.say('身份证快过期了'))).toContain(FAMILY_HOUSEHOLD)
    expect(joined(await chat.say('全部列出'))).toContain('✓ 申请人居民身份证')
  })

  it('身份证有 还想办个残疾证 records the 有, then offers 办理残疾人证', async () => {
    const chat = await at(DIBAO)
    const said = joined(await chat.say('身份证有 还想办个残疾证'))
    expect(said).toContain(DISABLED_ID)
    expect(joined(await chat.say('全部列出'))).toContain('✓ 申请人居民身份证')
  })

  it('俺老伴瘫痪在床 能申请护理补贴不 at the 残疾或重病 question records 是, then offers the 护理补贴 item', async () => {
    const chat = await at(DIBAO, '1', '1')
    const said = joined(await chat.say('俺老伴瘫痪在床 能申请护理补贴不'))
    expect(said).toContain('困难残疾人生活补贴和重度残疾人护理补贴申请')
    expect(joined(await chat.say('全部列出'))).not.toContain(`${DISABLED_Q}选"是"才要带`)
  })

  it('an answer with a request for one of the item\'s own papers (是低保户 低保证要补办) records the answer and says where to get the paper', async () => {
    const cases: [string, string, string][] = [
      ['是低保户 低保证要补办', '低保证：低保证丢了到户籍地镇（街道）民政窗口补办', '□ 低保证'],
      ['五保户，五保证咋领', '特困人员救助供养证：特困供养证丢了到户籍地镇（街道）民政窗口补办', '□ 特困人员救助供养证'],
    ]
    for (const [reply, where, listed] of cases) {
      const chat = await newChat()
      expect(joined(await chat.say('俺爹瘫痪在床 高龄补贴咋领'))).toContain(ELDER_Q)
      const said = joined(await chat.say(reply))
      expect(said, reply).toContain(where)
      expect(said, reply).not.toContain('您是想问')
      expect(said, reply).not.toContain('回复 1 低保户')
      const list = joined(await chat.say('全部列出'))
      expect(list, reply).toContain(listed)
    }
  })

  it('不是居住证 是暂住证 in the 居住证 walk records nothing', async () => {
    const chat = await at(RESIDENCE)
    const said = joined(await chat.say('不是居住证 是暂住证'))
    expect(said).not.toContain('原居住证没有')
    expect(joined(await chat.say('全部列出'))).not.toContain('✗ 原居住证')
  })
})

describe('有 / 没有 at a 是不是 question', () => {
  const GUARDIAN_Q = '申请人是不是未满 18 岁的孩子'
  const GUARDIAN_PAPERS = '是否已准备好：监护人身份证和监护关系证明'

  it('is asked again plainly (请回 1 是，2 否), not taken as 是 or 否', async () => {
    for (const reply of ['有', '没有']) {
      const chat = await at(DISABLED_ID, '有', '有', '有', '有')
      const said = joined(await chat.say(reply))
      expect(said, reply).toContain('请回 1 是，2 否')
      expect(said, reply).toContain(GUARDIAN_Q)
      expect(said, reply).not.toContain(GUARDIAN_PAPERS)
      expect(joined(await chat.say('1')), reply).toContain(GUARDIAN_PAPERS)
    }
  })

  it('is the answer where the question asks 有没有', async () => {
    const chat = await at(DIBAO, '1', '1')
    expect(joined(await chat.say('有'))).toContain('残疾人证或住院病历、诊断证明')
  })
})

describe('a question about a paper at a situation question', () => {
  const ELDER = '俺娘80了 听说有高龄补贴 咋领'
  const STUCK = '我还是没看明白'

  it('要原件吗 and 这个去哪开 at 老人是低保户还是特困（五保）户？ say the step asks who the elder is, not a paper; not counted', async () => {
    const chat = await newChat()
    await chat.say(ELDER)
    await chat.say('对')
    await chat.say('有')
    await chat.say('有')
    for (const reply of ['要原件吗', '这个去哪开', '要原件吗']) {
      const said = joined(await chat.say(reply))
      expect(said, reply).not.toContain(STUCK)
      expect(said, reply).not.toContain('没看明白')
      expect(said, reply).toContain('不是问材料')
      expect(said, reply).toContain(ELDER_Q)
    }
  })

  it('at a question adding one material (选"是"的话，还要带…) they are about that material', async () => {
    const chat = await at(DISABLED_ID, '有', '有', '有', '有')
    const form = joined(await chat.say('要原件吗'))
    expect(form).toContain('监护人身份证和监护关系证明')
    expect(form).toContain('原件')
    expect(form).not.toContain('没看明白')
    const where = joined(await chat.say('这个去哪开'))
    expect(where).toContain('监护人身份证和监护关系证明')
    expect(where).not.toContain('没看明白')
  })
})
