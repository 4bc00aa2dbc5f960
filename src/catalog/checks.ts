/**
 * Checks no single-file schema can make: references between items, questions, service points and synonyms.
 * Each check returns errors placed at the line the admin has to change.
 */
import type { z } from 'zod'
import type { ItemFile, MatchWordsFileSchema, ServicePointsFileSchema, SynonymsFileSchema, Tier } from './schema.js'
import { renderPath, type Located, type SourceError } from './yaml-source.js'

/** A file that passed its schema: its value, where it came from, and how to find a line in it. */
export interface Parsed<T> {
  file: string
  value: T
  locate: Located<T>['locate']
}

export interface CatalogSources {
  /** Sorted by file, so "the second one" in a duplicate is stable. */
  items: Parsed<ItemFile>[]
  points: Parsed<z.output<typeof ServicePointsFileSchema>>
  synonyms: Parsed<z.output<typeof SynonymsFileSchema>>
  words: Parsed<z.output<typeof MatchWordsFileSchema>>
}

export type Check = (sources: CatalogSources) => SourceError[]

/** An error at `path` of a parsed file. */
export function errorAt(source: Parsed<unknown>, path: (string | number)[], message: string): SourceError {
  const { line, column } = source.locate(path)
  return { file: source.file, line, column, path: renderPath(path), message }
}

const DEFAULT_OPTIONS = ['是', '否']

/** Allowed tiers of a point's 上级: a county office hangs under the county centre, a village room under its town. */
const PARENT_TIERS: Record<Tier, Tier[]> = { 县: ['县'], 镇: ['县', '镇'], 村: ['镇'] }

const uniqueItemFields: Check = ({ items }) => {
  const errors: SourceError[] = []
  for (const field of ['事项编码', '事项名称'] as const) {
    const seen = new Map<string, string>()
    for (const item of items) {
      const value = item.value[field]
      const first = seen.get(value)
      if (first === undefined) seen.set(value, item.file)
      else errors.push(errorAt(item, [field], `"${value}" 与 ${first} 重复，每个事项的${field}要唯一`))
    }
  }
  return errors
}

const questionsAndConditions: Check = ({ items }) => {
  const errors: SourceError[] = []
  for (const item of items) {
    const options = new Map<string, string[]>()
    item.value.情形问题.forEach((q, i) => {
      // Checked before this question joins `options`: a condition names an earlier question, so none can loop.
      if (q.条件 !== undefined) {
        const earlier = [...options.keys()]
        const list = earlier.length > 0 ? `它前面的问题有：${earlier.join('、')}` : '它是第一个问题，前面没有问题可依据'
        if (!options.has(q.条件.问题) && item.value.情形问题.some((other) => other.编号 === q.条件?.问题)) {
          errors.push(errorAt(item, ['情形问题', i, '条件', '问题'], `问题的条件只能依据排在它前面的问题，"${q.条件.问题}" 不在它前面（${list}）`))
        } else {
          checkCondition(item, ['情形问题', i], q.条件, options, list, errors)
        }
      }
      if (options.has(q.编号)) errors.push(errorAt(item, ['情形问题', i, '编号'], `问题编号 "${q.编号}" 重复，同一事项里每个问题的编号要唯一`))
      else options.set(q.编号, q.选项 ?? DEFAULT_OPTIONS)
      const choices = q.选项 ?? DEFAULT_OPTIONS
      for (const option of Object.keys(q.说法 ?? {})) {
        if (!choices.includes(option)) {
          errors.push(errorAt(item, ['情形问题', i, '说法', option], `没有 "${option}" 这个选项（选项有：${choices.join('、')}）`))
        }
      }
      for (const option of Object.keys(q.收费 ?? {})) {
        if (!choices.includes(option)) {
          errors.push(errorAt(item, ['情形问题', i, '收费', option], `没有 "${option}" 这个选项（选项有：${choices.join('、')}）`))
        }
      }
      const firstWithFees = item.value.情形问题.findIndex((other) => other.收费 !== undefined)
      if (q.收费 !== undefined && firstWithFees !== i) {
        errors.push(errorAt(item, ['情形问题', i, '收费'], `一个事项只有一个问题能写 收费，问题 "${item.value.情形问题[firstWithFees]?.编号}" 已经写了`))
      }
    })
    const known = [...options.keys()]

    item.value.申请材料.forEach((m, i) => {
      const at = ['申请材料', i]
      if (m.要求 === '按情况' && m.条件 === undefined) {
        errors.push(errorAt(item, [...at, '要求'], '要求为 "按情况" 时要写 条件（问题和答案），说明什么情况下需要这份材料'))
      }
      if (m.结论 !== undefined) checkConclusion(item, at, m, options, errors)
      const condition = m.条件
      if (condition === undefined) return
      if (m.要求 !== '按情况') {
        errors.push(errorAt(item, [...at, '条件'], `写了条件的材料，要求要写成 "按情况"，实际为 "${m.要求}"`))
      }
      const list = known.length > 0 ? `本事项的问题有：${known.join('、')}` : '本事项还没有写 情形问题'
      checkCondition(item, at, condition, options, list, errors)
    })
  }
  return errors
}

