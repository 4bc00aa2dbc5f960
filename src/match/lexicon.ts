/**
 * The index built from one catalogue version: which terms point at which items and how much each
 * says. Terms come from item names, keywords, phrasings (segmented) and the synonyms file; a
 * synonym's every variant points at its standard word, so 低保 and 最低生活保障 are one term.
 */
import type { Catalog, CatalogItem } from '../catalog/types.js'
import { matchableText as normalizeText } from './normalize.js'
import { wordSyllables } from './pinyin.js'
import { segmenter } from './segment.js'

/** How much a term found in each field of an item tells about that item. */
const FIELD_WEIGHT = { name: 1, keyword: 0.9, phrasing: 0.25 } as const
/**
 * A term that belongs to another item (in its name, or for phrasings also in its keywords) says
 * less where it is only borrowed: 合作社 in a trademark phrasing, 低保 as a keyword of 医疗救助.
 */
const BORROWED = 0.5
/** Longer texts are not typed whole by residents; their segments are terms instead. */
const MAX_SURFACE = 16

/** Items a term points at, with the field weight for each (parallel arrays: compact at 30,000 items). */
export interface Postings {
  items: Int32Array
  weights: Float32Array
}

export interface Lexicon {
  items: CatalogItem[]
  /** Written form → the term it stands for (itself, or a synonym's standard word). */
  surfaces: Map<string, string>
  /** Every prefix of every surface: lets a scan stop as soon as no surface can start here. */
  prefixes: Set<string>
  postings: Map<string, Postings>
  /** Terms from the 泛词 list: they neither prove an item nor count against one. */
  generic: Set<string>
  /** Single characters from the 泛词 list (想, 要, 个 …): ignored when judging how much of a question an item explains. */
  neutralChars: Set<string>
  /** How specific each term is: rarer across items and longer means more telling. */
  specificity: Map<string, number>
  /** Toneless pinyin of a surface ("di bao") → surfaces that sound so. */
  homophones: Map<string, string[]>
  /** A surface with one character blanked ("个?工商户") → surfaces: tolerates one wrong character. */
  oneOff: Map<string, string[]>
}

