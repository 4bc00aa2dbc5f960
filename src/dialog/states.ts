/**
 * A reply in the current state, by the state's kind. Each handler returns true when the reply moved the
 * dialog on (so 返回 can undo it) and false when it only re-prompted.
 */
import type { Catalog, CatalogItem, HelpKind, Material, Question, ServicePoint, Synonym } from '../catalog/types.js'
import { decide } from '../match/decide.js'
import { applyOption, askMatcher, offerSwitch } from './actions.js'
import { countyName, mentionsPlace, namedPlace, unlistedVillage, villageName } from './area.js'
import { countyCentre } from './checklist.js'
import { materialStatuses, noticesFor, presumedIn, questionOpen, UNSURE_ANSWER, type WalkStep } from './materials.js'
import { go } from './navigate.js'
import { placeReply } from './places.js'
import {
  areaPoints, currentWalkStep, renderOptions, optionLabels, optionNumbers, fullPrompt, helpKinds, labelsOf, reprompt, shortPrompt, stateFields, takesPlaces, visibleOptions, walkLabels,
} from './prompts.js'
import type { Aspect, DialogOption, DialogState } from './schema.js'
import { render } from './template.js'
import { askedAspects, comparable, FORM_FIELDS_FIXABLE, SEVERAL_NUMBERS, comparableFixed, mobileInText, mobileNumber, NEGATION, personName, postalAddress, read, type CompiledVocabulary, type Reading } from './text.js'
import { caseItemFields, clearItem, currentItem, holds, noticeText, setItem, say, stateOf, type Turn } from './turn.js'
import { itemFields, materialFields, villageLabel, type Values } from './fields.js'
import { covered, materialAnswer, namedAnswers, runAt, SHARED_BY_MATERIALS, withSynonyms } from './material-words.js'

type Pick = number | 'outOfRange' | undefined

/**
 * Which numbered option a reply names: its number, its label, one of its words, or "2 没有" (number and label).
 * `numbers`: the options' own numbers when they are not 1, 2, 3 … (optionNumbers).
 */
function pickIndex(r: Reading, labels: string[], words: (i: number) => string[] = () => [], numbers?: readonly number[]): Pick {
  const at = (n: number) => (numbers ? numbers.indexOf(n) : n - 1)
  if (r.number !== undefined) {
    const i = Number.isInteger(r.number) ? at(r.number) : -1
    return i >= 0 && i < labels.length ? i : 'outOfRange'
  }
  const forms = labels.map((l, i) => [l, ...words(i)].map(comparableFixed))
  const exact = forms.findIndex((f) => f.includes(r.full) || f.includes(r.plain))
  if (exact >= 0) return exact
  // "2 没有" names option 2; "-2 没有" names none.
  const numbered = !/^[-−﹣‐–—]/.test(r.raw) ? /^(\d{1,2})(\D.*)$/.exec(r.plain) : null
  if (numbered) {
    const i = at(Number(numbered[1]))
    if (forms[i]?.some((f) => f.startsWith(numbered[2]!))) return i
  }
  return undefined
}

function yesNoIndex(r: Reading, options: DialogOption[]): number | undefined {
  if (!r.yes && !r.no) return undefined
  const i = options.findIndex((o) => o.answer === (r.yes ? 'yes' : 'no'))
  return i >= 0 ? i : undefined
}

export function handleReply(t: Turn, state: DialogState, r: Reading): boolean {
  const fix = formFix(t, state, r)
  if (fix !== undefined) return fix
  // 1 2 1 outside the walk (which takes them as answers in turn): this step asks one question.
  if (r.numbers !== undefined && state.kind !== 'materials') return severalNumbers(t, state, r.numbers)
  const aside = phoneAside(t, state, r)
  if (aside !== undefined) return aside
  switch (state.kind) {
    case 'menu': {
      const options = visibleOptions(t, state.options)
      const labels = labelsOf(t, options)
      const i = pickIndex(r, labels, (k) => options[k]?.words ?? [], optionNumbers(t, state)) ?? yesNoIndex(r, options) ?? otherOfTwo(r, labels, options) ?? leadingIndex(t, r, options)
      if (typeof i === 'number') {
        applyOption(t, options[i]!)
        return true
      }
      if (i === 'outOfRange' && labels.length > 0) return hiddenNumber(t, state, r) ? false : noSuchNumber(t)
      if (i === undefined && unavailableOption(t, state, r)) return false
      return freeText(t, state, r)
    }
    case 'chooseItem':
      return chooseItem(t, state, r)
    case 'materials':
      return walk(t, state, r)
    case 'input':
      return input(t, state, r)
    case 'area':
      return area(t, state, r)
    case 'help': {
      const kinds = helpKinds(t)
      const labels = kinds.map((k) => t.defs.messages.helpKinds[k])
      const i = pickIndex(r, labels, (k) => [kinds[k]!, ...t.vocab.helpKinds[kinds[k]!]], optionNumbers(t, state)) ?? kindSaid(t, kinds, r)
      if (typeof i === 'number') {
        t.s.form.help = kinds[i]
        go(t, state.go)
        return true
      }
      return i === 'outOfRange' ? noSuchNumber(t) : freeText(t, state, r)
    }
  }
}

/**
 * Several numbers (1 2 1) at a step asking one question: the first answers it, as a resident tapping ahead means.
 * Where an option would submit the 代办 application and the numbers differ, nothing is guessed: one number, please.
 */
function severalNumbers(t: Turn, state: DialogState, numbers: number[]): boolean {
  const submits = state.kind === 'menu' && visibleOptions(t, state.options).some((o) => o.do === 'openTicket')
  if (submits && numbers.some((n) => n !== numbers[0])) return misunderstood(t, state, reprompt(t, state, t.defs.messages.say.oneNumber))
  return handleReply(t, state, read(String(numbers[0]), t.vocab))
}

/** Longest reply (compared form) read as saying a field of the 代办 form is wrong (名字写错了, 村不对). */
const MAX_FIX_REPLY = 12

/**
 * At the 代办 summary (a menu offering 重新填写, do: clearForm), a short reply saying something is wrong (名字写错了,
 * 电话不对, 地址不对; vocabulary.yaml formWrong) is a correction, not a new question. The field it names
 * (formFields) is asked again at its own step, and the summary shown again once it is given; naming none, the
 * whole form is filled in again (重新填写). A number typed with it (电话改成139…) is left to phoneAside. Undefined when
 * the reply says nothing is wrong.
 */
function formFix(t: Turn, state: DialogState, r: Reading): boolean | undefined {
  if (state.kind !== 'menu' || r.plain.length > MAX_FIX_REPLY) return undefined
  const redo = visibleOptions(t, state.options).find((o) => o.do === 'clearForm')
  if (redo === undefined || mobileInText(r.raw) !== undefined) return undefined
  // 不错, 不用改: turned round, nothing is wrong.
  const says = (w: string) => {
    const at = r.plain.indexOf(w)
    return at >= 0 && !TURNED_ROUND.test(r.plain.slice(0, at))
  }
  if (!t.vocab.formWrong.some(says)) return undefined
  let field = FORM_FIELDS_FIXABLE.find((f) => t.vocab.formFields[f].some((w) => r.plain.includes(w)))
  // Without mail there is no mailing address: 地址 is where the applicant lives.
  if (field === 'address' && t.s.form.delivery !== 'mail') field = 'area'
  const target =
    field === undefined
      ? undefined
      : Object.entries(t.defs.flow.states).find(([, s]) => (field === 'area' ? s.kind === 'area' : s.kind === 'input' && s.field === field))?.[0]
  if (field === undefined || target === undefined) {
    applyOption(t, redo)
    return true
  }
  // Cleared, so that a step skipped when the field is known (proxy_phone: when !hasPhone) asks it.
  if (field !== 'area') delete t.s.form[field]
  t.s.form.returnTo = t.s.state
  go(t, target)
  return true
}

