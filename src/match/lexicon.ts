/**
 * The index built from one catalogue version: which terms point at which items and how much each
 * says. Terms come from item names, keywords, phrasings (segmented) and the synonyms file; a
 * synonym's every variant points at its standard word, so 低保 and 最低生活保障 are one term.
 */
import type { Catalog, CatalogItem } from '../catalog/types.js'
import { matchableText as normalizeText } from './normalize.js'
import { wordSyllables } from './pinyin.js'
import { looseAt, lostThing, overlaps } from './reissue.js'
import { createPostingsBuilder, type Postings } from './postings.js'
import type { Span } from './score.js'
import { segmenter } from './segment.js'

/** How much a term found in each field of an item tells about that item. */
const FIELD_WEIGHT = { name: 1, keyword: 0.9, phrasing: 0.25 } as const
/**
 * A term that belongs to another item (in its name, or for phrasings also in its keywords) says
 * less where it is only borrowed: 合作社 in a trademark phrasing, 低保 as a keyword of 医疗救助.
 */
const BORROWED = 0.5
/** Share of a keyword's weight for a term found inside it rather than the keyword whole. */
const INSIDE_KEYWORD = 0.7
/** Brackets, book-title marks and list marks in item names. */
const NAME_BREAKS = /[\s()（）《》〈〉【】\[\]「」、，,·：:；;]+/u
/** A keyword that is a one-character verb (pay, apply, fetch, issue, reissue, change, move, check, buy, stamp, stop, cut a seal) and its object. */
const INVERTIBLE = /^([交缴办领开补换迁查买盖停刻])(\p{Script=Han}{2,5})$/u
/** Verb-first keywords whose object residents name in other words (卖吃的 said 卖蛋糕): INVERTIBLE's verbs, 卖 and 做. */
const VERB_OBJECT = /^([交缴办领开补换迁查买盖停刻卖做])(\p{Script=Han}{2,5})$/u
/** The first characters INVERTIBLE, INVERTIBLE_OUTSIDE and VERB_OBJECT can match. */
export const VERBS = new Set('交缴办领开补换迁查买盖停刻卖做断')
/**
 * A 目录外 word that is a stop and what stopped (停水, 停电): residents name the thing first (自来水停了, 电停了), and
 * the thing is one character.
 */
const INVERTIBLE_OUTSIDE = /^([停断])(\p{Script=Han})$/u
/** Bits of what a term is while the index is built: see `kinds` in buildLexicon. */
const IN_NAME = 1 // in some item's name
const STRONG = 2 // in some item's name or keywords
const ACTION = 4 // a 目录外动作 word
const WATCHED = 8 // a 目录外动作 or 补办 word: items that mention it are recorded
/** Longer texts are not typed whole by residents; their segments are terms instead. */
const MAX_SURFACE = 16
/** Key of the 补办 words in `mentions`: every word of the list (补, 补领, 丢, 遗失 …) asks for the same thing. */
export const REISSUE = '补办'
/** Field weight of an item's own words: its name, or one of its keywords typed whole (not a word inside one). */
export const OWN_WEIGHT = 0.8

export type { Postings } from './postings.js'

