/**
 * Finds the lexicon's terms in a question: exactly, by sound (homophones and pinyin input), and
 * with one wrong character. Each find records where it is, so overlapping finds can be told apart.
 */
import { VERBS, type Lexicon } from './lexicon.js'
import type { Unit } from './normalize.js'
import { charSyllable, soundsNear } from './pinyin.js'

export interface Occurrence {
  term: string
  /** Unit positions [start, end) across the whole question. */
  start: number
  end: number
  /** 1 for an exact find; less for a find by sound or with a wrong character. */
  quality: number
  /** Characters of the term itself, when it was found spread over a longer span. */
  length?: number
  /** Read as a homophone or with a wrong character: a guess at what was meant, not what was typed. */
  guessed?: true
  /** The surface read, when it is not what was typed (a homophone, pinyin, a wrong character): one character per unit. */
  read?: string
  /** Something the resident says they already have (有居住证, 拿着老年证): a detail of the question, not its request. */
  had?: true
  /** Something the resident asks past (除了营业执照还要啥证): the item that is this thing is not what is asked for. */
  besides?: true
  /**
   * Said around another item's own word as something to bring or done already (要带结婚证不, 办了居住证): `had`, and
   * its units are not what an item must explain.
   */
  detail?: true
  /** Said to be needed (要带规划许可证吗, 要死亡证明不): something to bring, a material of what is asked for. */
  needed?: true
  /** A verb-first keyword read from its verb and its object said in other words (交农村养老保险 as 交农保). */
  verbObject?: true
}

const SOUND_QUALITY = 0.8
/** Typed as pinyin on purpose: not a typo, so barely discounted. */
const PINYIN_QUALITY = 0.92
const ONE_OFF_QUALITY = 0.7
/** A look-alike character (往 for 住): as sure as any one wrong character. */
const LOOKALIKE_QUALITY = ONE_OFF_QUALITY
/** A term read across other words: object first with 怎么 or 上哪 before its verb (医保怎么交, 证明上哪开). */
const GAPPED_QUALITY = 0.75
/** A term with a measure word typed inside (刻个章, 办个证): how people say it, nearly as sure as typed whole. */
const SPLIT_QUALITY = 0.9
const MAX_GAP = 2
/** Units between a verb and the object it is typed before (卖 自己做 蛋糕). */
const MAX_VERB_GAP = 4
/** Neutral units allowed between a thing and its verb typed after it (章上哪盖: 上, 哪). */
const MAX_INVERTED_GAP = 3

