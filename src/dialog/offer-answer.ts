/**
 * A reply at the "您是想问…吗？" offer (a reply mid-walk read as a new question) that answers the walk instead:
 * 身份证有, 户口本也带了. The resident was still answering the material asked; reading it as yet another question
 * offered yet another item (or 没看明白). The offer is declined and the reply taken as the walk's answer.
 */
import { materialAnswer } from './material-words.js'
import { heardElsewhere } from './out-of-turn.js'
import { currentWalkStep } from './prompts.js'
import { optionSaid } from './situation-answers.js'
import { render } from './template.js'
import type { Reading } from './text.js'
import { caseItemFields, currentItem, say, stateOf, type Turn } from './turn.js'
import { walk } from './walk.js'

/** True when the reply was taken as the walk's answer (the offer declined); undefined when it is no such answer. */
export function walkAnswerAtOffer(t: Turn, r: Reading): true | undefined {
  if (t.s.state !== t.defs.flow.switch || t.s.resume === undefined) return undefined
  const back = stateOf(t, t.s.resume)
  const item = currentItem(t)
  const step = currentWalkStep(t)
  if (back?.kind !== 'materials' || !item || !step) return undefined
  // A bare 有 / 是 / 1 answers the offer itself; only a reply naming what it answers is the walk's.
  if (r.number !== undefined || r.yes || r.no || r.plain.length < 2) return undefined
  const answers =
    step.kind === 'material'
      ? materialAnswer(r, step.material.name, t.vocab, t.ctx.catalog.synonyms) !== undefined
      : step.question.options.length > 2 && optionSaid(step.question, r) !== undefined
  if (!answers && (heardElsewhere(t, item, step, r)?.materials.length ?? 0) === 0) return undefined
  say(t, render(t.defs.messages.walk.offerDeclined, caseItemFields(t, item)))
  t.s.state = t.s.resume
  t.s.switchTo = undefined
  t.s.resume = undefined
  t.s.candidates = undefined
  walk(t, back, r)
  return true
}
