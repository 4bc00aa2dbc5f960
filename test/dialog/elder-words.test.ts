/**
 * 长者模式 has its own wording for everything a resident reads: a message without an elder entry would switch an
 * elderly resident back to the long official words mid-conversation (walk changes and 已经办完了 used to).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadDialogsFromFiles } from '../../src/dialog/load.js'

/** Written into the 代办 ticket for staff, never shown to the resident. */
const STAFF_ONLY = new Set(['say.ticketNoteSpecial', 'say.ticketNoteUnchecked', 'say.ticketNoteUnlistedVillage', 'say.villageUnnamed'])

describe('dialogs/messages.yaml elder section', () => {
  it('has an entry for every message a resident reads', () => {
    const files = ['flow.yaml', 'vocabulary.yaml', 'messages.yaml'].map((n) => ({ path: `dialogs/${n}`, text: readFileSync(`dialogs/${n}`, 'utf8') }))
    const result = loadDialogsFromFiles(files)
    if (!result.ok) throw new Error('dialogs invalid')
    const m = result.definitions.messages
    const elder = (m.elder ?? {}) as Record<string, Record<string, unknown> | undefined>
    const missing: string[] = []
    for (const section of ['say', 'options', 'walk', 'checklist', 'answers', 'helpKinds'] as const) {
      for (const key of Object.keys(m[section])) {
        const name = `${section}.${key}`
        if (!STAFF_ONLY.has(name) && elder[section]?.[key] === undefined) missing.push(name)
      }
    }
    expect(missing).toEqual([])
  })
})

/** States whose texts are already as plain as 长者模式 needs (the checklist's 您打算怎么办 under its elder 告知单). */
const PLAIN_ALREADY = new Set(['checklist'])

describe('dialogs/flow.yaml elder texts', () => {
  it('every state a resident reads has an elder prompt (and reprompt, where it has one)', () => {
    const files = ['flow.yaml', 'vocabulary.yaml', 'messages.yaml'].map((n) => ({ path: `dialogs/${n}`, text: readFileSync(`dialogs/${n}`, 'utf8') }))
    const result = loadDialogsFromFiles(files)
    if (!result.ok) throw new Error('dialogs invalid')
    const missing: string[] = []
    for (const [name, state] of Object.entries(result.definitions.flow.states)) {
      if (PLAIN_ALREADY.has(name)) continue
      if (state.elder?.prompt === undefined) missing.push(`${name}.prompt`)
      if (state.reprompt !== undefined && state.elder?.reprompt === undefined) missing.push(`${name}.reprompt`)
    }
    expect(missing).toEqual([])
  })
})

describe('dialogs/flow.yaml elder option labels', () => {
  it('every numbered option a resident reads (but a bare 对 / 是 / 不是) has an elder label, and an elder unavailable where it has one', () => {
    const files = ['flow.yaml', 'vocabulary.yaml', 'messages.yaml'].map((n) => ({ path: `dialogs/${n}`, text: readFileSync(`dialogs/${n}`, 'utf8') }))
    const result = loadDialogsFromFiles(files)
    if (!result.ok) throw new Error('dialogs invalid')
    const missing: string[] = []
    for (const [name, state] of Object.entries(result.definitions.flow.states)) {
      for (const [i, o] of ('options' in state ? (state.options ?? []) : []).entries()) {
        if (o.label.length > 2 && o.elder?.label === undefined) missing.push(`${name}.options[${i}].label（${o.label}）`)
        if (o.unavailable !== undefined && o.elder?.unavailable === undefined) missing.push(`${name}.options[${i}].unavailable`)
      }
      if ('otherVillage' in state && state.otherVillage !== undefined && state.elder?.otherVillage === undefined) missing.push(`${name}.otherVillage`)
    }
    expect(missing).toEqual([])
  })
})
