/**
 * A case that cannot, or need not, be applied for (a 提示 with 结论 the answers bring in), after the walk ended in it.
 */
import { itemFields, materialFields } from './fields.js'
import { closingNotice, presumedAnswers } from './materials.js'
import { go } from './navigate.js'
import { layered, render } from './template.js'
import { caseAnswers, currentItem, flowFacts, type Turn } from './turn.js'

/**
 * 返回 at the closing step when the answer that closed the case came from the resident's question (院子里的树要砍
 * 需要办证吗): going back to 对吗 would presume it again and close the case again. Instead the walk asks that
 * question, its answer not taken from the question any more, so the resident can choose. True when done.
 */
export function reaskPresumed(t: Turn): boolean {
  const item = currentItem(t)
  if (item === undefined || t.s.state !== flowFacts(t.defs).checklist?.else) return false
  const id = closingNotice(item, caseAnswers(t, item))?.condition?.questionId
  const walk = Object.entries(t.defs.flow.states).find(([, s]) => s.kind === 'materials')?.[0]
  if (id === undefined || walk === undefined) return false
  const presumed = presumedAnswers(item, t.s.asked).get(id)
  if (presumed === undefined || t.s.notPresumed?.includes(id) || (t.s.answers[id] ?? presumed) !== presumed) return false
  t.s.notPresumed = [...(t.s.notPresumed ?? []), id]
  delete t.s.answers[id]
  go(t, walk)
  return true
}

/** 我的进度 at a case that cannot, or need not, be applied for: that, in short (no materials to count); else undefined. */
export function closedProgress(t: Turn): string | undefined {
  const item = currentItem(t)
  const notice = item === undefined ? undefined : closingNotice(item, caseAnswers(t, item))
  if (item === undefined || notice === undefined) return undefined
  const m = t.defs.messages
  return render(m.say.progressClosed, layered(materialFields(notice, item, m), itemFields(item, m)))
}
