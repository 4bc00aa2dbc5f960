/** The notifier's WechatSender over a running Wechaty bot. */
import type { Wechaty } from 'wechaty'
import type { WechatSender } from './notifier.js'

export function wechatySender(bot: Wechaty): WechatSender {
  const loggedIn = () => {
    if (!bot.isLoggedIn) throw new Error('微信机器人未登录，稍后重试')
  }
  return {
    async sendText(contactId, text) {
      loggedIn()
      const contact = await bot.Contact.find({ id: contactId })
      if (!contact) throw new Error(`微信里找不到联系人 ${contactId}`)
      await contact.say(text)
    },
    async findContactId(wechatName) {
      loggedIn()
      try {
        await bot.puppet.contactPayload(wechatName)
        return wechatName
      } catch {
        // Not a contact id. One pass over the contacts for the 微信号 or the remark (the notifier caches the result).
      }
      const contacts = await bot.Contact.findAll()
      const found = contacts.find(
        (c) => c.handle() === wechatName || c.payload?.weixin === wechatName || c.payload?.alias === wechatName,
      )
      return found?.id
    },
  }
}
