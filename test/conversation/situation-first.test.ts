/**
 * Items whose first situation question decides which walk applies at all (买卖 or 继承, 续费 or 新参保, 林地 or
 * 房前屋后, 遗失 or 到期, an emergency or not): residents' own words answer it, and the checklist is that case's.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, type Chat } from './support.js'

/**
 * Asks `question` about `item` and returns the start of its walk: confirmed (对) when the bot asks 对吗, or
 * the reply itself when the question is clear enough to start the walk at once.
 */
async function ask(chat: Chat, question: string, item: string): Promise<string> {
  const first = joined(await chat.say(question))
  if (first.includes(`您要办的是：${item}，对吗？`)) return joined(await chat.say('1'))
  expect(first).toContain(`好的。办"${item}"要准备的材料`)
  return first
}

/** As ask, but the item may also be offered in a list to choose from (a story about money may be either 养老 item). */
async function askChoosing(chat: Chat, question: string, item: string): Promise<string> {
  const first = joined(await chat.say(question))
  const line = first.split('\n').find((l) => l.endsWith(` ${item}`))
  if (first.includes(`您要办的是：${item}，对吗？`)) return joined(await chat.say('1'))
  if (line && !first.includes(`办"${item}"要`)) return joined(await chat.say(line.split(' ')[0]!))
  return first
}

describe('the first situation question, answered by the resident\'s words', () => {
  it('不动产转移: 俺爹没了 is 继承, 到我儿子名下 is 赠与: no 买卖 materials, phone first', async () => {
    for (const [question, option] of [['俺爹没了 房子要过户到俺名下', '继承'], ['房产证过户到我儿子名下', '赠与']] as const) {
      const chat = await newChat()
      // Nothing is left to ask: the checklist comes at once, the 提示 at the top of its materials, 买卖's left out.
      const checklist = await ask(chat, question, '不动产转移登记')
      expect(checklist).not.toContain('是否已准备好：继承')
      // No material to bring, only the 提示: still under its numbered heading, like every checklist's materials.
      expect(checklist).toMatch(/\n一、要带的材料\n★ 继承、赠与过户要带的材料和买卖不同/)
      const materials = checklist.slice(checklist.indexOf('★'), checklist.indexOf('二、到哪里办'))
      expect(materials).toContain('★ 继承、赠与过户要带的材料和买卖不同')
      expect(materials).not.toContain('买卖合同')
      expect(materials).not.toContain('卖方')
      expect(materials).toContain('0539-7211010')
    }
  })

  it('不动产转移: 二手房 is 买卖 and walks the 买卖 materials', async () => {
    const chat = await newChat()
    const walk = await ask(chat, '二手房过户要带啥', '不动产转移登记')
    expect(walk).toContain('按您说的"买卖"来准备材料')
    // The 申请书 is filled in at the window (窗口提供): the first material asked is the ID.
    expect(walk).toContain('是否已准备好：买卖双方身份证明（居民身份证）')
  })

  it('居民医保: 今年还没交 is 续费: no photo, 出生医学证明 or 登记表, and where to pay', async () => {
    const chat = await newChat()
    const walk = await ask(chat, '合作医疗咋交 今年还没交', '城乡居民基本医疗保险参保登记和缴费')
    expect(walk).toContain('★ 续费不用带材料')
    expect(walk).toContain('爱山东')
    // Nothing to ask about: the checklist comes at once, the 提示 at the top of its materials.
    const checklist = walk
    expect(checklist).toContain('【一次性告知单】')
    // Only a 提示 to show: it keeps the section's number (一、 before 二、), as every checklist does.
    expect(checklist).toMatch(/\n一、要带的材料\n★ 续费不用带材料[^\n]*\n二、到哪里办\n/)
    for (const absent of ['照片', '出生医学证明', '参保登记表》（', '户口簿']) expect(checklist).not.toContain(absent)
  })

  it('林木采伐: trees in the yard need no permit and no materials', async () => {
    const chat = await newChat()
    const walk = await ask(chat, '院子里的树想砍了 要办证不', '林木采伐许可证核发审批')
    expect(walk).toContain('不用办采伐许可证')
    expect(walk).toContain('《森林法》第五十六条')
    const checklist = joined(await chat.say('1'))
    expect(checklist).not.toContain('林木采伐申请表')
    expect(checklist).not.toContain('公示材料')
  })

  it('居民身份证: 过期了，而且找不着了 is 遗失补领, not 到期换领 with the old card', async () => {
    const chat = await newChat()
    const walk = await ask(chat, '身份证过期了，而且找不着了', '居民身份证申领、换领、补领')
    expect(walk).toContain('按您说的"遗失补领"来准备材料')
    expect(walk).toContain('任选其一')
    expect(walk).not.toContain('原居民身份证')
    const other = await newChat()
    expect(await ask(other, '俺的身份证到期了，去哪换新的', '居民身份证申领、换领、补领')).toContain('按您说的"到期换领"来准备材料')
  })

  it('临时救助: a fire is an emergency: 先行救助 comes first, and a burned 户口簿 is handed in later', async () => {
    const chat = await newChat()
    const walk = await ask(chat, '家里着火了 房子烧没了 户口本也烧了 能申请救助不', '临时救助申请')
    expect(walk).toContain('按您说的"情况紧急"来准备材料')
    // A 提示, said at once, not asked as a material.
    expect(walk).toContain('★ 情况紧急的先行救助')
    expect(walk).not.toContain('是否已准备好：情况紧急')
    // 申请书 有, 身份证 有, 本县户口, 户口簿 没有 → 全部列出.
    for (const answer of ['1', '1', '1', '2']) await chat.say(answer)
    const list = joined(await chat.say('全部列出'))
    expect(list).toMatch(/户口簿[^\n]*\n[^\n]*情况紧急的不用等，先申请，先行救助，补办后再补交/)
  })
})

