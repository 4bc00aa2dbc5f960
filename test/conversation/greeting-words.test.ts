/**
 * Calling out for someone (喂 有人吗) or asking whether the bot is a person (你是机器人吗) is a greeting: the welcome says
 * what the bot does, and nothing is filed as an unanswered question for admins.
 */
import { describe, expect, it } from 'vitest'
import { joined, newChat } from './support.js'

describe('greetings in residents\' words', () => {
  it('answers 喂 有人吗 and 你是机器人吗 with the welcome, recording nothing as unanswered', async () => {
    for (const text of ['喂 有人吗', '你是机器人吗？', '有没有人', '你是干啥的']) {
      const chat = await newChat()
      const reply = joined(await chat.say(text))
      expect(reply, text).toContain('您要办什么事')
      expect(reply, text).not.toContain('没找到')
      expect(chat.effects.filter((e) => e.type === 'unmatched'), text).toEqual([])
    }
  })
})
