/**
 * What the resident sees for a state: the prompt with its numbered options. Each state kind lists its own
 * options (menu options, candidate items, towns, help kinds, a material's 有 / 没有); numbering is 1-based.
 */
import type { CatalogItem, HelpKind, ServicePoint } from '../catalog/types.js'
import { areaLabel, pointLabel, towns, villages } from './area.js'
import { isInElderWords } from './elder.js'
import { renderChecklist, renderMaterials } from './checklist.js'
import { itemFields, materialFields } from './fields.js'
import { closingNotice, nextStep, type WalkStep } from './materials.js'
import type { DialogOption, DialogState } from './schema.js'
import { layered, render, type Fields } from './template.js'
import { caseAnswers, currentItem, holds, sessionValue, stateOf, type Turn } from './turn.js'

/** `回复 1 有，2 没有` when short, one option per line when long. `numbers`: each label's own, when not 1, 2, 3 … */
export function renderOptions(t: Turn, labels: string[], numbers?: readonly number[]): string {
  if (labels.length === 0) return ''
  const m = t.defs.messages.options
  // Labels with their own commas ("是，已准备好") would run together on one line.
  const short = labels.length <= 3 && labels.join('').length <= 16 && !labels.some((l) => /[，,]/.test(l))
  const list = labels.map((l, i) => `${numbers?.[i] ?? i + 1} ${l}`).join(short ? '，' : '\n')
  return render(short ? m.inline : m.lines, { list })
}

/** The state's template fields: session values plus the costly ones, built only if the template uses them. */
export function stateFields(t: Turn, extra: Record<string, string | undefined> = {}): Fields {
  const session = sessionValue(t)
  return (name) => {
    if (Object.hasOwn(extra, name)) return extra[name]
    if (name !== 'checklist' && name !== 'materials' && name !== 'closed') return session(name)
    const item = currentItem(t)
    if (!item) return undefined
    if (name === 'closed') return closedText(t, item)
    if (name === 'checklist') return renderChecklist(item, t.s, t.ctx.catalog, t.defs.messages, takesPlaces(stateOf(t)))
    if (name === 'materials') return renderMaterials(item, t.s, t.defs.messages)
    return undefined
  }
}

/**
 * What the resident is told when their case cannot, or need not, be applied for (closingNotice): the 提示, its note,
 * and the 咨询电话. Undefined when no such case holds.
 */
export function closedText(t: Turn, item: CatalogItem): string | undefined {
  const notice = closingNotice(item, caseAnswers(t, item))
  if (notice === undefined) return undefined
  const m = t.defs.messages
  const template = notice.conclusion === '不用办' ? m.say.closedNotNeeded : m.say.closedNotEligible
  return render(template, layered(materialFields(notice, item, m), itemFields(item, m)))
}

/** Whether the state answers a town's (or village's) name with where the current item is handled there. */
export function takesPlaces(state: DialogState | undefined): boolean {
  return state?.kind === 'menu' && state.places === true
}

/** A menu's options that apply now (their `when` holds). */
export function visibleOptions(t: Turn, options: DialogOption[]): DialogOption[] {
  return options.filter((o) => o.when === undefined || holds(t, o.when))
}

/**
 * Each help kind's number, the same for every item: a kind an item does not offer leaves its number out of use
 * (2 is 代办 wherever 代办 is offered). 帮办 and 代办, which nearly every item offers, come first, so the usual list
 * runs 1, 2 without a gap; 特办, offered only to those who cannot come, last.
 */
export const HELP_KIND_NUMBERS: Readonly<Record<HelpKind, number>> = { 帮办: 1, 代办: 2, 领办: 3, 特办: 4 }

/** Help kinds offered for the current item, by number: 特办 only to those who said they cannot come themselves. */
export function helpKinds(t: Turn): HelpKind[] {
  const item = currentItem(t)
  const all: HelpKind[] = item && item.proxy.kinds.length > 0 ? item.proxy.kinds : ['代办']
  const byNumber = (kinds: HelpKind[]) => [...kinds].sort((a, b) => HELP_KIND_NUMBERS[a] - HELP_KIND_NUMBERS[b])
  if (t.s.form.special !== true) {
    const offered = all.filter((k) => k !== '特办')
    return byNumber(offered.length > 0 ? offered : all)
  }
  return byNumber(all)
}