describe('临时救助: answers in residents\' words', () => {
  it('不急 is 不算紧急, 外地的，有居住证 is 外地户口持居住证 (not a switch to 居住证办理), 没居住证 the other', async () => {
    const chat = await newChat()
    await ask(chat, '临时救助', '临时救助申请')
    expect(joined(await chat.say('不急'))).toContain('是否已准备好：临时救助申请书')
    await chat.say('1')
    expect(joined(await chat.say('1'))).toContain('您是本县户口，还是外地户口在本县持居住证？')
    expect(await chat.say('外地的，有居住证')).toEqual(['是否已准备好：居住证（复印件1份）？\n回复 1 有，2 没有'])
    const other = await newChat()
    await ask(other, '临时救助', '临时救助申请')
    for (const answer of ['不急', '1', '1']) await other.say(answer)
    expect(joined(await other.say('俺是外地的 没居住证'))).toContain('家里是因为什么事陷入困难的？')
  })
})

describe('居住证: the kind of home in the question\'s own words', () => {
  it('租的房子 is 租房, 住自己家的房子 is 自有房屋, 宿舍 is 单位或学校宿舍', async () => {
    const cases: [string, string][] = [
      ['租的房子', '是否已准备好：房屋租赁合同'],
      ['住自己家的房子', '是否已准备好：房产证（不动产权证书）'],
    ]
    for (const [reply, next] of cases) {
      const chat = await newChat()
      await ask(chat, '办居住证', '居住证办理')
      expect(joined(await chat.say('1'))).toContain('住的是自己（家人）的房子、租的房子，还是单位、学校宿舍？')
      expect(joined(await chat.say(reply)), reply).toContain(next)
    }
    const chat = await newChat()
    await ask(chat, '办居住证', '居住证办理')
    await chat.say('1')
    expect(joined(await chat.say('宿舍'))).not.toContain('没看明白')
  })
})

