/**
 * A remark about what the walk asks now (他下不了床 咋拍照 at the photo, 户口本在俺婆婆家 在 at the 户口簿, 新房产证还没下来
 * at 和房子过户一起办还是已过户？): read as about it, not as a new question for the matcher, which may be sure of another
 * item for its other words (卧床 is 经济困难老年人补贴's). Unless the reply asks for another matter in so many words
 * (vocabulary.yaml anotherMatter: 另外, 我还想办) or for a thing other than the step asked (想办个残疾人证, 上户口咋办: see
 * service-request.ts).
 */
import type { Material, Question } from '../catalog/types.js'
import { misunderstood } from './ask-again.js'
import { materialAnswer, SHARED_BY_MATERIALS, withSynonyms } from './material-words.js'
import type { WalkStep } from './materials.js'
import { fullPrompt, renderOptions, walkLabels } from './prompts.js'
import { itemMaterialFields } from './questions-back.js'
import type { DialogState } from './schema.js'
import { asks } from './story.js'
import { asksAnotherMatter, requestsOtherThing } from './service-request.js'
import { decide } from '../match/decide.js'
import { itemFields } from './fields.js'
import { render } from './template.js'
import { comparableFixed, read, type Reading } from './text.js'
import { currentItem, say, type Turn } from './turn.js'

/** Longest reply (compared form) read as a remark on the step asked: longer ones are questions of their own. */
const MAX_REMARK = 20

/** Two-character words in many prompts and notes: sharing one says nothing of what a reply is about. */
const GENERIC = new Set([
  ...SHARED_BY_MATERIALS,
  ...['还是', '已经', '现在', '是不', '不是', '是否', '有没', '没有', '您是', '是在', '可以', '需要', '办理', '本人', '自己', '这个', '那个'],
  ...['什么', '怎么', '时候', '的话', '要带', '准备', '一起', '同时', '办的', '的可', '可请', '到窗', '窗口', '工作', '人员', '提供', '所在'],
  // What every where-to-get text says of a lost paper (丢了先到户籍地派出所补办): 社保卡丢了咋办 is not about the 身份证.
  ...['丢了', '丢失', '遗失', '补办', '补领', '派出', '出所', '户籍', '籍地', '到户'],
])

/** The two-character words of a step's texts, kept per material or question (the catalogue's objects live as long as it). */
const wordsOf = new WeakMap<Material | Question, Set<string>>()

function pairsIn(texts: readonly (string | undefined)[]): Set<string> {
  const out = new Set<string>()
  for (const text of texts) {
    if (text === undefined) continue
    const compared = comparableFixed(text)
    for (let k = 0; k + 2 <= compared.length; k++) {
      const pair = compared.slice(k, k + 2)
      if (!GENERIC.has(pair)) out.add(pair)
    }
  }
  return out
}

/** A material's words: its name, where to get it (缺少时), its note and its 解释. */
function materialWords(m: Material): Set<string> {
  let words = wordsOf.get(m)
  if (words === undefined) {
    words = pairsIn([m.name, m.whereToGet, m.note, m.explain])
    wordsOf.set(m, words)
  }
  return words
}

/** A situation question's words: its prompt, options and 解释, and the names of the materials it decides. */
function questionWords(q: Question, decided: readonly Material[]): Set<string> {
  let words = wordsOf.get(q)
  if (words === undefined) {
    words = pairsIn([q.prompt, ...q.options, q.explain, ...decided.map((m) => m.name)])
    wordsOf.set(q, words)
  }
  return words
}

/** Whether `said` (compared form) holds a word of `words` that the item's own name does not (that is the item asked again). */
function holdsWord(said: string, words: ReadonlySet<string>, itemName: string): boolean {
  for (let k = 0; k + 2 <= said.length; k++) {
    const pair = said.slice(k, k + 2)
    if (words.has(pair) && !itemName.includes(pair)) return true
  }
  return false
}

/** The materials a situation question decides (those it brings in on one of its answers). */
function decidedBy(t: Turn, q: Question): Material[] {
  return currentItem(t)!.materials.filter((m) => m.notice !== true && m.condition?.questionId === q.id)
}