/** After a step of the 代办 form: its next step, or back to the summary when one field was being corrected. */
function goOn(t: Turn, next: string): void {
  const back = t.s.form.returnTo
  delete t.s.form.returnTo
  go(t, back ?? next)
}

/** Longest reply (compared form) read as wishing to change the phone (手机号写错了). */
const MAX_CHANGE_PHONE_REPLY = 12

/**
 * At a step of the 代办 form marked `phone: true` (not the phone step itself, which reads numbers its own way), a
 * mobile number typed alone or in a sentence (电话换成13912345678) is the phone the ticket records, replacing the
 * one given before. At a name or address step the rest of the line, once labels (姓名, 电话 …) are dropped, still
 * answers the step (张秀英 138…, 3排5号 电话138…); elsewhere, or when the rest is no answer, the number is said back
 * masked and the step asked again (the summary shows itself again, with the new number). 手机号错了 without a number
 * gets how to change it. Undefined when the reply is about none of this (the step reads it as usual).
 */
function phoneAside(t: Turn, state: DialogState, r: Reading): boolean | undefined {
  if (state.phone !== true || (state.kind === 'input' && state.field === 'phone')) return undefined
  const alone = mobileNumber(r.raw)
  const found = alone !== undefined ? { phone: alone, rest: '' } : mobileInText(r.raw)
  if (found === undefined) {
    // 手机号错了, 改电话 (no number yet): how to change it; the step's question still waits.
    if (r.plain.length > MAX_CHANGE_PHONE_REPLY || !t.vocab.changePhone.some((w) => r.plain.includes(w))) return undefined
    say(t, render(t.defs.messages.say.phoneChange, stateFields(t)))
    return false
  }
  t.s.form.phone = found.phone
  if (state.kind === 'input') {
    let rest = found.rest.replace(/[，,、:：;；。.!！]/g, ' ')
    for (const label of t.vocab.contactLabels) rest = rest.split(label).join(' ')
    rest = rest.replace(/\s+/g, ' ').trim()
    const restReading = read(rest, t.vocab)
    const value = rest === ''
      ? undefined
      : state.field === 'name'
        ? applicantName(t, restReading)
        // An address must say where (a place, a road) or hold a house number: 换成 alone is no address.
        : /\d/.test(rest) || SAYS_WHERE.test(rest) || mentionsPlace(t.ctx.catalog, rest) ? mailingAddress(t, restReading) : undefined
    if (value !== undefined) {
      t.s.form[state.field] = value
      goOn(t, state.go)
      return true
    }
  }
  // 大店镇 138…: the number noted, the place still answers the area step.
  const place = found.rest.trim()
  if (state.kind === 'area' && place !== '' && mentionsPlace(t.ctx.catalog, place)) {
    say(t, render(t.defs.messages.say.phoneNoted, stateFields(t)))
    return area(t, state, read(place, t.vocab))
  }
  say(t, render(t.defs.messages.say.phoneNoted, stateFields(t)))
  say(t, fullPrompt(t, state))
  return true
}

/**
 * 不用邮寄 at a menu of two options that are not yes and no (自己去取 / 邮寄到家): the other option. A menu of more
 * options, or one with a yes/no option (where 不是 already has its meaning), is left as it was.
 */
function otherOfTwo(r: Reading, labels: string[], options: DialogOption[]): number | undefined {
  if (options.length !== 2 || options.some((o) => o.answer !== undefined)) return undefined
  const named = (said: string) => {
    const k = pickIndex({ ...r, full: said, plain: said, number: undefined }, labels, (n) => options[n]?.words ?? [])
    return typeof k === 'number' ? labels[k] : undefined
  }
  const other = deniedOption(labels, r, named)?.other
  return other === undefined ? undefined : labels.indexOf(other)
}

/**
 * 是的 俺腿脚不好, 对 俺家里困难, 不是，俺自己能去: a yes or no said first, then a reason, picks the option answering
 * so. A no followed by another item (不是，我要办居住证) is left to be read as that question.
 */
function leadingIndex(t: Turn, r: Reading, options: DialogOption[]): number | undefined {
  if (r.leading === undefined) return undefined
  const i = options.findIndex((o) => o.answer === r.leading)
  if (i < 0) return undefined
  if (r.leading === 'no' && r.afterLeading && decide(t.ctx.matcher.match(r.afterLeading)).kind !== 'none') return undefined
  return i
}

/** Longest reply (compared form) read as naming a help kind by one of its words inside it (能上门来办不). */
const MAX_KIND_REPLY = 12

/**
 * The one offered help kind a short reply asks for in its own words (vocabulary.yaml helpKinds: 能不能上门, 到家里来办吧
 * for 特办), not turned round just before them (不用上门, 别上门); undefined when none or two are said.
 */
function kindSaid(t: Turn, kinds: readonly HelpKind[], r: Reading): number | undefined {
  if (r.plain.length > MAX_KIND_REPLY) return undefined
  // 能不能, 可不可以 ask; they turn nothing round.
  const text = r.plain.replace(/(\p{Script=Han})不\1/gu, '')
  const says = (w: string) => {
    const at = text.indexOf(w)
    return at >= 0 && !TURNED_ROUND.test(text.slice(0, at))
  }
  const said = kinds.flatMap((kind, k) => (t.vocab.helpKinds[kind].some(says) ? [k] : []))
  return said.length === 1 ? said[0] : undefined
}

/** Said just before a help kind's word, it asks for the opposite (不用上门, 不能上门, 别上门). */
const TURNED_ROUND = /[没不未非无别][用要必需能]?$/

/** Longest reply (compared form) read as asking for a hidden option by one of its words inside it (能代办吗). */
const MAX_OPTION_REPLY = 12

/**
 * A reply asking for an option the step does not offer now (its `when` does not hold), which says why in its
 * `unavailable` (代办 for an item that cannot be done by an agent): said, then the step's question again. True if so.
 */
function unavailableOption(t: Turn, state: Extract<DialogState, { kind: 'menu' }>, r: Reading): boolean {
  const asked = state.options.find((o) => {
    if (!hiddenWithReason(t, o)) return false
    const words = [o.label, ...(o.words ?? [])].map(comparableFixed)
    if (words.includes(r.full) || words.includes(r.plain)) return true
    return r.plain.length <= MAX_OPTION_REPLY && words.some((w) => w.length >= 2 && r.plain.includes(w))
  })
  return asked !== undefined && tellUnavailable(t, state, asked)
}

/** An option hidden now (its `when` does not hold) that says why when asked for (`unavailable`). */
function hiddenWithReason(t: Turn, o: DialogOption): boolean {
  return o.unavailable !== undefined && o.when !== undefined && !holds(t, o.when)
}

/** Why the option is not offered, then the step's question again. */
function tellUnavailable(t: Turn, state: Extract<DialogState, { kind: 'menu' }>, o: DialogOption): true {
  say(t, render(o.unavailable!, stateFields(t)))
  say(t, shortPrompt(t, state))
  return true
}

/**
 * In a menu with fixedNumbers, the number of an option hidden now that says why (`unavailable`: 3 申请代办 for an
 * item that cannot be done by an agent): said, then the step's question again. True if so.
 */
function hiddenNumber(t: Turn, state: Extract<DialogState, { kind: 'menu' }>, r: Reading): boolean {
  if (state.fixedNumbers !== true || r.number === undefined || !Number.isInteger(r.number)) return false
  const option = state.options[r.number - 1]
  return option !== undefined && hiddenWithReason(t, option) && tellUnavailable(t, state, option)
}

function noSuchNumber(t: Turn): false {
  return misunderstood(t, stateOf(t), reprompt(t, undefined, t.defs.messages.say.noSuchNumber))
}

/** Replies in a row a step may not understand before it offers a way out instead of its question once more. */
const MAX_MISSES = 3

/**
 * A reply the step cannot use: say `again` (its question once more). The third time in a row, a way out instead
 * (人工, the county centre's phone, 12345, and 帮助 to see the question again): residents who cannot find the
 * answer we expect were asked the same question nine times. Counted only where a question is pending: a step
 * that takes new questions (welcome, 没找到) asked nothing to fail at. The next miss asks again, as before.
 */
