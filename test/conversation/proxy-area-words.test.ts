/**
 * The town / village step of the 代办 form: the last option picked by its own label's words (never saved as a place
 * name), a village said in a sentence, 不知道 at the villages told what happens, a village named at the town step.
 */
import { describe, expect, it } from 'vitest'
import type { TicketRequest } from '../../src/conversation/types.js'
import { joined, newChat, type Chat } from './support.js'

/** At 岭泉镇's village question of a 老年证 代办 form. */
async function atVillages(elder = false, town = '岭泉镇'): Promise<Chat> {
  const chat = await newChat()
  if (elder) await chat.say('长者模式')
  for (const reply of ['老年证', '全部列出', '3', '王秀兰', '13812345678']) await chat.say(reply)
  if (town !== '') await chat.say(town)
  return chat
}

function ticket(chat: Chat): TicketRequest {
  const e = chat.effects.find((x) => x.type === 'openTicket')
  if (e?.type !== 'openTicket') throw new Error('no ticket')
  return e.request
}

describe('the village question\'s last option', () => {
  it('其他 / 其他村 / 上面没有 / 没有 / 其他村（社区） pick it and ask the name', async () => {
    for (const reply of ['其他', '其他村', '上面没有', '没有', '其他村（社区）', '别的村']) {
      const chat = await atVillages()
      const text = joined(await chat.say(reply))
      expect(text, reply).toContain('请打村（社区）的名字')
      expect(text, reply).not.toContain('没找到')
    }
  })

  it('in 长者模式 its label 别的村 (and the standard 其他村) pick it', async () => {
    for (const reply of ['别的村', '别的村，上面没有', '其他村']) {
      const chat = await atVillages(true)
      expect(joined(await chat.say(reply)), reply).toContain('村叫什么名字')
    }
  })

  it('asked the name, the label\'s words again are no name: asked again; a real name is kept', async () => {
    const chat = await atVillages()
    await chat.say('4')
    for (const reply of ['上面没有', '其他村']) expect(joined(await chat.say(reply)), reply).toContain('请打村（社区）的名字')
    await chat.say('后沟村')
    await chat.say('不是')
    expect(joined(await chat.say('1'))).toContain('住址：岭泉镇 后沟村')
  })
})

describe('a village said in a sentence', () => {
  it('俺们是后沟村 / 我们家是后沟村的 / 俺是后沟村的 / 俺们村是后沟村 are its name', async () => {
    for (const reply of ['俺们是后沟村', '我们家是后沟村的', '俺是后沟村的', '俺们村是后沟村', '咱是后沟村']) {
      const chat = await atVillages()
      expect(joined(await chat.say(reply)), reply).toContain('申请人是不是老人')
      await chat.say('不是')
      expect(joined(await chat.say('1')), reply).toContain('住址：岭泉镇 后沟村')
    }
  })
})

describe('不知道 at the villages', () => {
  it('says the agent will call to ask which village, then goes on', async () => {
    const chat = await atVillages()
    const text = joined(await chat.say('不知道'))
    expect(text).toContain('打电话')
    expect(text).toContain('申请人是不是老人')
  })
})

