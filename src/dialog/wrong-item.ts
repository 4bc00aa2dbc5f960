/**
 * The item said to be wrong later in a walk, not only as the first reply to a clear find: 不是这个, 俺问的不是这个,
 * 不对 不是这个事, or 不对 followed by what the resident really does (不对 俺是卖饲料的), which is their question; an
 * item turned down with what is wanted instead (不是低保 是医保), which is then not chosen.
 */
import type { DialogState } from './schema.js'
import { handleReply } from './states.js'
import { correctedText, optionSaid } from './situation-answers.js'
import { render } from './template.js'
import { comparable, read, type Reading } from './text.js'
import { decide } from '../match/decide.js'
import { aboutItemAtHand } from './actions.js'
import { denialAndRest } from './denial.js'
import { presumedIn, type WalkStep } from './materials.js'
import { clearlyOther, namesPaper } from './service-request.js'
import { itemFields } from './fields.js'
import { go } from './navigate.js'
import { clearItem, currentItem, say, stateOf, type Turn } from './turn.js'

/**
 * Whether a reply says the item is wrong (vocabulary.yaml wrongItem), alone or after a 不对 said apart. Not a bare
 * 不对 or 不是: later in a walk that is the 没有 of the material asked.
 */
export function saysWrongItem(t: Turn, r: Reading): boolean {
  const said = [r.plain, r.full, ...(r.leading === 'no' && r.afterLeading !== undefined ? [r.afterLeading] : [])]
  return said.some((w) => t.vocab.wrongItem.has(w) && !t.vocab.no.has(w))
}

/** 俺是卖饲料的, 我是开饭店的: what someone does for a living (a trade is what items are about). */
const DOES_FOR_A_LIVING = /^(?:我|俺|咱)(?:们|家)?(?:就|其实|本来)?是(?:卖|开|做|干|养|种|搞|收|跑|修|加工|经营|生产)\p{Script=Han}{1,8}的$/u
/** 俺要办的是营业执照, 我想问养老保险: what the resident wants, said outright. */
const WANTS = /^(?:我|俺|咱)(?:们|家)?(?:是|就是|其实是)?(?:要|想)(?:办|问|弄|申请)(?:的是|的|是)?\p{Script=Han}{2,}/u

/**
 * The new question in a reply that sets the item straight: after a 不对 or 不是 (said apart, or run on with who is
 * speaking), a statement of what the resident does or wants (不对 俺是卖饲料的). Undefined for other replies, such as
 * 不是，我是给我爹办 (who it is for, not what).
 */
export function restatedQuestion(t: Turn, r: Reading): string | undefined {
  const rest = r.leading === 'no' && r.leadingWord !== undefined && t.vocab.corrections.has(r.leadingWord)
    ? r.afterLeading
    : /^(?:不是|不对)((?:我|俺|咱).*)$/.exec(r.full)?.[1]
  if (rest === undefined || rest === '' || !(DOES_FOR_A_LIVING.test(rest) || WANTS.test(rest))) return undefined
  // 不对 俺是做生意的 at the 随迁子女 walk (打工还是做生意？): a case of this item, which the walk reads in its turn.
  const item = currentItem(t)
  const corrected = correctedText(r)
  const readings = [read(rest, t.vocab), ...(corrected === undefined ? [] : [{ ...r, plain: corrected, full: corrected, leading: undefined }])]
  if (item !== undefined && item.questions.some((q) => readings.some((reading) => optionSaid(q, reading) !== undefined))) return undefined
  return rest
}

/** Words pointing at the item at hand when it is turned down: 不是这个, 俺不是问这件事. */
const POINTING = /^(?:这个|那个|这|那)(?:件|项)?(?:事|事情|事儿)?$/u

/** How the words for a kind of household or person end (低保户, 特困人员, 五保老人, 救助对象): who someone is, not an item. */
const HOUSEHOLD_KIND = /(?:户|家庭|人员|老人|对象)$/u

/**
 * An item a new question turns down, and what it asks instead (不是低保 是医保 → 低保's id, 医保; see denialAndRest):
 * only when what is denied names an item the matcher is sure of (不是本地人 能办低保吗 turns nothing down).
 */
export function turnedDownQuestion(t: Turn, text: string): { denied: string; wanted: string } | undefined {
  const said = denialAndRest(text)
  if (said === undefined) return undefined
  const decision = decide(t.ctx.matcher.match(said.denied))
  return decision.kind === 'sure' ? { denied: decision.result.item.id, wanted: said.wanted } : undefined
}

