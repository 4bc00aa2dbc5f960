/**
 * From found terms to a confidence per item. An item's evidence is the sum of its best
 * non-overlapping terms, each weighted by how telling it is; confidence grows with evidence and
 * with how much of the question the item explains.
 *
 * Two passes keep this fast at 30,000 items: a cheap upper bound accumulated in a typed array over
 * every item the terms reach, then the exact (overlap-aware) evidence for the best few only.
 */
import { SURE_SCORE } from './decide.js'
import { OWN_WEIGHT, type Lexicon } from './lexicon.js'
import type { Occurrence } from './occurrences.js'

/** Evidence at which confidence reaches 1 − 1/e of its ceiling. */
const EVIDENCE_SCALE = 3.4
/** Share of the confidence that does not depend on how much of the question is explained. */
const COVERAGE_FLOOR = 0.5
/**
 * Content characters an item must explain for full coverage: a resident describing a situation at length
 * (俺兄弟小时候发烧耳朵聋了…) is not expected to use the catalogue's words for all of it.
 */
const EXPLAINED_ENOUGH = 8
/** What a content unit no term knows counts towards what an item should explain. */
const UNKNOWN_WEIGHT = 0.5
/** Items given the exact, overlap-aware scoring. */
const EXACT_CANDIDATES = 20
/**
 * Confidence kept by an item when the question names something from the 目录外 list that the item does not
 * mention, and that weighs more than the item's own words: 二手车过户 shares 过户 with 二手房过户, but is about
 * a car.
 */
const OUTSIDE_FACTOR = 0.5
const OUTSIDE_WEIGHT = 1.25
/**
 * Share of a guessed find (a homophone, a wrong character) that weighs against a 目录外 word typed exactly: in
 * 快递寄到外地, 寄到外地 read as 嫁到外地 is a guess, 快递 is what was typed.
 */
const GUESS_BESIDE = 0.5

/** Unit positions [start, end) across the whole question. */
export interface Span {
  start: number
  end: number
}

/**
 * The coverage an item gets from explaining the part of a question where the resident says what they want done
 * (想办个残疾证 after a story of how the leg was hurt), at most: the story's own words still count for something.
 */
const ASKED_SHARE = 0.8
/** Field weight a word needs to explain the request: an item's name or keyword (borrowed or not), not a phrasing's. */
export const ASKED_MIN_WEIGHT = 0.4
/** Share of a term's strength when the resident says they already have it (有居住证): a detail, not the request. */
const HAD_FACTOR = 0.25
/**
 * Confidence kept by an item whose own word (its name, a whole keyword) is what the resident asks past (除了营业执照还要
 * 啥证 is not asking for 个体工商户登记, whose keyword 营业执照 is). Not when it is one of the item's materials: 除了契税
 * 还要交啥 asks for the rest of what 不动产转移登记 takes.
 */
const BESIDES_FACTOR = 0.5
/** Share of a find's strength for an item that has it but not the longer word typed around it (see longerWords). */
const PART_FACTOR = 0.5
/**
 * Confidence kept by an item that explains nothing of a part asking for another item by that item's own word (see
 * `named` in scoreItems).
 */
const ASIDE_FACTOR = 0.75
/**
 * Most confidence for an item named by one word only, and that word a piece of a 目录外 word (老年卡 in 公交老年卡): the
 * resident may mean either, so the item is offered, not taken (just under SURE_SCORE; over MIN_SCORE whatever
 * fuse.js takes off).
 */
const PIECE_CAP = SURE_SCORE - 0.01
/** Confidence kept by an item found only through words of its 常见问法. */
const PHRASING_ONLY_FACTOR = 0.9

/**
 * A part asking for an item by its own word (see `named` in scoreItems). `acted`: named with the verb of the item's
 * keyword (医保能在手机上交吗: 交医保), so an item that only shares the thing (医保) does not do what is asked.
 */
