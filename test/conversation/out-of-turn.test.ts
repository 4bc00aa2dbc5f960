/**
 * Replies at a walk question that are about another question or material of the same walk: a question about
 * where to get a material, answers to questions not asked yet. Through the conversation service with the real
 * catalogue and dialog files.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, startItem } from './support.js'

const RESIDENCE = '居住证办理'
const HOUSING_QUESTION = '住的是自己（家人）的房子、租的房子，还是单位、学校宿舍？\n回复 1 自有房屋，2 租房，3 单位或学校宿舍'
const LEASE = '房屋租赁合同：跟房东补签书面租赁合同，写明地址和租期'
const LEASE_QUESTION = '是否已准备好：房屋租赁合同（原件和复印件1份）？\n回复 1 有，2 没有'

describe('a question about getting a missing material, asked at a walk question', () => {
  it('at a situation question: where to get that material, then the same question again, nothing recorded', async () => {
    const chat = await newChat()
    await startItem(chat, RESIDENCE)
    expect(await chat.say('1')).toEqual([HOUSING_QUESTION])
    expect(await chat.say('房东不给租房合同咋办')).toEqual([LEASE, HOUSING_QUESTION])
    expect(await chat.say('2')).toEqual([LEASE_QUESTION])
  })

  it('at the material\'s own question: where to get it, then the question again; neither 有 nor 没有', async () => {
    const chat = await newChat()
    await startItem(chat, RESIDENCE)
    await chat.say('1')
    await chat.say('租房')
    for (const asked of ['房东不给租房合同咋办', '没有咋办', '没这个咋整']) expect(await chat.say(asked), asked).toEqual([LEASE, LEASE_QUESTION])
    const list = joined(await chat.say('全部列出'))
    expect(list).toContain('□ 房屋租赁合同')
  })

  it('房东不给租房合同 (no question) at the material\'s question is 没有', async () => {
    const chat = await newChat()
    await startItem(chat, RESIDENCE)
    await chat.say('1')
    await chat.say('租房')
    expect(joined(await chat.say('房东不给租房合同'))).not.toContain(LEASE_QUESTION)
    expect(joined(await chat.say('全部列出'))).toContain('✗ 房屋租赁合同')
  })
})
