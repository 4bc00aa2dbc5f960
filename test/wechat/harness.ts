/**
 * Drives the WeChat channel through wechaty-puppet-mock: mock contacts write to the bot, and what the bot sends
 * is read back from the mock puppet's own 'message' events. `say` resolves when the channel has handled the
 * message (its onHandled report), by which time every reply has gone through the puppet.
 */
import { types } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { startWechatChannel, type HandledEvent, type WechatChannel, type WechatChannelOptions } from '../../src/channels/wechat/index.js'

type Contact = mock.ContactMock
type Room = mock.RoomMock

export interface Sent {
  /** Contact id for a private message, room id for a room message. */
  to: string
  text: string
}

export interface Harness {
  mocker: mock.Mocker
  puppet: PuppetMock
  channel: WechatChannel
  botUser: Contact
  /** Every message the bot sent, in order. */
  sent: Sent[]
  handled: HandledEvent[]
  qr: string[]
  logs: { level: string; msg: string | undefined; obj: object }[]
  contact(name: string, extra?: { weixin?: string; alias?: string }): Contact
  room(topic: string, members: Contact[]): Room
  /** A private text from `from` to the bot; resolves with the channel's report. */
  say(from: Contact, text: string): Promise<HandledEvent>
  /** A room text; mentions the bot when `mention` is true (and writes "@代办助手 " before the text). */
  sayInRoom(from: Contact, room: Room, text: string, mention: boolean): Promise<HandledEvent>
  /** A message of any type, built as the puppet would deliver it (stickers, locations, old messages …). */
  sendRaw(from: Contact, type: types.Message, opts?: { text?: string; ageMs?: number }): Promise<HandledEvent>
  /** The next report for a message from this contact (register before the message is sent). */
  nextHandled(from: Contact): Promise<HandledEvent>
  /** Texts the bot sent to one contact or room. */
  textsTo(target: Contact | Room): string[]
  /** Waits for the bot's login after a restart. */
  login(): Promise<void>
  stop(): Promise<void>
}

export const BOT_NAME = '代办助手'

export async function startHarness(
  opts: Omit<WechatChannelOptions, 'puppet' | 'logger' | 'onHandled' | 'showQr'>,
): Promise<Harness> {
  const mocker = new mock.Mocker()
  const puppet = new PuppetMock({ mocker })
  const handled: HandledEvent[] = []
  const waiters = new Map<string, ((e: HandledEvent) => void)[]>()
  const qr: string[] = []
  const logs: Harness['logs'] = []
  const logAt = (level: string) => (obj: object, msg?: string) => logs.push({ level, msg, obj })

  const channel = await startWechatChannel({
    ...opts,
    puppet,
    logger: { info: logAt('info'), warn: logAt('warn'), error: logAt('error') },
    showQr: (text) => qr.push(text),
    onHandled: (event) => {
      handled.push(event)
      waiters.get(event.talkerId)?.shift()?.(event)
    },
  })

  const sent: Sent[] = []
  const botUser = mocker.createContact({ name: BOT_NAME })
  puppet.on('message', ({ messageId }) => {
    const payload = mocker.messagePayload(messageId)
    if (payload.talkerId !== botUser.id) return
    const to = payload.roomId ?? payload.listenerId
    sent.push({ to: to ?? '', text: payload.text ?? '' })
  })

  async function login(): Promise<void> {
    const loggedIn = new Promise<void>((resolve) => channel.bot.once('login', () => resolve()))
    mocker.login(botUser)
    await loggedIn
  }
  await login()

  function nextHandled(from: Contact): Promise<HandledEvent> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no report for a message from ${from.payload.name}`)), 10_000)
      const list = waiters.get(from.id) ?? []
      list.push((e) => {
        clearTimeout(timer)
        resolve(e)
      })
      waiters.set(from.id, list)
    })
  }

  return {
    mocker,
    puppet,
    channel,
    botUser,
    sent,
    handled,
    qr,
    logs,
    contact: (name, extra = {}) => mocker.createContact({ name, ...extra }),
    room: (topic, members) => mocker.createRoom({ topic, memberIdList: [botUser.id, ...members.map((m) => m.id)] }),
    say(from, text) {
      const next = nextHandled(from)
      from.say(text).to(botUser)
      return next
    },
    sayInRoom(from, room, text, mention) {
      const next = nextHandled(from)
      if (mention) from.say(`@${BOT_NAME}\u2005${text}`, [botUser]).to(room)
      else from.say(text).to(room)
      return next
    },
    sendRaw(from, type, { text, ageMs = 0 } = {}) {
      const next = nextHandled(from)
      const message = mocker.MessageMock.create({
        id: `raw-${Math.random().toString(36).slice(2)}`,
        talkerId: from.id,
        listenerId: botUser.id,
        timestamp: Date.now() - ageMs,
        type,
        ...(text !== undefined ? { text } : {}),
      })
      puppet.emit('message', { messageId: message.id })
      return next
    },
    nextHandled,
    textsTo: (target) => sent.filter((s) => s.to === target.id).map((s) => s.text),
    login,
    stop: () => channel.stop(),
  }
}
