/**
 * 原件还是复印件, 要带原件吗, 户口本要原件吗, 是原件 at a walk step: the resident asks (or says) which form of a material
 * is wanted, not whether they have it. Such replies used to get 这一步只问…准备好了没有 (是原件 read as saying who it is
 * for), 没看明白, or 复印件：…用不上 (复印件 taken for another item's document), though the catalogue says which form
 * and how many. Now the form the catalogue gives is said (walk.form…), and the question asked again; only 有复印件 where
 * a 复印件 is what is wanted (the form said is the one needed, with 有) is taken as the answer 有.
 */
import type { Material } from '../catalog/types.js'
import type { WalkStep } from './materials.js'
import { materialStatuses } from './materials.js'
import { itemMaterialFields, whereAskedMaterial } from './questions-back.js'
import { runAt, withSynonyms } from './material-words.js'
import { render } from './template.js'
import { comparableFixed, type Reading } from './text.js'
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

/**
 * What else a reply about the form may hold: who, 这个, 要 / 带 / 用, 还是, 行不行, 吗 …, 有. Anything besides these (原件
 * 丢了, 原件在俺儿那, 没有原件) says something of its own and is read as before. Longest first.
 */
const FILLERS = [
  '不知道', '不清楚', '不晓得', '就是', '到底', '可不可以', '需不需要', '行不行', '要不要', '用不用', '是不是', '可以吗', '还是', '或者', '需要', '可以', '要带', '得带', '用带',
  '只有', '一份', '这个', '那个', '我们', '俺们', '咱们', '行吗', '我', '俺', '咱', '他', '她', '的', '这', '那', '是', '要', '带',
  '得', '用', '交', '拿', '都', '也', '就', '行', '吗', '么', '嘛', '呢', '啊', '有', '份', '和', '跟', '或', '不',
]

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
  /** 有复印件, 原件有: says the resident has what it names (not 只有复印件, and not asking). */
  has: boolean
}

/** Longest reply (compared form) read as being about a material's form. */
const MAX_FORM_REPLY = 14

/**
 * The reply read as about the form of a material of the current item: the one it names (户口本要原件吗), else the
 * material asked at `step`. Undefined when it names no form, says more than that (原件丢了), or, at a situation
 * question, names no material.
 */
export function formReply(t: Turn, step: WalkStep | undefined, r: Reading): FormReply | undefined {
  const item = currentItem(t)
  if (item === undefined || step === undefined || r.plain.length > MAX_FORM_REPLY) return undefined
  const forms = new Set<Form>()
  let rest = r.plain
  for (const [word, form] of FORM_WORDS) {
    if (!rest.includes(word)) continue
    forms.add(form)
    rest = rest.split(word).join('')
  }
  if (forms.size === 0) return undefined
  // 户口本要原件吗: the material named, and its name taken out of what is left to read.
  const bare = stripFillers(rest)
  const named = bare === '' ? undefined : whereAskedMaterial(t, rest, step)
  const left = named === undefined ? bare : stripFillers(withoutName(rest, named.name, t))
  if (left !== '') return undefined
  const material = named ?? (step.kind === 'material' ? step.material : undefined)
  if (material === undefined) return undefined
  const asking = ASKING.test(r.plain) || /[?？]/.test(r.raw)
  return { material, named: named !== undefined, forms, asking, has: !asking && rest.includes('有') && !rest.includes('只有') }
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

function stripFillers(text: string): string {
  let out = text
  for (const w of FILLERS) out = out.split(w).join('')
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
