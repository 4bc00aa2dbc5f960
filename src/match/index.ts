/**
 * The matcher: normalize → find terms through the lexicon (the index) → score the items they point
 * at → let fuse.js compare the question with the few best candidates' texts. Pure: no I/O, no clock.
 */
import Fuse from 'fuse.js'
import type { Catalog } from '../catalog/types.js'
import { buildLexicon, type Lexicon } from './lexicon.js'
import { createNormalizer, type Unit } from './normalize.js'
import { findOccurrences, type Occurrence } from './occurrences.js'
import { createScratch, scoreItems } from './score.js'
import type { Matcher, MatchResult } from './types.js'

export type { Matcher, MatchResult } from './types.js'
export { decide } from './decide.js'

/** Below this confidence a question is outside the catalogue. */
export const MIN_SCORE = 0.48
/** How many index candidates fuse.js looks at. */
const FUSE_CANDIDATES = 6
/** Longest pattern given to fuse.js: its bitap search grows with pattern length. */
const FUSE_PATTERN = 12
/** Share of the final score that comes from fuse.js's text similarity. */
const FUSE_SHARE = 0.1

/** Builds a matcher for one catalogue version (index build: tens of ms for real catalogues). */
export function buildMatcher(catalog: Catalog): Matcher {
  const lexicon = buildLexicon(catalog)
  const normalizer = createNormalizer(catalog.words.fillers, (s) => lexicon.surfaces.has(s))
  const scratch = createScratch(lexicon)
  const names = catalog.items.map((item) => item.name)

  return {
    match(question, limit = 5) {
      const segments = normalizer.units(question)
      const units = segments.flat()
      const found = findOccurrences(lexicon, segments)
      const scored = scoreItems(lexicon, scratch, found, neutralUnits(lexicon, units, found))
        .sort((a, b) => b.confidence - a.confidence || a.item - b.item)
        .slice(0, FUSE_CANDIDATES)
      if (!scored.length || scored[0]!.confidence < MIN_SCORE * 0.8) return []

      // fuse.js compares the words that mattered (not the whole rambling question) with the names.
      const fuse = new Fuse(scored.map((s) => names[s.item]!), { includeScore: true, ignoreLocation: true, threshold: 1 })
      const similarity = new Map<number, number>()
      for (const r of fuse.search(meaningfulText(units, found))) similarity.set(r.refIndex, 1 - (r.score ?? 1))

      const results: MatchResult[] = scored
        .map((s, i) => ({
          item: lexicon.items[s.item]!,
          score: round(s.confidence * (1 - FUSE_SHARE + FUSE_SHARE * (similarity.get(i) ?? 0))),
        }))
        .filter((r) => r.score >= MIN_SCORE)
        .sort((a, b) => b.score - a.score)
      return results.slice(0, limit)
    },
  }
}

/** Units that say nothing about which item is meant: 泛词 characters and generic terms. */
function neutralUnits(lexicon: Lexicon, units: Unit[], found: Occurrence[]): Uint8Array {
  const neutral = new Uint8Array(units.length)
  units.forEach((u, i) => {
    if (u.text !== undefined && lexicon.neutralChars.has(u.text)) neutral[i] = 1
  })
  for (const o of found) if (lexicon.generic.has(o.term)) neutral.fill(1, o.start, o.end)
  // Typed pinyin has no characters to compare: look its fillers up by sound (zen me, ban), longest first.
  for (let i = 0; i < units.length; i++) {
    if (units[i]!.text !== undefined) continue
    for (let len = Math.min(4, units.length - i); len >= 1; len--) {
      const window = units.slice(i, i + len)
      if (window.some((u) => u.text !== undefined)) continue
      if (lexicon.neutralSyllables.has(window.map((u) => u.syllable).join(' '))) {
        neutral.fill(1, i, i + len)
        i += len - 1
        break
      }
    }
  }
  return neutral
}

/** The question's characters that some term covered, in order, at most FUSE_PATTERN long. */
function meaningfulText(units: Unit[], found: Occurrence[]): string {
  const covered = new Uint8Array(units.length)
  for (const o of found) covered.fill(1, o.start, o.end)
  let text = ''
  for (let i = 0; i < units.length && text.length < FUSE_PATTERN; i++) if (covered[i]) text += units[i]!.text ?? ''
  return text.slice(0, FUSE_PATTERN)
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
