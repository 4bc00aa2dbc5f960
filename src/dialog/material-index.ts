/**
 * Cheap answers to two questions answeredMentions (material-words.ts) asks of every reply, before its costly search
 * for the materials a reply names among the catalogue's few hundred: which names share two characters in a row with
 * the reply, and whether the reply can answer anything at all. A new question typed after the walk (低保咋申请) is
 * read this way too, so this keeps the walk's question turns cheap. The results are those of looking through every
 * name: checked on every eval question and every Chinese string of the tests against every item, and on answer
 * words split by names (齐户口本了).
 */
import type { Synonym } from '../catalog/types.js'
import { comparableFixed, type CompiledVocabulary } from './text.js'

/**
 * Characters materialAnswer takes out of a reply besides the material's name: the words joining parts and saying
 * whose it is (和, 也, 俺的), and the 已经 / 早就 said before 在 or 交了. Keep in step with material-words.ts.
 */
const DROPPED = '和跟与及也都还我俺咱他她们的已经早就'

/**
 * Every name (compared form) asked about so far, by the pairs of characters in a row it holds, and every character
 * of them: the catalogue's materials, a few hundred. Cleared if it ever grows past what files hold.
 */
const namesByPair = new Map<string, string[]>()
const indexedNames = new Set<string>()
const nameChars = new Set<string>(DROPPED)

/** The list indexed last: answeredMentions asks both questions of one list, which need not be gone through twice. */
let lastIndexed: readonly string[] | undefined

function index(names: readonly string[]): void {
  if (names === lastIndexed) return
  lastIndexed = names
  if (indexedNames.size > 20_000) {
    namesByPair.clear()
    indexedNames.clear()
    nameChars.clear()
    for (const c of DROPPED) nameChars.add(c)
  }
  for (const name of names) {
    if (indexedNames.has(name)) continue
    indexedNames.add(name)
    for (const c of name) nameChars.add(c)
    const pairs = new Set<string>()
    for (let k = 0; k + 2 <= name.length; k++) pairs.add(name.slice(k, k + 2))
    for (const pair of pairs) {
      const holders = namesByPair.get(pair)
      if (holders) holders.push(name)
      else namesByPair.set(pair, [name])
    }
  }
}

/** Which of `names` hold some two characters in a row of `said`. */
export function namesHoldingPairsOf(said: string, names: readonly string[]): Set<string> {
  index(names)
  const holding = new Set<string>()
  for (let k = 0; k + 2 <= said.length; k++) for (const name of namesByPair.get(said.slice(k, k + 2)) ?? []) holding.add(name)
  return holding
}

/** The answer words, split by how materialAnswer reads them. */
interface AnswerWords {
  /** Words that answer wherever they are in what is left of a reply (没有, 丢了 and 丢 of 弄丢了, 找着, 在 …). */
  inside: string[]
  /** Words that answer only as all that is left (有, 要, 办, 不): 要 in 要什么材料 answers nothing. */
  whole: string[]
}
const answerWordsOf = new WeakMap<CompiledVocabulary, AnswerWords>()
const synonymCharsOf = new WeakMap<readonly Synonym[], Set<string>>()

function answerWords(v: CompiledVocabulary): AnswerWords {
  let words = answerWordsOf.get(v)
  if (words === undefined) {
    const stems = v.missing.filter((w) => w.endsWith('了') && w.length >= 3).map((w) => w.slice(0, -1))
    const inside = [...v.missing, ...stems, ...v.notAfterAll, ...v.found, ...[...v.no].filter((w) => w.length >= 2), '在']
    words = { inside: [...new Set(inside)], whole: [...new Set([...v.yes, ...v.present, ...v.no])] }
    answerWordsOf.set(v, words)
  }
  return words
}

/**
 * Whether some part of a reply may be read as an answer by materialAnswer. `said`: the reply with synonyms put back
 * (withAllSynonyms), `tail`: what its compared form dropped at the end, `names`: the materials' names looked for.
 * False only when it surely is not:
 * - no inside word can be there: some character of each is nowhere in the reply (nor in the standard words of
 *   synonyms said, which materialAnswer may put in);
 * - no whole word can be all that is left of its clause. A clause runs from one named material to the next, and a
 *   name starts only where two characters of it are: so the clause around a whole word holds at least the characters
 *   from the last such place before it to the next one after it, and where some of those are in no name (nor a
 *   synonym, nor dropped as joining words) and not in the word, they are left beside it: 要什么材料 leaves 什么.
 */
export function mayAnswer(said: string, tail: string, names: readonly string[], v: CompiledVocabulary, synonyms: readonly Synonym[]): boolean {
  index(names)
  const words = answerWords(v)
  // The characters what is left of a clause can hold: taking a name out joins what was around it (没身份证有 leaves
  // 没有), so an inside word is looked for by its characters, not in a row.
  const present = new Set(said + tail)
  let text = said
  for (const s of synonyms) {
    for (const variant of s.variants) {
      const form = comparableFixed(variant)
      if (!said.includes(form)) continue
      const canonical = comparableFixed(s.canonical)
      for (const c of canonical) present.add(c)
      text += `\u0000${said.split(form).join(canonical)}`
    }
  }
  if (words.inside.some((w) => [...w].every((c) => present.has(c)))) return true
  const chars = synonymChars(synonyms)
  const strange = (c: string) => !nameChars.has(c) && !chars.has(c)
  // Where a named material (so a clause) may start: two characters in a row that some name holds.
  const mayStart = [...said].map((_, k) => namesByPair.has(said.slice(k, k + 2)))
  for (const w of words.whole) {
    // In order, not only in a row: a name taken out from between its characters joins them (齐户口本了 leaves 齐了).
    if (spansOf(text, w).length === 0) continue
    const spans = spansOf(said, w)
    // Only in what a synonym put in: not worth working out.
    if (spans.length === 0) return true
    for (const [at, end] of spans) {
      const from = mayStart.lastIndexOf(true, at)
      const nextStart = mayStart.indexOf(true, end)
      const clause = said.slice(Math.max(from, 0), nextStart < 0 ? said.length : nextStart)
      if ([...clause].every((c) => !strange(c) || w.includes(c))) return true
    }
  }
  return false
}

/** Where `word`'s characters are found in order in `text`, from each place its first one is: [start, end) each. */
function spansOf(text: string, word: string): [number, number][] {
  const spans: [number, number][] = []
  for (let at = text.indexOf(word[0]!); at >= 0; at = text.indexOf(word[0]!, at + 1)) {
    let k = at + 1
    for (const c of word.slice(1)) {
      k = text.indexOf(c, k)
      if (k < 0) return spans
      k++
    }
    spans.push([at, k])
  }
  return spans
}

function synonymChars(synonyms: readonly Synonym[]): Set<string> {
  let chars = synonymCharsOf.get(synonyms)
  if (chars === undefined) {
    chars = new Set<string>()
    for (const s of synonyms) for (const w of [s.canonical, ...s.variants]) for (const c of comparableFixed(w)) chars.add(c)
    synonymCharsOf.set(synonyms, chars)
  }
  return chars
}