/** All terms found in the question's segments. */
export function findOccurrences(lexicon: Lexicon, segments: Unit[][]): Occurrence[] {
  const found: Occurrence[] = []
  const exactSpans = new Set<string>()
  /** Spans typed exactly as some term: not read by sound as another term too (救急 is not 救济). */
  const exactWords = new Set<string>()
  let offset = 0
  for (const units of segments) {
    const n = units.length
    /** Per unit, the widest exact find of a specific (not generic) term covering it: [start, end) within the segment. */
    const wordAt: ([number, number] | undefined)[] = new Array(n)
    /** The same for any term, 泛词 too (部门): a character typed as part of a word is that word's, no slip. */
    const typedAt: ([number, number] | undefined)[] = new Array(n)
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
          exactWords.add(`${offset + i}:${offset + j + 1}`)
          for (let u = i; u <= j; u++) {
            const w = typedAt[u]
            if (!w || w[1] - w[0] < j + 1 - i) typedAt[u] = [i, j + 1]
          }
          if (!lexicon.generic.has(term)) {
            for (let u = i; u <= j; u++) {
              const w = wordAt[u]
              if (!w || w[1] - w[0] < j + 1 - i) wordAt[u] = [i, j + 1]
            }
          }
        }
      }
    }
    for (let i = 0; i < n; i++) {
      // By sound: toneless syllables, up to six.
      let key = ''
      let typed = true
      for (let j = i; j < n && j - i < 6; j++) {
        key += (j > i ? ' ' : '') + units[j]!.syllable
        if (units[j]!.text !== undefined) typed = false
        if (j === i || exactWords.has(`${offset + i}:${offset + j + 1}`)) continue
        for (const surface of lexicon.homophones.get(key) ?? []) {
          const term = lexicon.surfaces.get(surface)!
          if (exactSpans.has(`${offset + i}:${offset + j + 1}:${term}`)) continue
          if (replacesNeutral(lexicon, units, i, surface)) continue
          if (misreadsWord(units, wordAt, i, j + 1, surface)) continue
          found.push({ term, start: offset + i, end: offset + j + 1, quality: typed ? PINYIN_QUALITY : SOUND_QUALITY, read: surface, ...(!typed && { guessed: true }) })
        }
      }
    }
    // Split: a term with a measure word or two typed inside it (砍几棵树, 盖个章, 开个证明, 注册个商标), or a 泛词 saying
    // whose (盖镇政府的章, 开村里的证明).
    const genericEnd = new Int32Array(n)
    for (const o of found) {
      if (o.quality !== 1 || o.start < offset || !lexicon.generic.has(o.term)) continue
      genericEnd[o.start - offset] = Math.max(genericEnd[o.start - offset]!, o.end - offset)
    }
    for (let i = 0; i < n; i++) {
      const first = units[i]!.text
      if (first !== undefined && lexicon.prefixes.has(first)) findSplit(lexicon, units, genericEnd, i, first, i + 1, 0, offset, found)
    }
    // One wrong character: windows of 4 to 8 Han characters (single-character units only).
    const chars = units.map((u) => (u.text !== undefined && u.text.length === 1 ? u.text : '\u0000')).join('')
    for (let i = 0; i < n; i++) {
      for (let len = 4; len <= 8 && i + len <= n; len++) {
        const window = chars.slice(i, i + len)
        if (window.includes('\u0000')) break
        // Typed exactly as a term, it is that term, not another with one character changed (买房过户 is not 买房落户).
        if (exactWords.has(`${offset + i}:${offset + i + len}`)) continue
        for (let p = 0; p < len; p++) {
          const key = window.slice(0, p) + '?' + window.slice(p + 1)
          // A measure or function word in place of a term's character is an inserted word, not a typo (出个证明 ≠ 出生证明).
          if (lexicon.neutralChars.has(window[p]!)) continue
          for (const surface of lexicon.oneOff.get(key) ?? []) {
            // Pinyin keyboards slip to a near sound (急/疾, 身分/身份), not to an unrelated word (二手车 ≠ 二手房).
            if (!soundsNear(units[i + p]!.syllable, charSyllable(surface[p]!))) continue
            // Nor a character of a word typed exactly that reaches beyond the window (门 of 部门 in 部门报年报 ≠ 没报年报).
            if (misreadsWord(units, typedAt, i, i + len, surface)) continue
            const term = lexicon.surfaces.get(surface)!
            if (exactSpans.has(`${offset + i}:${offset + i + len}:${term}`)) continue
            found.push({ term, start: offset + i, end: offset + i + len, quality: ONE_OFF_QUALITY, guessed: true, read: surface })
          }
        }
      }
    }
    offset += n
  }
  findInverted(lexicon, segments.flat(), found)
  findDisposal(lexicon, segments, found)
  findVerbObjects(lexicon, segments, found)
  findOutsideAcrossParts(lexicon, segments, found)
  return withoutWordsInsideGeneric(lexicon, withoutVerbsOfModifiers(lexicon, segments.flat(), found))
}

/**
 * A verb-first term typed with 的 after its verb (交的社保, 新开的公司) names the thing the verb was done to, not the verb
 * done to it: only the thing counts (社保, found on its own), not the request 交社保.
 */
function withoutVerbsOfModifiers(lexicon: Lexicon, units: Unit[], found: Occurrence[]): Occurrence[] {
  return found.filter((o) => {
    const verb = units[o.start]!.text
    if (verb === undefined || !VERBS.has(verb) || !o.term.startsWith(verb) || o.end - o.start < 2 || units[o.start + 1]!.afterParticle !== '的') return true
    // Only beside another item's own word, which is then the request (新开的公司 要刻章): alone (迁的户口还没落) it is the
    // question's only clue.
    const owner = lexicon.ownedBy.get(o.term)
    return !found.some((w) => !w.guessed && (w.end <= o.start || w.start >= o.end) && lexicon.ownedBy.has(w.term) && lexicon.ownedBy.get(w.term) !== owner)
  })
}

