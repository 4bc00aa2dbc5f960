/**
 * 原件还是复印件, 要带原件吗, 户口本要原件吗, 是原件 at a walk step: the resident asks (or says) which form of a material
 * is wanted, not whether they have it. Such replies used to get 这一步只问…准备好了没有 (是原件 read as saying who it is
 * for), 没看明白, or 复印件：…用不上 (复印件 taken for another item's document), though the catalogue says which form
 * and how many. Now the form the catalogue gives is said (walk.form…), and the question asked again.
 * A reply may also say which form is there and which is not (没有原件, 原件丢了, 只有复印件, 复印件有原件没了): that
 * answers the question when the catalogue's form settles it (formVerdict): a copy where a copy is wanted is 有, no
 * original where the original is wanted is 没有 (a clerk would not take the copy), no original at all is 没有.
 */
import type { Material } from '../catalog/types.js'
import type { WalkStep } from './materials.js'
import { materialStatuses, stepMaterial } from './materials.js'
import { itemMaterialFields, whereAskedMaterial } from './questions-back.js'
import { runAt, withSynonyms } from './material-words.js'
import { render } from './template.js'
import { comparableFixed, type CompiledVocabulary, type Reading } from './text.js'
import { currentItem, type Turn } from './turn.js'

type Form = '原件' | '复印件' | '电子'

/** The words naming a form, longest first (复印件 before 复印). */
const FORM_WORDS: readonly [string, Form][] = [
  ['复印件', '复印件'],
  ['复印的', '复印件'],
  ['复印', '复印件'],
  ['原件', '原件'],
  ['电子版', '电子'],
]

/** Where a form was said, in the text read for what is said of it: one character each, in no word. */
const MARKS: Readonly<Record<Form, string>> = { 原件: '\u0001', 复印件: '\u0002', 电子: '\u0003' }

/**
 * What else a reply about the form may hold: who, 这个, 要 / 带 / 用, 还是, 行不行, 吗 …. Anything besides these, the
 * forms and what is said of them (原件叫俺儿拿去了) says something of its own and is read as before.
 */
const FILLERS = [
  '不知道', '不清楚', '不晓得', '就是', '到底', '可不可以', '需不需要', '行不行', '要不要', '用不用', '是不是', '可以吗', '还是', '或者', '需要', '可以', '要带', '得带', '用带',
  '一份', '一个', '这个', '那个', '个', '我们', '俺们', '咱们', '行吗', '我', '俺', '咱', '他', '她', '的', '这', '那', '是', '要', '带',
  '得', '用', '交', '拿', '都', '也', '就', '行', '吗', '么', '嘛', '呢', '啊', '份', '和', '跟', '或', '不', '但', '可', '倒',
]

/**
 * Said of a form before it only (只有复印件): the form after it is the one there, and the only one; so is a form said
 * after a 有 with a 但是 (有 不过是复印的).
 */
const HAVE_BEFORE = ['只有', '就有', '光有', '只剩', '还剩', '不过', '但是', '可是', '只是']
/** Said of a form there, before it (有复印件) or after it (复印件有, 原件在). */
const HAVE = [...HAVE_BEFORE, '还有', '有的', '有', '在家里', '在手上', '在手里', '在家', '还在', '在']

/** A reply asking rather than telling: 吗 or 不 at its end, 还是, 要不要, 不知道要… , or a question mark. */
const ASKING = /[吗么嘛不]$|还是|要不要|用不用|行不行|可不可以|需不需要|是不是|可以吗|行吗|不知道|不清楚|不晓得/

/** What a short reply says about the form of a material (see the module comment). */
export interface FormReply {
  material: Material
  /** Whether the reply names the material (户口本要原件吗), rather than meaning the one asked. */
  named: boolean
  /** The forms named (原件, 复印件, 电子). */
  forms: Set<Form>
  /** Whether it asks (要带原件吗, 原件还是复印件) rather than tells (是原件). */
  asking: boolean
  /** The forms said to be there: 有复印件, 只有复印件, 原件在 (not 有没有原件, which asks). */
  had: Set<Form>
  /** The forms said not to be there: 没有原件, 原件丢了, 原件找不到了. */
  lacking: Set<Form>
}