function misunderstood(t: Turn, state: DialogState | undefined, ...again: string[]): false {
  if (state !== undefined && !('match' in state && state.match)) {
    t.missed = true
    const misses = (t.s.misses ?? 0) + 1
    t.s.misses = misses
    if (misses >= MAX_MISSES) {
      delete t.s.misses
      const centre = countyCentre(t.ctx.catalog)
      say(t, render(t.defs.messages.say.stuck, stateFields(t, { 'centre.name': centre?.name ?? '', 'centre.phone': centre?.phone ?? '' })))
      return false
    }
  }
  for (const text of again) say(t, text)
  return false
}

/** Text the state has no option for: a question (where the state takes them), a greeting, or a re-prompt. */
function freeText(t: Turn, state: DialogState, r: Reading): boolean {
  const say_ = t.defs.messages.say
  // A number, or 好的 / 没有 / 确认 where no option means yes, no or confirm, is an answer to something else:
  // not a question (after a submission, 确认 again just hears that there is nothing left to confirm).
  if (r.number !== undefined || r.yes || r.no || r.ack) return misunderstood(t, state, reprompt(t, state))
  if (r.greeting) {
    const greeting = render(say_.greeting, {})
    const prompt = shortPrompt(t, state)
    // The welcome already says 您好: not twice.
    if (!prompt.startsWith(greeting.replace(/[！!。.，,]+$/u, ''))) say(t, greeting)
    say(t, prompt)
    return false
  }
  if (r.thanks) {
    say(t, render(say_.thanks, {}))
    return false
  }
  // 我不懂, 看不懂 where no question is asked about a thing (not in the walk): how to use this, and the step again.
  if (r.asksWhat && (r.asksWhatOf ?? '').replace(/^[我俺咱]们?[也还真]?/, '') === '') {
    say(t, render(say_.help, {}))
    say(t, shortPrompt(t, state))
    return false
  }
  // "大店镇" after the checklist: where that town takes the item, not a question for the matcher.
  if (placeReply(t, state, r)) return false
  // "户口本没有咋办" after the checklist: where to get that material (the elder checklist leaves it to be asked).
  if (materialWhereReply(t, state, r)) return false
  // "要带户口本不" after the checklist, as during the walk: whether that material is needed in this case.
  if (takesPlaces(state) && needReply(t, state, r)) return false
  // "要钱不", "多久能办好" in the middle: answered for the item at hand, then the same question again.
  if (aspectReply(t, state, r)) return false
  const match = state.kind === 'menu' || state.kind === 'chooseItem' ? state.match : undefined
  if (match) {
    askMatcher(t, r.raw, match)
    return true
  }
  const unsure = state.kind === 'menu' ? state.unsure : undefined
  if (offerSwitch(t, r.raw, unsure)) return true
  // Mid-walk, a sentence that is neither an answer nor a question we could place (今天天气咋样): say so, and that
  // another question is welcome, as where the flow names an unsure state.
  if (unsure !== undefined || (state.kind === 'materials' && r.plain.length >= 4)) {
    // Neither an answer nor a question we could place: say so, and that a question is welcome here.
    // The material's own question again (its re-prompt would say 没看明白 a second time).
    return misunderstood(t, state, render(say_.notUnderstood, {}), render(say_.askOther, { prompt: state.kind === 'materials' ? fullPrompt(t, state) : reprompt(t, state) }))
  }
  return misunderstood(t, state, reprompt(t, state))
}

function chooseItem(t: Turn, state: Extract<DialogState, { kind: 'chooseItem' }>, r: Reading): boolean {
  const items = (t.s.candidates ?? []).map((id) => t.ctx.catalog.byId.get(id)).filter((i): i is CatalogItem => i !== undefined)
  const options = visibleOptions(t, state.options)
  const labels = [...items.map((i) => i.name), ...labelsOf(t, options)]
  let i = pickIndex(r, labels, (k) => options[k - items.length]?.words ?? [])
  if (i === undefined && r.plain.length >= 2) {
    // Part of a name ("低保") picks the one candidate that contains it.
    const containing = items.flatMap((item, k) => (comparableFixed(item.name).includes(r.plain) ? [k] : []))
    if (containing.length === 1) i = containing[0]
  }
  if (i === undefined) {
    const yn = yesNoIndex(r, options)
    if (yn !== undefined) i = items.length + yn
  }
  if (typeof i === 'number') {
    const item = items[i]
    if (item) {
      setItem(t, item)
      go(t, state.go)
    } else applyOption(t, options[i - items.length]!)
    return true
  }
  return i === 'outOfRange' ? noSuchNumber(t) : freeText(t, state, r)
}

