/**
 * Asking for a reissue (补办): a resident says a thing is lost (丢, 遗失) or asks to have it again (补, 补领). The thing
 * is the words next to that: 出生医学证明 in 出生医学证明丢了咋补. Shared by the index (an item's phrasings) and the
 * question, so both read the same thing as lost.
 */

import type { Span } from './score.js'

/**
 * A word holding a request verb (报户口, 上户口, 落户, 办证) says what the resident wants done: it never belongs to the
 * lost thing's name, even typed right against it (孩子报户口出生证明丢了 loses the 出生证明, not the 报户口).
 */
const REQUEST_VERB = /[办领补报落上申开迁换交缴查]/u

/** Whether `w`, touching or overlapping the thing's edge, is part of its name (独生子女 before 光荣证): not when it or a word over it holds a request verb (户口 inside 报户口). */
function joins(w: Span & { term?: string }, words: readonly (Span & { term?: string })[]): boolean {
  const verb = (v: Span & { term?: string }) => v.term !== undefined && REQUEST_VERB.test(v.term)
  return !verb(w) && !words.some((v) => verb(v) && overlaps(v, w))
}

/**
 * The thing a reissue word at `at` is about: the specific word right before it (身份证丢了) or else right after it
 * (补个结婚证), with only `gap` units (个, 的, 也) in between, grown over the words that touch it on its far side
 * (独生子女 + 光荣证 is one certificate) unless they hold a request verb. Undefined when no word is that close: 能再给补点 asks for more money, no
 * certificate. `clause` bounds the search (the whole text when absent).
 */
export function lostThing(at: Span, words: readonly (Span & { term?: string })[], gap: (u: number) => boolean, clause?: Span): Span | undefined {
  const inside = clause ? words.filter((w) => w.start >= clause.start && w.end <= clause.end) : words
  let edge = at.start
  while (!inside.some((w) => w.end === edge) && edge > (clause?.start ?? 0) && gap(edge - 1)) edge--
  if (inside.some((w) => w.end === edge && w.end <= at.start)) {
    let start = edge
    // Words that reach the thing from further away are part of its name (独生子女 before 光荣证).
    for (let grown = true; grown; ) {
      grown = false
      for (const w of inside) if (w.start < start && w.end >= start && joins(w, inside)) (start = w.start), (grown = true)
    }
    return { start, end: edge }
  }
  edge = at.end
  const last = clause?.end ?? Infinity
  while (!inside.some((w) => w.start === edge) && edge < last && gap(edge)) edge++
  if (!inside.some((w) => w.start === edge && w.start >= at.end)) return undefined
  let end = edge
  for (let grown = true; grown; ) {
    grown = false
    for (const w of inside) if (w.end > end && w.start <= end && joins(w, inside)) (end = w.end), (grown = true)
  }
  return { start: edge, end }
}

/** Positions of the single-character reissue words (补, 丢) in `chars` that no word in `words` covers (补 in 补贴 is not 补). */
export function looseAt(chars: readonly (string | undefined)[], single: ReadonlySet<string>, words: readonly Span[]): number[] {
  const at: number[] = []
  chars.forEach((ch, u) => {
    if (ch !== undefined && single.has(ch) && !words.some((w) => w.start <= u && u < w.end)) at.push(u)
  })
  return at
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end
}
