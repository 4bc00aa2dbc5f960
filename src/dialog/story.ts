/**
 * A story told at a walk question instead of an answer (俺户口本去年搬家弄丢了 不知道咋补 你看咋弄): a few pieces, some
 * telling how things are, some asking. Too long for the short readings (这个去哪开, 要钱不), such a reply got 没看明白
 * or had its answer noted while its question went unanswered. Now what the telling says is taken as the walk takes an
 * answer (户口簿 没有), what the asking asks is answered (where to get what is missing, how many, 原件还是复印件, how
 * long, what it costs), and the walk goes on; a story that answers nothing and asks something known is answered, and
 * the question asked again.
 */
import type { Material } from '../catalog/types.js'
import { UNSURE_ANSWER, type WalkStep } from './materials.js'
import { decide } from '../match/decide.js'
import { asksAnotherMatter, requestAway, requestedThing } from './service-request.js'
import { formReply, formText } from './material-form.js'
import { namedAnswers } from './material-words.js'
import { fullPrompt, currentWalkStep } from './prompts.js'
import { itemMaterialFields, whereAskedMaterial } from './questions-back.js'
import type { DialogState } from './schema.js'
import { workingCopy } from './session.js'
import { render } from './template.js'
import { askedAspects, comparable, read, type Reading } from './text.js'
import { aspectAnswer, caseItemFields, currentItem, say, stateOf, type Turn } from './turn.js'

type WalkState = Extract<DialogState, { kind: 'materials' }>

/** Replies this long or shorter (compared form) are left to the short readings (这个去哪开, 户口本没有 在哪补). */
const MAX_SHORT_REPLY = 12
/**
 * What makes a piece a question: 咋, 啥, 吗, 哪, 怎么, 什么, 多少, 几天, 能不能 …, or a 不 / 没 at its end (是真的不).
 * Not 过几天, 前几天, 这几天, 等几天: they tell when (医院说过几天).
 */
export const ASKS = /[咋啥吗嘛么哪]|怎么|什么|多少|(?<![过前这等再隔头])几[个天份张样次回趟年月]|能不能|行不行|可不可以|要不要|[不没]$/

/** 过几天, 前几天, 这几个月: a few days said to tell when, not to ask how long. */
const TELLS_WHEN = /[过前这等再隔头]几(?:个)?[天年月]/g

/** Asking how many to bring: 要几张, 几份, 多少份. */
const HOW_MANY = /几[份张本套]|多少[份张本套]/

/**
 * Handles a story at the walk's current question; true or false as a walk reply (moved on, or asked again),
 * undefined when the reply is no such story (short, one piece, asking nothing, or asking about another item).
 */
