/**
 * What residents asked that matched nothing, or matched with low confidence: the raw material for an admin
 * adding a phrasing (同义词 / 别名) to the catalogue. One port, two adapters (unanswered-memory.ts,
 * unanswered-redis.ts), and the recorder that turns the dialog's 'unmatched' effect into a record.
 */
import type { Effect, EffectExecutor } from '../conversation/types.js'
import { INVISIBLE, toSimplified } from '../match/normalize.js'
import { maskText } from '../tickets/mask.js'

export interface UnansweredCandidate {
  id: string
  name: string
  score: number
}

export interface UnansweredEntry {
  /** The question as kept: trimmed, spacing and full-width forms folded, phone and ID numbers masked. */
  text: string
  /** How many times it was asked. */
  count: number
  firstSeen: number
  lastSeen: number
  /** The matcher's candidates the last time it was asked (the catalogue may have changed since the first). */
  candidates: UnansweredCandidate[]
}

export interface UnansweredLog {
  /** Counts one asking of `text`; blank text is ignored. */
  record(text: string, candidates: UnansweredCandidate[], now: number): Promise<void>
  /** The `n` most frequent questions, most frequent first; ties: the most recently asked first. */
  top(n: number): Promise<UnansweredEntry[]>
  /** Forgets a question (the admin has dealt with it); `text` as top() returned it. */
  dismiss(text: string): Promise<void>
}

/** Sentence marks and spaces at either end: 怎么办？ and 怎么办。 are one question (markup like <b> stays, for the admin to see). */
const END_MARKS = /^[\s。.？?！!~～…，,、;；:：]+|[\s。.？?！!~～…，,、;；:：]+$/gu

/** Distinct questions kept; past this the least asked (then the oldest) are dropped, so a flood cannot fill memory. */
export const DEFAULT_MAX_QUESTIONS = 1000
/** Longer questions are cut: an admin needs the gist, and the dialog refuses long text anyway. */
export const MAX_TEXT_CHARS = 200
/** Candidates kept per question. */
export const MAX_CANDIDATES = 5

/**
 * The key a question is counted under, so that one question typed several ways counts once: full-width forms
 * folded (ｄｂ → db), traditional characters as simplified (二手車過戶 → 二手车过户), punctuation and spaces at either end
 * dropped (怎么办？ / 怎么办。). Masking keeps residents' phone and ID numbers off the admin screen.
 */
export function normalizeQuestion(text: string): string {
  const folded = maskText(toSimplified(text.replace(INVISIBLE, '').normalize('NFKC')).replace(/\s+/g, ' ').replace(END_MARKS, ''))
  return [...folded].slice(0, MAX_TEXT_CHARS).join('')
}

/** Candidates as they are kept: at most MAX_CANDIDATES, only the fields the console shows. */
export function keptCandidates(candidates: UnansweredCandidate[]): UnansweredCandidate[] {
  return candidates.slice(0, MAX_CANDIDATES).map(({ id, name, score }) => ({ id, name, score }))
}

/** The order top() promises: count descending, then lastSeen descending, then text (for a stable order). */
export function compareEntries(a: Pick<UnansweredEntry, 'count' | 'lastSeen' | 'text'>, b: typeof a): number {
  return b.count - a.count || b.lastSeen - a.lastSeen || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)
}

/** The part of a pino logger the recorder uses. */
export interface RecorderLogger {
  warn(obj: object, msg: string): void
}

/**
 * An EffectExecutor for the 'unmatched' effect: records the question and adds no reply. Other effects are
 * not its business and pass through with no replies. A failed write is logged, never shown to the
 * resident: their answer matters more than our statistics.
 */
/**
 * Whether a text could become a phrasing an admin adds: two different Chinese characters at least. 啊啊啊啊啊, 喂, 嗯嗯
 * or a row of emoji would only push real questions down the list.
 */
function couldBePhrasing(text: string): boolean {
  return new Set(toSimplified(text).match(/\p{Script=Han}/gu) ?? []).size >= 2
}

export function createUnmatchedRecorder(log: UnansweredLog, logger?: RecorderLogger): EffectExecutor {
  return async (effect: Effect, message) => {
    if (effect.type !== 'unmatched' || !couldBePhrasing(effect.text)) return []
    try {
      await log.record(effect.text, effect.candidates, message.now)
    } catch (err) {
      logger?.warn({ err }, '记录未匹配的问题失败')
    }
    return []
  }
}
