/**
 * Finds the lexicon's terms in a question: exactly, by sound (homophones and pinyin input), and
 * with one wrong character. Each find records where it is, so overlapping finds can be told apart.
 */
import type { Lexicon } from './lexicon.js'
import type { Unit } from './normalize.js'

export interface Occurrence {
  term: string
  /** Unit positions [start, end) across the whole question. */
  start: number
  end: number
  /** 1 for an exact find; less for a find by sound or with a wrong character. */
  quality: number
  /** Characters of the term itself, when it was found spread over a longer span. */
  length?: number
}

const SOUND_QUALITY = 0.8
/** Typed as pinyin on purpose: not a typo, so barely discounted. */
const PINYIN_QUALITY = 0.92
const ONE_OFF_QUALITY = 0.7
/** A two-character term split by a measure word or two (砍几棵树, 盖个章). */
const GAPPED_QUALITY = 0.75
const MAX_GAP = 2

/** All terms found in the question's segments. */
export function findOccurrences(lexicon: Lexicon, segments: Unit[][]): Occurrence[] {
  const found: Occurrence[] = []
  const exactSpans = new Set<string>()
  let offset = 0
  for (const units of segments) {
    const n = units.length
    for (let i = 0; i < n; i++) {
      // Exact: characters as typed.
      let text = ''
      for (let j = i; j < n; j++) {
        const t = units[j]!.text
        if (t === undefined) break
        text += t
        if (!lexicon.prefixes.has(text)) break
        if (text.length < 2) continue
        const term = lexicon.surfaces.get(text)
        if (term) {
          found.push({ term, start: offset + i, end: offset + j + 1, quality: 1 })
          exactSpans.add(`${offset + i}:${offset + j + 1}:${term}`)
        }
      }
      // By sound: toneless syllables, up to six.
      let key = ''
      let typed = true
      for (let j = i; j < n && j - i < 6; j++) {
        key += (j > i ? ' ' : '') + units[j]!.syllable
        if (units[j]!.text !== undefined) typed = false
        if (j === i) continue
        for (const surface of lexicon.homophones.get(key) ?? []) {
          const term = lexicon.surfaces.get(surface)!
          if (exactSpans.has(`${offset + i}:${offset + j + 1}:${term}`)) continue
          found.push({ term, start: offset + i, end: offset + j + 1, quality: typed ? PINYIN_QUALITY : SOUND_QUALITY })
        }
      }
    }
    // Split: the two characters of a term with one or two others between them.
    for (let i = 0; i < n; i++) {
      const second = units[i]!.text === undefined ? undefined : lexicon.pairs.get(units[i]!.text!)
      if (!second) continue
      for (let gap = 1; gap <= MAX_GAP && i + gap + 1 < n; gap++) {
        // Only measure words and the like may sit in between (砍几棵树), not content (转过来).
        if (!lexicon.neutralChars.has(units[i + gap]!.text ?? '')) break
        const surface = second.get(units[i + gap + 1]!.text ?? '')
        if (surface) found.push({ term: lexicon.surfaces.get(surface)!, start: offset + i, end: offset + i + gap + 2, quality: GAPPED_QUALITY, length: 2 })
      }
    }
    // One wrong character: windows of 4 to 8 Han characters (single-character units only).
    const chars = units.map((u) => (u.text !== undefined && u.text.length === 1 ? u.text : '\u0000')).join('')
    for (let i = 0; i < n; i++) {
      for (let len = 4; len <= 8 && i + len <= n; len++) {
        const window = chars.slice(i, i + len)
        if (window.includes('\u0000')) break
        for (let p = 0; p < len; p++) {
          const key = window.slice(0, p) + '?' + window.slice(p + 1)
          for (const surface of lexicon.oneOff.get(key) ?? []) {
            const term = lexicon.surfaces.get(surface)!
            if (exactSpans.has(`${offset + i}:${offset + i + len}:${term}`)) continue
            found.push({ term, start: offset + i, end: offset + i + len, quality: ONE_OFF_QUALITY })
          }
        }
      }
    }
    offset += n
  }
  return found
}
