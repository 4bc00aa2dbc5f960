/**
 * Transcripts of what residents also do: unexpected answers, empty or huge messages, emoji, pictures,
 * full-width and circled numbers, global commands, a new question mid-flow, coming back after a break,
 * and a catalogue edit that removes the item they were on.
 */
import { describe, expect, it } from 'vitest'
import type { Catalog, CatalogItem } from '../../src/catalog/types.js'
import { joined, newChat, real, sayAfresh, startItem } from './support.js'

/** Its exact name is a clear question: the walk starts at once, with no 对吗 to confirm. */
const MEAL = '长者食堂助餐补贴申请'
/** A question the matcher is sure of, but not clear about: it asks 对吗 first. */
const MEAL_UNCLEAR = '助餐'
const ASK_ID = '是否已准备好：老人居民身份证（原件1份）？\n回复 1 有，2 没有'
const ASK_HUKOU = '是否已准备好：户口簿（原件1份）？'
const WELCOME = '请直接说您要办什么事，比如：低保怎么申请'

describe('answers the state does not expect', () => {
  it('re-prompts briefly, with the question itself, on an unknown answer and on "3" when there are two options', async () => {
    const chat = await newChat()
    // Sure but not clear: the bot asks 对吗 (1 对，2 不对); 回复 1 对，2 不对 alone would not say what is asked.
    const confirm = `您要办的是：${MEAL}，对吗？\n回复 1 对，2 不对`
    expect(joined(await chat.say(MEAL_UNCLEAR))).toContain(confirm)
    expect(await chat.say('3')).toEqual([`没有这个编号。\n${confirm}`])
    expect(await chat.say('随便吧')).toEqual([`没看明白，请回复编号。\n${confirm}`])
    await chat.say('1')
    expect(await chat.say('abc')).toEqual([`没看明白，请回复编号。\n${ASK_ID}`])
    expect(joined(await chat.say('1'))).toContain(ASK_HUKOU) // still works afterwards
  })

  it('after 不对, a number not offered says so and asks for the question again, without a 好的 that contradicts it', async () => {
    const chat = await newChat()
    expect(joined(await chat.say(MEAL_UNCLEAR))).toContain('对吗？')
    expect(await chat.say('不对')).toEqual(['好的，请换个说法再说一次您要办什么事。\n回复 1 转人工'])
    const askAgain = '请换个说法，说说您要办什么事，比如：低保怎么申请\n回复 1 转人工'
    for (const bad of ['5', '0']) expect(await chat.say(bad), bad).toEqual([`没有这个编号。\n${askAgain}`])
    expect(await chat.say('好的')).toEqual([askAgain])
    expect(await chat.say('你好')).toEqual(['您好！', askAgain])
    // Still takes a question, and 没找到 words its own 没有这个编号 the same way.
    expect(joined(await chat.say('abc'))).toContain('没找到和"abc"有关的事项')
    expect(await chat.say('5')).toEqual(['没有这个编号。\n请说说您要办什么事，比如：低保怎么申请。\n也可以拨打 12345 政务服务便民热线。\n回复 1 转人工'])
    expect(joined(await chat.say('水电气热过户'))).toContain('好的。办"水电气热过户"要准备的材料')
  })

  it('after "not found", a greeting or an empty message is not told again that the earlier question found nothing', async () => {
    const chat = await newChat()
    expect(joined(await chat.say('x'))).toContain('没找到和"x"有关的事项')
    for (const text of ['你好', '']) {
      const replies = joined(await chat.say(text))
      expect(replies, text).not.toContain('没找到')
      expect(replies, text).toContain('请说说您要办什么事')
      expect(replies, text).toContain('回复 1 转人工')
    }
  })

  it('reads "-1", "0.1" and other signed numbers as no option (结婚登记 walk and a yes/no menu)', async () => {
    const chat = await newChat()
    // Sure but not clear (结婚登记 itself would start the walk at once): the bot asks 对吗.
    expect(await chat.say('结婚咋办')).toEqual(['您要办的是：结婚登记，对吗？\n回复 1 对，2 不对'])
    expect(await chat.say('-1')).toEqual(['没有这个编号。\n您要办的是：结婚登记，对吗？\n回复 1 对，2 不对'])
    await chat.say('1')
    const askId = '是否已准备好：双方本人居民身份证（原件1份）？\n回复 1 有，2 没有'
    for (const bad of ['-1', '－1', '−2', '-0', '0.1', '2.5']) {
      expect(await sayAfresh(chat, bad), bad).toEqual([`没有这个编号。\n${askId}`])
    }
    expect(await sayAfresh(chat, '-1 有')).toEqual([`没看明白，请回复编号。\n${askId}`])
    expect(joined(await chat.say('进度'))).toContain('已备好 0 项')
    // The 声明书 is filled in at the office (窗口提供): not asked; the photos are next.
    expect(joined(await chat.say('1'))).toContain('是否已准备好：双方近期 2 寸半身免冠合影照片')
  })

  it('accepts full-width digits, circled digits, Chinese numerals, "第1个" and "1 有"', async () => {
    for (const reply of ['１', '①', '一', '第1个', '1 有', '有的。']) {
      const chat = await newChat()
      await chat.say(MEAL)
      expect(joined(await chat.say(reply)), reply).toContain(ASK_HUKOU)
    }
  })

  it('never echoes characters nobody can see (a direction override would make the reply read backwards)', async () => {
    const chat = await newChat()
    const replies = joined(await chat.say('火星\u202e签证\u0000怎么办'))
    expect(replies).not.toMatch(/[\u0000\u202e]/)
    expect(joined(await chat.say('低\u200b保'))).toContain('最低生活保障')
  })

  it('at a material question, 好的 / 行 (agreeing, not 有) is asked gently for 有 or 没有 of that material, not 没看明白', async () => {
    const chat = await newChat()
    await chat.say(MEAL)
    for (const agree of ['好的', '行', '可以']) {
      expect(await sayAfresh(chat, agree), agree).toEqual(['好的。老人居民身份证，您是有还是没有？\n回复 1 有，2 没有'])
    }
    expect(joined(await chat.say('1'))).toContain(ASK_HUKOU)
  })

  it('several numbers (1 2 1) at a one-question step take the first; at the 代办 summary different ones ask for one number', async () => {
    const chat = await newChat()
    expect(joined(await chat.say(MEAL_UNCLEAR))).toContain('对吗？')
    for (const several of ['1 2 1', '一，二，一']) {
      const replies = joined(await sayAfresh(chat, several))
      expect(replies, several).not.toContain('没有这个编号')
    }
    // 1 对: the walk began (the second try, after 帮助, answered its first question with 1).
    const walk = await newChat()
    await walk.say(MEAL_UNCLEAR)
    expect(joined(await walk.say('1 2 1'))).toContain(ASK_ID)

    const summary = await newChat()
    await summary.say(MEAL)
    for (const answer of ['1', '2', '2', '1', '1', '3', '张秀英', '13812345678', '2', '1', '否']) await summary.say(answer)
    expect(joined(await summary.say('代办'))).toContain('请核对您的代办申请')
    const one = await summary.say('1 2')
    expect(one).toHaveLength(1)
    expect(one[0]).toMatch(/^请只回复一个编号。\n请核对您的代办申请：[^]*回复 1 确认提交，2 重新填写，3 不办了$/)
    expect(summary.effects.some((e) => e.type === 'openTicket')).toBe(false)
    expect(joined(await summary.say('1 1'))).toContain('已记录')
  })

  it('handles empty text, emoji only and WeChat sticker codes without losing the place', async () => {
    const chat = await newChat()
    expect(await chat.say('')).toEqual(['没有收到文字。', expect.stringContaining(WELCOME)])
    await chat.say(MEAL)
    expect(await chat.say('   ')).toEqual(['没有收到文字。', ASK_ID])
    // Something was sent, only not words: not told nothing came.
    // (👍 alone agrees and ？ alone asks what is meant: see elder-replies.test.ts.)
    for (const unread of ['😀😀👍', '[微笑][捂脸]', '。。。', '…']) {
      expect(await chat.say(unread), unread).toEqual(['没看懂您发的内容，请打字说说。', ASK_ID])
    }
    expect(joined(await chat.say('1'))).toContain(ASK_HUKOU)
  })

  it('asks for one sentence instead of reading 2,000 characters, and keeps the place', async () => {
    const chat = await newChat()
    await chat.say(MEAL)
    const replies = await chat.say('低保'.repeat(1000))
    // Mid-walk, not 说说要办什么事 (that reads as starting over): the question waiting, right after.
    expect(replies).toEqual([`您说的有点长，先回答下面这个问题就行：\n${ASK_ID}`])
    expect(joined(await chat.say('1'))).toContain(ASK_HUKOU)
  })

  it('after "nothing found", a too long message gets only the request for one sentence', async () => {
    const chat = await newChat()
    await chat.say('哈哈哈哈哈')
    expect(await chat.say('办'.repeat(500))).toEqual(['您说的有点长，请用一句话说说要办什么事，比如：残疾人证怎么办'])
  })

  it('answers a picture, voice or sticker politely and changes nothing', async () => {
    const chat = await newChat()
    await chat.say(MEAL)
    for (const kind of ['image', 'voice', 'sticker', 'file', 'location'] as const) {
      expect(await chat.send(kind)).toEqual(['抱歉，我暂时只能看懂文字。请打字告诉我，比如：低保怎么申请'])
    }
    expect(joined(await chat.say('1'))).toContain(ASK_HUKOU)
  })

  it('greets back and says thanks without moving', async () => {
    const chat = await newChat()
    // The welcome says 您好 itself: not twice. 我要办事 (nothing said about what) is answered the same way.
    expect(await chat.say('你好')).toEqual([expect.stringContaining(WELCOME)])
    expect(await chat.say('我要办事')).toEqual([expect.stringContaining(WELCOME)])
    expect(chat.effects).toEqual([])
    expect(await chat.say('谢谢')).toEqual(['不客气！还有别的事，直接告诉我就行。'])
    // Elsewhere the greeting comes before the question asked again.
    await chat.say(MEAL)
    expect(await chat.say('在吗')).toEqual(['您好！', ASK_ID])
  })

  it('不清楚 at 对吗 says how to find out and asks again, rather than 没看明白', async () => {
    const chat = await newChat()
    await chat.say(MEAL_UNCLEAR)
    const replies = await chat.say('不清楚')
    expect(replies[0]).toBe('拿不准的话，先回复"对"，看看要带什么、怎么办；看了不是这件事，回复"重新开始"换个说法问。')
    expect(replies[1]).toContain('对吗？')
    expect(joined(await chat.say('对'))).toContain(ASK_ID)
  })

  it('says goodbye to 拜拜 / 没别的事了 rather than 没找到; mid-walk the question still waits for the next reply', async () => {
    const chat = await newChat()
    expect(await chat.say('拜拜')).toEqual(['好的，再见！以后有事随时来问我。'])
    await chat.say(MEAL)
    expect(await chat.say('先这样吧')).toEqual(['好的，再见！以后有事随时来问我。'])
    expect(joined(await chat.say('1'))).toContain(ASK_HUKOU)
    await chat.say('全部列出')
    await chat.say('1')
    expect(await chat.say('没别的事了')).toEqual(['好的，再见！以后有事随时来问我。'])
    expect(chat.effects.filter((e) => e.type === 'unmatched')).toEqual([])
  })

  it('thanks mid-way with 不客气 and the question still waiting; greets at a name or town question rather than refusing it', async () => {
    const chat = await newChat()
    await chat.say(MEAL)
    // Not 还有别的事: the material is still asked.
    expect(await chat.say('多谢')).toEqual([`不客气！\n${ASK_ID}`])
    for (const answer of ['1', '2', '2', '1', '1', '3']) await chat.say(answer)
    expect(await chat.say('在不在')).toEqual(['您好！', '好的，帮您申请代办。请告诉我申请人的姓名：'])
    expect(await chat.say('辛苦了')).toEqual(['不客气！\n好的，帮您申请代办。请告诉我申请人的姓名：'])
    await chat.say('张秀英')
    await chat.say('13812345678')
    const town = await chat.say('有人吗')
    expect(town[0]).toBe('您好！')
    expect(town[1]).toContain('申请人住在哪个镇（街道）？')
  })
})