function walk(t: Turn, state: Extract<DialogState, { kind: 'materials' }>, r: Reading, ask = true): boolean {
  const step = currentWalkStep(t)
  if (!step) {
    go(t, state.done)
    return true
  }
  // 1 2 1: the first number answers this question, the next the question after it, and so on; only the question
  // where they end (or one a number does not fit, with 没有这个编号) is shown.
  if (SEVERAL_NUMBERS.test(r.raw)) {
    const numbers = r.raw.split(/[\s,，、。;；]+/)
    let moved = false
    for (const [k, n] of numbers.entries()) {
      if (stateOf(t) !== state) break
      if (!walk(t, state, read(n, t.vocab), k === numbers.length - 1)) break
      moved = true
    }
    return moved
  }
  // 不对 as the first reply to a walk a clear find began unasked: the item is wrong, not the material.
  if (t.s.unconfirmed && state.wrongItem !== undefined && (t.vocab.wrongItem.has(r.plain) || t.vocab.wrongItem.has(r.full))) {
    clearItem(t)
    go(t, state.wrongItem)
    return true
  }
  const labels = walkLabels(t, step)
  let i = pickIndex(r, labels)
  // 这个去哪开 is about the material asked; 户口本丢了咋补, 房东不给租房合同咋办 may be about another of this item's
  // materials, at a material or a situation question alike. Where to get it is what the checklist would say later;
  // said now, then the same question again (neither 有 nor 没有: the resident asked, they did not answer).
  const askedWhere = i === undefined && r.asksWhere !== undefined ? whereAskedMaterial(t, r.asksWhere, step) : undefined
  if (askedWhere !== undefined) {
    say(t, render(t.defs.messages.walk.whereToGet, itemMaterialFields(t, currentItem(t)!, askedWhere)))
    say(t, fullPrompt(t, state))
    return false
  }
  if (step.kind === 'material') {
    const walkTexts = t.defs.messages.walk
    const item = currentItem(t)!
    const fields = (material: Material) => itemMaterialFields(t, item, material)
    if (i === undefined && r.asksWhat) return explain(t, state, step, r)
    // 要带户口本不: a question back about a material, not an answer.
    if (i === undefined && needReply(t, state, r)) return false
    // 户口本也有 while 身份证 is asked, 身份证有户口本没有: answers to materials further on are taken; the one asked
    // is answered only by its own words (or a 有 / 没有 said first), else asked again.
    const heard = i === undefined ? heardElsewhere(t, item, step, r) : undefined
    if (heard !== undefined) {
      i = heard.current ?? (r.leading === undefined ? undefined : r.leading === 'yes' ? 0 : 1)
      takeHeard(t, item, heard, step.material)
      if (i === undefined) {
        say(t, fullPrompt(t, state))
        return true
      }
    }
    if (i === undefined && r.unsure) {
      // Not sure counts as not ready: the checklist then says where to get it, which is what the resident needs.
      say(t, render(walkTexts.unsure, fields(step.material)))
      i = 1
    }
    // 好的 agrees, it does not say the material is there: asked again rather than ticked.
    const agrees = t.vocab.agreeOnly.has(r.plain) || t.vocab.agreeOnly.has(r.full)
    // Not 没看明白 either: the resident is going along, only the 有 or 没有 is still wanted, for this material.
    if (i === undefined && agrees) {
      const options = renderOptions(t, walkLabels(t, step))
      return misunderstood(t, state, render(walkTexts.agreeOnly, { ...fields(step.material), options }))
    }
    if (i === undefined && ((r.yes && !agrees) || r.no)) i = r.yes ? 0 : 1
    // 不是，我是给我爹办: a correction or an explanation, not 没有 (another item named is still offered, as always).
    if (i === undefined && correctsQuestion(t, r)) {
      if (offerSwitch(t, r.raw)) return true
      return misunderstood(t, state, render(walkTexts.correction, fields(step.material)), fullPrompt(t, state))
    }
    if (i === undefined && r.leading) i = r.leading === 'yes' ? 0 : 1
    // 有身份证, 户口本丢了: the material named with the answer, read as the answer rather than as a new question.
    if (i === undefined) i = materialAnswer(r, step.material.name, t.vocab, t.ctx.catalog.synonyms)
    if (typeof i !== 'number') return i === 'outOfRange' ? noSuchNumber(t) : freeText(t, state, r)
    t.s.ready[step.material.name] = i === 0
    t.s.unconfirmed = undefined
  } else {
    // 啥叫划拨, 不懂: before any yes/no reading (不懂 is no 否).
    if (i === undefined && r.asksWhat) return explain(t, state, step, r)
    if (i === undefined && needReply(t, state, r)) return false
    let answer = typeof i === 'number' ? step.question.options[i] : undefined
    if (answer === undefined && i === undefined) {
      // The option's own words ("否", "外地户口") or a yes/no word for a 是/否 question.
      const said = r.yes ? 'yes' : r.no ? 'no' : r.leading
      const vocab = said === 'yes' ? t.vocab.yes : said === 'no' ? t.vocab.no : undefined
      answer = step.question.options.find((o) => comparableFixed(o) === r.plain || (vocab?.has(comparableFixed(o)) ?? false))
    }
    if (answer === undefined && i === undefined) answer = optionSaid(step.question, r)
    // 不是，我是退休了: what comes after the 不是 is the answer.
    const corrected = i === undefined && answer === undefined ? correctedText(r) : undefined
    const reading: Reading = corrected === undefined ? r : { ...r, plain: corrected, full: corrected, leading: undefined }
    if (corrected !== undefined) answer = optionSaid(step.question, reading)
    // 不是转诊 俺在外地住院了: after the piece that denies one option, the next ones may name the answer.
    if (answer === undefined && i === undefined) answer = saidAfterDenial(step.question, r)
    if (answer === undefined && i === undefined) {
      // 不是异地, 不是本地的: of two options the other one; of more, which one is still to ask.
      const denied = deniedOption(step.question.options, reading, (said) => optionSaid(step.question, { ...reading, plain: said }))
      if (denied?.other !== undefined) answer = denied.other
      else if (denied !== undefined) {
        say(t, render(t.defs.messages.walk.notThat, { option: denied.option }))
        say(t, fullPrompt(t, state))
        return false
      }
    }
    if (answer === undefined && i === undefined && r.unsure) answer = unsureAnswer(t)
    // 房产证有, 房子已经过户了: no answer to this question, but to others of the walk; taken, then this one again.
    const heard = answer === undefined && i === undefined ? heardElsewhere(t, currentItem(t)!, step, r) : undefined
    if (heard !== undefined) {
      takeHeard(t, currentItem(t)!, heard)
      say(t, fullPrompt(t, state))
      return true
    }
    if (answer === undefined) return i === 'outOfRange' ? noSuchNumber(t) : freeText(t, state, r)
    t.s.answers[step.question.id] = answer
    t.s.unconfirmed = undefined
    const item = currentItem(t)
    const notices = item ? noticesFor(item, { questionId: step.question.id, option: answer }) : []
    for (const m of notices) say(t, noticeText(t, item!, m))
  }
  if (!currentWalkStep(t)) go(t, state.done)
  else if (ask) say(t, fullPrompt(t, state))
  return true
}

/** What a walk reply says besides the step asked (heardElsewhere). */
interface Heard {
  /** The material asked, when the reply names it among others (身份证有户口本没有): 0 有, 1 没有. */
  current?: 0 | 1
  /** Materials further on, not answered yet, that the reply names with an answer. */
  materials: [Material, boolean][]
  /** Situation questions other than the one asked, not answered yet, that the reply answers: id → option. */
  answers: [string, string][]
  /** A document the item does not ask for but other items do, named with an answer (户口本也有 for 不动产转移登记). */
  unneeded?: string
}

const catalogMaterials = new WeakMap<Catalog, { list: Material[]; triples: Set<string> }>()
/**
 * Every material of the catalogue, one per name: what residents may call a document; and every three characters
 * in a row of their names (or of a variant of a standard word in them, 户口本), so that a reply holding none is
 * not looked for among them (most replies: this keeps the walk cheap).
 */
function allMaterials(catalog: Catalog): { list: Material[]; triples: Set<string> } {
  let all = catalogMaterials.get(catalog)
  if (all === undefined) {
    const byName = new Map<string, Material>()
    for (const item of catalog.items) for (const m of item.materials) if (m.notice !== true) byName.set(m.name, m)
    const list = [...byName.values()]
    const names = list.map((m) => comparableFixed(m.name))
    const joined = names.join('\u0000')
    const variants = catalog.synonyms.filter((s) => joined.includes(comparableFixed(s.canonical))).flatMap((s) => s.variants.map(comparableFixed))
    const triples = new Set<string>()
    for (const text of [...names, ...variants]) for (let k = 0; k + 3 <= text.length; k++) triples.add(text.slice(k, k + 3))
    all = { list, triples }
    catalogMaterials.set(catalog, all)
  }
  return all
}

/** Whether `text` holds three characters in a row of some name in `triples`. */
function holdsTriple(text: string, triples: ReadonlySet<string>): boolean {
  for (let k = 0; k + 3 <= text.length; k++) if (triples.has(text.slice(k, k + 3))) return true
  return false
}

/**
 * What a reply at a walk step answers of the walk's other questions, as a careful clerk hears it: materials it names
 * with 有 or 没有 (户口本也有, 结婚证有, 身份证有户口本没有: namedAnswers), or, naming none, situation questions it
 * answers by their 说法 (as the first question's are read: presumedAnswers) or by naming one option of a question of
 * several (租的 for 租房). Only what is not answered yet, and not ruled out by an answer given. Undefined when it
 * answers nothing besides the step asked.
 */
function heardElsewhere(t: Turn, item: CatalogItem, step: WalkStep, r: Reading): Heard | undefined {
  // 没有, 1, 不知道, 好的: a bare answer names nothing else (and the walk takes most replies this way: kept cheap).
  if (r.yes || r.no || r.ack || r.number !== undefined || r.plain.length < 2 || t.vocab.unsure.has(r.plain)) return undefined
  const asked = step.kind === 'material' ? step.material : undefined
  const statuses = materialStatuses(item, t.s).filter((s) => s.status === 'unchecked' || s.status === 'conditional' || s.status === 'ready' || s.status === 'missing')
  const askable = statuses.map((s) => s.material)
  const own = new Set(askable)
  // Of materials named alike (身份证), the one asked, then those that apply now, then those that may.
  const rank = (m: Material) => (m === asked ? 0 : statuses.find((s) => s.material === m)?.status === 'conditional' ? 2 : 1)
  // 有，户口本也有: the 有 said first is the answer to the one asked (Reading.leading), not to the 户口本.
  const rest = r.leading !== undefined && r.afterLeading !== undefined ? { ...r, plain: r.afterLeading, full: r.afterLeading } : r
  // The catalogue's other documents too: 身份证有房产证没有 at 结婚登记 says nothing missing of the 身份证.
  const all = allMaterials(t.ctx.catalog)
  const others = holdsTriple(rest.plain, all.triples) ? all.list.filter((m) => !own.has(m)) : []
  const named = namedAnswers(rest, [...askable, ...others], t.vocab, t.ctx.catalog.synonyms, own, rank)
  const materials: [Material, boolean][] = [...named]
    .filter(([m]) => own.has(m) && m !== asked && t.s.ready[m.name] === undefined)
    .map(([m, answer]) => [m, answer === 0])
  // 户口本也有 where the item lists no 户口簿: not an answer to this question, nor a new question (户口迁入登记?).
  const unneeded = [...named.keys()].find((m) => !own.has(m))
  if (named.size > 0) {
    if (materials.length === 0 && unneeded === undefined) return undefined
    return { current: asked && named.get(asked), materials, answers: [], ...(unneeded && { unneeded: documentName(unneeded, rest, t.ctx.catalog.synonyms) }) }
  }
  const presumed = presumedIn(item, r.full)
  const answers: [string, string][] = []
  for (const q of item.questions) {
    if (q.id === (step.kind === 'question' ? step.question.id : undefined) || t.s.answers[q.id] !== undefined) continue
    if (questionOpen(item, q, t.s.answers) === false) continue
    // A yes/no question's options (是, 否) say nothing out of turn: only its 说法 do.
    const option = presumed.get(q.id) ?? (q.options.length > 2 ? optionSaid(q, r) : undefined)
    if (option !== undefined) answers.push([q.id, option])
  }
  return answers.length > 0 ? { materials: [], answers } : undefined
}

