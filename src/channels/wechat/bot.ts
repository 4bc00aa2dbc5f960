/**
 * The WeChat channel: one Wechaty bot per process. It turns WeChat messages into calls on the conversation
 * service or the agent commands and sends the replies back in order, prints the login QR code, restarts
 * with backoff after a logout or a failure, and offers the tickets a Notifier that sends through it.
 */
import { createRequire } from 'node:module'
import { ScanStatus, WechatyBuilder, type Message, type PuppetModuleName, type Wechaty, type WechatyOptions } from 'wechaty'
import type { ConversationService } from '../../conversation/types.js'
import type { Notifier } from '../../tickets/ports.js'
import type { AgentResolver } from './agents.js'
import { readInbound, type IgnoreReason } from './inbound.js'
import type { ChannelLogger } from './logger.js'
import { createWechatNotifier, type KnownAgents } from './notifier.js'
import { loginQrLink, renderLoginQr } from './qr.js'
import { createRestarter, DEFAULT_BACKOFF, type Backoff } from './reconnect.js'
import { routeMessage, type AgentCommandHandler, type Routed } from './router.js'
import { wechatySender } from './sender.js'
import { SerialQueues } from './serial.js'

/** What became of one incoming message: for metrics and tests. */
export interface HandledEvent {
  messageId: string
  talkerId: string
  roomId?: string
  route: Routed['route'] | 'ignored'
  reason?: IgnoreReason
  /** The texts sent back, in order. */
  replies: string[]
  /** True when handling or sending failed (the resident got an apology if it could be sent). */
  failed?: boolean
  ms: number
}

type Outcome = Pick<HandledEvent, 'route' | 'reason' | 'replies' | 'failed'>

export interface WechatChannelOptions {
  /** A puppet instance (tests pass a PuppetMock); without it, WECHATY_PUPPET and its token variables decide. */
  puppet?: Extract<WechatyOptions, { puppet?: unknown }>['puppet']
  conversation: ConversationService
  agentCommands?: AgentCommandHandler
  /** Tells agents from residents (see agentResolver in agents.ts); without it everyone is a resident. */
  resolveAgent?: AgentResolver
  logger: ChannelLogger
  /** Where the login QR code is printed; stderr by default, so stdout keeps clean JSON log lines. */
  showQr?: (text: string) => void
  onHandled?: (event: HandledEvent) => void
  /** Milliseconds since the epoch; defaults to Date.now. */
  clock?: () => number
  /** Waits before restarting after a logout or failure: baseMs, doubling up to maxMs (default 2 s → 60 s). */
  reconnect?: Backoff
  /** Older messages are not answered: some puppets replay history after a login. Default 600 s. */
  maxAgeSeconds?: number
  /** Read for WECHATY_PUPPET and WECHATY_NAME when no puppet is passed; defaults to process.env. */
  env?: NodeJS.ProcessEnv
}

export interface WechatChannel {
  bot: Wechaty
  /** Sends ticket notifications through this bot (residents who came through WeChat, and agents). */
  notifier: Notifier
  isLoggedIn(): boolean
  /** Finishes the messages being handled, then stops the bot (without logging out: a saved login stays valid). */
  stop(): Promise<void>
}

const SORRY = '抱歉，系统出了点问题，请稍后再发一次。'

let running = false

/** The puppet named by WECHATY_PUPPET, or undefined when WeChat is not configured (start the channel only then). */
export function wechatPuppetFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const name = env.WECHATY_PUPPET?.trim()
  return name ? name : undefined
}