/**
 * A 结论 (this case cannot, or need not, be applied for) at material `at`: only on a 提示 (not a paper to bring) with a
 * 条件 that leaves some answer open. Without a condition, or with one listing every option, it would close the item
 * for everyone.
 */
function checkConclusion(
  item: Parsed<ItemFile>,
  at: (string | number)[],
  m: ItemFile['申请材料'][number],
  options: Map<string, string[]>,
  errors: SourceError[],
): void {
  const everyone = m.结论 === '不用办' ? '所有人都不用办' : '所有人都办不了'
  if (m.提示 !== true && m.条件 === undefined) {
    errors.push(errorAt(item, [...at, '结论'], `结论 只用于写了 提示: true 和 条件 的材料（说明哪种情况办不了或不用办）：请加上这两项，或去掉 结论`))
    return
  }
  if (m.提示 !== true) {
    errors.push(errorAt(item, [...at, '结论'], '结论 只用于 提示（说明哪种情况办不了或不用办），这一项是要带的材料：请加上 提示: true，或去掉 结论'))
    return
  }
  if (m.条件 === undefined) {
    errors.push(errorAt(item, [...at, '结论'], `结论 要写 条件（问题和答案），说明哪种情况办不了或不用办；没有条件的话，${everyone}`))
    return
  }
  const allowed = options.get(m.条件.问题)
  const answers = typeof m.条件.答案 === 'string' ? [m.条件.答案] : m.条件.答案
  if (allowed !== undefined && allowed.every((o) => answers.includes(o))) {
    errors.push(errorAt(item, [...at, '条件', '答案'], `写了 结论 的条件把问题 "${m.条件.问题}" 的选项都列上了（${allowed.join('、')}），怎么答都一样，${everyone}：只写办不了或不用办的那几个选项`))
  }
}

/** A 条件 at `at`: its 问题 is one of `options` (id → its options), and each 答案 one of that question's options. */
function checkCondition(
  item: Parsed<ItemFile>,
  at: (string | number)[],
  condition: { 问题: string; 答案: string | string[] },
  options: Map<string, string[]>,
  known: string,
  errors: SourceError[],
): void {
  const allowed = options.get(condition.问题)
  if (allowed === undefined) {
    errors.push(errorAt(item, [...at, '条件', '问题'], `没有编号为 "${condition.问题}" 的情形问题（${known}）`))
    return
  }
  const single = typeof condition.答案 === 'string'
  const answers = typeof condition.答案 === 'string' ? [condition.答案] : condition.答案
  answers.forEach((answer, j) => {
    if (allowed.includes(answer)) return
    const path = single ? [...at, '条件', '答案'] : [...at, '条件', '答案', j]
    errors.push(errorAt(item, path, `"${answer}" 不是问题 "${condition.问题}" 的选项（可选：${allowed.join('、')}）`))
  })
}

