/**
 * An item turned down with what is wanted instead (不是低保 是医保, 俺不是问这个，俺要办居住证) mid-walk is not chosen,
 * nor read as a material (低保备案表 没有) or a document not needed (居住证 用不上); what is wanted is the question. An
 * option turned down for another (不是残疾 是重病) is still that question's answer. Through the conversation service
 * with the real catalogue and dialog files.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, startItem, type Chat } from './support.js'

const DIBAO = '最低生活保障申请'
const DISABLED = '家里有没有残疾或生重病的人？'
const DISABLED_PAPERS = '是否已准备好：残疾人证或住院病历、诊断证明'
const ID_CARD = '是否已准备好：申请人居民身份证'

/** A chat in the 低保 walk at 家里有没有残疾或生重病的人？. */
async function atDisabled(): Promise<Chat> {
  const chat = await newChat()
  await startItem(chat, DIBAO)
  await chat.say('1')
  expect(joined(await chat.say('1'))).toContain(DISABLED)
  return chat
}

/** The replies to `reply` at the first material of the 低保 walk. */
async function atIdCard(reply: string): Promise<string> {
  const chat = await newChat()
  await startItem(chat, DIBAO)
  return joined(await chat.say(reply))
}

describe('an item turned down mid-walk (不是X …)', () => {
  it('不是低保 是医保 records nothing of the 低保 materials and offers the 医保 items, not 低保', async () => {
    for (const reply of ['不是低保 是医保', '不是低保，是医保咋交', '不是低保是医保', '不是低保了 是医保']) {
      const said = await atIdCard(reply)
      expect(said, reply).not.toContain('低保备案表')
      expect(said, reply).toContain('城乡居民基本医疗保险参保登记和缴费')
      expect(said, reply).not.toMatch(/\d 最低生活保障申请/)
      expect(said, reply).not.toContain(`您是想问"${DIBAO}"吗？`)
    }
  })

  it('俺不是问这个，俺要办居住证 and the like go to 居住证办理 (not 居住证 用不上)', async () => {
    const replies = ['俺不是问这个，俺要办居住证', '俺问的不是低保 是居住证', '不是低保是居住证', '不是这个，是居住证', '俺不办低保 俺要办居住证', '俺不办低保了办居住证', '不是低保，俺要办居住证']
    for (const reply of replies) {
      const said = await atIdCard(reply)
      expect(said, reply).not.toContain('用不上')
      expect(said, reply).not.toContain('低保备案表')
      expect(said, reply).toContain('居住证办理')
      expect(said, reply).not.toContain(ID_CARD)
    }
  })

  it('at a situation question as well: nothing recorded, the item after the 不是 asked', async () => {
    const chat = await atDisabled()
    const said = joined(await chat.say('不是低保 是居住证'))
    expect(said).not.toContain('就按')
    expect(said).toContain('居住证办理')
    expect(said).not.toContain(DISABLED_PAPERS)
  })

  it('another item turned down (不是残疾证 是残疾人补贴) is not offered; the one after it is, with the walk kept', async () => {
    const chat = await atDisabled()
    const said = joined(await chat.say('不是残疾证 是残疾人补贴'))
    expect(said).toContain('您是想问"困难残疾人生活补贴和重度残疾人护理补贴申请"吗？')
    expect(said).not.toContain('办理残疾人证')
    expect(said).not.toContain('就按')
    expect(joined(await chat.say('2'))).toContain(DISABLED)
  })

  it('a 不是 turning down a material or a correction is read as before', async () => {
    // 不是，我是给我爹办 at a material: a correction, asked again.
    expect(await atIdCard('不是，我是给我爹办')).toContain('这一步只问')
    // 不是身份证 是户口本: about the papers, not an item turned down.
    expect(await atIdCard('不是身份证 是户口本')).not.toContain('您是想问')
  })

  it('不是身份证 是户口本 at the 身份证 sets straight which paper is meant: nothing recorded, the 身份证 asked first', async () => {
    for (const reply of ['不是身份证 是户口本', '俺说的不是身份证，是户口本']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      const said = joined(await chat.say(reply))
      expect(said, reply).not.toContain('记下了')
      expect(said, reply).not.toContain('改过来了')
      expect(said, reply).toContain('先说这一样：申请人居民身份证，您有没有？')
      const list = joined(await chat.say('全部列出'))
      expect(list, reply).not.toContain('✗ 申请人居民身份证')
      expect(list, reply).not.toContain('✗ 共同生活家庭成员户口簿')
    }
  })
})

describe('a kind of household turned down for another (不是低保户 是特困户)', () => {
  it('is who the household is, not the item turned down: the other item offered, the walk kept', async () => {
    for (const reply of ['不是低保户 是特困户', '俺不是低保户，是五保户']) {
      const chat = await newChat()
      await startItem(chat, DIBAO)
      const said = joined(await chat.say(reply))
      expect(said, reply).toContain('您是想问"特困人员救助供养申请"吗？')
      expect(said, reply).not.toContain('办"特困人员救助供养申请"要准备的材料')
      expect(joined(await chat.say('2')), reply).toContain(ID_CARD)
      expect(joined(await chat.say('全部列出')), reply).not.toContain('✗ 申请人居民身份证')
    }
  })
})

describe('an item turned down in the first question', () => {
  it('不是低保是医保 offers the 医保 items, not 低保', async () => {
    const chat = await newChat()
    const said = joined(await chat.say('不是低保是医保'))
    expect(said).toContain('城乡居民基本医疗保险参保登记和缴费')
    expect(said).not.toContain(DIBAO)
  })
})

describe('an option turned down for another of the same answer', () => {
  it('不是残疾 是重病 at 家里有没有残疾或生重病的人？ is its 是 (was 否: the 不是 was read as denying 是)', async () => {
    for (const reply of ['不是残疾 是重病', '不是残疾，是重病', '不是残疾是重病']) {
      const chat = await atDisabled()
      expect(joined(await chat.say(reply)), reply).toContain(DISABLED_PAPERS)
    }
  })
})

describe('the item at hand turned down for a request naming one of its papers (不是上户口 是办身份证)', () => {
  const ID_ITEM = /居民身份证申领/

  it('records nothing and asks the request as a new question', async () => {
    for (const reply of ['不是上户口 是办身份证', '不是这个 是办身份证']) {
      const chat = await newChat()
      await chat.say('俺想给孙子上户口')
      await chat.say('对')
      const said = joined(await chat.say(reply))
      expect(said, reply).not.toContain('记下了')
      expect(said, reply).not.toContain('没有')
      expect(said, reply).toMatch(ID_ITEM)
    }
  })

  it('keeps answers given (it said 改过来了：父母双方居民身份证没有)', async () => {
    const chat = await newChat()
    await chat.say('俺想给孙子上户口')
    await chat.say('对')
    await chat.say('1')
    await chat.say('有')
    const said = joined(await chat.say('不是上户口 是办身份证'))
    expect(said).not.toContain('改过来了')
    expect(said).toMatch(ID_ITEM)
  })

  it('不是居住证 是身份证 in the 居住证 walk asks for the 身份证, recording nothing', async () => {
    const chat = await newChat()
    await chat.say('居住证咋办')
    await chat.say('有')
    await chat.say('不知道')
    const said = joined(await chat.say('不是居住证 是身份证'))
    expect(said).not.toContain('改过来了')
    expect(said).not.toContain('记下了')
    expect(said).toMatch(ID_ITEM)
  })
})
