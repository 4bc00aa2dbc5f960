/**
 * Where the applicant lives, from the catalogue's service network: towns are 镇-tier points that have
 * village (村-tier) points under them; the ticket is routed to the village point.
 */
import type { Catalog, ServicePoint } from '../catalog/types.js'
import { comparable, comparableFixed } from './text.js'

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

/** "大店镇 大店一村" for summaries; undefined until a village is chosen. */
export function areaLabel(catalog: Catalog, townId?: string, villageId?: string): string | undefined {
  const village = villageId ? catalog.points.get(villageId) : undefined
  if (!village) return undefined
  const town = townId ? catalog.points.get(townId) : undefined
  return town ? `${placeName(town)} ${placeName(village)}` : placeName(village)
}

/**
 * Points whose name the resident typed ("大店一村", "我是坊前的"): a name contained in the text, or the text
 * contained in a name (at least two characters, so "村" alone finds nothing).
 */
export function findByName(points: ServicePoint[], text: string): ServicePoint[] {
  const t = comparable(text)
  if (t.length < 2) return []
  const named = points.map((p) => ({ p, name: comparableFixed(placeName(p)) }))
  const inText = named.filter((n) => n.name.length >= 2 && t.includes(n.name))
  if (inText.length > 0) {
    // "大店一村" contains both 大店 (a town) and 大店一村: the longest name is what was meant.
    const longest = Math.max(...inText.map((n) => n.name.length))
    return inText.filter((n) => n.name.length === longest).map((n) => n.p)
  }
  // "大店" finds 大店镇; strip a trailing tier word so "大店镇" also finds "大店街道"-style names.
  const core = t.replace(/(镇|乡|街道|村|社区|居委会)$/, '')
  if (core.length < 2) return []
  return named.filter((n) => n.name.includes(core)).map((n) => n.p)
}
