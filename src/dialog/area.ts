/**
 * Where the applicant lives, from the catalogue's service network: towns are 镇-tier points that have
 * village (村-tier) points under them; the ticket is routed to the village point.
 */
import type { Catalog, ServicePoint } from '../catalog/types.js'
import { comparable, comparableFixed, MARKUP_TAGS, read, type CompiledVocabulary, type Reading } from './text.js'

/** "大店镇便民服务中心" → "大店镇": residents name the place, not the office. */
function placeName(point: ServicePoint): string {
  return point.name.replace(/(便民服务中心|便民服务室|党群服务中心|服务中心|服务站|服务室)$/, '') || point.name
}

const townCache = new WeakMap<Catalog, ServicePoint[]>()

/** Towns in file order, only those with at least one village point. */
export function towns(catalog: Catalog): ServicePoint[] {
  const cached = townCache.get(catalog)
  if (cached) return cached
  const withVillages = new Set<string>()
  for (const p of catalog.points.values()) if (p.tier === '村' && p.parentId) withVillages.add(p.parentId)
  const list = [...catalog.points.values()].filter((p) => p.tier === '镇' && withVillages.has(p.id))
  townCache.set(catalog, list)
  return list
}

const villageCache = new WeakMap<Catalog, Map<string, ServicePoint[]>>()

export function villages(catalog: Catalog, townId: string): ServicePoint[] {
  let byTown = villageCache.get(catalog)
  if (!byTown) {
    byTown = new Map()
    for (const p of catalog.points.values()) {
      if (p.tier !== '村' || !p.parentId) continue
      byTown.set(p.parentId, [...(byTown.get(p.parentId) ?? []), p])
    }
    villageCache.set(catalog, byTown)
  }
  return byTown.get(townId) ?? []
}

export function pointLabel(point: ServicePoint): string {
  return placeName(point)
}

/**
 * "大店镇 大店一村" for summaries; "涝坡镇 后河村" for a village not on the list (`unlisted`, just the town when it
 * was not named); undefined until a village is settled.
 */
export function areaLabel(catalog: Catalog, townId?: string, villageId?: string, unlisted?: string): string | undefined {
  const town = townId ? catalog.points.get(townId) : undefined
  const village = villageId ? catalog.points.get(villageId) : undefined
  if (!village) return town && unlisted !== undefined ? [placeName(town), unlisted].filter(Boolean).join(' ') : undefined
  return town ? `${placeName(town)} ${placeName(village)}` : placeName(village)
}

/** A place name without its tier word: 大店镇 → 大店, 十字路街道 → 十字路, 城东社区 → 城东 (never below two characters). */
const TIER_WORD = /(镇|乡|街道|村|社区|居委会)$/

function coreName(name: string): string | undefined {
  const core = name.replace(TIER_WORD, '')
  return core !== name && core.length >= 2 ? core : undefined
}

const HAN_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/**
 * Numbers of one or two digits as Han numerals (大店1村 → 大店一村, 12 → 十二): village names are written with
 * Han numerals and residents type them with digits. Longer runs (phone and house numbers) are left alone.
 */
export function hanNumerals(text: string): string {
  return text.replace(/(?<!\d)([1-9]\d?)(?!\d)/g, (digits) => {
    const n = Number(digits)
    if (n < 10) return HAN_NUMERALS[n]!
    const tens = Math.floor(n / 10)
    return `${tens === 1 ? '' : HAN_NUMERALS[tens]}十${HAN_NUMERALS[n % 10]}`
  })
}

/** A reply in the form place names are compared in. */
function placeForm(text: string): string {
  return hanNumerals(comparable(text))
}

/** The county's own name (莒南县), read off its centre's name (莒南县政务服务中心): the 县-tier point without a parent. */
export function countyName(catalog: Catalog): string | undefined {
  for (const p of catalog.points.values()) {
    if (p.tier === '县' && !p.parentId) return /^\p{Script=Han}{2,}?[县市区旗]/u.exec(p.name)?.[0]
  }
  return undefined
}

interface NameForm {
  point: ServicePoint
  form: string
  /** The whole name (大店镇, 坊前村), not just its core (大店, 坊前). */
  whole: boolean
}