/** Longest reply (compared form) read as being about a material's form. */
const MAX_FORM_REPLY = 14

/**
 * The reply read as about the form of a material of the current item: the one it names (户口本要原件吗), else the
 * material asked at `step` (at a situation question, the one its option brings in). Undefined when it names no form,
 * says more than that (原件叫俺儿拿去了), or, at a situation question bringing in no one material, names no material
 * (see formOfNoPaper).
 */
export function formReply(t: Turn, step: WalkStep | undefined, r: Reading): FormReply | undefined {
  const said = formSaid(t, step, r)
  return said?.material === undefined ? undefined : { ...said, material: said.material }
}

/** 要原件吗 at a situation question bringing in no one material: a form asked of no paper the step names. */
export function formOfNoPaper(t: Turn, step: WalkStep | undefined, r: Reading): boolean {
  const said = formSaid(t, step, r)
  return said !== undefined && said.material === undefined && said.asking
}

/** What a short reply says of forms (see formReply), `material` undefined when it names none and the step asks none. */
function formSaid(t: Turn, step: WalkStep | undefined, r: Reading): (Omit<FormReply, 'material'> & { material: Material | undefined }) | undefined {
  const item = currentItem(t)
  if (item === undefined || step === undefined || r.plain.length > MAX_FORM_REPLY) return undefined
  const forms = new Set<Form>()
  let marked = r.plain
  for (const [word, form] of FORM_WORDS) {
    if (!marked.includes(word)) continue
    forms.add(form)
    marked = marked.split(word).join(MARKS[form])
  }
  if (forms.size === 0) return undefined
  const words = wordsOf(t.vocab)
  let said = saidOfForms(marked, words)
  // 户口本要原件吗, 身份证原件丢了: the material named, and its name taken out of what is left to read.
  let named: Material | undefined
  if (said === undefined) {
    named = whereAskedMaterial(t, unmarked(marked), step)
    said = named === undefined ? undefined : saidOfForms(withoutName(marked, named.name, t), words)
  }
  if (said === undefined) return undefined
  const material = named ?? stepMaterial(step)
  const asking = ASKING.test(r.plain) || /[?？]/.test(r.raw)
  // 原件有吗, 只有复印件行吗: what is asked of a form there is not told (a clerk says the form and asks again); 原件丢了
  // 复印件行吗 still tells the original is gone.
  return { material, named: named !== undefined, forms, asking, had: asking ? new Set() : said.had, lacking: said.lacking }
}

/**
 * Whether what a reply says of the forms answers whether `material` is there, by the form the catalogue wants:
 * 'ready' (有复印件 or 只有复印件 for a 复印件), 'missing' (没有原件 or 只有复印件 where the 原件 is wanted; 原件丢了 where
 * a copy is wanted and none is said to be there: nothing to copy), or undefined when it does not settle it (有原件 for
 * a 复印件: copy it; 原件丢了 复印件行吗: asks; 没有原件 where an 电子版 would do): the form is said, the question asked again.
 */
export function formVerdict(material: Material, reply: FormReply): 'ready' | 'missing' | undefined {
  const { had, lacking, forms } = reply
  if (had.size === 0 && lacking.size === 0) return undefined
  if (formSatisfies(material, had)) return 'ready'
  switch (material.form) {
    case '原件':
      return lacking.has('原件') ? 'missing' : undefined
    // 原件在俺儿那, 有原件: the original to bring is there, and the copy is made from it (the form is said).
    case '原件和复印件':
      return lacking.has('原件') ? 'missing' : had.has('原件') && !lacking.has('复印件') ? 'ready' : undefined
    case '原件或电子':
      return lacking.has('原件') && lacking.has('电子') ? 'missing' : undefined
    case '复印件':
      return lacking.has('原件') && (lacking.has('复印件') || !forms.has('复印件')) ? 'missing' : undefined
    case '电子':
      return lacking.has('电子') ? 'missing' : undefined
  }
}