describe('global commands', () => {
  it('刚才点错了 / 上一个回错了 go back to the question before, to answer it again', async () => {
    for (const slip of ['刚才点错了', '上一个回错了', '俺说错了']) {
      const chat = await newChat()
      await chat.say(MEAL)
      await chat.say('2')
      expect((await chat.say(slip)).at(-1), slip).toBe(ASK_ID)
      expect(joined(await chat.say('1')), slip).toContain(ASK_HUKOU)
    }
  })

  it('返回 undoes the last answer, step by step, and says so at the first step', async () => {
    const chat = await newChat()
    expect(await chat.say('上一步')).toEqual(['已经是第一步了。', expect.stringContaining(WELCOME)])
    // Asked 对吗 (sure but not clear), so that 返回 steps back to it.
    await chat.say(MEAL_UNCLEAR)
    await chat.say('1')
    await chat.say('2') // 身份证: 没有
    expect(await chat.say('返回')).toEqual([ASK_ID])
    await chat.say('1') // now 有
    await chat.say('返回')
    expect(await chat.say('返回')).toEqual([`您要办的是：${MEAL}，对吗？\n回复 1 对，2 不对`])
    await chat.say('1')
    await chat.say('1')
    await chat.say('1')
    await chat.say('2')
    expect(joined(await chat.say('2'))).toContain('✓ 老人居民身份证')
  })

  it('重新开始 forgets the item; 帮助 explains and repeats the question', async () => {
    const chat = await newChat()
    await chat.say(MEAL)
    const help = await chat.say('帮助')
    expect(help[0]).toContain('使用说明')
    expect(help[1]).toBe(ASK_ID)
    expect(await chat.say('重新开始')).toEqual(['好的，我们重新开始。', expect.stringContaining(WELCOME)])
    expect(await chat.say('我的进度')).toEqual(['现在没有正在核对材料的事项。', expect.stringContaining('代办进度查询还在接入中')])
  })

  it('mid-walk, a sentence that is neither an answer nor a question it can place is said not understood, with a hint that questions are welcome', async () => {
    const chat = await newChat()
    await chat.say(MEAL)
    const replies = await chat.say('俺今天起得早')
    expect(replies[0]).toBe('没看明白您的意思。')
    expect(replies[1]).toMatch(/^是否已准备好：.+\n回复 1 有，2 没有\n也可以直接打字问别的事/)
    // A short slip is only asked again.
    expect(joined(await chat.say('abc'))).not.toContain('没看明白您的意思')
  })

  it('我的进度 tells where the resident is and asks the tickets service', async () => {
    const chat = await newChat()
    await chat.say(MEAL)
    await chat.say('1')
    const replies = await chat.say('进度')
    // The two materials needed only on some answer (看情况要带) are not counted as 未核对: not alarming, said apart.
    expect(replies[0]).toBe(`您正在办：${MEAL}\n材料：已备好 1 项，还缺 0 项，未核对 1 项\n另有 2 项要看您的情况，不一定要带。`)
    // Mid-way the question waits: it is asked again; the tickets are listed only if there are some.
    expect(replies[1]).toContain('是否已准备好：户口簿')
    expect(chat.effects.at(-1)).toEqual({ type: 'listTickets', quietIfNone: true })
    // With nothing under way, the list is always given (您还没有代办工单 is then the answer).
    const idle = await newChat()
    expect((await idle.say('我的进度'))[0]).toBe('现在没有正在核对材料的事项。')
    expect(idle.effects.at(-1)).toEqual({ type: 'listTickets' })
  })

  it('人工 in the middle of a flow gives the numbers and notifies staff, keeping the place', async () => {
    const chat = await newChat()
    await chat.say(MEAL)
    const replies = await chat.say('我要转人工')
    expect(joined(replies)).toContain('拨打本事项咨询电话 0539-7211000')
    expect(chat.effects.at(-1)).toMatchObject({ type: 'handoff', reason: expect.stringContaining(MEAL) })
    expect(joined(await chat.say('1'))).toContain(ASK_HUKOU)
  })

  it('全部列出 before any item asks what the resident wants to do', async () => {
    const chat = await newChat()
    expect(await chat.say('全部列出')).toEqual(['还不知道您要办什么事，请先告诉我，我再列出要带的材料。', expect.stringContaining(WELCOME)])
  })
})

