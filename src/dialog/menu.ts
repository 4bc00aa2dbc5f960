/**
 * Replies at a numbered menu and at the list of candidate items: the option picked (by number, words, a yes or no
 * said first, the other of two), an option not offered now (said why), or free text.
 */
import type { CatalogItem } from '../catalog/types.js'
import { decide } from '../match/decide.js'
import { applyOption } from './actions.js'
import { freeText, misunderstood, noSuchNumber } from './ask-again.js'
import { go } from './navigate.js'
import { pickIndex, yesNoIndex } from './pick.js'
import { labelsOf, optionNumbers, renderOptions, shortPrompt, stateFields, visibleOptions } from './prompts.js'
import { wishes } from './proxy-wish.js'
import type { DialogOption, DialogState } from './schema.js'
import { deniedOption } from './situation-answers.js'
import { render } from './template.js'
import { comparableFixed, NEGATION, read, type Reading } from './text.js'
import { clearItem, holds, isMatchTarget, say, setItem, stateOf, type Turn } from './turn.js'
import { handleReply } from './states.js'

/** A menu's reply: one of its options, a yes or no, or free text. */
export function menu(t: Turn, state: Extract<DialogState, { kind: 'menu' }>, r: Reading): boolean {
  const options = visibleOptions(t, state.options)
  const labels = labelsOf(t, options)
  // 不要, 不用 at the 代办 summary: neither 写错了 (重新填写, its no) nor plainly 不办了. Nothing is changed, and the
  // resident is told so and asked which, rather than the form started over without a word.
  if (options.some((o) => o.do === 'openTicket') && (UNCLEAR_NO.test(r.plain) || UNCLEAR_NO.test(r.full))) {
    const list = renderOptions(t, labels, optionNumbers(t, state))
    return misunderstood(t, state, render(t.defs.messages.say.summaryUnclear, { options: list }))
  }
  const i = pickIndex(r, labels, (k) => options[k]?.words ?? [], optionNumbers(t, state)) ?? yesNoIndex(r, options) ?? otherOfTwo(r, labels, options) ?? leadingIndex(t, r, options) ?? saidInside(r, options)
  if (typeof i === 'number') {
    applyOption(t, options[i]!)
    return true
  }
  if (i === 'outOfRange' && labels.length > 0) return hiddenNumber(t, state, r) ? false : noSuchNumber(t)
  if (i === undefined && unavailableOption(t, state, r)) return false
  if (i === undefined && noThenQuestion(t, state, r, options)) return true
  // 不知道 at 对吗 (the item found for the question, some state's match.sure): how to find out, then 对吗 again.
  if (i === undefined && r.unsure && isMatchTarget(t, t.s.state, 'sure') && t.s.state !== t.defs.flow.switch) {
    return misunderstood(t, state, render(t.defs.messages.say.confirmUnsure, stateFields(t)), shortPrompt(t, state))
  }
  return freeText(t, state, r)
}

/** A bare refusal that says neither what is wrong nor that the matter is dropped (不要, 不用了, 不需要). */
const UNCLEAR_NO = /^(?:不要|不用|不需要|不必)(?:了|啦|吧)?$/

/**
 * 不对 是五保 at 对吗 (a step taking no questions, whose 不对 leads to one that does): the 不对 taken, and what follows
 * it asked there at once, as if typed (it said 没看明白). Only where the matcher finds something for those words
 * (leadingIndex leaves them unread then).
 */
function noThenQuestion(t: Turn, state: Extract<DialogState, { kind: 'menu' }>, r: Reading, options: DialogOption[]): boolean {
  if (r.leading !== 'no' || !r.afterLeading || ('match' in state && state.match)) return false
  const no = options.find((o) => o.answer === 'no' && o.go !== undefined && (o.do === undefined || o.do === 'clearItem'))
  const target = no?.go === undefined ? undefined : stateOf(t, no.go)
  if (no === undefined || target === undefined || !('match' in target && target.match)) return false
  if (decide(t.ctx.matcher.match(r.afterLeading)).kind === 'none') return false
  if (no.do === 'clearItem') clearItem(t)
  t.s.state = no.go!
  handleReply(t, target, read(r.afterLeading, t.vocab))
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

/**
 * 改成邮寄到家, 那就自己去取吧, 能帮我办不: a short reply holding the label or a word of exactly one option, and no
 * negation anywhere (自己办不了 is not 自己办理). Not for yes/no options (是, 不是 have their own reading) nor one that
 * submits the 代办 application (确认一下手机号 is no 确认提交).
 */
function saidInside(r: Reading, options: DialogOption[]): number | undefined {
  // 俺不会弄 你们能帮俺办不, 能帮俺办不: the 代办 wish read as away from the checklist (a 不 saying why, or asking).
  const wished = options.findIndex((o) => o.when === 'canProxy' && wishes(r, o))
  if (wished >= 0) return wished
  if (r.plain.length > MAX_OPTION_REPLY || NEGATION.test(r.plain)) return undefined
  const said = options.flatMap((o, i) => {
    if (o.answer !== undefined || o.do === 'openTicket') return []
    const words = [o.label, ...(o.words ?? [])].map(comparableFixed)
    return words.some((w) => w.length >= 2 && r.plain.includes(w)) ? [i] : []
  })
  return said.length === 1 ? said[0] : undefined
}

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

/** A reply at the list of candidate items: one of them (by number or part of its name), or an option below them. */
export function chooseItem(t: Turn, state: Extract<DialogState, { kind: 'chooseItem' }>, r: Reading): boolean {
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
      // The ones not picked, should the resident find this one wrong after all.
      const others = items.filter((other) => other !== item).map((other) => other.id)
      if (others.length > 0) t.s.alternatives = others
      go(t, state.go)
    } else applyOption(t, options[i - items.length]!)
    return true
  }
  if (i === 'outOfRange') return noSuchNumber(t)
  // 不知道, 俺也不知道 at the list: no question to look up (it found nothing, and the list was gone); how to answer,
  // then the list again.
  if (r.unsure) return misunderstood(t, state, render(t.defs.messages.say.questionMark, {}), shortPrompt(t, state))
  return freeText(t, state, r)
}
