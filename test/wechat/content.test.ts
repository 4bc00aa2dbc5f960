/** The pure parts of the WeChat channel: message types, mentions, agents, and the puppet from the environment. */
import { describe, expect, it } from 'vitest'
import { types } from 'wechaty'
import { agentResolver, startWechatChannel, wechatPuppetFromEnv } from '../../src/channels/wechat/index.js'
import { contentOf, stripMentions } from '../../src/channels/wechat/content.js'

describe('contentOf(type, text)', () => {
  it('keeps text, names non-text kinds, and silences recalled messages and group notes', () => {
    expect(contentOf(types.Message.Text, '低保怎么办')).toEqual({ kind: 'text', text: '低保怎么办' })
    expect(contentOf(types.Message.Audio, '')).toEqual({ kind: 'voice' })
    expect(contentOf(types.Message.MiniProgram, '')).toEqual({ kind: 'other' })
    expect(contentOf(types.Message.Recalled, '"张三" 撤回了一条消息')).toBeUndefined()
    expect(contentOf(types.Message.GroupNote, '')).toBeUndefined()
  })
})

describe('stripMentions(text, selfNames)', () => {
  it('removes the bot’s @name (phone or desktop separator, anywhere) and nothing else', () => {
    expect(stripMentions('@代办助手\u2005低保怎么办', ['代办助手'])).toBe('低保怎么办')
    expect(stripMentions('请问 @代办助手 残疾证在哪办', ['代办助手', '小助手'])).toBe('请问 残疾证在哪办')
    expect(stripMentions('@小助手', ['代办助手', '小助手'])).toBe('')
    expect(stripMentions('@李阿姨 你也问问', ['代办助手'])).toBe('@李阿姨 你也问问')
    expect(stripMentions('@代.办 你好', ['代.办'])).toBe('你好')
  })
})

describe('agentResolver(directory)', () => {
  it('matches the contact id, 微信号 or remark, and follows a reloaded network', () => {
    let directory = { agentsByWechat: new Map([['jn-a-1', { id: 'a-1' }]]) }
    const resolve = agentResolver(() => directory)
    expect(resolve({ id: 'jn-a-1' })).toBe('a-1')
    expect(resolve({ id: 'wxid_x', weixin: 'jn-a-1' })).toBe('a-1')
    expect(resolve({ id: 'wxid_x', alias: 'jn-a-1' })).toBe('a-1')
    expect(resolve({ id: 'wxid_x', alias: '张三' })).toBeUndefined()
    directory = { agentsByWechat: new Map([['jn-a-2', { id: 'a-2' }]]) }
    expect(resolve({ id: 'wxid_x', alias: 'jn-a-1' })).toBeUndefined()
    expect(resolve({ id: 'wxid_y', alias: 'jn-a-2' })).toBe('a-2')
  })
})

describe('the puppet from the environment', () => {
  const conversation = { handle: async () => ({ replies: [] }) }
  const logger = { info() {}, warn() {}, error() {} }

  it('wechatPuppetFromEnv tells whether WeChat is configured', () => {
    expect(wechatPuppetFromEnv({})).toBeUndefined()
    expect(wechatPuppetFromEnv({ WECHATY_PUPPET: '  ' })).toBeUndefined()
    expect(wechatPuppetFromEnv({ WECHATY_PUPPET: 'wechaty-puppet-service' })).toBe('wechaty-puppet-service')
  })

  it('refuses to start without WECHATY_PUPPET, or with a puppet that is not installed, saying what to do', async () => {
    await expect(startWechatChannel({ conversation, logger, env: {} })).rejects.toThrow(/没有设置 WECHATY_PUPPET/)
    await expect(
      startWechatChannel({ conversation, logger, env: { WECHATY_PUPPET: 'wechaty-puppet-padlocal' } }),
    ).rejects.toThrow('WECHATY_PUPPET=wechaty-puppet-padlocal，但没有安装这个包：请先 npm install wechaty-puppet-padlocal')
  })

  it('starts the puppet WECHATY_PUPPET names (here the mock) and stops cleanly', async () => {
    const channel = await startWechatChannel({ conversation, logger, env: { WECHATY_PUPPET: 'wechaty-puppet-mock' } })
    expect(channel.bot.puppet.constructor.name).toBe('PuppetMock')
    expect(channel.isLoggedIn()).toBe(false)
    await channel.stop()
  })
})
