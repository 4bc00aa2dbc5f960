import type { CatalogItem } from '../catalog/types.js'

/** One candidate item for a question; score is a confidence in [0, 1]. */
export interface MatchResult {
  item: CatalogItem
  score: number
}

/** Finds catalogue items for a resident's free-text question. Pure: built once per catalogue version. */
export interface Matcher {
  /**
   * Best first, at most `limit` (default 5); empty when the question is outside the catalogue. Read-only: a matcher
   * may hand the same answer to every caller (rememberingMatcher).
   */
  match(question: string, limit?: number): readonly MatchResult[]
}

/** What the bot should do with a question: answer directly, offer numbered choices, or admit it does not know. */
export type MatchDecision =
  /** clear: sure enough, and far enough ahead, that naming the item needs no 对吗 (see CLEAR_SCORE). */
  | { kind: 'sure'; result: MatchResult; others: MatchResult[]; clear: boolean }
  | { kind: 'choose'; results: MatchResult[] }
  | { kind: 'none' }
