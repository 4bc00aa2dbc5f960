/**
 * Transcripts at the checklist ("您打算怎么办？"): replies that are neither an option, a town nor a question the
 * matcher is sure about; 全部列出 there; and the legend of the materials' marks.
 */
import { describe, expect, it } from 'vitest'
import { decide } from '../../src/match/decide.js'
import { joined, newChat, real, sayAfresh, startItem, type Chat } from './support.js'

const DIBAO = '最低生活保障申请'
const MEAL = '长者食堂助餐补贴申请'
const OPTIONS = '请回复编号：\n1 自己办理\n2 问别的事\n3 申请代办（工作人员帮您办）'
const REPROMPT = `您打算怎么办？\n${OPTIONS}`
const NOT_UNDERSTOOD = '没看明白您的意思。'
const ASK_OTHER = '也可以直接打字问别的事，比如：残疾人证怎么办'
const VAGUE = '我家里有残疾人怎么办'

/** At the checklist of `name`, after 全部列出. */
async function atChecklist(name = DIBAO): Promise<Chat> {
  const chat = await newChat()
  await startItem(chat, name)
  expect(joined(await chat.say('全部列出'))).toContain('【一次性告知单】')
  return chat
}

describe('a reply the checklist cannot place', () => {
  it('says it was not understood, then re-prompts briefly with a hint that questions are welcome', async () => {
    const chat = await atChecklist()
    for (const reply of ['北京', '哈哈哈']) {
      expect(await chat.say(reply), reply).toEqual([NOT_UNDERSTOOD, `${REPROMPT}\n${ASK_OTHER}`])
    }
    expect(chat.effects).toEqual([])
    expect(joined(await chat.say('1'))).toContain('祝您办理顺利') // still at the checklist
  })

  it('offers the candidates of a question the matcher is unsure about, with a way back to the checklist', async () => {
    const { matcher } = await real()
    const decision = decide(matcher.match(VAGUE))
    if (decision.kind !== 'choose') throw new Error(`"${VAGUE}" is no longer unsure: pick another vague question`)
    const names = decision.results.map((r) => r.item.name).filter((n) => n !== DIBAO)
    expect(names.length).toBeGreaterThan(1)

    const chat = await atChecklist()
    const offer = joined(await chat.say(VAGUE))
    expect(offer).not.toContain(NOT_UNDERSTOOD)
    expect(offer).toContain('您是想问下面哪一项？')
    names.forEach((n, i) => expect(offer).toContain(`${i + 1} ${n}`))
    expect(offer).toContain(`${names.length + 1} 都不是，接着刚才的`)

    // 不是: back to the checklist, which still takes its options.
    const back = joined(await chat.say('不是'))
    expect(back).toContain(`【一次性告知单】${DIBAO}`)
    expect(back).toContain(REPROMPT)
    expect(joined(await chat.say('3'))).toContain('请告诉我申请人的姓名')
  })

  it('switches to the candidate picked, and 返回 from the offer goes back to the checklist', async () => {
    const chat = await atChecklist()
    await chat.say(VAGUE)
    expect(joined(await chat.say('返回'))).toContain(REPROMPT)
    await chat.say(VAGUE)
    expect(joined(await chat.say('都不是'))).toContain(REPROMPT)
    const offer = joined(await chat.say(VAGUE))
    const second = offer.split('\n').find((l) => l.startsWith('2 '))!.slice(2)
    expect(joined(await chat.say('2'))).toContain(`办"${second}"要准备的材料，我们一项一项核对`)
  })

  it('still offers a switch to a question the matcher is sure about', async () => {
    const chat = await atChecklist()
    expect(await chat.say('结婚登记')).toEqual(['您是想问"结婚登记"吗？\n请回复编号：\n1 是，改问这个\n2 不是，接着刚才的'])
  })

  it('keeps numbers, yes/no and acknowledgement words, commands and town names as they were', async () => {
    const chat = await atChecklist()
    expect(await chat.say('4')).toEqual([`没有这个编号。\n${OPTIONS}`])
    for (const reply of ['好的', '没有', '知道了']) expect(await sayAfresh(chat, reply), reply).toEqual([REPROMPT])
    expect(await chat.say('你好')).toEqual(['您好！', REPROMPT])
    const help = await chat.say('帮助')
    expect(help[0]).toContain('使用说明')
    expect(help[1]).toBe(REPROMPT)
    expect(joined(await chat.say('我的进度'))).toContain(`您正在办：${DIBAO}`)
    expect(joined(await chat.say('人工'))).toContain('12345')
    const town = await chat.say('大店镇')
    expect(town[0]).toContain('大店镇便民服务中心')
    expect(town.at(-1)).toBe(REPROMPT)
    for (const replies of [help, town]) expect(joined(replies)).not.toContain(NOT_UNDERSTOOD)
    expect(joined(await chat.say('1'))).toContain('祝您办理顺利')
  })
})

