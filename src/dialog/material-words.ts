/**
 * What a reply says about the item's materials by their names: how a name is recognised in a resident's words
 * (户口本 for 户口簿, 身份证 in 申请人居民身份证) and what the reply says of each material it names.
 */
import type { Material, Synonym } from '../catalog/types.js'
import { mayAnswer, namesHoldingPairsOf } from './material-index.js'
import { comparableFixed, saysUnturned, type CompiledVocabulary, type Reading } from './text.js'

/** `said` with the catalogue's variants (户口本) of standard words the material's name uses (户口簿) put back. */
export function withSynonyms(said: string, name: string, synonyms: readonly Synonym[]): string {
  const target = comparableFixed(name)
  let out = said
  for (const s of synonyms) {
    const canonical = comparableFixed(s.canonical)
    if (!target.includes(canonical)) continue
    out = withStandardWord(out, canonical, s.variants)
  }
  return out
}

/**
 * `said` with `variants` replaced by `canonical`, except inside the standard word said whole: 产权证 is a variant of
 * 不动产权证书, which holds it (不动产权证书 must not become 不动不动产权证书书).
 */
function withStandardWord(said: string, canonical: string, variants: readonly string[]): string {
  let out = said
  for (const variant of variants) {
    const form = comparableFixed(variant)
    if (!out.includes(form)) continue
    out = out.split(canonical).map((piece) => piece.split(form).join(canonical)).join(canonical)
  }
  return out
}

/**
 * Whether a paper the resident names (`paper`: 房产证, 社保卡) may be the material `name`: two characters of it in a
 * run there, with the catalogue's variants put back (房产证 is a 不动产权证书), or all its characters there in order,
 * apart (社保卡 in 本人社会保障卡, a shortening). Used to tell a paper is none of an item's materials, so it errs
 * towards may be.
 */
export function mayName(paper: string, name: string, synonyms: readonly Synonym[]): boolean {
  const target = comparableFixed(name)
  const said = comparableFixed(withSynonyms(paper, name, synonyms))
  if (covered(said, target) >= 2) return true
  let at = 0
  for (const ch of said) {
    at = target.indexOf(ch, at)
    if (at < 0) return false
    at += 1
  }
  return true
}

/** How many characters of `said` are in runs of two or more found in `name` (longest first, left to right). */
export function covered(said: string, name: string): number {
  let count = 0
  for (let k = 0; k < said.length; ) {
    const len = runAt(said, k, name)
    count += len
    k += Math.max(len, 1)
  }
  return count
}

/** Length of the longest run of two or more characters of `said` from position k that `target` contains; 0 if none. */
export function runAt(said: string, k: number, target: string): number {
  for (let l = said.length - k; l >= 2; l--) if (target.includes(said.slice(k, k + l))) return l
  return 0
}

/** Two-character words in many material names: sharing one says nothing about which material is meant. */
export const SHARED_BY_MATERIALS = new Set(['证明', '材料', '申请', '证件', '原件', '复印', '印件', '表格', '登记', '书面'])

/** Whose a material is, said just before its name (卖家的, 孩子的): a few characters and 的. */
const WHOSE = /^\p{Script=Han}{1,3}的$/u

/** What is left of 户口本在俺儿那 (在儿那), 在他手里, 在老家放着 once the material and whose it is are taken out. */
const KEPT_ELSEWHERE = /^在.{0,4}(那|那里|那儿|这|手里|手上|家|家里)(放着|呢)?$/u

/**
 * Whether a reply that names the material asked about answers it: what is left once the parts of the material's
 * name are taken out is a yes (有身份证 → 有) or says it is missing (身份证有户口本没有, 户口本丢了): partly missing
 * is missing, so the checklist says where to get it; 丢了 or 找不到了 alone is missing too. Undefined when the reply
 * does not name it or says neither. (0 and 1 are the walk's option indexes: 有, 没有.)
 */