export function story(t: Turn, state: WalkState, r: Reading, walk: (t: Turn, state: WalkState, r: Reading) => boolean): boolean | undefined {
  const item = currentItem(t)
  if (item === undefined || r.plain.length <= MAX_SHORT_REPLY) return undefined
  const pieces = r.raw.split(/[\s,，。.!！?？;；~～]+/).filter((p) => comparable(p) !== '')
  if (pieces.length < 2) return undefined
  const readings = pieces.map((p) => read(p, t.vocab))
  const asked = currentWalkStep(t)
  // 就是不知道要原件还是复印件: asking which form, though it has no question word.
  const asksForm = (p: Reading) => formReply(t, asked, p)?.asking === true
  const asking = readings.filter((p) => asks(t, p) || asksForm(p))
  const telling = readings.filter((p) => !asks(t, p) && !asksForm(p))
  if (asking.length === 0) return undefined
  const before = { ready: { ...t.s.ready }, answers: { ...t.s.answers } }
  // The telling as one reply, then piece by piece for what that did not take (俺家着火了房子烧了 … 身份证也烧了: the
  // 身份证 as one, the fire, a situation, as the other; 身份证在俺儿那 他在外地打工: the first piece says it).
  const tellings = telling.length > 1 ? [telling.map((p) => p.raw).join(' '), ...telling.map((p) => p.raw)] : telling.map((p) => p.raw)
  const quiet = t.replies.length
  let told = false
  for (const text of tellings) {
    const now = currentWalkStep(t)
    if (stateOf(t) !== state || now === undefined) break
    const reading = read(text, t.vocab)
    // Once an answer moved the walk on, a piece that does not name the material now asked (有的, 在柜子里放着呢, 没有)
    // was said of the question asked before: it must not answer one the resident was never asked.
    if (told && !sameStep(now, asked) && now.kind === 'material' && !namesMaterial(t, reading, now.material)) continue
    if (tryTelling(t, state, reading, walk)) told = true
  }
  // 俺老伴瘫痪在床 能申请护理补贴不: what is told taken (是), then the service asked for offered, as a request is.
  const requests = asking.filter((p) => requestedThing(p) !== undefined || asksAnotherMatter(t, p))
  const now = currentWalkStep(t)
  if (told && requests.length > 0 && stateOf(t) === state && now !== undefined) {
    sayBack(t, before)
    const away = requestAway(t, state, now, read(requests.map((p) => p.raw).join(' '), t.vocab))
    if (away !== undefined) return true
  }
  // 俺闺女要结婚了 结婚登记要带啥: a story about another item, answering nothing here, is offered as a switch, as always.
  if (!told) {
    const decision = decide(t.ctx.matcher.match(r.raw))
    if (decision.kind === 'sure' && decision.result.item.id !== item.id) return undefined
  }
  const gone = item.materials.filter((m) => t.s.ready[m.name] === false && before.ready[m.name] !== false)
  const answered = item.materials.filter((m) => t.s.ready[m.name] !== undefined && t.s.ready[m.name] !== before.ready[m.name])
  const walking = stateOf(t) === state && currentWalkStep(t) !== undefined

  // What the asking asks: where to get what is missing (or what the asking names), and the item's aspects.
  const where = new Set<Material>()
  // The question the story was told at: 身份证俺有的 就是不知道要几张 asks about the 身份证, not the next material.
  const step = asked
  const counts = new Set<Material>()
  const forms = new Set<Material>()
  for (const p of asking) {
    // 要几张, 几份: how many of the material the story is about (its amount, as 要带户口本不 gets).
    if (HOW_MANY.test(p.plain)) {
      for (const m of gone.length > 0 ? gone : step?.kind === 'material' ? [step.material] : []) counts.add(m)
      continue
    }
    // 要带原件吗, 原件还是复印件: the form of the material named, else of the one the story is about (as 要几张):
    // the missing one, those it answered when asked of them all (身份证有 户口本也有 都要原件吗), or the one asked.
    const form = formReply(t, step, p)
    if (form?.asking === true) {
      const about = form.named ? [form.material] : gone.length > 0 ? gone : p.plain.includes('都') && answered.length > 0 ? answered : [form.material]
      for (const m of about) forms.add(m)
      continue
    }
    // 镇上哪里能照, 咋弄: asking where or how, about what the story said is missing.
    const how = /[哪咋]|怎么/.test(p.plain) && askedAspects(p.raw, t.vocab, item.type).length === 0
    const rest = p.asksWhere ?? (how || t.vocab.whatToDo.some((w) => p.plain.includes(w)) ? '' : undefined)
    if (rest === undefined) continue
    // 不知道咋补, 你看咋弄: naming nothing, it asks about what the story said is missing.
    const names = rest.replace(/^(?:你看|您看|那|俺|我|这)/, '') !== '' && ![...t.vocab.unsure].some((w) => rest.endsWith(w))
    const named = !names || step === undefined ? undefined : whereAskedMaterial(t, rest, step)
    for (const m of named !== undefined ? [named] : gone) where.add(m)
  }
  // 医院说过几天 tells when, it asks no 多久 (while 村主任说一个月能给三百多 是真的不 does ask how much).
  const aspects = askedAspects(r.raw.replace(TELLS_WHEN, ''), t.vocab, item.type)
  if (!told && where.size === 0 && counts.size === 0 && forms.size === 0 && aspects.length === 0) return undefined
  // Said back, so the resident sees the story was heard: what the walk took without saying so (a plain 没有).
  const walkTexts = t.defs.messages.walk
  if (told && t.replies.length === quiet) {
    const list = answered
      .map((m) => render(walkTexts.heardMaterial, { ...itemMaterialFields(t, item, m), answer: t.s.ready[m.name] ? walkTexts.ready : walkTexts.missing }))
      .join('；')
    if (list !== '') say(t, render(walkTexts.heard, { list }))
  }
  // After the last question the checklist was shown, and it says where to get each missing one.
  if (walking || !told) for (const m of where) say(t, render(walkTexts.whereToGet, itemMaterialFields(t, item, m)))
  for (const m of counts) say(t, render(walkTexts.needed, itemMaterialFields(t, item, m)))
  for (const m of forms) say(t, formText(t, m))
  if (aspects.length > 0) {
    const fields = caseItemFields(t, item)
    say(t, aspects.map((aspect) => aspectAnswer(t, aspect, fields)).join('\n'))
  }
  if (stateOf(t) === state) say(t, fullPrompt(t, state))
  return told
}

