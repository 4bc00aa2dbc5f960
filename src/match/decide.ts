import type { MatchDecision, MatchResult } from './types.js'

/**
 * Thresholds on the matcher's confidence. Above SURE with a clear lead the bot names the item;
 * otherwise it offers numbered choices; results below MIN never reach the matcher's output.
 */
export const SURE_SCORE = 0.55
/** The best must lead the runner-up by this much to be taken without asking. */
export const SURE_MARGIN = 0.12

/** Turns ranked results into what the bot should do next. */
export function decide(results: MatchResult[]): MatchDecision {
  const [best, second] = results
  if (!best) return { kind: 'none' }
  if (best.score >= SURE_SCORE && (!second || best.score - second.score >= SURE_MARGIN)) {
    return { kind: 'sure', result: best, others: results.slice(1) }
  }
  return { kind: 'choose', results: results.slice(0, 4) }
}