const formCache = new WeakMap<Catalog, NameForm[]>()

/** Every town and village name in its compared forms, longest first. */
function nameForms(catalog: Catalog): NameForm[] {
  const cached = formCache.get(catalog)
  if (cached) return cached
  const forms: NameForm[] = []
  for (const town of towns(catalog)) {
    for (const point of [town, ...villages(catalog, town.id)]) {
      const whole = hanNumerals(comparableFixed(placeName(point)))
      if (whole.length >= 2) forms.push({ point, form: whole, whole: true })
      const core = coreName(whole)
      if (core !== undefined) forms.push({ point, form: core, whole: false })
    }
  }
  forms.sort((a, b) => b.form.length - a.form.length)
  formCache.set(catalog, forms)
  return forms
}

/** What a reply that names a place says: the towns, or the villages, it names; or a name that is no known place. */
export type NamedPlace =
  | { kind: 'towns'; points: ServicePoint[] }
  /** `withTown`: the reply named their town too (岭泉镇西山村), not the village alone. */
  | { kind: 'villages'; points: ServicePoint[]; withTown: boolean }
  | { kind: 'unknown'; name: string }

/**
 * Who is speaking, said before a place (俺们是后沟村, 我们家是后沟村的, 咱村是…): a pronoun, perhaps 们, 家 or 村, and
 * 是 / 在 / 住 after it (a bare 们 where reading took the 俺 off already). Taken off the front of a reply before its place is looked for, whatever placeWords list.
 */
const SPEAKER = /^(?:[我俺咱他她]?们|[我俺咱他她]|老人|家里)(?:家|村|那|这)?(?:就|都)?(?:是|在|住在|住|属于|属)?/u

/** The reply without who is speaking in front (SPEAKER), when a place may follow. */
function withoutSpeaker(form: string): string {
  const rest = form.replace(SPEAKER, '')
  return rest.length >= 2 ? rest : form
}

function withoutWords(text: string, words: readonly string[]): string {
  let out = text
  for (const w of words) out = out.split(w).join('')
  return out
}

/**
 * A reply that is nothing but a place name, perhaps with some of `placeWords` around it (大店镇, 大店, 我是大店镇的,
 * 大店镇大店一村, 坊前村): the towns or villages it names. A name that is both a town's core and a village's core
 * (坊前) is the town; a whole village name (坊前村) is the village. A reply that says anything else besides
 * (大店镇低保怎么办) names no place: it is a question. `unknown` for a lone word shaped like a place (东京镇)
 * that is none of the catalogue's. `chosenTown`: the town already chosen (the 代办 form asking for its village), whose
 * own village wins a shared core (坊前 there is 坊前村).
 */
export function namedPlace(
  catalog: Catalog,
  text: string,
  placeWords: readonly string[],
  chosenTown?: string,
): NamedPlace | undefined {
  // 莒南县大店镇: the county's own name in front says nothing more (every town here is in it).
  const county = countyName(catalog)
  let rest = withoutSpeaker(placeForm(text))
  if (county !== undefined) rest = rest.split(placeForm(county)).join('')
  if (rest.length < 2) return undefined
  const hits: NameForm[] = []
  for (;;) {
    const longest = nameForms(catalog).find((f) => rest.includes(f.form))
    if (!longest) break
    hits.push(...nameForms(catalog).filter((f) => f.form === longest.form))
    rest = rest.split(longest.form).join('')
  }
  const residual = withoutWords(rest, placeWords)
  if (hits.length === 0) {
    return coreName(residual) !== undefined && residual.length <= 8 ? { kind: 'unknown', name: residual } : undefined
  }
  if (residual !== '') return undefined
  const unique = (points: ServicePoint[]) => [...new Set(points)]
  const townsNamed = unique(hits.filter((h) => h.point.tier !== '村').map((h) => h.point))
  const villageHits = hits.filter((h) => h.point.tier === '村')
  const whole = villageHits.filter((h) => h.whole)
  // A village's core (坊前) names it only when no town answers to the same words, or when that town is the one
  // already chosen (asked for a village of 坊前镇, 坊前 is 坊前村).
  const ownCore =
    chosenTown !== undefined && townsNamed.every((town) => town.id === chosenTown)
      ? villageHits.filter((h) => h.point.parentId === chosenTown)
      : []
  // 涝坡镇南岭: a village's core said with its own town's whole name names that village (not a core the town shares).
  const townForms = new Set(hits.filter((h) => h.point.tier !== '村').map((h) => h.form))
  const withOwnTown = villageHits.filter(
    (h) => !townForms.has(h.form) && townsNamed.some((town) => town.id === h.point.parentId && hits.some((t) => t.point === town && t.whole)),
  )
  const byCore = ownCore.length > 0 ? ownCore : withOwnTown
  let villagesNamed = unique((whole.length > 0 ? whole : townsNamed.length > 0 ? byCore : villageHits).map((h) => h.point))
  // 大店镇大店一村: the villages of the town named with them.
  const inTown = villagesNamed.filter((v) => townsNamed.some((town) => town.id === v.parentId))
  if (inTown.length > 0) villagesNamed = inTown
  return villagesNamed.length > 0
    ? { kind: 'villages', points: villagesNamed, withTown: inTown.length > 0 }
    : { kind: 'towns', points: townsNamed }
}

