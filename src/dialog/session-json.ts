/**
 * A session as JSON, written once per message. Its 返回 history holds up to HISTORY_DEPTH earlier states, and
 * neighbouring states differ in a field or two (one answer, one material ticked): stored whole, the history was
 * nine tenths of a session's size. So each entry is stored as what differs from the state after it (the next
 * entry, or the current state for the newest), under `historyDiff`:
 *   {"state": "materials", "ready": {…}, "-": ["switchTo"]}
 * lists the fields whose value differs, and under "-" those the entry does not have. An entry's diff never changes
 * once the entry after it exists (entries are never changed, only pushed, shifted off and popped), so it is kept
 * with the entry and a message works out one or two. decodeSession reads this and sessions stored whole.
 */
import { isDialogSession, type DialogData, type DialogSession } from './session.js'

/** Fields of a session that are not part of a step, so never part of a history entry. */
const NOT_STEP = new Set(['v', 'lastAt', 'history', 'elder', 'misses'])
const ABSENT = '-'

/**
 * An entry's diff as last written or read, with the state it was taken against: an entry's diff is the same as long
 * as the state after it is, so most of a message's encoding is reusing them. Kept on the entry itself, under a hidden
 * key that JSON, spreads and comparisons do not see (a WeakMap's upkeep cost more than it saved). Entries read back
 * keep the diff they were read with, still to be written out as JSON.
 */
const DIFF = Symbol('diff')
interface KnownDiff {
  base: object
  json?: string
  read?: unknown
}
type WithDiff = { [DIFF]?: KnownDiff }

export function encodeSession(value: unknown): string {
  if (!isDialogSession(value)) return JSON.stringify(value)
  const { history, ...current } = value
  const head = JSON.stringify(current)
  if (history.length === 0) return `${head.slice(0, -1)},"history":[]}`
  let entries = ''
  for (let i = 0; i < history.length; i++) {
    const entry = history[i]! as DialogData & WithDiff
    const base: object = history[i + 1] ?? value
    let known = entry[DIFF]
    if (known === undefined || known.base !== base) {
      known = { base, json: JSON.stringify(diff(entry, base as Record<string, unknown>)) }
      keep(entry, known)
    }
    const json = (known.json ??= JSON.stringify(known.read))
    entries += i === 0 ? json : `,${json}`
  }
  return `${head.slice(0, -1)},"history":[],"historyDiff":[${entries}]}`
}

/** The session (or other value) encodeSession wrote, or a session stored whole; JSON.parse's result otherwise. */
export function decodeSession(json: string): unknown {
  const value = JSON.parse(json) as unknown
  if (!isDialogSession(value)) return value
  const stored = value as DialogSession & { historyDiff?: unknown }
  const { historyDiff } = stored
  if (!Array.isArray(historyDiff)) return value
  delete stored.historyDiff
  const history: DialogData[] = new Array(historyDiff.length)
  let base: Record<string, unknown> = stepOf(stored)
  for (let i = historyDiff.length - 1; i >= 0; i--) {
    const read = historyDiff[i] as Record<string, unknown>
    const entry = applyDiff(base, read)
    history[i] = entry as unknown as DialogData
    // The newest entry's diff is against the current state, which the step about to run is likely to change.
    if (i < historyDiff.length - 1) keep(entry, { base, read })
    base = entry
  }
  stored.history = history
  return stored
}

function keep(entry: object, known: KnownDiff): void {
  // A frozen (or sealed) entry takes no new key, nor a new value: its diff is worked out each time, as with the
  // WeakMap before.
  const own = Object.getOwnPropertyDescriptor(entry, DIFF)
  if (own === undefined ? !Object.isExtensible(entry) : own.writable !== true) return
  if (own !== undefined) (entry as WithDiff)[DIFF] = known
  else Object.defineProperty(entry, DIFF, { value: known, writable: true })
}

function stepOf(session: DialogSession): Record<string, unknown> {
  const step: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(session)) if (!NOT_STEP.has(k) && v !== undefined) step[k] = v
  return step
}

/** What `entry` has that `base` has not (or has otherwise), and under "-" what `base` has that `entry` has not. */
function diff(entry: DialogData, base: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const e = entry as unknown as Record<string, unknown>
  // for…in rather than Object.entries: this runs twice per message, and the pairs' arrays were most of its cost.
  for (const k in e) {
    const v = e[k]
    if (v !== undefined && !sameJson(v, base[k])) out[k] = v
  }
  let absent: string[] | undefined
  for (const k in base) {
    if (base[k] !== undefined && !NOT_STEP.has(k) && e[k] === undefined) (absent ??= []).push(k)
  }
  if (absent) out[ABSENT] = absent
  return out
}

function applyDiff(base: Record<string, unknown>, d: Record<string, unknown>): Record<string, unknown> {
  const entry: Record<string, unknown> = { ...base }
  for (const [k, v] of Object.entries(d)) if (k !== ABSENT) entry[k] = v
  const absent = d[ABSENT]
  if (Array.isArray(absent)) for (const k of absent) delete entry[k as string]
  return entry
}

/** Equal as JSON: the fields are strings, numbers, booleans, string arrays and flat records of them. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  // Keys walked in step: keys in another order count as a difference, harmless (the field is then stored in the
  // diff) and cheaper than sorting; no key arrays are built, as this runs for every field of two states a message.
  const kb: string[] = []
  for (const k in rb) if (rb[k] !== undefined) kb.push(k)
  let i = 0
  for (const k in ra) {
    if (ra[k] === undefined) continue
    if (kb[i] !== k || !sameJson(ra[k], rb[k])) return false
    i++
  }
  return i === kb.length
}
