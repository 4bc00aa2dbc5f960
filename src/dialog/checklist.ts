/**
 * The 一次性告知单: who may apply, every material with ✓ / ✗ / ○ / · (and where to get a missing one) under a legend
 * of the marks used, then where, how (the steps), when and at what cost to apply. Every line is a template from dialogs/messages.yaml (checklist section).
 */
import type { Catalog, CatalogItem, Material, Place, ServicePoint } from '../catalog/types.js'
import { itemFields, materialFields, type Values } from './fields.js'
import { feeFor, materialStatuses, type MaterialStatus } from './materials.js'
import type { Messages } from './schema.js'
import type { DialogData } from './session.js'
import { layered, render } from './template.js'
import { comparableFixed } from './text.js'

type Progress = Pick<DialogData, 'answers' | 'ready'>

/** The materials section alone (also what 全部列出 shows outside the walk). */
export function renderMaterials(item: CatalogItem, p: Progress, m: Messages): string {
  const base = itemFields(item, m)
  const all = materialStatuses(item, p)
  // Provided or filled in at the window (窗口提供): on a line of their own after the list, without a mark.
  const atWindow = all.filter((s) => s.status === 'atWindow').map((s) => s.material.name)
  const statuses = all.filter((s) => s.status !== 'atWindow' && s.status !== 'notice') as { material: Material; status: ListedStatus }[]
  // 提示 (续费不用带材料…) come first: they may say that nothing below is needed.
  const notices = all.filter((s) => s.status === 'notice').map((s) => render(m.checklist.notice, layered(materialFields(s.material, item, m), base)))
  // The heading stays when no mark is used (only 提示, or only what the window provides): a field left empty would
  // drop its line, and the list would start at 二、. So the legend goes into the heading's text, not in as a field.
  const heading = render(m.checklist.materials.split('{legend}').join(legend(statuses.map((s) => s.status), m)), base)
  const lines = [heading, ...notices]
  const template: Record<ListedStatus, string> = {
    ready: m.checklist.ready,
    missing: m.checklist.missing,
    unchecked: m.checklist.unchecked,
    conditional: m.checklist.conditional,
    optional: m.checklist.optional,
  }
  // A question that decides several materials is written out under the first of them only (an item can have
  // eight materials hanging on one long question; the list would repeat it eight times).
  const asked = new Set<string>()
  for (const { material, status } of statuses) {
    const own = materialFields(material, item, m)
    if (status === 'conditional' && material.condition) {
      const question = item.questions.find((q) => q.id === material.condition?.questionId)
      const condition: Values = {
        'question.prompt': question && !asked.has(question.id) ? question.prompt : undefined,
        // Inside the template's quotes: 选"A"或"B"才要带 (an option may itself hold a comma: 开证明，要村里先核实).
        'condition.answers': material.condition.answers.join('"或"'),
      }
      if (question) asked.add(question.id)
      lines.push(render(template[status], layered(condition, own, base)))
    } else lines.push(render(template[status], layered(own, base)))
  }
  // Names joined by ；: they hold 、 themselves (供用水（电、气、热）合同).
  if (atWindow.length > 0) lines.push(render(m.checklist.atWindow, { ...base, list: atWindow.join('；') }))
  return lines.filter((l) => l !== '').join('\n')
}

/** The statuses listed one material a line, with a mark. */
type ListedStatus = Exclude<MaterialStatus, 'atWindow' | 'notice'>

/** Legend order: the marks in the order the statuses usually read (done, to do, to check, maybe, extra). */
const LEGEND_ORDER: readonly ListedStatus[] = ['ready', 'missing', 'unchecked', 'conditional', 'optional']

/**
 * `（✓ 已备好，✗ 还缺）` for the marks this list uses, and only those; one entry per distinct text, so admins
 * may give two statuses that share a mark the same explanation. Empty for a list without materials.
 */
function legend(present: ListedStatus[], m: Messages): string {
  const marks: Record<ListedStatus, string> = {
    ready: m.checklist.markReady,
    missing: m.checklist.markMissing,
    unchecked: m.checklist.markUnchecked,
    conditional: m.checklist.markConditional,
    optional: m.checklist.markOptional,
  }
  const used = new Set(present)
  const entries = [...new Set(LEGEND_ORDER.filter((s) => used.has(s)).map((s) => marks[s]))]
  return entries.length === 0 ? '' : render(m.checklist.legend, { list: entries.join('，') })
}

