/**
 * What the dialog remembers about one resident between messages. Plain JSON (it is stored in Redis);
 * items are referred to by id so that a catalogue reload cannot leave a stale copy behind.
 */
import type { HelpKind } from '../catalog/types.js'

/** What the 代办 collection has gathered so far. */
export interface ProxyForm {
  name?: string
  phone?: string
  /** A landline typed at the phone step: a mobile is asked for; typed again (or 没有手机) it is taken as the phone. */
  landline?: string
  townId?: string
  villageId?: string
  /** A village the network does not list (the resident typed it, or '' when they only said it is not listed). */
  unlistedVillage?: string
  /** The resident picked "another village" and is asked to type its name. */
  namingVillage?: true
  /** Villages of the same name in different towns (南岭村), while the resident is asked which one. */
  choices?: string[]
  /**
   * A village typed after the town was chosen (townId) that is not one of its listed villages but another town's
   * (西山村 at 坊前镇): its name, while `choices` holds the other towns' villages of that name and a last option
   * keeps the chosen town, the village as one not on the list. The town is never moved without asking.
   */
  notInTown?: string
  /** A village named at the town question that no list has (后沟村): kept while its town is asked, then taken as that town's. */
  villageAsked?: string
  /** The resident said the applicant is elderly, disabled or cannot travel: 特办 is offered. */
  special?: boolean
  help?: HelpKind
  delivery?: 'pickup' | 'mail'
  address?: string
  /** Set when the resident said one field was wrong at the summary: once it is given again, back to this state. */
  returnTo?: string
  /**
   * A step not asked because the first question already answered it (an option's `said`), and the step asked
   * instead: 返回 there asks it. See form-presumed.ts.
   */
  presumed?: { step: string; at: string }
  /** Steps the resident went back to answer themselves: not taken from the question again. */
  notPresumed?: string[]
  /**
   * The resident chose 重新填写 (do: clearForm): every step is asked again, none taken from the first question
   * (form-presumed.ts).
   */
  refilled?: true
}

/**
 * An item's walk left unfinished for another item (俺还想问问老年证咋办 · 1): its answers, picked up again when the
 * resident comes back to it (see parked-walks.ts). Never changed in place.
 */
export interface ParkedWalk {
  itemId: string
  answers: Record<string, string>
  ready: Record<string, boolean>
  /** walkStamp() of the item when it was left: an item edited since starts over. */
  walkStamp?: string
}

/** How many walks left unfinished are kept (the oldest is dropped); the session's expiry bounds the rest. */
export const PARKED_MAX = 3

/** Everything a step can change; a snapshot of it is what 返回 goes back to. */
export interface DialogData {
  state: string
  itemId?: string
  /** The item's name when chosen, to tell the resident which item vanished after a catalogue edit. */
  itemName?: string
  /** Candidate item ids while the resident chooses among them. */
  candidates?: string[]
  /**
   * The other items the matcher found for the question that led to the item at hand (ids, best first; a few at
   * most): offered if the resident says the item is wrong. Ids only, the session is stored every message. Replaced,
   * never changed in place.
   */
  alternatives?: string[]
  /** The resident's last free-text question, as typed. */
  asked?: string
  /** Situation question id → the option the resident chose. */
  answers: Record<string, string>
  /** Material name → prepared (true) or missing (false). Names, not positions: positions move when admins edit. */
  ready: Record<string, boolean>
  /** The item was taken from a clear question without 对吗: until the first answer, 不对 means the wrong item. */
  unconfirmed?: true
  /** 全部列出 ended the walk early: materials never asked show as unchecked. */
  skipped?: boolean
  /**
   * walkStamp() of the item when its walk began: a different stamp later means an admin edited its materials or
   * questions mid-walk, and the walk starts over. Missing in sessions stored before it existed (never restarted).
   */
  walkStamp?: string
  form: ProxyForm
  /**
   * Situation questions (ids) not taken from the resident's question: it closed the case (院子里的树 → 不用办) and the
   * resident said 返回 to answer it themselves, so the walk asks it.
   */
  notPresumed?: string[]
  /**
   * A town the resident named earlier (in a question, or asking where to apply): the 代办 form starts from it rather
   * than asking again. Kept across items: it is where the resident lives, not part of an item.
   */
  namedTown?: string
  /** Walks of other items left unfinished, oldest first (at most PARKED_MAX). */
  parked?: ParkedWalk[]
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
  /** The resident chose 长者模式 (plainer words). A preference, not a step: 返回 and 重新开始 keep it. */
  elder?: true
  /**
   * Replies in a row the current step could not use (it asked its question again). Not part of a step: any reply
   * it understands, a command or 返回 starts the count over.
   */
  misses?: number
}

/** How many steps 返回 can undo; older ones are dropped to keep sessions small. */
export const HISTORY_DEPTH = 12

export function freshSession(start: string, now: number): DialogSession {
  return { v: 1, state: start, lastAt: now, answers: {}, ready: {}, form: {}, history: [] }
}

/**
 * A copy step() may change without touching its input: the mutable parts are copied, the history entries are
 * shared (they are never changed once written, only pushed and popped), which keeps a step cheap. step() never
 * changes the session it is given: a store may hand the same object to the next turn.
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
  const { v: _v, lastAt: _lastAt, history: _history, elder: _elder, misses: _misses, ...data } = s
  return copyData(data)
}

/** A copy of `data` whose parts can be changed without touching the original. */
export function copyData(data: DialogData): DialogData {
  return {
    ...data,
    answers: { ...data.answers },
    ready: { ...data.ready },
    form: { ...data.form },
    ...(data.candidates ? { candidates: [...data.candidates] } : {}),
  }
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

/**
 * Whether the result comes back to the door: 特办 is door to door, and a 代办 for someone who cannot go out is done
 * start to finish by the agent, who brings it too. 领办 and 帮办 go with the resident, who picks it up.
 */
export function deliversToDoor(form: ProxyForm): boolean {
  return form.help === '特办' || (form.help === '代办' && form.special === true)
}
