/**
 * The shortcuts answeredMentions takes before looking through the catalogue's materials must never change what a
 * reply is read to say: every reply is read with them and without them (mayAnswer made to say yes), and the two
 * readings must be the same.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { Catalog, Material } from '../../src/catalog/types.js'
import { loadDialogsFromFiles } from '../../src/dialog/load.js'
import { mayAnswer, namesHoldingPairsOf } from '../../src/dialog/material-index.js'
import { namedAnswers } from '../../src/dialog/material-words.js'
import { comparableFixed, read, type CompiledVocabulary } from '../../src/dialog/text.js'
import { realCatalog } from '../match/real-catalog.js'

const shortcut = vi.hoisted(() => ({ off: false }))
vi.mock('../../src/dialog/material-index.js', async (original) => {
  const actual = await original<typeof import('../../src/dialog/material-index.js')>()
  return { ...actual, mayAnswer: (...args: Parameters<typeof actual.mayAnswer>) => shortcut.off || actual.mayAnswer(...args) }
})

let catalog: Catalog
let vocab: CompiledVocabulary
let materials: Material[]
let names: string[]

beforeAll(async () => {
  catalog = (await realCatalog()).catalog
  const files = ['flow.yaml', 'vocabulary.yaml', 'messages.yaml'].map((n) => ({ path: `dialogs/${n}`, text: readFileSync(`dialogs/${n}`, 'utf8') }))
  const loaded = loadDialogsFromFiles(files)
  if (!loaded.ok) throw new Error('dialogs invalid')
  vocab = loaded.definitions.vocab
  materials = [...new Map(catalog.items.flatMap((i) => i.materials).map((m) => [m.name, m])).values()]
  names = materials.map((m) => comparableFixed(m.name))
})

/** As answeredMentions asks it: what the compared form dropped at the end (the 了 of 丢了) passed along. */
function may(text: string): boolean {
  const r = read(text, vocab)
  const tail = r.full.startsWith(r.plain) ? r.full.slice(r.plain.length) : ''
  return mayAnswer(r.plain, tail, names, vocab, catalog.synonyms)
}

/** What namedAnswers reads in `text` at the item named `itemName`, with the shortcuts or without. */
function reading(text: string, own: ReadonlySet<Material>, off: boolean, itemName: string): string {
  shortcut.off = off
  try {
    const list = [...own, ...materials.filter((m) => !own.has(m))]
    return JSON.stringify([...namedAnswers(read(text, vocab), list, vocab, catalog.synonyms, own, undefined, itemName)].map(([m, a]) => [m.name, a]))
  } finally {
    shortcut.off = false
  }
}

describe('mayAnswer', () => {
  it('lets a new question with no answer in it skip the search', () => {
    for (const q of ['怎么申请低保', '失业保险金怎么领', '居住证怎么办']) expect(may(q), q).toBe(false)
    // And the comparison below does read it in full when the shortcut is off.
    shortcut.off = true
    expect(may('怎么申请低保')).toBe(true)
    shortcut.off = false
  })

  it('keeps replies that may answer, however their answer is said', () => {
    // 没 … 有 joined once the name between them is taken out; 有 all that is left of its clause; 在俺儿那; pinyin.
    for (const q of ['户口本丢了', '身份证有户口本没有', '没身份证有', '有户口本', '户口本在俺儿那', '结婚证找着了', 'meiyou']) {
      expect(may(q), q).toBe(true)
    }
  })

  it('never changes what a reply is read to say', () => {
    const texts = new Set<string>()
    for (const file of readdirSync('test/fixtures').filter((f) => f.startsWith('holdout')).slice(0, 3)) {
      for (const line of readFileSync(`test/fixtures/${file}`, 'utf8').split('\n').slice(1)) if (line) texts.add(line.split('\t')[0]!)
    }
    const words = [...vocab.yes, ...vocab.no, ...vocab.missing, ...vocab.found, ...vocab.notAfterAll, ...vocab.present]
    for (const w of words) for (const t of [`户口本${w}`, `${w}户口本`, `俺的身份证${w}了`, `没身份证${w}`]) texts.add(t)
    // An answer word split by a name (齐户口本了, yo身份证u): taking the name out joins it again.
    for (const w of words.filter((w) => w.length >= 2)) for (const name of ['户口本', '身份证']) texts.add(`${w.slice(0, 1)}${name}${w.slice(1)}`)
    let answered = 0
    for (const item of catalog.items.filter((_, i) => i % 8 === 0)) {
      const own = new Set(item.materials)
      for (const text of texts) {
        const thorough = reading(text, own, true, item.name)
        if (thorough !== '[]') answered++
        expect(reading(text, own, false, item.name), `${text} @ ${item.name}`).toBe(thorough)
      }
    }
    // The corpus holds replies that do answer, or the comparison would prove nothing.
    expect(answered).toBeGreaterThan(500)
    // Thousands of readings, twice: about 5 s alone, over 20 s while the other files run beside it on two cores.
  }, 60_000)
})

describe('namesHoldingPairsOf', () => {
  it('finds the names holding two characters in a row of the reply, and only those', () => {
    const holding = namesHoldingPairsOf('户口簿丢了', names)
    expect(holding.size).toBeGreaterThan(0)
    for (const name of names) expect(holding.has(name), name).toBe(['户口', '口簿', '簿丢', '丢了'].some((p) => name.includes(p)))
  })
})
