/** Resident outbox in memory. */
import type { Outbox, OutboxMessage } from '../ports.js'

export class MemoryOutbox implements Outbox {
  private readonly boxes = new Map<string, OutboxMessage[]>()

  async push(userId: string, message: OutboxMessage): Promise<void> {
    const box = this.boxes.get(userId) ?? []
    box.push({ ...message })
    this.boxes.set(userId, box)
  }

  async drain(userId: string): Promise<OutboxMessage[]> {
    const box = this.boxes.get(userId) ?? []
    this.boxes.delete(userId)
    return dedupe(box)
  }

  async peek(userId: string): Promise<OutboxMessage[]> {
    return dedupe(this.boxes.get(userId) ?? []).map((m) => ({ ...m }))
  }

  async ack(userId: string, ids: readonly string[]): Promise<void> {
    const box = this.boxes.get(userId)
    if (!box) return
    const acked = new Set(ids)
    const left = box.filter((m) => !acked.has(m.id))
    if (left.length === 0) this.boxes.delete(userId)
    else this.boxes.set(userId, left)
  }
}

/** Keeps the first of messages with the same id (at-least-once delivery may push one twice). */
export function dedupe(messages: OutboxMessage[]): OutboxMessage[] {
  const seen = new Set<string>()
  return messages.filter((m) => !seen.has(m.id) && seen.add(m.id))
}