/**
 * An item turned down in a walk reply, and what is wanted instead (不是低保 是医保, 俺不是问这个，俺要办居住证, 俺问的不是
 * 低保 是居住证): `atHand` when it is the walk's item (named, or pointed at: 这个, 这件事; not a kind of household
 * named: 不是低保户 是特困户 is offered, the walk kept). Undefined when either part
 * is an answer of this walk (不是残疾 是重病, 不是转诊 俺在外地住院了; 残疾证 is an item, though it holds 残疾), when
 * what is denied is the material asked or what is wanted one of the item's papers (不是身份证 是户口本), or when what
 * is denied is no item.
 */
export function itemTurnedDown(t: Turn, step: WalkStep, r: Reading): { denied: string; wanted: string; atHand: boolean } | undefined {
  const item = currentItem(t)
  const said = denialAndRest(r.raw)
  if (item === undefined || said === undefined) return undefined
  const wanted = comparable(said.wanted)
  // A situation by its option's label or 说法, not by two characters of the question's wording (上户口 holds the 户口
  // of 孩子的户口跟妈妈落，还是跟爸爸落？, yet names the 出生登记 item).
  const situation = (p: string) => presumedIn(item, p).size > 0 || item.questions.some((q) => optionSaid(q, read(p, t.vocab), false) !== undefined)
  if ([said.denied, wanted].some((p) => situation(p) && clearlyOther(t, p) === undefined)) return undefined
  if (step.kind === 'material' && namesPaper(t, said.denied, step.material)) return undefined
  // 不是低保户 是特困户 in the 低保 walk: who the household is, not the item turned down; the other item is offered
  // with the walk kept (it left 低保 unasked for 特困人员救助供养申请).
  const named = !HOUSEHOLD_KIND.test(said.denied) && !POINTING.test(said.denied) && aboutItemAtHand(t, said.denied)
  const atHand = named || POINTING.test(said.denied)
  // 不是身份证 是户口本, 不是这个 是户口本: which of the item's papers is meant. Not when the item itself is turned
  // down by name (不是居住证 是身份证) or the paper asked for (不是这个 是办身份证): a request for that paper's item.
  const paper = item.materials.some((m) => m.notice !== true && namesPaper(t, wanted, m))
  if (paper && !(atHand && (named || said.requested) && !aboutItemAtHand(t, wanted))) return undefined
  if (atHand) return { denied: item.id, wanted: said.wanted, atHand: true }
  const other = turnedDownQuestion(t, r.raw)
  return other === undefined ? undefined : { ...other, atHand: false }
}

/**
 * Leaves the walk's item for state `to` (where a new question is awaited): sorry, and how to undo it if only the
 * last answer was wrong; the other items found for the question first, where there were any (offerAlternatives).
 * With `question`, that question is asked there at once, as if typed.
 */
export function leaveWrongItem(t: Turn, to: string, question?: string): true {
  const item = currentItem(t)
  if (question === undefined && offerAlternatives(t, to)) return true
  clearItem(t)
  t.s.state = to
  if (question === undefined) {
    say(t, render(t.defs.messages.walk.wrongItemLater, {}))
    return true
  }
  if (item !== undefined) say(t, render(t.defs.messages.walk.restated, itemFields(item, t.defs.messages)))
  const state: DialogState | undefined = stateOf(t)
  if (state !== undefined) handleReply(t, state, read(question, t.vocab))
  return true
}

/**
 * The item said to be wrong, at the first reply to a clear find or later: the other items the matcher found for the
 * question (DialogData.alternatives) still in the catalogue, offered numbered at the list of candidates that state
 * `to` leads a question to (its match.choose), whose 都不是 asks for the question in other words. False, and nothing
 * changed, when there are none: then `to` asks for it at once.
 */
export function offerAlternatives(t: Turn, to: string): boolean {
  const left = t.s.alternatives?.filter((id) => id !== t.s.itemId && t.ctx.catalog.byId.has(id)) ?? []
  if (left.length === 0) return false
  const target = stateOf(t, to)
  const choose = target !== undefined && 'match' in target ? target.match?.choose : undefined
  if (choose === undefined) return false
  clearItem(t)
  t.s.candidates = left
  say(t, render(t.defs.messages.walk.wrongItemOthers, {}))
  go(t, choose)
  return true
}
