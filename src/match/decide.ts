import type { MatchDecision, MatchResult } from './types.js'

/**
 * Thresholds on the matcher's confidence. Above SURE with a clear lead the bot names the item;
 * otherwise it offers numbered choices; results below MIN never reach the matcher's output, except runners-up.
 */
export const SURE_SCORE = 0.55
/** Below this confidence a question is outside the catalogue. */
export const MIN_SCORE = 0.48
/** Below this a runner-up is not offered, even when the best result is in scope. */
export const RUNNER_UP_MIN = 0.44
/** The best must lead the runner-up by this much to be taken without asking. */
export const SURE_MARGIN = 0.12

/** Turns ranked results into what the bot should do next. */
export function decide(results: MatchResult[]): MatchDecision {
  const [best] = results
  if (!best) return { kind: 'none' }
  // A runner-up under MIN_SCORE is offered among the others, but does not make a clear answer doubtful.
  const second = results.slice(1).find((r) => r.score >= MIN_SCORE)
  if (best.score >= SURE_SCORE && (!second || best.score - second.score >= SURE_MARGIN)) {
    return { kind: 'sure', result: best, others: results.slice(1) }
  }
  return { kind: 'choose', results: results.slice(0, 4) }
}