/**
 * The answering part of a reply that also asks for another service (身份证有 in 身份证有 还想办个残疾证), taken as a
 * walk reply and said back (sayBack); nothing kept when it answers nothing.
 */
export function takeTelling(t: Turn, state: WalkState, r: Reading, walk: (t: Turn, state: WalkState, r: Reading) => boolean): boolean {
  const before = { ready: { ...t.s.ready }, answers: { ...t.s.answers } }
  if (!tryTelling(t, state, r, walk)) return false
  sayBack(t, before)
  return true
}

/**
 * What a telling recorded, said back when the walk said nothing of it (a plain 有, 是): the materials answered
 * (walk.heard) and the situations (walk.shownByMaterial), so the resident sees it was heard before another matter
 * is offered.
 */
function sayBack(t: Turn, before: { ready: Record<string, boolean>; answers: Record<string, string> }): void {
  const item = currentItem(t)
  if (item === undefined) return
  const walkTexts = t.defs.messages.walk
  const list = item.materials
    .filter((m) => t.s.ready[m.name] !== undefined && t.s.ready[m.name] !== before.ready[m.name])
    .map((m) => render(walkTexts.heardMaterial, { ...itemMaterialFields(t, item, m), answer: t.s.ready[m.name] ? walkTexts.ready : walkTexts.missing }))
    .join('；')
  if (list !== '') say(t, render(walkTexts.heard, { list }))
  for (const q of item.questions) {
    const option = t.s.answers[q.id]
    if (option === undefined || option === before.answers[q.id] || option === UNSURE_ANSWER) continue
    say(t, render(walkTexts.shownByMaterial, { option, 'question.prompt': q.prompt }))
  }
}

/** Whether two walk steps ask the same thing (nextStep builds a new one each time). */
function sameStep(a: WalkStep, b: WalkStep | undefined): boolean {
  if (b === undefined || a.kind !== b.kind) return false
  return a.kind === 'material' ? a.material === (b as typeof a).material : a.question === (b as typeof a).question
}

/** Whether a reading names `material` with an answer (身份证也烧了), rather than answering whatever is asked. */
function namesMaterial(t: Turn, r: Reading, material: Material): boolean {
  return namedAnswers(r, [material], t.vocab, t.ctx.catalog.synonyms).size > 0
}

/** Whether a piece of a story asks something (see ASKS), rather than tells. */
export function asks(t: Turn, p: Reading): boolean {
  return p.asksWhere !== undefined || t.vocab.whatToDo.some((w) => p.plain.includes(w)) || ASKS.test(p.plain)
}

/**
 * The walk's reply to the telling, kept only when it answered something of this walk (a material or a situation)
 * and stayed in it; otherwise everything it did (replies, effects, the session) is undone. Its question again is
 * left for the story to ask after its answers.
 */
function tryTelling(t: Turn, state: WalkState, r: Reading, walk: (t: Turn, state: WalkState, r: Reading) => boolean): boolean {
  const saved = workingCopy(t.s)
  const replies = t.replies.length
  const effects = t.effects.length
  const missed = t.missed
  const ready = { ...t.s.ready }
  const answers = { ...t.s.answers }
  const moved = walk(t, state, r)
  const changed =
    Object.keys(t.s.ready).some((k) => t.s.ready[k] !== ready[k]) || Object.keys(t.s.answers).some((k) => t.s.answers[k] !== answers[k])
  if (moved && changed && t.s.switchTo === undefined && t.s.itemId === saved.itemId && t.effects.length === effects) {
    const prompt = stateOf(t) === state && currentWalkStep(t) !== undefined ? fullPrompt(t, state) : undefined
    if (prompt !== undefined && t.replies[t.replies.length - 1] === prompt) t.replies.pop()
    return true
  }
  t.s = saved
  t.replies.length = replies
  t.effects.length = effects
  t.missed = missed
  return false
}
