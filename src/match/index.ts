/**
 * The matcher: normalize → find terms through the lexicon (the index) → score the items they point
 * at → let fuse.js compare the question with the few best candidates' texts. Pure: no I/O, no clock.
 */
import Fuse from 'fuse.js'
import type { Catalog, CatalogItem } from '../catalog/types.js'
import { buildLexicon, type Lexicon } from './lexicon.js'
import { canonicalText, createNormalizer, matchableText, type Normalizer, type Unit } from './normalize.js'
import { findLookalikes, findOccurrences, type Occurrence } from './occurrences.js'
import { MIN_SCORE, RUNNER_UP_MIN } from './decide.js'
import { OWN_WEIGHT, REISSUE } from './lexicon.js'
import { looseAt, lostThing } from './reissue.js'
import { ASKED_MIN_WEIGHT, createScratch, scoreItems, weightOf, type NamedSpan, type Reissue, type Span } from './score.js'
import type { Matcher, MatchResult } from './types.js'

export type { Matcher, MatchResult } from './types.js'
export { decide, MIN_SCORE, RUNNER_UP_MIN } from './decide.js'

/** How many index candidates fuse.js looks at. */
const FUSE_CANDIDATES = 6
/** Longest pattern given to fuse.js: its bitap search grows with pattern length. */
const FUSE_PATTERN = 12
/** Share of the final score that comes from fuse.js's text similarity. */
const FUSE_SHARE = 0.1

/** Builds a matcher for one catalogue version (index build: tens of ms for real catalogues). */
export function buildMatcher(catalog: Catalog): Matcher {
  const lexicon = buildLexicon(catalog)
  // Filler phrases that ask for something to be done (咋办, 如何办理): removed before matching, but a request.
  const requestFillers = catalog.words.fillers
    .map((f) => canonicalText(f))
    .filter((f) => f.length > 1 && [...f].some((ch) => lexicon.askingChars.has(ch)))
  const requestSet = new Set(requestFillers)
  const normalizer = createNormalizer(catalog.words.fillers, (s) => lexicon.surfaces.has(s), undefined, (f) => requestSet.has(f))
  const scratch = createScratch(lexicon)
  const names = catalog.items.map((item) => item.name)
  const byPhrasing = phrasingIndex(catalog, normalizer)
  const notFor = notForPhrases(catalog)

  /** The items a question's finds point at, best first, those under the bar left out. */
  const rank = (question: string, units: Unit[], clauses: Span[], finds: Occurrence[]): MatchResult[] => {
    const parts = clauses.length ? clauses : [{ start: 0, end: units.length }]
    // Who asks (我是村干部，…) is left out: neither its words nor its units count for or against an item.
    const askers = askerFinds(lexicon, finds, units, clauses)
    const told = askers.length ? finds.filter((o) => !askers.some((a) => a.start <= o.start && o.end <= a.end)) : finds
    const found = markDetails(lexicon, markNeeded(lexicon, markModifiers(lexicon, markHad(lexicon, told, units, parts), units, parts), units, parts), units, parts)
    const neutral = neutralUnits(lexicon, units, found)
    for (const a of askers) neutral.fill(1, a.start, a.end)
    for (const o of found) if (o.detail) neutral.fill(1, o.start, o.end)
    const asked = echoedRequests(lexicon, units, clauses, neutral, askedSpans(lexicon, units, clauses, found))
    const reissue = reissueAsked(lexicon, units, clauses, found, neutral)
    // Only a question naming a 目录外 word needs to know (most do not: skip the second look at the raw text).
    const outsideNamed = found.some((o) => !o.guessed && lexicon.outside.has(o.term))
    const requested = !outsideNamed || asksForSomething(lexicon, question, units, found, requestFillers)
    const named = namedRequests(lexicon, units, parts, found, clauses.length > 1 ? asked : [], neutral)
    const scored = scoreItems(lexicon, scratch, found, neutral, [...asked, ...named], clauses, reissue, requested, named, selfParts(units, clauses))
      .sort((a, b) => b.confidence - a.confidence || a.item - b.item)
      .slice(0, FUSE_CANDIDATES)
    if (!scored.length || scored[0]!.confidence < MIN_SCORE * 0.8) return []

    // fuse.js compares the words that mattered (not the whole rambling question) with the names.
    const fuse = new Fuse(scored.map((s) => names[s.item]!), { includeScore: true, ignoreLocation: true, threshold: 1 })
    const similarity = new Map<number, number>()
    for (const r of fuse.search(meaningfulText(lexicon, units, found))) similarity.set(r.refIndex, 1 - (r.score ?? 1))

    const results: MatchResult[] = scored
      .map((s, i) => ({
        item: lexicon.items[s.item]!,
        score: round(s.confidence * (1 - FUSE_SHARE + FUSE_SHARE * (similarity.get(i) ?? 0))),
      }))
      .sort((a, b) => b.score - a.score)
    // A runner-up may be a little under the bar: once the question is in scope, it is worth offering (落户
    // is both a newborn's registration and a move).
    const best = results[0]?.score ?? 0
    return best >= MIN_SCORE ? results.filter((r) => r.score >= RUNNER_UP_MIN) : []
  }

  return {
    match(question, limit = 5) {
      const segments = distinctParts(normalizer.units(question))
      const units = segments.flat()
      const exact = byPhrasing.get(unitsKey(segments))
      const clauses = clauseSpans(segments)
      const typed = findOccurrences(lexicon, segments)
      let results = rank(question, units, clauses, typed)
      // Nothing found as typed: a character may have been written for one that looks like it (居往证 for 居住证).
      if (!results.length && !exact) {
        const lookalikes = findLookalikes(lexicon, segments, typed)
        if (lookalikes.length) results = rank(question, units, clauses, [...typed, ...lookalikes])
      }
      if (notFor.size && results.length) results = withoutNotFor(results, notFor, partsText(question))
      return withExact(results, exact, limit)
    },
  }
}

