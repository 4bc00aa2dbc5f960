/**
 * Who answers a WeChat message: the agent commands for a registered agent writing privately, the
 * conversation service for everyone else. Knows nothing of Wechaty: bot.ts hands in plain data.
 */
import type { ConversationService } from '../../conversation/types.js'
import type { AgentResolver, ContactIdentity } from './agents.js'
import type { Content } from './content.js'

/**
 * Runs an agent's text command (接单 DB…, 办结 DB…, 我的工单 …). Returns the replies, or undefined when the
 * text is not a command, so the agent gets the ordinary dialog (agents ask about items too).
 */
export type AgentCommandHandler = (command: { agentId: string; text: string; now: number }) => Promise<string[] | undefined>

/** A message the bot should consider, already stripped of Wechaty. */
export interface Inbound {
  talker: ContactIdentity
  /** Set for a room message that @-mentioned the bot (others never get here). */
  roomId?: string
  content: Content
  now: number
}

export interface Routed {
  route: 'resident' | 'agent'
  replies: string[]
  /** The agent's id when the talker is a registered agent (also for their dialog messages). */
  agentId?: string
}

export interface RouterDeps {
  conversation: ConversationService
  agentCommands?: AgentCommandHandler
  resolveAgent?: AgentResolver
}

/** Routes one message and returns what to send back, in order. Errors propagate to the caller. */
export async function routeMessage(message: Inbound, deps: RouterDeps): Promise<Routed> {
  const agentId = deps.resolveAgent?.(message.talker)
  // Agent commands only in private chats: their answers carry residents' full phone numbers.
  if (agentId && deps.agentCommands && !message.roomId && message.content.kind === 'text') {
    const replies = await deps.agentCommands({ agentId, text: message.content.text, now: message.now })
    if (replies !== undefined) return { route: 'agent', replies, agentId }
  }
  const reply = await deps.conversation.handle({
    resident: { channel: 'wechat', userId: message.talker.id },
    content: message.content,
    now: message.now,
  })
  return agentId ? { route: 'resident', replies: reply.replies, agentId } : { route: 'resident', replies: reply.replies }
}