export interface NamedSpan extends Span {
  acted?: true
  /**
   * The part is one item's own word and nothing else (…，低保咋申请): as with `acted`, an item that only borrows the word
   * (低保 in a keyword of the disability allowances) does not explain it.
   */
  whole?: true
}

/** A request for a reissue in the question, with the thing it is about. */
export interface Reissue {
  o: Occurrence
  thing: Span
}

export interface Scored {
  item: number
  confidence: number
  evidence: number
}

/**
 * Longer terms say more, and more than their parts together: 补办身份证 found whole must outweigh
 * 补办 and 身份证 found apart (which may each belong to other items).
 */
function lengthFactor(units: number): number {
  return Math.pow(Math.max(2, Math.min(units, 8)) / 2, 1.3)
}

/** Reusable scratch space: one per lexicon (matching is synchronous, so never shared mid-use). */
export interface Scratch {
  bound: Float64Array
  /** The items some term of the question supports, `touchedCount` of them. */
  touched: Int32Array
  touchedCount: number
}

export function createScratch(lexicon: Lexicon): Scratch {
  return { bound: new Float64Array(lexicon.items.length), touched: new Int32Array(lexicon.items.length), touchedCount: 0 }
}

/**
 * The `k` touched items with the highest bound, highest first (ties: lower index first), chosen in one pass: a common
 * word touches thousands of items in a large catalogue, and sorting them all (a comparator returning fractions boxes
 * a number per comparison) was most of what a question allocated.
 */
function topTouched(scratch: Scratch, k: number): number[] {
  const { bound, touched, touchedCount } = scratch
  const top: number[] = []
  for (let t = 0; t < touchedCount; t++) {
    const item = touched[t]!
    const b = bound[item]!
    if (top.length === k) {
      const last = top[k - 1]!
      if (b < bound[last]! || (b === bound[last]! && item > last)) continue
      top.pop()
    }
    let at = top.length
    while (at > 0 && (bound[top[at - 1]!]! < b || (bound[top[at - 1]!]! === b && top[at - 1]! > item))) at--
    top.splice(at, 0, item)
  }
  return top
}

/**
 * Scores the items best supported by the question's terms; unordered, at most EXACT_CANDIDATES.
 * `neutral` marks units that count neither for nor against an item (想, 要, 办, generic words).
 */
