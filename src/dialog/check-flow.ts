/**
 * Checks on flow.yaml that its schema cannot make: transitions to unknown states, states nobody can reach,
 * states a resident cannot leave (or cannot get back to asking from), template fields that do not exist.
 */
import { errorAt, type Parsed } from '../catalog/checks.js'
import type { SourceError } from '../catalog/yaml-source.js'
import { STATE_FIELDS } from './fields.js'
import type { DialogState, FlowFile } from './schema.js'
import { fieldsIn } from './template.js'

type Path = (string | number)[]

/** A reference from one place in the file to a state. */
interface Edge {
  path: Path
  to: string
}

/** Every state a state can lead to, with where in the file each reference is written. */
export function edgesOf(name: string, state: DialogState, flow: FlowFile): Edge[] {
  const at = (...rest: Path): Path => ['states', name, ...rest]
  const edges: Edge[] = []
  if (state.else !== undefined) edges.push({ path: at('else'), to: state.else })
  if ('options' in state) {
    state.options.forEach((o, i) => {
      if (o.go !== undefined) edges.push({ path: at('options', i, 'go'), to: o.go })
      // `resume` goes back to where the resident was, which could always get back to asking.
      else if (o.do === 'resume') edges.push({ path: at('options', i, 'do'), to: flow.start })
    })
  }
  if ('match' in state && state.match) {
    for (const k of ['sure', 'choose', 'none'] as const) edges.push({ path: at('match', k), to: state.match[k] })
    if (state.match.clear !== undefined) edges.push({ path: at('match', 'clear'), to: state.match.clear })
  }
  if ((state.kind === 'menu' || state.kind === 'materials') && state.unsure !== undefined) edges.push({ path: at('unsure'), to: state.unsure })
  if ('go' in state) edges.push({ path: at('go'), to: state.go })
  if (state.kind === 'materials') edges.push({ path: at('done'), to: state.done })
  if (state.kind === 'materials' && state.wrongItem !== undefined) edges.push({ path: at('wrongItem'), to: state.wrongItem })
  return edges
}

/** States that take questions: the resident can always start something new from them. */
function takesQuestions(state: DialogState): boolean {
  return 'match' in state && state.match !== undefined
}

export function checkFlow(src: Parsed<FlowFile>): SourceError[] {
  const flow = src.value
  const states = flow.states
  const known = (name: string) => Object.hasOwn(states, name)
  const errors: SourceError[] = []
  let brokenReference = false
  const unknown = (path: Path, to: string) => {
    brokenReference = true
    errors.push(errorAt(src, path, `没有叫 "${to}" 的状态${hint(to, Object.keys(states))}`))
  }

  for (const key of ['start', 'switch'] as const) if (!known(flow[key])) unknown([key], flow[key])
  const start = states[flow.start]
  if (start && !takesQuestions(start)) errors.push(errorAt(src, ['start'], `开始状态 "${flow.start}" 要能接受提问：请给它写 match`))

  for (const [name, state] of Object.entries(states)) {
    const at = (...rest: Path): Path => ['states', name, ...rest]
    if (!/^[a-z][a-z0-9_]*$/.test(name)) errors.push(errorAt(src, at(), '状态名只能用小写英文字母、数字和 _，并以字母开头'))
    for (const e of edgesOf(name, state, flow)) if (!known(e.to)) unknown(e.path, e.to)
    if (state.when !== undefined && state.else === undefined) errors.push(errorAt(src, at('when'), '写了 when 就要写 else：条件不成立时去哪个状态'))
    if (state.else !== undefined && state.when === undefined) errors.push(errorAt(src, at('else'), 'else 只在写了 when 时有用，请删掉或补上 when'))
    if ((state.kind === 'menu' || state.kind === 'materials') && state.unsure !== undefined && known(state.unsure)) {
      const target = states[state.unsure]!
      if (target.kind !== 'chooseItem') {
        errors.push(errorAt(src, at('unsure'), `unsure 要指向 kind: chooseItem 的状态，"${state.unsure}" 不是`))
      } else if (!target.options.some((o) => o.do === 'resume')) {
        errors.push(errorAt(src, ['states', state.unsure, 'options'], `状态 "${state.unsure}" 要有一个 do: resume 的选项，居民才能接着刚才那一步`))
      }
    }
    if ('options' in state) {
      const answers = new Set<string>()
      state.options.forEach((o, i) => {
        if (o.go === undefined && o.do !== 'resume' && o.do !== 'handoff' && o.do !== 'listAll') {
          errors.push(errorAt(src, at('options', i), '选项要写 go：选了以后去哪个状态'))
        }
        if (o.answer !== undefined && o.when === undefined) {
          if (answers.has(o.answer)) errors.push(errorAt(src, at('options', i, 'answer'), `已有一个 answer: ${o.answer} 的选项，居民回"${o.answer === 'yes' ? '是' : '否'}"时不知道选哪个`))
          answers.add(o.answer)
        }
      })
    }
    const exits = edgesOf(name, state, flow).filter((e) => !e.path.includes('else'))
    if (state.kind === 'menu' && exits.length === 0) {
      errors.push(errorAt(src, at(), `居民进入状态 "${name}" 后没法离开：请加 options 或 match`))
    } else if (state.kind === 'menu' && !takesQuestions(state) && state.options.every((o) => o.when !== undefined)) {
      errors.push(errorAt(src, at('options'), `状态 "${name}" 的选项都带 when：条件都不成立时居民没法离开，请至少留一个不带 when 的选项`))
    }
    errors.push(...templateErrors(src, name, state))
    // 长者模式 replaces texts the state has; one it does not have would never be said.
    for (const key of Object.keys(state.elder ?? {})) {
      if (key !== 'reprompt' && !(key in state)) {
        errors.push(errorAt(src, [...at('elder'), key], `状态 "${name}" 没有 ${key}，长者模式里写了也用不上`))
      }
    }
  }
  // A mistyped state name makes everything behind it unreachable: fix the names first, then look again.
  if (brokenReference) return errors
  errors.push(...reachability(src), ...skipLoops(src))
  return errors
}