/** Longest term read with a look-alike character in it, as for one wrong character. */
const MAX_LOOKALIKE_TERM = 8
/**
 * Shortest such term: a two-character word with one character taken for another is most often just another word
 * typed as meant (人保 the insurer, not 入保; 货款, 入口, 接人, 转人工, 往院里), so at least two typed characters must
 * back the reading (居往证 as 居住证).
 */
const MIN_LOOKALIKE_TERM = 3

/**
 * Terms read with one character taken for a look-alike of its 形近字 group (居往证 as 居住证): what a question that
 * found nothing as typed may have meant. A guess, as one wrong character is (a 目录外 word excepted), and only where the
 * character is no part of a word typed exactly that reaches beyond the term (those characters are that word). `found`:
 * the question's finds as typed.
 */
export function findLookalikes(lexicon: Lexicon, segments: Unit[][], found: readonly Occurrence[]): Occurrence[] {
  if (lexicon.lookalikes.size === 0) return []
  const typed = found.filter((o) => o.quality === 1 && o.read === undefined && o.length === undefined)
  const read: Occurrence[] = []
  let offset = 0
  for (const units of segments) {
    const n = units.length
    for (let p = 0; p < n; p++) {
      const others = lexicon.lookalikes.get(units[p]!.text ?? '')
      if (!others) continue
      const at = offset + p
      for (const other of others) {
        for (let i = Math.max(0, p - MAX_LOOKALIKE_TERM + 1); i <= p; i++) {
          let text = ''
          for (let j = i; j < n && j - i < MAX_LOOKALIKE_TERM; j++) {
            const t = j === p ? other : units[j]!.text
            if (t === undefined || t.length !== 1) break
            text += t
            if (!lexicon.prefixes.has(text)) break
            if (j < p || text.length < MIN_LOOKALIKE_TERM) continue
            const term = lexicon.surfaces.get(text)
            if (!term || lexicon.generic.has(term)) continue
            const start = offset + i
            const end = offset + j + 1
            if (typed.some((w) => w.start <= at && at < w.end && (w.start < start || w.end > end))) continue
            // A 目录外 word read so is named as if typed: the reading is what the resident meant, and an item that only
            // borrows the word (助学贷款 in a stamping item's 常见问法) must not take 助学货款 for its own.
            const named = lexicon.outside.has(term) || lexicon.actions.has(term)
            read.push({ term, start, end, quality: LOOKALIKE_QUALITY, read: text, ...(!named && { guessed: true as const }) })
          }
        }
      }
    }
    offset += n
  }
  return read
}

/**
 * A 泛词 typed whole is that word, not the terms inside it: 种猪往外卖 says where the pigs go, not 外卖 (take-away
 * food). Only exact finds of a strictly longer 泛词 hide what lies inside them.
 */
function withoutWordsInsideGeneric(lexicon: Lexicon, found: Occurrence[]): Occurrence[] {
  const generic = found.filter((o) => o.quality === 1 && o.length === undefined && lexicon.generic.has(o.term))
  if (generic.length === 0) return found
  return found.filter(
    (o) => lexicon.generic.has(o.term) || !generic.some((g) => g.start <= o.start && o.end <= g.end && g.end - g.start > o.end - o.start),
  )
}

/**
 * Verb-first keywords typed object first (医保怎么交, 电费咋交, 章上哪盖): across the whole question, since the filler
 * in between (怎么) split it into segments, over a few neutral units between the thing and the verb (上哪, 镇里) and
 * over where or how it is done (医保 在手机上能交吗). A thing heard by sound counts too (医宝 for 医保), as a guess.
 */