/** Whether a reply talks about the step asked: a word of its texts (the material's names put back: 户口本 for 户口簿). */
export function aboutStepAsked(t: Turn, step: WalkStep, r: Reading): boolean {
  if (r.plain.length < 2 || r.plain.length > MAX_REMARK || asksAnotherMatter(t, r)) return false
  // 想办个残疾人证 at 本人有效身份证件 (whose note says 军人证), 上户口咋办 at the 身份证: asking for another thing.
  if (requestsOtherThing(t, step, r)) return false
  // A question at a situation question is no remark on it (孩子上学要啥 at 是不是未满 16 周岁): maybe a new one.
  if (step.kind === 'question' && asks(t, r)) return false
  if (namesAnItem(t, r)) return false
  const itemName = comparableFixed(currentItem(t)!.name)
  const synonyms = t.ctx.catalog.synonyms
  if (step.kind === 'material') return holdsWord(withSynonyms(r.plain, step.material.name, synonyms), materialWords(step.material), itemName)
  const decided = decidedBy(t, step.question)
  const said = decided.reduce((text, m) => withSynonyms(text, m.name, synonyms), r.plain)
  return holdsWord(said, questionWords(step.question, decided), itemName)
}

/**
 * Whether the reply asks for an item by itself: the item at hand asked again (低保咋申请 in the 低保 walk, answered
 * as such elsewhere), or another one the matcher finds clearly (残疾证怎么办理 in the 低保 walk: offered as a switch).
 */
function namesAnItem(t: Turn, r: Reading): boolean {
  const decision = decide(t.ctx.matcher.match(r.raw))
  if (decision.kind !== 'sure') return false
  return decision.result.item.id === t.s.itemId || decision.clear
}

/** Whether `said` holds two characters in a row of `name` that not every other name holds too (户口簿, not 证明). */
function namesIt(said: string, name: string): boolean {
  const target = comparableFixed(name)
  for (let k = 0; k + 2 <= said.length; k++) {
    const pair = said.slice(k, k + 2)
    if (!SHARED_BY_MATERIALS.has(pair) && target.includes(pair)) return true
  }
  return false
}

/** Where a reply is cut into what it says one after the other (户口本在俺婆婆家 在). */
const CLAUSES = /[\s,，。.;；!！?？、]+/u

/**
 * 有 or 没有 said of the material asked in a reply of several parts, one naming it and the others what is said of it
 * (户口本在俺婆婆家 在: 有): every part that says either says the same. Undefined when none names it, or they differ.
 */
export function clausesAnswer(t: Turn, r: Reading, material: Material): 0 | 1 | undefined {
  const parts = r.raw.split(CLAUSES).filter((p) => p !== '')
  if (parts.length < 2) return undefined
  const synonyms = t.ctx.catalog.synonyms
  let named = false
  const said = new Set<0 | 1>()
  for (const part of parts) {
    const p = read(part, t.vocab)
    const answer = materialAnswer(p, material.name, t.vocab, synonyms)
    if (answer !== undefined && namesIt(withSynonyms(p.plain, material.name, synonyms), material.name)) named = true
    const bare = answer ?? (t.vocab.present.includes(p.plain) || (p.yes && !t.vocab.agreeOnly.has(p.plain)) ? 0 : p.no ? 1 : undefined)
    if (bare !== undefined) said.add(bare)
  }
  return named && said.size === 1 ? [...said][0] : undefined
}

/**
 * A question about the material asked (他下不了床 咋拍照): answered from where to get it (its 缺少时, which says
 * 卧床的可请…上门拍), then the material asked again. Undefined at a situation question, or when the reply asks nothing.
 */
export function materialAsked(t: Turn, state: Extract<DialogState, { kind: 'materials' }>, step: WalkStep, r: Reading): false | undefined {
  if (step.kind !== 'material' || !asks(t, r)) return undefined
  say(t, render(t.defs.messages.walk.whereToGet, itemMaterialFields(t, currentItem(t)!, step.material)))
  say(t, fullPrompt(t, state))
  return false
}

/**
 * A remark about the step asked that is no answer: a question about the material (see materialAsked), else the
 * material asked again; at a situation question, how to answer it, then its options again. Undefined when the reply
 * is not about the step asked (then it may be a new question). False: nothing recorded, the question asked again.
 */
export function remarkOnAsked(t: Turn, state: Extract<DialogState, { kind: 'materials' }>, step: WalkStep, r: Reading): false | undefined {
  if (!aboutStepAsked(t, step, r)) return undefined
  const asked = materialAsked(t, state, step, r)
  if (asked !== undefined) return asked
  const item = currentItem(t)!
  const walkTexts = t.defs.messages.walk
  if (step.kind === 'material') {
    const fields = { ...itemMaterialFields(t, item, step.material), options: renderOptions(t, walkLabels(t, step)) }
    return misunderstood(t, state, render(walkTexts.statedFact, fields))
  }
  const values = { ...itemFields(item, t.defs.messages), 'question.prompt': step.question.prompt }
  return misunderstood(t, state, render(walkTexts.situationRemark, values), fullPrompt(t, state))
}