/** Builds the lexicon for a catalogue. Pure apart from jieba's process-wide dictionary. */
export function buildLexicon(catalog: Catalog): Lexicon {
  // Province-sized catalogues repeat the same keywords thousands of times: normalise each once.
  const memo = new Map<string, string>()
  const matchableText = (t: string) => {
    let m = memo.get(t)
    if (m === undefined) memo.set(t, (m = normalizeText(t)))
    return m
  }
  const fillers = new Set(catalog.words.fillers.map(matchableText))
  const generic = new Set(catalog.words.generic.map(matchableText))
  const surfaces = new Map<string, string>()
  for (const s of catalog.synonyms) {
    const canonical = matchableText(s.canonical)
    surfaces.set(canonical, canonical)
    for (const v of s.variants) if (matchableText(v)) surfaces.set(matchableText(v), canonical)
  }
  const addSurface = (s: string) => {
    if (s.length >= 2 && s.length <= MAX_SURFACE && !fillers.has(s) && !/^[0-9]{1,2}$/.test(s) && !surfaces.has(s)) surfaces.set(s, s)
  }
  const items = catalog.items
  const named = items.map((item) => ({
    name: matchableText(item.name),
    keywords: item.keywords.map(matchableText).filter(Boolean),
    phrasings: item.phrasings.map(matchableText).filter(Boolean),
  }))
  const cut = segmenter([...surfaces.keys(), ...named.flatMap((n) => [n.name, ...n.keywords])])
  for (const n of named) {
    addSurface(n.name)
    for (const k of n.keywords) addSurface(k)
    for (const text of [n.name, ...n.keywords, ...n.phrasings]) for (const w of cut(text)) addSurface(matchableText(w))
  }
  const prefixes = prefixSet(surfaces.keys())

  const perItem: Map<string, number>[] = named.map(() => new Map())
  const credit = (i: number, term: string, weight: number) => {
    const m = perItem[i]!
    if ((m.get(term) ?? 0) < weight) m.set(term, weight)
  }
  named.forEach((n, i) => {
    credit(i, surfaces.get(n.name) ?? n.name, FIELD_WEIGHT.name)
    for (const t of termsIn(n.name, surfaces, prefixes)) credit(i, t, FIELD_WEIGHT.name)
  })
  // 低保 as a keyword of 医疗救助 says less than 低保 in 最低生活保障申请's own name.
  const inNames = new Set(perItem.flatMap((m) => [...m.keys()]))
  named.forEach((n, i) => {
    const keywordWeight = (t: string) => FIELD_WEIGHT.keyword * (!perItem[i]!.has(t) && inNames.has(t) ? BORROWED : 1)
    for (const k of n.keywords) {
      const whole = surfaces.get(k) ?? k
      credit(i, whole, keywordWeight(whole))
      for (const t of termsIn(k, surfaces, prefixes)) credit(i, t, keywordWeight(t))
    }
  })
  const strong = new Set(perItem.flatMap((m) => [...m.keys()]))
  named.forEach((n, i) => {
    for (const p of n.phrasings) {
      for (const t of termsIn(p, surfaces, prefixes)) {
        const own = perItem[i]!.has(t)
        credit(i, t, FIELD_WEIGHT.phrasing * (!own && strong.has(t) ? BORROWED : 1))
      }
    }
  })

  const lists = new Map<string, { items: number[]; weights: number[] }>()
  perItem.forEach((terms, item) => {
    for (const [term, weight] of terms) {
      let list = lists.get(term)
      if (!list) lists.set(term, (list = { items: [], weights: [] }))
      list.items.push(item)
      list.weights.push(weight)
    }
  })
  const postings = new Map<string, Postings>()
  for (const [term, l] of lists) postings.set(term, { items: Int32Array.from(l.items), weights: Float32Array.from(l.weights) })
  const specificity = new Map<string, number>()
  for (const [term, list] of postings) {
    // Weighted document frequency: a term named by one item and mentioned in passing by two others
    // is still mostly that one item's.
    const df = Math.max(1, list.weights.reduce((a, w) => a + w, 0))
    const idf = Math.log(1 + items.length / df)
    specificity.set(term, idf * (generic.has(term) ? 0.25 : 1))
  }
  for (const [surface, term] of surfaces) if (!postings.has(term)) surfaces.delete(surface)

  const homophones = new Map<string, string[]>()
  const oneOff = new Map<string, string[]>()
  for (const surface of surfaces.keys()) {
    if (!/^\p{Script=Han}+$/u.test(surface)) continue
    if (surface.length >= 2 && surface.length <= 6) push(homophones, wordSyllables(surface).join(' '), surface)
    if (surface.length >= 4 && surface.length <= 8) {
      for (let i = 0; i < surface.length; i++) push(oneOff, surface.slice(0, i) + '?' + surface.slice(i + 1), surface)
    }
  }
  const genericTerms = new Set([...generic].map((g) => surfaces.get(g) ?? g))
  const neutralChars = new Set([...generic].filter((g) => g.length === 1))
  return { items, surfaces, prefixes, generic: genericTerms, neutralChars, postings, specificity, homophones, oneOff }
}

function prefixSet(surfaces: Iterable<string>): Set<string> {
  const set = new Set<string>()
  for (const s of surfaces) for (let j = 1; j <= s.length; j++) set.add(s.slice(0, j))
  return set
}

/** Every known surface inside a text, as terms (overlaps included: 残疾人证 gives 残疾人 and 残疾人证). */
function termsIn(text: string, surfaces: Map<string, string>, prefixes: Set<string>): Set<string> {
  const found = new Set<string>()
  for (let i = 0; i < text.length; i++) {
    for (let j = i + 1; j <= text.length; j++) {
      const piece = text.slice(i, j)
      if (!prefixes.has(piece)) break
      const term = surfaces.get(piece)
      if (term && j - i >= 2) found.add(term)
    }
  }
  return found
}

function push(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key)
  if (!list) map.set(key, [value])
  else if (!list.includes(value)) list.push(value)
}