function findInverted(lexicon: Lexicon, units: Unit[], found: Occurrence[]): void {
  if (lexicon.inverted.size === 0) return
  const generic = new Uint8Array(units.length)
  for (const o of found) if (o.quality === 1 && lexicon.generic.has(o.term)) generic.fill(1, o.start, o.end)
  const isNeutral = (u: number): boolean => generic[u] === 1 || lexicon.neutralChars.has(units[u]!.text ?? '')
  const heard = found.filter((o) => o.guessed && o.read !== undefined && o.read.length === o.end - o.start)
  const typed = found.filter((o) => o.quality === 1 && o.length === undefined && !o.guessed)
  for (let v = 1; v < units.length; v++) {
    const verb = units[v]!.text
    if (verb === undefined) {
      findInvertedPinyin(lexicon, units, v, found)
      continue
    }
    if (verb.length !== 1) continue
    // A verb with 的 after it says which thing follows (药店开的药, 交的钱): no request turned round.
    if (units[v + 1]?.afterParticle === '的') continue
    for (const end of thingEnds(units, v, isNeutral)) {
      let thing = ''
      for (let start = end - 1; start >= 0 && end - start <= 5; start--) {
        const t = units[start]!.text
        if (t === undefined) break
        // One character is enough: only 目录外 stops are turned round with one (水停 for 停水), keywords have more.
        thing = t + thing
        const term = lexicon.inverted.get(thing + verb)
        if (term && !(thing.length > 1 && insideLonger(typed, start, end))) found.push({ term, start, end: v + 1, quality: GAPPED_QUALITY, length: thing.length + 1 })
      }
      for (const o of heard) {
        if (o.end !== end) continue
        const term = lexicon.inverted.get(o.read! + verb)
        if (term) found.push({ term, start: o.start, end: v + 1, quality: GAPPED_QUALITY * o.quality, length: o.read!.length + 1, guessed: true })
      }
    }
  }
}

/** Units at most between 把 and its verb: the thing put before the verb (把证领了, 把章刻了). */
const MAX_DISPOSED = 4

/**
 * Verb-first terms typed with 把 (把证领了, 先把章刻了): 把 puts the object before its verb, so the two read as the term
 * the verb and the object make, however short the object (领证), in the same part.
 */
function findDisposal(lexicon: Lexicon, segments: Unit[][], found: Occurrence[]): void {
  let offset = 0
  for (const units of segments) {
    for (let b = 0; b < units.length - 2; b++) {
      if (units[b]!.text !== '把') continue
      let thing = ''
      for (let v = b + 1; v < units.length && v - b - 1 <= MAX_DISPOSED; v++) {
        const verb = units[v]!.text
        if (verb === undefined) break
        if (thing) {
          const term = lexicon.surfaces.get(verb + thing)
          if (term && !found.some((o) => o.term === term && o.start === offset + b + 1)) {
            found.push({ term, start: offset + b + 1, end: offset + v + 1, quality: SPLIT_QUALITY, length: thing.length + 1 })
          }
        }
        thing += verb
      }
    }
    offset += units.length
  }
}

/**
 * Whether units [start, end) are the tail of a longer word typed whole before them: 药店 in 农药店 is no thing of its
 * own, so 农药店开业 is not 开药店 read object first. (A one-character thing, the 水 of 停水, is read from the end of
 * whatever word holds it by design: 自来水停了.)
 */
function insideLonger(typed: readonly Occurrence[], start: number, end: number): boolean {
  return typed.some((w) => w.start < start && start < w.end && end <= w.end)
}

/**
 * Verb-first keywords whose object the resident names in other words (交农保 typed 交农村养老保险, 新农保咋交): the
 * verb before the object over a measure word or two in the same part (办个残疾本), or after it as findInverted reads
 * it. Only terms the object is found as: a keyword's object written as a 说法 (农保) stands for its standard word.
 */