export interface Lexicon {
  items: CatalogItem[]
  /** Written form → the term it stands for (itself, or a synonym's standard word). */
  surfaces: Map<string, string>
  /** Every prefix of every surface: lets a scan stop as soon as no surface can start here. */
  prefixes: Set<string>
  postings: Map<string, Postings>
  /** Terms from the 泛词 list: they neither prove an item nor count against one. */
  generic: Set<string>
  /** Terms from the 目录外 list: services this catalogue does not handle. */
  outside: Set<string>
  /**
   * Terms that end a 目录外 word, the word a kind of them (老年卡 in 公交老年卡, 过户 in 车辆过户): said alone, the resident
   * may mean that kind outside the catalogue as well as the item the term is a word of.
   */
  partsOfOutside: Set<string>
  /** Terms from the 身份词 list: who asks (村干部), neither for nor against an item in a part saying so (我是村干部，…). */
  askers: Set<string>
  /** Terms from the 目录外动作 list: what residents ask to have done that most items do not do (注销, 报销). */
  actions: Set<string>
  /**
   * For each 目录外动作 term, the items that mention it: `true` where they name it outright (their name, a keyword that
   * is the word), else the words that put it in the item's context when the question has one of them too (异地就医 for
   * 报销 in the keyword 异地就医报销; none for a mention in a 常见问法).
   */
  mentions: Map<string, Map<number, true | Set<string>>>
  /** Terms from the 补办 list of two characters or more (补领, 遗失 …): a question with one asks for a reissue. */
  reissue: Set<string>
  /** Single characters of the 补办 list (补, 丢): they ask for a reissue where no longer word holds them (not 补贴). */
  reissueChars: Set<string>
  /** Terms that are one item's own words (its name, a whole keyword) and no other item's: 备案 is 医保异地就医备案's; 医保 is not. */
  ownedBy: Map<string, number>
  /** Characters by which residents ask for something (请求字): 办, 领, 补 … */
  askingChars: Set<string>
  /** Single characters from the 泛词 list (想, 要, 个 …): ignored when judging how much of a question an item explains. */
  neutralChars: Set<string>
  /** Fillers and generic words as toneless pinyin ("zen me", "ban"): neutral when a resident types pinyin. */
  neutralSyllables: Set<string>
  /** How specific each term is: rarer across items and longer means more telling. */
  specificity: Map<string, number>
  /** Toneless pinyin of a surface ("di bao") → surfaces that sound so. */
  homophones: Map<string, string[]>
  /** A surface with one character blanked ("个?工商户") → surfaces: tolerates one wrong character. */
  oneOff: Map<string, string[]>
  /**
   * A verb-first keyword turned round (交医保 → 医保交) → its term: residents name the thing first and the verb
   * last, often with 怎么 in between (医保怎么交).
   */
  inverted: Map<string, string>
  /** The same by sound, for pinyin typed object first (yibao zenme jiao): "yi bao jiao" → 交医保. */
  invertedSounds: Map<string, string>
  /**
   * Verb-first keywords by the term their object stands for, then their verb (城乡居民养老保险 → 交 → 交农保): any word
   * residents use for the object, with the verb before or after it, says the keyword (交农村养老保险, 新农保咋交).
   */
  verbObjects: Map<string, Map<string, string[]>>
  /** Terms in the names of an item's materials (契税 in 契税等税费缴纳凭证); worked out when first asked, per item. */
  materialTerms(item: number): ReadonlySet<string>
  /** A character → the characters that look like it (形近字: 往 → 住), for a question that finds nothing as typed. */
  lookalikes: Map<string, string[]>
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
  // Questions lose their particles (了, 的) before matching, so a keyword written with one (卖吃的, 房子卖了) is
  // also indexed without it, or it could never be met whole.
  const particles = new Set([...fillers].filter((f) => f.length === 1))
  /**
   * A written keyword's matchable form, followed by that form without particles when it differs and keeps two
   * characters (none for a keyword with nothing matchable). Once per distinct keyword: county copies repeat them.
   */
  const formsMemo = new Map<string, string[]>()
  const keywordForms = (written: string) => {
    let forms = formsMemo.get(written)
    if (!forms) {
      const k = matchableText(written)
      const bare = particles.size ? [...k].filter((ch) => !particles.has(ch)).join('') : k
      forms = !k ? [] : bare !== k && bare.length >= 2 ? [k, bare] : [k]
      formsMemo.set(written, forms)
    }
    return forms
  }
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
  const named = items.map((item) => {
    // Names are phrases between brackets and marks (个体工商户登记（设立）（莒南县）); no term spans a
    // bracket, and a provincial catalogue repeats the same phrases thousands of times, so each phrase is
    // normalised, cut and searched once.
    const nameParts = item.name.split(NAME_BREAKS).map(matchableText).filter(Boolean)
    const keywords: string[] = []
    for (const k of item.keywords) keywords.push(...keywordForms(k))
    return {
      name: nameParts.join(''),
      nameParts,
      glosses: glossParts(item.name, matchableText),
      keywords,
      phrasings: item.phrasings.map(matchableText).filter(Boolean),
    }
  })
  // Distinct keywords and whole texts, in the order items first use them (that order decides the index's).
  const keywords = new Set<string>()
  const wholeTexts = new Set<string>()
  for (const n of named) {
    wholeTexts.add(n.name)
    for (const k of n.keywords) keywords.add(k), wholeTexts.add(k)
  }
  // jieba learns the synonyms and keywords; names are cut by them rather than added whole.
  const cut = segmenter([...surfaces.keys(), ...keywords])
  for (const t of wholeTexts) addSurface(t)
  // The county's own place names (大店镇, 大店, 十字路街道, 大店一村) say where, not what: 大店镇低保 is about 低保.
  for (const place of placeNames(catalog)) {
    const text = matchableText(place)
    if (text.length >= 2 && !wholeTexts.has(text)) generic.add(text)
  }
  // Generic words are always recognised, even when no item uses them, so they count as neutral.
  for (const g of generic) addSurface(g)
  // So are the words for what is not in the catalogue: a question naming one is likely about that.
  const outsideWords = catalog.words.outside.map(matchableText).filter((w) => w.length >= 2)
  for (const w of outsideWords) addSurface(w)
  const actionWords = (catalog.words.actions ?? []).map(matchableText).filter((w) => w.length >= 2)
  for (const w of actionWords) addSurface(w)
  const reissueWords = (catalog.words.reissue ?? []).map(matchableText).filter(Boolean)
  for (const w of reissueWords) addSurface(w)
  const reissueChars = new Set(reissueWords.filter((w) => w.length === 1))
  const seen = new Set<string>()
  const addWordsOf = (text: string) => {
    if (seen.has(text)) return
    seen.add(text)
    for (const w of cut(text)) addSurface(matchableText(w))
  }
  for (const n of named) n.nameParts.forEach(addWordsOf), n.keywords.forEach(addWordsOf), n.phrasings.forEach(addWordsOf)
  const prefixes = prefixSet(surfaces.keys())
  const outside = new Set(outsideWords.map((w) => surfaces.get(w) ?? w))
  const partsOfOutside = new Set<string>()
  for (const w of outsideWords) {
    for (const p of spansIn(w, surfaces, prefixes)) if (p.start > 0 && p.end === w.length && !outside.has(p.term)) partsOfOutside.add(p.term)
  }
  const actions = new Set(actionWords.map((w) => surfaces.get(w) ?? w))
  const reissue = new Set(reissueWords.filter((w) => w.length >= 2).map((w) => surfaces.get(w) ?? w))

