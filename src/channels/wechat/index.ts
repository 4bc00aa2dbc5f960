/** The WeChat channel (Wechaty). The rest of the app imports it from here and never imports wechaty itself. */
export {
  startWechatChannel,
  wechatPuppetFromEnv,
  type HandledEvent,
  type WechatChannel,
  type WechatChannelOptions,
} from './bot.js'
export type { IgnoreReason } from './inbound.js'
export type { ChannelLogger } from './logger.js'
export type { Backoff } from './reconnect.js'
export { agentResolver, type AgentDirectory, type AgentResolver, type ContactIdentity } from './agents.js'
export { createWechatNotifier, type KnownAgents, type WechatSender } from './notifier.js'
export type { AgentCommandHandler } from './router.js'
