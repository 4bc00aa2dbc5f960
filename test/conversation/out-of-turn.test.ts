/**
 * Replies at a walk question that are about another question or material of the same walk: a question about
 * where to get a material, answers to questions not asked yet. Through the conversation service with the real
 * catalogue and dialog files.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, startItem } from './support.js'

const RESIDENCE = '居住证办理'
const HOUSING_QUESTION = '住的是自己（家人）的房子、租的房子，还是单位、学校宿舍？\n回复 1 自有房屋，2 租房，3 单位或学校宿舍'
const LEASE = '房屋租赁合同：跟房东补签书面租赁合同，写明地址和租期'
const LEASE_QUESTION = '是否已准备好：房屋租赁合同（原件和复印件1份）？\n回复 1 有，2 没有'

describe('a question about getting a missing material, asked at a walk question', () => {
  it('at a situation question: where to get that material, then the same question again; its 没有 noted, not asked later', async () => {
    const chat = await newChat()
    await startItem(chat, RESIDENCE)
    expect(await chat.say('1')).toEqual([HOUSING_QUESTION])
    expect(await chat.say('房东不给租房合同咋办')).toEqual(['记下了：房屋租赁合同没有。', LEASE, HOUSING_QUESTION])
    expect(joined(await chat.say('2'))).not.toContain(LEASE_QUESTION)
    expect(joined(await chat.say('全部列出'))).toContain('✗ 房屋租赁合同')
  })

  it('at the material\'s own question, saying it is not there (不给, 没有, 没这个): where to get it, then the walk goes on; 没有', async () => {
    for (const asked of ['房东不给租房合同咋办', '没有咋办', '没这个咋整']) {
      const chat = await newChat()
      await startItem(chat, RESIDENCE)
      await chat.say('1')
      await chat.say('租房')
      const replies = await chat.say(asked)
      expect(replies[0], asked).toBe(LEASE)
      expect(replies[1], asked).not.toBe(LEASE_QUESTION)
      expect(joined(await chat.say('全部列出')), asked).toContain('✗ 房屋租赁合同')
    }
  })

  it('at the material\'s own question, only asking (这个去哪开, 要是没有咋办): where to get it, the question again; neither 有 nor 没有', async () => {
    const chat = await newChat()
    await startItem(chat, RESIDENCE)
    await chat.say('1')
    await chat.say('租房')
    for (const asked of ['这个去哪开', '要是没有咋办']) expect(await chat.say(asked), asked).toEqual([LEASE, LEASE_QUESTION])
    expect(joined(await chat.say('全部列出'))).toContain('□ 房屋租赁合同')
  })

  it('房东不给租房合同 (no question) at the material\'s question is 没有', async () => {
    const chat = await newChat()
    await startItem(chat, RESIDENCE)
    await chat.say('1')
    await chat.say('租房')
    expect(joined(await chat.say('房东不给租房合同'))).not.toContain(LEASE_QUESTION)
    expect(joined(await chat.say('全部列出'))).toContain('✗ 房屋租赁合同')
  })
})

const TRANSFER = '不动产转移登记'
const TRANSFER_ID = '是否已准备好：买卖双方身份证明（居民身份证）（原件1份）？\n回复 1 有，2 没有'

/** The 不动产转移登记 walk for a sale (买卖 said in the question), at its first material. */
async function saleWalk() {
  const chat = await newChat()
  const first = joined(await chat.say('卖房过户要带啥'))
  if (first.includes('对吗')) await chat.say('1')
  return chat
}

