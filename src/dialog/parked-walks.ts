/**
 * Walks left unfinished for another item (低保 · 1 · 2 · 俺还想问问老年证咋办 · 1): the answers given so far are kept in
 * the session (DialogData.parked, a few items at most; the session's expiry drops the rest) and, when the resident
 * comes back to the item, its walk goes on where they were, said in one line (walk.resumed, with how to start over).
 */
import type { CatalogItem } from '../catalog/types.js'
import { nextStep, walkStamp } from './materials.js'
import { PARKED_MAX, type DialogSession, type ParkedWalk } from './session.js'

/**
 * Keeps the walk of `item` (the one being left for another) when it has answers and something still to ask. A walk
 * finished (or skipped to its end with 全部列出) is not kept: its checklist was shown.
 */
export function parkWalk(s: DialogSession, item: CatalogItem): void {
  const answered = Object.keys(s.answers).length + Object.keys(s.ready).length
  const others = (s.parked ?? []).filter((p) => p.itemId !== item.id)
  if (answered === 0 || s.skipped === true || nextStep(item, s) === undefined) {
    if (others.length !== (s.parked?.length ?? 0)) s.parked = others.length > 0 ? others : undefined
    return
  }
  const entry: ParkedWalk = {
    itemId: item.id,
    answers: { ...s.answers },
    ready: { ...s.ready },
    ...(s.walkStamp !== undefined && { walkStamp: s.walkStamp }),
  }
  s.parked = [...others, entry].slice(-PARKED_MAX)
}

/**
 * Entering the walk of `item` with nothing answered yet: the answers kept for it, put back (and no longer kept
 * apart). Returns how many answers came back, or undefined when none were kept (or the item was edited since, which
 * starts its walk over).
 */
export function resumeParked(s: DialogSession, item: CatalogItem): number | undefined {
  const entry = s.parked?.find((p) => p.itemId === item.id)
  if (entry === undefined) return undefined
  const rest = s.parked!.filter((p) => p !== entry)
  s.parked = rest.length > 0 ? rest : undefined
  if (Object.keys(s.answers).length + Object.keys(s.ready).length > 0) return undefined
  if (entry.walkStamp !== undefined && entry.walkStamp !== walkStamp(item)) return undefined
  s.answers = { ...entry.answers }
  s.ready = { ...entry.ready }
  return Object.keys(entry.answers).length + Object.keys(entry.ready).length
}
