/** Loads the catalogue for a command, or prints its errors (in Chinese) and exits non-zero. */
import { resolve } from 'node:path'
import { loadCatalogDir } from '../catalog/load.js'
import { formatSourceError } from '../catalog/yaml-source.js'
import type { Catalog } from '../catalog/types.js'

export async function openCatalog(dir = process.env.CATALOG_DIR ?? 'catalog'): Promise<Catalog> {
  const loaded = await loadCatalogDir(resolve(dir))
  if (!loaded.ok) {
    for (const e of loaded.errors) process.stderr.write(formatSourceError(e) + '\n')
    process.stderr.write(`目录有 ${loaded.errors.length} 处错误，请先修正（npm run catalog:check）\n`)
    process.exit(1)
  }
  return loaded.catalog
}
