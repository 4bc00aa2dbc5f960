/**
 * The channel's own rules, with a small echo conversation service standing in for the dialog (it implements
 * the ConversationService port; the dialog itself is exercised in resident.test.ts): who is answered, by whom,
 * in what order, and what the bot does after a logout.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { types } from 'wechaty'
import { agentResolver } from '../../src/channels/wechat/index.js'
import type { ConversationService, IncomingMessage } from '../../src/conversation/types.js'
import { startHarness, type Harness } from './harness.js'

/** Echoes text, names non-text kinds, answers "两条" with two replies, fails on "出错", is slow on "慢". */
function echoService(seen: IncomingMessage[] = []): ConversationService {
  return {
    async handle(message) {
      seen.push(message)
      const c = message.content
      if (c.kind !== 'text') return { replies: [`收到一条${c.kind}消息`] }
      if (c.text === '出错') throw new Error('dialog failed')
      if (c.text === '慢') await new Promise((r) => setTimeout(r, 80))
      if (c.text === '两条') return { replies: ['第一条', '第二条'] }
      return { replies: [`收到：${c.text}`] }
    },
  }
}

let h: Harness | undefined
afterEach(async () => {
  await h?.stop()
  h = undefined
})

describe('startWechatChannel: private messages from residents', () => {
  it('hands text to the conversation service and sends its replies back in order', async () => {
    const seen: IncomingMessage[] = []
    h = await startHarness({ conversation: echoService(seen), clock: () => 1_700_000_000_000 })
    const zhang = h.contact('张大爷')

    const report = await h.say(zhang, '两条')

    expect(report).toMatchObject({ route: 'resident', replies: ['第一条', '第二条'] })
    expect(h.textsTo(zhang)).toEqual(['第一条', '第二条'])
    expect(seen).toEqual([
      { resident: { channel: 'wechat', userId: zhang.id }, content: { kind: 'text', text: '两条' }, now: 1_700_000_000_000 },
    ])
  })

  it('answers one person strictly in arrival order, even when an earlier message is slower', async () => {
    h = await startHarness({ conversation: echoService() })
    const li = h.contact('李阿姨')
    const reports = Promise.all([h.nextHandled(li), h.nextHandled(li), h.nextHandled(li)])
    li.say('慢').to(h.botUser)
    li.say('二').to(h.botUser)
    li.say('三').to(h.botUser)
    await reports
    expect(h.textsTo(li)).toEqual(['收到：慢', '收到：二', '收到：三'])
  })

  it('never answers its own messages', async () => {
    const seen: IncomingMessage[] = []
    h = await startHarness({ conversation: echoService(seen) })
    const zhang = h.contact('张大爷')
    await h.say(zhang, '两条')
    // The mock delivers the bot's two replies back to it as messages; both are reported as ignored.
    await expect.poll(() => h!.handled.filter((e) => e.reason === 'self').length).toBe(2)
    expect(seen.map((m) => m.resident.userId)).toEqual([zhang.id])
    expect(h.sent).toHaveLength(2)
  })

  it('maps non-text messages to their kinds, and ignores recalled messages', async () => {
    const seen: IncomingMessage[] = []
    h = await startHarness({ conversation: echoService(seen) })
    const wang = h.contact('王婶')
    const kinds: [types.Message, string][] = [
      [types.Message.Image, 'image'],
      [types.Message.Audio, 'voice'],
      [types.Message.Emoticon, 'sticker'],
      [types.Message.Attachment, 'file'],
      [types.Message.Location, 'location'],
      [types.Message.Video, 'video'],
      [types.Message.Url, 'other'],
    ]
    for (const [type, kind] of kinds) {
      const report = await h.sendRaw(wang, type)
      expect(report.replies).toEqual([`收到一条${kind}消息`])
    }
    const recalled = await h.sendRaw(wang, types.Message.Recalled, { text: '撤回了一条消息' })
    expect(recalled).toMatchObject({ route: 'ignored', reason: 'silent-type', replies: [] })
    expect(seen.map((m) => m.content.kind)).toEqual(['image', 'voice', 'sticker', 'file', 'location', 'video', 'other'])
  })

  it('does not answer messages older than maxAgeSeconds (history replayed after a login)', async () => {
    const seen: IncomingMessage[] = []
    h = await startHarness({ conversation: echoService(seen), maxAgeSeconds: 60 })
    const zhao = h.contact('赵叔')
    const old = await h.sendRaw(zhao, types.Message.Text, { text: '低保怎么办', ageMs: 3_600_000 })
    expect(old).toMatchObject({ route: 'ignored', reason: 'stale' })
    expect(seen).toEqual([])
    expect(h.textsTo(zhao)).toEqual([])
  })

  it('apologises and logs when the conversation service fails, and keeps serving', async () => {
    h = await startHarness({ conversation: echoService() })
    const zhang = h.contact('张大爷')
    const failed = await h.say(zhang, '出错')
    expect(failed).toMatchObject({ failed: true, replies: ['抱歉，系统出了点问题，请稍后再发一次。'] })
    expect(h.logs.some((l) => l.level === 'error' && l.msg === '处理微信消息失败')).toBe(true)
    expect((await h.say(zhang, '你好')).replies).toEqual(['收到：你好'])
  })
})

