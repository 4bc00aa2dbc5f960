import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadCatalogDir } from '../../src/catalog/load.js'
import { formatSourceError } from '../../src/catalog/yaml-source.js'

const CATALOG = fileURLToPath(new URL('../../catalog', import.meta.url))

describe('the catalogue in ./catalog', () => {
  it('loads without errors', async () => {
    const result = await loadCatalogDir(CATALOG)
    // Compared as text so a failure lists every file:line to fix.
    expect(result.ok ? [] : result.errors.map(formatSourceError)).toEqual([])
    if (!result.ok) return
    expect(result.catalog.items.length).toBeGreaterThan(0)
    for (const item of result.catalog.items) {
      expect(item.file, item.id).toMatch(/^items\/[a-z0-9-]+\.yaml$/)
      expect(item.phrasings.length, item.id).toBeGreaterThanOrEqual(3)
    }
  })
})
