/**
 * Replies later in a walk that mean more than an answer to the one question asked: 都有 of every material left, 不是这个
 * of the item, 不对 with what the resident really does, … Through the conversation service with the real catalogue.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, startItem } from './support.js'

const DIBAO = '最低生活保障申请'

describe('都有 at a material question', () => {
  it('records every material still to ask as 有, says how many, and goes on to the questions left', async () => {
    for (const reply of ['都有', '都有了', '全都有', '都准备好了', '都齐了']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      const said = await chat.say(reply)
      expect(said[0], reply).toBe('好的，2样材料都记成有了。清单上都列着，出门前再对一遍。')
      // Questions that decide other materials are still asked.
      expect(said[1], reply).toContain('家里有没有残疾或生重病的人？')
      const list = joined(await chat.say('全部列出'))
      expect(list).toContain('✓ 申请人居民身份证')
      expect(list).toContain('✓ 共同生活家庭成员户口簿')
    }
  })

  it('the materials a later answer brings in are still asked one by one', async () => {
    const chat = await newChat()
    await startItem(chat, '随迁子女义务教育入学申请')
    expect(joined(await chat.say('都有'))).toContain('孩子父母在这边是给单位打工')
    expect(joined(await chat.say('1'))).toContain('是否已准备好：1 年以上劳动合同和社保缴费记录')
  })

  it('said to a material several people bring (夫妻双方, 家庭成员), it is that material’s 有: each of them has one', async () => {
    const chat = await newChat()
    expect(joined(await startItem(chat, '农村和城镇无业人员独生子女父母奖励费发放'))).toContain('是否已准备好：夫妻双方居民身份证')
    const said = joined(await chat.say('都有'))
    expect(said).not.toContain('都记成有了')
    const list = joined(await chat.say('全部列出'))
    expect(list).toContain('✓ 夫妻双方居民身份证')
    // The others are still to be asked, not ticked.
    expect(list).not.toContain('✓ 本人社会保障卡或银行账户')
  })

  it('at the last material left it is the plain 有', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    await chat.say('1')
    const said = joined(await chat.say('都有'))
    expect(said).not.toContain('都记成有了')
    expect(said).toContain('家里有没有残疾或生重病的人？')
  })
})

describe('都有 at a situation question', () => {
  it('at a yes/no question is not its 是: says what to reply, asks again, records nothing', async () => {
    for (const reply of ['都有', '都有了', '都准备好了']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      expect(joined(await chat.say('都有'))).toContain('家里有没有残疾或生重病的人？')
      const said = await chat.say(reply)
      expect(said[0], reply).toBe('这一问问的是您的情况，不是材料。请回答"是"或"否"。')
      expect(said[1], reply).toContain('家里有没有残疾或生重病的人？')
      expect(joined(said), reply).not.toContain('是否已准备好')
      // Still unanswered: 是 now answers it, and brings in its material.
      expect(joined(await chat.say('是')), reply).toContain('是否已准备好：残疾人证或住院病历、诊断证明')
    }
  })

  it('at a question of several options: says to reply with a number, the options again', async () => {
    const chat = await newChat()
    await startItem(chat, '医保异地就医备案')
    const said = await chat.say('都有')
    expect(said[0]).toBe('这一问问的是您的情况，不是材料。请回复下面的编号。')
    expect(said[1]).toContain('您是哪种情况？')
    expect(said[1]).toContain('3 在外地长期上班（常驻异地工作）')
    expect(joined(said)).not.toContain('没看明白')
  })

  it('at a material question after it, 都有 still means every material left is there', async () => {
    const chat = await newChat()
    await startItem(chat, '医保异地就医备案')
    await chat.say('都有')
    expect(joined(await chat.say('3'))).toContain('是否已准备好：异地工作证明或个人承诺书')
    expect((await chat.say('都有'))[0]).toBe('好的，3样材料都记成有了。清单上都列着，出门前再对一遍。')
  })
})

describe('不是这个 later in a walk', () => {
  const SORRY = '对不起，找错了。您要办什么事？请换个说法再说一次。（要接着核对刚才的材料，回复"返回"。）'

  it('is the wrong item, as at the first reply: sorry, and the next message is a new question', async () => {
    for (const reply of ['不是这个', '不对 不是这个事', '搞错了', '俺问的不是这个', '不是我要办的']) {
      const chat = await newChat()
      await chat.say('职业资格证书上名字写错了咋改')
      await chat.say('对')
      await chat.say('有')
      expect(joined(await chat.say('有'))).toContain('是否已准备好：原职业资格证书')
      expect(await chat.say(reply), reply).toEqual([SORRY])
      expect(joined(await chat.say('低保怎么申请'))).toContain('最低生活保障申请')
    }
  })

  it('返回 after it brings back the material asked, with the answers given', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    await chat.say('1')
    await chat.say('不是这个')
    expect(joined(await chat.say('返回'))).toContain('是否已准备好：共同生活家庭成员户口簿')
    expect(joined(await chat.say('全部列出'))).toContain('✓ 申请人居民身份证')
  })

  it('a bare 不对 or 不是 is still the 没有 of the material asked', async () => {
    for (const reply of ['不对', '不是']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      await chat.say('1')
      expect(joined(await chat.say(reply))).toContain('家里有没有残疾或生重病的人？')
      expect(joined(await chat.say('全部列出'))).toContain('✗ 共同生活家庭成员户口簿')
    }
  })
})

describe('不是这个 where the matcher had found other items for the question', () => {
  const OTHERS = '对不起，找错了。要接着核对刚才的材料，回复"返回"。'

  it('offers the other candidates of a list the item was picked from, numbered; one picked starts its walk', async () => {
    const chat = await newChat()
    await chat.say('救助')
    await chat.say('1')
    expect(joined(await chat.say('2'))).toContain('是否已准备好：临时救助申请书')
    const said = await chat.say('不对 不是这个事')
    expect(said[0]).toBe(OTHERS)
    expect(said[1]).toContain('您要办的是下面哪一项？')
    expect(said[1]).toContain('1 特困人员救助供养申请')
    expect(said[1]).toContain('2 医疗救助申请')
    expect(said[1]).toContain('3 都不是')
    expect(said[1]).not.toContain('临时救助申请')
    expect(joined(await chat.say('2'))).toContain('好的。办"医疗救助申请"要准备的材料')
    // Wrong again: the one left is offered.
    const again = await chat.say('不是这个')
    expect(again[0]).toBe(OTHERS)
    expect(again[1]).toContain('1 特困人员救助供养申请')
    expect(again[1]).toContain('2 都不是')
  })

  it('offers the runners-up of a clear find, at the first reply too; 都不是 asks for the question in other words', async () => {
    for (const wrong of ['不对', '不是这个']) {
      const chat = await newChat()
      expect(joined(await chat.say('残疾证咋办'))).toContain('是否已准备好：申请人居民身份证')
      const said = await chat.say(wrong)
      expect(said[0], wrong).toBe(OTHERS)
      expect(said[1], wrong).toContain('1 困难残疾人生活补贴和重度残疾人护理补贴申请')
      expect(said[1], wrong).toContain('2 都不是')
      expect(joined(await chat.say('都不是')), wrong).toContain('请换个说法再说一次您要办什么事')
    }
  })

  it('返回 at the offer goes back to the question asked, with the answers given', async () => {
    const chat = await newChat()
    await chat.say('养老保险')
    await chat.say('1')
    await chat.say('1')
    const said = joined(await chat.say('不是这个'))
    expect(said).toContain('1 居民养老保险待遇登记及终止')
    expect(joined(await chat.say('返回'))).toContain('是否已准备好：户口簿首页和本人页')
    expect(joined(await chat.say('全部列出'))).toContain('✓ 居民身份证')
  })

  it('keeps only the ids of the other items in the session', async () => {
    const chat = await newChat()
    await chat.say('救助')
    await chat.say('1')
    const stored = JSON.stringify(await chat.sessions.get('http:resident-1'))
    expect(stored).not.toContain('特困人员救助供养申请')
    expect(stored).toContain('"alternatives":[')
  })
})

describe('不对 followed by what the resident really does', () => {
  it('leaves the item and takes the rest as a new question', async () => {
    for (const reply of ['不对 俺是卖饲料的', '不对俺是卖饲料的', '不是，俺是开饭店的']) {
      const chat = await newChat()
      await chat.say('兽药店要办啥证')
      await chat.say('对')
      expect(joined(await chat.say('嗯'))).toContain('是否已准备好：法定代表人（负责人）身份证')
      const said = joined(await chat.say(reply))
      expect(said, reply).toContain('好的，不是"兽药经营许可审批"。按您说的再找一下。')
      expect(said, reply).not.toContain('这一步只问')
    }
  })

  it('not where the rest is a case of this item (不对 俺是做生意的 at the 随迁子女 walk), nor who it is for', async () => {
    const chat = await newChat()
    await startItem(chat, '随迁子女义务教育入学申请')
    expect(joined(await chat.say('不对 俺是做生意的'))).toContain('是否已准备好：孩子原籍户口簿')
    const other = await newChat()
    await startItem(other, DIBAO)
    expect(joined(await other.say('不是，我是给我爹办'))).toContain('这一步只问')
  })
})

describe('plain words for a case at a situation question (the item\'s 说法)', () => {
  it('俺就自家浇地用 at 取水许可\'s 是不是为了新建…建设项目？ is 否; at 单位还是个人 it is 个人', async () => {
    for (const reply of ['俺就自家浇地用', '就浇地用', '自家吃水用']) {
      const chat = await newChat()
      await startItem(chat, '取水许可')
      await chat.say('1')
      await chat.say('个人')
      expect(joined(await chat.say('1'))).toContain('取水是不是为了新建、改建、扩建的建设项目')
      const said = joined(await chat.say(reply))
      expect(said, reply).not.toContain('没看明白')
      expect(said, reply).toContain('取水会不会影响周边其他用水户')
    }
    const chat = await newChat()
    await startItem(chat, '取水许可')
    await chat.say('1')
    expect(joined(await chat.say('俺就自家浇地用'))).toContain('是否已准备好：个人居民身份证')
  })
})

describe('a 子 or 儿 said inside a 说法', () => {
  it('俺们村委会的章子丢了 咋整 presumes 章丢了补刻, as 章丢了 does', async () => {
    const chat = await newChat()
    await chat.say('俺们村委会的章子丢了 咋整')
    const said = joined(await chat.say('对'))
    expect(said).toContain('按您说的"章丢了补刻"来准备材料。')
    expect(said).not.toContain('您要办哪一种？')
  })

  it('章子丢了 answers the question when it is asked', async () => {
    const chat = await newChat()
    await startItem(chat, '印章管理')
    await chat.say('对')
    await chat.say('俺们的章子丢了')
    expect(joined(await chat.say('全部列出'))).toContain('印章遗失声明和派出所报案回执')
  })
})

describe('one paper of a material any one of several will do for, said to be missing', () => {
  const BEIAN = '医保异地就医备案'
  const ANY = '不要紧，医保电子凭证、有效身份证件、社保卡，有一样就行。'

  it('医保卡没有 out of turn: not recorded missing, said that another will do', async () => {
    const chat = await newChat()
    await startItem(chat, BEIAN)
    await chat.say('对')
    const said = await chat.say('医保卡没有')
    expect(said[0]).toBe(ANY)
    expect(joined(said)).not.toContain('记下了')
    await chat.say('1')
    // 居住证、社区居住证明或个人承诺书 is asked first, then the 任选其一 material, still unanswered.
    expect(joined(await chat.say('1'))).toContain('是否已准备好：医保电子凭证、有效身份证件或社保卡（任选其一）')
  })

  it('at its own question: the others named, the question again; 都没有 and 2 are still 没有', async () => {
    for (const [reply, recorded] of [['居住证没有', false], ['社区证明没有', false], ['都没有', true], ['2', true]] as const) {
      const chat = await newChat()
      await startItem(chat, BEIAN)
      await chat.say('对')
      expect(joined(await chat.say('1'))).toContain('是否已准备好：居住证、社区居住证明或个人承诺书')
      const said = joined(await chat.say(reply))
      if (recorded) expect(said, reply).not.toContain('有一样就行')
      else {
        expect(said, reply).toContain('居住证、社区居住证明、个人承诺书，有一样就行。')
        expect(said, reply).toContain('是否已准备好：居住证、社区居住证明或个人承诺书')
      }
    }
  })

  it('a 或 that joins whose paper it is (受益人或继承人的户口簿) offers no alternatives', async () => {
    const { alternatives } = await import('../../src/dialog/either-one.js')
    const paper = (name: string) => ({ name }) as Parameters<typeof alternatives>[0]
    expect(alternatives(paper('受益人或继承人的户口簿、身份证及继承权证明'))).toEqual([])
    expect(alternatives(paper('公安、交通部门或镇（街道）出具的事故证明'))).toEqual([])
    expect(alternatives(paper('营业执照（或其他主体资格证明）'))).toEqual(['营业执照', '其他主体资格证明'])
    expect(alternatives(paper('低保证、特困人员证或残疾人证'))).toEqual(['低保证', '特困人员证', '残疾人证'])
    expect(alternatives(paper('户口簿、居住证、社保卡、护照、驾驶证任选其一（用于核验身份）'))).toHaveLength(5)
  })
})

describe('返回 at the first question of a walk begun without 对吗', () => {
  const FIRST = '是否已准备好：老人居民身份证（原件和复印件1份）？'
  const STAY = '这已经是第一项了。要办的不是"《山东省老年人优待证》办理"，请回复"不对"。'

  it('stays with the item, says how to change it, and asks the first question again', async () => {
    for (const back of ['返回', '上一步']) {
      const chat = await newChat()
      expect(joined(await chat.say('老年证咋办'))).toContain(FIRST)
      const said = await chat.say(back)
      expect(said[0], back).toBe(STAY)
      expect(said[1], back).toContain(FIRST)
      // Still the wrong item: 老年证咋办 found nothing else, so the question is asked for in other words.
      expect(joined(await chat.say('不对'))).toContain('请换个说法再说一次您要办什么事')
    }
  })

  it('after 对 too (not answered yet), and after going back from the second question', async () => {
    const chat = await newChat()
    await chat.say('老年证咋办')
    await chat.say('对')
    expect((await chat.say('返回'))[0]).toBe(STAY)
    await chat.say('1')
    expect(joined(await chat.say('返回'))).toContain(FIRST)
    expect((await chat.say('返回'))[0]).toBe(STAY)
  })
})

describe('啥 of a word at a situation question without 解释 whose answers bring in materials', () => {
  it('务工证明是啥 at 打工还是做生意: what each answer needs, then the question again (not the generic 拿不准)', async () => {
    for (const reply of ['务工证明是啥', '务工是啥意思']) {
      const chat = await newChat()
      await startItem(chat, '随迁子女义务教育入学申请')
      await chat.say('1')
      await chat.say('1')
      expect(joined(await chat.say('1'))).toContain('孩子父母在这边是给单位打工')
      const said = await chat.say(reply)
      expect(said[0], reply).toBe('选"在单位上班"的，要带1 年以上劳动合同和社保缴费记录；选"自己做生意"的，要带营业执照和纳税凭证。拿不准可以回"不知道"。')
      expect(said[1], reply).toContain('孩子父母在这边是给单位打工')
    }
  })
})

describe('the item at hand restated mid-walk', () => {
  it('身份证丢了咋整 in the 居民身份证 walk for a lost one records nothing and asks the same question again', async () => {
    for (const reply of ['身份证丢了咋整', '身份证丢了去哪补']) {
      const chat = await newChat()
      await chat.say('身份证丢了咋补')
      expect(joined(await chat.say('1'))).toContain('办证的人是不是未满 16 周岁的孩子？')
      const said = joined(await chat.say(reply))
      expect(said, reply).not.toContain('记下了')
      expect(said, reply).toContain('办证的人是不是未满 16 周岁的孩子？')
      expect(joined(await chat.say('是')), reply).toContain('是否已准备好：监护人居民身份证和户口簿')
    }
  })
})
