/**
 * The ids of ticket news a reader acknowledges as shown (GET /api/chat/messages?ack=…, POST /web/api/messages), so
 * that the outbox drops them; until then a message is read again, and an answer lost on the way loses nothing.
 */

/** Ids as the outbox makes them (`DB2611230001:2:resident`). */
const ACK_ID = /^[A-Za-z0-9:_-]{1,80}$/
/** At most this many per read: a page acknowledges what one read brought, a few at a time. */
const MAX_ACKS = 100

/**
 * The well-formed ids among `value` (comma-separated text, or a list), at most MAX_ACKS. Anything else is left out,
 * never refused: one odd id must not stop a reader from getting its news for good.
 */
export function ackIds(value: unknown): string[] {
  const parts = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value.flatMap((v) => (typeof v === 'string' ? v.split(',') : [])) : []
  return parts.filter((id) => ACK_ID.test(id)).slice(0, MAX_ACKS)
}
