/**
 * The 代办 form's area step: the applicant's town and village, by number or by name (a village not on the list
 * too), with a place outside the county told where to turn instead.
 */
import type { ServicePoint } from '../catalog/types.js'
import { offerSwitch } from './actions.js'
import { countyName, describesVillage, mentionsPlace, namedPlace, pointLabel, pointsAtVillage, unlistedVillage, villageName } from './area.js'
import { misunderstood, noSuchNumber } from './ask-again.js'
import { inStandardWords } from './elder.js'
import { countyCentre } from './checklist.js'
import { goOn } from './navigate.js'
import { placesReply } from './questions-back.js'
import { pickIndex } from './pick.js'
import { areaPoints, fullPrompt, offersOtherVillage, optionLabels, optionNumbers, renderOptions, stateFields } from './prompts.js'
import type { DialogState } from './schema.js'
import { render } from './template.js'
import { comparableFixed, read, type Reading } from './text.js'
import { say, type Turn } from './turn.js'

/** Longest reply (compared form) read as naming a place (临沂市兰山区柳青街道): longer ones are sentences. */
const MAX_PLACE_REPLY = 20

/**
 * Whether a reply at the town question names a place outside the county: a word of vocabulary.yaml elsewhere (市, 区,
 * 北京) and none of our towns or villages, nor the county's own name (莒南县, from the county centre's name).
 */
function isElsewhere(t: Turn, r: Reading): boolean {
  if (r.plain.length > MAX_PLACE_REPLY || !t.vocab.elsewhere.some((w) => r.plain.includes(w))) return false
  if (mentionsPlace(t.ctx.catalog, r.raw)) return false
  const county = countyName(t.ctx.catalog)
  return county === undefined || !r.plain.includes(comparableFixed(county))
}

/**
 * Whether a reply says the "another village" option in its own label's words, in either wording (其他, 其他村, 上面没有,
 * 没有; 别的村 in 长者模式): part of the label, two characters or more, and not a bare kind of place (社区).
 */
function saysOtherVillage(t: Turn, r: Reading): boolean {
  const standard = inStandardWords(t.defs).flow.states[t.s.state]
  if (standard?.kind !== 'area') return false
  const labels = [standard.otherVillage, standard.elder?.otherVillage].filter((l) => l !== undefined).map(comparableFixed)
  const said = [r.full, r.plain].filter((f) => f.length >= 2 && !/^(村|社区|居委会|镇|街道)$/.test(f))
  return said.some((f) => labels.some((l) => l.includes(f)))
}

/** 其他, 别的, 上面没有, 找不到 at the town question: the resident's place seems not listed. */
const OTHER_TOWN = /^(?:其他|其它|别的|别处|都不是|上面没有|上面都没有|名单上没有|上面找不到|找不到|没找到|不在上面|没有俺的|没有我的|没有俺们的|没有我们的)(?:的)?(?:村|镇|地方|街道|乡|社区)?(?:的)?$/u

/** What a village is called, typed with its wrapper (俺村叫前王庄, 村叫前王庄, 我们村名叫前王庄): the name, or undefined. */
const VILLAGE_CALLED = /^(?:[我俺咱](?:们)?)?(?:的)?(?:村|村子|村名)(?:名)?(?:叫|是|名叫|名字叫)[:：]?(\p{Script=Han}{2,8})$/u

function villageCalled(raw: string): string | undefined {
  const name = VILLAGE_CALLED.exec(raw.normalize('NFKC').replace(/[\s，,。.!！]/g, ''))?.[1]
  // 俺村是贫困村: what the village is, not its name.
  return name === undefined || pointsAtVillage(name) || describesVillage(raw) ? undefined : name
}