  // Terms are interned to numbers while building: a province-sized catalogue credits millions of
  // (item, term) pairs, and arrays indexed by number are far cheaper than string-keyed maps.
  const termIds = new Map<string, number>()
  const termNames: string[] = []
  // What the crediting loop asks of a term, as bits by id: string-keyed set look-ups on every credit were a large
  // share of the build.
  const kinds: number[] = []
  const idOf = (term: string) => {
    let id = termIds.get(term)
    if (id === undefined) {
      termIds.set(term, (id = termNames.push(term) - 1))
      const action = actions.has(term)
      kinds.push((action ? ACTION : 0) | (action || reissue.has(term) ? WATCHED : 0))
    }
    return id
  }
  // Terms of each distinct text, found once: county copies of an item share most of their texts.
  const wordsIn = createWordsIn(surfaces, prefixes)
  const insideMemo = new Map<string, number[]>()
  const inside = (text: string) => {
    let ids = insideMemo.get(text)
    if (!ids) insideMemo.set(text, (ids = [...wordsIn(text)].map(idOf)))
    return ids
  }
  /** A name or keyword counts whole and by the terms inside it. */
  const wholeMemo = new Map<string, number[]>()
  const wholeAndInside = (text: string) => {
    let ids = wholeMemo.get(text)
    if (!ids) wholeMemo.set(text, (ids = [...new Set([idOf(surfaces.get(text) ?? text), ...inside(text)])]))
    return ids
  }
  /**
   * A name counts whole and by the terms inside each of its phrases; a phrase in brackets (新生儿落户 in 出生登记（新生儿落户）)
   * counts whole, but the words inside it (落户) only as words inside a keyword do (`gloss`): a gloss explains the name,
   * it does not make its words the item's own, nor borrowed where another item has them (落户 is 户口迁入登记's keyword).
   */
  const nameMemo = new Map<string, { ids: number[]; gloss: number[] }>()
  const noGloss: number[] = []
  const nameTerms = (n: (typeof named)[number]) => {
    if (n.nameParts.length === 1) return { ids: wholeAndInside(n.name), gloss: noGloss }
    let terms = nameMemo.get(n.name)
    if (!terms) {
      const ids = [idOf(surfaces.get(n.name) ?? n.name)]
      const gloss: number[] = []
      for (const part of n.nameParts) {
        const whole = surfaces.has(part) ? idOf(surfaces.get(part)!) : -1
        for (const t of inside(part)) {
          if (ids.includes(t)) continue
          if (t === whole || !n.glosses.includes(part)) ids.push(t)
          else if (!gloss.includes(t)) gloss.push(t)
        }
      }
      terms = { ids, gloss: gloss.filter((t) => !ids.includes(t)) }
      nameMemo.set(n.name, terms)
    }
    return terms
  }
  // 低保 as a keyword of 医疗救助 says less than 低保 in 最低生活保障申请's own name.
  const nameTermsOf = named.map(nameTerms)
  const nameIds = nameTermsOf.map((t) => t.ids)
  const glossIds = nameTermsOf.map((t) => t.gloss)
  for (const ids of nameIds) for (const t of ids) kinds[t]! |= IN_NAME | STRONG
  for (const ids of glossIds) for (const t of ids) kinds[t]! |= STRONG
  for (const k of keywords) for (const t of wholeAndInside(k)) kinds[t]! |= STRONG

