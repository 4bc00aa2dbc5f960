/**
 * A story told at a walk question (a few pieces, telling and asking): only the asking pieces are answered.
 * Through the conversation service with the real catalogue and dialog files.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat, startItem } from './support.js'

const BIRTH = '出生登记（新生儿落户）'
const CERTIFICATE = '出生医学证明'
const DIVORCED = '办户口前孩子父母是不是已经离婚了？'

describe('a story at a situation question', () => {
  it('出生证明还没拿到 医院说过几天 tells when (no 多久办好); 要几天能办好 asks it', async () => {
    for (const [reply, asksLimit] of [
      ['出生证明还没拿到 医院说过几天', false],
      ['出生证明还没拿到 要几天能办好', true],
    ] as const) {
      const chat = await newChat()
      let replies = joined(await startItem(chat, BIRTH))
      for (let n = 0; n < 8 && !replies.includes(DIVORCED); n++) replies = joined(await chat.say('1'))
      const next = joined(await chat.say(reply))
      expect(next, reply).toContain(`记下了：${CERTIFICATE}没有。`)
      expect(next.includes('多久办好'), reply).toBe(asksLimit)
      expect(next, reply).toContain(DIVORCED)
    }
  })
})
