/**
 * Replies at a walk question that are not plain answers: a correction after 不是, a yes/no question about a
 * material, a negated option. Through the conversation service with the real catalogue and dialog files.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, startItem } from './support.js'

const DIBAO = '最低生活保障申请'
const ID_QUESTION = '是否已准备好：申请人居民身份证（复印件1份）？\n回复 1 有，2 没有'

describe('at a material question', () => {
  it('不是，我是给我爹办 is a correction, not 没有: a hint, the same question again, nothing recorded', async () => {
    const chat = await newChat()
    expect(joined(await startItem(chat, DIBAO))).toContain(ID_QUESTION)
    expect(await chat.say('不是，我是给我爹办')).toEqual([
      '这一步只问：申请人居民身份证准备好了没有（给家里人办的，看家里人的）。',
      ID_QUESTION,
    ])
    // The same question still waits: 1 answers it, and the checklist says 有.
    expect(joined(await chat.say('1'))).toContain('是否已准备好：共同生活家庭成员户口簿')
    expect(joined(await chat.say('全部列出'))).toContain('✓ 申请人居民身份证（复印件1份）')
  })

  it('不是 followed by words that say it is missing is still 没有', async () => {
    for (const reply of ['不是 他没有', '不对，丢了']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      expect(joined(await chat.say(reply))).toContain('是否已准备好：共同生活家庭成员户口簿')
      expect(joined(await chat.say('全部列出'))).toContain('✗ 申请人居民身份证（复印件1份）')
    }
  })

  it('没有，… and a bare 不是 still answer 没有', async () => {
    for (const reply of ['没有，在我爹那', '不是']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      expect(joined(await chat.say(reply))).toContain('是否已准备好：共同生活家庭成员户口簿')
    }
  })
})

describe('a yes/no question about a material during the walk', () => {
  it('要带户口本不, 户口本用带吗: says it is needed for this case, then asks the pending question again', async () => {
    for (const question of ['要带户口本不', '户口本用带吗', '需要户口本吗', '户口本要不要']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      expect(await chat.say(question), question).toEqual(['共同生活家庭成员户口簿：要带（复印件1份）。', ID_QUESTION])
    }
  })

  it('a material that depends on a situation question: on which answer it is needed; after that answer, whether it is', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    expect(await chat.say('残疾证要带不')).toEqual([
      '残疾人证或住院病历、诊断证明：看情况。家里有没有残疾或生重病的人？选"是"才要带。',
      ID_QUESTION,
    ])
    // 身份证 有, 户口簿 有, then 家里有没有残疾或生重病的人？ 否: no longer needed.
    await chat.say('1')
    await chat.say('1')
    const next = await chat.say('2')
    expect(next).toEqual([expect.stringContaining('家里人和低保经办人员或村（居）两委成员是不是近亲属？')])
    expect(await chat.say('需要残疾证吗')).toEqual(['残疾人证或住院病历、诊断证明：按您说的情况，不用带。', next[0]])
  })

  it('a material the item does not have is not answered as one (the question is read as before)', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    expect(joined(await chat.say('需要结婚证吗'))).not.toContain('要带')
  })
})

describe('原件还是复印件 at a material question', () => {
  const HUKOU = '是否已准备好：共同生活家庭成员户口簿（复印件1份）？\n回复 1 有，2 没有'
  const HUKOU_COPY = '共同生活家庭成员户口簿：要的是复印件，1份；有原件的拿去复印一份就行。'

  it('要带原件吗, 原件还是复印件, 是原件, 户口本要原件吗: the form and how many the catalogue gives, then the same question; nothing recorded', async () => {
    for (const reply of ['要带原件吗', '原件还是复印件', '是原件', '原件', '户口本要原件吗', '复印件行不行', '只有复印件行吗', '原件丢了 复印件行吗']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      await chat.say('1')
      expect(await chat.say(reply), reply).toEqual([HUKOU_COPY, HUKOU])
      expect(joined(await chat.say('全部列出')), reply).toContain('□ 共同生活家庭成员户口簿')
    }
  })

  it('where the material wants the 原件, or both, says so (elder words too)', async () => {
    const marriage = await newChat()
    await startItem(marriage, '结婚登记')
    expect((await marriage.say('是原件'))[0]).toBe('双方本人居民身份证：要带原件，1份。')
    const pension = await newChat()
    await startItem(pension, '居民养老保险待遇登记及终止')
    await pension.say('1')
    expect((await pension.say('要原件吗'))[0]).toBe('参保人居民身份证：原件要带，再带1份复印件。')
    await pension.say('长者模式')
    expect((await pension.say('原件还是复印件'))[0]).toBe('参保人居民身份证原件要带，复印件也要带1份。')
  })

  it('有复印件 where the 复印件 is wanted is 有; 有原件 there is not (asked again, with how to get the copy)', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    await chat.say('1')
    expect(await chat.say('有原件')).toEqual([HUKOU_COPY, HUKOU])
    expect(joined(await chat.say('有复印件'))).toContain('家里有没有残疾或生重病的人？')
    expect(joined(await chat.say('全部列出'))).toContain('✓ 共同生活家庭成员户口簿')
  })

  it('有，要原件吗 / 有的 原件还是复印件: the 有 said first is taken (as before), and the form said before the next question', async () => {
    for (const reply of ['有，要原件吗', '有的 要带原件吗', '有 原件还是复印件', '有，复印件行吗']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      await chat.say('1')
      const replies = await chat.say(reply)
      expect(replies[0], reply).toBe(HUKOU_COPY)
      expect(joined(replies), reply).toContain('家里有没有残疾或生重病的人？')
      expect(joined(await chat.say('全部列出')), reply).toContain('✓ 共同生活家庭成员户口簿')
    }
  })

  it('只有复印件, 复印件有原件没了 where a 复印件 is wanted are 有: the next question', async () => {
    for (const reply of ['只有复印件', '复印件有原件没了', '有复印件没原件', '原件丢了 只有复印件', '户口本原件丢了 有复印件', '原件在俺儿那 有复印件']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      await chat.say('1')
      expect(await chat.say(reply), reply).toEqual([expect.stringContaining('家里有没有残疾或生重病的人？')])
      expect(joined(await chat.say('全部列出')), reply).toContain('✓ 共同生活家庭成员户口簿')
    }
  })

  it('没有原件, 原件丢了 where a 复印件 is wanted, no copy said: 没有 (nothing to copy), as 户口本丢了 is', async () => {
    for (const reply of ['没有原件', '原件没有', '没原件', '原件丢了', '原件找不到了', '原件不在了', '户口本原件找不到了', '原件和复印件都没有']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      await chat.say('1')
      expect(await chat.say(reply), reply).toEqual([expect.stringContaining('家里有没有残疾或生重病的人？')])
      expect(joined(await chat.say('全部列出')), reply).toContain('✗ 共同生活家庭成员户口簿（复印件1份）\n   缺了怎么办：户口簿丢失的到户籍地派出所补办')
    }
  })

  it('没有原件, 只有复印件 where the 原件 is wanted: 没有, why and where to get it in one line, then the next question (elder words too)', async () => {
    const PENSION = '居民养老保险待遇登记及终止'
    const NO_ID = '参保人居民身份证要带原件。缺了怎么办：身份证丢了先到户籍地派出所补办，可先用临时身份证'
    const HUKOU_NEXT = '是否已准备好：参保人户口簿（原件和复印件1份）？\n回复 1 有，2 没有'
    for (const reply of ['没有原件', '原件没有', '只有复印件', '复印件有原件没了', '身份证原件丢了', '原件丢了 复印件行吗']) {
      const chat = await newChat()
      await startItem(chat, PENSION)
      await chat.say('1')
      expect(await chat.say(reply), reply).toEqual([NO_ID, HUKOU_NEXT])
      expect(joined(await chat.say('全部列出')), reply).toContain('✗ 参保人居民身份证（原件和复印件1份）')
    }
    // 有复印件 says nothing of the original: the form, and the same question.
    const copy = await newChat()
    await startItem(copy, PENSION)
    await copy.say('1')
    expect((await copy.say('有复印件'))[0]).toBe('参保人居民身份证：原件要带，再带1份复印件。')
    const elder = await newChat()
    await startItem(elder, PENSION)
    await elder.say('1')
    await elder.say('长者模式')
    expect((await elder.say('没有原件'))[0]).toBe('参保人居民身份证要原件才行。去哪开：身份证丢了先到户籍地派出所补办，可先用临时身份证')
  })

  it('原件在俺儿那 where the 原件 is wanted is 有', async () => {
    const chat = await newChat()
    await startItem(chat, '结婚登记')
    expect(joined(await chat.say('原件在俺儿那'))).toContain('是否已准备好：双方近期 2 寸半身免冠合影照片')
    expect(joined(await chat.say('全部列出'))).toContain('✓ 双方本人居民身份证')
  })

  it('户口本原件丢了 while another material is asked: that one noted, why and where to get it, the same question again', async () => {
    const chat = await newChat()
    await startItem(chat, '居民养老保险待遇登记及终止')
    await chat.say('1')
    expect(await chat.say('户口本原件丢了')).toEqual([
      '记下了：参保人户口簿没有。',
      '参保人户口簿要带原件。缺了怎么办：户口簿丢失的到户籍地派出所补办',
      '是否已准备好：参保人居民身份证（原件和复印件1份）？\n回复 1 有，2 没有',
    ])
  })
})

describe('a denied option at a choice question', () => {
  it('出生登记: 不是婚生 is 非婚生 (the other of two), never 婚生', async () => {
    const chat = await newChat()
    expect(joined(await startItem(chat, '出生登记（新生儿落户）'))).toContain('回复 1 婚生，2 非婚生')
    expect(await chat.say('不是婚生')).toEqual(['孩子的户口跟妈妈落，还是跟爸爸落？\n回复 1 随母亲落户，2 随父亲落户'])
  })

  it('临时救助: 不是本县户口 of three options asks which of the others, and records nothing', async () => {
    const chat = await newChat()
    await startItem(chat, '临时救助申请')
    await chat.say('不算紧急')
    await chat.say('1')
    const asked = joined(await chat.say('1'))
    expect(asked).toContain('1 本县户口')
    const replies = await chat.say('不是本县户口')
    expect(replies[0]).toBe('不是"本县户口"的话，是哪一种？')
    expect(replies[1]).toContain('1 本县户口')
    // Still waiting for this question: 1 answers it, and the walk moves on.
    expect(joined(await chat.say('1'))).not.toContain('1 本县户口')
  })

  it('住房公积金: 不是 我是退休了 is 退休提取, not a denial of it', async () => {
    const chat = await newChat()
    await startItem(chat, '住房公积金提取')
    await chat.say('1')
    expect(joined(await chat.say('1'))).toContain('您取公积金是为了什么？')
    expect(await chat.say('不是 我是退休了')).toEqual(['是否已准备好：退休证明（退休证或退休审批表）（原件和复印件1份）？\n回复 1 有，2 没有'])
  })

  it('医保异地备案: 不是转诊 俺在外地住院了 is 急诊抢救, said after the denied one', async () => {
    const chat = await newChat()
    await startItem(chat, '医保异地就医备案')
    expect(joined(await chat.say('不是转诊 俺在外地住院了'))).toContain('是否已准备好：医保电子凭证')
    const list = joined(await chat.say('全部列出'))
    expect(list).not.toContain('转诊证明')
    expect(list).not.toContain('是哪一种')
  })

  it('代办 form: 不用邮寄 at 自己去取 / 邮寄到家 is 自己去取', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    for (const answer of ['全部列出', '3', '王五', '13612345678', '十字路', '城东社区', '不是', '1']) await chat.say(answer)
    expect(joined(await chat.say('不用邮寄'))).toContain('结果领取：自己去取')
  })
})

describe('asking what a material is, after saying one does not know', () => {
  it('不知道啥是残疾评定 explains the 残疾评定表 and asks it again, rather than 没看明白', async () => {
    const chat = await newChat()
    await startItem(chat, '办理残疾人证')
    for (const answer of ['1', '1', '2']) await chat.say(answer)
    const replies = await chat.say('不知道啥是残疾评定')
    expect(replies[0]).toMatch(/^《残疾评定表》（指定医院评定后填写）（原件1份）是办"办理残疾人证"要交的材料。/)
    expect(replies[1]).toBe('是否已准备好：《残疾评定表》（指定医院评定后填写）（原件1份）？\n回复 1 有，2 没有')
    expect(joined(replies)).not.toContain('没看明白')
  })
})

describe('a yes/no question about a material after the checklist', () => {
  it('要带户口本不 is answered for the case (only the 户口簿 that counts), then the checklist\'s question again, not a switch', async () => {
    const chat = await newChat()
    // A clear question: the walk starts at once (no 对吗 to confirm).
    await chat.say('俺60了想领养老金')
    for (const answer of ['1', '2', '2']) await chat.say(answer)
    expect(await chat.say('要带户口本不')).toEqual([
      '参保人户口簿：要带（原件和复印件1份）。',
      '您打算怎么办？\n请回复编号：\n1 自己办理\n2 问别的事\n3 申请代办（工作人员帮您办）',
    ])
  })
})

describe('a material named with whose it is', () => {
  it('她身份证有, 俺的户口本也有, 照片她没有 answer the material asked, not a switch to another item', async () => {
    const chat = await newChat()
    await startItem(chat, '办理残疾人证')
    expect(await chat.say('她身份证有')).toEqual(['是否已准备好：户口簿（原件和复印件1份）？\n回复 1 有，2 没有'])
    expect(await chat.say('俺的户口本也有')).toEqual(['是否已准备好：近期 2 寸白底免冠彩色照片（3张）？\n回复 1 有，2 没有'])
    await chat.say('照片她没有')
    const list = joined(await chat.say('全部列出'))
    expect(list).toContain('✓ 申请人居民身份证')
    expect(list).toContain('✓ 户口簿')
    expect(list).toContain('✗ 近期 2 寸白底免冠彩色照片')
  })
})

describe('a photo not taken yet', () => {
  it('照片没照 / 照片还没拍 is 没有 (the checklist says where to get it)', async () => {
    for (const reply of ['照片没照', '照片还没拍']) {
      const chat = await newChat()
      await startItem(chat, '办理残疾人证')
      await chat.say('1')
      await chat.say('1')
      expect(joined(await chat.say(reply)), reply).toContain('是否已准备好：《残疾评定表》')
      expect(joined(await chat.say('全部列出'))).toContain('✗ 近期 2 寸白底免冠彩色照片')
    }
  })
})

describe('a yes/no question about a material the item does not list', () => {
  it('水电气热过户: 原户主身份证 is not the 新业主居民身份证 (nor 原户欠费结清凭证); 身份证 is', async () => {
    const chat = await newChat()
    await startItem(chat, '水电气热过户')
    expect(joined(await chat.say('个人'))).toContain('是否已准备好：新业主居民身份证')
    expect(joined(await chat.say('要带原户主身份证吗'))).not.toMatch(/新业主居民身份证：要带|原户欠费结清凭证：/)
    const other = await newChat()
    await startItem(other, '水电气热过户')
    await other.say('个人')
    expect(await other.say('身份证要带吗')).toEqual([
      '新业主居民身份证：要带（原件和复印件1份）。',
      '是否已准备好：新业主居民身份证（原件和复印件1份）？\n回复 1 有，2 没有',
    ])
  })
})

describe('a yes/no question about a document no material of the item is', () => {
  it('结婚登记: 户口本用带吗, 要带离婚证不 say it is not needed (with the note that mentions it), then the question again', async () => {
    const chat = await newChat()
    const opening = joined(await startItem(chat, '结婚登记'))
    const question = opening.split('\n').slice(-2).join('\n')
    const hukou = await chat.say('户口本用带吗')
    expect(hukou[0]).toContain('不用带户口本，办"结婚登记"用不上。')
    expect(hukou[0]).toContain('不再需要户口簿')
    expect(joined(hukou)).not.toContain('没看明白')
    expect(joined(hukou)).toContain(question)
    const divorce = await chat.say('要带离婚证不')
    expect(divorce[0]).toContain('不用带离婚证，办"结婚登记"用不上。')
    expect(divorce[0]).not.toContain('户口簿')
    expect(joined(divorce)).toContain(question)
  })

  it('after the checklist too; a material the item lists is still answered as before', async () => {
    const chat = await newChat()
    await startItem(chat, '结婚登记')
    expect(joined(await chat.say('全部列出'))).toContain('【一次性告知单】')
    expect(joined(await chat.say('要带离婚证不'))).toContain('不用带离婚证')
    expect(joined(await chat.say('身份证要带吗'))).toContain('双方本人居民身份证：要带')
  })
  it('is never said of what is no paper, nor of a paper ending as one of the item\'s own does (both may be needed)', async () => {
    const chat = await newChat()
    await startItem(chat, '办理残疾人证')
    for (const question of ['要带两寸照片吗', '需要老人本人吗', '需要打电话吗', '需要填申请吗', '要带医院证明吗']) {
      expect(joined(await chat.say(question)), question).not.toContain('不用带')
    }
  })
})

describe('a yes/no question naming a material closely', () => {
  it('独生子女证要带不 is about the 光荣证, not also the 申请表 that shares 独生子女', async () => {
    const chat = await newChat()
    await startItem(chat, '农村和城镇无业人员独生子女父母奖励费发放')
    expect(await chat.say('独生子女证要带不')).toEqual([
      '《独生子女父母光荣证》：看情况。《独生子女父母光荣证》是不是丢了？选"否"才要带。',
      '是否已准备好：夫妻双方居民身份证（复印件1份）？\n回复 1 有，2 没有',
    ])
  })
})

describe('a material kept by someone else', () => {
  it('户口本在俺儿那 / 身份证在他手里 is 有: the resident can bring it', async () => {
    for (const reply of ['身份证在俺儿那', '身份证在他手里']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      expect(joined(await chat.say(reply))).toContain('是否已准备好：共同生活家庭成员户口簿')
      expect(joined(await chat.say('全部列出'))).toContain('✓ 申请人居民身份证（复印件1份）')
    }
  })
})

describe('a material said to be at hand or done, in the resident\'s words', () => {
  it('身份证在的, 户口本也在, 早就交过了: 有, for the material asked and for one further on', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    expect(joined(await chat.say('身份证在的'))).toContain('是否已准备好：共同生活家庭成员户口簿')
    expect(joined(await chat.say('户口簿早就在俺手里'))).toContain('家里有没有残疾或生重病的人？')
    const list = joined(await chat.say('全部列出'))
    expect(list).toContain('✓ 申请人居民身份证（复印件1份）')
    expect(list).toContain('✓ 共同生活家庭成员户口簿（复印件1份）')

    // Named further on, while another is asked: noted as 有, the question asked stays.
    const house = await newChat()
    await startItem(house, '不动产转移登记')
    await house.say('买卖')
    expect(await house.say('税费早就交过了')).toEqual([
      '记下了：契税等税费缴纳凭证有。',
      '是否已准备好：买卖双方身份证明（居民身份证）（原件1份）？\n回复 1 有，2 没有',
    ])
  })

  it('还没交, 没签: still 没有', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    expect(joined(await chat.say('身份证还没交'))).toContain('是否已准备好：共同生活家庭成员户口簿')
    expect(joined(await chat.say('全部列出'))).toContain('✗ 申请人居民身份证（复印件1份）')
  })
})

describe('something else said to be missing while a material is asked', () => {
  it('驾驶证丢了, 俺家存折还没办 are not 没有 for the material asked: that one is asked again; 这个还没办 still is', async () => {
    for (const other of ['驾驶证丢了', '俺家存折还没办']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      expect(await chat.say(other), other).toEqual(['先说这一样：申请人居民身份证，您有没有？\n回复 1 有，2 没有'])
      expect(joined(await chat.say('1')), other).toContain('是否已准备好：共同生活家庭成员户口簿')
      expect(joined(await chat.say('全部列出')), other).toContain('✓ 申请人居民身份证（复印件1份）')
    }
    for (const same of ['这个还没办', '丢了', '还没办呢']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      expect(joined(await chat.say(same)), same).toContain('是否已准备好：共同生活家庭成员户口簿')
      expect(joined(await chat.say('全部列出')), same).toContain('✗ 申请人居民身份证（复印件1份）')
    }
  })
})

describe('在哪办 in the middle of the walk or the form', () => {
  it('这事去哪申请 / 在哪儿办 get the item\'s places, then the same question; 户口本在哪办 is still about the 户口簿', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    const places = await chat.say('这事去哪申请')
    expect(places[0]).toMatch(/^办"最低生活保障申请"的地方：\n· 户籍所在地镇（街道）便民服务中心 民政窗口/)
    expect(places[1]).toBe(ID_QUESTION)
    expect((await chat.say('户口本在哪办'))[0]).toContain('共同生活家庭成员户口簿：户口簿丢失的到户籍地派出所补办')
    // Nothing was answered: 1 still answers the 身份证.
    expect(joined(await chat.say('1'))).toContain('是否已准备好：共同生活家庭成员户口簿')

    for (const answer of ['全部列出', '3']) await chat.say(answer)
    const atName = await chat.say('在哪儿办')
    expect(atName[0]).toContain('办"最低生活保障申请"的地方：')
    expect(atName[1]).toBe('好的，帮您申请代办。请告诉我申请人的姓名：')
  })
})

describe('side questions in the middle of the walk', () => {
  it('还剩几样 says how far the walk is; 星期天上班不 gets the places with their hours; then the same question', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    await chat.say('1')
    const left = await chat.say('还剩几样')
    expect(left[0]).toContain('材料：已备好 1 项，还缺 0 项，未核对 1 项')
    expect(left[1]).toContain('是否已准备好：共同生活家庭成员户口簿')
    const hours = await chat.say('星期天上班不')
    expect(hours[0]).toContain('办"最低生活保障申请"的地方：')
    expect(hours[1]).toContain('是否已准备好：共同生活家庭成员户口簿')
  })
})

describe('不对 / 不是 setting an earlier material straight', () => {
  it('is not 否 to the situation question asked, nor 没有 for the material asked: the earlier one changes, the question stays', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    for (const answer of ['1', '1']) await chat.say(answer)
    expect(await chat.say('不对，户口本其实没有')).toEqual([
      '好的，改过来了：共同生活家庭成员户口簿没有。',
      '家里有没有残疾或生重病的人？\n（选"是"的话，还要带：残疾人证或住院病历、诊断证明）\n回复 1 是，2 否',
    ])
    const other = await newChat()
    await startItem(other, DIBAO)
    await other.say('1')
    expect(await other.say('不是 身份证找不着了')).toEqual(['好的，改过来了：申请人居民身份证没有。', expect.stringContaining('是否已准备好：共同生活家庭成员户口簿')])
  })
})

describe('a situation not settled yet', () => {
  it('门面还没找好 at a question of several kinds is taken as 不知道 (the checklist lists each case), not 没看明白', async () => {
    const chat = await newChat()
    await startItem(chat, '个体工商户登记')
    await chat.say('1')
    expect(joined(await chat.say('1'))).toContain('经营的地方是自己的房子还是租的')
    const undecided = await chat.say('门面还没找好')
    expect(undecided[0]).toBe('拿不准没关系，清单上会写明什么情况要带什么，到窗口问清楚就行。')
    expect(joined(undecided)).not.toContain('经营的地方是自己的房子还是租的')
  })
})

describe('an answer to the walk given at the 您是想问…吗 offer', () => {
  it('身份证俺有 / 户口簿带了 decline the offer and are taken as the walk answers; a bare 是 still switches', async () => {
    const chat = await newChat()
    await startItem(chat, '最低生活保障申请')
    expect(joined(await chat.say('结婚登记'))).toContain('您是想问"结婚登记"吗？')
    const back = await chat.say('身份证俺有')
    expect(back[0]).toBe('好的，接着核对"最低生活保障申请"的材料。')
    expect(joined(back)).toContain('是否已准备好：共同生活家庭成员户口簿')
    expect(joined(back)).not.toContain('您是想问')
    expect(joined(await chat.say('结婚登记'))).toContain('您是想问"结婚登记"吗？')
    expect(joined(await chat.say('户口簿带了'))).toContain('家里有没有残疾或生重病的人？')
    const list = joined(await chat.say('全部列出'))
    expect(list).toContain('✓ 申请人居民身份证')
    expect(list).toContain('✓ 共同生活家庭成员户口簿')
    const other = await newChat()
    await startItem(other, '最低生活保障申请')
    await other.say('结婚登记')
    expect(joined(await other.say('是的'))).toContain('办"结婚登记"要准备的材料')
  })
})

describe('progress asked mid-walk without the tickets service (npm run chat, tests)', () => {
  it('还有几样 / 我的进度 get the walk progress and the question, no "还在接入中" for a resident who never applied', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    const replies = await chat.say('我的进度')
    expect(replies[0]).toContain('您正在办：最低生活保障申请')
    expect(replies.at(-1)).toBe(ID_QUESTION)
    expect(joined(replies)).not.toContain('接入中')
    // Where nothing is under way, the honest answer about 代办 progress stays.
    const fresh = await newChat()
    expect(joined(await fresh.say('我的进度'))).toContain('代办进度查询还在接入中')
  })
})

describe('有木有, 有没有 said back at a yes/no question', () => {
  it('is the resident asking what is asked: the material explained and asked again, nothing recorded', async () => {
    for (const reply of ['有木有', '有么有', '有莫有呀', '有没有', '有没']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      const replies = await chat.say(reply)
      expect(replies[0]).toContain('申请人居民身份证（复印件1份）是办"最低生活保障申请"要交的材料。')
      expect(replies[1]).toBe(ID_QUESTION)
      expect(joined(await chat.say('全部列出'))).toContain('□ 申请人居民身份证')
    }
  })

  it('at 对吗 (是不是, 对不对) says the question again, not 没看明白', async () => {
    const chat = await newChat()
    await chat.say('低保怎么申请')
    const replies = await chat.say('对不对')
    expect(joined(replies)).not.toContain('没看明白')
    expect(joined(replies)).toContain('您要办的是：最低生活保障申请，对吗？')
  })
})

describe('俺娘不是低保户: a kind of person denied', () => {
  const MEAL = '长者食堂助餐补贴申请'
  const MEAL_KIND = '老人是不是低保、特困或者重度残疾老人？'

  it('at a yes/no question about that kind alone is 否', async () => {
    const chat = await newChat()
    await startItem(chat, '特困人员救助供养申请')
    await chat.say('1')
    const replies = joined(await chat.say('俺爹不是残疾人'))
    expect(replies).toContain('那"申请人是不是残疾人？"就按"否"算。')
    expect(replies).not.toContain('残疾人证没有')
    expect(joined(await chat.say('全部列出'))).not.toContain('残疾人证')
  })

  it('at a question about that kind among others takes nothing and asks again, saying the others are still open', async () => {
    const chat = await newChat()
    await startItem(chat, MEAL)
    await chat.say('1')
    await chat.say('1')
    const replies = await chat.say('俺娘不是低保户')
    expect(replies[0]).toBe('不是低保户的话，还要看问题里说的别的情况：有一样是，就回"是"；都不是，就回"否"。')
    expect(replies[1]).toContain(MEAL_KIND)
    expect(joined(await chat.say('长者模式'))).toContain(MEAL_KIND)
    expect((await chat.say('俺娘不是低保户'))[0]).toBe('不是低保户，那别的几样呢？有一样是就回"是"，都不是就回"否"。')
  })

  it('at a question whose 和 / 或 join who it is about, denying what it asks (不是近亲属) is 否', async () => {
    const KIN = '家里人和低保经办人员或村（居）两委成员是不是近亲属？'
    for (const reply of ['不是近亲属', '俺家不是近亲']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      for (const answer of ['1', '1', '2']) await chat.say(answer)
      const replies = joined(await chat.say(reply))
      expect(replies, reply).not.toContain('还要看问题里说的别的情况')
      expect(replies, reply).not.toContain(KIN)
      expect(replies, reply).toContain('是不是委托别人（或村居）替您申请？')
      expect(joined(await chat.say('全部列出')), reply).not.toContain('低保备案表')
    }
    // (The question about several kinds after its 是不是, 低保、特困或者重度残疾, still leaves the others open: above.)
  })

  it('at a material question records no material missing (不是低保户 is no 低保证没有)', async () => {
    const chat = await newChat()
    await startItem(chat, MEAL)
    const replies = joined(await chat.say('俺娘不是低保户'))
    expect(replies).not.toContain('记下了')
    expect(replies).toContain('先说这一样')
    const dibao = await newChat()
    await startItem(dibao, DIBAO)
    expect(joined(await dibao.say('俺娘不是低保户'))).not.toContain('低保备案表（近亲属如实申明）没有')
  })
})

describe('a story told at a material question (a few pieces, telling and asking)', () => {
  const HUKOU_QUESTION = '是否已准备好：共同生活家庭成员户口簿（复印件1份）？\n回复 1 有，2 没有'
  const HUKOU_WHERE = '共同生活家庭成员户口簿：户口簿丢失的到户籍地派出所补办'
  const STORY = '俺户口本去年搬家弄丢了 不知道咋补 你看咋弄'

  it('saying the material asked is missing: 没有 recorded, where to get it, then the next question', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    await chat.say('1')
    const replies = await chat.say(STORY)
    expect(replies[0]).toBe('记下了：共同生活家庭成员户口簿没有。')
    expect(replies[1]).toContain(HUKOU_WHERE)
    expect(replies[2]).toContain('家里有没有残疾或生重病的人？')
    expect(joined(await chat.say('全部列出'))).toContain('✗ 共同生活家庭成员户口簿')
  })

  it('about a material further on: that one recorded with where to get it, the question asked stays', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    const replies = await chat.say(STORY)
    expect(replies[0]).toBe('记下了：共同生活家庭成员户口簿没有。')
    expect(replies[1]).toContain(HUKOU_WHERE)
    expect(replies[2]).toBe(ID_QUESTION)
    expect(joined(await chat.say('1'))).not.toContain(HUKOU_QUESTION)
  })

  it('asking how many and where: both answered with the answer taken', async () => {
    const chat = await newChat()
    await startItem(chat, '办理残疾人证')
    await chat.say('1')
    await chat.say('1')
    const replies = joined(await chat.say('照片俺没照过 镇上哪里能照 要几张'))
    expect(replies).toContain('记下了：近期 2 寸白底免冠彩色照片没有。')
    expect(replies).toContain('照片：到照相馆拍照')
    expect(replies).toContain('照片：要带（3张）。')
    expect(replies).not.toContain('没看明白')
  })

  it('a question told as a story (一个月能给多少) is answered and the same question asked again, nothing recorded', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    await chat.say('1')
    const replies = await chat.say('俺们村主任说低保一个月能给三百多 是真的不')
    // 低保 has a 待遇标准: it is said, then the phone (see benefit-standard.test.ts).
    expect(replies[0]).toContain('城市每月 1114 元，农村每月 884 元')
    expect(replies[0]).toContain('具体能领多少，请打电话问 0539-7211000')
    expect(replies[1]).toBe(HUKOU_QUESTION)
    expect(joined(await chat.say('全部列出'))).toContain('□ 共同生活家庭成员户口簿')
  })

  it('a story telling a situation and a missing material takes both (临时救助: 着火了, 身份证也烧了)', async () => {
    const chat = await newChat()
    await startItem(chat, '临时救助申请')
    await chat.say('1')
    const replies = joined(await chat.say('俺家着火了房子烧了 啥都没了 身份证也烧了 咋办'))
    expect(replies).toContain('记下了：申请人居民身份证没有。')
    expect(replies).toContain('按您说的"火灾水灾等灾害"来准备材料。')
    expect(replies).toContain('申请人居民身份证：身份证丢了先到户籍地派出所补办')
    expect(replies).not.toContain('没看明白')
  })

  it('a story about another item is still offered as a switch; an unclear one keeps the walk', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    expect(joined(await chat.say('俺孙子刚生下来 上户口咋弄 要带啥'))).toContain('您是想问"出生登记（新生儿落户）"吗？')
    const other = await newChat()
    await startItem(other, DIBAO)
    expect(joined(await other.say('俺家那口子前年走了 俺一个人过 孩子也不常回来 咋整'))).toContain(ID_QUESTION)
  })

  it('a bare 有 or 没有 answers the question asked only, not the next one the walk moved on to', async () => {
    for (const [story, answer] of [['有的 在俺家柜子里放着呢 要带原件吗', '有'], ['没有 俺在外地打工 回不去咋办', '没有']] as const) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      const replies = joined(await chat.say(story))
      expect(replies, story).toContain(`记下了：申请人居民身份证${answer}。`)
      expect(replies, story).not.toContain(`户口簿${answer}`)
      expect(replies, story).toContain(HUKOU_QUESTION)
    }
  })

  it('要带原件吗, 原件还是复印件 ending a story are answered from the catalogue, for the material the story is about', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    const kept = await chat.say('有的 在俺家柜子里放着呢 要带原件吗')
    expect(kept).toEqual([
      '记下了：申请人居民身份证有。',
      '申请人居民身份证：要的是复印件，1份；有原件的拿去复印一份就行。',
      HUKOU_QUESTION,
    ])
    const lost = await newChat()
    await startItem(lost, DIBAO)
    const replies = await lost.say('俺户口本去年搬家弄丢了 不知道咋补 要原件吗')
    expect(replies[0]).toBe('记下了：共同生活家庭成员户口簿没有。')
    expect(replies).toContain('共同生活家庭成员户口簿：要的是复印件，1份；有原件的拿去复印一份就行。')
    expect(replies.at(-1)).toBe(ID_QUESTION)
    // No question word: 不知道要原件还是复印件 still asks.
    const unsure = await newChat()
    await startItem(unsure, DIBAO)
    expect(joined(await unsure.say('身份证俺有的 就是不知道要原件还是复印件'))).toContain('申请人居民身份证：要的是复印件，1份')
  })

  it('要几张 after the answer is about the material asked, not the next one', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    const replies = joined(await chat.say('身份证俺有的 就是不知道要几张'))
    expect(replies).toContain('申请人居民身份证：要带（复印件1份）。')
    expect(replies).not.toContain('共同生活家庭成员户口簿：要带')
  })
})

describe('丢了咋整 said of a material', () => {
  const HUKOU_WHERE = '共同生活家庭成员户口簿：户口簿丢失的到户籍地派出所补办'
  const ILL = '家里有没有残疾或生重病的人？'

  it('at its own question answers 没有 as well as asking: where to get it, then the next question', async () => {
    for (const reply of ['户口本丢了咋整', '户口本丢了咋办', '丢了咋办', '没户口本咋办']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      await chat.say('1')
      const replies = await chat.say(reply)
      expect(replies[0], reply).toContain(HUKOU_WHERE)
      expect(replies[1], reply).toContain(ILL)
      expect(replies, reply).toHaveLength(2)
      expect(joined(await chat.say('全部列出')), reply).toContain('✗ 共同生活家庭成员户口簿（复印件1份）\n   缺了怎么办：户口簿丢失的到户籍地派出所补办')
    }
  })

  it('said of another material notes that one (said back) and asks the same question again', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    await chat.say('1')
    expect(await chat.say('身份证过期了去哪换')).toEqual([
      '好的，改过来了：申请人居民身份证没有。',
      '申请人居民身份证：到户籍地派出所换领',
      ID_QUESTION.replace('申请人居民身份证（复印件1份）', '共同生活家庭成员户口簿（复印件1份）'),
    ])
    // Not yet asked: noted, and not asked when the walk gets there.
    const ahead = await newChat()
    await startItem(ahead, DIBAO)
    const replies = await ahead.say('户口本丢了咋整')
    expect(replies[0]).toBe('记下了：共同生活家庭成员户口簿没有。')
    expect(replies[1]).toContain(HUKOU_WHERE)
    expect(replies[2]).toBe(ID_QUESTION)
    expect(joined(await ahead.say('1'))).toContain(ILL)
  })

  it('身份证过期了去哪换 is about the 身份证 this case needs: the heir\'s, not the dead person\'s', async () => {
    const chat = await newChat()
    await startItem(chat, '居民养老保险待遇登记及终止')
    await chat.say('2')
    const replies = await chat.say('身份证过期了去哪换')
    expect(replies[0]).toBe('记下了：受益人或继承人的户口簿、身份证及继承权证明没有。')
    expect(joined(replies)).not.toContain('参保人居民身份证')
    expect(replies.at(-1)).toContain('是否已准备好：死亡证明或火化证明')
    // Named whole, a material this case does not need is still told where to get, and nothing is noted.
    const named = await chat.say('参保人户口簿去哪开')
    expect(named[0]).toContain('参保人户口簿：户口簿丢失的到户籍地派出所补办')
  })

  it('only asking (户口本去哪开, 要是丢了咋办, 不知道去哪开) notes nothing: where to get it, the same question again', async () => {
    for (const reply of ['户口本去哪开', '要是丢了咋办', '不知道去哪开', '户口本在哪补']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      await chat.say('1')
      const replies = await chat.say(reply)
      expect(replies[0], reply).toContain(HUKOU_WHERE)
      expect(replies[1], reply).toContain('是否已准备好：共同生活家庭成员户口簿')
      expect(joined(await chat.say('全部列出')), reply).toContain('□ 共同生活家庭成员户口簿')
    }
  })

  it('after the checklist is noted too, and answered with where to get it', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    await chat.say('全部列出')
    expect(joined(await chat.say('俺的户口本丢了咋整'))).toContain('户口簿丢失的到户籍地派出所补办')
  })
})

describe('answers to situation questions in a resident\'s words', () => {
  it('a bare 不是 at a question of several kinds is its 都不是 option', async () => {
    const chat = await newChat()
    await startItem(chat, '经济困难老年人补贴给付')
    const replies = joined(await chat.say('不是'))
    expect(replies).not.toContain('没看明白')
    expect(replies).not.toContain('老人是低保户还是特困（五保）户？')
  })

  it('低保: 俺老伴瘫在床上好几年了 at 家里有没有残疾或生重病的人？ is 是 (not a switch to another item)', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    for (const answer of ['1', '1']) await chat.say(answer)
    const replies = joined(await chat.say('俺老伴瘫在床上好几年了'))
    expect(replies).not.toContain('您是想问')
    expect(replies).toContain('是否已准备好：残疾人证或住院病历、诊断证明')
  })

  it('养老: 俺老伴没了, 老头走了, 他爹去世了 at the question of what to do are 参保人去世 (a 说法 ending in 了)', async () => {
    for (const reply of ['俺老伴没了', '老头走了', '他爹去世了']) {
      const chat = await newChat()
      expect(joined(await startItem(chat, '居民养老保险待遇登记及终止')), reply).toContain('1 满60岁领取待遇')
      const replies = joined(await chat.say(reply))
      expect(replies, reply).toContain('是否已准备好：死亡证明或火化证明')
      expect(replies, reply).not.toContain('没看明白')
      const list = joined(await chat.say('全部列出'))
      expect(list, reply).toContain('受益人或继承人的银行卡（存折）账户信息')
      expect(list, reply).not.toContain('参保人户口簿')
    }
    // Once the walk is on 满60岁领取待遇, the same words answer nothing about the insured person (see also 他的养老钱咋办 below).
    const living = await newChat()
    await startItem(living, '居民养老保险待遇登记及终止')
    await living.say('1')
    expect(joined(await living.say('俺老伴没了'))).toContain('参保人居民身份证，您有没有？')
    expect(joined(await living.say('全部列出'))).not.toContain('死亡证明或火化证明')
  })

  it('快生了, 下个月就生了, 快80了, 差两个月80了 at the question asked: what is still to come is not what is done', async () => {
    // 生育登记: 现在是怀孕期间来登记，还是孩子已经出生了？ A pregnant resident must not be asked for the 出生医学证明.
    for (const reply of ['快生了', '下个月就生了']) {
      const chat = await newChat()
      await startItem(chat, '一孩、二孩生育登记及《服务手册》发放')
      await chat.say('1')
      expect(joined(await chat.say('2')), reply).toContain('现在是怀孕期间来登记，还是孩子已经出生了来补登记？')
      expect(joined(await chat.say(reply)), reply).not.toContain('出生医学证明或住院分娩实名登记记录（原件1份）？')
      expect(joined(await chat.say('全部列出')), reply).toContain('○ 出生医学证明或住院分娩实名登记记录')
    }
    // 经济困难老年人补贴: 老人满 80 周岁了吗？ Not yet 80 is not 满80周岁 (the 生活不能自理 proof would be left out).
    for (const reply of ['快80了', '差两个月80了']) {
      const chat = await newChat()
      await startItem(chat, '经济困难老年人补贴给付')
      await chat.say('1')
      expect(joined(await chat.say('1')), reply).toContain('老人满 80 周岁了吗？')
      expect(joined(await chat.say(reply)), reply).toContain('老人满 80 周岁了吗？')
    }
    // Done, as before: 生了 said of a child born.
    const born = await newChat()
    await startItem(born, '一孩、二孩生育登记及《服务手册》发放')
    await born.say('1')
    await born.say('2')
    expect(joined(await born.say('孩子已经生了'))).toContain('出生医学证明或住院分娩实名登记记录（原件1份）？')
  })

  it('a yes/no situation said in the first question is told with the resident\'s word and what it means, not the question quoted back', async () => {
    const chat = await newChat()
    // Started at once (想办低保 names it), or confirmed (对吗) / picked from a few with 1 first.
    let replies = joined(await chat.say('俺男人瘫了 想办低保'))
    if (!replies.includes('您说了')) {
      expect(replies).toMatch(new RegExp(`您要办的是：${DIBAO}，对吗？|1 ${DIBAO}`))
      replies = joined(await chat.say('1'))
    }
    expect(replies).toContain('您说了"瘫了"，就按家里有残疾或生重病的人算。')
    expect(replies).not.toContain('家里有没有残疾或生重病的人？')
    expect(replies).not.toContain('按您说的"是"')
  })
})

describe('全部列出 at 对吗', () => {
  it('takes the item and shows its list with the end menu, not the list and then 对吗 again; 返回 goes back to 对吗', async () => {
    const chat = await newChat()
    expect(joined(await chat.say('低保怎么申请'))).toContain(`您要办的是：${DIBAO}，对吗？`)
    const list = joined(await chat.say('全部列出'))
    expect(list).toContain(`【一次性告知单】${DIBAO}`)
    expect(list).toContain('□ 申请人居民身份证')
    expect(list).not.toContain('对吗')
    expect(list).toContain('1 自己办理')
    expect(joined(await chat.say('返回'))).toContain(`您要办的是：${DIBAO}，对吗？`)
  })
})

describe('odd replies met in a QA pass', () => {
  it('问别的事 after 自己办理 asks what else, not 没找到"问别的事" (nor 您好)', async () => {
    const chat = await newChat()
    await startItem(chat, '结婚登记')
    await chat.say('全部列出')
    await chat.say('1')
    const replies = joined(await chat.say('问别的事'))
    expect(replies).not.toContain('没找到')
    expect(replies).not.toContain('您好')
    expect(replies).toContain('还有别的事，直接告诉我要办什么事')
  })

  it('出生证明在医院还没拿 at a question before it notes the 出生医学证明 as 没有', async () => {
    const chat = await newChat()
    await startItem(chat, '出生登记（新生儿落户）')
    expect(joined(await chat.say('出生证明在医院还没拿'))).toContain('记下了：出生医学证明没有。')
  })
})

describe('a question about another item mid-walk that the matcher finds close items for', () => {
  it('offers them with a way back to the walk, instead of 没看明白', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    const offered = joined(await chat.say('俺闺女要结婚了 结婚登记要带啥'))
    expect(offered).not.toContain('没看明白')
    expect(offered).toContain('结婚登记')
    expect(offered).toMatch(/接着刚才的/)
    const back = offered.split('\n').find((l) => l.includes('接着刚才的'))!.trim().split(' ')[0]!
    expect(joined(await chat.say(back))).toContain(ID_QUESTION)
  })
})

describe('手机上能办不 mid-walk', () => {
  it('says how to do it online, or that it cannot be, then the same question', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    const online = await chat.say('在手机上能办不')
    expect(online[0]).toContain('网上也能办：可在"爱山东"APP 搜索"低保"在线申请')
    expect(online[1]).toBe(ID_QUESTION)
    const none = await newChat()
    await startItem(none, '户口迁入登记')
    const replies = await none.say('手机上能办不')
    expect(replies[0]).toMatch(/^这件事网上办不了，要到窗口办。/)
    expect(replies[1]).toContain('是否已准备好')
    await none.say('长者模式')
    expect((await none.say('手机上能办不'))[0]).toMatch(/^这件事手机上办不了/)
  })
})

describe('a fact about someone at a material question (俺儿子是残疾人, 俺是户主)', () => {
  it('is not told 这一步只问… as if it did not count, nor 没看懂: the material is asked again plainly; nothing recorded', async () => {
    const chat = await newChat()
    // The 审批表 is filled at the window (窗口提供): the walk starts at the 残疾人证.
    await startItem(chat, '困难残疾人生活补贴和重度残疾人护理补贴申请')
    expect(await chat.say('俺儿子是残疾人')).toEqual(['好的。第二代残疾人证，您有没有？\n回复 1 有，2 没有'])
    const dibao = await newChat()
    await startItem(dibao, DIBAO)
    await dibao.say('1')
    expect(await dibao.say('俺是户主')).toEqual(['好的。共同生活家庭成员户口簿，您有没有？\n回复 1 有，2 没有'])
    expect(joined(await dibao.say('全部列出'))).toContain('□ 共同生活家庭成员户口簿')
    await dibao.say('返回')
    await dibao.say('长者模式')
    expect(await dibao.say('俺是户主')).toEqual(['好的。您有共同生活家庭成员户口簿吗？\n请回数字：1 有，2 没有'])
  })
})

describe('丢了 said of another of the item\'s materials', () => {
  it('身份证丢了 while the 户口簿 is asked changes the 身份证 to 没有 (not a switch to 居民身份证), then the same question', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    await chat.say('1')
    const replies = await chat.say('身份证丢了')
    expect(replies[0]).toBe('好的，改过来了：申请人居民身份证没有。')
    expect(replies[1]).toContain('是否已准备好：共同生活家庭成员户口簿')
  })
})

describe('an age said during the walk', () => {
  it('answers a yes/no question about being under an age: 是 when under it; over it, 否 only where nothing else would make it 是', async () => {
    const chat = await newChat()
    await startItem(chat, '居民身份证申领、换领、补领')
    await chat.say('1')
    expect(joined(await chat.say('俺孩子才八岁'))).toContain('那"办证的人是不是未满 16 周岁的孩子？"就按"是"算。')
    const grown = await newChat()
    await startItem(grown, '居民身份证申领、换领、补领')
    await grown.say('1')
    expect(joined(await grown.say('俺今年五十岁'))).toContain('那"办证的人是不是未满 16 周岁的孩子？"就按"否"算。')
    // 残疾人证: 18 or over may still be 智力、精神残疾, so nothing is taken.
    const disabled = await newChat()
    await startItem(disabled, '办理残疾人证')
    await disabled.say('1')
    expect(joined(await disabled.say('俺今年五十岁'))).not.toContain('就按')
  })
})

describe('a where-question about something else that shares two characters with a material', () => {
  it('俺老伴没了 他的养老钱咋办 is not answered with where to get the 已领其他养老待遇的证明', async () => {
    const chat = await newChat()
    await startItem(chat, '居民养老保险待遇登记及终止')
    await chat.say('1')
    await chat.say('有')
    const replies = joined(await chat.say('俺老伴没了 他的养老钱咋办'))
    expect(replies).not.toContain('已领取其他养老待遇的证明')
    expect(replies).toContain('参保人户口簿')
  })
})

describe('全部列出 said the way residents type it', () => {
  it('全部列出来, 全都列出来, 列出来 mid-walk show the checklist, not 没看明白', async () => {
    for (const reply of ['全部列出来', '全都列出来', '列出来吧']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      const list = joined(await chat.say(reply))
      expect(list, reply).toContain(`【一次性告知单】${DIBAO}`)
      expect(list, reply).not.toContain('没看明白')
    }
  })
})

describe('对 said to a walk a clear find began unasked', () => {
  const CERT = '更正职业资格证书信息申请'
  const FORM = '《职业资格证书信息修改（补录）申请表》'

  it('confirms the item: the first material is asked again, not marked 有', async () => {
    for (const reply of ['对', '没错', '就是这个']) {
      const chat = await newChat()
      const walk = joined(await chat.say('职业资格证书上名字写错了咋改'))
      expect(walk).toContain('问的不是这件事，请回复"不对"。')
      expect(walk).toContain(`是否已准备好：${FORM}（原件1份）？`)
      const again = joined(await chat.say(reply))
      expect(again, reply).toContain('好的，就办这件事。有的话回 1，没有回 2。')
      expect(again, reply).toContain(`是否已准备好：${FORM}（原件1份）？`)
      expect(again, reply).not.toContain('问的不是这件事')
      // Only once: 对 now answers the question, as 有 would.
      expect(joined(await chat.say('对')), reply).toContain('是否已准备好：本人居民身份证')
      expect(joined(await chat.say('全部列出')), reply).toContain(`✓ ${FORM}`)
    }
  })

  it('at a 是不是 question as the first step, 对 is its 是 and 不是 its no (临时救助: 情况紧急, 不算紧急)', async () => {
    for (const [reply, ready] of [['对', '✓'], ['是', '✓'], ['不是', '✗']] as const) {
      const chat = await newChat()
      const walk = joined(await chat.say('临时救助怎么申请'))
      expect(walk).toContain('是不是遇上了急事')
      const said = joined(await chat.say(reply))
      expect(said, reply).not.toContain('就办这件事')
      expect(said, reply).toContain('是否已准备好：临时救助申请书')
      expect(said.includes('先行救助'), reply).toBe(ready === '✓')
    }
  })

  it('有 and 1 still answer the first question', async () => {
    for (const reply of ['有', '1']) {
      const chat = await newChat()
      await chat.say('职业资格证书上名字写错了咋改')
      expect(joined(await chat.say(reply)), reply).toContain('是否已准备好：本人居民身份证')
    }
  })
})

describe('whose a material is, said before its name', () => {
  it('卖家的房产证在他那 at the 买卖合同 is the 房产证 there (kept by the seller), not 没看明白', async () => {
    const chat = await newChat()
    const walk = joined(await chat.say('买的二手房 过户要啥'))
    expect(walk).toContain('是否已准备好：买卖双方身份证明')
    await chat.say('有')
    const heard = joined(await chat.say('卖家的房产证在他那'))
    expect(heard).toContain('记下了：卖方原不动产权证书（房产证、土地证）有。')
    expect(heard).not.toContain('没看明白')
  })

  it('孩子的户口本丢了 at the 户口簿 is 没有', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    await chat.say('1')
    await chat.say('孩子的户口本丢了')
    expect(joined(await chat.say('全部列出'))).toContain('✗ 共同生活家庭成员户口簿')
  })
})

describe('where to get a paper the item does not ask for', () => {
  it('健康证去哪办 at the 食品经营许可 walk: not needed here, then the same question (not 没看明白)', async () => {
    const chat = await newChat()
    await startItem(chat, '食品经营许可')
    await chat.say('1') // 主要干哪一类？ 饭店小吃等餐饮: the licence's materials follow
    const said = await chat.say('健康证去哪办')
    expect(said[0]).toBe('健康证：办"食品经营许可"用不上，不用带。')
    expect(said[1]).toContain('是否已准备好：食品经营许可申请书')
  })

  it('房产证去哪补 at the 不动产转移 walk is still its 不动产权证书 (a variant of the standard word)', async () => {
    const chat = await newChat()
    await chat.say('买的二手房 过户要啥')
    const said = joined(await chat.say('房产证去哪补'))
    expect(said).not.toContain('用不上')
    expect(said).toContain('卖方原不动产权证书')
  })
})

describe('where to get a paper the item asks for under another name', () => {
  it('社保卡去哪办, 有社保卡 where 本人社会保障卡 is a material: not said to be unneeded', async () => {
    for (const [item, reply] of [
      ['失业保险金申领', '社保卡去哪办'],
      ['失业保险金申领', '有社保卡'],
      ['农村和城镇无业人员独生子女父母奖励费发放', '社保卡去哪办'],
      ['农村和城镇无业人员独生子女父母奖励费发放', '俺的社保卡去哪补'],
    ] as const) {
      const chat = await newChat()
      await startItem(chat, item)
      expect(joined(await chat.say(reply))).not.toContain('用不上')
    }
  })
})