/**
 * Confidence for a question that is, once normalised, one of an item's own 常见问法: an admin wrote it for
 * that item (often straight from the console's unanswered questions), so it must find that item.
 */
const EXACT_PHRASING = 0.97

/** A segmented question as one key: what the resident typed, without fillers, particles and punctuation. */
function unitsKey(segments: Unit[][]): string {
  let key = ''
  for (const segment of segments) for (const u of segment) key += u.text ?? u.syllable
  return key
}

/** Items by the key of each of their phrasings (the same phrasing in many county copies is normalised once). */
function phrasingIndex(catalog: Catalog, normalizer: Normalizer): Map<string, CatalogItem[]> {
  const keyOf = new Map<string, string>()
  const index = new Map<string, CatalogItem[]>()
  for (const item of catalog.items) {
    for (const phrasing of item.phrasings) {
      let key = keyOf.get(phrasing)
      if (key === undefined) keyOf.set(phrasing, (key = unitsKey(normalizer.units(phrasing))))
      if (key.length < 2) continue
      const items = index.get(key)
      if (!items) index.set(key, [item])
      else if (items[items.length - 1] !== item) items.push(item)
    }
  }
  return index
}

/** Each item's 不适用 phrases (本地户口, 户口在本村), as matchable text; items without any are left out. */
function notForPhrases(catalog: Catalog): Map<CatalogItem, string[]> {
  const phrases = new Map<CatalogItem, string[]>()
  for (const item of catalog.items) {
    const own = (item.notFor ?? []).map(matchableText).filter((p) => p.length > 1)
    if (own.length) phrases.set(item, own)
  }
  return phrases
}

/** The question's matchable text, its parts kept apart (在这边 户口在老家 does not say 这边户口). */
function partsText(question: string): string {
  return canonicalText(question).replace(/[^\p{Script=Han}a-z0-9]+/gu, '|')
}

/** Said just before a 不适用 phrase, these deny it: 不是本地户口 is what the item is for. */
const DENIALS = ['不是', '不', '非', '没', '无']

/**
 * An adverb just before 在 or 是 (户口就在本县, 户口也是本地的) stresses the phrase, not changes it: read without it,
 * in the phrase and the question alike.
 */
const STRESS = /[就也都](?=[在是])/g

/** Whether the question says `phrase` of the resident, not denied (不是本地户口, 非本村户口). */
function says(text: string, phrase: string): boolean {
  text = text.replace(STRESS, '')
  phrase = phrase.replace(STRESS, '')
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = text.slice(Math.max(0, at - 2), at)
    if (!DENIALS.some((d) => before.endsWith(d))) return true
  }
  return false
}

/**
 * The results without items whose 不适用 the question says (俺孩子是本村户口 is not 随迁子女入学). When the best was
 * one of them, the question is about that item's business for someone it does not serve (a local child's school
 * enrolment): outside the catalogue, not a runner-up that shares a word (小学新生 is no 新生儿落户).
 */
function withoutNotFor(results: MatchResult[], notFor: Map<CatalogItem, string[]>, text: string): MatchResult[] {
  const kept = results.filter((r) => !notFor.get(r.item)?.some((p) => says(text, p)))
  if (kept.length === results.length) return results
  return kept[0] === results[0] && results[0]!.score >= MIN_SCORE ? kept : []
}

function withExact(results: MatchResult[], exact: CatalogItem[] | undefined, limit: number): MatchResult[] {
  if (!exact) return results.slice(0, limit)
  const merged = new Map(results.map((r) => [r.item, r]))
  for (const item of exact) merged.set(item, { item, score: Math.max(EXACT_PHRASING, merged.get(item)?.score ?? 0) })
  return [...merged.values()].sort((a, b) => b.score - a.score).slice(0, limit)
}

/**
 * The question's parts without those that repeat an earlier one word for word: a resident who sends the same
 * sentence again, or pastes it several times, asks the same thing, not more surely.
 */
