import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { catalogJsonSchemas } from '../../src/catalog/json-schema.js'
import { networkJsonSchemas } from '../../src/tickets/network-json-schema.js'

const CATALOG = fileURLToPath(new URL('../../catalog', import.meta.url))

describe('catalogJsonSchemas()', () => {
  it('matches the committed editor schemas', async () => {
    for (const { file, text } of [...catalogJsonSchemas(), ...networkJsonSchemas()]) {
      const committed = await readFile(join(CATALOG, file), 'utf8').catch(() => '(missing)')
      expect(committed, `catalog/${file} is out of date with src/catalog/schema.ts: run npm run catalog:schema`).toBe(text)
    }
  })

  it('describes fields for the editor and lists what may be written', () => {
    const items = JSON.parse(catalogJsonSchemas()[0]?.text ?? '{}')
    expect(items.title).toBe('政务服务事项（catalog/items/*.yaml）')
    expect(items.properties.收费.description).toBe('收费标准；不收费也要写 "不收费"')
    expect(items.required).toContain('收费')
    // io: 'input': fields with defaults may be left out.
    expect(items.required).not.toContain('情形问题')
    expect(items.additionalProperties).toBe(false)
    // 待遇标准: optional, one line or a short list of lines.
    expect(items.properties.待遇标准.description).toMatch(/^能领多少：/)
    expect(items.required).not.toContain('待遇标准')
    expect(items.properties.待遇标准.anyOf.map((a: { type: string }) => a.type)).toEqual(['string', 'array'])
  })

  it('is named on the first line of every catalogue file', async () => {
    const expected: Record<string, string> = {
      'service-points.yaml': './schemas/service-points.schema.json',
      'synonyms.yaml': './schemas/synonyms.schema.json',
      'match-words.yaml': './schemas/match-words.schema.json',
      'network.yaml': './schemas/network.schema.json',
      'holidays.yaml': './schemas/holidays.schema.json',
    }
    const items = (await readdir(join(CATALOG, 'items'))).filter((f) => f.endsWith('.yaml'))
    for (const f of items) expected[`items/${f}`] = '../schema.json'
    for (const [file, schema] of Object.entries(expected)) {
      const firstLine = (await readFile(join(CATALOG, file), 'utf8')).split('\n')[0]
      expect(firstLine, file).toBe(`# yaml-language-server: $schema=${schema}`)
    }
  })
})
