/**
 * Editor schemas for network.yaml and holidays.yaml, generated from the zod schemas so they never drift
 * (the same way as src/catalog/json-schema.ts does for the catalogue).
 */
import { z } from 'zod'
import { HolidaysFileSchema } from './holidays-file.js'
import { NetworkFileSchema } from './network-file.js'

const NETWORK_FIELDS: Record<string, string> = {
  样例数据: '还是样例数据时写 true，换成本县实际代办员后删掉',
  设置: '时限设置',
  领办时限小时: '派单后多少小时无人接单就转上一级并通知督办，默认 24',
  回访时限工作日: '差评回访要在多少个工作日内完成，默认 5',
  评价时限工作日: '办结后居民可以评价的工作日数，默认 5',
  代办员: '代办员和督办人员名单，一人一项',
  编号: '人员编号，小写字母、数字和 -，全表唯一',
  姓名: '姓名',
  微信名: '微信号或备注名，机器人靠它认出代办员，全表唯一',
  电话: '11 位手机号，加引号，如 "13805391234"',
  角色: '代办员（接单办理）或 督办（超时督办、差评回访）',
  服务点: '所在服务点编号，见 service-points.yaml',
  令牌哈希: '接口令牌的 SHA-256（64 位小写十六进制）；不写明文令牌',
  备注: '备注',
}

const HOLIDAY_FIELDS: Record<string, string> = {
  覆盖年份: '本文件已写全放假安排的年份',
  放假: '法定节假日（含连休），按国务院办公厅通知填写',
  名称: '节日名称',
  从: '第一天，如 2026-10-01',
  到: '最后一天（含），如 2026-10-07',
  调休上班: '调休上班的周末日期',
  日期: '日期，如 2026-10-10',
}

const FILES = [
  { file: 'schemas/network.schema.json', schema: NetworkFileSchema, title: '代办网络（代办员名单）', fields: NETWORK_FIELDS },
  { file: 'schemas/holidays.schema.json', schema: HolidaysFileSchema, title: '节假日安排', fields: HOLIDAY_FIELDS },
]

/** Each editor schema with its path relative to the catalogue root, as the text to write. */
export function networkJsonSchemas(): { file: string; text: string }[] {
  return FILES.map(({ file, schema, title, fields }) => {
    const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>
    return { file, text: `${JSON.stringify(describe({ $schema: json.$schema, title, ...json }, fields), null, 2)}\n` }
  })
}

function describe(node: unknown, fields: Record<string, string>): unknown {
  if (Array.isArray(node)) return node.map((n) => describe(n, fields))
  if (typeof node !== 'object' || node === null) return node
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'maximum' || key === 'minimum') && Math.abs(Number(value)) === Number.MAX_SAFE_INTEGER) continue
    out[key] = describe(value, fields)
  }
  const properties = out.properties as Record<string, Record<string, unknown>> | undefined
  for (const [key, property] of Object.entries(properties ?? {})) {
    const description = fields[key]
    if (description !== undefined && property.description === undefined) properties![key] = { description, ...property }
  }
  return out
}