describe('startWechatChannel: rooms', () => {
  it('answers in a room only when the bot is @-mentioned, without the mention, @-ing the asker', async () => {
    const seen: IncomingMessage[] = []
    h = await startHarness({ conversation: echoService(seen) })
    const zhang = h.contact('张大爷')
    const li = h.contact('李阿姨')
    const group = h.room('东风村村民群', [zhang, li])

    const chatter = await h.sayInRoom(li, group, '今天赶集吗', false)
    expect(chatter).toMatchObject({ route: 'ignored', reason: 'room-not-mentioned', roomId: group.id })

    const asked = await h.sayInRoom(zhang, group, '低保怎么办', true)
    expect(asked).toMatchObject({ route: 'resident', roomId: group.id })
    expect(seen).toEqual([expect.objectContaining({ resident: { channel: 'wechat', userId: zhang.id }, content: { kind: 'text', text: '低保怎么办' } })])
    const [reply] = h.textsTo(group)
    expect(reply).toContain('收到：低保怎么办')
    expect(reply).toContain('@张大爷')
    expect(h.textsTo(zhang)).toEqual([])
  })
})

describe('startWechatChannel: agents', () => {
  const directory = { agentsByWechat: new Map([['jn-a-county-1', { id: 'a-county-1' }], ['王晓梅', { id: 'a-by-remark' }]]) }
  const commands = async ({ agentId, text }: { agentId: string; text: string }) =>
    text.startsWith('接单') ? [`${agentId} ${text}`] : undefined

  it('sends a registered agent’s commands to the agent commands, matched by 微信号 or remark', async () => {
    const seen: IncomingMessage[] = []
    h = await startHarness({ conversation: echoService(seen), agentCommands: commands, resolveAgent: agentResolver(() => directory) })
    const byWeixin = h.contact('小王', { weixin: 'jn-a-county-1' })
    const byRemark = h.contact('晓梅', { alias: '王晓梅' })

    expect(await h.say(byWeixin, '接单 DB2611220007')).toMatchObject({ route: 'agent', replies: ['a-county-1 接单 DB2611220007'] })
    expect(await h.say(byRemark, '接单 DB2611220008')).toMatchObject({ route: 'agent', replies: ['a-by-remark 接单 DB2611220008'] })
    // Not a command: the agent gets the ordinary dialog.
    expect(await h.say(byWeixin, '低保怎么办')).toMatchObject({ route: 'resident', replies: ['收到：低保怎么办'] })
    expect(seen).toHaveLength(1)
  })

  it('does not take a nickname for an agent, and runs no agent commands in rooms', async () => {
    h = await startHarness({ conversation: echoService(), agentCommands: commands, resolveAgent: agentResolver(() => directory) })
    const impostor = h.contact('jn-a-county-1')
    expect(await h.say(impostor, '接单 DB2611220007')).toMatchObject({ route: 'resident' })

    const agent = h.contact('小王', { weixin: 'jn-a-county-1' })
    const group = h.room('代办员群', [agent])
    expect(await h.sayInRoom(agent, group, '接单 DB2611220007', true)).toMatchObject({ route: 'resident' })
  })
})