/** Builds and starts the bot. Resolves once it is started; the login waits for a scan of the QR code. */
export async function startWechatChannel(opts: WechatChannelOptions): Promise<WechatChannel> {
  if (running) throw new Error('本进程已经有一个微信机器人在运行：一个进程只登录一个微信号')
  const bot = WechatyBuilder.build(opts.puppet ? { puppet: opts.puppet } : puppetFromEnv(opts.env ?? process.env))
  running = true

  const log = opts.logger
  const clock = opts.clock ?? Date.now
  const maxAgeSeconds = opts.maxAgeSeconds ?? 600
  const showQr = opts.showQr ?? ((text: string) => process.stderr.write(text + '\n'))
  const restarter = createRestarter(bot, opts.reconnect ?? DEFAULT_BACKOFF, log)
  const queues = new SerialQueues()
  const known: KnownAgents = new Map()
  let stopping = false

  bot.on('scan', (qrcode, status) => {
    if ((status === ScanStatus.Waiting || status === ScanStatus.Timeout) && qrcode) {
      log.info({ channel: 'wechat', qrUrl: loginQrLink(qrcode) }, '等待扫码登录微信')
      renderLoginQr(qrcode)
        .then(showQr)
        .catch((err: unknown) => log.error({ channel: 'wechat', err }, '打印登录二维码失败'))
    } else {
      log.info({ channel: 'wechat', status: ScanStatus[status] }, '微信扫码状态')
    }
  })
  bot.on('login', (user) => {
    restarter.succeeded()
    log.info({ channel: 'wechat', userId: user.id }, '微信已登录')
  })
  bot.on('logout', (user, reason) => {
    log.warn({ channel: 'wechat', userId: user.id, reason }, '微信已退出登录')
    restarter.schedule('logout')
  })
  bot.on('error', (err) => {
    log.error({ channel: 'wechat', err }, '微信通道出错')
    // Errors while logged in (one contact failed to load, one send failed) do not need a restart.
    if (!bot.isLoggedIn) restarter.schedule('error')
  })
  bot.on('message', (msg) => {
    const started = clock()
    const room = msg.room()
    const report = (outcome: Outcome) =>
      opts.onHandled?.({ messageId: msg.id, talkerId: msg.talker().id, ...(room ? { roomId: room.id } : {}), ...outcome, ms: clock() - started })
    if (msg.self()) return report({ route: 'ignored', reason: 'self', replies: [] })
    if (stopping) return report({ route: 'ignored', reason: 'stopping', replies: [] })
    // One queue per person: their messages are handled, and answered, strictly in arrival order.
    void queues.run(msg.talker().id, () => handle(msg, started)).then(report)
  })

  async function handle(msg: Message, now: number): Promise<Outcome> {
    const sent: string[] = []
    const talker = msg.talker()
    const room = msg.room()
    const send = async (text: string) => {
      if (room) await room.say(text, talker)
      else await talker.say(text)
      sent.push(text)
    }
    try {
      const inbound = await readInbound(msg, bot.currentUser, { maxAgeSeconds, now })
      if ('ignore' in inbound) return { route: 'ignored', reason: inbound.ignore, replies: [] }
      let routed: Routed
      try {
        routed = await routeMessage(inbound, {
          conversation: opts.conversation,
          agentCommands: opts.agentCommands,
          resolveAgent: opts.resolveAgent,
        })
      } catch (err) {
        log.error({ channel: 'wechat', talkerId: talker.id, err }, '处理微信消息失败')
        await send(SORRY)
        return { route: 'resident', replies: sent, failed: true }
      }
      if (routed.agentId) known.set(routed.agentId, talker.id)
      for (const text of routed.replies) await send(text)
      return { route: routed.route, replies: sent }
    } catch (err) {
      log.error({ channel: 'wechat', talkerId: talker.id, err }, '回复微信消息失败')
      return { route: 'resident', replies: sent, failed: true }
    }
  }

  try {
    await bot.start()
  } catch (err) {
    log.error({ channel: 'wechat', err }, '微信机器人启动失败，稍后重试')
    restarter.schedule('start-failed')
  }

  return {
    bot,
    notifier: createWechatNotifier(wechatySender(bot), known),
    isLoggedIn: () => bot.isLoggedIn,
    async stop() {
      if (stopping) return
      stopping = true
      await restarter.stop()
      await queues.drain()
      try {
        await bot.stop()
      } finally {
        running = false
      }
    },
  }
}

/** Wechaty's own convention: WECHATY_PUPPET names the puppet, which reads its token variables itself. */
function puppetFromEnv(env: NodeJS.ProcessEnv): WechatyOptions {
  const puppet = wechatPuppetFromEnv(env)
  if (!puppet) {
    throw new Error('没有设置 WECHATY_PUPPET：要接入微信，请设置它（如 wechaty-puppet-service）和对应的令牌变量')
  }
  try {
    createRequire(import.meta.url).resolve(puppet)
  } catch (err) {
    if ((err as { code?: string }).code === 'MODULE_NOT_FOUND') {
      throw new Error(`WECHATY_PUPPET=${puppet}，但没有安装这个包：请先 npm install ${puppet}`)
    }
    // Installed, but ESM-only or without a main entry for require: Wechaty imports it itself.
  }
  const name = env.WECHATY_NAME?.trim()
  return { puppet: puppet as PuppetModuleName, ...(name ? { name } : {}) }
}