/**
 * What the resident called a document another item lists (户口本 → 户口簿 of 户口簿及复印件): the longest run of the reply, with
 * the catalogue's standard words, that its name holds.
 */
function documentName(m: Material, r: Reading, synonyms: readonly Synonym[]): string {
  const name = comparableFixed(m.name)
  const said = withSynonyms(r.plain, m.name, synonyms)
  let best = ''
  for (let k = 0; k < said.length; k++) {
    const len = runAt(said, k, name)
    if (len > best.length) best = said.slice(k, k + len)
  }
  // In the resident's own word (房产证 rather than 不动产权证书) where they used a variant of it.
  const synonym = synonyms.find((s) => comparableFixed(s.canonical) === best)
  return synonym?.variants.map(comparableFixed).find((v) => r.plain.includes(v)) ?? best
}

/**
 * Records what heardElsewhere heard, and says so: the situation taken (walk.presumed, with its 提示), the materials
 * noted. `asked` is the material asked: when the reply named it too (户口本有 身份证木有), its answer is said first,
 * so the resident sees both were heard (the walk moves on past it).
 */
function takeHeard(t: Turn, item: CatalogItem, heard: Heard, asked?: Material): void {
  const walkTexts = t.defs.messages.walk
  for (const [id, option] of heard.answers) {
    t.s.answers[id] = option
    const question = item.questions.find((q) => q.id === id)
    say(t, render(walkTexts.presumed, { option, 'question.prompt': question?.prompt }))
    for (const m of noticesFor(item, { questionId: id, option })) say(t, noticeText(t, item, m))
  }
  for (const [m] of heard.materials) t.s.ready[m.name] = heard.materials.find(([n]) => n === m)![1]
  const noted: [Material, boolean][] = [...heard.materials]
  if (asked !== undefined && heard.current !== undefined) noted.unshift([asked, heard.current === 0])
  if (noted.length > 0) {
    const list = noted.map(([m, ready]) => render(walkTexts.heardMaterial, { ...itemMaterialFields(t, item, m), answer: ready ? walkTexts.ready : walkTexts.missing }))
    say(t, render(walkTexts.heard, { list: list.join('；') }))
  }
  if (heard.unneeded !== undefined) say(t, render(walkTexts.unneeded, { ...itemFields(item, t.defs.messages), name: heard.unneeded }))
  t.s.unconfirmed = undefined
}

/**
 * Whether a reply at a material question starts with a correction word (vocabulary.yaml corrections: 不是, 不对)
 * and goes on with words that do not themselves say it is missing (不是，我是给我爹办): the resident is setting
 * something straight, not answering 没有. 不是，他没有 or 不对 丢了 still answer 没有.
 */
function correctsQuestion(t: Turn, r: Reading): boolean {
  if (r.leading !== 'no' || r.leadingWord === undefined || !t.vocab.corrections.has(r.leadingWord)) return false
  const rest = r.afterLeading ?? ''
  if (rest === '' || NEGATION.test(rest)) return false
  return !t.vocab.missing.some((w) => rest.includes(w)) && !t.vocab.unsure.has(rest) && !t.vocab.unsureInside.some((w) => rest.includes(w))
}

/**
 * 这是啥, 啥叫划拨, 权属证明是啥, 不懂 at a walk step: what it means, then the same question again (not 没看明白).
 * A term naming one of the item's materials (and no word of the question asked) gets that material's 解释 (or its
 * 备注 and 缺少时); otherwise the material asked about does, or the situation question's 解释 (or, without one, how
 * to settle it at the window).
 */
function explain(t: Turn, state: Extract<DialogState, { kind: 'materials' }>, step: WalkStep, r: Reading): false {
  const item = currentItem(t)!
  const walkTexts = t.defs.messages.walk
  const term = r.asksWhatOf ?? ''
  const current = step.kind === 'material' ? step.material : undefined
  // A word of the question asked (经济适用住房) is the question's, even when a material's name holds it too.
  const ownWord = step.kind === 'question' && term !== '' && [step.question.prompt, ...step.question.options].some((w) => comparableFixed(w).includes(term))
  const named = term === '' || ownWord ? undefined : materialNamed(item.materials, term, current, t.vocab.unsure)
  const material = named ?? current
  if (material !== undefined) say(t, render(walkTexts.whatIsIt, itemMaterialFields(t, item, material)))
  else if (step.kind === 'question') {
    const values = { ...itemFields(item, t.defs.messages), 'question.prompt': step.question.prompt, 'question.explain': step.question.explain }
    say(t, render(step.question.explain !== undefined ? walkTexts.explain : walkTexts.explainNone, values))
  }
  say(t, fullPrompt(t, state))
  return false
}

/** Longest reply (compared form) read as asking whether a material is needed (要带户口本不). */
const MAX_NEED_REPLY = 14
/** How a short reply asks yes or no: 吗, 么, 嘛, 不 or 没 at its end, or 要不要, 用不用 inside it. */
const ASKS_YES_NO = /[吗么嘛不没]$|(\p{Script=Han})不\1/u

/**
 * 要带户口本不, 户口本用带吗, 需要结婚证吗 during the walk (or after the checklist, at a step that takes places): a
 * yes/no question about one of the item's materials
 * (vocabulary.yaml asksNeed), not an answer. Says whether it is needed in the resident's case (needed, not needed
 * after their answers, or on which answer), then the pending question again. False when the reply asks no such
 * thing or names none of the item's materials (then it is read as before).
 */