export function scoreItems(
  lexicon: Lexicon,
  scratch: Scratch,
  found: Occurrence[],
  neutral: Uint8Array,
  asked: readonly Span[] = [],
  clauses: readonly Span[] = [],
  reissue: readonly Reissue[] = [],
  requested = true,
  named: readonly NamedSpan[] = [],
  selfParts: readonly Span[] = [],
): Scored[] {
  const contentUnits = neutral.length - neutral.reduce((a, b) => a + b, 0)
  if (!found.length || contentUnits <= 0) return []
  const known = knownUnits(found, neutral.length)
  const explainable = explainableUnits(known, neutral, { start: 0, end: neutral.length })
  const askedExplainable = asked.map((span) => explainableUnits(known, neutral, span))
  const strengths = found.map(
    (o) => (lexicon.specificity.get(o.term) ?? 0) * lengthFactor(o.length ?? o.end - o.start) * o.quality * (o.had ? HAD_FACTOR : 1),
  )

  const { bound, touched } = scratch
  scratch.touchedCount = 0
  for (let k = 0; k < found.length; k++) {
    const p = lexicon.postings.get(found[k]!.term)
    if (!p) continue
    const s = strengths[k]!
    for (let i = 0; i < p.items.length; i++) {
      const item = p.items[i]!
      if (bound[item] === 0) touched[scratch.touchedCount++] = item
      bound[item]! += p.weights[i]! * s
    }
  }
  const best = topTouched(scratch, EXACT_CANDIDATES)
  for (let t = 0; t < scratch.touchedCount; t++) bound[touched[t]!] = 0
  // Typed, not guessed: a word heard by sound is not proof that the question is about something else. Typed
  // object first (电费咋交 for 交电费) it is, at the strength of such a find.
  const outside = found.filter((o) => !o.guessed && lexicon.outside.has(o.term))
  // A 目录外 word that is a whole part of the question by itself (…，转学咋办) is what that part asks for.
  const alone = new Set(outside.filter((o) => clauses.some((c) => isWholeClause(o, c, neutral))))
  // Unless it is told before the part naming the item (社保局让我去税务局，我就想打个社保缴费证明): the story. A part saying
  // who the resident is (我是公务员，养老金咋领) holds for the whole question, wherever the item is named.
  const selfSaid = new Set(outside.filter((o) => selfParts.some((c) => c.start <= o.start && o.end <= c.end)))
  const besides = found.filter((o) => o.besides)
  // What is done to a thing the resident asks past is asked past with it (除了医保报销还有别的帮扶没: not 报销).
  const actions = found.filter((o) => !o.guessed && lexicon.actions.has(o.term) && !besides.some((b) => b.end === o.start))
  const swallowers = found.map((o) => longerWords(lexicon, found, o))

  const scored = best.map((item) => {
    const hits: { o: Occurrence; value: number; weight: number; part?: true }[] = []
    found.forEach((o, k) => {
      const w = weightOf(lexicon, o.term, item)
      if (!w) return
      // One of its own words that is a piece of a longer word the item does not have (社保缴纳证明 in 单位社保缴纳证明)
      // reads only part of what was typed.
      const part = w >= OWN_WEIGHT && swallowers[k]!.some((s) => !weightOf(lexicon, s.term, item))
      hits.push({ o, value: w * strengths[k]! * (part ? PART_FACTOR : 1), weight: w, ...(part && { part: true as const }) })
    })
    const taken = heaviestDisjoint(hits)
    let evidence = 0
    for (const h of taken) evidence += h.value
    // Evidence counts each part of the question once (the heaviest reading), but what the item explains is
    // every unit one of its name or keyword words reads: 种鸡 and 鸡苗 together explain 种鸡苗. (Overlapping
    // words of its 常见问法 would make a rambling phrasing explain everything.)
    const covered = unitsCovered([...taken, ...hits.filter((h) => h.weight >= ASKED_MIN_WEIGHT)].filter((h) => !h.part), neutral)
    let coverage = Math.min(1, covered / Math.min(explainable, EXPLAINED_ENOUGH))
    asked.forEach((span, k) => {
      let coveredHere = 0
      for (const h of taken) {
        // Words the item only has in a 常见问法 (助学贷款 in a stamping question) do not make the request its own.
        if (h.weight < ASKED_MIN_WEIGHT) continue
        for (let u = Math.max(h.o.start, span.start); u < Math.min(h.o.end, span.end); u++) coveredHere += neutral[u] ? 0 : 1
      }
      if (coveredHere > 0) coverage = Math.max(coverage, ASKED_SHARE * Math.min(1, coveredHere / askedExplainable[k]!))
    })
    // Whether the item's name or keyword words explain a part that asks for an item by its own word (能吃低保不), and
    // whether those are that item's own.
    let namedAny = false
    let namedOwn = false
    for (const span of named) {
      for (const h of taken) {
        // A 泛词 (申请 in 能申请急难救助吗) is in many items' names: it explains no item's part of the question.
        if (h.weight < ASKED_MIN_WEIGHT || h.o.end <= span.start || h.o.start >= span.end || lexicon.outside.has(h.o.term)) continue
        if (lexicon.generic.has(h.o.term)) continue
        const own = h.weight >= OWN_WEIGHT && lexicon.ownedBy.get(h.o.term) === item
        if (own || !(span.acted || span.whole)) namedAny = true
        if (own) namedOwn = true
      }
    }
    // Only when the outside word weighs more than the item's own words beside it: 二手车 outweighs 过户 (and 二手
    // inside it is the car's), but 离婚证 in 再婚结婚登记要带离婚证吗 is a detail of a question about 结婚登记.
    // Only words of its 常见问法, none of its name or keywords: the question shares context with a phrasing (助学贷款
    // in a stamping question), not necessarily its subject.
    const phrasingOnly = taken.every((h) => h.weight < ASKED_MIN_WEIGHT)
    const foreign = outside.some((o) => {
      const mentioned = weightOf(lexicon, o.term, item)
      // A 目录外 word the item has only in a 常见问法 (助学贷款的表要盖章) does not make a question its own when nothing
      // else in it is the item's name or keywords either (大学生助学贷款咋办: no 盖章).
      if (mentioned !== 0) {
        // Nor when the item's name or keyword words only read a piece of the 目录外 word itself (养老金 in 企业职工的养老金
        // 咋领): nothing beside it says the question is the item's, so it is weighed as any 目录外 word is, below.
        if (mentioned < ASKED_MIN_WEIGHT) {
          if (phrasingOnly) return true
          if (taken.some((t) => t.weight >= ASKED_MIN_WEIGHT && !overlap(t.o, o))) return false
        }
        // Named whole (a keyword that is the word), or only inside a longer keyword (月嫂 in 考月嫂, 博物馆 in 博物馆免费)
        // with that find or another of the item's own words in the question too (想当月嫂要考啥证: 考证). Without them
        // the question is about the 目录外 thing itself (月嫂一个月多少钱, 县博物馆几点开门).
        if (mentioned >= OWN_WEIGHT || ownAround(lexicon, hits, o)) return false
      }
      // Said to be needed (要带规划许可证吗), or told as done already (规划许可证办完了, had), and one of the item's
      // materials, beside the item's own words: a detail.
      if ((o.needed || o.had) && lexicon.materialTerms(item).has(o.term) && ownAround(lexicon, hits, o)) return false
      if (cutsDifferently(taken.filter((t) => t.weight >= ASKED_MIN_WEIGHT), neutral, o)) return false
      let beside = 0
      for (const t of taken) if (!overlap(t.o, o)) beside += t.o.guessed ? t.value * GUESS_BESIDE : t.value
      // A question that asks for nothing to be done (拿着老年证去泰山免门票不) asks about the 目录外 thing, whatever
      // the item's words beside it weigh: they are what the resident already has. Not when the item is named in a
      // later part of its own (被欠了工资，有没有临时救助): the 目录外 word is then the story told first, the item the
      // question (公积金是单位交的吗 比例多少 still asks about the 比例).
      // Several 目录外 words weigh together, unless the item is named after them (the story told first: 办了退休 有退休金了,
      // then 居民养老还在发).
      const later = namedLater(lexicon, taken, o, clauses)
      return (alone.has(o) && (!later || selfSaid.has(o))) || (!requested && !later) || (later ? outsideStrength(lexicon, o) : outsideTogether(lexicon, outside, o, item)) > beside
    }) ||
      actions.some((o) => !handles(lexicon, item, o, found) && !askedElsewhere(lexicon, taken, o, clauses)) ||
      reissue.some((r) => !handles(lexicon, item, r.o, found) && !namesBeside(lexicon, taken, r))
    // A question that is nothing but a word which is also the last piece of a 目录外 word (老年卡, 老年卡在哪办; 公交老年卡
    // is outside) leaves the item in doubt.
    const piece = !outside.length && lonePiece(lexicon, taken, neutral)
    const unbounded =
      (1 - Math.exp(-evidence / EVIDENCE_SCALE)) *
      (COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * coverage) *
      (foreign ? OUTSIDE_FACTOR : 1) *
      (phrasingOnly ? PHRASING_ONLY_FACTOR : 1) *
      (besides.some((o) => weightOf(lexicon, o.term, item) >= OWN_WEIGHT && !lexicon.materialTerms(item).has(o.term)) ? BESIDES_FACTOR : 1)
    const confidence = piece ? Math.min(unbounded, PIECE_CAP) : unbounded
    return { item, confidence, evidence, namedAny, namedOwn }
  })
  // The item asked for by its own word (能吃低保不) is what the resident wants: an item that explains none of that part
  // answers only the story told before it (俺家老头瘫在床上: the old man's allowance).
  if (scored.some((s) => s.namedOwn)) for (const s of scored) if (!s.namedAny) s.confidence *= ASIDE_FACTOR
  return scored
}

