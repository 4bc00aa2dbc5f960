/**
 * Collects the index's postings while a lexicon is built: which items each term points at, with a field weight
 * for each. A province-sized catalogue credits millions of (item, term) pairs, among them a term of its own for
 * nearly every item (its whole name): one growing log for all of them, sorted by term once at the end, costs far
 * less than a growing array per term.
 */

/** Items a term points at, with the field weight for each (parallel arrays: compact at 30,000 items). */
export interface Postings {
  items: Int32Array
  weights: Float32Array
}

export interface PostingsBuilder {
  /** Credits item `item` with term `term` (ids). Items come in ascending order; an item credited twice keeps its higher weight. */
  credit(item: number, term: number, weight: number): void
  /** Whether `item` (the one being credited now) already has `term`. */
  has(item: number, term: number): boolean
  /** Each term's postings, by term id, items ascending; undefined for a term never credited. */
  finish(termCount: number): (Postings | undefined)[]
}

export function createPostingsBuilder(): PostingsBuilder {
  // The log, in the order credited.
  let terms = new Int32Array(1 << 16)
  let items = new Int32Array(1 << 16)
  let weights = new Float64Array(1 << 16)
  let length = 0
  // By term: the last item credited with it and where in the log (-1: none yet).
  let lastItem = new Int32Array(1 << 12).fill(-1)
  let lastAt = new Int32Array(1 << 12)

  const growLog = () => {
    const grown = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2)
      b.set(a)
      return b
    }
    terms = grown(terms)
    items = grown(items)
    const w = new Float64Array(weights.length * 2)
    w.set(weights)
    weights = w
  }
  const growTerms = (term: number) => {
    let size = lastItem.length
    while (size <= term) size *= 2
    const item = new Int32Array(size).fill(-1)
    item.set(lastItem)
    const at = new Int32Array(size)
    at.set(lastAt)
    lastItem = item
    lastAt = at
  }

  return {
    credit(item, term, weight) {
      if (term >= lastItem.length) growTerms(term)
      if (lastItem[term] === item) {
        const at = lastAt[term]!
        weights[at] = Math.max(weights[at]!, weight)
        return
      }
      if (length === terms.length) growLog()
      terms[length] = term
      items[length] = item
      weights[length] = weight
      lastItem[term] = item
      lastAt[term] = length++
    },
    has(item, term) {
      return term < lastItem.length && lastItem[term] === item
    },
    finish(termCount) {
      // Counting sort by term, stable, so each term's items stay ascending. All postings are views of one buffer.
      const start = new Int32Array(termCount + 1)
      for (let k = 0; k < length; k++) start[terms[k]! + 1]!++
      for (let t = 0; t < termCount; t++) start[t + 1]! += start[t]!
      const next = start.slice(0, termCount)
      const allItems = new Int32Array(length)
      const allWeights = new Float32Array(length)
      for (let k = 0; k < length; k++) {
        const at = next[terms[k]!]!++
        allItems[at] = items[k]!
        allWeights[at] = weights[k]!
      }
      const postings: (Postings | undefined)[] = []
      for (let t = 0; t < termCount; t++) {
        postings.push(
          start[t] === start[t + 1] ? undefined : { items: allItems.subarray(start[t], start[t + 1]), weights: allWeights.subarray(start[t], start[t + 1]) },
        )
      }
      return postings
    },
  }
}
