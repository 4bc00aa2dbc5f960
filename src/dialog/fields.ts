/**
 * The fields templates may use, and their values. FIELDS_FOR says which fields each kind of template may use:
 * `npm run dialogs:check` rejects any other, so a typo like {item.nmae} never reaches a resident.
 */
import { formatTimeLimit, type Catalog, type CatalogItem, type Material } from '../catalog/types.js'
import type { Messages } from './schema.js'
import { deliversToDoor, type ProxyForm } from './session.js'
import { render } from './template.js'
import { maskPhone } from './text.js'
import { areaLabel } from './area.js'

export const ITEM_FIELDS = [
  'item.name',
  'item.department',
  'item.fee',
  'item.legalLimit',
  'item.promisedLimit',
  'item.visits',
  'item.online',
  'item.consultPhone',
  'item.complaintPhone',
  'item.materialCount',
  'item.proxyNote',
  'item.conditions',
  'item.steps',
  'item.benefitStandard',
] as const
export const FORM_FIELDS = ['form.name', 'form.phone', 'form.phoneMasked', 'form.phoneLabel', 'form.area', 'form.village', 'form.help', 'form.delivery', 'form.address'] as const
/** 没有的话， written at the start of a material's 缺少时 (the templates put it before the text themselves). */
const IF_NONE = /^\s*(?:没有的话|如果没有|没有的)[，,：:\s]*/u

export const MATERIAL_FIELDS = ['material.name', 'material.amount', 'material.form', 'material.copies', 'material.whereToGet', 'material.note', 'material.explain'] as const
export const PLACE_FIELDS = ['place.name', 'place.window', 'place.address', 'place.hours', 'place.phone', 'place.note'] as const

/** Fields of a state's prompt, reprompt, option labels and other texts. */
export const STATE_FIELDS = [...ITEM_FIELDS, ...FORM_FIELDS, 'options', 'asked', 'answers', 'presumed', 'unconfirmed', 'resumed', 'switch.name', 'checklist', 'materials', 'closed'] as const