function findVerbObjects(lexicon: Lexicon, segments: Unit[][], found: Occurrence[]): void {
  // Most questions name no such object: nothing else to do.
  const objects = found.filter(
    (o) => lexicon.verbObjects.has(o.term) && !lexicon.generic.has(o.term) && (o.read === undefined || o.read.length === o.end - o.start),
  )
  if (objects.length === 0) return
  const units = segments.flat()
  const partOf = new Int32Array(units.length)
  let at = 0
  segments.forEach((segment, k) => partOf.fill(k, at, (at += segment.length)))
  const generic = new Uint8Array(units.length)
  for (const o of found) if (o.quality === 1 && lexicon.generic.has(o.term)) generic.fill(1, o.start, o.end)
  const isNeutral = (u: number): boolean => generic[u] === 1 || lexicon.neutralChars.has(units[u]!.text ?? '')
  const verbAt = (u: number) => {
    const text = units[u]!.text
    return text !== undefined && text.length === 1 ? text : undefined
  }
  const added: Occurrence[] = []
  const add = (o: Occurrence, terms: string[], start: number, end: number, quality: number) => {
    for (const term of terms) {
      if (found.some((f) => f.term === term && f.start === start && f.end === end)) continue
      const length = (o.length ?? o.end - o.start) + 1
      added.push({ term, start, end, quality: quality * o.quality, length, verbObject: true, ...(o.guessed && { guessed: true as const }) })
    }
  }
  for (const o of objects) {
    const byVerb = lexicon.verbObjects.get(o.term)!
    // The verb before, in the same part: right before the object, over measure words (办个残疾本), or over a few
    // words saying which one (卖自己做的蛋糕). Not a verb a particle follows: 交的农村养老保险 is the insurance paid.
    let between = true
    for (let v = o.start - 1; v >= 0 && o.start - 1 - v <= MAX_VERB_GAP && partOf[v] === partOf[o.start]; v--) {
      // A thing after 带 is brought, not done (办证要带结婚证: the 证 is done, the 结婚证 brought).
      if (BRINGING.has(units[v]!.text ?? '')) break
      const terms = !units[v + 1]!.afterParticle && byVerb.get(verbAt(v) ?? '')
      if (terms) {
        add(o, terms, v, o.end, v === o.start - 1 ? 1 : between ? SPLIT_QUALITY : GAPPED_QUALITY)
        break
      }
      if (!isNeutral(v)) between = false
    }
    // The verb after the thing, as findInverted reads it (新农保咋交, 农村养老保险 在手机上能交吗).
    for (let v = o.end; v < units.length && v - o.end <= MAX_INVERTED_GAP + MAX_PLACE; v++) {
      const terms = byVerb.get(verbAt(v) ?? '')
      if (terms && thingEnds(units, v, isNeutral).includes(o.end)) add(o, terms, o.start, v + 1, GAPPED_QUALITY)
    }
  }
  found.push(...added)
}

/** Verbs of bringing: the thing typed after one is what is brought, not what a verb before it is done to. */
const BRINGING = new Set(['带'])

/** Characters after a place that say the thing is done on or in it (手机上, 网上, 镇里). */
const LOCALIZERS = new Set(['上', '里'])
/** Characters of a place named before a localizer (手机, 微信, 网): longer is a clause of its own, not a place. */
const MAX_PLACE = 3

/**
 * Where a thing typed before the verb at `v` may end: right before it, or before up to MAX_INVERTED_GAP neutral
 * units and at most one place with its localizer (在手机上, 网上), which says where or how, not what.
 */
function thingEnds(units: Unit[], v: number, isNeutral: (u: number) => boolean): number[] {
  const ends: number[] = []
  const walk = (end: number, neutralLeft: number, placeLeft: boolean): void => {
    if (!ends.includes(end)) ends.push(end)
    if (end < 3) return
    if (neutralLeft > 0 && isNeutral(end - 1)) walk(end - 1, neutralLeft - 1, placeLeft)
    // The localizer is already in the gap (上 and 里 are neutral): the place is right before it.
    if (!placeLeft || end >= v || !LOCALIZERS.has(units[end]!.text ?? '')) return
    for (let len = 1; len <= MAX_PLACE && end - len >= 2; len++) {
      if (units[end - len]!.text === undefined) break
      walk(end - len, neutralLeft, false)
    }
  }
  walk(v, MAX_INVERTED_GAP, true)
  return ends
}

/** findInverted for typed pinyin, the verb at unit `v`: the fillers in between are known by sound (zen me). */
function findInvertedPinyin(lexicon: Lexicon, units: Unit[], v: number, found: Occurrence[]): void {
  const verb = units[v]!.syllable
  for (let end = v; end >= 2 && v - end <= MAX_INVERTED_GAP; end--) {
    if (end < v) {
      const gap = units.slice(end, v)
      if (gap.some((u) => u.text !== undefined) || !lexicon.neutralSyllables.has(gap.map((u) => u.syllable).join(' '))) continue
    }
    let thing = ''
    for (let start = end - 1; start >= 0 && end - start <= 5; start--) {
      if (units[start]!.text !== undefined) break
      thing = thing === '' ? units[start]!.syllable : `${units[start]!.syllable} ${thing}`
      if (end - start < 2) continue
      const term = lexicon.invertedSounds.get(`${thing} ${verb}`)
      if (term) found.push({ term, start, end: v + 1, quality: GAPPED_QUALITY, length: end - start + 1 })
    }
  }
}

/**
 * A find by sound whose differing character belongs to a word typed exactly that reaches beyond it: 户口要迁到 has
 * 迁到, so 要迁 is not 要钱. Typed characters that make a real word are that word, not a homophone of another.
 */
