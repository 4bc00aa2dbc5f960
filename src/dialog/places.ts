/**
 * The checklist's 镇 / 村-tier places made concrete: "户籍所在地镇（街道）便民服务中心" cannot say which centre,
 * so in states with `places: true` the resident may reply with their town's (or village's) name and gets the
 * name, address, hours and phone of the point that takes the item there, then the state's short re-prompt.
 */
import type { Place, ServicePoint } from '../catalog/types.js'
import { decide } from '../match/decide.js'
import { namedPlace, pointPlaceName, townPointFor, villages } from './area.js'
import { localTierPlaces, noteBeyondHours } from './checklist.js'
import { shortPrompt, takesPlaces } from './prompts.js'
import type { DialogState } from './schema.js'
import { render } from './template.js'
import type { Reading } from './text.js'
import { currentItem, say, type Turn } from './turn.js'

/**
 * A reply naming a place, in a state that takes one, for an item handled at a town centre or village room: said
 * where, and true. False for anything else (a question, a greeting …), which the state handles as before.
 */
export function placeReply(t: Turn, state: DialogState, r: Reading): boolean {
  if (!takesPlaces(state)) return false
  const item = currentItem(t)
  const places = item ? localTierPlaces(item) : []
  if (!item || places.length === 0) return false
  const named = namedPlace(t.ctx.catalog, r.plain, t.vocab.placeWords)
  if (!named) return false
  const m = t.defs.messages.checklist
  if (named.kind === 'unknown') {
    // Shaped like a place but none of ours: still a question if the matcher is sure of one (新农村…).
    if (decide(t.ctx.matcher.match(r.raw)).kind === 'sure') return false
    say(t, `${render(m.placeUnknown, { 'place.name': named.name })}\n${shortPrompt(t, state)}`)
    return true
  }
  // The resident's town, most likely: the 代办 form starts from it (DialogData.namedTown).
  const townIds = new Set(named.points.map((p) => (p.tier === '村' ? p.parentId : p.id)))
  const [townId] = townIds
  if (townIds.size === 1 && townId !== undefined) t.s.namedTown = townId
  const lines = named.kind === 'towns'
    ? named.points.flatMap((town) => townLines(t, places, town))
    : named.points.flatMap((village) => villageLines(t, places, village))
  say(t, [...new Set(lines)].join('\n'))
  say(t, shortPrompt(t, state))
  return true
}

function pointLines(t: Turn, point: ServicePoint, place: Place, name = point.name): string {
  return render(t.defs.messages.checklist.localPlace, {
    'place.name': name,
    'place.window': place.window,
    'place.address': point.address,
    'place.hours': point.hours,
    'place.phone': point.phone,
    'place.note': noteBeyondHours(place.note, point.hours),
  })
}

/** The town's points for the item's 镇-tier places, then (for 村-tier ones) that its village rooms take it too. */
function townLines(t: Turn, places: Place[], town: ServicePoint): string[] {
  const catalog = t.ctx.catalog
  const lines = places
    .filter((p) => p.tier === '镇')
    .map((p) => pointLines(t, townPointFor(catalog, town, `${p.name ?? ''} ${p.window ?? ''} ${p.note ?? ''}`), p))
  const example = villages(catalog, town.id)[0]
  if (places.some((p) => p.tier === '村') && example) {
    lines.push(render(t.defs.messages.checklist.townVillages, {
      'town.name': pointPlaceName(town),
      'village.example': pointPlaceName(example),
    }))
  }
  return lines
}

/** The village's room for 村-tier places (named with its town: two towns may have a 南岭村), its town's for 镇-tier ones. */
function villageLines(t: Turn, places: Place[], village: ServicePoint): string[] {
  const catalog = t.ctx.catalog
  const town = village.parentId ? catalog.points.get(village.parentId) : undefined
  // The room of the village named first, then its town's points.
  const ordered = [...places.filter((p) => p.tier === '村'), ...places.filter((p) => p.tier !== '村')]
  return ordered.flatMap((p) => {
    if (p.tier === '村') return [pointLines(t, village, p, town ? `${pointPlaceName(town)} ${village.name}` : village.name)]
    return town ? [pointLines(t, townPointFor(catalog, town, `${p.window ?? ''} ${p.note ?? ''}`), p)] : []
  })
}