/**
 * Whether the item's name and keyword words in the question are one word, a piece of a 目录外 word (see partsOfOutside),
 * with nothing else in the question but neutral units.
 */
function lonePiece(lexicon: Lexicon, taken: readonly { o: Occurrence; weight: number }[], neutral: Uint8Array): boolean {
  const own = taken.filter((h) => h.weight >= ASKED_MIN_WEIGHT && !lexicon.generic.has(h.o.term))
  if (own.length !== 1 || !lexicon.partsOfOutside.has(own[0]!.o.term)) return false
  const { start, end } = own[0]!.o
  for (let u = 0; u < neutral.length; u++) if (!neutral[u] && (u < start || u >= end)) return false
  return true
}

/**
 * Whether the item does the 目录外动作 found at `o`. It must mention the action; a mention inside a longer keyword or
 * in a 常见问法 counts only in context: beside a word of that keyword (异地就医 with 报销, for 异地就医报销), inside a
 * longer find of the item (二次报销 typed whole), or beside a word that is this item's name or keyword and no other's
 * (备案 with 报销). 医保能报销多少 has none of them: 医保 names three items, 住院 is only inside keywords (外地住院).
 */
function handles(lexicon: Lexicon, item: number, o: Occurrence, found: Occurrence[]): boolean {
  const mention = lexicon.mentions.get(o.term)?.get(item)
  if (mention === undefined) return false
  if (mention === true) return true
  for (const f of found) {
    if (f.end - f.start > o.end - o.start && f.start <= o.start && o.end <= f.end && weightOf(lexicon, f.term, item)) return true
    if (overlap(f, o)) continue
    if (mention.has(f.term) || lexicon.ownedBy.get(f.term) === item) return true
  }
  return false
}