describe('an answer to a later question of the walk, given at another question', () => {
  it('结婚证有 while 身份证 is asked: noted, the 身份证 asked again; the 结婚证 is not asked when its question comes', async () => {
    const chat = await saleWalk()
    expect(await chat.say('结婚证有')).toEqual(['记下了：卖方结婚证有；买方结婚证有。', TRANSFER_ID])
    for (const answer of ['1', '1', '1', '1']) await chat.say(answer)
    expect(joined(await chat.say('1'))).toContain('买房的一方是不是登记在夫妻两人名下？') // 卖方已婚共有: 是, no 卖方结婚证 question
    expect(joined(await chat.say('全部列出'))).toContain('✓ 卖方结婚证')
  })

  it('房产证有 while 身份证 is asked (another material named): noted and not asked again', async () => {
    const chat = await saleWalk()
    expect(await chat.say('房产证有')).toEqual(['记下了：卖方原不动产权证书（房产证、土地证）有。', TRANSFER_ID])
    await chat.say('1')
    expect(joined(await chat.say('1'))).toContain('是否已准备好：契税等税费缴纳凭证')
  })

  it('有，合同也有: 有 answers the material asked, the 合同 further on is noted', async () => {
    const chat = await saleWalk()
    expect(await chat.say('有，合同也有')).toEqual([
      '记下了：房屋买卖合同有。',
      '是否已准备好：卖方原不动产权证书（房产证、土地证）（原件1份）？\n回复 1 有，2 没有',
    ])
  })

  it('户口本也有 where the item needs no 户口簿: says it is not needed and asks again, no switch to 户口迁入登记', async () => {
    const chat = await saleWalk()
    expect(await chat.say('户口本也有')).toEqual(['户口本：办"不动产转移登记"用不上，不用带。', TRANSFER_ID])
  })

  it('身份证有户口本没有 at 低保 (two materials): 身份证 有, 户口簿 没有, both said back, and the 户口簿 is not asked', async () => {
    const chat = await newChat()
    await startItem(chat, '最低生活保障申请')
    const replies = await chat.say('身份证有户口本没有')
    expect(replies[0]).toBe('记下了：申请人居民身份证有；共同生活家庭成员户口簿没有。')
    expect(joined(replies)).not.toContain('是否已准备好：共同生活家庭成员户口簿')
    const list = joined(await chat.say('全部列出'))
    expect(list).toContain('✓ 申请人居民身份证')
    expect(list).toContain('✗ 共同生活家庭成员户口簿')
  })

  it('身份证有房产证没有 at 结婚登记: the 房产证 is not this item\'s, so the 身份证 is 有, not partly missing', async () => {
    const chat = await newChat()
    await startItem(chat, '结婚登记')
    expect((await chat.say('身份证有房产证没有')).slice(0, 2)).toEqual(['记下了：双方本人居民身份证有。', '房产证：办"结婚登记"用不上，不用带。'])
    expect(joined(await chat.say('全部列出'))).toContain('✓ 双方本人居民身份证')
  })

  it('水电气热过户: 房子已经过户了 at 新户主是个人还是单位 answers the other situation question; this one is asked again', async () => {
    const chat = await newChat()
    await startItem(chat, '水电气热过户')
    expect(await chat.say('房子已经过户了')).toEqual(['按您说的"房子已过户单独办"来准备材料。', '新户主是个人还是单位？\n回复 1 个人，2 单位'])
    expect(joined(await chat.say('个人'))).toContain('是否已准备好：新业主居民身份证')
    expect(joined(await chat.say('1'))).toContain('是否已准备好：新业主不动产权证书')
  })

  it('租的 at the 身份证 question of 居住证 answers where the resident lives (an option of several)', async () => {
    const chat = await newChat()
    await startItem(chat, RESIDENCE)
    expect(await chat.say('租的')).toEqual(['按您说的"租房"来准备材料。', '是否已准备好：居民身份证（原件1份）？\n回复 1 有，2 没有'])
    expect(await chat.say('1')).toEqual([LEASE_QUESTION])
  })
})

const DIBAO = '最低生活保障申请'
const DIBAO_ILLNESS = '家里有没有残疾或生重病的人？\n（选"是"的话，还要带：残疾人证或住院病历、诊断证明）\n回复 1 是，2 否'