export function materialAnswer(r: Reading, name: string, v: CompiledVocabulary, synonyms: readonly Synonym[]): 0 | 1 | undefined {
  const target = comparableFixed(name)
  const { rest, named } = leftOver(r.plain, name, synonyms)
  // 丢了 alone is about the material asked too (and its 了 is the particle plain drops); so is 其实没有. But not
  // 健康证还没办 while 营业执照 is asked: something else is not there, which says nothing of this one.
  // 户口本去年搬家弄丢了 read as plain has lost the 了 of 弄丢了: a missing word ending the reply without it counts,
  // when two characters are left of it (丢 alone says too little).
  const stem = (w: string) => (w.endsWith('了') && w.length >= 3 ? w.slice(0, -1) : undefined)
  const gone =
    longest(v.missing.filter((w) => rest.includes(w) || r.full.endsWith(w) || (stem(w) !== undefined && rest.endsWith(stem(w)!)))) ??
    longest(v.notAfterAll.filter((w) => rest.includes(w)))
  if (gone !== undefined) return named || namesNothingElse(rest, gone, target) ? 1 : undefined
  if (rest === '') return undefined
  // 找着了, 身份证又有了: there after all (not 没找着, which notAfterAll or missing has said already).
  if (v.found.some((w) => saysUnturned(rest, w))) return 0
  // 户口本在, 契税已经交了, or 已经交了 alone: at hand, or done (the 已经 says nothing more).
  if (v.present.includes(rest.replace(ALREADY, ''))) return 0
  // 户口本在俺儿那, 在他手里, or 在俺闺女家放着 alone at its question: there is one, kept by someone else, so the
  // resident can bring it.
  if (KEPT_ELSEWHERE.test(rest)) return 0
  if (!named) return undefined
  // 老人是不是外地的: the 不是 of a 是不是 asks, it says no 没有.
  // (Said so in the reply itself: 身份证有户口本没有 leaves 有没有 once the names are out, and tells.)
  const told = r.plain.replace(ASKED_BACK, '') !== r.plain ? rest.replace(ASKED_BACK, '') : rest
  if (v.no.has(told) || [...v.no].some((w) => w.length >= 2 && told.includes(w))) return 1
  return v.yes.has(rest) && !v.agreeOnly.has(rest) ? 0 : undefined
}

/**
 * What is left of `plain` once the parts of the material's name (with the catalogue's variants of its standard words,
 * 户口本 for 户口簿) are taken out, and the words that join parts and say whose it is; and whether any part was there.
 */
function leftOver(plain: string, name: string, synonyms: readonly Synonym[]): { rest: string; named: boolean } {
  const target = comparableFixed(name)
  const said = withSynonyms(plain, name, synonyms)
  let rest = ''
  let named = false
  for (let k = 0; k < said.length; ) {
    const len = runAt(said, k, target)
    if (len > 0) {
      // 卖家的房产证在他那, 孩子的户口本有: whose it is, said before the name, says nothing of whether it is there.
      if (!named && WHOSE.test(rest)) rest = ''
      named = true
      k += len
    } else rest += said[k++]
  }
  // 有户口本和身份证: the words joining the parts say nothing; nor whose it is (她身份证有, 俺的户口本有).
  return { rest: rest.replace(/[和跟与及也都还]|[我俺咱他她][们]?的?/g, ''), named }
}

function longest(words: readonly string[]): string | undefined {
  return words.reduce<string | undefined>((a, w) => (a === undefined || w.length > a.length ? w : a), undefined)
}

/** A word said back as a question (是不是, 有没有, 对不对): it asks, it tells nothing. */
const ASKED_BACK = /(\p{Script=Han})[不没]\1/gu

/** Said before 在 or 交了 (户口本早就在, 已经交了): when, not what. */
const ALREADY = /^(?:已经|早就|早已|早|已)/

/** Words that point at the thing asked without naming it (这个丢了, 那个还没办). */
const POINTING = /这个|那个|这|那|它|又|就|早就|已经/g

/**
 * Whether a reply saying something is not there (`gone`: 丢了, 还没办) names nothing besides it, so it is about the
 * material asked (丢了, 这个还没办, 证丢了 for a 证): not 健康证还没办 while another material is asked.
 */
function namesNothingElse(rest: string, gone: string, target: string): boolean {
  // 丢了 may have lost its 了 with the particles (rest 丢), 还没办 its 还 with the joining words (rest 没办).
  const forms = [gone, gone.replace(/了$/, ''), gone.replace(/^还/, '')].filter((f) => f !== '' && rest.includes(f))
  const left = (forms.length > 0 ? rest.replace(forms[0]!, '') : rest).replace(POINTING, '')
  return left === '' || (left.length === 1 && target.includes(left))
}

/** Longest reply (compared form) read for answers to materials other than the one asked (身份证有户口本没有). */
const MAX_MENTIONS_REPLY = 30

/**
 * What a reply says of each of `materials` it names, in its own clause (身份证有户口本没有: 身份证 有, 户口簿 没有; 有户口本和
 * 身份证: both 有, the answer said once for the two): material → 0 (有) or 1 (没有). A part of the reply names the
 * material whose name holds the longest run of it (two characters at least, not one shared by many names such as
 * 证明); a run several materials hold alike names them all (结婚证: 卖方结婚证 and 买方结婚证). Each named material
 * takes the answer of the words after it, up to the next one named, or, where those say nothing (户口本和), the
 * answer said next (or before). A material named with no answer anywhere is left out. Empty for a long reply.
 * `own`: the materials that win a part they name, however much longer a run of another's name it is (the item's own,
 * among the catalogue's). `rank`: of materials a part names alike, those ranked first (lowest) are meant (身份证: the
 * one asked, not the 受托人身份证 further on). `itemName`: the item's own name, whose two-character words name no
 * material by themselves (see itemWordOnly).
 */
