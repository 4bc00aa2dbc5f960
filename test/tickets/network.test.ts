import { describe, expect, it } from 'vitest'
import { formatSourceError } from '../../src/catalog/yaml-source.js'
import { loadCatalogDir } from '../../src/catalog/load.js'
import { readFileSync } from 'node:fs'
import { networkJsonSchemas } from '../../src/tickets/network-json-schema.js'
import { hashAgentToken, loadNetwork, validateNetwork } from '../../src/tickets/network-file.js'
import { POINTS } from './fixtures.js'

const agentYaml = (fields: Record<string, string>) =>
  ['  - 编号: a-1', ...Object.entries({ 姓名: '王五', 微信名: 'wx-a', 电话: '"13905390001"', 角色: '代办员', 服务点: 'town-a-v1', ...fields }).map(([k, v]) => `    ${k}: ${v}`)].join('\n')

function errorsOf(text: string): string[] {
  const r = validateNetwork('catalog/network.yaml', text, POINTS)
  return r.ok ? [] : r.errors.map(formatSourceError)
}

describe('validateNetwork(file, text, points)', () => {
  it('builds agents by point, WeChat name and id, with default settings', () => {
    const r = validateNetwork('catalog/network.yaml', `代办员:\n${agentYaml({})}\n`, POINTS)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.network.agentsByWechat.get('wx-a')?.pointId).toBe('town-a-v1')
    expect(r.network.settings).toEqual({ claimHours: 24, followUpDays: 5, ratingDays: 5 })
    expect(r.warnings.map(formatSourceError)[0]).toContain('county-center 服务点（county-center）没有督办人员')
  })

  it('names the line of an unknown service point', () => {
    expect(errorsOf(`代办员:\n${agentYaml({ 服务点: 'town-z-v9' })}\n`)).toEqual([
      'catalog/network.yaml:7 代办员[1].服务点：不认识的服务点编号 "town-z-v9"，请用 service-points.yaml 里的编号',
    ])
  })

  it('refuses a phone that is not an 11-digit mobile number', () => {
    expect(errorsOf(`代办员:\n${agentYaml({ 电话: '"0539-7211000"' })}\n`)).toEqual([
      'catalog/network.yaml:5 代办员[1].电话：应为 11 位手机号，如 13805391234，实际为 "0539-7211000"',
    ])
  })

  it('refuses a duplicate WeChat name, pointing at the second', () => {
    const second = agentYaml({}).replace('a-1', 'a-2')
    expect(errorsOf(`代办员:\n${agentYaml({})}\n${second}\n`)).toEqual([
      'catalog/network.yaml:10 代办员[2].微信名：微信名 "wx-a" 和第 1 名代办员重复',
    ])
  })

  it('refuses an unknown role and a misspelt key', () => {
    const errors = errorsOf(`代办员:\n${agentYaml({ 角色: '站长', 服务站: 'x' })}\n`)
    expect(errors).toContain('catalog/network.yaml:6 代办员[1].角色：应为 代办员 或 督办，实际为 "站长"')
    expect(errors.some((e) => e.includes('未知字段 "服务站"'))).toBe(true)
  })
})

describe('loadNetwork(dir, points) on the real catalog/', () => {
  it('loads the sample network and the holiday calendar without errors', async () => {
    const catalog = await loadCatalogDir('catalog')
    expect(catalog.ok).toBe(true)
    if (!catalog.ok) return
    const r = await loadNetwork('catalog', catalog.catalog.points)
    if (!r.ok) throw new Error(r.errors.map(formatSourceError).join('\n'))
    expect(r.network.agents.length).toBeGreaterThan(50)
    expect(r.calendar.holidays.has('2026-10-01')).toBe(true)
    // The sample token documented in network.yaml works for the county's first agent.
    expect(r.network.agents.find((a) => a.tokenHash === hashAgentToken('sample-token-county-1'))?.id).toBe('a-county-1')
  })

  it('says which file is missing', async () => {
    const r = await loadNetwork('test/fixtures', POINTS)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.map(formatSourceError)).toEqual([
      'test/fixtures/network.yaml 缺少文件：代办网络（代办员名单）',
      'test/fixtures/holidays.yaml 缺少文件：节假日安排',
    ])
  })
})

describe('networkJsonSchemas()', () => {
  it('matches catalog/schemas/network.schema.json (regenerate it when the schema changes)', () => {
    const network = networkJsonSchemas().find((s) => s.file === 'schemas/network.schema.json')
    expect(readFileSync('catalog/schemas/network.schema.json', 'utf8')).toBe(network?.text)
  })
})
