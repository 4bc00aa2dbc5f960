/**
 * Steps of the 代办 form the resident's first question already answered (俺爹瘫在床上出不了门 想办残疾证 at
 * 申请人是不是老人、残疾人，或者行动不便、出不了门？): the option whose `said` words the question holds is taken, as the
 * walk takes a situation answer from the item's 说法 (presumedAnswers, read the same way: a 不 just before a word rules
 * it out), and said so in one line; 返回 at the step asked next asks it after all.
 */
import type { Question } from '../catalog/types.js'
import { applyOption } from './actions.js'
import { presumedAnswers } from './materials.js'
import { fullPrompt, visibleOptions } from './prompts.js'
import type { DialogOption, DialogState } from './schema.js'
import { render } from './template.js'
import { comparable, comparableFixed } from './text.js'
import { currentItem, say, stateOf, type Turn } from './turn.js'

/**
 * Entering menu step `name`: the option the first question (DialogData.asked) already chose by its `said` words is
 * taken (said so first, say.formPresumed) and the dialog moves on as that option goes. True when done; false (nothing
 * changed) when the question chose none, the resident answered this step themselves after 返回, or is filling in the
 * form again (重新填写: ProxyForm.refilled).
 */
export function presumedStep(t: Turn, name: string, state: DialogState): boolean {
  const item = currentItem(t)
  if (state.kind !== 'menu' || item === undefined || t.s.asked === undefined || t.s.form.refilled || t.s.form.notPresumed?.includes(name)) return false
  const options = visibleOptions(t, state.options)
  if (!options.some((o) => o.said !== undefined)) return false
  // The step as one of the item's situation questions, its options' `said` as their 说法: read as the walk reads them.
  const question: Question = { id: name, prompt: state.prompt, options: options.map((o) => o.label), words: Object.fromEntries(options.map((o) => [o.label, o.said ?? []])) }
  const label = presumedAnswers({ ...item, questions: [question] }, t.s.asked).get(name)
  const option = options.find((o) => o.label === label)
  if (option?.go === undefined) return false
  // 您说了"腿脚不好"，就按出不了门算: the resident's own words, and what they were taken to mean (never the step's
  // question quoted as if the resident had said it).
  const asked = comparable(t.s.asked)
  const said = option.said?.find((w) => asked.includes(comparableFixed(w))) ?? t.s.asked.trim()
  const means = option.means ?? `"${state.prompt.replace(/[？?]$/u, '')}"选"${option.label}"`
  say(t, render(t.defs.messages.say.formPresumed, { option: option.label, 'question.prompt': state.prompt, said, means }))
  applyOption(t, option)
  t.s.form.presumed = { step: name, at: t.s.state }
  return true
}

/**
 * 返回 at the step asked after one presumedStep left unasked: that step is asked now, its answer no longer taken
 * from the question. True when done.
 */
export function reaskPresumedStep(t: Turn): boolean {
  const presumed = t.s.form.presumed
  if (presumed === undefined) return false
  delete t.s.form.presumed
  const state = stateOf(t, presumed.step)
  if (t.s.state !== presumed.at || state === undefined) return false
  t.s.form.notPresumed = [...(t.s.form.notPresumed ?? []), presumed.step]
  // What the presumed option recorded is undone: the resident answers it now.
  if (state.kind === 'menu') for (const o of state.options) untake(t, o)
  t.s.state = presumed.step
  say(t, fullPrompt(t, state))
  return true
}

/** Forgets what an option recorded (its `set`: special, delivery). */
function untake(t: Turn, option: DialogOption): void {
  if (option.set?.special !== undefined) delete t.s.form.special
  if (option.set?.delivery !== undefined) delete t.s.form.delivery
}
