/**
 * Simple questions mid-walk answered from the catalogue: how many of a material (照片要几张: 3 张), and where a step of
 * the item is done (去哪个医院评: the item's own words, 县残联指定医院), then the question asked again, not 没看明白.
 * Through the conversation service with the real catalogue and dialog files.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, startItem, type Chat } from './support.js'

const ID_CARD = '是否已准备好：申请人居民身份证'

async function inDisabledWalk(): Promise<Chat> {
  const chat = await newChat()
  await chat.say('俺想给俺爹办残疾证')
  expect(joined(await chat.say('1'))).toContain(ID_CARD)
  return chat
}

describe('how many of a material, asked mid-walk', () => {
  it('照片要几张 says the photos\' count from the item, then the material asked again', async () => {
    for (const ask of ['照片要几张', '几张照片', '照片要多少张', '相片要几张', '要几张相片']) {
      const chat = await inDisabledWalk()
      const said = joined(await chat.say(ask))
      expect(said, ask).toContain('3张')
      expect(said, ask).not.toContain('没看明白')
      expect(said, ask).toContain(ID_CARD)
    }
  })

  it('要几份 of the material asked says its own amount', async () => {
    const chat = await inDisabledWalk()
    const said = joined(await chat.say('要几份'))
    expect(said).toContain('原件和复印件1份')
    expect(said).not.toContain('没看明白')
  })

  it('in another walk too: the 老年证 photos', async () => {
    const chat = await newChat()
    await startItem(chat, '《山东省老年人优待证》办理')
    const said = joined(await chat.say('照片要几张'))
    expect(said).toContain('3张')
  })
})

describe('where a step of the item is done, asked mid-walk', () => {
  it('去哪个医院评 says the item\'s words about the hospital, then the material asked again', async () => {
    for (const ask of ['去哪个医院评', '哪个医院能评', '在哪个医院评残']) {
      const chat = await inDisabledWalk()
      const said = joined(await chat.say(ask))
      expect(said, ask).toContain('指定医院')
      expect(said, ask).not.toContain('没看明白')
      expect(said, ask).toContain(ID_CARD)
    }
  })

  it('a short form of the step (在哪评残, 评残去哪评: 评残 for 残疾评定) finds the same line', async () => {
    for (const ask of ['在哪评残', '评残去哪评', '去哪评残']) {
      const chat = await inDisabledWalk()
      const said = joined(await chat.say(ask))
      expect(said, ask).toContain('到县残联指定医院做残疾评定')
      expect(said, ask).not.toContain('您问的就是')
      expect(said, ask).toContain(ID_CARD)
    }
  })

  it('characters of the item\'s words found apart in a line are no hit (在哪交费 in the 残疾证 walk)', async () => {
    const chat = await inDisabledWalk()
    expect(joined(await chat.say('在哪交费'))).not.toContain('指定医院')
  })
})

describe('how many of an electronic or on-site photo', () => {
  it('照片要几张 in the 居住证 walk says the photo is taken on site, not 电子1份', async () => {
    const chat = await newChat()
    await chat.say('居住证咋办')
    const said = joined(await chat.say('照片要几张'))
    expect(said).not.toContain('电子1份')
    expect(said).toContain('现场采集')
    expect(said).toContain('本人近期照片')
  })

  it('an electronic material shows as 电子版, never with a count of copies (电子1份), in the checklist and in 长者模式', async () => {
    for (const elder of [false, true]) {
      const chat = await newChat()
      if (elder) await chat.say('长者模式')
      await chat.say('居住证咋办')
      const list = joined(await chat.say('全部列出'))
      expect(list, String(elder)).toContain('本人近期照片（电子版）')
      expect(list, String(elder)).not.toMatch(/电子\d|电子版\d/)
    }
  })

  it('照片要几张 of an electronic photo says 电子照片 without a count; either paper or electronic reads 原件1份或电子版', async () => {
    const chat = await newChat()
    await startItem(chat, '农业技术推广')
    expect(joined(await chat.say('照片要几张'))).toContain('照片、视频：要电子照片。')
    const list = joined(await chat.say('全部列出'))
    expect(list).toContain('（原件1份或电子版）')
    expect(list).not.toMatch(/电子\d|电子版\d|电子照片\d/)
  })
})
