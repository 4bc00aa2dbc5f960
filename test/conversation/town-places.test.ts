/**
 * Transcripts for the checklist's 镇 / 村-tier places ("户籍所在地镇（街道）便民服务中心"): the checklist invites the
 * resident to name their town, and the town's (or village's) name gets that point's address, hours and phone.
 * Expected values come from the loaded catalogue and dialog files, so rewording or new sample data keeps them true.
 */
import { describe, expect, it } from 'vitest'
import type { ServicePoint } from '../../src/catalog/types.js'
import { decide } from '../../src/match/decide.js'
import { joined, newChat, real, startItem, type Chat } from './support.js'

/** An item handled at the resident's town centre (民政窗口) and village room. */
const LOCAL = '最低生活保障申请'
/** Its town-tier place is the 派出所, a point of the town besides its centre. */
const POLICE = '居民身份证申领、换领、补领'
/** A question the matcher is sure about, about another item. */
const OTHER = '水电气热过户'

async function point(name: string): Promise<ServicePoint> {
  const { catalog } = await real()
  const found = [...catalog.points.values()].find((p) => p.name === name)
  if (!found) throw new Error(`no service point named ${name}`)
  return found
}

function expectPoint(text: string, p: ServicePoint): void {
  expect(text).toContain(p.name)
  // The sample file's 样例地址 note is for admins, not shown to residents.
  expect(text).toContain(`地址：${p.address.replace('（样例地址）', '')}`)
  expect(text).toContain(`时间：${p.hours}`)
  expect(text).toContain(`电话：${p.phone}`)
}

async function hint(): Promise<string> {
  return (await real()).definitions.messages.checklist.townHint
}

/** At the checklist of `name` (after 全部列出); resolves to the checklist's replies. */
async function atChecklist(chat: Chat, name: string): Promise<string> {
  await startItem(chat, name)
  const replies = joined(await chat.say('全部列出'))
  expect(replies).toContain('【一次性告知单】')
  return replies
}

describe('the checklist invites the town name', () => {
  it('adds one line after the places when an item is handled at a town centre or village room', async () => {
    const chat = await newChat()
    const checklist = await atChecklist(chat, LOCAL)
    const invite = await hint()
    expect(checklist).toContain(invite)
    expect(checklist.split(invite)).toHaveLength(2) // once
    // In the places section, before 四、时限和费用.
    expect(checklist.indexOf('二、到哪里办')).toBeLessThan(checklist.indexOf(invite))
    expect(checklist.indexOf(invite)).toBeLessThan(checklist.indexOf('四、时限和费用'))
  })

  it('also at the end of the walk, and again after 全部列出 at the checklist', async () => {
    const chat = await newChat()
    await startItem(chat, LOCAL)
    let replies: string[] = []
    for (let i = 0; i < 12 && !joined(replies).includes('【一次性告知单】'); i++) replies = await chat.say('1')
    expect(joined(replies)).toContain(await hint())
    expect(joined(await chat.say('全部列出'))).toContain(await hint())
  })

  it('shows no invitation when every place is a named service point', async () => {
    const { catalog } = await real()
    const named = catalog.items.filter((i) => i.places.length > 0 && i.places.every((p) => p.pointId !== undefined))
    expect(named.length).toBeGreaterThan(0)
    for (const item of named.slice(0, 3)) {
      const chat = await newChat()
      const checklist = await atChecklist(chat, item.name)
      expect(checklist).not.toContain(await hint())
      // And a town's name is not answered with a town centre the item has nothing to do with.
      expect(joined(await chat.say('大店镇'))).not.toContain('大店镇便民服务中心')
    }
  })
})

