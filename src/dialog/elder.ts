/**
 * 长者模式: the same dialog in plainer words. messages.yaml's `elder` section and the `elder` texts of flow.yaml's
 * states replace some entries for a resident who chose it (the web page's toggle, or 长者模式 said in any chat);
 * the flow, the checks and the answers understood stay the same.
 */
import type { DialogDefinitions, DialogOption, FlowFile, Messages } from './schema.js'

const elderVersions = new WeakMap<DialogDefinitions, DialogDefinitions>()
/** Each elder version → the definitions it was made from. */
const standardVersions = new WeakMap<DialogDefinitions, DialogDefinitions>()

/** The definitions with 长者模式's wording; built once per definitions (a reload makes new ones). */
export function inElderWords(defs: DialogDefinitions): DialogDefinitions {
  if (standardVersions.has(defs)) return defs
  let elder = elderVersions.get(defs)
  if (!elder) {
    elder = { ...defs, flow: withElderPrompts(defs.flow), messages: withElderWords(defs.messages) }
    elderVersions.set(defs, elder)
    standardVersions.set(elder, defs)
  }
  return elder
}

/** The definitions in standard wording, whichever `defs` is. */
export function inStandardWords(defs: DialogDefinitions): DialogDefinitions {
  return standardVersions.get(defs) ?? defs
}

export function isInElderWords(defs: DialogDefinitions): boolean {
  return standardVersions.has(defs)
}

/** Each state with its `elder` texts in place of the standard ones. */
function withElderPrompts(flow: FlowFile): FlowFile {
  const states: FlowFile['states'] = {}
  for (const [name, state] of Object.entries(flow.states)) {
    const withTexts = state.elder ? ({ ...state, ...state.elder } as typeof state) : state
    states[name] = 'options' in withTexts && withTexts.options?.some((o) => o.elder) ? { ...withTexts, options: withTexts.options.map(withElderOption) } : withTexts
  }
  return { ...flow, states }
}

/** An option in 长者模式's words; its standard label still chooses it (a resident may have read it before switching). */
function withElderOption(o: DialogOption): DialogOption {
  if (!o.elder) return o
  return { ...o, ...o.elder, words: [...(o.words ?? []), ...(o.elder.label !== undefined ? [o.label] : [])] }
}

function withElderWords(m: Messages): Messages {
  const e = m.elder
  if (!e) return m
  return {
    ...m,
    say: { ...m.say, ...e.say },
    options: { ...m.options, ...e.options },
    walk: { ...m.walk, ...e.walk },
    // An empty checklist entry leaves its line out (the 告知单 drops empty lines).
    checklist: { ...m.checklist, ...e.checklist },
    answers: { ...m.answers, ...e.answers },
    helpKinds: { ...m.helpKinds, ...e.helpKinds },
    delivery: { ...m.delivery, ...e.delivery },
    phoneKinds: { ...m.phoneKinds, ...e.phoneKinds },
  }
}
