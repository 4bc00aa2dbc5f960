/**
 * Which numbered option a reply picks: by its number, its label or one of its words. Shared by every state that
 * lists options (menus, candidate items, help kinds, the walk's 有 / 没有, towns and villages).
 */
import type { DialogOption } from './schema.js'
import { comparableFixed, type Reading } from './text.js'

export type Pick = number | 'outOfRange' | undefined

/**
 * Which numbered option a reply names: its number, its label, one of its words, or "2 没有" (number and label).
 * `numbers`: the options' own numbers when they are not 1, 2, 3 … (optionNumbers).
 */
export function pickIndex(r: Reading, labels: string[], words: (i: number) => string[] = () => [], numbers?: readonly number[]): Pick {
  const at = (n: number) => (numbers ? numbers.indexOf(n) : n - 1)
  if (r.number !== undefined) {
    const i = Number.isInteger(r.number) ? at(r.number) : -1
    return i >= 0 && i < labels.length ? i : 'outOfRange'
  }
  const forms = labels.map((l, i) => [l, ...words(i)].map(comparableFixed))
  const exact = forms.findIndex((f) => f.includes(r.full) || f.includes(r.plain))
  if (exact >= 0) return exact
  // "2 没有" names option 2; "-2 没有" names none.
  const numbered = !/^[-−﹣‐–—]/.test(r.raw) ? /^(\d{1,2})(\D.*)$/.exec(r.plain) : null
  if (numbered) {
    const i = at(Number(numbered[1]))
    if (forms[i]?.some((f) => f.startsWith(numbered[2]!))) return i
  }
  return undefined
}

export function yesNoIndex(r: Reading, options: DialogOption[]): number | undefined {
  if (!r.yes && !r.no) return undefined
  const i = options.findIndex((o) => o.answer === (r.yes ? 'yes' : 'no'))
  return i >= 0 ? i : undefined
}