describe('a new question in the middle of a flow', () => {
  it('is offered as a switch: 不是 returns to the same question, 是 starts the new item', async () => {
    const chat = await newChat()
    await chat.say(MEAL)
    expect(await chat.say('水电气热过户')).toEqual(['您是想问"水电气热过户"吗？\n请回复编号：\n1 是，改问这个\n2 不是，接着刚才的'])
    expect(await chat.say('不是')).toEqual([`好的，不改了，接着办"${MEAL}"。\n${ASK_ID}`])
    await chat.say('水电气热过户')
    const switched = joined(await chat.say('是'))
    expect(switched).toContain('办"水电气热过户"要准备的材料')
    expect(await chat.say('返回')).toEqual(['您是想问"水电气热过户"吗？\n请回复编号：\n1 是，改问这个\n2 不是，接着刚才的'])
  })
})

describe('idle sessions', () => {
  it('start fresh after 30 minutes, telling the resident, and answer the new question at once', async () => {
    const chat = await newChat()
    await chat.say(MEAL)
    chat.clock.now += 29 * 60_000
    expect(joined(await chat.say('1'))).toContain(ASK_HUKOU) // 29 minutes: still there
    chat.clock.now += 31 * 60_000
    const replies = await chat.say('水电气热过户')
    expect(replies[0]).toBe('您好，上次的对话已经超过 30 分钟没有回复，我们重新开始。')
    // Clear (the item's exact name): its walk starts at once.
    expect(replies[1]).toContain('好的。办"水电气热过户"要准备的材料')
  })

  it('use the configured idle time', async () => {
    const chat = await newChat({ sessionTtlSeconds: 120 })
    await chat.say(MEAL)
    chat.clock.now += 3 * 60_000
    const replies = await chat.say('1')
    expect(replies[0]).toBe('您好，上次的对话已经超过 2 分钟没有回复，我们重新开始。')
    expect(replies[1]).toContain(WELCOME)
  })
})