describe('a town name at the checklist', () => {
  it('大店镇 gives the centre\'s name, window, address, hours and phone, says the village rooms take it too, and asks again', async () => {
    const chat = await newChat()
    await atChecklist(chat, LOCAL)
    const replies = await chat.say('大店镇')
    expect(replies).toHaveLength(2)
    expectPoint(replies[0]!, await point('大店镇便民服务中心'))
    expect(replies[0]).toContain('民政窗口')
    expect(replies[0]).toContain('大店镇各村（社区）便民服务室也能办')
    expect(replies[0]).not.toContain('【一次性告知单】')
    expect(replies[1]).toBe('您打算怎么办？\n请回复编号：\n1 自己办理\n2 问别的事\n3 申请代办（工作人员帮您办）')
  })

  it('大店 (without 镇), 我是大店镇的 and 大店镇在哪 give the same', async () => {
    const chat = await newChat()
    await atChecklist(chat, LOCAL)
    const first = await chat.say('大店镇')
    for (const text of ['大店', '我是大店镇的', '大店镇在哪']) expect(await chat.say(text)).toEqual(first)
  })

  it('a 街道 by its short name', async () => {
    const chat = await newChat()
    await atChecklist(chat, LOCAL)
    expectPoint(joined(await chat.say('十字路')), await point('十字路街道便民服务中心'))
  })

  it('a village gives its room (with its town) and its town\'s centre', async () => {
    const chat = await newChat()
    await atChecklist(chat, LOCAL)
    const text = joined(await chat.say('大店一村'))
    expectPoint(text, await point('大店一村便民服务室'))
    expect(text).toContain('大店镇 大店一村便民服务室')
    expectPoint(text, await point('大店镇便民服务中心'))
    expect(text).not.toContain('大店二村')
  })

  it('a town\'s own point named in the place (户籍所在地派出所) rather than its centre', async () => {
    const chat = await newChat()
    const checklist = await atChecklist(chat, POLICE)
    // The checklist names the place by its own 名称, not the tier's usual centre its lines would contradict.
    expect(checklist).toContain('户籍所在地派出所 户籍窗口')
    expect(checklist).not.toContain('便民服务中心 户籍窗口')
    const text = joined(await chat.say('大店镇'))
    expectPoint(text, await point('大店派出所'))
    expect(text).not.toContain('大店镇便民服务中心')
  })

  it('an unknown place gets a short re-prompt, and the dialog goes on', async () => {
    const chat = await newChat()
    await atChecklist(chat, LOCAL)
    const replies = await chat.say('东京镇')
    expect(replies).toEqual(['没找到"东京镇"。请回复镇（街道）的名字，比如"大店镇"\n您打算怎么办？\n请回复编号：\n1 自己办理\n2 问别的事\n3 申请代办（工作人员帮您办）'])
    expect(joined(await chat.say('1'))).toContain('祝您办理顺利')
  })

  it('1 自己办理 still works after a town name', async () => {
    const chat = await newChat()
    await atChecklist(chat, LOCAL)
    await chat.say('大店镇')
    expect(joined(await chat.say('1'))).toContain('祝您办理顺利')
  })

  it('3 申请代办 still works after a town name', async () => {
    const chat = await newChat()
    await atChecklist(chat, LOCAL)
    await chat.say('大店')
    expect(joined(await chat.say('3'))).toContain('请告诉我申请人的姓名')
  })

  it('返回 after a town name goes back over the checklist, not over the town reply', async () => {
    const chat = await newChat()
    await startItem(chat, LOCAL)
    await chat.say('全部列出')
    await chat.say('大店镇')
    // The town reply did not move the dialog: 返回 undoes 全部列出, back to the walk.
    expect(joined(await chat.say('返回'))).toContain('是否已准备好')
  })

  it('a real question still switches', async () => {
    const { matcher } = await real()
    expect(decide(matcher.match(OTHER)).kind).toBe('sure')
    const chat = await newChat()
    await atChecklist(chat, LOCAL)
    expect(joined(await chat.say(OTHER))).toContain(`您是想问"${OTHER}"吗？`)
  })

  it('a question that mentions a town is a question, not the town', async () => {
    const chat = await newChat()
    await atChecklist(chat, LOCAL)
    expect(joined(await chat.say(`大店镇${OTHER}`))).not.toContain('大店镇便民服务中心')
  })
})

describe('a town name after 自己办理', () => {
  it('gives the town centre, then the state\'s prompt; a question after it is still a question', async () => {
    const chat = await newChat()
    await atChecklist(chat, LOCAL)
    await chat.say('1')
    const replies = await chat.say('大店')
    expectPoint(replies[0]!, await point('大店镇便民服务中心'))
    expect(replies[1]).toContain('还有别的事，直接告诉我')
    expect(chat.effects.filter((e) => e.type === 'unmatched')).toEqual([])
    // Clear (the item's exact name): its walk starts at once.
    expect(joined(await chat.say(OTHER))).toContain(`好的。办"${OTHER}"要准备的材料`)
  })

  it('an unknown place is not sent to the matcher as a question', async () => {
    const chat = await newChat()
    await atChecklist(chat, LOCAL)
    await chat.say('1')
    expect(joined(await chat.say('东京镇'))).toContain('没找到"东京镇"')
    expect(chat.effects.filter((e) => e.type === 'unmatched')).toEqual([])
  })
})

describe('a town named earlier, at the 代办 town question', () => {
  it('坊前镇 in the question: the form asks 坊前镇 villages at once, saying how to change it; the summary has it', async () => {
    const chat = await newChat()
    expect(joined(await chat.say('俺在坊前镇，想申请低保'))).toContain('最低生活保障申请')
    await chat.say('1')
    await chat.say('全部列出')
    await chat.say('3')
    await chat.say('李桂兰')
    const town = await chat.say('13912345678')
    expect(town[0]).toBe('您前面说的是坊前镇，就按坊前镇填。不是的话，直接打镇（街道）的名字。')
    expect(town[1]).toContain('1 坊前村')
    await chat.say('1')
    await chat.say('2')
    await chat.say('1')
    expect(joined(await chat.say('1'))).toMatch(/住址：坊前镇.*坊前村/)
  })

  it('a town answered at 在哪办 is offered; 不对 brings back the list of towns, another town name changes it', async () => {
    const chat = await newChat()
    await startItem(chat, LOCAL)
    await chat.say('全部列出')
    await chat.say('在哪办')
    expect(joined(await chat.say('洙边镇'))).toContain('洙边镇')
    for (const answer of ['3', '王五']) await chat.say(answer)
    expect((await chat.say('13712345678'))[0]).toContain('您前面说的是洙边镇')
    expect(joined(await chat.say('不对'))).toContain('申请人住在哪个镇（街道）？')
    expect(joined(await chat.say('涝坡镇'))).toContain('是哪个村（社区）？')
  })
})