/** Whether the original is what `material` must be brought as (its 原件 cannot be stood in for by a copy). */
export function wantsOriginal(material: Material): boolean {
  return material.form === '原件' || material.form === '原件和复印件' || material.form === '原件或电子'
}

interface FormWords {
  /** Every word a form reply may hold besides the forms, longest first, with what it says. */
  words: [string, 'lack' | 'have' | 'filler'][]
  haveBefore: Set<string>
}

const formWords = new WeakMap<CompiledVocabulary, FormWords>()

/**
 * The words read around a form: the vocabulary's 没有 words that say 没 (没有, 木有, 没带; not 不是, 不用, which say
 * something else of a form) and its missing and notAfterAll words (丢了, 找不到, 其实没有, with the 了 the compared
 * reply may have lost: 原件丢), 不在, and HAVE; then FILLERS.
 */
function wordsOf(v: CompiledVocabulary): FormWords {
  let out = formWords.get(v)
  if (out === undefined) {
    const lack = new Set<string>(['不在了', '不在'])
    for (const w of [...v.no].filter((w) => /^[没无木冇米么莫妹美冒]/.test(w))) lack.add(w)
    for (const w of [...v.missing, ...v.notAfterAll]) {
      lack.add(w)
      if (w.endsWith('了') && w.length >= 2) lack.add(w.slice(0, -1))
    }
    const words: [string, 'lack' | 'have' | 'filler'][] = [
      ...[...lack].map((w): [string, 'lack'] => [w, 'lack']),
      ...HAVE.map((w): [string, 'have'] => [w, 'have']),
      ...FILLERS.filter((w) => !lack.has(w)).map((w): [string, 'filler'] => [w, 'filler']),
    ]
    // Longest first (没有 before 没, 只有 before 有); the sort keeps the order above among words of one length.
    words.sort((a, b) => b[0].length - a[0].length)
    out = { words, haveBefore: new Set(HAVE_BEFORE) }
    formWords.set(v, out)
  }
  return out
}

/** `marked` without the marks of forms: what is left to name a material by. */
function unmarked(marked: string): string {
  return marked.replace(/[\u0001-\u0003]/g, '')
}

/** A word said of a form: that it is there or not, as written. */
interface Said {
  said: 'lack' | 'have'
  word: string
}

/** 原件在俺儿那, 原件在家里放着: kept by someone or somewhere, so there (as materialAnswer reads 户口本在俺儿那). */
const KEPT_ELSEWHERE = /([\u0001-\u0003])在.{0,4}?(?:那里|那儿|那|这|手里|手上|家里|家)(?:放着)?/gu

/**
 * What a reply with its forms marked says of each form: the words before the first form are said of it (没有原件,
 * 只有复印件), those after the last of it (原件丢了); between two, the first word goes with the form before it
 * (复印件有 原件没了) unless the form after has nothing of its own (有复印件 没原件), and 只有 always with the one after.
 * Undefined when the reply holds anything else (原件叫俺儿拿去了), so it is read as before.
 */
