/**
 * A turn for a session stored as text (encodeSession's JSON): decode, facts and step, encode. The dialog worker
 * runs every turn this way; the server's thread does too while the worker is starting, restarting or gone.
 */
import type { Catalog } from '../catalog/types.js'
import type { DialogDefinitions } from '../dialog/schema.js'
import { decodeSession, encodeSession } from '../dialog/session-json.js'
import { isDialogSession, type DialogSession } from '../dialog/session.js'
import { decide } from '../match/decide.js'
import type { Matcher } from '../match/types.js'
import type { MatchOutcome } from '../server/metrics.js'
import type { DialogJob, JobResult } from './dialog-jobs.js'
import { prepareTurn } from './dialog-runner.js'

/** Residents whose last session is kept decoded; a resident beyond them is decoded from the text again. */
const KEPT_SESSIONS = 5_000

export interface EncodedTurns {
  run(job: DialogJob): JobResult
  setCatalog(catalog: Catalog, matcher: Matcher): void
}

export function encodedTurns(defs: DialogDefinitions, catalog: Catalog, matcher: Matcher, idleSeconds: number): EncodedTurns {
  let ctx = { catalog, matcher, idleSeconds }
  let matches: MatchOutcome[] = []
  // The session last read or written per key, with its text: the next message usually brings that same text back,
  // and decoding it again would cost as much as the step (entries also keep their history diffs for encoding).
  const kept = new Map<string, { json: string; session: DialogSession }>()
  const keep = (key: string, json: string, session: DialogSession): void => {
    kept.delete(key)
    kept.set(key, { json, session })
    if (kept.size > KEPT_SESSIONS) kept.delete(kept.keys().next().value!)
  }
  const counted = (m: Matcher): Matcher => ({
    match(question, limit) {
      const results = m.match(question, limit)
      matches.push(decide(results).kind)
      return results
    },
  })
  ctx = { ...ctx, matcher: counted(matcher) }

  return {
    setCatalog(next, nextMatcher) {
      ctx = { catalog: next, matcher: counted(nextMatcher), idleSeconds }
    },
    run(job) {
      matches = []
      let warning: string | undefined
      let session: DialogSession | undefined
      if (job.stored !== undefined) {
        const known = kept.get(job.key)
        if (known !== undefined && known.json === job.stored) session = known.session
        else {
          try {
            const decoded = decodeSession(job.stored)
            if (isDialogSession(decoded)) {
              session = decoded
              keep(job.key, job.stored, decoded)
            } else warning = '存储的会话格式不对，已当作新会话'
          } catch {
            warning = '存储的会话无法解析，已当作新会话'
          }
        }
      }
      const turn = prepareTurn(defs, ctx, session, job.message)
      const base = { id: job.id, facts: turn.facts, ...(session && { state: session.state }), ...(warning && { warning }) }
      try {
        const result = turn.step()
        let write: string | undefined
        if (result.changed) {
          write = encodeSession(result.session)
          keep(job.key, write, result.session)
        }
        const outcome = { replies: result.replies, effects: result.effects, changed: result.changed, elder: result.session.elder === true, ...(write !== undefined && { write }) }
        return { ...base, outcome, matches }
      } catch (err) {
        kept.delete(job.key)
        return { ...base, stepError: err instanceof Error ? (err.stack ?? err.message) : String(err), matches }
      }
    },
  }
}