/**
 * The numbers of the options a state offers right now, when they are not 1, 2, 3 …: help kinds by their own
 * number, and a menu with `fixedNumbers` by each option's place in its list. Undefined otherwise.
 */
export function optionNumbers(t: Turn, state: DialogState): number[] | undefined {
  if (state.kind === 'help') return helpKinds(t).map((k) => HELP_KIND_NUMBERS[k])
  if (state.kind === 'menu' && state.fixedNumbers === true) return visibleOptions(t, state.options).map((o) => state.options.indexOf(o) + 1)
  return undefined
}

/** Option labels, rendered (they rarely use fields, so the values are built only when one does). */
export function labelsOf(t: Turn, options: DialogOption[]): string[] {
  if (!options.some((o) => o.label.includes('{'))) return options.map((o) => o.label)
  const fields = stateFields(t)
  return options.map((o) => render(o.label, fields))
}

/** Labels of the numbered options a state offers right now, in order. */
export function optionLabels(t: Turn, state: DialogState): string[] {
  const labels = (options: DialogOption[]) => labelsOf(t, visibleOptions(t, options))
  switch (state.kind) {
    case 'menu':
      return labels(state.options)
    case 'chooseItem':
      return [...candidateNames(t), ...labels(state.options)]
    case 'materials': {
      const step = currentWalkStep(t)
      return step ? walkLabels(t, step) : []
    }
    case 'area': {
      const points = areaLabels(t, areaPoints(t))
      const stay = notInTownFields(t)
      if (stay) return [...points, render(t.defs.messages.say.villageStay, stay)]
      return offersOtherVillage(t, state) ? [...points, state.otherVillage] : points
    }
    case 'help':
      return helpKinds(t).map((k) => t.defs.messages.helpKinds[k])
    case 'input':
      return []
  }
}

export function candidateNames(t: Turn): string[] {
  return (t.s.candidates ?? []).map((id) => t.ctx.catalog.byId.get(id)?.name ?? id)
}

/** Same-named villages while the resident picks one of them, else towns while none is chosen, then the chosen town's villages. */
export function areaPoints(t: Turn): ServicePoint[] {
  const catalog = t.ctx.catalog
  const { townId, choices } = t.s.form
  if (choices !== undefined) {
    const points = choices.flatMap((id) => catalog.points.get(id) ?? [])
    if (points.length > 0) return points
  }
  return townId === undefined ? towns(catalog) : villages(catalog, townId)
}

/** The chosen town's and the typed village's names while asking whether a village of another town is meant (ProxyForm.notInTown). */
export function notInTownFields(t: Turn): Record<string, string> | undefined {
  const { townId, choices, notInTown } = t.s.form
  const town = townId === undefined ? undefined : t.ctx.catalog.points.get(townId)
  if (notInTown === undefined || choices === undefined || town === undefined) return undefined
  return { 'town.name': pointLabel(town), 'village.name': notInTown }
}

/** Whether the area step lists a town's villages, and so ends with "another village" (when the flow has one). */
export function offersOtherVillage(t: Turn, state: DialogState): state is Extract<DialogState, { kind: 'area' }> & { otherVillage: string } {
  const { townId, choices, namingVillage } = t.s.form
  return state.kind === 'area' && state.otherVillage !== undefined && townId !== undefined && choices === undefined && !namingVillage
}

/** The area options' labels: 大店镇, 大店一村, or 文疃镇 南岭村 among same-named villages. */
export function areaLabels(t: Turn, points: ServicePoint[]): string[] {
  if (t.s.form.choices === undefined) return points.map(pointLabel)
  return points.map((p) => (p.tier === '村' ? areaLabel(t.ctx.catalog, p.parentId, p.id) : undefined) ?? pointLabel(p))
}

export function currentWalkStep(t: Turn): WalkStep | undefined {
  const item = currentItem(t)
  return item ? nextStep(item, t.s) : undefined
}

export function walkLabels(t: Turn, step: WalkStep): string[] {
  const w = t.defs.messages.walk
  return step.kind === 'material' ? [w.ready, w.missing] : step.question.options
}

