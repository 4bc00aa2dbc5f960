/**
 * The conversation service's contracts: what a channel hands in, what comes back, and the effects
 * the pure dialog engine asks the service to carry out.
 */
import type { HelpKind } from '../catalog/types.js'
import type { TurnCounters } from '../store/session-store.js'

/** Where a resident talks to us; replies and ticket news go back the same way. */
export type Channel = 'http' | 'web' | 'wechat' | 'terminal'

export interface Resident {
  channel: Channel
  userId: string
}

export type NonTextKind = 'image' | 'voice' | 'sticker' | 'file' | 'location' | 'video' | 'other'

export interface IncomingMessage {
  resident: Resident
  /** Text, or the kind of a non-text message (which changes nothing in the dialog). */
  content: { kind: 'text'; text: string } | { kind: NonTextKind }
  /** Milliseconds since the epoch; the core never reads the clock itself. */
  now: number
  /** The channel's 长者模式 switch (plainer words), when it has one; otherwise the resident's own choice holds. */
  elder?: boolean
}

export interface ConversationReply {
  replies: string[]
  /** Whether the dialog now speaks in 长者模式's words, when this message went through it (a page mirrors its switch). */
  elder?: boolean
}

export interface HandleOptions {
  /**
   * A check still under way (e.g. the rate limit's round trip), started together with the resident's turn so
   * that both cost one wait. The message is handled only if it resolves; its rejection is the handle's, and
   * the resident's session is left as it was.
   */
  admitted?: Promise<void>
  /**
   * Counters (a rate limit's) counted as the resident's turn is taken, in its round trip: only when the service
   * `countsAlong`. Refused like `admitted`.
   */
  counters?: TurnCounters
}

export interface ConversationService {
  handle(message: IncomingMessage, options?: HandleOptions): Promise<ConversationReply>
  /** Whether handle() takes `counters` (its session store counts them with the turn); else give `admitted`. */
  readonly countsAlong?: boolean
}

/** Everything a proxy ticket needs, collected by the dialog. */
export interface TicketRequest {
  resident: Resident
  itemId: string
  itemName: string
  name: string
  /** 11-digit mobile number, validated by the dialog. */
  phone: string
  /**
   * Village or community service point id (from catalog/service-points.yaml), tier 村; the town's point when the
   * resident's village is not on the list (see `village`).
   */
  areaPointId: string
  /** A village the network does not list, as the resident named it ('' when they did not say). */
  village?: string
  help: HelpKind
  /** pickup: the resident collects it; door: the agent brings it (特办, or 代办 for someone who cannot travel); mail: posted. */
  delivery: { kind: 'pickup' } | { kind: 'door' } | { kind: 'mail'; address: string }
  materialsReady: string[]
  materialsMissing: string[]
  /**
   * Materials the resident never answered (全部列出 ended the walk early, or a situation question was never
   * asked): neither ready nor missing, so nobody downstream may call the file complete.
   */
  materialsUnknown?: string[]
  /** Answers to the item's situation questions, by question id. */
  answers: Record<string, string>
  note?: string
  /** The resident chose 长者模式: the ticket's news to them comes in its plainer words. */
  elder?: boolean
}

/** Side effects requested by the pure engine; the service carries them out after the session is saved. */
export type Effect =
  | { type: 'openTicket'; request: TicketRequest }
  /** The resident's proxy tickets; `quietIfNone`: say nothing when there are none (mid-dialog, the progress said enough). */
  | { type: 'listTickets'; quietIfNone?: boolean; elder?: boolean }
  /**
   * 不办了 said mid-way: the dialog let the item at hand go. The tickets service adds a line when an earlier 代办
   * request is still open (it was not withdrawn, and how to withdraw it); nothing when none is.
   */
  | { type: 'mentionOpenTicket'; elder?: boolean }
  | { type: 'handoff'; reason: string }
  /** A question that matched nothing or with low confidence: kept for admins to add phrasings. */
  | { type: 'unmatched'; text: string; candidates: { id: string; name: string; score: number }[] }

/** Carries out one effect; may return more replies for the resident (e.g. the new ticket's number). */
export type EffectExecutor = (effect: Effect, message: IncomingMessage) => Promise<string[]>

