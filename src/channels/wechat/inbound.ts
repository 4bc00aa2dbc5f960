/**
 * Reads a Wechaty message (not the bot's own: bot.ts drops those first) into the channel's plain Inbound,
 * or says why it gets no answer: an official account, an old replayed message, a recalled one, a room
 * message that does not @ the bot.
 */
import { types, type ContactSelf, type Message } from 'wechaty'
import type { ContactIdentity } from './agents.js'
import { contentOf, stripMentions } from './content.js'
import type { Inbound } from './router.js'

export type IgnoreReason = 'self' | 'not-a-person' | 'stale' | 'silent-type' | 'room-not-mentioned' | 'stopping'

export async function readInbound(
  msg: Message,
  self: ContactSelf,
  opts: { maxAgeSeconds: number; now: number },
): Promise<Inbound | { ignore: IgnoreReason }> {
  const talker = msg.talker()
  const room = msg.room()
  if (talker.type() === types.Contact.Official) return { ignore: 'not-a-person' }
  if (msg.age() > opts.maxAgeSeconds) return { ignore: 'stale' }
  let content = contentOf(msg.type(), msg.text())
  if (!content) return { ignore: 'silent-type' }
  if (room) {
    if (!(await msg.mentionSelf())) return { ignore: 'room-not-mentioned' }
    if (content.kind === 'text') {
      const names = [self.name(), (await room.alias(self)) ?? '']
      content = { kind: 'text', text: stripMentions(await msg.mentionText(), names) }
    }
  }
  const who: ContactIdentity = { id: talker.id }
  // 微信号: `handle` in current puppets, `weixin` in older ones (whose getter is deprecated and noisy).
  const weixin = talker.handle() ?? talker.payload?.weixin
  const alias = await talker.alias()
  if (weixin) who.weixin = weixin
  if (alias) who.alias = alias
  return { talker: who, ...(room ? { roomId: room.id } : {}), content, now: opts.now }
}