function needReply(t: Turn, state: DialogState, r: Reading): boolean {
  const item = currentItem(t)
  if (!item || r.plain.length > MAX_NEED_REPLY || !(ASKS_YES_NO.test(r.full) || /[?？]/.test(r.raw))) return false
  const words = t.vocab.asksNeed.filter((w) => r.full.includes(w))
  if (words.length === 0) return false
  let rest = r.full
  for (const w of words) rest = rest.split(w).join('')
  rest = rest.replace(/[吗么嘛不没]+$/u, '')
  if (rest.length < 2) return false
  rest = rest.replace(/^(?:[我俺咱他她]们?的?)/, '')
  // Recognisably one of the item's materials: most of what is named is in its name (户口本 in 共同生活家庭成员户口簿),
  // not two characters of it (原户主身份证 is not 新业主居民身份证, nor 原户欠费结清凭证). The closest ones only.
  const overlaps = item.materials
    .filter((m) => m.notice !== true && namesMaterial(rest, m.name, t.vocab.unsure, false))
    .map((m) => {
      const name = comparableFixed(m.name)
      // 户口本 for 户口簿: a variant of a standard word the name uses, when that makes the whole of it part of the name.
      const whole = name.includes(withSynonyms(rest, m.name, t.ctx.catalog.synonyms))
      // Between names holding as much, the one that has the other characters too (独生子女证: the 光荣证, not the 申请表).
      const chars = [...rest].filter((c) => name.includes(c)).length
      return { m, overlap: whole ? rest.length : covered(rest, name), chars: whole ? rest.length : chars }
    })
    .filter(({ overlap }) => overlap * 3 >= rest.length * 2)
  const best = Math.max(0, ...overlaps.map((o) => o.overlap))
  const mostChars = Math.max(0, ...overlaps.filter((o) => o.overlap === best).map((o) => o.chars))
  const candidates = overlaps.filter((o) => o.overlap === best && o.chars === mostChars).map((o) => o.m)
  if (candidates.length === 0) return false
  const walkTexts = t.defs.messages.walk
  const statuses = materialStatuses(item, t.s)
  // 户口本 names the 参保人户口簿 this case needs and the 继承人的户口簿 it does not: only the one that counts.
  const counting = candidates.filter((m) => statuses.some((s) => s.material === m))
  const named = counting.length > 0 ? counting : candidates
  for (const material of named) {
    const status = statuses.find((s) => s.material === material)?.status
    const values: Values = { ...itemMaterialFields(t, item, material) }
    if (status === 'conditional' && material.condition) {
      values['question.prompt'] = item.questions.find((q) => q.id === material.condition?.questionId)?.prompt
      values['condition.answers'] = material.condition.answers.join('"或"')
    }
    const template =
      status === undefined ? walkTexts.notNeeded
        : status === 'conditional' ? walkTexts.neededIf
          : status === 'optional' ? walkTexts.neededOptional
            : status === 'atWindow' ? walkTexts.neededAtWindow
              : walkTexts.needed
    say(t, render(template, values))
  }
  say(t, state.kind === 'materials' ? fullPrompt(t, state) : shortPrompt(t, state))
  return true
}

/**
 * The material a term names (啥是残疾评定 → 《残疾评定表》): one whose name holds the whole term before one sharing
 * only two characters of it (残疾 is in 《残疾人证申请表》 too), and the one asked about before the others.
 */
function materialNamed(materials: readonly Material[], term: string, current: Material | undefined, unsure: ReadonlySet<string>): Material | undefined {
  const candidates = materials.filter((m) => namesMaterial(term, m.name, unsure, false))
  const rank = (m: Material) => (comparableFixed(m.name).includes(term) ? 0 : 2) + (m === current ? 0 : 1)
  return [...candidates].sort((a, b) => rank(a) - rank(b))[0]
}

/**
 * Whether the rest of a where-to-get reply is about a material: the one asked when it is nothing, a pronoun
 * (这个, 它) or 不知道; any one when it has two characters of its name that are not in every other material's name too (身份证丢了 for 申请人居民身份证,
 * but not 死亡证明 for 出生医学证明, nor 户口 or 低保 while 身份证 is asked: those are new questions).
 */
function namesMaterial(rest: string, material: string, unsure: ReadonlySet<string>, isAsked: boolean): boolean {
  let left = rest
  for (const word of unsure) left = left.split(word).join('')
  if (left === '' || POINTING.test(left)) return isAsked
  const name = comparableFixed(material)
  for (let k = 0; k + 2 <= left.length; k++) {
    const pair = left.slice(k, k + 2)
    if (!SHARED_BY_MATERIALS.has(pair) && name.includes(pair)) return true
  }
  return false
}

/**
 * The material a short where-to-get reply at a walk step is about (its words besides the asking, see Reading.asksWhere):
 * at a material question, the one asked when it names nothing (这个去哪开); else the item's material it names
 * most closely (房东不给租房合同 → 房屋租赁合同, not 劳动合同), the one asked winning a tie. Undefined when it names none.
 */
function whereAskedMaterial(t: Turn, rest: string, step: WalkStep): Material | undefined {
  const item = currentItem(t)!
  const current = step.kind === 'material' ? step.material : undefined
  // 这个, or nothing (没有咋办, 没这个咋整: the 没 said before it), points at the material asked.
  const pointed = rest.replace(/^还?(?:没有|木有|没得|没)/, '')
  if (current !== undefined && namesMaterial(pointed, current.name, t.vocab.unsure, true) && !namesMaterial(pointed, current.name, t.vocab.unsure, false)) return current
  const scored = item.materials
    .filter((m) => m.notice !== true && namesMaterial(rest, m.name, t.vocab.unsure, false))
    .map((m) => {
      const name = comparableFixed(m.name)
      const said = withSynonyms(rest, m.name, t.ctx.catalog.synonyms)
      return { m, score: covered(said, name) * 100 + [...said].filter((c) => name.includes(c)).length * 2 + (m === current ? 1 : 0) }
    })
  return scored.sort((a, b) => b.score - a.score)[0]?.m
}

/**
 * After the checklist (a state that takes places), a short where-to-get question naming one of the item's
 * materials (照片在哪拍, 户口本没有咋办): where to get it, then the state's short re-prompt. False otherwise.
 */
function materialWhereReply(t: Turn, state: DialogState, r: Reading): boolean {
  const item = currentItem(t)
  if (!takesPlaces(state) || !item || r.asksWhere === undefined || r.asksWhere === '') return false
  const asked = item.materials.filter((m) => namesMaterial(r.asksWhere!, m.name, t.vocab.unsure, false))
  if (asked.length === 0) return false
  for (const material of asked) {
    say(t, render(t.defs.messages.walk.whereToGet, itemMaterialFields(t, item, material)))
  }
  say(t, shortPrompt(t, state))
  return true
}

/** The fields of a template about one of the item's materials (walk.whereToGet, walk.whatIsIt …). */
function itemMaterialFields(t: Turn, item: CatalogItem, material: Material) {
  return { ...itemFields(item, t.defs.messages), ...materialFields(material, item, t.defs.messages) }
}

/** Replies longer than this are questions of their own, not a quick "要钱不" about the item at hand. */
const MAX_ASPECT_REPLY = 12

/**
 * A short question about the item at hand (its time limit, fee, conditions, amount paid out or phone, in the
 * words of vocabulary.yaml's asks) while something else is awaited: answered (messages.yaml answers), then the
 * pending question again. False when nothing is asked or no item is chosen yet.
 */
function aspectReply(t: Turn, state: DialogState, r: Reading, ignore: readonly Aspect[] = []): boolean {
  const item = currentItem(t)
  if (!item || r.plain.length === 0 || r.plain.length > MAX_ASPECT_REPLY) return false
  const aspects = askedAspects(r.raw, t.vocab, item.type).filter((a) => !ignore.includes(a))
  if (aspects.length === 0) return false
  const fields = caseItemFields(t, item)
  say(t, aspects.map((aspect) => render(t.defs.messages.answers[aspect], fields)).join('\n'))
  say(t, state.kind === 'materials' ? fullPrompt(t, state) : shortPrompt(t, state))
  return true
}

/** A word that makes a typed name a place's (大店镇, 大店一村, 十字路街道). */
const TIER_IN_NAME = /镇|乡|村|街道|社区/

/** 这个, 那个, 这, 它, 这个东西: pointing at what was just asked. */
const POINTING = /^(这|那|它)(个|些|项|样)?(材料|东西)?$/

/** Shortest reply, and shortest 说法, taken to name a situation: one character says too little. */
const MIN_OPTION_WORDS = 2


/**
 * The one option a reply names in other words: half its label or more (急诊 for 急诊抢救), the whole label inside
 * it (本县户口的), or one of its 说法 (领证了 → 婚生). Any negation in the rest of a reply (不是本县户口) rules it out,
 * stricter than for the first question's 说法, where only the character just before a word is looked at.
 */
