/**
 * The tickets' Notifier port over WeChat: a new ticket to an agent, a status change or a rating request to a
 * resident who came through WeChat. It sends or throws; retries and dead letters are the queue's job.
 */
import type { Notifier } from '../../tickets/ports.js'
import type { Notification } from '../../tickets/types.js'

/** What the notifier needs from the running bot. */
export interface WechatSender {
  /** Sends a text to a contact; throws when the bot is not logged in or the contact is unknown. */
  sendText(contactId: string, text: string): Promise<void>
  /** The contact id whose id, 微信号 or remark equals `wechatName`, if any. */
  findContactId(wechatName: string): Promise<string | undefined>
}

/** Agent id → contact id, learned when an agent writes to the bot (the cheapest way to find them again). */
export type KnownAgents = Map<string, string>

export function createWechatNotifier(sender: WechatSender, known: KnownAgents = new Map()): Notifier {
  return {
    async send(notification: Notification): Promise<void> {
      const to = notification.to
      if (to.kind === 'resident') {
        if (to.resident.channel !== 'wechat') {
          throw new Error(`这条通知的居民来自 ${to.resident.channel} 渠道，不能从微信发送 (notification ${notification.id})`)
        }
        await sender.sendText(to.resident.userId, notification.text)
        return
      }
      let contactId = known.get(to.agentId)
      if (!contactId) {
        contactId = await sender.findContactId(to.wechat)
        if (!contactId) {
          throw new Error(
            `微信里找不到代办员 ${to.agentId}（微信名 ${to.wechat}）：请在机器人的微信里把他的备注设为 ${to.wechat}，` +
              `或请他先给机器人发一条消息`,
          )
        }
        known.set(to.agentId, contactId)
      }
      try {
        await sender.sendText(contactId, notification.text)
      } catch (err) {
        // The contact may have changed (a new login gives some puppets new ids): look it up again next time.
        known.delete(to.agentId)
        throw err
      }
    },
  }
}
