/**
 * Who on WeChat is a registered agent. catalog/network.yaml gives each agent a 微信名; the bot matches it
 * against the contact's id, 微信号 or the remark (备注) the bot's account gave the contact — never against
 * the nickname, which anyone can set to an agent's name.
 */

/** What the channel knows about a contact; weixin and alias are missing on some puppets. */
export interface ContactIdentity {
  id: string
  /** 微信号, when the puppet provides it. */
  weixin?: string
  /** The remark (备注) the bot's own account gave this contact. */
  alias?: string
}

/** The agent id of a contact, or undefined for a resident. */
export type AgentResolver = (who: ContactIdentity) => string | undefined

/** The part of the service network the channel needs (see src/tickets/types.ts Network). */
export interface AgentDirectory {
  agentsByWechat: ReadonlyMap<string, { id: string }>
}

/**
 * Resolves agents against the current network. Takes a getter so a reloaded network.yaml applies
 * to the next message without restarting the bot.
 */
export function agentResolver(directory: () => AgentDirectory): AgentResolver {
  return (who) => {
    const byWechat = directory().agentsByWechat
    for (const key of [who.id, who.weixin, who.alias]) {
      if (!key) continue
      const agent = byWechat.get(key)
      if (agent) return agent.id
    }
    return undefined
  }
}