describe('channel.notifier', () => {
  const directory = { agentsByWechat: new Map([['jn-a-county-1', { id: 'a-county-1' }]]) }
  const note = (to: object, text: string) => ({ id: `n-${text}`, ticketId: 'DB2611220007', event: 'open' as const, to, text, at: 0 }) as never

  it('sends to a WeChat resident by contact id and to an agent found by 微信号 or remark', async () => {
    h = await startHarness({ conversation: echoService() })
    const resident = h.contact('张大爷')
    const agent = h.contact('小王', { weixin: 'jn-a-county-1' })
    const supervisor = h.contact('高主任', { alias: 'jn-s-county-1' })

    await h.channel.notifier.send(note({ kind: 'resident', resident: { channel: 'wechat', userId: resident.id } }, '您的工单已领办'))
    await h.channel.notifier.send(note({ kind: 'agent', agentId: 'a-county-1', wechat: 'jn-a-county-1', role: '代办员' }, '新工单'))
    await h.channel.notifier.send(note({ kind: 'agent', agentId: 's-county-1', wechat: 'jn-s-county-1', role: '督办' }, '督办提醒'))

    expect(h.textsTo(resident)).toEqual(['您的工单已领办'])
    expect(h.textsTo(agent)).toEqual(['新工单'])
    expect(h.textsTo(supervisor)).toEqual(['督办提醒'])
  })

  it('throws (so the queue retries) for unknown agents, other channels and when logged out', async () => {
    h = await startHarness({ conversation: echoService(), resolveAgent: agentResolver(() => directory) })
    await expect(
      h.channel.notifier.send(note({ kind: 'agent', agentId: 'a-x', wechat: 'jn-nobody', role: '代办员' }, '新工单')),
    ).rejects.toThrow(/找不到代办员 a-x（微信名 jn-nobody）/)
    await expect(
      h.channel.notifier.send(note({ kind: 'resident', resident: { channel: 'http', userId: 'u1' } }, '已办结')),
    ).rejects.toThrow(/http 渠道/)

    await h.puppet.logout()
    const resident = h.contact('张大爷')
    await expect(
      h.channel.notifier.send(note({ kind: 'resident', resident: { channel: 'wechat', userId: resident.id } }, '已办结')),
    ).rejects.toThrow(/未登录/)
  })
})

describe('startWechatChannel: staying connected', () => {
  it('prints the login QR code with a link to view it', async () => {
    h = await startHarness({ conversation: echoService() })
    h.mocker.scan('https://login.weixin.qq.com/l/abc123', types.ScanStatus.Waiting)
    await expect.poll(() => h!.qr.length).toBe(1)
    expect(h.qr[0]).toContain('https://wechaty.js.org/qrcode/https%3A%2F%2Flogin.weixin.qq.com%2Fl%2Fabc123')
    expect(h.qr[0]).toContain('▄') // drawn with block characters by the qrcode package
  })

  it('restarts after a logout or an error, with doubling backoff reset by a login, and answers again', async () => {
    h = await startHarness({ conversation: echoService(), reconnect: { baseMs: 20, maxMs: 1_000 } })
    const zhang = h.contact('张大爷')
    const restarts = () => h!.logs.filter((l) => l.msg === '微信连接中断，稍后重新启动机器人').map((l) => l.obj)
    const restarted = () => h!.logs.filter((l) => l.msg === '微信机器人已重新启动，等待登录').length

    await h.puppet.logout()
    await expect.poll(restarted).toBe(1)
    expect(h.channel.isLoggedIn()).toBe(false)
    // Still logged out: a failure now restarts again, after twice the delay.
    h.channel.bot.emitError(new Error('连接超时'))
    await expect.poll(restarted).toBe(2)
    expect(restarts()).toEqual([
      expect.objectContaining({ reason: 'logout', delayMs: 20 }),
      expect.objectContaining({ reason: 'error', delayMs: 40 }),
    ])

    await h.login()
    expect((await h.say(zhang, '你好')).replies).toEqual(['收到：你好'])
    // A login resets the backoff; an error while logged in is only logged.
    h.channel.bot.emitError(new Error('偶发错误'))
    await h.puppet.logout()
    await expect.poll(restarted).toBe(3)
    expect(restarts()).toHaveLength(3)
    expect(restarts()[2]).toMatchObject({ reason: 'logout', delayMs: 20 })
  })

  it('refuses a second bot in the same process', async () => {
    h = await startHarness({ conversation: echoService() })
    await expect(startHarness({ conversation: echoService() })).rejects.toThrow(/一个进程只登录一个微信号/)
  })
})
