/**
 * From a WeChat message to what the conversation service understands: text, or the kind of a non-text message.
 * Pure functions of the puppet's message type and text; only wechaty's enum of message types is used.
 */
import { types } from 'wechaty'
import type { IncomingMessage } from '../../conversation/types.js'

export type Content = IncomingMessage['content']

const NON_TEXT: ReadonlyMap<types.Message, Exclude<Content['kind'], 'text'>> = new Map([
  [types.Message.Image, 'image'],
  [types.Message.Audio, 'voice'],
  [types.Message.Emoticon, 'sticker'],
  [types.Message.Attachment, 'file'],
  [types.Message.Location, 'location'],
  [types.Message.Video, 'video'],
])

/** Message types that are not someone talking to us (a recalled message, a system notice): never answered. */
const SILENT: ReadonlySet<types.Message> = new Set([types.Message.Recalled, types.Message.GroupNote])

/**
 * The content of a message of this type, or undefined when it should get no answer at all.
 * Cards, links, mini programs, transfers and the like become 'other' (a short polite reply).
 */
export function contentOf(type: types.Message, text: string): Content | undefined {
  if (type === types.Message.Text) return { kind: 'text', text }
  if (SILENT.has(type)) return undefined
  return { kind: NON_TEXT.get(type) ?? 'other' }
}

/**
 * A room message's text without the @-mentions of the bot. Wechaty's mentionText() removes mentions it
 * can resolve; this also removes "@name" written by hand or left when the puppet gave no mention list.
 * WeChat separates a mention from the text with U+2005 (phones) or a space (desktop).
 */
export function stripMentions(text: string, selfNames: readonly string[]): string {
  let out = text
  for (const name of selfNames) {
    if (!name) continue
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    out = out.replace(new RegExp(`@${escaped}(?:[\\u2005\\u0020]|$)`, 'g'), ' ')
  }
  return out.replace(/\s+/g, ' ').trim()
}