/**
 * Whether one of the item's own words (its name, a whole keyword) is in the question beside the 目录外 word at `o`, or is
 * a longer find holding it (月嫂证 for 月嫂).
 */
function ownAround(lexicon: Lexicon, hits: readonly { o: Occurrence; weight: number }[], o: Occurrence): boolean {
  return hits.some(
    (h) =>
      h.weight >= OWN_WEIGHT &&
      !lexicon.outside.has(h.o.term) &&
      (!overlap(h.o, o) || (h.o.start <= o.start && o.end <= h.o.end && h.o.end - h.o.start > o.end - o.start)),
  )
}

/**
 * Whether the item's own words are in a part of the question without the 目录外动作 word: 出生证明丢了 told before
 * 报户口 in a part of its own is a detail, not the request. (No parts, no elsewhere: 食品经营许可证咋注销 asks for 注销.)
 */
function askedElsewhere(lexicon: Lexicon, taken: readonly { o: Occurrence; weight: number }[], o: Occurrence, clauses: readonly Span[]): boolean {
  const clause = clauses.find((c) => c.start <= o.start && o.start < c.end)
  if (!clause) return false
  // The item's own words: not one only inside its keywords (住院 in 外地住院), nor a 目录外 word (拆迁 in 拆迁补偿文件).
  return taken.some(
    (t) => t.weight >= OWN_WEIGHT && !lexicon.outside.has(t.o.term) && (t.o.end <= clause.start || t.o.start >= clause.end),
  )
}

