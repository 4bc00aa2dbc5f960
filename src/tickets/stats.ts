/**
 * Ticket statistics for admins and the console: by status, by tier, overdue, escalated, ratings and follow-ups.
 * computeStats is pure; ticketStats reads every ticket through the store's status index.
 */
import type { TicketStore } from './ports.js'
import { isBadRating } from './rating.js'
import { OPEN_STATUSES, STATUSES } from './types.js'
import type { TicketState, TicketStatus, Tier } from './types.js'

export interface TicketStats {
  total: number
  byStatus: Record<TicketStatus, number>
  byTier: Record<Tier, number>
  /** Open now and past the promised limit; and every ticket that ever went past it. */
  overdue: { open: number; ever: number }
  /** Tickets escalated (督办) at least once. */
  escalated: number
  ratings: {
    count: number
    /** Average score, 1 decimal; null without ratings. */
    average: number | null
    byScore: Record<1 | 2 | 3 | 4 | 5, number>
    /** Share of 4 and 5 among ratings (满意率), 0–1; null without ratings. */
    satisfied: number | null
    bad: number
  }
  followUps: { open: number; answered: number; late: number }
}

/**
 * `tierOf`: the tier of the service point now holding a ticket, so that byTier counts where tickets are (a ticket
 * escalated from a village to the town counts at the town); without it, the tier routing first picked.
 */
export function computeStats(tickets: readonly TicketState[], now: number, tierOf?: (nodeId: string) => Tier | undefined): TicketStats {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<TicketStatus, number>
  const byTier: Record<Tier, number> = { 县: 0, 镇: 0, 村: 0 }
  const byScore = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }
  const s = { overdueOpen: 0, overdueEver: 0, escalated: 0, rated: 0, sum: 0, good: 0, bad: 0, fuOpen: 0, fuAnswered: 0, fuLate: 0 }
  for (const t of tickets) {
    byStatus[t.status]++
    byTier[tierOf?.(t.nodeId) ?? t.tier]++
    const open = OPEN_STATUSES.includes(t.status)
    if (open && (t.overdueAt !== undefined || (t.dueAt !== undefined && now >= t.dueAt))) s.overdueOpen++
    if (t.overdueAt !== undefined) s.overdueEver++
    if (t.escalations > 0) s.escalated++
    if (t.rating) {
      const score = t.rating.score as 1 | 2 | 3 | 4 | 5
      byScore[score]++
      s.rated++
      s.sum += score
      if (score >= 4) s.good++
      if (isBadRating(score)) s.bad++
    }
    if (t.followUp) {
      if (t.followUp.answeredAt !== undefined) s.fuAnswered++
      else s.fuOpen++
      const answeredLate = t.followUp.answeredAt !== undefined && t.followUp.answeredAt > t.followUp.dueAt
      if (answeredLate || (t.followUp.answeredAt === undefined && now > t.followUp.dueAt)) s.fuLate++
    }
  }
  return {
    total: tickets.length,
    byStatus,
    byTier,
    overdue: { open: s.overdueOpen, ever: s.overdueEver },
    escalated: s.escalated,
    ratings: {
      count: s.rated,
      average: s.rated === 0 ? null : Math.round((s.sum / s.rated) * 10) / 10,
      byScore,
      satisfied: s.rated === 0 ? null : Math.round((s.good / s.rated) * 1000) / 1000,
      bad: s.bad,
    },
    followUps: { open: s.fuOpen, answered: s.fuAnswered, late: s.fuLate },
  }
}

/** Stats over every stored ticket (up to `limit` per status). */
export async function ticketStats(
  store: TicketStore,
  now: number,
  tierOf?: (nodeId: string) => Tier | undefined,
  limit = 100_000,
): Promise<TicketStats> {
  const lists = await Promise.all(STATUSES.map((status) => store.list({ status }, limit)))
  return computeStats(lists.flat(), now, tierOf)
}