export function namedAnswers(
  r: Reading,
  materials: readonly Material[],
  v: CompiledVocabulary,
  synonyms: readonly Synonym[],
  own?: ReadonlySet<Material>,
  rank: (m: Material) => number = () => 0,
  itemName = '',
): Map<Material, 0 | 1> {
  const out = new Map<Material, 0 | 1>()
  for (const { named, answer } of answeredMentions(r, materials, v, synonyms, own, rank, comparableFixed(itemName))) {
    // Partly missing is missing (身份证有户口本没有 for one material naming both).
    for (const m of named) out.set(m, out.get(m) === 1 ? 1 : answer)
  }
  return out
}

interface Mention {
  at: number
  named: Material[]
}

/**
 * The parts of a reply naming materials, each with its answer (see namedAnswers); none for a long reply. `own`: where
 * a part names some of these as well as others alike (身份证: this item's and other items'), only these.
 */
function answeredMentions(
  r: Reading,
  materials: readonly Material[],
  v: CompiledVocabulary,
  synonyms: readonly Synonym[],
  own: ReadonlySet<Material> | undefined,
  rank: (m: Material) => number,
  itemName: string,
): (Mention & { answer: 0 | 1 })[] {
  if (r.plain.length > MAX_MENTIONS_REPLY || materials.length === 0) return []
  const names = materials.map((m) => comparableFixed(m.name))
  const isOwn = (i: number) => own === undefined || own.has(materials[i]!)
  const said = withAllSynonyms(r.plain, names, names.filter((_, i) => isOwn(i)), synonyms)
  // What `plain` dropped at the end (the 了 of 光荣证丢了): the last clause naming one of `own` gets it back, so that
  // its answer reads as typed. (Another item's document, 驾驶证丢了, is only something else not there.)
  const tail = r.full.endsWith(r.plain) ? '' : r.full.startsWith(r.plain) ? r.full.slice(r.plain.length) : ''
  // No word of an answer anywhere (低保咋申请, a new question after the walk): whatever it names, it answers nothing.
  if (!mayAnswer(said, tail, names, v, synonyms)) return []
  // A run of two characters or more starts with a pair the name holds: names holding none of the reply's pairs (most
  // of the catalogue's, for a question asked mid-walk) can name nothing, and are passed over in the scans below.
  const holding = namesHoldingPairsOf(said, names)
  const held = names.flatMap((name, i) => (holding.has(name) ? [i] : []))
  // The run of a name from k, none where it is only a word of the item's own name (养老 of 养老金没了).
  const runOf = (k: number, i: number) => {
    const len = runAt(said, k, names[i]!)
    return len === 2 && itemWordOnly(said, k, itemName, names[i]!) ? 0 : len
  }
  // Where a run of one of `own` starts: another's run stops short of it (俺的户口本: not 的户口簿 of 父母的户口簿).
  const ownAt = [...said].map((_, k) => held.some((i) => isOwn(i) && runOf(k, i) >= 2))
  const mentions: Mention[] = []
  for (let k = 0; k < said.length; ) {
    let best = 0
    let named: Material[] = []
    let ownBest = 0
    const ownNext = ownAt.indexOf(true, k + 1)
    for (const i of held) {
      const whole = runOf(k, i)
      const len = isOwn(i) || ownNext < 0 ? whole : Math.min(whole, ownNext - k)
      // Another item's document takes three characters at least (房东 is no document), and never a part that
      // names one of `own` too (俺的户口本: 户口簿, not 父母的户口簿).
      if (len < (isOwn(i) ? 2 : 3) || !namesSomething(said.slice(k, k + len), v)) continue
      if (isOwn(i)) ownBest = Math.max(ownBest, len)
      if (len > best) [best, named] = [len, [materials[i]!]]
      else if (len === best) named.push(materials[i]!)
    }
    if (ownBest > 0 && own !== undefined) {
      named = held.filter((i) => own.has(materials[i]!) && runOf(k, i) === ownBest).map((i) => materials[i]!)
      best = ownBest
    }
    if (best === 0) k++
    else {
      const first = Math.min(...named.map(rank))
      const ranked = named.filter((m) => rank(m) === first)
      // 光荣证丢了: the 《独生子女父母光荣证》, not the 光荣证遗失补办申请 named alike, whose 光荣证 only says which 申请.
      const run = said.slice(k, k + best)
      const heads = ranked.filter((m) => headedBy(m.name, run))
      mentions.push({ at: k, named: closest(heads.length > 0 ? heads : ranked) })
      k += best
    }
  }
  // Each mention's clause: from it (the first from the start, for 有户口本) to the next mention.
  const answers = mentions.map((mention, i) => {
    const clause = said.slice(i === 0 ? 0 : mention.at, mentions[i + 1]?.at ?? said.length)
    const last = i === mentions.length - 1 && (mentions[i + 1]?.at ?? said.length) === said.length
    const ownNamed = own !== undefined && mention.named.some((m) => own.has(m))
    const reading = { ...r, plain: clause, full: last && ownNamed ? clause + tail : clause }
    const each = mention.named.map((m) => materialAnswer(reading, m.name, v, synonyms))
    return each.every((a) => a === each[0]) ? each[0] : undefined
  })
  // Only a clause that says nothing besides the name (户口本和) borrows the answer said next or before: 消防的还没弄
  // in 营业执照有 消防的还没弄 says something, unread, and is not made 有 by the 营业执照's.
  const silent = mentions.map((mention, i) => {
    const clause = said.slice(mention.at, mentions[i + 1]?.at ?? said.length)
    return mention.named.every((m) => leftOver(clause, m.name, synonyms).rest.replace(/的/g, '') === '')
  })
  const out: (Mention & { answer: 0 | 1 })[] = []
  mentions.forEach((mention, i) => {
    const borrowed = silent[i] ? (answers.slice(i + 1).find((a) => a !== undefined) ?? answers.slice(0, i).reverse().find((a) => a !== undefined)) : undefined
    const answer = answers[i] ?? borrowed
    if (answer !== undefined) out.push({ ...mention, answer })
  })
  return out
}