function saidOfForms(marked: string, fw: FormWords): { had: Set<Form>; lacking: Set<Form> } | undefined {
  marked = marked.replace(KEPT_ELSEWHERE, '$1在')
  // The reply as forms and what is said around them, in order.
  const tokens: ({ form: Form } | Said)[] = []
  const formOf = Object.fromEntries(Object.entries(MARKS).map(([form, mark]) => [mark, form as Form]))
  for (let k = 0; k < marked.length; ) {
    const form = formOf[marked[k]!]
    if (form !== undefined) {
      tokens.push({ form })
      k++
      continue
    }
    const found = fw.words.find(([w]) => marked.startsWith(w, k))
    if (found === undefined) return undefined
    if (found[1] !== 'filler') tokens.push({ said: found[1], word: found[0] })
    k += found[0].length
  }
  const at = tokens.flatMap((tk, i) => ('form' in tk ? [i] : []))
  const saidOf = at.map((): Said[] => [])
  const between = (from: number, to: number) => tokens.slice(from, to).filter((tk): tk is Said => 'said' in tk)
  for (let g = 0; g <= at.length; g++) {
    const gap = between(g === 0 ? 0 : at[g - 1]! + 1, g === at.length ? tokens.length : at[g]!)
    if (gap.length === 0) continue
    if (g === 0) saidOf[0]!.push(...gap)
    else if (g === at.length) saidOf[g - 1]!.push(...gap)
    else {
      const next = g + 1 === at.length ? between(at[g]! + 1, tokens.length) : between(at[g]! + 1, at[g + 1]!)
      const [first, ...rest] = gap
      const before = g - 1 === 0 ? between(0, at[0]!) : between(at[g - 2]! + 1, at[g - 1]!)
      const ownNext = next.length > 0 || rest.length > 0
      const toNext = fw.haveBefore.has(first!.word) || (!ownNext && before.length > 0)
      ;(toNext ? saidOf[g]! : saidOf[g - 1]!).push(first!)
      saidOf[g]!.push(...rest)
    }
  }
  // 原件和复印件都没有: forms said one after the other share what is said of the last.
  for (let n = at.length - 2; n >= 0; n--) {
    if (saidOf[n]!.length === 0 && between(at[n]! + 1, at[n + 1]!).length === 0) saidOf[n] = saidOf[n + 1]!
  }
  const had = new Set<Form>()
  const lacking = new Set<Form>()
  at.forEach((i, n) => {
    const form = (tokens[i] as { form: Form }).form
    const words = saidOf[n]!
    const said = new Set(words.map((tk) => tk.said))
    // 有没有原件: asked, not said.
    if (said.size !== 1) return
    if (said.has('lack')) lacking.add(form)
    else {
      had.add(form)
      // 只有复印件: no original (有复印件 says nothing of it).
      if (form !== '原件' && words.some((tk) => fw.haveBefore.has(tk.word))) lacking.add('原件')
    }
  })
  for (const form of had) lacking.delete(form)
  return { had, lacking }
}

/** `said` with the runs of `name` in it (户口本 for 户口簿 too) taken out. */
function withoutName(said: string, name: string, t: Turn): string {
  const target = comparableFixed(name)
  const text = withSynonyms(said, name, t.ctx.catalog.synonyms)
  let out = ''
  for (let k = 0; k < text.length; ) {
    const len = runAt(text, k, target)
    if (len > 0) k += len
    else out += text[k++]
  }
  return out
}

/** Whether the forms said are what the material asks for: 有复印件 for a 复印件, 原件和复印件都有 for both. */
export function formSatisfies(material: Material, forms: ReadonlySet<Form>): boolean {
  switch (material.form) {
    case '原件':
      return forms.has('原件')
    case '复印件':
      return forms.has('复印件')
    case '原件和复印件':
      return forms.has('原件') && forms.has('复印件')
    case '原件或电子':
      return forms.has('原件') || forms.has('电子')
    case '电子':
      return forms.has('电子')
  }
}

/**
 * What to bring of `material` in the catalogue's words: its form and how many (walk.formOriginal …), or, where the
 * case does not need it, that (walk.notNeeded, walk.neededAtWindow). Photos (张) and sets have no form to speak of:
 * how many, as 要带照片不 gets (walk.needed).
 */
export function formText(t: Turn, material: Material): string {
  const item = currentItem(t)!
  const w = t.defs.messages.walk
  const fields = itemMaterialFields(t, item, material)
  const status = materialStatuses(item, t.s).find((s) => s.material === material)?.status
  if (status === undefined) return render(w.notNeeded, fields)
  if (status === 'atWindow') return render(w.neededAtWindow, fields)
  if (material.unit !== '份') return render(w.needed, fields)
  const template = {
    原件: w.formOriginal,
    复印件: w.formCopy,
    原件和复印件: w.formBoth,
    原件或电子: w.formOriginalOrElectronic,
    电子: w.formElectronic,
  }[material.form]
  return render(template, fields)
}