/** A reply at the area step: a town, a village (listed or not), or a place we do not serve. */
export function area(t: Turn, state: Extract<DialogState, { kind: 'area' }>, r: Reading): boolean {
  const catalog = t.ctx.catalog
  const form = t.s.form
  const points = areaPoints(t)
  // After the villages may come "another village" (offersOtherVillage): one past the last village, no point.
  const labels = optionLabels(t, state)
  const i = pickIndex(r, labels) ?? (offersOtherVillage(t, state) && saysOtherVillage(t, r) ? labels.length - 1 : undefined)
  const chooseVillage = (village: ServicePoint) => {
    form.townId = village.parentId
    form.villageId = village.id
    form.choices = undefined
    form.notInTown = undefined
    goOn(t, state.go)
    return true
  }
  const chooseTown = (town: ServicePoint) => {
    form.townId = town.id
    form.choices = undefined
    form.notInTown = undefined
    // A village named at the town question that no list has (后沟村): the town it was asked for completes it.
    const asked = form.villageAsked
    if (asked !== undefined) {
      form.villageAsked = undefined
      const listed = namedPlace(catalog, asked, [], town.id)
      const own = listed?.kind === 'villages' ? listed.points.find((v) => v.parentId === town.id) : undefined
      return own ? chooseVillage(own) : chooseUnlisted(town.id, asked)
    }
    say(t, fullPrompt(t, state))
    return true
  }
  // A village the network does not list: the ticket goes to the town's centre, the name in its note.
  const chooseUnlisted = (townId: string, name: string) => {
    form.townId = townId
    form.villageId = undefined
    form.unlistedVillage = name
    form.namingVillage = undefined
    form.choices = undefined
    form.notInTown = undefined
    goOn(t, state.go)
    return true
  }
  // 俺村是贫困村, 俺们村是山区的村: what the village is like, not its name (nor a place elsewhere, for its 区): the
  // name asked for plainly, no miss counted; where a list is shown, it follows.
  if (i === undefined && describesVillage(r.raw)) {
    say(t, render(t.defs.messages.say.villageDescribed, stateFields(t)))
    if (!form.namingVillage) say(t, fullPrompt(t, state))
    return false
  }
  // 临沂市兰山区, 北京: no town of ours serves it (not even as a village left off the list): say so, and where to turn.
  if (i === undefined && isElsewhere(t, r)) {
    const centre = countyCentre(catalog)
    const outside = render(t.defs.messages.say.outsideCounty, { 'centre.name': centre?.name ?? '', 'centre.phone': centre?.phone ?? '' })
    return misunderstood(t, state, `${outside}\n${fullPrompt(t, state)}`)
  }
  // 其他, 上面没有 at the towns (no such option there): every town is listed, the town asked once more, 人工 offered.
  if (i === undefined && form.townId === undefined && form.choices === undefined && OTHER_TOWN.test(r.plain)) {
    say(t, `${render(t.defs.messages.say.townOther, stateFields(t))}\n${renderOptions(t, labels, optionNumbers(t, state))}`)
    return false
  }
  // 俺村叫前王庄: the village's name after the wrapper, read as that name alone; one on no list is kept as typed.
  const called = i === undefined ? villageCalled(r.raw) : undefined
  if (called !== undefined) {
    const known = namedPlace(catalog, called, t.vocab.placeWords, form.choices === undefined ? form.townId : undefined)
    if (known !== undefined && known.kind !== 'unknown') return area(t, state, read(called, t.vocab))
    if (form.choices === undefined && form.townId !== undefined && state.otherVillage !== undefined) return chooseUnlisted(form.townId, called)
    if (form.choices === undefined && form.townId === undefined && state.otherVillage !== undefined) {
      form.villageAsked = called
      say(t, render(t.defs.messages.say.villageWhichTown, stateFields(t, { 'village.name': called })))
      say(t, fullPrompt(t, state))
      return true
    }
  }
  // 本村, 这个村, 俺村: a village pointed at, never kept as its name; its name is asked for.
  if (i === undefined && pointsAtVillage(r.raw)) {
    return misunderstood(t, state, `${render(t.defs.messages.say.villagePointed, stateFields(t))}\n${fullPrompt(t, state)}`)
  }
  if (form.namingVillage && form.townId !== undefined) {
    // Asked the name of a village not on the list: a listed one of the town after all, else the name (or none).
    const listed = namedPlace(catalog, r.plain, t.vocab.placeWords, form.townId)
    const own = listed?.kind === 'villages' ? listed.points.find((v) => v.parentId === form.townId) : undefined
    if (own) {
      form.namingVillage = undefined
      return chooseVillage(own)
    }
    // The last option's own words again (其他村, 上面没有): no name, asked for it again.
    const name = saysOtherVillage(t, r) ? undefined : villageName(r, t.vocab)
    if (r.unsure && name === undefined) say(t, render(t.defs.messages.say.villageUnknown, stateFields(t)))
    if (name !== undefined || r.unsure) return chooseUnlisted(form.townId, name ?? '')
    // 代办, 好的: no village name, and not 不知道 either: asked again rather than sent with nothing.
    return misunderstood(t, state, `${render(state.invalid, stateFields(t))}\n${fullPrompt(t, state)}`)
  }
  if (typeof i === 'number') {
    const point = points[i]
    // The last option after a village of other towns: the town chosen after all, the village not on its list.
    if (point === undefined && form.notInTown !== undefined) return chooseUnlisted(form.townId!, form.notInTown)
    if (point === undefined) {
      // "Another village": its name is asked next, for the ticket's note.
      if (state.otherVillagePrompt === undefined) return chooseUnlisted(form.townId!, '')
      form.namingVillage = true
      say(t, fullPrompt(t, state))
      return true
    }
    return point.tier === '村' ? chooseVillage(point) : chooseTown(point)
  }
  if (i === 'outOfRange') return noSuchNumber(t)
  // 不是, 不知道 when asked whether the village is another town's: the chosen town kept, the village not on its list.
  if ((r.no || r.unsure) && form.notInTown !== undefined && form.townId !== undefined) return chooseUnlisted(form.townId, form.notInTown)
  // 不是, 不对 at a town's villages (the town taken from earlier, or picked by mistake): the towns again.
  if (r.no && !r.unsure && form.townId !== undefined && form.choices === undefined) {
    form.townId = undefined
    say(t, fullPrompt(t, state))
    return true
  }
  // 不知道 at a town's villages: the town's centre takes it, as for a village not on the list (its name unknown).
  if (r.unsure && form.townId !== undefined && form.choices === undefined && state.otherVillage !== undefined) {
    say(t, render(t.defs.messages.say.villageUnknown, stateFields(t)))
    return chooseUnlisted(form.townId, '')
  }
  // 不知道 asked which town a village on no list is in: the village kept, 人工 offered, the towns listed again (not
  // the prompt, which asks for a village's name the resident gave).
  if (r.unsure && form.townId === undefined && form.villageAsked !== undefined) {
    const unsure = render(t.defs.messages.say.villageTownUnsure, stateFields(t, { 'village.name': form.villageAsked }))
    return misunderstood(t, state, `${unsure}\n${renderOptions(t, labels, optionNumbers(t, state))}`)
  }
  // 不知道 at the towns: the village's name will do, or 人工.
  if (r.unsure && form.townId === undefined) return misunderstood(t, state, `${render(t.defs.messages.say.townUnsure, stateFields(t))}\n${fullPrompt(t, state)}`)
  // A typed name, alone or in a sentence (我是坊前的, 俺家在大店, 文疃镇南岭村), read as the checklist reads it.
  const named = namedPlace(catalog, r.plain, t.vocab.placeWords, form.choices === undefined ? form.townId : undefined)
  if (named?.kind === 'villages') {
    // A name several towns have (南岭村): the one in the town already chosen (or among those offered), else ask which.
    const near = named.points.filter((v) => v.parentId === form.townId || form.choices?.includes(v.id))
    const found = near.length > 0 ? near : named.points
    // 西山村 after 坊前镇 was chosen (or taken from earlier): other towns have one, 坊前镇 does not list one. Many
    // villages share a name: asked which, the chosen town kept as one choice, never moved without a word.
    // Asked that, another village other towns list (东山村): asked again about that one, still never moved silently.
    if (near.length === 0 && form.townId !== undefined && (form.choices === undefined || form.notInTown !== undefined) && !named.withTown) {
      form.choices = found.map((v) => v.id)
      form.notInTown = pointLabel(found[0]!)
      say(t, fullPrompt(t, state))
      return true
    }
    if (found.length === 1) return chooseVillage(found[0]!)
    form.townId = undefined
    form.choices = found.map((v) => v.id)
    form.notInTown = undefined
    say(t, fullPrompt(t, state))
    return true
  }
  if (named?.kind === 'towns' && named.points.length === 1) {
    const town = named.points[0]!
    // Asked which 南岭村, a town's name picks its own.
    const offered = points.find((p) => form.choices !== undefined && p.parentId === town.id)
    // Asked whether 西山村 is another town's, the chosen town's name keeps it.
    if (!offered && form.notInTown !== undefined && town.id === form.townId) return chooseUnlisted(town.id, form.notInTown)
    if (offered) return chooseVillage(offered)
    if (town.id !== form.townId || form.choices !== undefined) return chooseTown(town)
    // The town already chosen, named again: its village is still wanted.
    say(t, fullPrompt(t, state))
    return false
  }
  // 一村, 二村 at 大店镇's villages: part of one listed village's name (大店一村), as residents shorten it.
  const partial = form.townId !== undefined && form.choices === undefined && r.plain.length >= 2
    ? points.filter((p) => p.tier === '村' && comparableFixed(p.name).includes(r.plain))
    : []
  if (partial.length === 1) return chooseVillage(partial[0]!)
  const other = named === undefined || named.kind === 'unknown' ? unlistedVillage(catalog, r.plain, t.vocab) : undefined
  const otherTown = other?.town?.id ?? (form.choices === undefined ? form.townId : undefined)
  if (other && otherTown !== undefined && state.otherVillage !== undefined) return chooseUnlisted(otherTown, other.name)
  // 后沟村 at the town question, on no list: which town it is in is asked, the village kept for it.
  if (other && form.townId === undefined && form.choices === undefined && state.otherVillage !== undefined) {
    form.villageAsked = other.name
    say(t, render(t.defs.messages.say.villageWhichTown, stateFields(t, { 'village.name': other.name })))
    say(t, fullPrompt(t, state))
    return true
  }
  if (offerSwitch(t, r.raw)) return true
  // 在哪办: where to apply, then the town (or village) question again.
  if (placesReply(t, state, r)) return true
  // At a town's village question, a bare name that is no question (小官庄): a village not on the list.
  const bare = form.townId !== undefined && form.choices === undefined && state.otherVillage !== undefined ? villageName(r, t.vocab) : undefined
  if (bare !== undefined) return chooseUnlisted(form.townId!, bare)
  return misunderstood(t, state, [render(state.invalid, stateFields(t)), fullPrompt(t, state)].join('\n'))
}
