/**
 * Builds the catalogue from its YAML files: each file against its schema, then the cross-file checks,
 * then conversion to the English domain types. Every error of every file is collected, so an admin fixes
 * them all in one round. loadCatalogFromFiles is pure; loadCatalogDir is the file-system adapter.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, posix } from 'node:path'
import type { z } from 'zod'
import { CHECKS, catalogWarnings, type CatalogSources, type Parsed } from './checks.js'
import { ItemSchema, MatchWordsFileSchema, ServicePointsFileSchema, SynonymsFileSchema, type ItemFile } from './schema.js'
import { ASK_WINDOW, type Catalog, type CatalogItem, type Condition, type ServicePoint, type TimeLimit } from './types.js'
import { formatSourceError, parseYamlWithSchema, type SourceError } from './yaml-source.js'

export interface CatalogFile {
  /** As it should appear in messages (e.g. relative to the working directory). */
  path: string
  text: string
}

export type CatalogLoadResult = { ok: true; catalog: Catalog; warnings: string[] } | { ok: false; errors: SourceError[] }

/**
 * The files at the catalogue root that make up the Catalog. Another such file is one more entry here, a field in
 * CatalogSources, its checks in checks.ts and its conversion in toCatalog. Files with a loader of their own are
 * listed in CHECKED_ELSEWHERE instead, and catalog:check runs that loader after this one.
 */
const ROOT_FILES = {
  points: { name: 'service-points.yaml', schema: ServicePointsFileSchema, what: '服务点清单' },
  synonyms: { name: 'synonyms.yaml', schema: SynonymsFileSchema, what: '同义词表' },
  words: { name: 'match-words.yaml', schema: MatchWordsFileSchema, what: '虚词和泛词表' },
} as const
type RootKey = keyof typeof ROOT_FILES

/** Root files with their own loader, checked against the catalogue's service points (src/tickets/network-file.ts). */
const CHECKED_ELSEWHERE = new Set(['network.yaml', 'holidays.yaml'])

const ITEM_FILE = /(?:^|\/)(items\/[^/]+\.ya?ml)$/

/** Validates and converts a whole catalogue given as file texts (paths end in items/x.yaml or a root file name). */
export function loadCatalogFromFiles(files: CatalogFile[]): CatalogLoadResult {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const errors: SourceError[] = []
  const warnings: SourceError[] = []
  const used: { name: string; text: string }[] = []
  const items: Parsed<ItemFile>[] = []
  const roots: Partial<Record<RootKey, Parsed<unknown>>> = {}
  let root: string | undefined

  for (const file of sorted) {
    const normalized = file.path.replaceAll('\\', '/')
    const itemName = ITEM_FILE.exec(normalized)?.[1]
    const rootKey = itemName ? undefined : rootKeyOf(posix.basename(normalized))
    if (itemName === undefined && rootKey === undefined) {
      if (CHECKED_ELSEWHERE.has(posix.basename(normalized))) continue
      warnings.push({ file: file.path, line: 0, column: 0, path: '', message: '不是目录里认识的文件，已忽略' })
      continue
    }
    root ??= itemName ? normalized.slice(0, -itemName.length) : normalized.slice(0, -posix.basename(normalized).length)
    used.push({ name: itemName ?? posix.basename(normalized), text: file.text })
    const schema: z.ZodType = itemName ? ItemSchema : ROOT_FILES[rootKey as RootKey].schema
    const parsed = parseYamlWithSchema(file.path, file.text, schema)
    if (!parsed.ok) errors.push(...parsed.errors)
    else if (itemName) items.push({ file: file.path, value: parsed.value as ItemFile, locate: parsed.locate })
    else roots[rootKey as RootKey] = { file: file.path, value: parsed.value, locate: parsed.locate }
  }

  const present = new Set(used.map((u) => u.name))
  for (const [, spec] of Object.entries(ROOT_FILES)) {
    if (!present.has(spec.name)) errors.push(missing(`${root ?? ''}${spec.name}`, `缺少文件：${spec.what}，请建好 ${spec.name}`))
  }
  if (!used.some((u) => u.name.startsWith('items/'))) errors.push(missing(`${root ?? ''}items/`, '没有事项文件，请在 items/ 里至少放一个'))

  // Cross-file checks run over the files that passed their schema, so one broken item does not hide
  // another's mistakes; without the root files there is nothing to check references against.
  if (!roots.points || !roots.synonyms || !roots.words) return { ok: false, errors }
  const sources = { items, points: roots.points, synonyms: roots.synonyms, words: roots.words } as CatalogSources
  for (const check of CHECKS) errors.push(...check(sources))
  if (errors.length > 0) return { ok: false, errors }

  warnings.push(...catalogWarnings(sources))
  return { ok: true, catalog: toCatalog(sources, versionOf(used)), warnings: warnings.map(formatSourceError) }
}

function rootKeyOf(name: string): RootKey | undefined {
  return (Object.keys(ROOT_FILES) as RootKey[]).find((k) => ROOT_FILES[k].name === name)
}

function missing(file: string, message: string): SourceError {
  return { file, line: 0, column: 0, path: '', message }
}

/** Same files, same version: lets a reload skip rebuilding when an editor only touched a file. */
function versionOf(files: { name: string; text: string }[]): string {
  const hash = createHash('sha256')
  for (const f of files) hash.update(f.name).update('\0').update(f.text).update('\0')
  return hash.digest('hex').slice(0, 16)
}