  // Items are credited in order, so each term's list comes out sorted by item.
  const credits = createPostingsBuilder()
  const credit = credits.credit
  const owns = credits.has
  const watched = (id: number) => (kinds[id]! & WATCHED) !== 0
  const reissueId = idOf(REISSUE)
  const mentionIds = new Map<number, Map<number, true | Set<number>>>()
  const mention = (id: number, i: number, context?: Iterable<number>) => {
    let byItem = mentionIds.get(id)
    if (!byItem) mentionIds.set(id, (byItem = new Map()))
    const had = byItem.get(i)
    if (had === true) return
    if (!context) return void byItem.set(i, true)
    const set = had ?? new Set<number>()
    for (const c of context) set.add(c)
    byItem.set(i, set)
  }
  /**
   * Words of a keyword that put its action in context: specific ones, neither the action nor part of it, and no 目录外
   * word (拆迁 in 拆迁补偿文件 is a service of its own: 文件 is what makes 补偿 this item's).
   */
  const contextOf = (ids: readonly number[], id: number) => {
    const word = termNames[id]!
    return ids.filter((c) => {
      const t = termNames[c]!
      return c !== id && !generic.has(t) && !watched(c) && !outside.has(t) && !t.includes(word) && !word.includes(t)
    })
  }
  /** Specific words inside a text, the text itself left out (补残疾证 is a keyword, but 补 in it is what it does). */
  const words = (text: string) => spansIn(text, surfaces, prefixes).filter((w) => !generic.has(w.term) && w.end - w.start < text.length)
  // Most texts have no 补办 word at all: skip cutting them into words (province-sized catalogues). The words
  // themselves, not their letters: 办, 证 and 不 (补办, 补证, 找不着) are in nearly every text.
  const mayReissue = (text: string) => reissueWords.some((w) => text.includes(w))
  /** The 补办 characters of a text that no longer word holds: 补 in 补残疾证, not in 补贴. Once per distinct text. */
  const looseMemo = new Map<string, number[]>()
  const looseChars = (text: string) => {
    let at = looseMemo.get(text)
    if (!at) looseMemo.set(text, (at = reissueChars.size && mayReissue(text) ? looseAt(text.split(''), reissueChars, words(text)) : []))
    return at
  }
  /**
   * For each 补办 character loose in a keyword, the words of the keyword that say what is reissued (残疾证 in
   * 补残疾证). Found once per distinct keyword: county copies share them.
   */
  const reissueContextMemo = new Map<string, number[][]>()
  const reissueContexts = (k: string) => {
    let contexts = reissueContextMemo.get(k)
    if (!contexts) {
      const ids = wholeAndInside(k)
      contexts = looseChars(k).map((u) => contextOf(ids, reissueId).filter((c) => !termNames[c]!.includes(k[u]!)))
      reissueContextMemo.set(k, contexts)
    }
    return contexts
  }
  /**
   * Whether a 常见问法 asks for a reissue: it has a 补办 word, and no word of the item's own (its name, a whole keyword)
   * beside the lost thing. 光荣证丢了咋领独生子女钱 asks for 独生子女钱: the lost 光荣证 is a material of it.
   */
  const gaps = new Set([...generic, ...particles].filter((g) => g.length === 1))
  /**
   * The text's part of that: for each 补办 word with a lost thing, the words beside the thing (any of which, being the
   * item's own, makes it not a reissue). Found once per distinct phrasing; the item's own words are checked per item.
   */
  const lostMemo = new Map<string, string[][]>()
  const lostThingsIn = (text: string) => {
    let found = lostMemo.get(text)
    if (found) return found
    found = []
    if (mayReissue(text)) {
      const all = words(text)
      const at: Span[] = [...all.filter((w) => reissue.has(w.term)), ...looseAt(text.split(''), reissueChars, all).map((u) => ({ start: u, end: u + 1 }))]
      const things = all.filter((w) => !reissue.has(w.term) && !actions.has(w.term) && !outside.has(w.term))
      for (const a of at) {
        const thing = lostThing(a, things, (u) => gaps.has(text[u]!))
        if (thing) found.push(things.filter((w) => !overlaps(w, thing)).map((w) => w.term))
      }
    }
    lostMemo.set(text, found)
    return found
  }
  // A term not interned yet is no item's own word yet: look it up when asked, not when the text was first seen.
  const reissuedIn = (text: string, own: () => ReadonlySet<number>) =>
    lostThingsIn(text).some((beside) => !beside.some((term) => own().has(termIds.get(term) ?? -1)))
  named.forEach((n, i) => {
    for (const t of nameIds[i]!) {
      credit(i, t, FIELD_WEIGHT.name)
      if (watched(t)) mention(t, i)
    }
    for (const t of glossIds[i]!) credit(i, t, FIELD_WEIGHT.keyword * INSIDE_KEYWORD)
    if (n.nameParts.some((p) => looseChars(p).length)) mention(reissueId, i)
    for (const k of n.keywords) {
      const ids = wholeAndInside(k)
      for (let j = 0; j < ids.length; j++) {
        const t = ids[j]!
        // The keyword itself comes first; a word inside it says less (网吧执照 is about 网吧, not 营业执照).
        const part = j === 0 ? 1 : INSIDE_KEYWORD
        credit(i, t, FIELD_WEIGHT.keyword * part * (!owns(i, t) && kinds[t]! & IN_NAME ? BORROWED : 1))
        // 异地就医报销 does 报销 only for treatment elsewhere: the rest of the keyword must be asked about too.
        if (watched(t)) mention(t, i, j === 0 ? undefined : contextOf(ids, t))
      }
      // 补残疾证 reissues 残疾证: the thing must be asked about too.
      for (const context of reissueContexts(k)) mention(reissueId, i, context)
    }
    // Only needed for a phrasing that names a lost thing: most items have none.
    let ownIds: Set<number> | undefined
    const own = () => (ownIds ??= new Set([...nameIds[i]!, ...n.keywords.map((k) => wholeAndInside(k)[0]!)]))
    for (const p of n.phrasings) {
      for (const t of inside(p)) {
        credit(i, t, FIELD_WEIGHT.phrasing * (!owns(i, t) && kinds[t]! & STRONG ? BORROWED : 1))
        if (kinds[t]! & ACTION) mention(t, i, [])
      }
      if (reissuedIn(p, own)) mention(reissueId, i, [])
    }
  })
  const mentions = new Map<string, Map<number, true | Set<string>>>()
  for (const [id, byItem] of mentionIds) {
    // Every 补办 word (补领, 遗失 …) is one action: an item that mentions one of them reissues.
    const key = reissue.has(termNames[id]!) ? REISSUE : termNames[id]!
    let byName = mentions.get(key)
    if (!byName) mentions.set(key, (byName = new Map()))
    for (const [i, m] of byItem) {
      const had = byName.get(i)
      if (had === true || m === true) byName.set(i, true)
      else byName.set(i, new Set([...(had ?? []), ...[...m].map((c) => termNames[c]!)]))
    }
  }

