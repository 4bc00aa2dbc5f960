/**
 * A reply that turns one thing down and says another (不是低保 是医保, 俺不是问这个，俺要办居住证, 不是残疾是重病): what it
 * denies and what it says instead, cut apart. What the parts name (an item, a situation's option) is for the caller.
 */
import { comparable } from './text.js'

/**
 * The denial said first, after who is speaking and what they asked or want (俺问的, 我要办的): 不是, 不是问, 不是要办,
 * 不办, 不想问 … A bare 不 needs its verb (不办低保); 不是 does not (不是低保).
 */
const DENIAL =
  /^(?:我们|俺们|咱们|我|俺|咱)?(?:问的|要问的|想问的|要办的|想办的|办的|说的|找的)?(?:也|并|可)?(?:不是(?:问|要问|想问|办|要办|想办|申请|找|说)?|不(?:想|要)?(?:问|办|申请|找))/u

/**
 * Where what is denied ends: a pause (space, comma …), a 了 (不办低保了办居住证), a 是 saying what it is instead, or who
 * is speaking again.
 */
const DENIED_THEN = /^(\p{Script=Han}+?)(?:了[\s,.;!、]*|[\s,.;!、]+|(?=是)|(?=(?:我|俺|咱)))(.+)$/u

/** The words leading into what is wanted instead: 是, 俺要办, 我想问的是, 而是, 办个 (not the 个 of 是个体户, 办个体户) … */
const WANTED_LEAD = /^(?:而|就|其实)?(?:我们|俺们|咱们|我|俺|咱)?(?:是|就是|其实是)?(?:要|想|得)?(?:(?:问问|问|办理|办|申请|弄|找)(?:一?个(?!体))?)?(?:的是|的|是)?/u

/** A verb of asking or applying in the lead-in words (是办, 俺要办, 想问): what follows is a request, not a name. */
const REQUEST_VERB = /问|办|申请|弄|找/u

/**
 * The parts of a reply that denies something and goes on (不是低保 是医保 → 低保, 医保; 俺不是问这个，俺要办居住证 → 这个,
 * 居住证): `denied` in compared form, `wanted` as typed without its lead-in words, `requested` when those words asked
 * for it (是办身份证, 俺要办居住证; not 是身份证). Undefined when the reply does not start with a denial, denies nothing
 * named (不是，俺要办居住证: see restatedQuestion) or says nothing after it.
 */
export function denialAndRest(raw: string): { denied: string; wanted: string; requested: boolean } | undefined {
  const text = raw.normalize('NFKC').trim()
  const head = DENIAL.exec(text)
  if (head === null) return undefined
  const parts = DENIED_THEN.exec(text.slice(head[0].length))
  if (parts === null) return undefined
  const denied = comparable(parts[1]!).replace(/的$/, '')
  const rest = parts[2]!.replace(/^[\s,.;!、]+/, '')
  const lead = WANTED_LEAD.exec(rest)?.[0] ?? ''
  const wanted = rest.slice(lead.length).trim()
  if (denied === '' || comparable(wanted).length < 2) return undefined
  return { denied, wanted, requested: REQUEST_VERB.test(lead) }
}