describe('全部列出 at the checklist', () => {
  it('shows the materials once, inside the 告知单, then asks again', async () => {
    const chat = await atChecklist()
    const replies = await chat.say('全部列出')
    const text = joined(replies)
    expect(text.split('一、要带的材料')).toHaveLength(2)
    expect(text.split('【一次性告知单】')).toHaveLength(2)
    expect(text.split('□ 申请人居民身份证')).toHaveLength(2)
    expect(text).toContain(REPROMPT)
  })
})

describe('the legend of the checklist', () => {
  it('explains the marks used, and only those', async () => {
    const chat = await newChat()
    await startItem(chat, MEAL)
    for (const answer of ['有', '没有', '否', '是']) await chat.say(answer)
    const walked = joined(await chat.say('1'))
    expect(walked).toContain('一、要带的材料（✓ 已备好，✗ 还缺，· 可选）')

    const skipped = joined(await (await atChecklist()).say('全部列出'))
    expect(skipped).toContain('一、要带的材料（□ 还没核对，○ 看情况要带）')
    expect(skipped).not.toContain('✓ 已备好')
  })

  it('every mark a material line starts with is in the legend, for every item after 全部列出', async () => {
    const { catalog, definitions } = await real()
    const c = definitions.messages.checklist
    const marks = [c.markReady, c.markMissing, c.markUnchecked, c.markConditional, c.markOptional].map((m) => m[0]!)
    for (const item of catalog.items) {
      const chat = await newChat()
      await startItem(chat, item.name)
      const text = joined(await chat.say('全部列出'))
      const section = text.slice(text.indexOf('一、要带的材料'), text.indexOf('二、到哪里办'))
      const [header, ...lines] = section.trim().split('\n')
      const legend = /（(.*)）$/.exec(header!)?.[1] ?? ''
      const used = new Set(lines.map((l) => l[0]!).filter((ch) => marks.includes(ch)))
      const explained = new Set(legend.split('，').map((e) => e[0]!))
      expect(explained, item.name).toEqual(used)
    }
  })
})

describe('代办 asked for an item that cannot be done by an agent', () => {
  it('says plainly that it cannot, what to do instead, and asks again (not 没看明白)', async () => {
    const chat = await newChat()
    await startItem(chat, '结婚登记')
    expect(joined(await chat.say('全部列出'))).toContain('本事项不能代办')
    for (const reply of ['代办', '帮我办', '能代办吗']) {
      const replies = await chat.say(reply)
      expect(replies, reply).toEqual([
        '"结婚登记"不能找人代办，要本人去办。\n结婚登记必须男女双方本人亲自到场，不能委托、不能代办\n拿不准的，打电话问 0539-7211020',
        '您打算怎么办？\n回复 1 自己办理，2 问别的事',
      ])
    }
    // 3 is 申请代办 for every item: here it says why not rather than doing something else, and 4 is no option.
    expect(await chat.say('3')).toEqual([
      '"结婚登记"不能找人代办，要本人去办。\n结婚登记必须男女双方本人亲自到场，不能委托、不能代办\n拿不准的，打电话问 0539-7211020',
      '您打算怎么办？\n回复 1 自己办理，2 问别的事',
    ])
    expect(joined(await chat.say('4'))).toContain('没有这个编号')
    expect(joined(await chat.say('1'))).toContain('祝您办理顺利')
  })

  it('numbers the checklist options the same for every item: 2 is 问别的事, 3 申请代办', async () => {
    const proxied = await atChecklist()
    // Not 换个说法: nothing was misunderstood, the resident wants something else.
    expect(joined(await proxied.say('2'))).toContain('好的，您还想办什么事？直接说就行')
    const again = await atChecklist()
    expect(joined(await again.say('3'))).toContain('请告诉我申请人的姓名')
    const own = await newChat()
    await startItem(own, '结婚登记')
    await own.say('全部列出')
    expect(joined(await own.say('2'))).toContain('好的，您还想办什么事？直接说就行')
    expect(joined(await own.say('低保怎么申请'))).toContain('最低生活保障申请')
  })

  it('an item that can be proxied still starts the 代办 form on 代办', async () => {
    const chat = await atChecklist()
    expect(await chat.say('代办')).toEqual(['好的，帮您申请代办。请告诉我申请人的姓名：'])
  })
})