/** Whether the item's own words are in a part of the question after the one with `o` (a story told before them). */
function namedLater(lexicon: Lexicon, taken: readonly { o: Occurrence; weight: number }[], o: Occurrence, clauses: readonly Span[]): boolean {
  const clause = clauses.find((c) => c.start <= o.start && o.start < c.end)
  if (!clause) return false
  return taken.some((t) => t.weight >= OWN_WEIGHT && !lexicon.outside.has(t.o.term) && t.o.start >= clause.end)
}

/**
 * Whether the item's own words include one beside the lost thing: 出生证明 lost while asking for 报户口 is a material
 * of 出生登记, but 出生医学证明丢了咋补 asks for the certificate again, which 出生登记 does not issue twice.
 */
function namesBeside(lexicon: Lexicon, taken: readonly { o: Occurrence; weight: number }[], r: Reissue): boolean {
  return taken.some(
    (t) => t.weight >= OWN_WEIGHT && !lexicon.outside.has(t.o.term) && !overlap(t.o, r.o) && !overlap(t.o, r.thing),
  )
}

/**
 * The longer words typed in the question that hold the find `o` strictly inside them: exact, specific (not a 泛词, a
 * 目录外 word or action) and some item's own word (its name, a whole keyword). An item that has `o` but none of them
 * reads only a piece of what was typed: 单位社保缴纳证明 is the employer's proof, whose piece 社保缴纳证明 is the
 * personal proof's keyword.
 */
function longerWords(lexicon: Lexicon, found: readonly Occurrence[], o: Occurrence): Occurrence[] {
  const longer: Occurrence[] = []
  for (const s of found) {
    if (s.quality !== 1 || s.guessed || s.length !== undefined || s.start > o.start || s.end < o.end) continue
    if (s.end - s.start <= o.end - o.start || s.term === o.term) continue
    if (lexicon.generic.has(s.term) || lexicon.outside.has(s.term) || lexicon.actions.has(s.term)) continue
    const p = lexicon.postings.get(s.term)
    if (p && p.weights.some((w) => w >= OWN_WEIGHT)) longer.push(s)
  }
  return longer
}

/** Content units inside at least one of the hits. */
function unitsCovered(hits: readonly { o: Occurrence }[], neutral: Uint8Array): number {
  const spans = sortShort(hits.map((h) => h.o), (a, b) => a.start < b.start)
  let covered = 0
  let reached = 0
  for (const o of spans) {
    for (let u = Math.max(o.start, reached); u < o.end; u++) covered += neutral[u] ? 0 : 1
    reached = Math.max(reached, o.end)
  }
  return covered
}

/**
 * `list` sorted in place, stably, `first(a, b)` saying a goes strictly before b. An insertion sort: the lists sorted
 * per candidate item are short, and Array.prototype.sort copies them and boxes a fractional comparator result each
 * time, which was a good part of what a question allocated.
 */
function sortShort<T>(list: T[], first: (a: T, b: T) => boolean): T[] {
  for (let i = 1; i < list.length; i++) {
    const x = list[i]!
    let j = i - 1
    for (; j >= 0 && first(x, list[j]!); j--) list[j + 1] = list[j]!
    list[j + 1] = x
  }
  return list
}

/**
 * The hits that do not overlap and weigh most together (weighted interval scheduling). Taking the heaviest hit
 * first would let one long find spread over a gap (户口要迁 read as 迁户口) shut out the two words it spans (户口, 迁到),
 * which together say more.
 */
function heaviestDisjoint<H extends { o: Occurrence; value: number }>(hits: H[]): H[] {
  const sorted = sortShort(hits.slice(), (a, b) => a.o.end < b.o.end || (a.o.end === b.o.end && a.value > b.value))
  // best[i]: the heaviest choice among the first i hits; choice[i]: whether hit i-1 is in it.
  const best = new Float64Array(sorted.length + 1)
  const choice = new Uint8Array(sorted.length + 1)
  const before = sorted.map((h, i) => {
    let p = i - 1
    while (p >= 0 && sorted[p]!.o.end > h.o.start) p--
    return p + 1
  })
  for (let i = 1; i <= sorted.length; i++) {
    const withIt = sorted[i - 1]!.value + best[before[i - 1]!]!
    choice[i] = withIt > best[i - 1]! ? 1 : 0
    best[i] = Math.max(withIt, best[i - 1]!)
  }
  const taken: H[] = []
  for (let i = sorted.length; i > 0; ) {
    if (choice[i]) {
      taken.push(sorted[i - 1]!)
      i = before[i - 1]!
    } else i--
  }
  return taken
}