/** Allowed fields per messages.yaml entry (section.key); an entry not listed here takes no fields. */
export const MESSAGE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'say.expired': ['idleMinutes'],
  'say.reprompt': ['options'],
  'say.noSuchNumber': ['options', 'count'],
  'say.oneNumber': ['options'],
  'say.askOther': ['prompt'],
  'say.handoff': ITEM_FIELDS,
  'say.stuck': [...ITEM_FIELDS, 'centre.name', 'centre.phone'],
  'say.progress': [...ITEM_FIELDS, 'progress.ready', 'progress.missing', 'progress.unchecked', 'progress.conditional'],
  'say.itemGone': ['itemName'],
  'say.phoneNoted': [...ITEM_FIELDS, ...FORM_FIELDS],
  'say.phoneChange': [...ITEM_FIELDS, ...FORM_FIELDS],
  'say.phoneNotMobile': [...ITEM_FIELDS, ...FORM_FIELDS],
  'say.phoneLandline': [...ITEM_FIELDS, ...FORM_FIELDS],
  'say.landlineTaken': [...ITEM_FIELDS, ...FORM_FIELDS],
  'say.phoneLength': [...ITEM_FIELDS, ...FORM_FIELDS, 'count'],
  'say.outsideCounty': ['centre.name', 'centre.phone'],
  'say.townRemembered': ['town.name'],
  'say.formPresumed': ['option', 'question.prompt', 'said', 'means'],
  'say.summaryUnclear': ['options'],
  'say.closedNotEligible': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'say.closedNotNeeded': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'say.closedNoProxy': ITEM_FIELDS,
  'say.progressClosed': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'say.villageElsewhere': ['town.name', 'village.name'],
  'say.villageStay': ['town.name', 'village.name'],
  'say.villageWhichTown': ['village.name'],
  'say.villageTownUnsure': ['village.name'],
  'say.villageUnknown': [...ITEM_FIELDS, ...FORM_FIELDS],
  'say.nameOfWhom': ['who'],
  'say.namePlace': ['said'],
  'say.nameFull': ['said'],
  'say.idNumberNotAsked': [],
  'say.proxyFreeItemFee': ITEM_FIELDS,
  'say.proxyFreeNext': [],
  'say.proxyWishedWalk': ITEM_FIELDS,
  'say.switchDeclined': ITEM_FIELDS,
  'say.proxyWishedChecklist': [...ITEM_FIELDS, 'number'],
  'say.proxyResumed': [...ITEM_FIELDS, ...FORM_FIELDS],
  'say.sameItem': ITEM_FIELDS,
  'say.sameItemListed': ITEM_FIELDS,
  // Filled from the ticket request by whoever carries it out: only what the request holds.
  'say.ticketRecorded': ['item.name', 'form.name', 'form.phoneMasked'],
  'say.ticketNoteUnchecked': ['list'],
  'say.ticketNoteUnlistedVillage': ['town', 'village'],
  'options.inline': ['list'],
  'options.lines': ['list'],
  'walk.material': [...ITEM_FIELDS, ...MATERIAL_FIELDS, 'options'],
  'walk.question': [...ITEM_FIELDS, 'question.prompt', 'options', 'needs'],
  'walk.needs': ['option', ...MATERIAL_FIELDS],
  'walk.whereToGet': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'walk.places': ITEM_FIELDS,
  'walk.whatIsIt': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'walk.explain': [...ITEM_FIELDS, 'question.prompt', 'question.explain'],
  'walk.explainNone': [...ITEM_FIELDS, 'question.prompt'],
  'walk.explainCases': [...ITEM_FIELDS, 'question.prompt', 'cases'],
  'walk.explainCase': ['option', 'materials'],
  'walk.unsureSituation': ITEM_FIELDS,
  'walk.offerDeclined': [...ITEM_FIELDS],
  'walk.shownByMaterial': ['option', 'question.prompt', 'material.name'],
  'walk.correction': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'walk.otherThing': [...ITEM_FIELDS, ...MATERIAL_FIELDS, 'options'],
  'walk.statedFact': [...ITEM_FIELDS, ...MATERIAL_FIELDS, 'options'],
  'walk.agreeOnly': [...ITEM_FIELDS, ...MATERIAL_FIELDS, 'options'],
  'walk.notThat': ['option'],
  'walk.allReady': [...ITEM_FIELDS, 'count'],
  'walk.resumed': ['count'],
  'walk.howMany': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'walk.onSite': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'walk.fromItem': [...ITEM_FIELDS, 'line'],
  'walk.noneToAsk': STATE_FIELDS,
  'walk.wrongItemLater': [],
  'walk.wrongItemOthers': [],
  'walk.firstStep': ITEM_FIELDS,
  'walk.eitherOne': [...ITEM_FIELDS, ...MATERIAL_FIELDS, 'alternatives'],
  'walk.restated': ITEM_FIELDS,
  'walk.situationYesNo': [...ITEM_FIELDS, 'question.prompt', 'yes', 'no'],
  'walk.haveAtChoice': ['choices'],
  'walk.situationNoPaper': [...ITEM_FIELDS, 'question.prompt'],
  'walk.situationOptions': [...ITEM_FIELDS, 'question.prompt'],
  'walk.situationRemark': [...ITEM_FIELDS, 'question.prompt'],
  'walk.away': [...ITEM_FIELDS, 'away'],
  'walk.kindPartly': [...ITEM_FIELDS, 'question.prompt', 'kind', 'yes', 'no'],
  'walk.needed': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'walk.notNeeded': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'walk.neededIf': [...ITEM_FIELDS, ...MATERIAL_FIELDS, 'question.prompt', 'condition.answers'],
  'walk.neededOptional': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'walk.neededAtWindow': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'walk.formOriginal': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'walk.formCopy': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'walk.formBoth': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'walk.formOriginalOrElectronic': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'walk.formElectronic': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'walk.originalMissing': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'walk.expired': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'walk.presumed': ['option', 'question.prompt', 'said', 'means'],
  'walk.presumedYesNo': ['option', 'question.prompt', 'said', 'means'],
  'walk.heard': ['list'],
  'walk.changed': ['list'],
  'walk.alreadyDone': ITEM_FIELDS,
  'walk.heardMaterial': [...ITEM_FIELDS, ...MATERIAL_FIELDS, 'answer'],
  'walk.unneeded': [...ITEM_FIELDS, 'name'],
  'walk.stepsAsked': ITEM_FIELDS,
  'walk.aboutOffered': ITEM_FIELDS,
  'walk.stepsNone': ITEM_FIELDS,
  'walk.visitsAsked': ITEM_FIELDS,
  'walk.refusedMissing': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'walk.outOfCatalogue': [...ITEM_FIELDS, 'asked'],
  'walk.notOnList': [...ITEM_FIELDS, 'name', 'note'],
  'walk.unsure': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'checklist.title': ITEM_FIELDS,
  'checklist.materials': [...ITEM_FIELDS, 'legend'],
  'checklist.legend': ['list'],
  'checklist.ready': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'checklist.missing': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'checklist.unchecked': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'checklist.optional': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'checklist.atWindow': [...ITEM_FIELDS, 'list'],
  'checklist.notice': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'checklist.conditional': [...ITEM_FIELDS, ...MATERIAL_FIELDS, 'question.prompt', 'condition.answers'],
  'checklist.whereUnknown': ITEM_FIELDS,
  'checklist.places': ITEM_FIELDS,
  'checklist.pointPlace': PLACE_FIELDS,
  'checklist.tierPlace': PLACE_FIELDS,
  'checklist.townHint': ITEM_FIELDS,
  'checklist.localPlace': PLACE_FIELDS,
  'checklist.townVillages': ['town.name', 'village.example'],
  'checklist.placeUnknown': ['place.name'],
  'checklist.summary': [...ITEM_FIELDS, 'missing.count', 'missing.list'],
  'checklist.summaryItem': [...ITEM_FIELDS, ...MATERIAL_FIELDS],
  'checklist.askWhere': [...ITEM_FIELDS, 'material.name'],
  'checklist.conditions': ITEM_FIELDS,
  'checklist.steps': ITEM_FIELDS,
  'checklist.how': ITEM_FIELDS,
  'checklist.online': ITEM_FIELDS,
  'checklist.limit': ITEM_FIELDS,
  'checklist.fee': ITEM_FIELDS,
  'checklist.visits': ITEM_FIELDS,
  'checklist.visitsSome': ['count'],
  'checklist.phone': ITEM_FIELDS,
  'checklist.noProxy': ITEM_FIELDS,
  'answers.limit': ITEM_FIELDS,
  'answers.fee': ITEM_FIELDS,
  'answers.amount': ITEM_FIELDS,
  'answers.amountStandard': ITEM_FIELDS,
  'answers.conditions': ITEM_FIELDS,
  'answers.phone': ITEM_FIELDS,
  'answers.online': ITEM_FIELDS,
  'answers.onlineNone': ITEM_FIELDS,
  'answers.replaceNone': ITEM_FIELDS,
}

