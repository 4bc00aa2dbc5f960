/**
 * A paper the first question says is lost (出生证明丢了咋整) is noted as missing when the walk begins: not asked
 * again, and the checklist lists it as 还缺 with where to get it.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat } from './support.js'

describe('a paper said lost in the first question', () => {
  it('孩子生了俩月了还没上户口 出生证明丢了咋整: 出生医学证明 is noted missing, not asked, and listed as 还缺', async () => {
    const chat = await newChat()
    const first = joined(await chat.say('孩子生了俩月了还没上户口 出生证明丢了咋整'))
    expect(first).toContain('出生登记')
    expect(first).toContain('出生医学证明没有')
    let said = first
    for (let k = 0; k < 10 && !said.includes('【一次性告知单】'); k++) {
      said = joined(await chat.say('1'))
      expect(said).not.toContain('是否已准备好：出生医学证明')
    }
    expect(said).toContain('【一次性告知单】')
    const line = said.split('\n').find((l) => l.includes('出生医学证明'))
    expect(line).toMatch(/^✗/)
    // The household register, not said lost, is asked as usual.
  })

  it('还没上户口 alone notes no 户口簿 missing', async () => {
    const chat = await newChat()
    expect(joined(await chat.say('孩子生了俩月了还没上户口'))).not.toContain('户口簿没有')
  })
})

describe('the checklist line of a material whose 缺少时 starts 没有的话', () => {
  it('says 没有的话 once (结婚登记: 照片)', async () => {
    const chat = await newChat()
    await chat.say('结婚登记要带啥')
    const list = joined(await chat.say('全部列出'))
    expect(list).toContain('没有的话：婚姻登记处一般可以现场拍照')
    expect(list).not.toContain('没有的话：没有的话')
  })
})