/** Whether the text names one of the county's towns or villages anywhere in it (十字路街道城东社区 8 号楼). */
export function mentionsPlace(catalog: Catalog, text: string): boolean {
  const form = placeForm(text)
  return nameForms(catalog).some((f) => form.includes(f.form))
}

/**
 * The one town a question or a sentence names by a whole name, its own or one of its villages' (大店镇低保怎么申请,
 * 俺是大店一村的): remembered for the 代办 form. Cores alone (大店) are left out: in a sentence they may be other words.
 */
export function townMentioned(catalog: Catalog, text: string): ServicePoint | undefined {
  const form = placeForm(text)
  const ids = new Set(
    nameForms(catalog)
      .filter((f) => f.whole && form.includes(f.form))
      .map((f) => (f.point.tier === '村' ? f.point.parentId : f.point.id)),
  )
  const [id] = ids
  return ids.size === 1 && id !== undefined ? catalog.points.get(id) : undefined
}

/**
 * A village pointed at, not named (本村, 这个村, 那个村, 俺村, 我们村里, 就在本村, 我就是本村的), in compared form: no
 * name to keep, wherever a village's name is taken.
 */
const POINTING =
  /^(?:[我俺咱他她]们?)?家?(?:就|都|也)?(?:是|在|住在|住|属于|属)?(?:本|这个?|那个?|该|此|俺们?|我们?|咱们?|自己|自家|当地|同一个?)?的?(?:村|社区|庄|屯|村子|村里)(?:的|里|人|子)*$/u

/** Whether a reply only points at a village (本村, 这个村, 俺村) instead of naming it. */
export function pointsAtVillage(text: string): boolean {
  return POINTING.test(placeForm(text))
}

/** A village's name as residents type it: a few characters and its tier word (后河村, 城西社区). */
const VILLAGE_SHAPE = /^\p{Script=Han}{1,6}(村|社区|居委会)$/u

/** A village's name without 村, ending as many villages here do (前王庄, 小官庄, 刘家屯, 朱家疃): no other place has it. */
const RURAL_NAME = /^\p{Script=Han}{1,5}(庄|屯|寨|疃|峪|埠|洼)$/u
/** Words ending like a village name that are not one (a resort, a farm, a restaurant). */
const NOT_RURAL_NAME = /^(村庄|山庄|农庄|饭庄|酒庄|茶庄|钱庄|布庄|村寨|山寨|营寨|山峪|水洼)$/u

/**
 * A village the network does not list (the sample lists a few per town), alone or after its town's whole name
 * (后河村, 涝坡镇后河村, 俺是涝坡镇后河村的), with `placeWords` around: its name, and the town when named. Only
 * for replies namedPlace() could not place.
 */
/**
 * 俺村是贫困村, 俺们村是山区的村: what a village is (贫困村, 大村, 山区的村, 本村), said with 是, not its name.
 */
