/**
 * Materials any one of several papers will do for (医保电子凭证、有效身份证件或社保卡（任选其一）, 劳动合同或营业执照): one of
 * them said to be missing (医保卡没有) is not the material missing, since another may be there.
 */
import type { Material, Synonym } from '../catalog/types.js'
import { covered, SHARED_BY_MATERIALS, withSynonyms } from './material-words.js'
import { itemMaterialFields } from './questions-back.js'
import { render } from './template.js'
import { comparableFixed } from './text.js'
import { currentItem, say, type Turn } from './turn.js'

/** How a paper's name ends (证, 卡, 簿, 证明, 合同 …): the parts joined by 或 must each be one, else 或 joins something else. */
const PAPER_END = /(?:证|卡|本|簿|书|证明|证件|合同|折|凭证|文件|记录|协议|照|手续|视频|照片|截图|账户)$/

const alternativesOf = new Map<string, string[]>()

/**
 * The papers a material's name offers as alternatives: the parts of 或 (and of 、 before it, 低保证、特困人员证或残疾人证),
 * or of 、 and 或 where the name says 任选其一; a bracket beginning with 或 is one more (营业执照（或其他主体资格证明）),
 * other brackets only explain. None (an empty list) where a part is not a paper by its ending (受益人或继承人的户口簿:
 * the 或 joins whose it is).
 */
export function alternatives(material: Material): string[] {
  let found = alternativesOf.get(material.name)
  if (found !== undefined) return found
  const anyOne = material.name.includes('任选其一')
  const name = material.name
    .replace(/任选其一/g, '')
    .replace(/（(或[^）]*)）/g, '$1')
    .replace(/（[^）]*）/g, '')
    .replace(/[，,。]/g, '')
  const sides = name.split(/或者|或/)
  const parts = anyOne ? sides.flatMap((s) => s.split('、')) : sides.length < 2 ? [] : [...splitList(sides[0]!), ...sides.slice(1)]
  found = parts.length >= 2 && parts.every((p) => PAPER_END.test(p)) ? parts : []
  alternativesOf.set(material.name, found)
  return found
}

/** 低保证、特困人员证 before a 或: each a paper of its own when each ends as one. */
function splitList(side: string): string[] {
  const pieces = side.split('、')
  return pieces.every((p) => PAPER_END.test(p)) ? pieces : [side]
}

/**
 * The material's alternatives when a reply saying something is missing names some of them but not all (医保卡没有 at
 * 医保电子凭证、有效身份证件或社保卡): then the others may still do. Undefined otherwise (都没有, or no alternatives).
 */
export function othersMayDo(material: Material, said: string, synonyms: readonly Synonym[]): string[] | undefined {
  const all = alternatives(material)
  if (all.length === 0) return undefined
  const named = all.filter((a) => names(said, a, synonyms))
  return named.length > 0 && named.length < all.length ? all : undefined
}

/** Whether `said` names paper `name`: two characters of it in a row, not ones every paper shares (证明). */
function names(said: string, name: string, synonyms: readonly Synonym[]): boolean {
  const form = comparableFixed(name)
  const text = withSynonyms(said, name, synonyms)
  for (let k = 0; k + 2 <= text.length; k++) {
    const pair = text.slice(k, k + 2)
    if (!SHARED_BY_MATERIALS.has(pair) && form.includes(pair)) return covered(text, form) >= 2
  }
  return false
}

/**
 * Whether a reply says one of the material's alternatives is there (残疾证没有 有病历 at 残疾人证或住院病历、诊断证明):
 * an alternative named (as `names` reads it) with 有 just before it (有病历, not 没有病历) or 有 / 在 just after it
 * (病历有, 病历在). Then the material is ready, whatever is said of the others.
 */
export function alternativeHeld(material: Material, said: string, synonyms: readonly Synonym[]): boolean {
  for (const a of alternatives(material)) {
    const form = comparableFixed(a)
    const text = withSynonyms(said, a, synonyms)
    for (let k = 0; k + 2 <= text.length; k++) {
      const pair = text.slice(k, k + 2)
      if (SHARED_BY_MATERIALS.has(pair) || !form.includes(pair)) continue
      let end = k + 2
      while (end < text.length && form.includes(text.slice(k, end + 1))) end++
      const before = text.slice(0, k)
      const after = text.slice(end)
      if ((before.endsWith('有') && !/[没无]有$/.test(before)) || (HELD_AFTER.test(after) && !/^[证本卡簿]?有没/.test(after))) return true
      k = end - 1
    }
  }
  return false
}

/** 有, 在 (也有, 还在) just after a paper's name, past the 证 or 本 a resident adds (残疾证有). */
const HELD_AFTER = /^[证本卡簿]?(?:也|还|都)?(?:有|在)/

/**
 * 医保卡没有 of a material any one of several papers will do for: said that another will do (walk.eitherOne), and
 * true, so that the material is not recorded missing. False when the reply names none of them, or all.
 */
export function otherPaperWillDo(t: Turn, material: Material, said: string): boolean {
  const all = othersMayDo(material, said, t.ctx.catalog.synonyms)
  if (all === undefined) return false
  say(t, render(t.defs.messages.walk.eitherOne, { ...itemMaterialFields(t, currentItem(t)!, material), alternatives: all.join('、') }))
  return true
}
