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

/**
 * A sure result at least this confident, ahead of any runner-up by CLEAR_MARGIN, is clear: the bot starts on it
 * without asking 对吗 (the resident can still say 不对). Below it a sure result is confirmed first.
 */
export const CLEAR_SCORE = 0.8
export const CLEAR_MARGIN = 0.2

/** Far below the thousandths scores are given in, far above floating-point error in their differences. */
const EPSILON = 1e-9

/** Turns ranked results into what the bot should do next. */
export function decide(results: readonly MatchResult[]): MatchDecision {
  const [best] = results
  if (!best) return { kind: 'none' }
  // A runner-up under MIN_SCORE is offered among the others, but does not make a clear answer doubtful.
  const second = results.slice(1).find((r) => r.score >= MIN_SCORE)
  // A lead of exactly the margin counts: 0.85 − 0.65 is 0.19999… in floating point, 0.9 − 0.7 is 0.2000…1.
  if (best.score >= SURE_SCORE && (!second || best.score - second.score >= SURE_MARGIN - EPSILON)) {
    const clear = best.score >= CLEAR_SCORE && (!second || best.score - second.score >= CLEAR_MARGIN - EPSILON)
    return { kind: 'sure', result: best, others: results.slice(1), clear }
  }
  return { kind: 'choose', results: results.slice(0, 4) }
}
