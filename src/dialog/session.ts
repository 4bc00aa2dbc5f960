/**
 * What the dialog remembers about one resident between messages. Plain JSON (it is stored in Redis);
 * items are referred to by id so that a catalogue reload cannot leave a stale copy behind.
 */
import type { HelpKind } from '../catalog/types.js'

/** What the 代办 collection has gathered so far. */
export interface ProxyForm {
  name?: string
  phone?: string
  townId?: string
  villageId?: string
  /** The resident said the applicant is elderly, disabled or cannot travel: 特办 is offered. */
  special?: boolean
  help?: HelpKind
  delivery?: 'pickup' | 'mail'
  address?: string
}

/** Everything a step can change; a snapshot of it is what 返回 goes back to. */
export interface DialogData {
  state: string
  itemId?: string
  /** The item's name when chosen, to tell the resident which item vanished after a catalogue edit. */
  itemName?: string
  /** Candidate item ids while the resident chooses among them. */
  candidates?: string[]
  /** The resident's last free-text question, as typed. */
  asked?: string
  /** Situation question id → the option the resident chose. */
  answers: Record<string, string>
  /** Material name → prepared (true) or missing (false). Names, not positions: positions move when admins edit. */
  ready: Record<string, boolean>
  /** 全部列出 ended the walk early: materials never asked show as unchecked. */
  skipped?: boolean
  form: ProxyForm
  /** An item the resident asked about mid-flow, waiting for "switch?" to be answered. */
  switchTo?: string
  /** The state to go back to when the resident declines the switch. */
  resume?: string
}

export interface DialogSession extends DialogData {
  v: 1
  /** Milliseconds since the epoch of the last message: idle sessions expire. */
  lastAt: number
  /** Earlier states, newest last, for 返回 / 上一步. */
  history: DialogData[]
}

/** How many steps 返回 can undo; older ones are dropped to keep sessions small. */
export const HISTORY_DEPTH = 12

export function freshSession(start: string, now: number): DialogSession {
  return { v: 1, state: start, lastAt: now, answers: {}, ready: {}, form: {}, history: [] }
}

/**
 * A copy step() may change without touching its input: the mutable parts are copied, the history entries are
 * shared (they are never changed once written, only pushed and popped), which keeps a step cheap.
 */
export function workingCopy(s: DialogSession): DialogSession {
  return {
    ...s,
    answers: { ...s.answers },
    ready: { ...s.ready },
    form: { ...s.form },
    ...(s.candidates ? { candidates: [...s.candidates] } : {}),
    history: [...s.history],
  }
}

/** The part of a session that 返回 restores. */
export function snapshot(s: DialogSession): DialogData {
  const { v: _v, lastAt: _lastAt, history: _history, ...data } = s
  return {
    ...data,
    answers: { ...data.answers },
    ready: { ...data.ready },
    form: { ...data.form },
    ...(data.candidates ? { candidates: [...data.candidates] } : {}),
  }
}

/**
 * The session as stored: each history entry keeps only what differs from the entry after it (the newest from
 * the session itself). Consecutive steps differ by one answer or one material, so a long walk stores a few
 * hundred bytes of history instead of a dozen full copies: less to read, parse and write on every message.
 */
export interface PackedSession extends Omit<DialogSession, 'history'> {
  /** Deltas, oldest first, in the same order as DialogSession.history. */
  packedHistory: HistoryDelta[]
}

/** Changed fields (null: absent in the older entry); the record fields as their own changed keys. */
interface HistoryDelta {
  set?: Record<string, unknown>
  answers?: Record<string, string | null>
  ready?: Record<string, boolean | null>
  form?: Record<string, unknown>
}

const RECORDS = ['answers', 'ready', 'form'] as const

export function packSession(s: DialogSession): PackedSession {
  const { history, ...rest } = s
  const packedHistory: HistoryDelta[] = new Array(history.length)
  let newer: DialogData = s
  for (let i = history.length - 1; i >= 0; i--) {
    const older = history[i]!
    packedHistory[i] = delta(older, newer)
    newer = older
  }
  return { ...rest, packedHistory }
}

/** Undoes packSession; a value stored before packing (with `history`) passes through as it is. */
export function unpackSession(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || !Array.isArray((value as PackedSession).packedHistory)) return value
  const { packedHistory, ...rest } = value as PackedSession
  const history: DialogData[] = new Array(packedHistory.length)
  let newer: DialogData = rest
  for (let i = packedHistory.length - 1; i >= 0; i--) {
    newer = history[i] = applyDelta(newer, packedHistory[i]!)
  }
  return { ...rest, history }
}

function delta(older: DialogData, newer: DialogData): HistoryDelta {
  const d: HistoryDelta = {}
  const set: Record<string, unknown> = {}
  for (const key of new Set([...Object.keys(older), ...Object.keys(newer)])) {
    if (key === 'v' || key === 'lastAt' || key === 'history' || (RECORDS as readonly string[]).includes(key)) continue
    const a = (older as unknown as Record<string, unknown>)[key]
    const b = (newer as unknown as Record<string, unknown>)[key]
    if (!same(a, b)) set[key] = a === undefined ? null : a
  }
  if (Object.keys(set).length > 0) d.set = set
  for (const record of RECORDS) {
    const changes = recordDelta(older[record] as Record<string, unknown>, newer[record] as Record<string, unknown>)
    if (changes) (d as Record<string, unknown>)[record] = changes
  }
  return d
}

/** Session fields are strings, numbers, booleans or (candidates) arrays of strings. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i])
}

function recordDelta(older: Record<string, unknown>, newer: Record<string, unknown>): Record<string, unknown> | undefined {
  // A key holding undefined is absent once stored as JSON, so both count as absent (null in the delta).
  let changes: Record<string, unknown> | undefined
  for (const key of Object.keys(older)) if (older[key] !== newer[key]) (changes ??= {})[key] = older[key] ?? null
  for (const key of Object.keys(newer)) {
    if (older[key] === undefined && newer[key] !== undefined) (changes ??= {})[key] = null
  }
  return changes
}

function applyDelta(newer: DialogData, d: HistoryDelta): DialogData {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(newer)) {
    if (key !== 'v' && key !== 'lastAt' && key !== 'history' && key !== 'packedHistory') out[key] = value
  }
  for (const [key, value] of Object.entries(d.set ?? {})) {
    if (value === null) delete out[key]
    else out[key] = value
  }
  for (const record of RECORDS) {
    const base = { ...(newer[record] as Record<string, unknown>) }
    for (const [key, value] of Object.entries(d[record] ?? {})) {
      if (value === null) delete base[key]
      else base[key] = value
    }
    out[record] = base
  }
  return out as unknown as DialogData
}

/** A stored value that is not a session of this version (older format, corruption) is treated as none. */
export function isDialogSession(value: unknown): value is DialogSession {
  if (value === null || typeof value !== 'object') return false
  const s = value as Partial<DialogSession>
  return (
    s.v === 1 &&
    typeof s.state === 'string' &&
    typeof s.lastAt === 'number' &&
    Array.isArray(s.history) &&
    typeof s.answers === 'object' &&
    typeof s.ready === 'object' &&
    typeof s.form === 'object'
  )
}