  const postings = new Map<string, Postings>()
  credits.finish(termNames.length).forEach((list, id) => {
    if (list) postings.set(termNames[id]!, list)
  })
  const ownedBy = new Map<string, number>()
  for (const [term, list] of postings) {
    if (generic.has(term)) continue
    let owner = -1
    for (let k = 0; k < list.items.length; k++) {
      if (list.weights[k]! < OWN_WEIGHT) continue
      owner = owner === -1 ? list.items[k]! : -2
      if (owner === -2) break
    }
    if (owner >= 0) ownedBy.set(term, owner)
  }
  const specificity = new Map<string, number>()
  for (const [term, list] of postings) {
    // Weighted document frequency: a term named by one item and mentioned in passing by two others
    // is still mostly that one item's.
    // (A plain loop, not reduce: a callback per credit is millions of calls at 30,000 items. Same order, same sum.)
    let weighted = 0
    for (let k = 0; k < list.weights.length; k++) weighted += list.weights[k]!
    const df = Math.max(1, weighted)
    const idf = Math.log(1 + items.length / df)
    specificity.set(term, idf * (generic.has(term) ? 0.25 : 1))
  }
  for (const [surface, term] of surfaces) {
    if (!postings.has(term) && !generic.has(term) && !outside.has(term) && !actions.has(term) && !reissue.has(term)) surfaces.delete(surface)
  }

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
  const neutralSyllables = new Set(
    [...fillers, ...generic].filter((w) => /^\p{Script=Han}{1,4}$/u.test(w)).map((w) => wordSyllables(w).join(' ')),
  )
  const inverted = new Map<string, string>()
  const verbObjects = new Map<string, Map<string, string[]>>()
  for (const [surface, term] of surfaces) {
    // Only surfaces starting with a verb can be either (a look-up, not a regular expression, for the many that do not).
    if (!VERBS.has(surface[0]!)) continue
    const object = VERB_OBJECT.exec(surface)
    const objectTerm = object && surfaces.get(object[2]!)
    if (objectTerm && postings.has(term) && !generic.has(objectTerm)) {
      let byVerb = verbObjects.get(objectTerm)
      if (!byVerb) verbObjects.set(objectTerm, (byVerb = new Map()))
      const terms = byVerb.get(object[1]!)
      if (!terms) byVerb.set(object[1]!, [term])
      else if (!terms.includes(term)) terms.push(term)
    }
    const turned = INVERTIBLE.exec(surface) ?? (outside.has(term) ? INVERTIBLE_OUTSIDE.exec(surface) : null)
    if (!turned || !(postings.has(term) || outside.has(term))) continue
    const text = turned[2]! + turned[1]!
    if (!surfaces.has(text) && !inverted.has(text)) inverted.set(text, term)
  }
  const invertedSounds = new Map<string, string>()
  for (const [text, term] of inverted) {
    const key = wordSyllables(text).join(' ')
    if (!homophones.has(key) && !invertedSounds.has(key)) invertedSounds.set(key, term)
  }
  // Only a question asking past something (除了契税) needs them: not built with the index.
  const materialTerms = materialTermsOf(items, surfaces, prefixes)
  return {
    materialTerms,
    lookalikes: lookalikesOf(catalog.words.lookalikes ?? []),
    askers: new Set((catalog.words.askers ?? []).map(matchableText).map((w) => surfaces.get(w) ?? w)),
    items, surfaces, prefixes, generic: genericTerms, outside, partsOfOutside, actions, reissue, reissueChars, mentions, ownedBy, askingChars: new Set(catalog.words.asking), neutralChars, neutralSyllables, postings, specificity, homophones, oneOff,
    inverted, invertedSounds, verbObjects,
  }
}

