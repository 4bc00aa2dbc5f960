/**
 * Picks the notifier for each recipient: residents by the channel they came from (HTTP and web residents
 * poll their outbox), agents through the agents' notifier (WeChat, a webhook, or several).
 * A recipient nobody can reach makes send() throw, so the queue retries and finally lists a dead letter.
 */
import type { Channel } from '../../conversation/types.js'
import { maskNotificationText } from '../mask.js'
import type { Notifier, Outbox } from '../ports.js'

export interface HubOptions {
  residents: Partial<Record<Channel, Notifier>>
  agents?: Notifier
}

export function createNotifierHub(opts: HubOptions): Notifier {
  return {
    async send(n) {
      const target = n.to.kind === 'agent' ? opts.agents : opts.residents[n.to.resident.channel]
      if (target === undefined) {
        const who = n.to.kind === 'agent' ? `代办员 ${n.to.agentId}` : `${n.to.resident.channel} 渠道的居民`
        throw new Error(`没有配置发送渠道，无法通知${who}`)
      }
      await target.send(n)
    },
  }
}

/** Sends to every notifier (e.g. WeChat and a group-robot webhook); fails if any fails. */
export function allOf(...notifiers: Notifier[]): Notifier {
  return {
    async send(n) {
      await Promise.all(notifiers.map((x) => x.send(n)))
    },
  }
}

/** Resident messages into the outbox that `GET /api/chat/messages?userId=` drains. */
export function createOutboxNotifier(outbox: Outbox): Notifier {
  return {
    async send(n) {
      if (n.to.kind !== 'resident') throw new Error('outbox is for residents only')
      await outbox.push(n.to.resident.userId, { id: n.id, ticketId: n.ticketId, text: n.text, at: n.at })
    },
  }
}

/** Writes notifications to a log line (masked): for `npm start` with no channel for agents yet. */
export function createLogNotifier(log: (line: string) => void = (l) => console.log(l)): Notifier {
  return {
    async send(n) {
      const to = n.to.kind === 'agent' ? `agent:${n.to.agentId}` : `resident:${n.to.resident.channel}`
      log(`[通知 ${n.ticketId} → ${to}] ${maskNotificationText(n).replace(/\n/g, ' / ')}`)
    },
  }
}
