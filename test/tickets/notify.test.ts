import { describe, expect, it } from 'vitest'
import { notificationsFor } from '../../src/tickets/notify.js'
import type { HistoryEntry, Ticket } from '../../src/tickets/types.js'
import { openTicket } from '../../src/tickets/service.js'
import { createMemoryTicketBackend } from '../../src/tickets/store/memory-tickets.js'
import { makeEnv, MONDAY_9AM, NETWORK, request } from './fixtures.js'

/** A ticket that escalated from the village up to the county hall and was then claimed by the village's agent. */
async function escalatedAndClaimed(): Promise<Ticket> {
  const opened = await openTicket(makeEnv(createMemoryTicketBackend().tickets), request(), MONDAY_9AM)
  if (!opened.ok) throw new Error(opened.message)
  return {
    ...opened.ticket, status: '已办结', nodeId: 'county-center', claimedBy: 'a-v1',
    rating: { score: 1, at: MONDAY_9AM, comment: '没人联系我' },
    followUp: { openedAt: MONDAY_9AM, dueAt: MONDAY_9AM + 120 * 3_600_000 },
  } as Ticket
}

describe('notificationsFor: 差评 goes to the supervisors of the point that did the work too', () => {
  for (const action of ['rate', 'comment', 'followUpOverdue'] as const) {
    it(`${action}: the county's and the claiming agent's town supervisors, once each`, async () => {
      const t = await escalatedAndClaimed()
      const entry = { at: MONDAY_9AM, by: 'resident', action, status: '已办结' } as HistoryEntry
      const to = notificationsFor(t, t, entry, NETWORK).map((n) => (n.to.kind === 'agent' ? n.to.agentId : 'resident'))
      expect(to.sort()).toEqual(['s-county', 's-town'])
    })
  }
})