function distinctParts(segments: Unit[][]): Unit[][] {
  segments = segments.map(oncePart)
  if (segments.length < 2) return segments
  const seen = new Set<string>()
  return segments.filter((segment) => {
    const key = unitsKey([segment])
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** A part that is one text typed several times over without a break (低保咋办低保咋办), cut to one copy. */
function oncePart(units: Unit[]): Unit[] {
  const n = units.length
  const at = (i: number) => units[i]!.text ?? units[i]!.syllable
  for (let period = 2; period <= n / 2; period++) {
    if (n % period !== 0) continue
    let repeats = true
    for (let i = period; i < n && repeats; i++) repeats = at(i) === at(i - period)
    if (repeats) return units.slice(0, period)
  }
  return units
}

/** Words that ask how a thing is done (要带啥, 什么材料, 啥手续), so the resident wants it done. */
const PROCEDURE = /带|材料|手续/

/** Marks of a question (吗, 不, 咋, 能, 找谁 …): without one, the text is a topic, not a question about it. */
const QUESTION = /[?？吗呢不没咋啥能谁]|怎么|什么|可以|多少|几/

/** Syllables of a pinyin filler that is never part of a term (xing bu xing, ke bu ke yi). */
const LONG_PINYIN_FILLER = 3

/** Units that say nothing about which item is meant: 泛词 characters and generic terms. */
function neutralUnits(lexicon: Lexicon, units: Unit[], found: Occurrence[]): Uint8Array {
  const neutral = new Uint8Array(units.length)
  units.forEach((u, i) => {
    if (u.text !== undefined && lexicon.neutralChars.has(u.text)) neutral[i] = 1
  })
  for (const o of found) if (lexicon.generic.has(o.term)) neutral.fill(1, o.start, o.end)
  // What the resident asks past (除了营业执照) is not what an item should explain, nor is the 除了.
  for (const o of found) {
    if (!o.besides) continue
    const word = BESIDES.find((w) => [...w].every((ch, k) => units[o.start - w.length + k]?.text === ch))
    neutral.fill(1, o.start - (word?.length ?? 0), o.end)
  }
  // Typed pinyin has no characters to compare: look its fillers up by sound (zen me, ban), longest first.
  // A syllable inside a term found by sound is that term's (kezhang is 刻章, not 可 and the measure word 张),
  // unless a filler of three syllables or more covers it: xing bu xing is 行不行, not 行 and the term 不行.
  const inTerm = new Uint8Array(units.length)
  for (const o of found) if (!lexicon.generic.has(o.term)) inTerm.fill(1, o.start, o.end)
  for (let i = 0; i < units.length; i++) {
    if (units[i]!.text !== undefined) continue
    for (let len = Math.min(4, units.length - i); len >= 1; len--) {
      const window = units.slice(i, i + len)
      if (window.some((u, k) => u.text !== undefined || (len < LONG_PINYIN_FILLER && inTerm[i + k]))) continue
      if (lexicon.neutralSyllables.has(window.map((u) => u.syllable).join(' '))) {
        neutral.fill(1, i, i + len)
        i += len - 1
        break
      }
    }
  }
  return neutral
}

/**
 * Whether the question asks for something to be done: a 请求字 (办, 领, 开 …) outside the item words (领证, 开公司 name
 * things), or a filler phrase holding one (咋办); a bare topic counts as asking for it. 拿着老年证去泰山能免门票不 asks
 * for nothing: it asks what the card is worth.
 */
function asksForSomething(lexicon: Lexicon, question: string, units: Unit[], found: Occurrence[], requestFillers: string[]): boolean {
  const text = canonicalText(question)
  // A topic typed without any question (高考户口迁回, 残疾人轮椅补贴) names what the resident wants.
  // What to bring (要带医保卡吗) or what it takes (啥手续) is asked by someone who wants it done.
  if (!QUESTION.test(text) || PROCEDURE.test(text) || requestFillers.some((f) => text.includes(f))) return true
  const inTerm = requestWords(lexicon, units, found)
  return units.some((u, i) => u.text !== undefined && lexicon.askingChars.has(u.text) && !inTerm[i])
}

/** Words for holding something: 有 (俺有残疾证), 拿着, 带着, 持. */
const HOLDING = ['有', '拿着', '带着', '持', '持有']
/** Words for what the resident already knows about and asks past: 除了 (开美容院除了营业执照还要啥证). */
const BESIDES = ['除了']
/**
 * Who may hold it, typed before 有, the resident's shop or works too (店有营业执照, 厂有): with anything else before it, 有
 * says a thing exists (听说有个补贴, 都有高龄津贴).
 */
const HOLDER = new Set(['俺', '我', '他', '她', '咱', '们', '家', '娘', '爹', '妈', '爸', '孩', '子', '店', '厂'])

/**
 * Marks the terms the resident says they already have: a word for holding right before the term, at the start of a
 * part or of a phrase (after 了: 残疾好多年了有残疾证) or after who holds it (有居住证，孩子能上公办小学不; 俺有残疾证).
 * What one has is a detail of the question, not the thing asked for. Not after a holding word that ends a longer word
 * (捎带着卖兽药: along with). 没有 is lacking, which may well be the request (没有居住证咋办). A term right after 除了 is
 * asked past (`besides`): a detail too, and the item it is the whole of is not what is asked for. Finds inside a marked
 * term are marked as details with it.
 */
function markHad(lexicon: Lexicon, found: Occurrence[], units: Unit[], clauses: Span[]): Occurrence[] {
  const text = (u: number) => units[u]?.text ?? ''
  const typedBefore = (o: Occurrence, word: string, clause: Span) => {
    const at = o.start - word.length
    return at >= clause.start && [...word].every((ch, k) => text(at + k) === ch) ? at : -1
  }
  // A holding word whose first character ends a longer word typed around it (捎带着卖兽药, 顺带着: along with) holds nothing.
  const endsLongerWord = (at: number) => found.some((w) => !w.guessed && w.start < at && w.end === at + 1 && !lexicon.generic.has(w.term))
  const marked = found.map((o) => {
    const clause = clauses.find((c) => c.start <= o.start && o.start < c.end)!
    // 除了营业执照: a thing the resident asks past is a detail, and not what the question asks for.
    if (BESIDES.some((word) => typedBefore(o, word, clause) >= 0)) return { ...o, had: true as const, besides: true as const }
    for (const word of HOLDING) {
      const at = typedBefore(o, word, clause)
      if (at < 0 || text(at - 1) === '没' || endsLongerWord(at)) continue
      // After 了 a new phrase starts (残疾好多年了有残疾证), as at the start of a part.
      const phraseStart = at === clause.start || units[at]!.afterParticle === '了'
      if (phraseStart || HOLDER.has(text(at - 1)) || word.length > 1) return { ...o, had: true as const }
    }
    return o
  })
  // What is found inside such a thing is the same thing (执照 in 除了营业执照).
  const spans = marked.filter((o) => o.had)
  if (!spans.length) return marked
  return marked.map((o) => {
    const outer = spans.some((h) => h.start <= o.start && o.end <= h.end && h.end - h.start > o.end - o.start)
    if (!outer) return o
    const { besides, ...inner } = o
    return { ...inner, had: true as const }
  })
}

/**
 * Words for needing something, typed right before it: 要带, 需要, 得有, 先有 (要带规划许可证吗, 要死亡证明不, 得先有规划
 * 许可证吗: a prerequisite).
 */
const NEEDING = ['带', '要', '需要', '得有', '要有', '先有']

/**
 * Marks the finds said to be needed: those in the run of found words right after a word for needing (要带 建设工程规划
 * 许可证, every word of it). A thing the resident asks whether to bring is a material of what is asked for.
 */
function markNeeded(lexicon: Lexicon, found: Occurrence[], units: Unit[], parts: Span[]): Occurrence[] {
  let marked = found
  for (const { start, end } of neededSpans(lexicon, found, units, parts)) {
    marked = marked.map((o) => (o.start >= start && o.end <= end && !o.needed ? { ...o, needed: true as const } : o))
  }
  return marked
}

/**
 * The runs of found words right after a word for needing (要带 建设工程规划许可证), inside its part: see markNeeded. Not
 * after a needing character that ends a longer word typed around it (顺带卖点农药, 捎带: 带 is no bringing there).
 */
function neededSpans(lexicon: Lexicon, found: Occurrence[], units: Unit[], parts: Span[]): Span[] {
  const spans: Span[] = []
  for (let u = 1; u < units.length; u++) {
    const word = NEEDING.find(
      (w) =>
        endsAt(units, u, w) &&
        !found.some((o) => !o.guessed && o.start < u - w.length && o.end > u - w.length && !lexicon.generic.has(o.term)),
    )
    if (!word) continue
    const partEnd = parts.find((p) => p.start < u && u <= p.end)?.end ?? units.length
    let end = u
    for (let grown = true; grown; ) {
      grown = false
      for (const o of found) if (o.start <= end && o.start >= u && o.end > end && o.end <= partEnd) (end = o.end), (grown = true)
    }
    if (end > u) spans.push({ start: u, end })
  }
  // Things named first and asked about last, in a part of their own after the request (…，户口本身份证都要吗, 身份证要不要):
  // needed the same way.
  for (const part of parts) {
    if (part.start === 0 || part.end - part.start < 3 || units[part.end - 1]!.text !== '要') continue
    const asked = endsAt(units, part.end, '要不要') ? 3 : ALSO.has(units[part.end - 2]!.text ?? '') ? 2 : 1
    const end = part.end - asked
    let reached = part.start
    for (let grown = true; grown; ) {
      grown = false
      for (const o of found) {
        if (o.guessed || lexicon.generic.has(o.term) || o.start > reached || o.end <= reached || o.end > end) continue
        reached = o.end
        grown = true
      }
    }
    if (reached === end && end > part.start && !spans.some((s) => s.start < end && part.start < s.end)) spans.push({ start: part.start, end })
  }
  return spans
}

/** Words before 要 by which it says what else is needed (还要带啥, 也要转吗), not what someone wants (我要举报). */
const ALSO = new Set(['还', '也', '都', '得'])

/** Whether `word` is typed right before unit `end`. */
function endsAt(units: Unit[], end: number, word: string): boolean {
  return [...word].every((ch, k) => units[end - word.length + k]?.text === ch)
}

/** 请求字 that, with 了 after them, say a thing is done already: 办了居住证, 领了结婚证; and 买了二手房, a purchase made. */
const DONE_VERBS = new Set(['办', '领', '申', '评', '补', '买'])

/**
 * Marks as details (like something the resident has) the things said around another item's own word: what the resident
 * asks whether to bring (一孩登记 … 要带结婚证不), what is done already (办了居住证; a part ending in 了: 户口迁过来了，
 * 计生那块咋转). Only where another part of the question names an item by its own word (its name, a whole keyword) that
 * the detail is not one of: 要带结婚证不 alone still asks about 结婚登记, and so does a question with nothing else.
 */
function markDetails(lexicon: Lexicon, found: Occurrence[], units: Unit[], parts: Span[]): Occurrence[] {
  const detail = new Uint8Array(units.length)
  for (const span of neededSpans(lexicon, found, units, parts)) {
    // 要办残疾证 asks for it: a 请求字 after the word for needing is the request, not something to bring.
    if (lexicon.askingChars.has(units[span.start]!.text ?? '')) continue
    // A bare 要 after who or what (我要举报, 公司要盖厂房) is a wish; it needs a thing at the start of a part (要盖公章的
    // 申请表不) or after 还, 也 (还要带啥).
    if (units[span.start - 1]!.text === '要' && !NEEDING.some((w) => w.length > 1 && endsAt(units, span.start, w))) {
      const before = units[span.start - 2]?.text
      const partStart = parts.some((p) => p.start === span.start - 1)
      if (!partStart && !ALSO.has(before ?? '')) continue
    }
    detail.fill(1, span.start, span.end)
  }
  for (let u = 1; u < units.length; u++) {
    if (units[u]!.afterParticle !== '了' || !DONE_VERBS.has(units[u - 1]!.text ?? '')) continue
    for (const o of found) if (o.start === u || o.start === u - 1) detail.fill(1, o.start, o.end)
  }
  // A part ending in a procedure and 了 before the last (户口迁过来了，营业执照办下来了，), or in 下来 (执照刚下来),
  // tells what is done: a detail when the last part, where the question is (a word reaching into it counts: 公章去哪刻
  // is 公章 and, after the filler, 刻), names another item by its own word. Not what befell the resident (身份证掉了，
  // 庄稼全死了): that is what the question is about. Parts after it that name nothing (…，这个去哪办，几天能下来) only
  // ask how: the question is in the last part that names something.
  const last = lastNaming(lexicon, found, units, parts)
  for (const part of parts) {
    if (part !== last && tellsDone(units, part)) {
      for (let u = part.start; u < part.end; u++) detail[u] ||= STORY
    }
  }
  if (!detail.includes(1) && !detail.includes(STORY)) return found
  /** The kind of detail every unit of `o` is (the stricter one where they differ), or 0. */
  const kindOf = (o: Occurrence) => {
    let kind = 0
    for (let u = o.start; u < o.end; u++) {
      if (!detail[u]) return 0
      kind = Math.max(kind, detail[u]!)
    }
    return kind
  }
  const owners = new Set<number>()
  const askedOwners = new Set<number>()
  for (const o of found) {
    const owner = lexicon.ownedBy.get(o.term)
    if (owner === undefined || o.guessed || o.had || kindOf(o)) continue
    owners.add(owner)
    if (o.end > last.start) askedOwners.add(owner)
  }
  if (!owners.size) return found
  return found.map((o) => {
    const kind = kindOf(o)
    if (o.had || lexicon.generic.has(o.term) || !kind) return o
    const other = [...(kind === STORY ? askedOwners : owners)].some((item) => weightOf(lexicon, o.term, item) < OWN_WEIGHT)
    return other ? { ...o, had: true as const, detail: true as const } : o
  })
}

/**
 * The last part with a specific word typed in it (not a 泛词, and some item's name or keyword word: 还是 in a 常见问法
 * names nothing), or the last part when none has one. A part telling what is done (…，俺残疾证早办了) is not where
 * the question is, even typed last: the resident adds what they already have.
 */
function lastNaming(lexicon: Lexicon, found: Occurrence[], units: Unit[], parts: Span[]): Span {
  for (let k = parts.length - 1; k > 0; k--) {
    const part = parts[k]!
    if (tellsDone(units, part)) continue
    if (found.some((o) => !o.guessed && !lexicon.generic.has(o.term) && o.start >= part.start && o.start < part.end && namesSome(lexicon, o.term))) return part
  }
  return parts[0]!
}

/** Whether the term is some item's name or keyword word, not only a word of 常见问法. */
function namesSome(lexicon: Lexicon, term: string): boolean {
  return lexicon.postings.get(term)?.weights.some((w) => w >= ASKED_MIN_WEIGHT) ?? false
}

/** Detail kind of a part ending in 了 (see markDetails): it gives way only to the last part's own words. */
const STORY = 2
/** Verbs of a procedure gone through (迁过来了, 办下来了, 批了, 领到了), in the last units of a part. */
const PROCEDURE_DONE = new Set(['办', '领', '迁', '批', '转', '落', '申', '拿'])
const DONE_REACH = 3
/** What a part ends with when a paper has come out (执照刚下来, 证批下来): done, with 了 or without. */
const CAME_OUT = '下来'

/** Whether the part tells a procedure gone through (户口迁过来了, 营业执照办下来了, 执照刚下来). */
function tellsDone(units: Unit[], part: Span): boolean {
  return (units[part.end - 1]!.endParticle === '了' && doneAt(units, part)) || endsAt(units, part.end, CAME_OUT)
}

/** Whether one of the last DONE_REACH units of the part is a verb of a procedure gone through. */
function doneAt(units: Unit[], part: Span): boolean {
  for (let u = Math.max(part.start, part.end - DONE_REACH); u < part.end; u++) if (PROCEDURE_DONE.has(units[u]!.text ?? '')) return true
  return false
}

/** How a resident says who they are (我是村干部, 俺是单位出纳): the rest of that part is about the asker. */
const ASKER = ['我是', '俺是', '咱是', '我们是', '俺们是', '本人是']

/** The parts saying who the resident is (我是公务员, 俺是村干部): what they say holds for the whole question. */
function selfParts(units: Unit[], clauses: Span[]): Span[] {
  return clauses.filter((c) => ASKER.some((w) => c.end - c.start > w.length && [...w].every((ch, k) => units[c.start + k]!.text === ch)))
}

/**
 * The 身份词 finds in a part that only says who the resident is (我是村干部，村里一户困难户想吃低保): a part of its own,
 * starting with 我是 or the like. Who asks (村干部, 网格员, 退伍军人) is not what is asked for, which the other parts
 * say, nor against it. So is a part saying who such a person is to the resident (村干部是俺亲戚，网格员是俺侄子): it
 * starts with the 身份词 and 是. A word there saying which scheme applies (我是公务员: 机关事业单位养老) is no 身份词 and
 * still counts as any 目录外 word does.
 */
function askerFinds(lexicon: Lexicon, found: Occurrence[], units: Unit[], clauses: Span[]): Occurrence[] {
  if (!lexicon.askers.size) return []
  // Who told the resident (村干部说让先把残疾证办下来, 网格员叫俺来问) is not what is asked for either.
  const tellers = found.filter((o) => !o.guessed && lexicon.askers.has(o.term) && TELLING.has(units[o.end]?.text ?? ''))
  const self = selfParts(units, clauses)
  const spans = clauses.filter(
    (c) =>
      self.includes(c) ||
      found.some((o) => o.start === c.start && !o.guessed && lexicon.askers.has(o.term) && o.end < c.end && units[o.end]!.text === '是'),
  )
  if (!spans.length) return tellers
  return found.filter(
    (o) => !o.guessed && lexicon.askers.has(o.term) && (tellers.includes(o) || spans.some((c) => c.start <= o.start && o.end <= c.end)),
  )
}

/** Verbs of telling after a 身份词: the person told the resident something (村干部说, 网格员让, 代办员叫). */
const TELLING = new Set(['说', '让', '叫'])

/**
 * In "A的B" the thing is B: 低收入家庭的老年人补贴 asks for 老年人补贴, for families that 低收入 says which. When B
 * is one item's own word and no other's (its name, a whole keyword), the words of A, from the start of its part
 * or the last such B (收入低的家庭的老年人补贴), are details of the question, like something the resident has. A B
 * that is no item's alone (困难老年人的补贴: many items' names say 补贴; 残疾证的照片) leaves A saying which thing.
 */
function markModifiers(lexicon: Lexicon, found: Occurrence[], units: Unit[], parts: Span[]): Occurrence[] {
  if (!units.some((u) => u.afterParticle === '的')) return found
  let marked = found
  for (const part of parts) {
    let from = part.start
    for (let u = part.start + 1; u < part.end; u++) {
      if (units[u]!.afterParticle !== '的') continue
      const head = marked.some((o) => o.start === u && o.end <= part.end && !o.guessed && lexicon.ownedBy.has(o.term))
      if (!head) continue
      const at = u
      marked = marked.map((o) => (o.start >= from && o.end <= at && !o.had && !lexicon.generic.has(o.term) ? { ...o, had: true as const } : o))
      from = u
    }
  }
  return marked
}

/** Where each part of a question of several parts is; none for a question of one part. */
function clauseSpans(segments: Unit[][]): Span[] {
  if (segments.length < 2) return []
  const spans: Span[] = []
  let start = 0
  for (const segment of segments) {
    spans.push({ start, end: start + segment.length })
    start += segment.length
  }
  return spans
}

/**
 * The parts of a question of several parts (`clauses`) where the resident asks for something: a 请求字 such as
 * 办, 领, 补, outside any term (a story told before the request).
 */
function askedSpans(lexicon: Lexicon, units: Unit[], clauses: Span[], found: Occurrence[]): Span[] {
  if (clauses.length === 0) return wishSpan(lexicon, units, requestWords(lexicon, units, found, true))
  const inTerm = requestWords(lexicon, units, found, 'undone')
  return clauses.filter((c) => {
    // A part followed by 咋办 or the like (这种残疾证咋办，…) asks for what it names.
    if (units[c.end - 1]!.requestAfter) return true
    for (let u = c.start; u < c.end; u++) {
      const text = units[u]!.text
      if (text !== undefined && lexicon.askingChars.has(text) && !inTerm[u]) return true
    }
    return false
  })
}

/** Words by which a resident asks whether they may have something: 能 (能吃低保不), 可以 (可以办低保吗). */
const MAY = ['能', '可以']
/**
 * Units at most between 能 and the item's own word (能吃低保, 能申请低保, 能给他办低保 is too far), not counting those
 * saying where (能在咱这领证).
 */
const MAY_REACH = 3
/**
 * Characters of a place said between 能 and the item's word (能在咱这领证, 能回老家报户口): they do not put the item further
 * off.
 */
const PLACE_CHARS = new Set(['在', '咱', '这', '那', '边', '里', '回', '老', '家'])

/**
 * The parts (the question, if of one part) that ask whether the resident may have an item, by a word that is that item's
 * own and no other's, right after 能 / 可以 (俺家老头瘫在床上能吃低保不): from 能 to the end of the part. What comes
 * before is the story. 低保户能再补点吗 asks for no item by its word: 低保户 is who asks, before 能. So does a last part
 * that names an item's own verb-first word object first, its verb last (残疾有证，低保能给办不: 办低保), `acted`, and
 * a last part among the `asked` ones whose content is one item's own word and nothing else (…，低保咋申请).
 */
function namedRequests(
  lexicon: Lexicon,
  units: Unit[],
  parts: Span[],
  found: Occurrence[],
  asked: readonly Span[] = [],
  neutral?: Uint8Array,
): NamedSpan[] {
  const spans: NamedSpan[] = []
  /** Units from `from` to `to` that say more than where (在咱这, 在这边: 能在这边领证 is as near as 能领证). */
  const reach = (from: number, to: number) => {
    let n = 0
    for (let u = from; u < to; u++) if (!PLACE_CHARS.has(units[u]!.text ?? '')) n++
    return n
  }
  for (const part of parts) {
    for (let u = part.end - 1; u >= part.start; u--) {
      const word = MAY.find((w) => [...w].every((ch, k) => units[u + k]?.text === ch))
      if (!word) continue
      const after = u + word.length
      if (found.some((o) => o.start < after && o.end > u && !lexicon.generic.has(o.term))) continue
      const own = found.some(
        (o) => !o.guessed && o.start >= after && reach(after, o.start) < MAY_REACH && o.end <= part.end && lexicon.ownedBy.has(o.term),
      )
      if (own) spans.push({ start: u, end: part.end })
      break
    }
  }
  // The thing named before its verb in the last part (低保能给办不, 医保能在手机上交吗): from the thing to the end.
  const last = parts[parts.length - 1]!
  const acted = found.find((o) => o.start >= last.start && lexicon.ownedBy.has(o.term) && invertedRequest(units, o))
  if (acted && !spans.some((s) => s.end === last.end)) spans.push({ start: acted.start, end: last.end, acted: true })
  // A last part asking for something that is nothing but one item's own word (…，低保咋申请): that item is asked for.
  if (neutral && asked.includes(last) && !spans.some((s) => s.end === last.end) && wholeOwnWord(lexicon, found, neutral, last, units)) {
    spans.push({ start: last.start, end: last.end, whole: true })
  }
  return spans
}

/**
 * Whether one item's own word, typed, covers every content unit of the part, named before the request (低保 in 低保咋申请,
 * 残疾证去哪办): not after it (要办啥资格 asks which qualification, not for the item named 资格).
 */
function wholeOwnWord(lexicon: Lexicon, found: Occurrence[], neutral: Uint8Array, part: Span, units: Unit[]): boolean {
  return found.some((o) => {
    if (o.guessed || o.had || o.start < part.start || o.end > part.end || !lexicon.ownedBy.has(o.term)) return false
    for (let u = part.start; u < part.end; u++) if (!neutral[u] && (u < o.start || u >= o.end)) return false
    for (let u = part.start; u < o.start; u++) if (lexicon.askingChars.has(units[u]!.text ?? '')) return false
    return !saysWhoMay(units, o)
  })
}

/** Who the resident is, said before their state and 能 (俺们外地户口能办不): the people who may, not what they ask for. */
const PERSONS = ['俺们', '我们', '咱们', '俺', '我', '咱', '他们', '他', '她']

/** Whether `o` follows a person word and comes before 能 / 可以: what the person is, asking whether they may. */
function saysWhoMay(units: Unit[], o: Span): boolean {
  const before = PERSONS.some((w) => endsAt(units, o.start, w))
  return before && MAY.some((w) => [...w].every((ch, k) => units[o.end + k]?.text === ch))
}

/**
 * A part that is nothing but a 请求字 and neutral units (想评个残，去哪评: 去哪 is a filler, 评 is left alone) says
 * again what the part before it asks for: its units become neutral and the part before is where the request is.
 * `asked` is askedSpans' answer; the echoing parts in it are replaced by the part each follows.
 */
function echoedRequests(lexicon: Lexicon, units: Unit[], clauses: Span[], neutral: Uint8Array, asked: Span[]): Span[] {
  if (!asked.length) return asked
  return asked.map((span) => {
    const k = clauses.indexOf(span)
    if (k < 1) return span
    let verbs = 0
    for (let u = span.start; u < span.end; u++) {
      if (neutral[u]) continue
      if (!lexicon.askingChars.has(units[u]!.text ?? '')) return span
      verbs++
    }
    if (!verbs) return span
    neutral.fill(1, span.start, span.end)
    return clauses[k - 1]!
  })
}

/**
 * Units inside a term, whose 请求字 name a thing (领证, 开公司) rather than ask for one. Not a verb read apart from its
 * object (想办个残疾本 as 办残疾证): that verb is the resident's own request; with `split`, for the request typed
 * straight after the story (wishSpan), nor one read over a measure word (想给她办个低保: 办个低保 as the keyword 办低保),
 * nor one typed whole before an object that is a word of its own (想办残疾证: 残疾证). Between parts (`undone`) only without 了 after the verb: 办个居住证，… asks for it, 新开了个小店 is the story before
 * 要刻个公章.
 */
function requestWords(lexicon: Lexicon, units: Unit[], found: Occurrence[], split: boolean | 'undone' = false): Uint8Array {
  const inTerm = new Uint8Array(units.length)
  for (const o of found) {
    // After 想 (`split`: 想给她办个低保), a verb-first keyword read over a measure word has its verb apart too; between
    // parts (`undone`) only where no 了 follows the verb (办个居住证, not 开了个小店).
    const splitHere = split === true || (split === 'undone' && !units[o.start + 1]?.afterParticle)
    // Typed whole, a verb-first keyword whose object is a word of its own (办残疾证: 残疾证) is that verb asking for it,
    // as 办个残疾证 is.
    const spread = o.length !== undefined || found.some((w) => w.start === o.start + 1 && w.end === o.end && !w.guessed && !lexicon.generic.has(w.term))
    const apart = o.verbObject || (splitHere && spread && lexicon.askingChars.has(units[o.start]!.text ?? ''))
    if (!lexicon.generic.has(o.term) && !apart && !crossed(found, o)) inTerm.fill(1, o.start, o.end)
  }
  return inTerm
}

/**
 * Whether a longer word typed whole takes some of `o`'s characters and not all: 办公 across 办|公共场所卫生许可 is no word
 * the resident typed, so its 办 is still a request.
 */
function crossed(found: Occurrence[], o: Occurrence): boolean {
  return found.some(
    (w) =>
      w.quality === 1 && w.length === undefined && !w.guessed && w.end - w.start > o.end - o.start &&
      w.start < o.end && o.start < w.end && (w.start > o.start || w.end < o.end),
  )
}

/**
 * Whether `o` is a verb-first keyword read object first, over the words between, up to its verb typed last (低保能给办不
 * read as 办低保, 医保能在手机上交吗 as 交医保): that verb is what the resident asks to have done to the thing.
 */
function invertedRequest(units: Unit[], o: Occurrence): boolean {
  if (o.length === undefined || o.length >= o.end - o.start) return false
  const verb = units[o.end - 1]!.text ?? ''
  return units[o.start]!.text !== verb && o.term.startsWith(verb)
}

/** Characters by which a resident turns from the story to the request inside one run of text: 想 (给她) 办个低保. */
const WISH = new Set(['想', '要'])

/**
 * In a question of one part, the request typed straight after the story (俺娘岁数大了身体不好想给她办个低保): from the
 * last 想 / 要 outside a term that a 请求字 follows within a few characters, to the end. None otherwise.
 */
function wishSpan(lexicon: Lexicon, units: Unit[], inTerm: Uint8Array): Span[] {
  for (let u = units.length - 1; u > 0; u--) {
    if (inTerm[u] || !WISH.has(units[u]!.text ?? '')) continue
    for (let k = u + 1; k < Math.min(units.length, u + 5); k++) {
      const text = units[k]!.text
      if (text !== undefined && lexicon.askingChars.has(text) && !inTerm[k]) return [{ start: u, end: units.length }]
    }
  }
  return []
}

/**
 * Whether the single character at `u` (补) has its own object typed right after it, a character no term knows, in the
 * same part (抽水补塘, 补苗): a verb of its own word, as 补 in 补贴 is, not a reissue of the word before it.
 */
function ownObjectAfter(units: Unit[], clauses: Span[], found: Occurrence[], neutral: Uint8Array, u: number): boolean {
  const next = u + 1
  if (next >= units.length || units[next]!.text === undefined || neutral[next] || units[next]!.afterParticle) return false
  if (clauses.some((c) => c.end === next)) return false
  return !found.some((o) => o.start <= next && next < o.end)
}

/**
 * Where the question asks for a reissue (补领, 遗失; 补 or 丢 outside a longer word), each with the thing it is about: the
 * nearest specific word in its part of the question (出生医学证明 in 出生医学证明丢了咋补).
 */
function reissueAsked(lexicon: Lexicon, units: Unit[], clauses: Span[], found: Occurrence[], neutral: Uint8Array): Reissue[] {
  if (!lexicon.reissue.size && !lexicon.reissueChars.size) return []
  const specific = found.filter((o) => !lexicon.generic.has(o.term))
  const at: Occurrence[] = found.filter((o) => !o.guessed && lexicon.reissue.has(o.term)).map((o) => ({ ...o, term: REISSUE }))
  for (const u of looseAt(units.map((u) => u.text), lexicon.reissueChars, specific)) {
    if (!ownObjectAfter(units, clauses, found, neutral, u)) at.push({ term: REISSUE, start: u, end: u + 1, quality: 1 })
  }
  if (!at.length) return []
  const things = specific.filter((o) => !lexicon.reissue.has(o.term) && !lexicon.actions.has(o.term) && !lexicon.outside.has(o.term))
  const gap = (u: number) => neutral[u] === 1
  return at.flatMap((o) => {
    const thing = lostThing(o, things, gap, clauses.find((c) => c.start <= o.start && o.start < c.end))
    return thing ? [{ o, thing }] : []
  })
}

/**
 * The question's characters that some term covered, in order, at most FUSE_PATTERN long: the last ones, as residents
 * tell the story first and ask last (媳妇户口迁过来了，计划生育关系也要跟着转，这个咋转 asks to move 计划生育关系, not
 * the 户口). In a long question, generic words after the last specific one (…国家每月给钱 咋给他申请) are left out:
 * the words before them fill the window and say more. Where a term was read by
 * sound or with a wrong character (底保 as 低保, pinyin), its own characters stand in for what was typed: the typo
 * already costs the find some quality, and fuse.js should compare what the resident meant with the names.
 */
function meaningfulText(lexicon: Lexicon, units: Unit[], found: Occurrence[]): string {
  const covered = new Uint8Array(units.length)
  const chars = units.map((u) => u.text ?? '')
  const typed = new Uint8Array(units.length)
  for (const o of found) {
    covered.fill(1, o.start, o.end)
    if (o.read === undefined) typed.fill(1, o.start, o.end)
  }
  for (const o of [...found].sort((a, b) => b.quality - a.quality)) {
    if (o.read === undefined || o.read.length !== o.end - o.start) continue
    for (let u = o.start; u < o.end; u++) {
      if (typed[u]) continue
      chars[u] = o.read[u - o.start]!
      typed[u] = 1
    }
  }
  // A question that is one 说法 and nothing else (过户) is compared in its standard word, which item names are
  // written in (转移登记): the 说法 itself may be in the name of an item that is one kind of it (水电气热过户).
  const [only] = found
  if (found.length === 1 && only!.quality === 1 && only!.read === undefined && only!.start === 0 && only!.end === units.length) {
    if (!lexicon.generic.has(only!.term)) return only!.term.slice(0, FUSE_PATTERN)
  }
  /** The covered characters before unit `end`, the last FUSE_PATTERN of them. */
  const before = (end: number) => {
    let text = ''
    for (let i = end - 1; i >= 0 && text.length < FUSE_PATTERN; i--) if (covered[i]) text = chars[i] + text
    return text.slice(-FUSE_PATTERN)
  }
  let lastSpecific = 0
  for (const o of found) if (!lexicon.generic.has(o.term)) lastSpecific = Math.max(lastSpecific, o.end)
  const specific = lastSpecific < units.length ? before(lastSpecific) : ''
  return specific.length === FUSE_PATTERN ? specific : before(units.length)
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