const servicePointRefs: Check = ({ items, points }) => {
  const ids = new Set(points.value.服务点.map((p) => p.编号))
  const errors: SourceError[] = []
  for (const item of items) {
    item.value.办理地点.forEach((place, i) => {
      if (place.服务点 !== undefined && !ids.has(place.服务点)) {
        errors.push(errorAt(item, ['办理地点', i, '服务点'], `服务点 "${place.服务点}" 不在 ${points.file} 里，请检查编号`))
      }
    })
  }
  return errors
}

const servicePointTree: Check = ({ points }) => {
  const errors: SourceError[] = []
  const byId = new Map<string, { tier: Tier; parent?: string }>()
  points.value.服务点.forEach((p, i) => {
    if (byId.has(p.编号)) errors.push(errorAt(points, ['服务点', i, '编号'], `服务点编号 "${p.编号}" 重复，每个服务点的编号要唯一`))
    else byId.set(p.编号, { tier: p.层级, parent: p.上级 })
  })
  points.value.服务点.forEach((p, i) => {
    if (p.上级 === undefined) return
    const at = ['服务点', i, '上级']
    const parent = byId.get(p.上级)
    if (parent === undefined) {
      errors.push(errorAt(points, at, `上级 "${p.上级}" 不是已有的服务点编号`))
    } else if (!PARENT_TIERS[p.层级].includes(parent.tier)) {
      const want = PARENT_TIERS[p.层级].join('或')
      errors.push(errorAt(points, at, `${p.层级}级服务点的上级应为${want}级服务点，"${p.上级}" 是${parent.tier}级`))
    } else if (inCycle(p.编号, byId)) {
      errors.push(errorAt(points, at, `上级关系绕成了圈（"${p.编号}" 最终又是自己的上级）`))
    }
  })
  return errors
}

function inCycle(start: string, byId: Map<string, { parent?: string }>): boolean {
  let id = byId.get(start)?.parent
  for (let steps = 0; id !== undefined && steps <= byId.size; steps++) {
    if (id === start) return true
    id = byId.get(id)?.parent
  }
  return false
}

const synonymVariants: Check = ({ synonyms }) => {
  const errors: SourceError[] = []
  const owner = new Map<string, string>()
  synonyms.value.同义词.forEach((entry, i) => {
    entry.说法.forEach((variant, j) => {
      const first = owner.get(variant)
      if (first === undefined) owner.set(variant, entry.标准词)
      else if (first !== entry.标准词) {
        errors.push(errorAt(synonyms, ['同义词', i, '说法', j], `说法 "${variant}" 已写在标准词 "${first}" 下，一个说法只能对应一个标准词`))
      }
    })
  })
  return errors
}

/** Every cross-file check, in the order their errors are listed. */
export const CHECKS: Check[] = [uniqueItemFields, questionsAndConditions, servicePointRefs, servicePointTree, synonymVariants]

/** Things that load but probably are not what the admin meant. */
export function catalogWarnings({ items, points }: CatalogSources): SourceError[] {
  const warnings: SourceError[] = []
  if (points.value.样例数据 === true) {
    warnings.push(errorAt(points, ['样例数据'], '这是样例数据，上线前请换成本县实际的服务点，并删掉这一行'))
  }
  for (const item of items) {
    const used = new Set(item.value.申请材料.map((m) => m.条件?.问题))
    // A question only 窗口提供 materials hang on is never asked: those are not asked about either.
    const asked = new Set(item.value.申请材料.filter((m) => m.窗口提供 !== true || m.提示 === true).map((m) => m.条件?.问题))
    const parents = new Set(item.value.情形问题.map((q) => q.条件?.问题))
    item.value.情形问题.forEach((q, i) => {
      if (!used.has(q.编号)) warnings.push(errorAt(item, ['情形问题', i, '编号'], `问题 "${q.编号}" 没有被任何材料的条件用到`))
      else if (!asked.has(q.编号) && !parents.has(q.编号)) {
        warnings.push(errorAt(item, ['情形问题', i, '编号'], `问题 "${q.编号}" 只决定"窗口提供"的材料，核对材料时不会问到`))
      }
    })
  }
  return warnings
}
