/**
 * The `ack` query parameter of a news read (GET /web/api/messages, GET /api/chat/messages): the ids of messages the
 * reader has shown, comma-separated, so that the outbox drops them. Until then a message is read again, so that an
 * answer lost on the way loses nothing.
 */
import { z } from 'zod'
import { HttpError } from './errors.js'

const AckIds = z
  .string()
  .max(10_000)
  .transform((s) => (s === '' ? [] : s.split(',')))
  .pipe(z.array(z.string().regex(/^[A-Za-z0-9:_-]{1,80}$/)).max(100))

/** The ids in `ack` (none for an empty one); a 400 with a Chinese message for anything else. */
export function ackIds(value: unknown): string[] {
  const parsed = AckIds.safeParse(typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : value)
  if (!parsed.success) throw new HttpError(400, 'invalid_ack', 'ack 应为逗号隔开的消息编号（最多 100 个）')
  return parsed.data
}
