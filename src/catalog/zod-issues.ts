/**
 * Turns zod issues into short Chinese messages an admin can act on: what was expected and what the file says.
 * Schema-level messages (schema.ts) win; chineseDefaults() only fills in what a schema left unsaid.
 */
import type { z } from 'zod'

type Issue = z.core.$ZodIssue
type Path = (string | number)[]

/** One problem, placed at `path`; `key` means "point at this key of the map at path" (an unknown key). */
export interface IssueReport {
  path: Path
  message: string
  key?: string
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表（每项以 "- " 开头）',
  object: '字段表（"字段: 值" 的形式）',
  null: '空值',
}

/**
 * A per-parse zod error map giving Chinese defaults, and a test telling a default from a schema's own message
 * (a union reports every branch; the branch with a message written for admins explains best).
 */
export function chineseDefaults(): { map: z.core.$ZodErrorMap; isDefault(message: string): boolean } {
  const given = new Set<string>()
  const map: z.core.$ZodErrorMap = (issue) => {
    const message = defaultMessage(issue)
    given.add(message)
    return message
  }
  return { map, isDefault: (message) => given.has(message) }
}

function defaultMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`
    case 'too_small':
      if (issue.origin === 'array') return `至少要有 ${issue.minimum} 项`
      if (issue.origin === 'string') return issue.minimum === 1 ? '不能为空' : `至少 ${issue.minimum} 个字`
      return issue.inclusive ? `应不小于 ${issue.minimum}` : `应大于 ${issue.minimum}`
    case 'too_big':
      if (issue.origin === 'array') return `最多 ${issue.maximum} 项`
      if (issue.origin === 'string') return `最多 ${issue.maximum} 个字`
      return issue.inclusive ? `应不大于 ${issue.maximum}` : `应小于 ${issue.maximum}`
    case 'invalid_value':
      return issue.values.length === 1
        ? `应为 ${show(issue.values[0])}`
        : `应为 ${issue.values.map((v) => String(v)).join('、')} 之一`
    case 'invalid_format':
      return issue.format === 'url' ? '应为网址（http:// 或 https:// 开头）' : '格式不对'
    case 'not_multiple_of':
      return `应为 ${issue.divisor} 的倍数`
    default:
      return '内容不对'
  }
}

/** Reports for every issue; unions are resolved to their most telling branch, unknown keys give one report each. */
export function describeIssues(
  issues: readonly Issue[],
  data: unknown,
  schema: z.ZodType,
  isDefault: (message: string) => boolean,
  labels: Readonly<Record<string, string>> = {},
): IssueReport[] {
  const reports: IssueReport[] = []
  for (const raw of issues) {
    const issue = resolveUnion(raw, isDefault)
    const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol')
    const at = valueAt(data, path)
    const name = (key: string) => (labels[key] ? `"${key}"（${labels[key]}）` : `"${key}"`)

    if (!at.found && at.parentIsMap && path.length > 0) {
      const key = String(path[path.length - 1])
      reports.push({ path: path.slice(0, -1), message: `缺少必填字段 ${name(key)}` })
    } else if (issue.code === 'unrecognized_keys') {
      const present = isMap(at.value) ? Object.keys(at.value) : []
      const known = knownKeys(schema, path).filter((k) => !present.includes(k))
      for (const key of issue.keys) {
        const close = closest(key, known)
        const hint = close === undefined ? '' : `，是不是 ${name(close)}？`
        reports.push({ path, key, message: `未知字段 "${key}"${hint}` })
      }
    } else {
      reports.push({ path, message: issue.message + actual(issue, at.value) })
    }
  }
  return reports
}

/** A union fails in every branch: prefer a branch that got past the type check, then one with a written message. */
function resolveUnion(issue: Issue, isDefault: (m: string) => boolean): Issue {
  let current = issue
  while (current.code === 'invalid_union' && current.errors.length > 0) {
    const typeMismatch = (i: Issue) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value')
    const typed = current.errors.find((branch) => branch.length > 0 && !branch.some(typeMismatch))
    const all = current.errors.flat()
    const pick = typed?.[0] ?? all.find((i) => !isDefault(i.message)) ?? all[0]
    if (pick === undefined) break
    current = { ...pick, path: [...current.path, ...pick.path] } as Issue
  }
  return current
}

/** ", 实际为 …" where showing the value helps (not for a whole object or a refinement over several fields). */
function actual(issue: Issue, value: unknown): string {
  if (value === undefined) return ''
  if (value === null) return '，实际没有填写'
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        return `，实际为 ${show(value)}（要写成文字请加引号："${String(value)}"）`
      }
      return `，实际为 ${show(value)}`
    case 'invalid_value':
    case 'invalid_format':
    case 'not_multiple_of':
      return `，实际为 ${show(value)}`
    case 'too_small':
    case 'too_big':
      if (Array.isArray(value)) return `，实际${issue.code === 'too_small' ? '只' : ''}有 ${value.length} 项`
      return typeof value === 'number' ? `，实际为 ${value}` : ''
    default:
      return ''
  }
}

/** A value as the admin would recognise it in the file. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value)
  if (value === null || value === undefined) return '空值'
  if (Array.isArray(value)) return '列表'
  if (typeof value === 'object') return '字段表'
  return String(value)
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function valueAt(data: unknown, path: Path): { found: boolean; value: unknown; parentIsMap: boolean } {
  let value = data
  let parentIsMap = false
  for (const seg of path) {
    parentIsMap = isMap(value)
    if (isMap(value) && Object.hasOwn(value, seg)) value = value[seg]
    else if (Array.isArray(value) && typeof seg === 'number' && seg < value.length) value = value[seg]
    else return { found: false, value: undefined, parentIsMap }
  }
  return { found: true, value, parentIsMap }
}

/** The keys a (strict) object schema accepts at `path`, looking through optional/default/array wrappers. */
function knownKeys(schema: z.ZodType, path: Path): string[] {
  let node: z.core.$ZodType | undefined = unwrap(schema)
  for (const seg of path) {
    if (node === undefined) return []
    const def = node._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType }
    node = unwrap(typeof seg === 'number' ? def.element : def.shape?.[seg])
  }
  const shape = node && (node._zod.def as { shape?: Record<string, unknown> }).shape
  return shape ? Object.keys(shape) : []
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let node = schema
  for (;;) {
    const def = node?._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType } | undefined
    if (def?.innerType) node = def.innerType
    else if (def?.type === 'pipe') node = def.in
    else return node
  }
}

/** The known key within a typo's reach: one edit for short (Chinese) keys, two for longer ones. */
function closest(key: string, known: string[]): string | undefined {
  let best: { key: string; d: number } | undefined
  for (const k of known) {
    const d = editDistance(key, k)
    const reach = Math.max(key.length, k.length) <= 4 ? 1 : 2
    if (d <= reach && (best === undefined || d < best.d)) best = { key: k, d }
  }
  return best?.key
}

function editDistance(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const row = [i]
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost))
    }
    prev = row
  }
  return prev[y.length] ?? 0
}