export type Values = Record<string, string | undefined>

const itemFieldCache = new WeakMap<Messages, WeakMap<CatalogItem, Readonly<Values>>>()

/** An item's template fields. Remembered per (messages, item): they recur in every prompt; callers must not change them. */
export function itemFields(item: CatalogItem, m: Messages): Readonly<Values> {
  let byItem = itemFieldCache.get(m)
  if (!byItem) itemFieldCache.set(m, (byItem = new WeakMap()))
  let values = byItem.get(item)
  if (!values) byItem.set(item, (values = buildItemFields(item, m)))
  return values
}

function buildItemFields(item: CatalogItem, m: Messages): Values {
  const online = item.online ? [item.online.note, item.online.url].filter(Boolean).join(' ') : undefined
  return {
    'item.name': item.name,
    'item.department': item.department,
    'item.fee': item.fee,
    'item.legalLimit': item.legalLimitDays === undefined ? undefined : formatTimeLimit(item.legalLimitDays, item.consultPhone),
    'item.promisedLimit': formatTimeLimit(item.promisedLimitDays, item.consultPhone),
    'item.visits': item.visits === 0 ? m.checklist.visitsNone : render(m.checklist.visitsSome, { count: String(item.visits) }),
    'item.online': online,
    'item.consultPhone': item.consultPhone,
    'item.complaintPhone': item.complaintPhone,
    'item.materialCount': String(item.materials.length),
    'item.proxyNote': item.proxy.note,
    'item.conditions': item.conditions.length > 0 ? item.conditions.join('；') : undefined,
    'item.steps': item.steps.length > 0 ? item.steps.map((step, i) => `${i + 1}. ${step}`).join('\n') : undefined,
    // 待遇标准, one line each as the admin wrote them.
    'item.benefitStandard': item.benefitStandard?.join('\n'),
  }
}