function walkPrompt(t: Turn, step: WalkStep): string {
  const item = currentItem(t)!
  const m = t.defs.messages
  const options = renderOptions(t, walkLabels(t, step))
  if (step.kind === 'material') {
    return render(m.walk.material, layered({ options }, materialFields(step.material, item, m), itemFields(item, m)))
  }
  const needs = step.needs
    ? render(m.walk.needs, layered(materialFields(step.needs.material, item, m), { option: step.needs.option }))
    : undefined
  const { prompt, elderPrompt } = step.question
  const asked = elderPrompt !== undefined && isInElderWords(t.defs) ? elderPrompt : prompt
  return render(m.walk.question, layered({ 'question.prompt': asked, options, needs }, itemFields(item, m)))
}

/** The whole prompt for the current state, as shown on entering it. */
export function fullPrompt(t: Turn, state = stateOf(t)): string {
  if (!state) return ''
  // The walk renders its own options (per step); building the generic ones first would be thrown away.
  if (state.kind === 'materials') {
    const step = currentWalkStep(t)
    return step ? walkPrompt(t, step) : ''
  }
  const options = renderOptions(t, optionLabels(t, state), optionNumbers(t, state))
  const fields = stateFields(t, { options })
  const withOptions = (template: string) => {
    const text = render(template, fields)
    return template.includes('{options}') || options === '' ? text : `${text}\n${options}`
  }
  // A field of the 代办 form asked again from the summary (form.returnTo): its own question, not the form's opening.
  const fixing = t.s.form.returnTo !== undefined
  switch (state.kind) {
    case 'area': {
      const form = t.s.form
      if (form.namingVillage) return render(state.otherVillagePrompt ?? state.villagePrompt, fields)
      const stay = notInTownFields(t)
      if (stay) return `${render(t.defs.messages.say.villageElsewhere, stay)}\n${options}`
      if (form.choices !== undefined) return withOptions(state.choosePrompt ?? state.villagePrompt)
      if (form.townId !== undefined) return withOptions(state.villagePrompt)
      return withOptions((fixing ? state.fixPrompt : undefined) ?? state.prompt)
    }
    case 'input':
      return withOptions((fixing ? state.fixPrompt : undefined) ?? state.prompt)
    default:
      return withOptions(state.prompt)
  }
}

/**
 * What to show again after an unexpected answer, 帮助, 我的进度 or a greeting: the prompt itself, unless the state
 * has its own re-prompt or carries the long checklist, in which case the short re-prompt with the options.
 * (A state whose prompt announces something, like 收到，正在为您提交……, says it once, on entry.)
 */
export function shortPrompt(t: Turn, state = stateOf(t)): string {
  if (!state) return ''
  const long = state.prompt.includes('{checklist}') || state.prompt.includes('{materials}')
  if (!long && state.reprompt === undefined) return fullPrompt(t, state)
  const options = renderOptions(t, optionLabels(t, state), optionNumbers(t, state))
  return render(state.reprompt ?? t.defs.messages.say.reprompt, stateFields(t, { options }))
}

/**
 * After an answer the state cannot use: the state's own re-prompt, or messages.say.reprompt (or noSuchNumber)
 * where {options} is the numbered options, or the whole prompt when the options alone would not say enough
 * (a material or situation question, a list of towns or items, a free-text state, a menu's 是 / 不是).
 */
export function reprompt(t: Turn, state = stateOf(t), template?: string): string {
  if (!state) return ''
  const labels = optionLabels(t, state)
  // A menu's own question goes with its options too (回复 1 是，2 不是 alone does not say what is asked), unless the
  // state words its own re-prompt or its prompt carries the long checklist.
  const long = state.prompt.includes('{checklist}') || state.prompt.includes('{materials}')
  const whole =
    labels.length === 0 ||
    state.kind === 'materials' || state.kind === 'area' || state.kind === 'chooseItem' ||
    (state.reprompt === undefined && !long)
  if (whole && state.reprompt === undefined && template === undefined && labels.length === 0) return fullPrompt(t, state)
  const numbered = renderOptions(t, labels, optionNumbers(t, state))
  // 没有这个编号 at a step that takes a question (ask_again, ask_other, 没找到) goes on with the step's own re-prompt, which asks
  // for one: the numbers alone would read as if picking one were the only way on.
  const asksQuestion = template !== undefined && 'match' in state && state.match !== undefined ? state.reprompt : undefined
  const options = whole ? fullPrompt(t, state) : asksQuestion !== undefined ? render(asksQuestion, stateFields(t, { options: numbered })) : numbered
  const chosen = template ?? state.reprompt ?? t.defs.messages.say.reprompt
  return render(chosen, stateFields(t, { options, count: String(labels.length) }))
}