/**
 * Whether the item's own finds cut the 目录外 word's characters differently and cover them all: 印刷企业 + 年报
 * read 印刷企业年报 across 企业年报, so the question is the item's. Finds inside the word (保险 and 公司 in
 * 保险公司) do not: they are its parts, not another reading. Only the item's name and keyword words are given: a word
 * of a 常见问法 (出去 in 户口迁出去) reads nothing of it.
 */
function cutsDifferently(taken: { o: Occurrence }[], neutral: Uint8Array, o: Occurrence): boolean {
  if (!taken.some((t) => overlap(t.o, o) && (t.o.start < o.start || t.o.end > o.end))) return false
  for (let u = o.start; u < o.end; u++) {
    if (!neutral[u] && !taken.some((t) => t.o.start <= u && u < t.o.end)) return false
  }
  return true
}

/** Whether `o` covers every content unit of the clause (and the clause has some). */
function isWholeClause(o: Occurrence, clause: Span, neutral: Uint8Array): boolean {
  let content = 0
  for (let u = clause.start; u < clause.end; u++) {
    if (neutral[u]) continue
    if (u < o.start || u >= o.end) return false
    content++
  }
  return content > 0
}

function overlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end
}

/**
 * The strength of the 目录外 word at `o` and of the others the item does not mention, each part of the question once:
 * several of them (城管 and 占道 beside 小饭店) say together that the question is about something else.
 */
function outsideTogether(lexicon: Lexicon, outside: readonly Occurrence[], o: Occurrence, item: number): number {
  let strength = outsideStrength(lexicon, o)
  const counted: Occurrence[] = [o]
  for (const p of outside) {
    if (counted.some((c) => overlap(c, p) || c.term === p.term) || weightOf(lexicon, p.term, item)) continue
    strength += outsideStrength(lexicon, p)
    counted.push(p)
  }
  return strength
}

/**
 * A 目录外 word weighs as a term only one item would have, of its length, and a quarter more: it names a service of
 * its own (中考 outweighs 孩子 and 报名 together, which are any school question's words).
 */
function outsideStrength(lexicon: Lexicon, o: Occurrence): number {
  return OUTSIDE_WEIGHT * Math.log(1 + lexicon.items.length) * lengthFactor(o.length ?? o.end - o.start) * o.quality
}

/**
 * How much of the question an item could be expected to explain: content units inside some found term count
 * whole, those no term knows count UNKNOWN_WEIGHT (a resident's own words for the situation, 苗子都黄了, say less
 * against an item than a term that belongs to another item).
 */
function explainableUnits(known: Uint8Array, neutral: Uint8Array, span: Span): number {
  let units = 0
  for (let u = span.start; u < span.end; u++) if (!neutral[u]) units += known[u] ? 1 : UNKNOWN_WEIGHT
  return units
}

/** Units inside some found term. */
function knownUnits(found: Occurrence[], length: number): Uint8Array {
  const known = new Uint8Array(length)
  for (const o of found) known.fill(1, o.start, o.end)
  return known
}

/** The field weight of a term for one item (postings are sorted by item, so binary search). */
export function weightOf(lexicon: Lexicon, term: string, item: number): number {
  const p = lexicon.postings.get(term)
  if (!p) return 0
  let lo = 0
  let hi = p.items.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const v = p.items[mid]!
    if (v === item) return p.weights[mid]!
    if (v < item) lo = mid + 1
    else hi = mid - 1
  }
  return 0
}
