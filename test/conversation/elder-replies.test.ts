/**
 * Short, colloquial replies of an elderly resident: dialect words, several answers in one message, 算了, 我不懂.
 * Through the conversation service with the real catalogue and dialog files.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, startItem } from './support.js'

const DIBAO = '最低生活保障申请'

describe('several numbers in one message at the walk', () => {
  it('1 2 1 answers this question and the next two, then shows only the question where they end', async () => {
    for (const reply of ['1 2 1', '一，二，一']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      expect(await chat.say(reply), reply).toEqual(['是否已准备好：残疾人证或住院病历、诊断证明（复印件1份）？\n回复 1 有，2 没有'])
      const list = joined(await chat.say('全部列出'))
      expect(list).toContain('✓ 申请人居民身份证')
      expect(list).toContain('✗ 共同生活家庭成员户口簿')
    }
  })

  it('stops at a number that does not fit its question, and says so', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    const replies = joined(await chat.say('1 5'))
    expect(replies).toContain('没有这个编号。')
    expect(replies).toContain('是否已准备好：共同生活家庭成员户口簿')
  })
})

describe('dialect and colloquial words', () => {
  it('有来 is 有', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    expect(joined(await chat.say('有来'))).toContain('是否已准备好：共同生活家庭成员户口簿')
  })

  it('算了 alone is 不办了', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    expect(await chat.say('算了')).toEqual(['好的，这件事先不办了。以后想办，随时来问我。\n说错了的话，回复"返回"。'])
  })

  it('等等 is not a question to look up', async () => {
    const chat = await newChat()
    await chat.say('低保怎么办')
    await chat.say('2')
    expect(joined(await chat.say('等等'))).not.toContain('没找到')
    expect(chat.effects.filter((e) => e.type === 'unmatched')).toEqual([])
  })

  it('我不懂 where an item is asked for is how to use this, not a question matched to an item', async () => {
    const chat = await newChat()
    await chat.say('低保怎么办')
    await chat.say('2')
    const replies = joined(await chat.say('我不懂'))
    expect(replies).toContain('使用说明')
    expect(replies).not.toContain('您要办的是下面哪一项')
  })
})

describe('长者模式 wording for what the walk hears besides its question', () => {
  it('a changed answer, something else missing and a house already transferred are said in the elder words', async () => {
    const chat = await newChat()
    await chat.say('老人模式')
    await startItem(chat, DIBAO)
    expect(await chat.say('没带')).toEqual(['您有共同生活家庭成员户口簿吗？（要复印件1份）\n请回数字：1 有，2 没有'])
    expect(await chat.say('身份证又有了')).toEqual([
      '好的，改好了：申请人居民身份证有。',
      '您有共同生活家庭成员户口簿吗？（要复印件1份）\n请回数字：1 有，2 没有',
    ])
    expect(await chat.say('医保卡丢了')).toEqual(['先说这一样：您有共同生活家庭成员户口簿吗？\n请回数字：1 有，2 没有'])

    const house = await newChat()
    await house.say('说简单点')
    await startItem(house, '不动产转移登记')
    await house.say('买卖')
    expect((await house.say('房子早就过户了'))[0]).toBe('已经办好了，"不动产转移登记"就不用再办了，这些东西也不用带。')
  })
})

describe('typos and pinyin of 有 / 没有 typed on a phone', () => {
  it('有滴, 有得 are 有; 莫有, meiyou are 没有', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    for (const reply of ['有滴', '莫有']) await chat.say(reply)
    const list = joined(await chat.say('全部列出'))
    expect(list).toContain('✓ 申请人居民身份证')
    expect(list).toContain('✗ 共同生活家庭成员户口簿')
    const other = await newChat()
    await startItem(other, DIBAO)
    for (const reply of ['有得', 'meiyou']) await other.say(reply)
    expect(joined(await other.say('全部列出'))).toContain('✗ 共同生活家庭成员户口簿')
  })
})

describe('a resident finding the words too hard', () => {
  it('说人话 / 太复杂了 switch to the plainer words and ask the same question in them', async () => {
    for (const line of ['说人话', '太复杂了']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      const replies = await chat.say(line)
      expect(replies[0], line).toContain('换成长者模式')
      expect(replies[1], line).toBe('您有申请人居民身份证吗？（要复印件1份）\n请回数字：1 有，2 没有')
    }
  })
})

describe('a thumbs-up, 嗯呐 and a lone question mark', () => {
  it('👍🏽, ✅, [OK], 嗯呐, 恩恩 agree: 有 at a material, 对 at 对吗, 是 at a yes/no situation', async () => {
    const chat = await newChat()
    expect(joined(await chat.say('低保咋办'))).toContain('对吗')
    expect(joined(await chat.say('👍🏽'))).toContain('是否已准备好：申请人居民身份证')
    expect(joined(await chat.say('✅'))).toContain('是否已准备好：共同生活家庭成员户口簿')
    expect(joined(await chat.say('[OK]'))).toContain('家里有没有残疾或生重病的人？')
    expect(joined(await chat.say('嗯呐'))).toContain('是否已准备好：残疾人证或住院病历、诊断证明')
    await chat.say('恩恩')
    const list = joined(await chat.say('全部列出'))
    for (const m of ['✓ 申请人居民身份证', '✓ 共同生活家庭成员户口簿', '✓ 残疾人证或住院病历、诊断证明']) expect(list).toContain(m)
  })

  it('？ / ?? / ？？？ say what is asked (the material explained, or a hint and the question again), not 没看懂', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    const material = await chat.say('？？？')
    expect(material[0]).toContain('申请人居民身份证（复印件1份）是办"最低生活保障申请"要交的材料。')
    expect(material[1]).toContain('是否已准备好：申请人居民身份证')
    await chat.say('全部列出')
    await chat.say('3')
    const name = await chat.say('??')
    expect(name[0]).toContain('我再说一遍刚才问的')
    expect(name[1]).toBe('好的，帮您申请代办。请告诉我申请人的姓名：')
    expect(joined(name)).not.toContain('没看懂')
  })

  it('啥 / 嗯？ alone at a material question explain it too; 嗯 alone is still 有', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    for (const what of ['啥', '嗯？', '什么呀']) {
      const replies = await chat.say(what)
      expect(replies[0], what).toContain('申请人居民身份证（复印件1份）是办"最低生活保障申请"要交的材料。')
    }
    expect(joined(await chat.say('嗯'))).toContain('是否已准备好：共同生活家庭成员户口簿')
  })
})

describe('asking for a moment', () => {
  it('稍等 / 我去问问俺闺女 at a material: no hurry and the same question, not 没看明白; the answer after is taken', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    for (const wait of ['稍等', '我去问问俺闺女']) {
      const replies = await chat.say(wait)
      expect(replies[0], wait).toBe('好的，不着急。找好了、问清楚了，再回复我就行。\n是否已准备好：申请人居民身份证（复印件1份）？\n回复 1 有，2 没有')
    }
    expect(joined(await chat.say('找着了'))).toContain('是否已准备好：共同生活家庭成员户口簿')
  })

  it('a question starting with such a word is still a question: 问问低保咋办 first, 问问要钱不 mid-walk', async () => {
    const first = await newChat()
    expect(joined(await first.say('问问低保咋办'))).toContain('最低生活保障申请')
    const chat = await newChat()
    await startItem(chat, DIBAO)
    expect(joined(await chat.say('问问要钱不'))).not.toContain('不着急')
  })
})

describe('not knowing how to reply', () => {
  it('俺不会打字 / 咋回复 get how to use this (回复数字就行) and the same question, not 没看明白', async () => {
    const chat = await newChat()
    await startItem(chat, DIBAO)
    for (const line of ['俺不会打字', '咋回复']) {
      const replies = await chat.say(line)
      expect(replies[0], line).toContain('回复数字就行')
      expect(replies.at(-1), line).toBe('是否已准备好：申请人居民身份证（复印件1份）？\n回复 1 有，2 没有')
    }
  })
})

describe('长者模式 wording for the checklist\'s numbered options', () => {
  it('lists 1 我自己去办, 2 问别的事, 3 找人帮我办; the elder and the standard labels both choose', async () => {
    const chat = await newChat()
    await chat.say('长者模式')
    await startItem(chat, '长者食堂助餐补贴申请')
    const list = joined(await chat.say('全部列出'))
    expect(list).toContain('请回数字：1 我自己去办，2 问别的事，3 找人帮我办')
    expect(list).not.toContain('申请代办（工作人员帮您办）')
    expect(joined(await chat.say('找人帮我办'))).toContain('办事的人叫什么名字？')
    await chat.say('返回')
    expect(joined(await chat.say('自己办理'))).toContain('祝您办得顺利')
  })

  it('an item no agent may do says why in the elder words', async () => {
    const chat = await newChat()
    await chat.say('长者模式')
    await startItem(chat, '结婚登记')
    await chat.say('全部列出')
    expect(joined(await chat.say('3'))).toContain('"结婚登记"不能找人帮您办，要自己去。')
  })
})

describe('长者模式 in the walk texts added later (stepsAsked, outOfCatalogue …)', () => {
  it('流程是啥 and a question not handled here are said in the elder words, not the standard ones', async () => {
    const chat = await newChat()
    await chat.say('长者模式')
    await startItem(chat, DIBAO)
    const steps = joined(await chat.say('流程是啥'))
    expect(steps).toContain(`办"${DIBAO}"这样办：`)
    expect(steps).not.toContain('的步骤：')
    const away = joined(await chat.say('二手摩托车咋过户'))
    expect(away).toContain('"二手摩托车咋过户"这里办不了。可以打 12345 问')
    expect(away).not.toContain('没找到相关的事项')
  })
})