describe('居民养老: 俺家老头没了 is 参保人去世', () => {
  it('presumes 参保人去世 from 没了 and asks the 死亡证明 first', async () => {
    const chat = await newChat()
    const walk = await ask(chat, '俺家老头没了 养老金咋弄', '居民养老保险待遇登记及终止')
    expect(walk).toContain('按您说的"参保人去世"来准备材料。')
    expect(walk).toContain('是否已准备好：死亡证明或火化证明')
  })

  it('老人没了，农保的钱咋停 is 参保人去世; 俺的养老金没了 (the money, not a person) is not', async () => {
    const died = await newChat()
    expect(await ask(died, '老人没了，农保的钱咋停', '居民养老保险待遇登记及终止')).toContain('按您说的"参保人去世"来准备材料。')
    const stopped = await newChat()
    const offered = joined(await stopped.say('俺的养老金没了'))
    const line = offered.split('\n').find((l) => l.endsWith(' 居民养老保险待遇登记及终止'))
    expect(line, offered).toBeDefined()
    const walk = joined(await stopped.say(line!.split(' ')[0]!))
    expect(walk).not.toContain('参保人去世"来准备材料')
    expect(walk).toContain('您是要给满 60 岁的老人办领取养老金')
    // Asked what it is, the same words still say nothing of a death.
    expect(joined(await stopped.say('俺的养老金没了'))).not.toContain('死亡证明或火化证明')
  })
})

describe('没了 / 走了 of any relative is a death', () => {
  it('俺婆婆没了, 俺公公走了, 俺家那口子没了 … at the 居民养老 question are 参保人去世; 婆婆没了 before 过户 is 继承', async () => {
    for (const story of ['俺婆婆没了 养老金咋弄', '俺公公走了 农保咋停', '俺家那口子没了 养老金咋办', '俺哥没了 他的养老金咋弄', '俺姑没了 养老金咋停']) {
      const chat = await newChat()
      expect(await askChoosing(chat, story, '居民养老保险待遇登记及终止'), story).toContain('按您说的"参保人去世"来准备材料。')
    }
    const chat = await newChat()
    expect(await askChoosing(chat, '婆婆没了，房子咋过户', '不动产转移登记')).toContain('继承')
  })
})

describe('不动产转移: 没了 and 走了 of a thing are no 继承', () => {
  it('房产证没了, 户口迁走了 leave the reason to be asked', async () => {
    for (const question of ['房产证没了 咋过户', '户口迁走了 房子咋过户']) {
      const chat = await newChat()
      const walk = await ask(chat, question, '不动产转移登记')
      expect(walk, question).not.toContain('按您说的"继承"')
      expect(walk, question).toContain('房子为什么要过户？')
    }
  })
})

describe('居民身份证: the fee of the case chosen', () => {
  const ID_CARD = '居民身份证申领、换领、补领'
  const feeLine = (text: string) => text.split('\n').find((l) => l.startsWith('收费：'))

  it('says 20 元 for 首次申领 and 到期换领, 40 元 for 损坏换领 and 遗失补领 (with the 临时身份证), in the checklist', async () => {
    const cases: [string, string][] = [
      ['1', '收费：工本费 20 元'],
      ['2', '收费：工本费 20 元'],
      ['3', '收费：工本费 40 元'],
      ['4', '收费：工本费 40 元；急用可先办临时身份证，10 元'],
    ]
    for (const [answer, fee] of cases) {
      const chat = await newChat()
      const walk = joined(await chat.say('办身份证'))
      expect(walk).toContain('您是第一次办、到期换新、证坏了换，还是丢了补办？')
      await chat.say(answer)
      expect(feeLine(joined(await chat.say('全部列出'))), answer).toBe(fee)
    }
  })

  it('answers 要多少钱 with the fee of the case said in the question; before any case, every case\'s fee', async () => {
    const chat = await newChat()
    expect(await ask(chat, '身份证丢了咋补 要多少钱', ID_CARD)).toContain('收不收费：工本费 40 元；急用可先办临时身份证，10 元')
    const unsure = await newChat()
    await unsure.say('办身份证')
    expect(feeLine(joined(await unsure.say('全部列出')))).toBe('收费：首次申领、到期换领 20 元；遗失补领、损坏换领 40 元；临时身份证 10 元')
  })
})
