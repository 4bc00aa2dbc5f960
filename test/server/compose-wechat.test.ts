import { afterEach, describe, expect, it } from 'vitest'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { loadConfig } from '../../src/config/load.js'
import { composeServer, type ComposedServer } from '../../src/server/compose.js'
import { createNotifierSlot } from '../../src/server/compose-tickets.js'
import { createLogger } from '../../src/server/logging.js'
import type { Notification } from '../../src/tickets/types.js'

const logger = createLogger({ level: 'silent' })

function config(env: Record<string, string>) {
  const result = loadConfig(env)
  if (!result.ok) throw new Error(result.errors.join('\n'))
  return result.config
}

const composed: ComposedServer[] = []
afterEach(async () => {
  await Promise.all(composed.splice(0).map((c) => c.close()))
})

describe('composeServer(config).startChannels()', () => {
  it('does not start WeChat without WECHATY_PUPPET', async () => {
    const c = await composeServer(config({}), logger)
    composed.push(c)
    expect(c.wechat).toBeUndefined()
    await c.startChannels()
    expect(c.wechat).toBeUndefined()
  }, 30_000)

  it('starts WeChat with WECHATY_PUPPET, answers a resident through it, and close() stops the bot', async () => {
    const mocker = new mock.Mocker()
    const puppet = new PuppetMock({ mocker })
    const c = await composeServer(config({ WECHATY_PUPPET: 'wechaty-puppet-mock' }), logger)
    composed.push(c)
    await c.startChannels({ wechatPuppet: puppet })
    const channel = c.wechat
    expect(channel).toBeDefined()

    const botUser = mocker.createContact({ name: '代办助手' })
    const loggedIn = new Promise<void>((resolve) => channel!.bot.once('login', () => resolve()))
    mocker.login(botUser)
    await loggedIn

    const resident = mocker.createContact({ name: '张大妈' })
    const replied = new Promise<string>((resolve) => {
      puppet.on('message', ({ messageId }) => {
        const payload = mocker.messagePayload(messageId)
        if (payload.talkerId === botUser.id && payload.listenerId === resident.id) resolve(payload.text ?? '')
      })
    })
    resident.say('怎么申请低保').to(botUser)
    expect(await replied).toContain('最低生活保障申请')

    await c.close()
    composed.splice(composed.indexOf(c), 1)
    // One bot per process: a second start is refused unless the first was stopped.
    const again = await composeServer(config({ WECHATY_PUPPET: 'wechaty-puppet-mock' }), logger)
    composed.push(again)
    await again.startChannels({ wechatPuppet: new PuppetMock({ mocker: new mock.Mocker() }) })
    expect(again.wechat).toBeDefined()
  }, 30_000)
})

describe('createNotifierSlot(what)', () => {
  const notification = { id: 'n1', ticketId: 'DB2611220007', text: '新工单', at: 0 } as unknown as Notification

  it('refuses to send until filled, so the queue retries; then forwards to what it holds', async () => {
    const slot = createNotifierSlot('微信通道')
    expect(slot.filled).toBe(false)
    await expect(slot.send(notification)).rejects.toThrow('微信通道尚未就绪')
    const sent: Notification[] = []
    slot.fill({ send: async (n) => void sent.push(n) })
    expect(slot.filled).toBe(true)
    await slot.send(notification)
    expect(sent).toEqual([notification])
    slot.fill(undefined)
    await expect(slot.send(notification)).rejects.toThrow('尚未就绪')
  })
})
