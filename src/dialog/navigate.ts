/**
 * Moving to a state: skip it when its `when` does not hold, let states with nothing to ask pass straight on
 * (a walk with no material left, a single help kind), then show its prompt.
 */
import { pointPlaceName, villages } from './area.js'
import { presumedStep } from './form-presumed.js'
import { fullPrompt, helpKinds, stateFields } from './prompts.js'
import { render } from './template.js'
import { nextStep, walkStamp } from './materials.js'
import { resumeParked } from './parked-walks.js'
import { proxyWishedChecklistLine, proxyWishedWalkLine } from './proxy-wish.js'
import { freshSession } from './session.js'
import { caseAnswers, currentItem, holds, noteLostInQuestion, presumedLines, say, stateOf, type Turn } from './turn.js'

/** More hops than any sane flow needs: a loop of skipped states (dialogs:check reports it) ends at the start. */
const MAX_HOPS = 20

/**
 * Moves to state `name`. `returning`: coming back to a step left a moment ago to fix an earlier field (goOn), so
 * what it had gathered (the town chosen before 名字写错了 at the village question) still stands.
 */
export function go(t: Turn, name: string, returning = false): void {
  let target = name
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const state = stateOf(t, target)
    if (!state) break
    if (state.when !== undefined && !holds(t, state.when)) {
      target = state.else ?? t.defs.flow.start
      continue
    }
    t.s.state = target
    switch (state.kind) {
      case 'materials': {
        const item = currentItem(t)
        // Back to an item left mid-walk for another: its answers again ({resumed} in the intro says so).
        const resumed = item === undefined ? undefined : resumeParked(t.s, item)
        if (resumed !== undefined) t.resumed = resumed
        // What the question already said is not asked again ({presumed} in the intro says so).
        if (item) t.s.answers = caseAnswers(t, item)
        // 出生证明丢了咋整: a paper the question said is lost is missing, not asked ({presumed} says so).
        if (item && resumed === undefined) noteLostInQuestion(t, item)
        if (!item || nextStep(item, t.s) === undefined) {
          // Nothing to ask: what the intro would have said first (the fee asked, the case taken) is still said.
          // The 提示 are left to the checklist, which lists them next.
          if (item) say(t, render(t.defs.messages.walk.noneToAsk, stateFields(t, { presumed: presumedLines(t, false) })))
          target = state.done
          continue
        }
        // Entering the walk: the intro ("我们一项一项核对") with the first question. 返回 and resume come back
        // to the walk without go(), so they show the question alone.
        t.s.walkStamp = walkStamp(item)
        // 帮俺代办残疾证: the 代办 asked for is not forgotten; the materials come first, said so.
        const wished = proxyWishedWalkLine(t)
        say(t, `${wished === undefined ? '' : `${wished}\n`}${render(state.prompt, stateFields(t))}\n${fullPrompt(t, state)}`)
        return
      }
      case 'help': {
        const kinds = helpKinds(t)
        if (kinds.length === 1) {
          t.s.form.help = kinds[0]
          target = state.go
          continue
        }
        break
      }
      case 'area':
        if (returning && target === name) break
        t.s.form.townId = undefined
        t.s.form.villageId = undefined
        t.s.form.unlistedVillage = undefined
        t.s.form.namingVillage = undefined
        t.s.form.choices = undefined
        t.s.form.notInTown = undefined
        t.s.form.villageAsked = undefined
        // A town named earlier (大店镇低保怎么申请, or at 在哪办): its villages are asked at once, said so, and another
        // town's name still changes it. Not when fixing the address at the summary: the old town was what was wrong.
        if (t.s.namedTown !== undefined && t.s.form.returnTo === undefined) {
          const town = t.ctx.catalog.points.get(t.s.namedTown)
          if (town !== undefined && villages(t.ctx.catalog, town.id).length > 0) {
            t.s.form.townId = town.id
            say(t, render(t.defs.messages.say.townRemembered, { 'town.name': pointPlaceName(town) }))
          }
        }
        break
      case 'chooseItem':
        if ((t.s.candidates ?? []).length === 0) {
          target = t.defs.flow.start
          continue
        }
        break
    }
    // A step of the 代办 form the first question already answered (俺爹瘫在床上 at 特办): taken, said so, and on.
    if (state.kind === 'menu' && presumedStep(t, target, state)) return
    say(t, fullPrompt(t, state))
    // The checklist after a first question asking for 代办: which number starts it.
    const offer = proxyWishedChecklistLine(t, target)
    if (offer !== undefined) say(t, offer)
    return
  }
  restartAtStart(t)
}

/** A fresh conversation at the start state (keeps nothing, not even 返回 history). */
export function restartAtStart(t: Turn): void {
  t.s = freshSession(t.defs.flow.start, t.now)
  const start = stateOf(t)
  if (start) say(t, fullPrompt(t, start))
}

/** After a step of the 代办 form: its next step, or back to the summary when one field was being corrected. */
export function goOn(t: Turn, next: string): void {
  const back = t.s.form.returnTo
  delete t.s.form.returnTo
  if (back !== undefined) go(t, back, true)
  else go(t, next)
}
