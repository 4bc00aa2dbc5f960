/**
 * A remark mid-walk about the material or situation asked (他下不了床 咋拍照, 户口本在俺婆婆家 在, 新房产证还没下来) is
 * about it, not a new question for the matcher, which may be sure of another item for its other words. Through the
 * conversation service with the real catalogue and dialog files.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, startItem, type Chat } from './support.js'

/** Answers 1 until `prompt` is asked (at most a dozen replies). */
async function answerUntil(chat: Chat, first: string[], prompt: string): Promise<void> {
  let replies = first
  for (let k = 0; k < 12 && !joined(replies).includes(prompt); k++) replies = await chat.say('1')
  expect(joined(replies)).toContain(prompt)
}

describe('a question about the material asked', () => {
  it('他下不了床 咋拍照 at the photo (长者模式): where to get it, which says 卧床的可请…上门拍, then the photo again', async () => {
    const chat = await newChat()
    await chat.say('长者模式')
    await answerUntil(chat, await startItem(chat, '办理残疾人证'), '您有近期 2 寸白底免冠彩色照片吗？')
    const replies = joined(await chat.say('他下不了床 咋拍照'))
    expect(replies).toContain('卧床的可请镇（街道）残联专职委员上门拍')
    expect(replies).toContain('您有近期 2 寸白底免冠彩色照片吗？')
    expect(replies).not.toContain('您要问的是')
  })
})

describe('an answer said in parts about the material asked', () => {
  it('户口本在俺婆婆家 在 at 落户方居民户口簿: 有, and the walk goes on', async () => {
    const chat = await newChat()
    await answerUntil(chat, await startItem(chat, '出生登记（新生儿落户）'), '落户方居民户口簿')
    const replies = joined(await chat.say('户口本在俺婆婆家 在'))
    expect(replies).not.toContain('您是想问')
    expect(replies).not.toContain('落户方居民户口簿')
    expect(joined(await chat.say('全部列出'))).toContain('✓ 落户方居民户口簿')
  })
})

describe('a remark at a situation question naming its words', () => {
  it('新房产证还没下来 at 和房子过户一起办还是已过户: how to answer, then the options again', async () => {
    const chat = await newChat()
    await answerUntil(chat, await startItem(chat, '水电气热过户'), '还是房子已经过完户了现在单独办？')
    const replies = await chat.say('新房产证还没下来')
    expect(replies[0]).toBe('这一问请按您的情况选一个；拿不准就回"不知道"，清单上会写明什么情况要带什么。')
    expect(replies[1]).toContain('1 和房子过户一起办，2 房子已过户单独办')
    expect(joined(await chat.say('1'))).not.toContain('还是房子已经过完户了现在单独办？')
  })

  it('另外 … 咋办 naming another item still offers it', async () => {
    const chat = await newChat()
    await answerUntil(chat, await startItem(chat, '水电气热过户'), '还是房子已经过完户了现在单独办？')
    expect(joined(await chat.say('另外 新房产证咋办'))).toContain('您是想问"新建商品房不动产登记')
  })
})

describe('a question mid-walk about applying away from home', () => {
  it('俺在外地打工能在外地补不 in the 居民身份证 walk: the item\'s 异地办理的，到居住地派出所, then the question again', async () => {
    const chat = await newChat()
    const first = joined(await chat.say('身份证丢了'))
    const question = first.split('\n').slice(-2).join('\n')
    expect(await chat.say('俺在外地打工能在外地补不')).toEqual(['在外地办：异地办理的，到居住地派出所', question])
  })
})

describe('the places of an item', () => {
  it('say a place\'s note once where the point\'s hours already say it (周六上午办理身份证业务)', async () => {
    const chat = await newChat()
    await chat.say('身份证丢了')
    const places = joined(await chat.say('在哪办'))
    expect(places).toContain('周六上午办理身份证业务')
    expect(places.split('周六上午').length - 1).toBe(1)
  })
})

describe('what is no remark on the step asked (found in review)', () => {
  async function walkThen(question: string, answers: string[], reply: string): Promise<string> {
    const chat = await newChat()
    await chat.say(question)
    for (const a of answers) await chat.say(a)
    return joined(await chat.say(reply))
  }

  it('the item at hand asked again is said to be this one; another item asked clearly is offered', async () => {
    expect(await walkThen('低保咋申请', ['1', '1', '1', '1', '1'], '低保咋申请')).toContain('您问的就是"最低生活保障申请"')
    expect(await walkThen('低保咋申请', ['1', '1', '1', '1'], '残疾证怎么办理')).toContain('您是想问"办理残疾人证"吗？')
  })

  it('another paper lost (社保卡丢了咋办) is not about the 身份证 asked, whose note says 丢了…补办', async () => {
    const said = await walkThen('低保咋申请', ['1'], '社保卡丢了咋办')
    expect(said).not.toContain('身份证丢了先到户籍地派出所补办')
  })

  it('a question at a situation question may be a new one (孩子上学要啥 at 是不是未满 16 周岁)', async () => {
    expect(await walkThen('身份证丢了咋补', ['1'], '孩子上学要啥')).toContain('您是想问"随迁子女义务教育入学申请"吗？')
  })
})

describe('能办X不 mid-walk about another item (found in review)', () => {
  it('is not answered with the conditions of the item at hand: the other item is offered', async () => {
    const chat = await newChat()
    await chat.say('医保咋交')
    await chat.say('1')
    const said = joined(await chat.say('我家能办低保不'))
    expect(said).toContain('您是想问"最低生活保障申请"吗？')
    expect(said).not.toContain('谁能办')
  })
})
