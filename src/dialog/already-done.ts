/**
 * A walk reply saying the item itself is done already (房子已经过户 in 不动产转移登记's walk): its materials are no
 * longer needed. Said so, then what the resident most likely needs next, by the catalogue: another item the reply
 * fits (水电气热过户, whose 说法 has 已经过户), offered as a switch that can go back to the walk; otherwise the pending
 * question again, with another question welcome. Nothing answered is lost either way.
 */
import type { CatalogItem, Synonym } from '../catalog/types.js'
import { decide } from '../match/decide.js'
import { offerItem } from './actions.js'
import { runAt, SHARED_BY_MATERIALS, withSynonyms } from './material-words.js'
import { presumedIn } from './materials.js'
import { fullPrompt } from './prompts.js'
import type { DialogState } from './schema.js'
import { render } from './template.js'
import { comparableFixed, saysUnturned, type Reading } from './text.js'
import { caseItemFields, currentItem, say, type Turn } from './turn.js'

/** Longest reply (compared form) read as saying the item is done: longer ones say more than that. */
const MAX_DONE_REPLY = 12

/**
 * When the reply says the walk's item is done already: says so, then true when another item is offered (the dialog
 * moved), false when the question is asked again. Undefined when the reply says no such thing.
 */
export function alreadyDone(t: Turn, state: Extract<DialogState, { kind: 'materials' }>, r: Reading): boolean | undefined {
  const item = currentItem(t)
  if (!item || r.plain.length > MAX_DONE_REPLY || !t.vocab.alreadyDone.some((w) => saysUnturned(r.plain, w))) return undefined
  // 房产证已经办好了 is about the 房产证, not the item.
  const besides = besidesItem(item, r.plain, t.ctx.catalog.synonyms)
  if (besides === undefined || namesMaterial(item, besides)) return undefined
  say(t, render(t.defs.messages.walk.alreadyDone, caseItemFields(t, item)))
  const next = nextItem(t, item, r)
  if (next !== undefined) {
    offerItem(t, r.raw, next)
    return true
  }
  say(t, render(t.defs.messages.say.askOther, { prompt: fullPrompt(t, state) }))
  return false
}

/**
 * What to offer once `done` is set aside: the item the matcher is then sure of, else the first it finds whose
 * situation the reply names by its 说法 (已经过户 is 水电气热过户's 房子已过户单独办). Undefined when neither.
 */
function nextItem(t: Turn, done: CatalogItem, r: Reading): CatalogItem | undefined {
  const results = t.ctx.matcher.match(r.raw).filter((m) => m.item.id !== done.id)
  const decision = decide(results)
  if (decision.kind === 'sure') return decision.result.item
  return results.find((m) => presumedIn(m.item, r.plain).size > 0)?.item
}

/** Fewest characters of the item's name a reply must hold to name the item (转移登记, not 出生 of 出生登记). */
const MIN_NAME_RUN = 4

/**
 * What the reply says besides naming the item itself, when it does: four characters in a row of its name, once
 * the catalogue's variants are put back (过户 is 转移登记, 不动产转移登记's). A word of the item's situation (孩子已经
 * 出生了 at 出生登记) is not its name: the registration is not done. Undefined when it does not name the item.
 */
function besidesItem(item: CatalogItem, text: string, synonyms: readonly Synonym[]): string | undefined {
  const name = comparableFixed(item.name)
  const said = withSynonyms(text, item.name, synonyms)
  for (let k = 0; k + MIN_NAME_RUN <= said.length; k++) {
    const len = runAt(said, k, name)
    if (len >= MIN_NAME_RUN) return said.slice(0, k) + said.slice(k + len)
  }
  return undefined
}

/** Whether `text` names one of the item's materials: two characters of its name not shared by many names. */
function namesMaterial(item: CatalogItem, text: string): boolean {
  const names = item.materials.filter((m) => m.notice !== true).map((m) => comparableFixed(m.name))
  for (let k = 0; k + 2 <= text.length; k++) {
    const pair = text.slice(k, k + 2)
    if (!SHARED_BY_MATERIALS.has(pair) && names.some((n) => n.includes(pair))) return true
  }
  return false
}