/**
 * Terms in the names of each item's materials, found when first asked for. Made outside buildLexicon so that the
 * function the lexicon keeps holds on to nothing of the build (its memos of every text) but what it reads.
 */
function materialTermsOf(items: CatalogItem[], surfaces: Map<string, string>, prefixes: Set<string>): (item: number) => ReadonlySet<string> {
  const memo = new Map<number, Set<string>>()
  let wordsIn: ((text: string) => Set<string>) | undefined
  return (item) => {
    let terms = memo.get(item)
    if (!terms) {
      terms = new Set()
      wordsIn ??= createWordsIn(surfaces, prefixes)
      for (const m of items[item]!.materials) if (!m.notice) for (const t of wordsIn(normalizeText(m.name))) terms.add(t)
      memo.set(item, terms)
    }
    return terms
  }
}

/** Each character of the 形近字 groups → the other characters of its groups (a character may be in several). */
function lookalikesOf(groups: readonly string[]): Map<string, string[]> {
  const others = new Map<string, string[]>()
  for (const group of groups) {
    const chars = [...normalizeText(group)]
    for (const ch of chars) for (const other of chars) if (other !== ch) push(others, ch, other)
  }
  return others
}

function prefixSet(surfaces: Iterable<string>): Set<string> {
  const set = new Set<string>()
  for (const s of surfaces) {
    // The set holds every prefix of what it holds, so only the prefixes longer than the longest one already in
    // it are new (county copies of a name share most of theirs); added shortest first, as one by one would.
    let known = s.length
    while (known > 0 && !set.has(s.slice(0, known))) known--
    for (let j = known + 1; j <= s.length; j++) set.add(s.slice(0, j))
  }
  return set
}