describe('catalogue reload', () => {
  it('tells the resident when their item vanished and starts over', async () => {
    const r = await real()
    let catalog = r.catalog
    const chat = await newChat({ catalog: () => ({ catalog, matcher: r.matcher }) })
    await startItem(chat, MEAL)
    const byId = new Map([...r.catalog.byId].filter(([, item]) => item.name !== MEAL))
    catalog = { ...r.catalog, items: [...byId.values()], byId }
    const replies = await chat.say('1')
    expect(replies[0]).toBe(`您刚才办的"${MEAL}"办事信息有更新，请重新告诉我您要办什么事。`)
    expect(replies[1]).toContain(WELCOME)
  })

  /** The catalogue with the meal subsidy edited: a new first material, and 户口簿 renamed. */
  function mealEdited(catalog: Catalog): Catalog {
    const meal = catalog.items.find((i) => i.name === MEAL)!
    const edited: CatalogItem = {
      ...meal,
      materials: [
        { name: '近期免冠照片', form: '原件', copies: 1, unit: '份', requirement: '必须' },
        ...meal.materials.map((m) => (m.name === '户口簿' ? { ...m, name: '居民户口簿' } : m)),
      ],
    }
    const items = catalog.items.map((i) => (i === meal ? edited : i))
    return { ...catalog, items, byId: new Map(items.map((i) => [i.id, i])) }
  }

  it('walks the materials again from the first one when the item was edited mid-walk, instead of applying the answer', async () => {
    const r = await real()
    let catalog = r.catalog
    const chat = await newChat({ catalog: () => ({ catalog, matcher: r.matcher }) })
    await startItem(chat, MEAL)
    expect(joined(await chat.say('1'))).toContain(ASK_HUKOU)
    catalog = mealEdited(r.catalog)
    const replies = await chat.say('1')
    expect(replies[0]).toBe('这个事项的材料刚刚更新了，我们从头再核对一遍。')
    expect(joined(replies)).toContain(`办"${MEAL}"要准备的材料，我们一项一项核对`)
    expect(joined(replies)).toContain('是否已准备好：近期免冠照片（原件1份）？\n回复 1 有，2 没有')
    // The next 1 answers the photo, which was asked; the ID card is asked again.
    expect(joined(await chat.say('1'))).toContain(ASK_ID.split('\n')[0]!)
    const list = joined(await chat.say('全部列出'))
    expect(list).toContain('✓ 近期免冠照片')
    expect(list).not.toContain('✓ 老人居民身份证')
    expect(list).not.toMatch(/✓ (居民)?户口簿/)
  })

  it('goes on as before with a session stored without the stamp (before stamps existed)', async () => {
    const r = await real()
    let catalog = r.catalog
    const chat = await newChat({ catalog: () => ({ catalog, matcher: r.matcher }) })
    await startItem(chat, MEAL)
    const key = 'http:resident-1'
    const stored = (await chat.sessions.get(key)) as Record<string, unknown> | undefined
    expect(stored?.walkStamp).toEqual(expect.any(String))
    delete stored!.walkStamp
    await chat.sessions.set(key, stored, 1800)
    catalog = mealEdited(r.catalog)
    const replies = await chat.say('1')
    expect(joined(replies)).not.toContain('刚刚更新了')
    expect(joined(replies)).toContain('是否已准备好：')
  })

  it('keeps the walk when the catalogue was reloaded but the item\'s materials and questions are the same', async () => {
    const r = await real()
    let catalog = r.catalog
    const chat = await newChat({ catalog: () => ({ catalog, matcher: r.matcher }) })
    await startItem(chat, MEAL)
    const items = r.catalog.items.map((i) => (i.name === MEAL ? { ...i, consultPhone: '0539-0000000' } : i))
    catalog = { ...r.catalog, items, byId: new Map(items.map((i) => [i.id, i])) }
    const replies = await chat.say('1')
    expect(joined(replies)).not.toContain('刚刚更新了')
    expect(joined(replies)).toContain(ASK_HUKOU)
  })
})
