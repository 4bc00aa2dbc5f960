/**
 * catalog/network.yaml: the agents serving each service point (the catalogue's points are the network's nodes)
 * and the time settings, checked like the catalogue: every error names file, line and field.
 * loadNetwork also reads catalog/holidays.yaml, since the time limits need both.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { ServicePoint } from '../catalog/types.js'
import { parseYamlWithSchema, renderPath, type SourceError } from '../catalog/yaml-source.js'
import type { HolidayCalendar } from './calendar.js'
import { validateHolidays } from './holidays-file.js'
import type { Agent, Network, NetworkSettings } from './types.js'

const text = (what: string) =>
  z.string({ error: `应为文字（${what}）` }).trim().min(1, { error: `不能为空（${what}）` })

export const AgentSchema = z.strictObject({
  编号: z.string({ error: '应为文字（编号）' }).regex(/^[a-z0-9-]+$/, { error: '编号只能用小写字母、数字和 -' }),
  姓名: text('姓名'),
  微信名: text('微信名'),
  电话: z
    .string({ error: '手机号要写成文字，加引号，如 "13805391234"' })
    .regex(/^1[3-9]\d{9}$/, { error: '应为 11 位手机号，如 13805391234' }),
  角色: z.enum(['代办员', '督办'], { error: '应为 代办员 或 督办' }),
  服务点: text('服务点编号（见 service-points.yaml）'),
  令牌哈希: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: '应为令牌的 SHA-256（64 位小写十六进制）' })
    .optional(),
  备注: text('备注').optional(),
})

export const NetworkFileSchema = z.strictObject({
  样例数据: z.boolean().optional(),
  设置: z
    .strictObject({
      领办时限小时: z.number({ error: '应为小时数' }).positive({ error: '应大于 0' }).max(24 * 30).default(24),
      回访时限工作日: z.number().int({ error: '应为整数个工作日' }).min(1).max(30).default(5),
      评价时限工作日: z.number().int({ error: '应为整数个工作日' }).min(1).max(30).default(5),
    })
    .default({ 领办时限小时: 24, 回访时限工作日: 5, 评价时限工作日: 5 }),
  代办员: z.array(AgentSchema).min(1, { error: '至少要有一名代办员' }),
})
export type NetworkFile = z.output<typeof NetworkFileSchema>

export type NetworkResult =
  | { ok: true; network: Network; warnings: SourceError[] }
  | { ok: false; errors: SourceError[] }

/** Checks network.yaml's text against the catalogue's service points and builds the network. */
export function validateNetwork(file: string, source: string, points: ReadonlyMap<string, ServicePoint>): NetworkResult {
  const parsed = parseYamlWithSchema(file, source, NetworkFileSchema)
  if (!parsed.ok) return parsed
  const { value, locate } = parsed
  const errors: SourceError[] = []
  const at = (path: (string | number)[], message: string): SourceError => {
    const { line, column } = locate(path)
    return { file, line, column, path: renderPath(path), message }
  }
  const seen = { id: new Map<string, number>(), wechat: new Map<string, number>(), token: new Map<string, number>() }
  value.代办员.forEach((a, i) => {
    if (!points.has(a.服务点)) errors.push(at(['代办员', i, '服务点'], `不认识的服务点编号 "${a.服务点}"，请用 service-points.yaml 里的编号`))
    const dup = (kind: keyof typeof seen, key: string, field: string, what: string) => {
      const first = seen[kind].get(key)
      if (first !== undefined) errors.push(at(['代办员', i, field], `${what} "${key}" 和第 ${first + 1} 名代办员重复`))
      else seen[kind].set(key, i)
    }
    dup('id', a.编号, '编号', '编号')
    dup('wechat', a.微信名, '微信名', '微信名')
    if (a.令牌哈希 !== undefined) dup('token', a.令牌哈希, '令牌哈希', '令牌')
  })
  if (errors.length > 0) return { ok: false, errors }

  const agents: Agent[] = value.代办员.map((a) => ({
    id: a.编号,
    name: a.姓名,
    wechat: a.微信名,
    phone: a.电话,
    role: a.角色,
    pointId: a.服务点,
    ...(a.令牌哈希 !== undefined && { tokenHash: a.令牌哈希 }),
  }))
  const settings: NetworkSettings = {
    claimHours: value.设置.领办时限小时,
    followUpDays: value.设置.回访时限工作日,
    ratingDays: value.设置.评价时限工作日,
  }
  const network = buildNetwork(points, agents, settings)
  const warnings: SourceError[] = []
  const roots = [...points.values()].filter((p) => p.parentId === undefined)
  for (const root of roots) {
    if (!(network.agentsByPoint.get(root.id) ?? []).some((a) => a.role === '督办')) {
      warnings.push(at(['代办员'], `${root.name}（${root.id}）没有督办人员，超时无人领办的工单将无人督办`))
    }
  }
  return { ok: true, network, warnings }
}

/** The network with its lookup tables. */
export function buildNetwork(
  points: ReadonlyMap<string, ServicePoint>,
  agents: readonly Agent[],
  settings: NetworkSettings = { claimHours: 24, followUpDays: 5, ratingDays: 5 },
): Network {
  const agentsByPoint = new Map<string, Agent[]>()
  for (const a of agents) agentsByPoint.set(a.pointId, [...(agentsByPoint.get(a.pointId) ?? []), a])
  return {
    points,
    agents,
    agentsById: new Map(agents.map((a) => [a.id, a])),
    agentsByWechat: new Map(agents.map((a) => [a.wechat, a])),
    agentsByPoint,
    settings,
  }
}

/** The sha256 (hex) to write as 令牌哈希 for an agent's HTTP API token. */
export function hashAgentToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

export type NetworkLoadResult =
  | {
      ok: true
      network: Network
      calendar: HolidayCalendar
      warnings: SourceError[]
      /** Changes when either file's text does (the service points are not part of it). */
      version: string
    }
  | { ok: false; errors: SourceError[] }

/**
 * Reads `dir`/network.yaml and `dir`/holidays.yaml and checks both (for `npm run catalog:check` and the server).
 * `today` (YYYY-MM-DD) adds a warning when the holidays do not cover the years due dates fall in.
 */
export async function loadNetwork(dir: string, points: ReadonlyMap<string, ServicePoint>, today?: string): Promise<NetworkLoadResult> {
  const read = async (name: string): Promise<{ path: string; text?: string }> => {
    const path = join(dir, name)
    return readFile(path, 'utf8').then((text) => ({ path, text }), () => ({ path }))
  }
  const [net, hol] = await Promise.all([read('network.yaml'), read('holidays.yaml')])
  const errors: SourceError[] = []
  const missing = (path: string, what: string): SourceError => ({ file: path, line: 0, column: 0, path: '', message: `缺少文件：${what}` })
  if (net.text === undefined) errors.push(missing(net.path, '代办网络（代办员名单）'))
  if (hol.text === undefined) errors.push(missing(hol.path, '节假日安排'))
  const network = net.text === undefined ? undefined : validateNetwork(net.path, net.text, points)
  const holidays = hol.text === undefined ? undefined : validateHolidays(hol.path, hol.text, today)
  if (network && !network.ok) errors.push(...network.errors)
  if (holidays && !holidays.ok) errors.push(...holidays.errors)
  if (errors.length > 0 || !network?.ok || !holidays?.ok) return { ok: false, errors }
  const version = createHash('sha256').update(net.text ?? '').update('\0').update(hol.text ?? '').digest('hex').slice(0, 16)
  return { ok: true, network: network.network, calendar: holidays.calendar, warnings: [...network.warnings, ...holidays.warnings], version }
}