/** Longest term that may be a misreading across two words: longer ones are compounds of their own (二次供水, 土地承包). */
const MAX_MISREAD = 3

/**
 * The terms inside a text, without short ones that straddle a longer term where the text reads as that term and
 * another word next to it: 计划生育证明 is 计划生育 + 证明, not 生育证; 互联网上网服务 is 互联网 + 上网, no 网上. Kept
 * where nothing reads the rest (公办学校 keeps 学校 beside the keyword 公办学), or where a longer word that is read
 * holds the term whole and has it as one of its own words (资格证书信息 keeps 证书 inside 资格证书, though 资格证 + 书信
 * straddle it). Memoised by text: names and keywords repeat, and a holder is looked at as a text of its own.
 */
function createWordsIn(surfaces: Map<string, string>, prefixes: Set<string>): (text: string) => Set<string> {
  const memo = new Map<string, Set<string>>()
  const wordsIn = (text: string): Set<string> => {
    let found = memo.get(text)
    if (found) return found
    const spans = spansIn(text, surfaces, prefixes)
    found = new Set<string>()
    // Most texts have no short term partly under a longer one: all their terms are read.
    if (!spans.some((w) => w.end - w.start <= MAX_MISREAD && spans.some((v) => crosses(w, v)))) {
      for (const w of spans) found.add(w.term)
      memo.set(text, found)
      return found
    }
    spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
    const kept: Span[] = []
    for (const w of spans) {
      if (misread(text, w, spans, kept)) continue
      kept.push(w)
      found.add(w.term)
    }
    memo.set(text, found)
    return found
  }
  const misread = (text: string, w: SpanTerm, spans: SpanTerm[], kept: Span[]): boolean => {
    const len = w.end - w.start
    if (len > MAX_MISREAD) return false
    const straddled = kept.some((v) => {
      if (v.end - v.start <= len) return false
      // v holds w's start: another word from v's end reads the rest of w.
      if (v.start < w.start && w.start < v.end && v.end < w.end) return spans.some((u) => u.start === v.end && u.end >= w.end)
      // v holds w's end: another word up to v's start reads the beginning of w.
      if (w.start < v.start && v.start < w.end && w.end < v.end) return spans.some((u) => u.end === v.start && u.start <= w.start)
      return false
    })
    if (!straddled) return false
    return !kept.some(
      (h) => h.end - h.start > len && h.end - h.start < text.length && h.start <= w.start && w.end <= h.end && wordsIn(text.slice(h.start, h.end)).has(w.term),
    )
  }
  return wordsIn
}