const materialFieldCache = new WeakMap<Messages, WeakMap<CatalogItem, WeakMap<Material, Readonly<Values>>>>()

/**
 * A material's template fields, remembered per (messages, item, material) like itemFields (per item too: a derived
 * catalogue may share material objects, and where to get one falls back on its item's phone); callers must not change them.
 */
export function materialFields(material: Material, item: CatalogItem, m: Messages): Readonly<Values> {
  let byItem = materialFieldCache.get(m)
  if (!byItem) materialFieldCache.set(m, (byItem = new WeakMap()))
  let byMaterial = byItem.get(item)
  if (!byMaterial) byItem.set(item, (byMaterial = new WeakMap()))
  let values = byMaterial.get(material)
  if (!values) byMaterial.set(material, (values = buildMaterialFields(material, item, m)))
  return values
}

/**
 * How much of a material to bring: 原件和复印件1份, or 3张 for photos (形式 says nothing about a photo). An electronic
 * one has no copies to count: 电子版, not 电子1份; 原件1份或电子版 where either will do.
 */
function materialAmount(material: Pick<Material, 'form' | 'copies' | 'unit'>): string {
  if (material.unit !== '份') return `${material.copies}${material.unit}`
  if (material.form === '电子') return '电子版'
  if (material.form === '原件或电子') return `原件${material.copies}份或电子版`
  return `${material.form}${material.copies}份`
}

function buildMaterialFields(material: Material, item: CatalogItem, m: Messages): Values {
  return {
    'material.name': material.name,
    'material.amount': materialAmount(material),
    'material.form': material.form,
    'material.copies': String(material.copies),
    // Every template says it after its own 没有的话： (or the material's name): the item's own 没有的话， is not said twice.
    'material.whereToGet': material.whereToGet?.replace(IF_NONE, '') || render(m.checklist.whereUnknown, itemFields(item, m)),
    'material.note': material.note,
    'material.explain': material.explain,
  }
}

/**
 * The applicant's town and village ("十字路街道 城东社区"), once the form knows the village (listed, or named by the
 * resident); undefined before, or when the village was not named (then only the town is known).
 */
export function villageLabel(form: ProxyForm, catalog: Catalog): string | undefined {
  if (form.villageId === undefined && !form.unlistedVillage) return undefined
  return areaLabel(catalog, form.townId, form.villageId, form.unlistedVillage)
}

/** A mobile number as the form keeps it (11 digits); anything else taken as the phone is a landline. */
const MOBILE = /^1[3-9]\d{9}$/

export function formFields(form: ProxyForm, catalog: Catalog, m: Messages): Values {
  // Items without mail delivery never ask: the result is picked up.
  // Door to door (特办, or 代办 for someone who cannot go out): the agent brings the result too, unless it is mailed.
  const delivery =
    form.delivery === 'mail' ? `${m.delivery.mail}：${form.address ?? ''}` : deliversToDoor(form) ? m.delivery.doorstep : m.delivery.pickup
  return {
    'form.name': form.name,
    'form.phone': form.phone,
    'form.phoneMasked': form.phone === undefined ? undefined : maskPhone(form.phone),
    // 手机 for a mobile; a landline taken for want of one (0539-7211000) is not called a 手机.
    'form.phoneLabel': form.phone !== undefined && !MOBILE.test(form.phone) ? m.phoneKinds.landline : m.phoneKinds.mobile,
    'form.area': areaLabel(catalog, form.townId, form.villageId, form.unlistedVillage),
    'form.village': villageLabel(form, catalog),
    'form.help': form.help,
    'form.delivery': delivery,
    'form.address': form.address,
  }
}