const VILLAGE_DESCRIBED =
  /(?:村|村子)是(?:一?个)?(?:[^是]*的(?:村|村子|庄)?|(?:贫困|困难|大|小|穷|富|山区|山里|平原|老|新|本|示范|移民|重点|偏远|边远|落后|空心|文明|先进|合并)(?:村|村子|庄)?)$/u

/**
 * 俺村很小, 俺们村在山里, 村子挺远: the village said something of without 叫 or 是 (those may give its name); 俺住农村,
 * 在乡下: where, no village named.
 */
const VILLAGE_TOLD_OF = /^(?:[我俺咱]们?的?(?:村子|村里|村)|村子|村里)(?![叫名是子里的人])\p{Script=Han}/u
const LIVES_RURAL = /^(?:[我俺咱他她]们?)?家?(?:就|都|也)?(?:住在?|在)(?:农村|乡下|乡里|村里|山里|山区|山上)(?:的|里|头)?$/u

/** Whether the text says what a village is (俺村是贫困村) or is like (俺村很小), not what it is called. */
export function describesVillage(text: string): boolean {
  const compact = text.normalize('NFKC').replace(/[\s，,。.!！]/g, '')
  if (pointsAtVillage(compact)) return false
  return VILLAGE_DESCRIBED.test(compact) || VILLAGE_TOLD_OF.test(compact) || LIVES_RURAL.test(compact)
}

export function unlistedVillage(
  catalog: Catalog,
  text: string,
  v: Pick<CompiledVocabulary, 'placeWords' | 'notName'>,
): { town?: ServicePoint; name: string } | undefined {
  let rest = withoutSpeaker(placeForm(text))
  const townName = nameForms(catalog).find((f) => f.whole && f.point.tier !== '村' && rest.includes(f.form))
  if (townName) rest = rest.split(townName.form).join('')
  const name = withoutWords(rest, v.placeWords)
  // A name, not a sentence (不知道哪个村, 我们村) nor a kind of place (农村).
  const core = coreName(name)
  const shaped = (VILLAGE_SHAPE.test(name) && core !== undefined) || (RURAL_NAME.test(name) && !NOT_RURAL_NAME.test(name))
  if (!shaped || v.notName.some((w) => name.includes(w))) return undefined
  if (pointsAtVillage(text) || POINTING.test(name) || describesVillage(text)) return undefined
  return { ...(townName && { town: townName.point }), name }
}

/**
 * A reply that can only be a village's name (小官庄, 俺村叫小官庄): Han characters, two to eight once `placeWords`
 * are dropped, none of the words that make it a sentence (notName: 我, 不知道 …), not a yes, no or 不知道, and more
 * than a tier word (农村).
 */
export function villageName(r: Reading, v: CompiledVocabulary): string | undefined {
  if (r.yes || r.no || r.unsure || r.ack || r.command !== undefined) return undefined
  // A name typed inside markup (<b>王家新村</b>) is the name.
  const unmarked = r.raw.replace(MARKUP_TAGS, ' ')
  const plain = unmarked === r.raw ? r.plain : read(unmarked, v).plain
  const name = withoutWords(withoutSpeaker(plain), v.placeWords)
  if (!/^\p{Script=Han}{2,8}$/u.test(name) || v.notName.some((w) => name.includes(w))) return undefined
  if (POINTING.test(plain) || POINTING.test(name)) return undefined
  // 农村, 社区: a kind of place, not its name.
  return TIER_WORD.test(name) && coreName(name) === undefined ? undefined : name
}

/**
 * The point that takes a 镇-tier place in a town: a point of the town whose own name the place's window or note
 * mentions (大店派出所 for "户籍所在地派出所"), else the town's centre.
 */
export function townPointFor(catalog: Catalog, town: ServicePoint, mentions: string): ServicePoint {
  const core = coreName(placeName(town)) ?? placeName(town)
  for (const p of catalog.points.values()) {
    if (p.tier !== '镇' || p.parentId !== town.id) continue
    const own = p.name.startsWith(core) ? p.name.slice(core.length) : p.name
    if (own.length >= 2 && mentions.includes(own)) return p
  }
  return town
}

export function pointPlaceName(point: ServicePoint): string {
  return placeName(point)
}