function optionSaid(question: Question, r: Reading): string | undefined {
  // 租的 for 租房: the 的 that makes a kind of a word says nothing more.
  const said = r.plain.length > MIN_OPTION_WORDS ? r.plain : r.plain.replace(/的$/, '')
  if (said === '') return undefined
  const found = optionNamed(question, said)
  if (found !== undefined) return found
  // 租的房子 for 租房 (the question's own words): the 的 inside says nothing more either.
  const bare = said.replace(/的/g, '')
  return bare !== said && bare.length >= MIN_OPTION_WORDS ? optionNamed(question, bare) : undefined
}

/** The one option `said` names (see optionSaid), undefined when none or several. */
function optionNamed(question: Question, said: string): string | undefined {
  const named = question.options.filter((option) => {
    const label = comparableFixed(option)
    // 上班或做生意 is said as 上班 or as 做生意: each part of a label joined by 或 (和, 等, 、) stands for it.
    const parts = [label, ...labelParts(option)]
    const words = [...parts, ...(question.words[option] ?? []).map((w) => comparableFixed(w))].filter((w) => w.length >= MIN_OPTION_WORDS)
    // Half a part at least: 急诊 is 急诊抢救, 饭店 is 饭店小吃, but 外地 is not yet 转诊到外地医院. One character only
    // for a part of two (租 for 租房).
    const half = parts.find((p) => p.includes(said) && said.length * 2 >= p.length && (said.length >= MIN_OPTION_WORDS || p.length === 2))
    if (half !== undefined) return !NEGATION.test(said)
    if (said.length < MIN_OPTION_WORDS) return false
    const word = words.find((w) => said.includes(w))
    return word !== undefined && !NEGATION.test(said.split(word).join(''))
  })
  return named.length === 1 ? named[0] : undefined
}

/**
 * A reply that denies one option (不是异地, 俺不是本地的, 不用邮寄): a denial said first (after 我 / 俺 at most), then
 * words naming one option, its label exactly or as `named` reads them. `other`: the remaining option when there
 * are exactly two. Undefined when the reply does not start with a denial or names no single option. 没有 is no
 * denial here: 没有居住证 names the option without one.
 */
function deniedOption(options: readonly string[], r: Reading, named: (said: string) => string | undefined): { option: string; other?: string } | undefined {
  // 不是，邮寄: the 不是 is said apart, and the words after it are what the resident wants (see correctedText).
  if (r.leading !== undefined) return undefined
  const denial = DENIAL.exec(r.plain)
  if (!denial) return undefined
  const said = r.plain.slice(denial[0].length).replace(/的$/, '')
  // 不是我是退休: a correction that goes on to say what it is, not a denied option.
  if (said.length < MIN_OPTION_WORDS || SPEAKER.test(said)) return undefined
  const option = options.find((o) => comparableFixed(o) === said) ?? named(said)
  if (option === undefined) return undefined
  const others = options.filter((o) => o !== option)
  return others.length === 1 ? { option, other: others[0]! } : { option }
}

/** After a first piece that denies an option (不是转诊), the option the rest of the reply names (俺在外地住院了). */
function saidAfterDenial(question: Question, r: Reading): string | undefined {
  const pieces = r.raw.split(/[\s,，。.!！、;；]+/).filter(Boolean)
  if (pieces.length < 2 || !DENIAL.test(comparable(pieces[0]!))) return undefined
  const rest = comparable(pieces.slice(1).join(''))
  const answer = rest.length >= MIN_OPTION_WORDS ? optionSaid(question, { ...r, plain: rest, full: rest, leading: undefined }) : undefined
  // 不是转诊，转诊证明没开: the rest naming the denied option again says nothing new.
  const denied = optionSaid(question, { ...r, plain: comparable(pieces[0]!).replace(DENIAL, ''), leading: undefined })
  return answer !== denied ? answer : undefined
}

/** A reply going on with who is speaking (我是, 俺家): it says what is, not what is not. */
const SPEAKER = /^(?:我们|俺们|咱们|我|俺|咱|他|她)/

/**
 * What a reply says after a 不是 or 不对 that sets something straight: after it as a piece of its own (不是，退休了;
 * 不是 我是退休了) or run on with who is speaking (不是我是退休的), without 我是 / 俺家. Undefined otherwise.
 */
function correctedText(r: Reading): string | undefined {
  const run = /^(?:不是|不对)((?:我们|俺们|咱们|我|俺|咱|他|她).*)$/.exec(r.plain)?.[1]
  const after = r.leading === 'no' ? r.afterLeading : run
  if (after === undefined) return undefined
  const said = after.replace(/^(?:我们|俺们|咱们|我|俺|咱|他|她)(?:是|家|要|想)?/, '').replace(/的$/, '')
  return said.length >= MIN_OPTION_WORDS ? said : undefined
}

/** A denial said first: 不是, 不, 不用, 不要, 并不是, 也不是, 非 (after 我, 俺, 他 …), and a 在 or 是 after it (不在本地). */
const DENIAL = /^(?:我们|俺们|咱们|我|俺|咱|他|她)?(?:也|并|可)?(?:不是|不用|不要|不|非)(?:在|是)?/

const partsOf = new Map<string, string[]>()
/** The parts of an option's label joined by 或, 和, 等 or 、 (上班或做生意 → 上班, 做生意), in compared form. */
function labelParts(option: string): string[] {
  let parts = partsOf.get(option)
  if (parts === undefined) {
    parts = option.split(/[或和等、，,/（）()]/).map(comparableFixed).filter((p) => p.length > 0)
    if (parts.length < 2) parts = []
    partsOf.set(option, parts)
  }
  return parts
}

/**
 * 不知道 to a situation question: not guessed (a guessed 是 sent residents for a 低保证 they never had). Its
 * materials are listed as 看情况 with the question, to settle at the window; said so, and the walk goes on.
 */
function unsureAnswer(t: Turn): string {
  say(t, render(t.defs.messages.walk.unsureSituation, stateFields(t)))
  return UNSURE_ANSWER
}

function input(t: Turn, state: Extract<DialogState, { kind: 'input' }>, r: Reading): boolean {
  const value =
    state.field === 'name'
      ? applicantName(t, r)
      : state.field === 'phone'
        ? (mobileNumber(r.raw) ?? mobileInText(r.raw)?.phone)
        : mailingAddress(t, r)
  const both = state.field === 'name' && value === undefined ? nameWithPhone(t, r) : undefined
  if (both) {
    // The phone step that follows is skipped (its when: !hasPhone).
    Object.assign(t.s.form, both)
    goOn(t, state.go)
    return true
  }
  // "低保怎么办" passes as a name: a question the matcher is sure about is taken as one.
  if (state.field === 'name' && value !== undefined && offerSwitch(t, r.raw)) return true
  if (value !== undefined) {
    t.s.form[state.field] = value
    goOn(t, state.go)
    return true
  }
  if (state.field !== 'phone' && offerSwitch(t, r.raw)) return true
  // 要钱不 where a name is asked: answered, then the name asked for again (电话 here is more likely their own).
  if (state.field !== 'phone' && aspectReply(t, state, r, ['phone'])) return true
  return misunderstood(t, state, render(state.invalid, stateFields(t)))
}

/**
 * Words that say where an address is, for places not on our list (县城人民路 5 号, 临沂市兰山区…, 后河村 8 号), but
 * not 村东头 (the village's own east end).
 */
const SAYS_WHERE = /[省市县区镇乡]|街道|路|街|\p{Script=Han}{2}(村|社区)/u

/**
 * The mailing address. The 代办 form has just asked the applicant's village: a reply that says no place (3 排 5 号,
 * 村东头第三家) is the house in that village, so the village is not asked for twice. A reply naming a place (ours,
 * or 县, 市, 路 … of somewhere else) is taken as typed; a bare number (a stray 1) is no house.
 */
function mailingAddress(t: Turn, r: Reading): string | undefined {
  const village = villageLabel(t.s.form, t.ctx.catalog)
  if (village === undefined || mentionsPlace(t.ctx.catalog, r.raw) || SAYS_WHERE.test(r.raw)) return postalAddress(r.raw)
  if (r.yes || r.no || r.ack || r.unsure || r.greeting || r.thanks || r.empty) return undefined
  if (r.number !== undefined && !/\p{Script=Han}/u.test(r.raw)) return undefined
  return postalAddress(`${village} ${r.raw}`)
}