/** The item's places at "the resident's own" town centre or village room: which one, the checklist cannot say. */
export function localTierPlaces(item: CatalogItem): Place[] {
  return item.places.filter((p) => p.pointId === undefined && (p.tier === '镇' || p.tier === '村'))
}

/**
 * The whole 告知单. `townHint`: the state showing it answers a town's name with that town's places, so the
 * places section invites one when it has a 镇 / 村-tier place.
 */
export function renderChecklist(item: CatalogItem, p: Progress, catalog: Catalog, m: Messages, townHint = false): string {
  // The fee of the resident's case (身份证 补领 40 元, 换领 20 元) where a question decides it.
  const base = { ...itemFields(item, m), 'item.fee': feeFor(item, p.answers) }
  const statuses = materialStatuses(item, p)
  const missing = statuses.filter((s) => s.status === 'missing').map((s) => s.material)
  const unchecked = statuses.find((s) => s.status === 'unchecked')
  const parts = [
    render(m.checklist.title, base),
    // What is still missing, at a glance, before the long list (长者模式 has it; nothing shows when none is missing).
    // One material a line: joined with 、, 卖方原不动产权证书（房产证、土地证） read as more than the count said.
    render(m.checklist.summary, {
      ...base,
      'missing.count': missing.length > 0 ? String(missing.length) : undefined,
      'missing.list': missing.length > 0
        ? missing.map((material) => render(m.checklist.summaryItem, layered(materialFields(material, item, m), base))).join('\n')
        : undefined,
    }),
    render(m.checklist.conditions, base),
    renderMaterials(item, p, m),
    // The state showing the list answers 户口本去哪开 (townHint says it takes follow-ups): how to ask, when a list
    // leaves where-to-get out for materials never checked (长者模式).
    townHint && unchecked ? render(m.checklist.askWhere, { ...base, 'material.name': unchecked.material.name }) : '',
    render(m.checklist.places, base),
  ]
  for (const place of item.places) parts.push(renderPlace(place, catalog, m))
  if (townHint && localTierPlaces(item).length > 0) parts.push(render(m.checklist.townHint, base))
  parts.push(
    render(m.checklist.steps, base),
    render(m.checklist.how, base),
    render(m.checklist.online, base),
    render(m.checklist.limit, base),
    render(m.checklist.fee, base),
    render(m.checklist.visits, base),
    render(m.checklist.phone, base),
  )
  if (!item.proxy.allowed) parts.push(render(m.checklist.noProxy, base))
  return parts.filter((s) => s !== '').join('\n')
}

/** The county's own centre: the 县-tier point without a parent. */
export function countyCentre(catalog: Catalog): ServicePoint | undefined {
  for (const p of catalog.points.values()) if (p.tier === '县' && !p.parentId) return p
  return undefined
}

/** The item's places, one block each, as the 告知单 lists them. */
export function renderPlaces(item: CatalogItem, catalog: Catalog, m: Messages): string {
  return item.places.map((place) => renderPlace(place, catalog, m)).filter((s) => s !== '').join('\n')
}

/** Words a place's note may add to what the point's hours say (周六上午也可办理 is the hours' 周六上午办理). */
const NOTE_FILLER = /也|还|均|都|可以|可/g

/**
 * A place's note, unless the point's hours say it already (周六上午也可办理身份证业务 under hours ending 周六上午办理身份证业务):
 * the same line twice under one point.
 */
export function noteBeyondHours(note: string | undefined, hours: string): string | undefined {
  if (note === undefined) return undefined
  const said = comparableFixed(note).replace(NOTE_FILLER, '')
  return said !== '' && comparableFixed(hours).includes(said) ? undefined : note
}

function renderPlace(place: Place, catalog: Catalog, m: Messages): string {
  const point = place.pointId ? catalog.points.get(place.pointId) : place.tier === '县' ? countyCentre(catalog) : undefined
  if (point) {
    return render(m.checklist.pointPlace, {
      'place.name': point.name,
      'place.window': place.window,
      'place.address': point.address,
      'place.hours': point.hours,
      'place.phone': point.phone,
      'place.note': noteBeyondHours(place.note, point.hours),
    })
  }
  // A tier means "the resident's own town centre / village room": which one is not known here.
  const name = place.name ?? (place.tier ? m.tiers[place.tier] : undefined)
  return render(m.checklist.tierPlace, {
    'place.name': name,
    'place.window': place.window,
    // Items often repeat the tier's own name as their note; saying it twice helps nobody.
    'place.note': place.note === name ? undefined : place.note,
  })
}