type SpanTerm = { term: string; start: number; end: number }

/** Whether v is longer than w and holds one end of it, not the other. */
function crosses(w: Span, v: Span): boolean {
  return v.end - v.start > w.end - w.start && ((v.start < w.start && w.start < v.end && v.end < w.end) || (w.start < v.start && v.start < w.end && w.end < v.end))
}

/** Every known surface inside a text with where it is, as terms. */
function spansIn(text: string, surfaces: Map<string, string>, prefixes: Set<string>): { term: string; start: number; end: number }[] {
  const found: { term: string; start: number; end: number }[] = []
  for (let i = 0; i < text.length; i++) {
    for (let j = i + 1; j <= text.length; j++) {
      const piece = text.slice(i, j)
      if (!prefixes.has(piece)) break
      const term = surfaces.get(piece)
      if (term && j - i >= 2) found.push({ term, start: i, end: j })
    }
  }
  return found
}

function push(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key)
  if (!list) map.set(key, [value])
  else if (!list.includes(value)) list.push(value)
}

/** A service point's place: its name without the centre or room (大店镇便民服务中心 → 大店镇, also 大店). */
const POINT_SUFFIX = /(便民服务中心|便民服务室|政务服务中心|党群服务中心)$/
const TIER_WORD = /(县|镇|乡|街道|村|社区|居委会)$/

function placeNames(catalog: Catalog): string[] {
  const names: string[] = []
  for (const point of catalog.points.values()) {
    if (!POINT_SUFFIX.test(point.name)) continue
    const place = point.name.replace(POINT_SUFFIX, '')
    names.push(place)
    const core = place.replace(TIER_WORD, '')
    if (core !== place) names.push(core)
  }
  return names
}

/** The phrases of a name written in brackets (（新生儿落户）, （不含草原、林地）), as matchable text. */
function glossParts(name: string, matchable: (t: string) => string): string[] {
  const parts: string[] = []
  for (const m of name.matchAll(/[（(]([^（()）]*)[）)]/gu)) {
    for (const p of m[1]!.split(NAME_BREAKS)) {
      const text = matchable(p)
      if (text) parts.push(text)
    }
  }
  return parts
}