function misreadsWord(units: Unit[], wordAt: ([number, number] | undefined)[], start: number, end: number, surface: string): boolean {
  for (let k = start; k < end; k++) {
    const typed = units[k]!.text
    if (typed === undefined || typed === surface[k - start]) continue
    const word = wordAt[k]
    if (word && (word[0] < start || word[1] > end)) return true
  }
  return false
}

/**
 * A find by sound that rests on a typed measure or function word standing where the term has another
 * character (盖个 heard as 改革): such words are typed on purpose, they are not slips of the pinyin keyboard.
 * Unless every other character is the term's own: 兽要店 and 农要 are 兽药店 and 农药 mistyped. In a two-character
 * term such a word may only be the second (是名, 想镇 are more likely 是 and 想 meant than 实名, 乡镇).
 */
function replacesNeutral(lexicon: Lexicon, units: Unit[], start: number, surface: string): boolean {
  let neutralAt = -1
  let otherwiseExact = true
  for (let k = 0; k < surface.length; k++) {
    const typed = units[start + k]?.text
    if (typed === surface[k]) continue
    if (typed !== undefined && lexicon.neutralChars.has(typed) && neutralAt < 0) neutralAt = k
    else otherwiseExact = false
  }
  if (neutralAt < 0) return false
  return !otherwiseExact || (surface.length === 2 && neutralAt === 0)
}

/**
 * 目录外 words typed apart over a break between parts, with at most a few neutral units besides (创业 有补贴吗 is
 * 创业补贴): a pause or a comma does not change what the resident asks about. Only 目录外 words: an item's terms stay
 * within a part, where a story told before the request keeps its own words.
 */
function findOutsideAcrossParts(lexicon: Lexicon, segments: Unit[][], found: Occurrence[]): void {
  if (segments.length < 2 || lexicon.outside.size === 0) return
  const units = segments.flat()
  const partOf = new Int32Array(units.length)
  let at = 0
  segments.forEach((segment, k) => partOf.fill(k, at, (at += segment.length)))
  const genericEnd = new Int32Array(units.length)
  for (const o of found) {
    if (o.quality !== 1 || !lexicon.generic.has(o.term)) continue
    genericEnd[o.start] = Math.max(genericEnd[o.start]!, o.end)
  }
  const across: Occurrence[] = []
  for (let i = 0; i < units.length; i++) {
    const first = units[i]!.text
    if (first !== undefined && lexicon.prefixes.has(first)) findSplit(lexicon, units, genericEnd, i, first, i + 1, 0, 0, across, partOf)
  }
  for (const o of across) if (lexicon.outside.has(o.term) && partOf[o.start] !== partOf[o.end - 1]) found.push(o)
}

/**
 * Extends `text` (the term's characters so far, units [start, j) read) over units j…, skipping neutral ones inside and
 * 泛词 typed whole (`genericEnd`: where the longest one starting at a unit ends, 0 for none), each one gap.
 */
function findSplit(
  lexicon: Lexicon, units: Unit[], genericEnd: Int32Array, start: number, text: string, j: number, gaps: number, offset: number, found: Occurrence[],
  partOf?: Int32Array,
): void {
  if (j >= units.length) return
  const t = units[j]!.text
  if (t === undefined) return
  const longer = text + t
  if (lexicon.prefixes.has(longer)) {
    // Across parts (`partOf` given), the break itself is the gap: 创业 补贴.
    const apart = gaps > 0 || (partOf !== undefined && partOf[start] !== partOf[j])
    const term = apart && longer.length >= 2 ? lexicon.surfaces.get(longer) : undefined
    if (term) found.push({ term, start: offset + start, end: offset + j + 1, quality: SPLIT_QUALITY, length: longer.length })
    findSplit(lexicon, units, genericEnd, start, longer, j + 1, gaps, offset, found, partOf)
  }
  // Only measure words and the like may sit in between (砍几棵树), not content (转过来).
  if (gaps >= MAX_GAP) return
  if (lexicon.neutralChars.has(t)) findSplit(lexicon, units, genericEnd, start, text, j + 1, gaps + 1, offset, found, partOf)
  const after = genericEnd[j]!
  if (after > j + 1) findSplit(lexicon, units, genericEnd, start, text, after, gaps + 1, offset, found, partOf)
}
