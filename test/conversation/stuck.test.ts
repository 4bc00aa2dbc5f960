/**
 * A step that keeps failing to understand the resident stops asking the same question: the third reply in a row
 * it cannot use gets a way out (人工, the county centre's phone, 12345) and how to see the question again.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, startItem } from './support.js'

const MEAL = '长者食堂助餐补贴申请'
const ASK_ID = '是否已准备好：老人居民身份证（原件1份）？\n回复 1 有，2 没有'
const STUCK = [
  '抱歉，我还是没看明白。您可以：',
  '· 回复"人工"，请工作人员帮您',
  '· 打莒南县政务服务中心电话 0539-7211000',
  '· 打 12345 政务服务便民热线',
  '想再看一遍刚才的问题，回复"帮助"。',
].join('\n')

describe('three replies in a row a step cannot use', () => {
  it('offers a way out instead of the same question a third time; 帮助 shows it again and the step still takes its answer', async () => {
    const chat = await newChat()
    await startItem(chat, MEAL)
    expect(joined(await chat.say('啊啊啊'))).toContain(ASK_ID)
    expect(joined(await chat.say('呃呃呃'))).toContain(ASK_ID)
    const third = await chat.say('俺今天起得早')
    expect(third).toEqual([STUCK])
    // Not the whole list again: the next miss asks the question, as before.
    expect(joined(await chat.say('哈哈'))).toContain(ASK_ID)
    const help = await chat.say('帮助')
    expect(help.at(-1)).toBe(ASK_ID)
    expect(joined(await chat.say('1'))).toContain('是否已准备好：户口簿')
  })

  it('counts only in a row: a reply understood in between starts the count over', async () => {
    const chat = await newChat()
    await startItem(chat, MEAL)
    for (const reply of ['啊啊啊', '9', '1', '呃呃呃', '9']) expect(joined(await chat.say(reply)), reply).not.toContain('还是没看明白')
    expect(await chat.say('哈哈')).toEqual([STUCK])
  })

  it('in the 代办 form too: a third phone number that is not one gets the way out', async () => {
    const chat = await newChat()
    await startItem(chat, MEAL)
    for (const answer of ['1', '2', '2', '1', '1']) await chat.say(answer)
    expect(await chat.say('3')).toEqual(['好的，帮您申请代办。请告诉我申请人的姓名：'])
    await chat.say('张秀英')
    expect(await chat.say('1381234')).toEqual(['手机号要 11 位数字，以 1 开头，比如 13812345678。请再输一次：'])
    // 不知道: whose number will do instead (still a reply the step cannot use).
    expect((await chat.say('不知道'))[0]).toMatch(/^没有手机的话，留家里人/)
    expect(await chat.say('138')).toEqual([STUCK])
    expect(joined(await chat.say('人工'))).toContain('12345')
  })

  it('not where the resident is asked what to do (nothing was asked to fail at)', async () => {
    const chat = await newChat()
    for (const reply of ['1', '2', '好的']) expect(joined(await chat.say(reply)), reply).not.toContain('还是没看明白')
  })

  it('in 长者模式, in plainer words', async () => {
    const chat = await newChat()
    await chat.say('长者模式')
    await startItem(chat, MEAL)
    await chat.say('啊啊啊')
    await chat.say('呃呃呃')
    expect(await chat.say('哈哈')).toEqual([
      '我没看懂。您可以：\n· 回"人工"，找人帮您\n· 打电话 0539-7211000\n· 打电话 12345\n想再看一遍刚才的问题，回"帮助"。',
    ])
  })
})
