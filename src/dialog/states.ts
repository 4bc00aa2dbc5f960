/**
 * A reply in the current state, by the state's kind. Each handler returns true when the reply moved the
 * dialog on (so 返回 can undo it) and false when it only re-prompted.
 */
import { area } from './area-step.js'
import { freeText, misunderstood } from './ask-again.js'
import { formFix, phoneAside } from './form-changes.js'
import { helpKind, input, nameWithIdNumber } from './form-answers.js'
import { chooseItem, menu } from './menu.js'
import { walkAnswerAtOffer } from './offer-answer.js'
import { proxyWish } from './proxy-wish.js'
import { currentWalkStep, reprompt, shortPrompt, takesPlaces, visibleOptions } from './prompts.js'
import { render } from './template.js'
import type { DialogState } from './schema.js'
import { read, type Reading } from './text.js'
import { currentItem, say, type Turn } from './turn.js'
import { walk } from './walk.js'

/** A reply in the current state (see the top of this file). */
export function handleReply(t: Turn, state: DialogState, r: Reading): boolean {
  const fix = formFix(t, state, r)
  if (fix !== undefined) return fix
  // 1 2 1 outside the walk (which takes them as answers in turn): this step asks one question.
  if (r.numbers !== undefined && state.kind !== 'materials') return severalNumbers(t, state, r.numbers)
  // 马桂兰 身份证370827…: the name, and the ID number (not asked here) neither kept nor read as a question (身份证).
  if (nameWithIdNumber(t, state, r)) return true
  const aside = phoneAside(t, state, r)
  if (aside !== undefined) return aside
  // 等一下, 俺问问俺儿 while a question waits: no hurry (not 没看明白), the question stays.
  if (r.waiting && !('match' in state && state.match)) {
    say(t, `${render(t.defs.messages.say.waiting, {})}\n${shortPrompt(t, state)}`)
    return false
  }
  // 要带啥 after the walk (the 代办 form, 自己办理): the list was shown; say how to see it again, the question stays.
  if (asksWhatToBring(t, state, r)) {
    say(t, `${render(t.defs.messages.say.materialsAbove, {})}\n${shortPrompt(t, state)}`)
    return false
  }
  // 身份证有 at the 您是想问…吗 offer: still the walk's answer.
  if (walkAnswerAtOffer(t, r)) return true
  const wish = proxyWish(t, state, r)
  if (wish !== undefined) return wish
  // 你好, 谢谢 where a name or a town is asked: greeted (or thanked) and asked again, not told 姓名好像不对 / 没找到这个地方.
  if ((state.kind === 'input' || state.kind === 'area') && (r.greeting || r.thanks)) return freeText(t, state, r)
  switch (state.kind) {
    case 'menu':
      return menu(t, state, r)
    case 'chooseItem':
      return chooseItem(t, state, r)
    case 'materials':
      return walk(t, state, r)
    case 'input':
      return input(t, state, r)
    case 'area':
      return area(t, state, r)
    case 'help':
      return helpKind(t, state, r)
  }
}

/** 要带啥, 带什么材料, 准备啥: what to bring, asked in a few words (longer ones may name an item: a new question). */
const WHAT_TO_BRING = /^(?:还|都|到底|那)?(?:要|得|需要)?(?:带|准备|拿)(?:啥|什么|哪些)(?:材料|东西|证件)?$|^(?:要|得|需要)?(?:啥|什么|哪些)材料$/

/** Whether the reply asks what to bring where the walk is over but its item kept (a step that asks something else). */
function asksWhatToBring(t: Turn, state: DialogState, r: Reading): boolean {
  // (After 自己办理 the step takes new questions, but its item's list is the one above: 要带啥 names no other item.)
  if (state.kind === 'materials' || ('match' in state && state.match && !takesPlaces(state)) || currentItem(t) === undefined) return false
  // The checklist was shown: the walk is over, or 全部列出 ended it early (not at 对吗, before any list).
  if (currentWalkStep(t) !== undefined && t.s.skipped !== true) return false
  return WHAT_TO_BRING.test(r.plain)
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
