/**
 * The materials walk-through: which question or material to ask next, and where each material stands.
 * A situation question is asked just before the first material it decides; a yes/no question that
 * decides exactly one material is merged with it ("是，已准备好 / 是，还没准备好 / 否") to save a message.
 * Only a yes/no question is merged: "已准备，已准备好" would ask the same thing twice, so a question whose options
 * are situations (已准备 / 现场拍) is asked alone, and its material after it.
 */
import type { CatalogItem, Material, Question } from '../catalog/types.js'
import { comparable, comparableFixed } from './text.js'

/** One numbered answer to a situation question; a merged question also settles its material. */
export interface Choice {
  answer: string
  material?: string
  ready?: boolean
}

export type WalkStep =
  | { kind: 'material'; material: Material }
  | { kind: 'question'; question: Question; choices: Choice[]; merged?: { option: string; material: Material } }

/** The yes and no words (compared forms), to tell a yes/no question from one about situations. */
export interface YesNoWords {
  yes: ReadonlySet<string>
  no: ReadonlySet<string>
}

interface Progress {
  answers: Record<string, string>
  ready: Record<string, boolean>
}

/** Whether a conditional material applies: undefined while its question is unanswered. */
function applies(m: Material, answers: Record<string, string>): boolean | undefined {
  if (!m.condition) return true
  const answer = answers[m.condition.questionId]
  return answer === undefined ? undefined : m.condition.answers.includes(answer)
}

/** The next thing to ask, or undefined when the walk is complete. Optional materials are never asked. */
export function nextStep(item: CatalogItem, p: Progress, words?: YesNoWords): WalkStep | undefined {
  for (const m of item.materials) {
    if (m.requirement === '可选') continue
    const applicable = m.requirement === '按情况' ? applies(m, p.answers) : true
    if (applicable === undefined) {
      const question = item.questions.find((q) => q.id === m.condition?.questionId)
      if (question) return questionStep(item, question, words)
      continue
    }
    if (applicable && p.ready[m.name] === undefined) return { kind: 'material', material: m }
  }
  return undefined
}

/** 是 / 否, 有 / 没有: one option a yes word, the other a no word. Without the words, no question is. */
function isYesNo(options: string[], words: YesNoWords | undefined): boolean {
  if (!words || options.length !== 2) return false
  const [a, b] = options.map((o) => comparableFixed(o))
  return (words.yes.has(a!) && words.no.has(b!)) || (words.no.has(a!) && words.yes.has(b!))
}

function questionStep(item: CatalogItem, question: Question, words: YesNoWords | undefined): WalkStep {
  const decided = (option: string) =>
    item.materials.filter((m) => m.requirement === '按情况' && m.condition?.questionId === question.id && m.condition.answers.includes(option))
  const triggering = question.options.filter((o) => decided(o).length > 0)
  const only = triggering.length === 1 ? triggering[0]! : undefined
  const material = only === undefined ? undefined : decided(only)
  if (isYesNo(question.options, words) && only !== undefined && material?.length === 1) {
    const m = material[0]!
    const choices = question.options.flatMap((o): Choice[] =>
      o === only
        ? [
            { answer: o, material: m.name, ready: true },
            { answer: o, material: m.name, ready: false },
          ]
        : [{ answer: o }],
    )
    return { kind: 'question', question, choices, merged: { option: only, material: m } }
  }
  return { kind: 'question', question, choices: question.options.map((o) => ({ answer: o })) }
}

const stamps = new WeakMap<CatalogItem, string>()

/**
 * A short fingerprint of what the walk asks for an item: its materials (names, requirement, condition) and its
 * situation questions (ids, options), in order. A session keeps it from when its walk began; a different one
 * later means an admin edited the item under the resident, so the answers given may belong to other materials.
 */
export function walkStamp(item: CatalogItem): string {
  let stamp = stamps.get(item)
  if (stamp !== undefined) return stamp
  const text = [
    ...item.materials.map((m) => ['m', m.name, m.requirement, m.condition?.questionId ?? '', ...(m.condition?.answers ?? [])]),
    ...item.questions.map((q) => ['q', q.id, ...q.options]),
  ]
    .map((fields) => fields.join('\u001f'))
    .join('\u001e')
  // FNV-1a, 32 bits: enough to tell one version of one item from the next.
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  stamp = (h >>> 0).toString(36)
  stamps.set(item, stamp)
  return stamp
}

export type MaterialStatus = 'ready' | 'missing' | 'unchecked' | 'conditional' | 'optional'

/** Every material that (still) matters for this resident, with its status; ones ruled out by an answer are left out. */
export function materialStatuses(item: CatalogItem, p: Progress): { material: Material; status: MaterialStatus }[] {
  const out: { material: Material; status: MaterialStatus }[] = []
  for (const m of item.materials) {
    const applicable = applies(m, p.answers)
    if (applicable === false) continue
    if (m.requirement === '可选') {
      out.push({ material: m, status: 'optional' })
      continue
    }
    if (applicable === undefined) {
      out.push({ material: m, status: 'conditional' })
      continue
    }
    const ready = p.ready[m.name]
    out.push({ material: m, status: ready === undefined ? 'unchecked' : ready ? 'ready' : 'missing' })
  }
  return out
}

/**
 * Situation questions the resident's own question already answers, by the item's 说法 (身份证丢了咋补 → 遗失补领):
 * question id → option. A question two options' words both match is left to ask.
 */
export function presumedAnswers(item: CatalogItem, asked: string | undefined): Map<string, string> {
  const presumed = new Map<string, string>()
  if (asked === undefined) return presumed
  // The item's own name says nothing about the situation (居民身份证申领、换领、补领 names every kind).
  const text = comparable(asked).replace(comparableFixed(item.name), '')
  for (const q of item.questions) {
    const said = q.options.filter((o) => (q.words[o] ?? []).some((w) => text.includes(comparableFixed(w))))
    if (said.length === 1) presumed.set(q.id, said[0]!)
  }
  return presumed
}