/**
 * Of materials a run names alike, those it names most closely: the shortest names (户口本 is the 居民户口簿, not the
 * 监护人居民身份证和户口簿, whose other words say whose and what else); names as long are all kept (卖方结婚证, 买方结婚证).
 */
function closest(named: Material[]): Material[] {
  const length = (m: Material) => comparableFixed(m.name).length
  const shortest = Math.min(...named.map(length))
  return named.filter((m) => length(m) === shortest)
}

/** Characters that end the short name of a paper (医保卡, 残疾证, 户口本): a word of the item's name before one names it. */
const PAPER_ENDS = '证卡本簿书表单照章'

/**
 * Whether the two characters of `said` at k are a word of the item's own name (养老 of 居民养老保险待遇登记, 印章 of
 * 印章管理) not followed by the end of a paper's name nor by another character of the material's `name`: 俺的养老金没了,
 * 印章丢了 speak of the item's matter, not of the material whose long name happens to hold the word (出国（境）定居证明或
 * 已领取其他养老待遇的证明). 医保卡没有 still names a material holding 医保, 种子袋子扔了 the 种子包装袋.
 */
function itemWordOnly(said: string, k: number, itemName: string, name: string): boolean {
  const next = said[k + 2]
  if (!itemName.includes(said.slice(k, k + 2))) return false
  return next === undefined || (!PAPER_ENDS.includes(next) && !name.includes(next))
}

/** Where a material's name is cut into the things it lists (户口簿、身份证及继承权证明; 证明或记录). */
const NAME_PARTS = /[^\p{L}\p{N}]+|[和或及与]/u

/**
 * Whether `run` ends one of the things a material's name lists: the word a Chinese name ends in says what the thing
 * is (父母光荣证 is a 光荣证; 光荣证遗失补办申请 is a 申请, about a 光荣证).
 */
export function headedBy(name: string, run: string): boolean {
  return name.split(NAME_PARTS).some((part) => comparableFixed(part).endsWith(run))
}

/** A run of a material's name that names it: not an answer word (没有 is in 与对方没有直系血亲关系的声明) nor one many names share. */
function namesSomething(run: string, v: CompiledVocabulary): boolean {
  if (run.length === 2 && SHARED_BY_MATERIALS.has(run)) return false
  return !v.yes.has(run) && !v.no.has(run) && !v.unsure.has(run) && !v.missing.includes(run)
}

/**
 * `said` with the variants (户口本) of the standard words any of the names use (户口簿) put back, except variants an
 * own name holds as they are (结婚证 of 卖方结婚证 is not made 结婚登记, the standard word of another item's material).
 */
function withAllSynonyms(said: string, names: readonly string[], ownNames: readonly string[], synonyms: readonly Synonym[]): string {
  let out = said
  for (const s of synonyms) {
    // Most synonyms are not in a short reply: checked first, as it is cheaper than looking through every name.
    if (!s.variants.some((v) => out.includes(comparableFixed(v)))) continue
    const canonical = comparableFixed(s.canonical)
    if (!names.some((name) => name.includes(canonical))) continue
    out = withStandardWord(out, canonical, s.variants.filter((v) => !ownNames.some((name) => name.includes(comparableFixed(v)))))
  }
  return out
}