describe('a where-to-get question at the checklist that says a material is missing', () => {
  const HUKOU_WHERE = '共同生活家庭成员户口簿：户口簿丢失的到户籍地派出所补办'

  it('户口本丢了咋整 is answered, and the 户口簿 answered 有 before now counts as missing', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    for (const answer of ['1', '1', '2', '2']) await chat.say(answer)
    expect(joined(await chat.say('2'))).toContain('✓ 共同生活家庭成员户口簿')
    const replies = await chat.say('户口本丢了咋整')
    expect(replies[0]).toBe('好的，改过来了：共同生活家庭成员户口簿没有。')
    expect(replies[1]).toContain(HUKOU_WHERE)
    expect(replies.at(-1)).toBe(REPROMPT)
    expect(joined(await chat.say('全部列出'))).toContain('✗ 共同生活家庭成员户口簿')
    expect(joined(await chat.say('我的进度'))).toContain('还缺 1 项')
  })

  it('one never checked (全部列出 first) is noted as missing; 返回 undoes it; 户口本去哪开 notes nothing', async () => {
    const chat = await atChecklist()
    const replies = await chat.say('户口本丢了咋整')
    expect(replies[0]).toBe('记下了：共同生活家庭成员户口簿没有。')
    expect(replies[1]).toContain(HUKOU_WHERE)
    expect(joined(await chat.say('全部列出'))).toContain('✗ 共同生活家庭成员户口簿')
    expect(joined(await chat.say('返回'))).toContain('□ 共同生活家庭成员户口簿')
    const asked = await atChecklist()
    expect(await asked.say('户口本去哪开')).toEqual([expect.stringContaining(HUKOU_WHERE), REPROMPT])
    expect(joined(await asked.say('全部列出'))).toContain('□ 共同生活家庭成员户口簿')
  })
})

describe('a material named at the checklist only by words a clerk would take for it', () => {
  const PENSION = '居民养老保险待遇登记及终止'
  const ABROAD = '出国（境）定居证明或已领取其他养老待遇的证明'

  /** At the checklist of 居民养老, its case not chosen yet (the 出国 material is listed as 看情况要带). */
  async function atPensionChecklist(): Promise<Chat> {
    const chat = await newChat()
    await startItem(chat, PENSION)
    const list = joined(await chat.say('全部列出'))
    expect(list).toContain(`○ ${ABROAD}`)
    return chat
  }

  it('俺的养老金没了, 养老金停了, 养老钱没了 share only 养老 with the item\'s own name: no material recorded', async () => {
    for (const reply of ['俺的养老金没了', '养老金停了', '养老钱没了']) {
      const chat = await atPensionChecklist()
      const said = joined(await chat.say(reply))
      expect(said, reply).not.toContain('记下了')
      expect(said, reply).not.toContain(`${ABROAD}没有`)
    }
  })

  it('定居证明没有, 养老待遇证明没有 name the material by its own words: recorded', async () => {
    for (const reply of ['定居证明没有', '养老待遇证明没有']) {
      const chat = await atPensionChecklist()
      expect(joined(await chat.say(reply)), reply).toContain(`记下了：${ABROAD}没有。`)
    }
  })
})

describe('the item at hand asked about again', () => {
  it('低保怎么申请 at the 低保 checklist says it is this one, where the list is, and the options again', async () => {
    const chat = await atChecklist()
    const said = await chat.say('低保怎么申请')
    expect(said).toEqual([`您问的就是"${DIBAO}"，要带什么、去哪办都在上面的告知单里。想再看一遍，回复"全部列出"。`, REPROMPT])
  })

  it('俺的养老金没了 at the 居民养老 checklist (参保登记 found as likely) offers no switch away from it', async () => {
    const chat = await newChat()
    await startItem(chat, '居民养老保险待遇登记及终止')
    await chat.say('全部列出')
    const said = joined(await chat.say('俺的养老金没了'))
    expect(said).not.toContain('城乡居民养老保险参保登记')
    expect(said).toContain('您问的就是"居民养老保险待遇登记及终止"')
  })

  it('低保咋申请 mid-walk says it is this one and asks the same material again', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    await chat.say('1')
    const said = joined(await chat.say('低保咋申请'))
    expect(said).toContain(`您问的就是"${DIBAO}"，我们接着核对要带的材料。`)
    expect(said).toContain('是否已准备好：共同生活家庭成员户口簿')
    expect(said).not.toContain('没看明白')
  })
})