function toCatalog(s: CatalogSources, version: string): Catalog {
  const items = s.items.map((p) => toItem(p.value, ITEM_FILE.exec(p.file.replaceAll('\\', '/'))?.[1] ?? p.file))
  const points = new Map<string, ServicePoint>()
  for (const p of s.points.value.服务点) {
    points.set(p.编号, {
      id: p.编号,
      name: p.名称,
      tier: p.层级,
      ...(p.上级 !== undefined && { parentId: p.上级 }),
      address: p.地址,
      hours: p.办公时间,
      phone: p.电话,
    })
  }
  return {
    items,
    byId: new Map(items.map((i) => [i.id, i])),
    points,
    synonyms: s.synonyms.value.同义词.map((e) => ({ canonical: e.标准词, variants: e.说法 })),
    words: { fillers: s.words.value.虚词, generic: s.words.value.泛词, outside: s.words.value.目录外, actions: s.words.value.目录外动作, reissue: s.words.value.补办, asking: s.words.value.请求字, lookalikes: s.words.value.形近字, askers: s.words.value.身份词 },
    version,
  }
}

/** 即办 → 0 working days, 60日 → 60 calendar days, 以窗口为准 → ask the window. */
function days(limit: string | number): TimeLimit {
  if (typeof limit === 'number') return limit
  if (limit === '即办') return 0
  if (limit === '以窗口为准') return ASK_WINDOW
  return { calendarDays: Number.parseInt(limit, 10) }
}

function condition(c: { 问题: string; 答案: string | string[] }): Condition {
  return { questionId: c.问题, answers: typeof c.答案 === 'string' ? [c.答案] : c.答案 }
}

function toItem(f: ItemFile, file: string): CatalogItem {
  return {
    id: f.事项编码,
    name: f.事项名称,
    department: f.实施主体,
    type: f.事项类型,
    tiers: f.办理层级,
    conditions: f.受理条件,
    questions: f.情形问题.map((q) => ({
      id: q.编号,
      prompt: q.提问,
      ...(q.长者提问 !== undefined && { elderPrompt: q.长者提问 }),
      ...(q.解释 !== undefined && { explain: q.解释 }),
      options: q.选项 ?? ['是', '否'],
      words: q.说法 ?? {},
      ...(q.条件 && { condition: condition(q.条件) }),
      ...(q.收费 && { fees: q.收费 }),
    })),
    materials: f.申请材料.map((m) => ({
      name: m.名称,
      form: m.形式,
      copies: m.份数,
      unit: m.单位,
      requirement: m.要求,
      ...(m.条件 && {
        condition: condition(m.条件),
      }),
      ...(m.缺少时 !== undefined && { whereToGet: m.缺少时 }),
      ...(m.备注 !== undefined && { note: m.备注 }),
      ...(m.解释 !== undefined && { explain: m.解释 }),
      ...(m.窗口提供 === true && { atWindow: true }),
      ...(m.提示 === true && { notice: true }),
      ...(m.结论 !== undefined && { conclusion: m.结论 }),
    })),
    steps: f.办理流程,
    ...(f.法定时限 !== undefined && { legalLimitDays: days(f.法定时限) }),
    promisedLimitDays: days(f.承诺时限),
    fee: f.收费,
    ...(f.待遇标准 !== undefined && { benefitStandard: typeof f.待遇标准 === 'string' ? [f.待遇标准] : f.待遇标准 }),
    places: f.办理地点.map((p) => ({
      ...(p.服务点 !== undefined && { pointId: p.服务点 }),
      ...(p.层级 !== undefined && { tier: p.层级 }),
      ...(p.名称 !== undefined && { name: p.名称 }),
      ...(p.窗口 !== undefined && { window: p.窗口 }),
      ...(p.说明 !== undefined && { note: p.说明 }),
    })),
    ...(f.网上办理 && { online: { ...(f.网上办理.网址 !== undefined && { url: f.网上办理.网址 }), note: f.网上办理.说明 } }),
    visits: f.到现场次数,
    proxy: {
      allowed: f.帮办代办.可代办,
      kinds: f.帮办代办.方式,
      ...(f.帮办代办.说明 !== undefined && { note: f.帮办代办.说明 }),
    },
    mail: f.可邮寄,
    consultPhone: f.咨询电话,
    complaintPhone: f.投诉电话,
    legalBasis: f.设定依据,
    phrasings: f.常见问法,
    keywords: f.关键词,
    ...(f.不适用.length > 0 && { notFor: f.不适用 }),
    sources: f.来源,
    ...(f.备注 !== undefined && { note: f.备注 }),
    file,
  }
}

/** Paths of the catalogue's YAML files under `dir` (root files and items/), skipping editors' hidden temp files. */
export async function catalogFilePaths(dir: string): Promise<string[]> {
  const yaml = (names: string[]) => names.filter((n) => /^[^.#~].*\.ya?ml$/.test(n)).sort()
  const rootNames = yaml(await readdir(dir))
  const itemNames = yaml(await readdir(join(dir, 'items')).catch(() => []))
  return [...rootNames.map((n) => join(dir, n)), ...itemNames.map((n) => join(dir, 'items', n))]
}

/** Reads and loads the catalogue in `dir`; paths in messages start with `dir` as given. */
export async function loadCatalogDir(dir: string): Promise<CatalogLoadResult> {
  let paths: string[]
  try {
    paths = await catalogFilePaths(dir)
  } catch {
    return { ok: false, errors: [missing(dir, '目录不存在或无法读取')] }
  }
  const files: CatalogFile[] = []
  const errors: SourceError[] = []
  for (const path of paths) {
    try {
      files.push({ path, text: await readFile(path, 'utf8') })
    } catch {
      // Deleted between listing and reading (an editor saving by rename): the next reload sees the new file.
      errors.push(missing(path, '文件读取失败，请重试'))
    }
  }
  if (errors.length > 0) return { ok: false, errors }
  return loadCatalogFromFiles(files)
}
