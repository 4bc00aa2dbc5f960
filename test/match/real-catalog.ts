/** The real catalogue and its matcher, loaded once per test file that needs them. */
import { loadCatalogDir } from '../../src/catalog/load.js'
import type { Catalog } from '../../src/catalog/types.js'
import { buildMatcher, type Matcher } from '../../src/match/index.js'

export async function realCatalog(): Promise<{ catalog: Catalog; matcher: Matcher; top: (q: string) => string | undefined }> {
  const loaded = await loadCatalogDir('catalog')
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'))
  const matcher = buildMatcher(loaded.catalog)
  return { catalog: loaded.catalog, matcher, top: (q) => matcher.match(q)[0]?.item.name }
}