describe('a later reply that changes an earlier answer', () => {
  it('身份证找着了 after 没有, 户口本其实没有 after 有: changed, said so, and the question asked again', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    await chat.say('2') // 申请人居民身份证: 没有
    expect(await chat.say('1')).toEqual([DIBAO_ILLNESS]) // 户口簿: 有
    expect(await chat.say('身份证找着了')).toEqual(['好的，改过来了：申请人居民身份证有。', DIBAO_ILLNESS])
    expect(await chat.say('户口本其实没有')).toEqual(['好的，改过来了：共同生活家庭成员户口簿没有。', DIBAO_ILLNESS])
    expect(await chat.say('户口本又有了')).toEqual(['好的，改过来了：共同生活家庭成员户口簿有。', DIBAO_ILLNESS])
    // 没找到 is no 找到; and saying an answer again is heard, not taken for a question about 身份证.
    expect(await chat.say('身份证还没找到')).toEqual(['好的，改过来了：申请人居民身份证没有。', DIBAO_ILLNESS])
    expect(await chat.say('身份证没找着')).toEqual(['记下了：申请人居民身份证没有。', DIBAO_ILLNESS])
    const list = joined(await chat.say('全部列出'))
    expect(list).toContain('✗ 申请人居民身份证')
    expect(list).toContain('✓ 共同生活家庭成员户口簿')
  })

  it('at a material question: the earlier material changed, the one asked still waits for its answer; 返回 undoes the change', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    await chat.say('2')
    const askHukou = '是否已准备好：共同生活家庭成员户口簿（复印件1份）？\n回复 1 有，2 没有'
    expect(await chat.say('身份证找到了')).toEqual(['好的，改过来了：申请人居民身份证有。', askHukou])
    expect(joined(await chat.say('返回'))).toContain(askHukou)
    expect(await chat.say('1')).toEqual([DIBAO_ILLNESS])
    expect(joined(await chat.say('全部列出'))).toContain('✗ 申请人居民身份证')
  })

  it('after the checklist: changed and said so, then the checklist\'s question; the list shows it when asked again', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    await chat.say('2')
    expect(joined(await chat.say('全部列出'))).toContain('✗ 申请人居民身份证')
    expect(await chat.say('身份证找着了')).toEqual([
      '好的，改过来了：申请人居民身份证有。',
      '您打算怎么办？\n请回复编号：\n1 自己办理\n2 问别的事\n3 申请代办（工作人员帮您办）',
    ])
    expect(joined(await chat.say('全部列出'))).toContain('✓ 申请人居民身份证')
  })

  it('找着了 said of the material asked is 有; 其实没有 is 没有', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    expect(joined(await chat.say('身份证找着了'))).toContain('是否已准备好：共同生活家庭成员户口簿')
    expect(await chat.say('其实没有')).toEqual([DIBAO_ILLNESS])
    const list = joined(await chat.say('全部列出'))
    expect(list).toContain('✓ 申请人居民身份证')
    expect(list).toContain('✗ 共同生活家庭成员户口簿')
  })
})

describe('a walk reply saying the item itself is done already', () => {
  const REASON = '房子为什么要过户？是买卖（买了别人的或卖给别人），继承（房主去世了），还是赠与（房主活着送给子女等）？\n回复 1 买卖，2 继承，3 赠与'
  const DONE = '已经办完了的话，"不动产转移登记"就不用再办了，这些材料也不用准备。'
  const OFFER = '您是想问"水电气热过户"吗？\n请回复编号：\n1 是，改问这个\n2 不是，接着刚才的'

  it('房子已经过户了 in the 不动产转移登记 walk: says so and offers 水电气热过户; 不是 goes back to the same question', async () => {
    const chat = await saleWalk()
    for (const done of ['房子已经过户了', '已经过户了', '房子早就过户了']) {
      expect(await chat.say(done), done).toEqual([DONE, OFFER])
      expect(await chat.say('2'), done).toEqual([`好的，不改了，接着办"不动产转移登记"。\n${TRANSFER_ID}`])
    }
    // Not done yet is not done.
    expect(joined(await chat.say('房子还没过户'))).not.toContain('不用再办')
    // Nothing answered is lost: the walk goes on where it was.
    expect(joined(await chat.say('1'))).toContain('是否已准备好：房屋买卖合同')
  })

  it('是 starts 水电气热过户 with the transfer already done taken as its situation', async () => {
    const chat = await newChat()
    await startItem(chat, TRANSFER)
    expect(await chat.say('房子已经过户了')).toEqual([DONE, OFFER])
    const next = joined(await chat.say('1'))
    expect(next).toContain('按您说的"房子已过户单独办"来准备材料。')
    expect(next).toContain('新户主是个人还是单位？')
  })

  it('with no other item to offer, says so and asks the same question, welcoming another; a situation is no item done', async () => {
    const chat = await newChat()
    await startItem(chat, '结婚登记')
    expect(await chat.say('已经结婚登记了')).toEqual([
      '已经办完了的话，"结婚登记"就不用再办了，这些材料也不用准备。',
      '是否已准备好：双方本人居民身份证（原件1份）？\n回复 1 有，2 没有\n也可以直接打字问别的事，比如：残疾人证怎么办',
    ])
    const birth = await newChat()
    await startItem(birth, '出生登记（新生儿落户）')
    expect(joined(await birth.say('孩子已经出生了'))).not.toContain('不用再办')
  })
})