describe('a village named at the town question', () => {
  it('a village no list has (后沟村) asks its town and keeps it: the town then completes the address', async () => {
    const chat = await atVillages(false, '')
    const text = joined(await chat.say('后沟村'))
    expect(text).toContain('后沟村是哪个镇（街道）的')
    expect(text).not.toContain('没找到')
    expect(joined(await chat.say('岭泉镇'))).toContain('申请人是不是老人')
    await chat.say('不是')
    expect(joined(await chat.say('1'))).toContain('住址：岭泉镇 后沟村')
    await chat.say('1')
    expect(ticket(chat).village).toBe('后沟村')
  })

  it('a listed village (黄家庄村 of 岭泉镇) gives its town at once', async () => {
    const chat = await atVillages(false, '')
    const text = joined(await chat.say('俺们是黄家庄村'))
    expect(text).toContain('申请人是不是老人')
    expect(text).not.toContain('哪个镇')
    await chat.say('不是')
    expect(joined(await chat.say('1'))).toContain('住址：岭泉镇 黄家庄村')
  })

  it('不知道 asked the village\'s town keeps the village: 人工 is offered, its name is not asked again, a town then completes it', async () => {
    for (const elder of [false, true]) {
      const chat = await atVillages(elder, '')
      await chat.say('后沟村')
      const text = joined(await chat.say('不知道'))
      expect(text, String(elder)).toContain('人工')
      expect(text, String(elder)).toContain('后沟村')
      expect(text, String(elder)).not.toMatch(/打村|村名也行|村（社区）的名字/)
      expect(joined(await chat.say('岭泉镇')), String(elder)).toMatch(/申请人是不是老人|是不是老人/)
      await chat.say('不是')
      expect(joined(await chat.say('1')), String(elder)).toContain('岭泉镇 后沟村')
    }
  })
})

describe('a village pointed at, not named (本村, 这个村, 俺村)', () => {
  const pointing = ['就在本村', '那个村', '就这个村', '俺村', '我们村', '本村的', '我就是本村的', '俺们这个村']

  it('at the town question is no village name: asked for the name, no town asked for it', async () => {
    for (const reply of pointing) {
      const chat = await atVillages(false, '')
      const text = joined(await chat.say(reply))
      expect(text, reply).toContain('村（社区）的名字')
      expect(text, reply).not.toContain('是哪个镇（街道）的？')
      await chat.say('2')
      // The town chosen, its villages are asked: nothing was kept as a village.
      const after = joined(await chat.say('1'))
      expect(after, reply).toContain('申请人是不是老人')
    }
  })

  it('at a town\'s villages and asked the name of one not on the list, is asked again; a real name is then kept', async () => {
    for (const reply of pointing) {
      const chat = await atVillages()
      expect(joined(await chat.say(reply)), reply).toContain('村（社区）的名字')
      await chat.say('4')
      expect(joined(await chat.say(reply)), reply).toContain('村（社区）的名字')
      await chat.say('后沟村')
      await chat.say('不是')
      const summary = joined(await chat.say('1'))
      expect(summary, reply).toContain('住址：岭泉镇 后沟村')
    }
  })

  it('a name with a pointing word in front is still the name (俺村是后沟村)', async () => {
    const chat = await atVillages()
    expect(joined(await chat.say('俺村是后沟村'))).toContain('申请人是不是老人')
  })
})

describe('the town question, a village said with its town or without 村', () => {
  it('俺是涝坡镇南岭的 takes 涝坡镇 南岭村 (the town\'s own village by its short name), not the villages again', async () => {
    for (const said of ['俺是涝坡镇南岭的', '涝坡镇南岭']) {
      const chat = await atVillages(false, '')
      const text = joined(await chat.say(said))
      expect(text, said).not.toContain('是哪个村')
      expect(text, said).toContain('出不了门')
      for (let i = 0; i < 6 && !chat.effects.some((e) => e.type === 'openTicket'); i++) await chat.say('1')
      expect(ticket(chat).areaPointId, said).toBe('laopo-v2')
    }
  })

  it('前王庄 alone at the town question is a village on no list, as 俺村是前王庄 is: its town is asked', async () => {
    for (const said of ['前王庄', '俺村是前王庄']) {
      const chat = await atVillages(false, '')
      const text = joined(await chat.say(said))
      expect(text, said).toContain('前王庄是哪个镇')
      expect(text, said).not.toContain('没找到')
    }
  })
  it('山庄 / 农庄 at the town question are no village names', async () => {
    for (const said of ['山庄', '农庄']) {
      const text = joined(await (await atVillages(false, '')).say(said))
      expect(text, said).not.toContain(`${said}是哪个镇`)
    }
  })
})
