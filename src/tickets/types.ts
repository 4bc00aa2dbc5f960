/**
 * The proxy ticket (代办工单) as the code uses it, and the service network it is routed in.
 */
import type { HelpKind, ServicePoint, Tier } from '../catalog/types.js'
import type { Resident, TicketRequest } from '../conversation/types.js'

export const STATUSES = ['待领办', '已领办', '办理中', '已退回', '已办结', '已取消'] as const
export type TicketStatus = (typeof STATUSES)[number]

/** Statuses in which the work is not finished: time limits still run. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['待领办', '已领办', '办理中', '已退回']

export type AgentRole = '代办员' | '督办'

export interface Agent {
  id: string
  name: string
  /** WeChat name (微信号 or remark) the bot knows the agent by. */
  wechat: string
  phone: string
  role: AgentRole
  /** The service point (network node) the agent serves. */
  pointId: string
  /** sha256 (hex) of the agent's HTTP API token, when the agent has one. */
  tokenHash?: string
}

export interface NetworkSettings {
  /** Unclaimed this long after opening (or after the last escalation): escalated to the tier above. */
  claimHours: number
  /** A 差评 follow-up (回访) must be answered within this many working days. */
  followUpDays: number
  /** A resident may rate up to this many working days after the ticket is done. */
  ratingDays: number
}

/** The service network: the catalogue's service points as nodes, with the agents serving each. */
export interface Network {
  points: ReadonlyMap<string, ServicePoint>
  agents: readonly Agent[]
  agentsById: ReadonlyMap<string, Agent>
  agentsByWechat: ReadonlyMap<string, Agent>
  agentsByPoint: ReadonlyMap<string, readonly Agent[]>
  settings: NetworkSettings
}

/** Who did something: the resident who owns the ticket, an agent (by id), or the system (timers). */
export type Actor = { kind: 'resident'; resident: Resident } | { kind: 'agent'; agent: Agent } | { kind: 'system' }

export interface HistoryEntry {
  /** Milliseconds since the epoch. */
  at: number
  /** 'resident', 'system', or an agent id. */
  by: string
  action: ActionName
  /** Status after the action. */
  status: TicketStatus
  note?: string
}

export type ActionName =
  | 'open'
  | 'claim'
  | 'start'
  | 'return'
  | 'resume'
  | 'done'
  | 'cancel'
  | 'escalate'
  | 'overdue'
  | 'rate'
  | 'comment'
  | 'followUp'
  | 'followUpOverdue'

export interface Rating {
  /** 5 非常满意 … 1 非常不满意. */
  score: number
  comment?: string
  at: number
  /** The resident answered (or skipped) the comment question. */
  commentClosed: boolean
}

/** A 回访 opened by a 差评 (rating 1 or 2): a supervisor must answer by dueAt. */
export interface FollowUp {
  openedAt: number
  dueAt: number
  answeredAt?: number
  answeredBy?: string
  answer?: string
  overdueAlertedAt?: number
}

/**
 * A ticket's state: everything the resident's request carried (materialsUnknown is absent on tickets stored
 * before it existed), plus the ticket's own life. Its history is kept beside it, append-only.
 */
export interface TicketState extends TicketRequest {
  id: string
  /** Bumped by every change; an update names the version it was computed from (optimistic check). */
  version: number
  status: TicketStatus
  /** The node the ticket is assigned to now. */
  nodeId: string
  /** The tier routing picked from the item (before falling back to a node with agents). */
  tier: Tier
  /** Every node it was assigned to, first the routed one, then each escalation's. */
  chain: string[]
  claimedBy?: string
  createdAt: number
  updatedAt: number
  claimedAt?: number
  doneAt?: number
  /**
   * End of the item's promised time limit (working days, or calendar days for an N日 limit). None when the item's
   * limit is 以窗口为准: nothing was promised, so the ticket is never overdue.
   */
  dueAt?: number
  escalations: number
  overdueAt?: number
  returnReason?: string
  /** The resident's last 补齐 (the missing papers handed in after a return): when, and what they said. */
  supplied?: { at: number; note: string }
  rating?: Rating
  followUp?: FollowUp
}

export interface Ticket extends TicketState {
  history: HistoryEntry[]
}

/** Who a notification is for. */
export type Recipient =
  | { kind: 'resident'; resident: Resident }
  | { kind: 'agent'; agentId: string; wechat: string; role: AgentRole }

/** One message to deliver, at least once. */
export interface Notification {
  /** Unique; a receiver may use it to drop duplicates. */
  id: string
  ticketId: string
  /** What happened, e.g. 'open', 'claim', 'escalate'. */
  event: ActionName
  to: Recipient
  /** Plain Chinese text, with the resident's phone and name masked unless it goes to the resident. */
  text: string
  at: number
  /**
   * The resident's name and phone as the text may give them in full (the claimer's notice, a 差评 回访 tells whom to
   * call; a landline is no mobile number for maskText to find): masked wherever the text is logged or sent on to a
   * shared place (the webhook's group chat).
   */
  names?: string[]
  phones?: string[]
}

export type TimerKind = 'escalate' | 'overdue' | 'followUp'

/** A durable timer: fires once at dueAt (or soon after), then is done. */
export interface Timer {
  /** Unique per ticket, kind and round, so a fired timer is never confused with its successor. */
  id: string
  kind: TimerKind
  ticketId: string
  dueAt: number
  /** For escalation: how many escalations the ticket had when this timer was set. */
  round?: number
}

export type { HelpKind, Tier, Resident, ServicePoint }