describe('being of the kind a situation question asks about, or having its proof', () => {
  const MEAL = '长者食堂助餐补贴申请'
  const KIND = '老人是不是低保、特困或者重度残疾老人？'

  it('俺爹是特困户 at a material question answers the 是/否 question too: it is not asked later', async () => {
    const chat = await newChat()
    await startItem(chat, MEAL)
    const heard = await chat.say('俺爹是特困户')
    expect(heard[0]).toBe(`那"${KIND}"就按"是"算。`)
    expect(joined(heard)).not.toContain('您是想问')
    for (const answer of ['有', '有']) expect(joined(await chat.say(answer))).not.toContain(KIND)
    expect(joined(await chat.say('全部列出'))).not.toContain(KIND)
  })

  it('低保证带来了 at the material question further on answers its 是/否 question; 没有 or 不是 does not', async () => {
    const chat = await newChat()
    await startItem(chat, MEAL)
    const heard = joined(await chat.say('低保证带来了'))
    expect(heard).toContain('记下了：低保证、特困人员证或残疾人证有。')
    expect(heard).toContain(`那"${KIND}"就按"是"算。`)
    const missing = await newChat()
    await startItem(missing, MEAL)
    for (const answer of ['有', '有']) await missing.say(answer)
    expect(joined(await missing.say('低保证没有'))).toContain(`${KIND}\n`)
    expect(joined(await missing.say('他不是低保户'))).not.toContain('按"是"算')
  })
})

describe('光荣证丢了 at the 独生子女 奖励费 walk', () => {
  const AWARD = '农村和城镇无业人员独生子女父母奖励费发放'
  const REISSUE = '光荣证遗失补办申请或镇街卫生健康办出具的领证记录'

  it('mid-walk answers 光荣证是不是丢了 by its 说法: the 补办申请 is still to check, nothing recorded missing', async () => {
    const chat = await newChat()
    await startItem(chat, AWARD)
    await chat.say('有')
    const heard = joined(await chat.say('光荣证丢了'))
    expect(heard).toContain('那"《独生子女父母光荣证》是不是丢了？"就按"是"算。')
    expect(heard).not.toContain('记下了')
    expect(heard).toContain('是否已准备好：户口簿')
    const list = joined(await chat.say('全部列出'))
    expect(list).toContain(`□ ${REISSUE}`)
    expect(list).not.toContain('《独生子女父母光荣证》（')
  })

  it('at the checklist names the 光荣证 only, not the 补办申请 whose name starts with 光荣证', async () => {
    const chat = await newChat()
    await startItem(chat, AWARD)
    await chat.say('全部列出')
    const heard = joined(await chat.say('光荣证丢了'))
    expect(heard).toContain('记下了：《独生子女父母光荣证》没有。')
    expect(heard).not.toContain(`${REISSUE}没有`)
  })
})

describe('a material named by a word of the item\'s name and one of its own', () => {
  it('种子袋子扔了 at the 种子鉴定 walk is the 种子包装袋 missing: 种子 is the item\'s word, 袋 the material\'s', async () => {
    const chat = await newChat()
    await chat.say('种子出了问题 苗不出 找谁鉴定')
    await chat.say('有')
    const heard = joined(await chat.say('种子袋子扔了'))
    expect(heard).toContain('记下了：购种凭证和种子包装袋、标签没有。')
    expect(heard).not.toContain('没看明白')
  })
})

describe('two materials named with an answer each', () => {
  const NET_CAFE = '互联网上网服务营业场所经营单位从事互联网上网服务经营活动许可'

  it('营业执照有 消防的还没弄: the 消防 证明 is missing, not made 有 by the 营业执照\'s answer', async () => {
    const chat = await newChat()
    await startItem(chat, NET_CAFE)
    const heard = joined(await chat.say('营业执照有 消防的还没弄'))
    expect(heard).toContain('记下了：营业执照有；消防安全检查合格证明没有。')
    expect(heard).not.toContain('消防安全检查合格证明有')
  })

  it('营业执照有 消防的那个说不好 borrows no 有 for words it cannot read', async () => {
    const chat = await newChat()
    await startItem(chat, NET_CAFE)
    const heard = joined(await chat.say('营业执照有 消防的那个说不好'))
    expect(heard).not.toContain('消防安全检查合格证明有')
  })

  it('有户口本和身份证 still answers both with the one 有', async () => {
    const chat = await newChat()
    await startItem(chat, '最低生活保障申请')
    await chat.say('户口本和身份证都有')
    const list = joined(await chat.say('全部列出'))
    expect(list).toContain('✓ 申请人居民身份证')
    expect(list).toContain('✓ 共同生活家庭成员户口簿')
  })
})

describe('返回 after a reply that recorded nothing', () => {
  it('结婚证在俺对象那 (the item needs no 结婚证), then 返回: back to the question before, not the same one', async () => {
    const chat = await newChat()
    await chat.say('俺想生二胎 要去登记不')
    await chat.say('对')
    await chat.say('嗯呐')
    const unneeded = joined(await chat.say('结婚证在俺对象那'))
    expect(unneeded).toContain('结婚证：办"一孩、二孩生育登记及《服务手册》发放"用不上，不用带。')
    expect(joined(await chat.say('返回'))).toContain('是否已准备好：夫妻双方居民身份证')
  })
})