/**
 * Words the resident's replies about a 代办 ticket are read by (vocabulary.yaml's ticketReplies), as lists; the
 * tickets' interceptor builds its patterns from them.
 */
export interface TicketReplyWords {
  /** After a bare score (1 有, 2 没有身份证): an answer about papers, not a rating with a comment. */
  answerWords: string[]
  /** At the end of a short reply (照片拍好了, 证明开出来了): the materials a returned ticket waits for are ready. */
  readyNow: string[]
  /** The whole reply to the comment question (无, 没意见): no comment. */
  skipComment: string[]
  /** At the start of a reply (意见 跑了三趟): a comment, even while the dialog waits for an answer. */
  commentLead: string[]
}

/** What the conversation service tells interceptors about the resident's dialog, read as the turn began. */
export interface InterceptContext {
  /**
   * The dialog is waiting for an answer to a question (a numbered menu, a material to check, a name to type),
   * so a bare "1" is its answer. False with no session, an expired one, or one in a state that only takes
   * new questions (the start, 办完了, 已提交).
   */
  dialogOpen: boolean
  /**
   * The dialog's open question only asks for a new question (没找到 … 回复 1 转人工, 换个说法, a list of candidates):
   * no item is at hand, so a reply meant for a ticket (复印好了, 挺好, 不想办了) is no answer to it; only a number
   * one of its options takes (takesNumber) is.
   */
  asksNewQuestion?: boolean
  /**
   * The dialog stands where a submitted 代办 request leaves it (its 已提交 step), so that 返回 or 确认 there is about
   * that request (told it was cancelled, when it was since).
   */
  submitted?: boolean
  /**
   * The item the dialog holds (a walk, its checklist, 自己办理's screen, the 代办 form), when not standing at a submitted
   * request: 不办了 there is about that item, not about a request for another one still open.
   */
  itemAtHand?: string
  /** The resident reads 长者模式's words (the channel's switch, else their own choice in the dialog). */
  elder?: boolean
  /**
   * Whether the text finds a catalogue item outright (the matcher is sure), so that a question asked while a
   * rating's comment is awaited is answered, not filed as the comment. Computed on first call.
   */
  namesItem?: () => boolean
  /**
   * Whether a bare number `n` would answer the dialog's pending question (one of its numbered options, or a step
   * that takes it), rather than be told 没有这个编号: a bare 5 no choice on screen could mean may rate a finished
   * ticket. Computed on call.
   */
  takesNumber?: (n: number) => boolean
  /**
   * Whether the dialog would take this message as a reply at its pending question (not 没看明白): 照片拍好了 mid-walk is
   * the walk's own photo when it can place it. Computed on call.
   */
  understood?: () => boolean
  /**
   * Adds a line after the dialog's replies, for an interceptor that lets the dialog have the message but has a word
   * to add (照片拍好了 taken by the walk: how to say it was for the ticket waiting for photos instead).
   */
  addAfter?: (text: string) => void
  /** The words ticket replies are read by, from the dialogs' vocabulary (the interceptor's built-in ones without it). */
  ticketReplies?: TicketReplyWords
}

/**
 * Gets a message before the dialog engine (ticket commands like 查询 DB…, 取消 DB…, or a pending rating).
 * Returns replies when it handled the message, undefined to let the dialog have it. The conversation service
 * always passes `context`; other callers may leave it out.
 */
export interface Interceptor {
  (message: TextMessage, context?: InterceptContext): Promise<string[] | undefined>
  /**
   * Starts this message's reads before the resident's turn is taken, so that they share its round trip; the
   * call for the same message object then uses them. Optional; the service calls it for every text message.
   */
  prefetch?(message: TextMessage, along?: TurnReads): void
}

/**
 * Reads that ride with the request for the resident's turn (one round trip with it), offered to prefetch when
 * the session store can (Redis: in the script that takes the turn). Keys are full keys of that store's backend.
 */
export interface TurnReads {
  /** Whether `key` exists as the turn is requested; settles once the store has asked. */
  exists(key: string): Promise<boolean>
}

export type TextMessage = IncomingMessage & { content: { kind: 'text'; text: string } }