function templateErrors(src: Parsed<FlowFile>, name: string, state: DialogState): SourceError[] {
  const texts: [Path, string][] = [[['prompt'], state.prompt]]
  if (state.reprompt !== undefined) texts.push([['reprompt'], state.reprompt])
  if ('invalid' in state) texts.push([['invalid'], state.invalid])
  if ('villagePrompt' in state) texts.push([['villagePrompt'], state.villagePrompt])
  if ('choosePrompt' in state && state.choosePrompt !== undefined) texts.push([['choosePrompt'], state.choosePrompt])
  if ('otherVillagePrompt' in state && state.otherVillagePrompt !== undefined) texts.push([['otherVillagePrompt'], state.otherVillagePrompt])
  if ('fixPrompt' in state && state.fixPrompt !== undefined) texts.push([['fixPrompt'], state.fixPrompt])
  if ('options' in state) {
    state.options.forEach((o, i) => {
      texts.push([['options', i, 'label'], o.label])
      if (o.unavailable !== undefined) texts.push([['options', i, 'unavailable'], o.unavailable])
      if (o.elder?.label !== undefined) texts.push([['options', i, 'elder', 'label'], o.elder.label])
      if (o.elder?.unavailable !== undefined) texts.push([['options', i, 'elder', 'unavailable'], o.elder.unavailable])
    })
  }
  for (const [key, text] of Object.entries(state.elder ?? {})) if (text !== undefined) texts.push([['elder', key], text])
  return texts.flatMap(([path, text]) => unknownFields(text, STATE_FIELDS).map((msg) => errorAt(src, ['states', name, ...path], msg)))
}

/** One message per field a template uses that is not allowed there. */
export function unknownFields(template: string, allowed: readonly string[]): string[] {
  return fieldsIn(template)
    .filter((f) => !allowed.includes(f))
    .map((f) =>
      allowed.length === 0
        ? `这里不能用字段 {${f}}（这段话不替换任何字段）`
        : `不认识的字段 {${f}}${hint(f, allowed, '{', '}')}`,
    )
}

/** States no path from the start (or the switch offer) leads to; and states from which no path leads back to asking. */
function reachability(src: Parsed<FlowFile>): SourceError[] {
  const flow = src.value
  const states = flow.states
  const next = (name: string) => {
    const state = states[name]
    return state ? edgesOf(name, state, flow).map((e) => e.to).filter((to) => Object.hasOwn(states, to)) : []
  }
  const seen = new Set<string>()
  const queue = [flow.start, flow.switch].filter((n) => Object.hasOwn(states, n))
  for (const n of queue) seen.add(n)
  while (queue.length > 0) {
    for (const to of next(queue.shift()!)) {
      if (seen.has(to)) continue
      seen.add(to)
      queue.push(to)
    }
  }

  const errors: SourceError[] = []
  for (const name of Object.keys(states)) {
    if (!seen.has(name)) errors.push(errorAt(src, ['states', name], `状态 "${name}" 走不到：没有哪一步的 go、match、done 或 else 指向它`))
  }
  // Fixed point: a state can get back to asking if it takes questions or leads to one that can.
  const canAsk = new Set(Object.keys(states).filter((n) => takesQuestions(states[n]!)))
  for (let grew = true; grew; ) {
    grew = false
    for (const name of Object.keys(states)) {
      if (canAsk.has(name) || !next(name).some((to) => canAsk.has(to))) continue
      canAsk.add(name)
      grew = true
    }
  }
  for (const name of Object.keys(states)) {
    const state = states[name]!
    const stuck = state.kind === 'menu' && next(name).length === 0 && !takesQuestions(state)
    if (!canAsk.has(name) && !stuck) {
      errors.push(errorAt(src, ['states', name], `从状态 "${name}" 出发回不到能提问的状态（带 match 的状态），居民会被困住`))
    }
  }
  return errors
}

/** `when`/`else` chains that come back to where they started would skip forever. */
function skipLoops(src: Parsed<FlowFile>): SourceError[] {
  const states = src.value.states
  const errors: SourceError[] = []
  for (const name of Object.keys(states)) {
    const visited = [name]
    let current = states[name]
    while (current?.when !== undefined && current.else !== undefined) {
      if (current.else === name) {
        errors.push(errorAt(src, ['states', name, 'else'], `when/else 绕了一圈又回到 "${name}"：${[...visited, name].join(' → ')}`))
        break
      }
      if (visited.includes(current.else)) break
      visited.push(current.else)
      current = states[current.else]
    }
  }
  return errors
}

/** "，是不是 X？" for the closest known name, when one is close enough to be a typo. */
export function hint(name: string, known: readonly string[], open = '"', close = '"'): string {
  let best: string | undefined
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1
  for (const k of known) {
    const d = distance(name, k)
    if (d >= bestDistance) continue
    best = k
    bestDistance = d
  }
  return best === undefined ? '' : `，是不是 ${open}${best}${close}？`
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return row[b.length]!
}