/** 张秀英 13812345678 (or 姓名：张秀英，电话：…) where the name is asked: both, when what is left is a name. */
function nameWithPhone(t: Turn, r: Reading): { name: string; phone: string } | undefined {
  const found = mobileInText(r.raw)
  if (!found) return undefined
  let rest = found.rest.replace(/[，,、:：;；。.!！]/g, ' ')
  for (const label of t.vocab.contactLabels) rest = rest.split(label).join(' ')
  const name = personName(rest, t.vocab.notName)
  return name === undefined ? undefined : { name, phone: found.phone }
}

/** A name, not a sentence, nor a yes/no word or a greeting (好的, 没有, 你好 are not names). */
function applicantName(t: Turn, r: Reading): string | undefined {
  if (r.yes || r.no || r.ack || r.greeting || r.thanks) return undefined
  // A phone number in characters (幺三八…) typed a step early is no name.
  if (mobileNumber(r.raw) !== undefined) return undefined
  // 大店镇, 大店镇大店一村: where the applicant lives, asked next, not who they are. Only names with a 镇 or 村 in
  // them: a person may be called like a village (东山).
  if (TIER_IN_NAME.test(r.plain) && namedPlace(t.ctx.catalog, r.plain, t.vocab.placeWords) !== undefined) return undefined
  // 要钱不, 多久能办好: a question about the item, not a name.
  const item = currentItem(t)
  if (item && askedAspects(r.raw, t.vocab, item.type).some((a) => a !== 'phone')) return undefined
  // 俺叫刘秀英, 我是张三: the name after the label.
  const name = personName(withoutContactLabel(r.raw, t.vocab.contactLabels), t.vocab.notName)
  // 坊前 alone is a town (a street office), typed a step early; a village's bare name may be a person's (东山).
  if (name !== undefined && namedPlace(t.ctx.catalog, name, [])?.kind === 'towns') return undefined
  return name
}

/** The text after a leading label such as 我叫, 姓名： (contactLabels, longest first), or the text as typed. */
function withoutContactLabel(raw: string, labels: readonly string[]): string {
  const text = raw.normalize('NFKC').trim()
  const label = labels.find((l) => text.startsWith(l))
  return label === undefined ? text : text.slice(label.length).replace(/^[\s:：,，是]+/, '')
}

/** Longest reply (compared form) read as naming a place (临沂市兰山区柳青街道): longer ones are sentences. */
const MAX_PLACE_REPLY = 20

/**
 * Whether a reply at the town question names a place outside the county: a word of vocabulary.yaml elsewhere (市, 区,
 * 北京) and none of our towns or villages, nor the county's own name (莒南县, from the county centre's name).
 */
function isElsewhere(t: Turn, r: Reading): boolean {
  if (r.plain.length > MAX_PLACE_REPLY || !t.vocab.elsewhere.some((w) => r.plain.includes(w))) return false
  if (mentionsPlace(t.ctx.catalog, r.raw)) return false
  const county = countyName(t.ctx.catalog)
  return county === undefined || !r.plain.includes(comparableFixed(county))
}

function area(t: Turn, state: Extract<DialogState, { kind: 'area' }>, r: Reading): boolean {
  const catalog = t.ctx.catalog
  const form = t.s.form
  const points = areaPoints(t)
  // After the villages may come "another village" (offersOtherVillage): one past the last village, no point.
  const i = pickIndex(r, optionLabels(t, state))
  const chooseVillage = (village: ServicePoint) => {
    form.townId = village.parentId
    form.villageId = village.id
    form.choices = undefined
    goOn(t, state.go)
    return true
  }
  const chooseTown = (town: ServicePoint) => {
    form.townId = town.id
    form.choices = undefined
    say(t, fullPrompt(t, state))
    return true
  }
  // A village the network does not list: the ticket goes to the town's centre, the name in its note.
  const chooseUnlisted = (townId: string, name: string) => {
    form.townId = townId
    form.villageId = undefined
    form.unlistedVillage = name
    form.namingVillage = undefined
    form.choices = undefined
    goOn(t, state.go)
    return true
  }
  // 临沂市兰山区, 北京: no town of ours serves it (not even as a village left off the list): say so, and where to turn.
  if (i === undefined && isElsewhere(t, r)) {
    const centre = countyCentre(catalog)
    const outside = render(t.defs.messages.say.outsideCounty, { 'centre.name': centre?.name ?? '', 'centre.phone': centre?.phone ?? '' })
    return misunderstood(t, state, `${outside}\n${fullPrompt(t, state)}`)
  }
  if (form.namingVillage && form.townId !== undefined) {
    // Asked the name of a village not on the list: a listed one of the town after all, else the name (or none).
    const listed = namedPlace(catalog, r.plain, t.vocab.placeWords, form.townId)
    const own = listed?.kind === 'villages' ? listed.points.find((v) => v.parentId === form.townId) : undefined
    if (own) {
      form.namingVillage = undefined
      return chooseVillage(own)
    }
    const name = villageName(r, t.vocab)
    if (name !== undefined || r.unsure) return chooseUnlisted(form.townId, name ?? '')
    // 代办, 好的: no village name, and not 不知道 either: asked again rather than sent with nothing.
    return misunderstood(t, state, `${render(state.invalid, stateFields(t))}\n${fullPrompt(t, state)}`)
  }
  if (typeof i === 'number') {
    const point = points[i]
    if (point === undefined) {
      // "Another village": its name is asked next, for the ticket's note.
      if (state.otherVillagePrompt === undefined) return chooseUnlisted(form.townId!, '')
      form.namingVillage = true
      say(t, fullPrompt(t, state))
      return true
    }
    return point.tier === '村' ? chooseVillage(point) : chooseTown(point)
  }
  if (i === 'outOfRange') return noSuchNumber(t)
  // A typed name, alone or in a sentence (我是坊前的, 俺家在大店, 文疃镇南岭村), read as the checklist reads it.
  const named = namedPlace(catalog, r.plain, t.vocab.placeWords, form.choices === undefined ? form.townId : undefined)
  if (named?.kind === 'villages') {
    // A name several towns have (南岭村): the one in the town already chosen (or among those offered), else ask which.
    const near = named.points.filter((v) => v.parentId === form.townId || form.choices?.includes(v.id))
    const found = near.length > 0 ? near : named.points
    if (found.length === 1) return chooseVillage(found[0]!)
    form.townId = undefined
    form.choices = found.map((v) => v.id)
    say(t, fullPrompt(t, state))
    return true
  }
  if (named?.kind === 'towns' && named.points.length === 1) {
    const town = named.points[0]!
    // Asked which 南岭村, a town's name picks its own.
    const offered = points.find((p) => form.choices !== undefined && p.parentId === town.id)
    if (offered) return chooseVillage(offered)
    if (town.id !== form.townId || form.choices !== undefined) return chooseTown(town)
    // The town already chosen, named again: its village is still wanted.
    say(t, fullPrompt(t, state))
    return false
  }
  const other = named === undefined || named.kind === 'unknown' ? unlistedVillage(catalog, r.plain, t.vocab) : undefined
  const otherTown = other?.town?.id ?? (form.choices === undefined ? form.townId : undefined)
  if (other && otherTown !== undefined && state.otherVillage !== undefined) return chooseUnlisted(otherTown, other.name)
  if (offerSwitch(t, r.raw)) return true
  // At a town's village question, a bare name that is no question (小官庄): a village not on the list.
  const bare = form.townId !== undefined && form.choices === undefined && state.otherVillage !== undefined ? villageName(r, t.vocab) : undefined
  if (bare !== undefined) return chooseUnlisted(form.townId!, bare)
  return misunderstood(t, state, [render(state.invalid, stateFields(t)), fullPrompt(t, state)].join('\n'))
}
