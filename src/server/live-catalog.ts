/**
 * The catalogue and its matcher as one pair that follows the reloader: when a new version loads, its matcher
 * is built and only then swapped in, so every message sees a catalogue and the matcher made from it, and the
 * previous pair keeps serving until the new one is complete (or for good, if building it fails).
 */
import type { CatalogReloader } from '../catalog/reloader.js'
import type { Catalog } from '../catalog/types.js'
import { buildMatcher, decide, type Matcher } from '../match/index.js'
import { rememberingMatcher } from '../match/remembered.js'
import type { Logger } from './logging.js'
import type { MatchOutcome } from './metrics.js'

export interface CatalogAndMatcher {
  catalog: Catalog
  matcher: Matcher
}

export interface LiveCatalog {
  current(): CatalogAndMatcher
  close(): void
}

export interface LiveCatalogOptions {
  reloader: Pick<CatalogReloader, 'current' | 'onChange'>
  logger: Logger
  /** Told the outcome of every lookup of a resident's text (for the match-outcome metric). */
  onMatch?: (outcome: MatchOutcome) => void
}

export function createLiveCatalog({ reloader, logger, onMatch }: LiveCatalogOptions): LiveCatalog {
  const build = (catalog: Catalog): CatalogAndMatcher => {
    const matcher = rememberingMatcher(buildMatcher(catalog))
    return { catalog, matcher: onMatch ? counting(matcher, onMatch) : matcher }
  }
  let pair = build(reloader.current())

  const unsubscribe = reloader.onChange((catalog) => {
    const started = performance.now()
    try {
      pair = build(catalog)
      logger.info({ version: catalog.version, ms: Math.round(performance.now() - started) }, '匹配索引已按新目录重建')
    } catch (err) {
      logger.error({ err, version: catalog.version }, `按新目录重建匹配索引失败，继续使用版本 ${pair.catalog.version}`)
    }
  })

  return {
    current: () => pair,
    close: unsubscribe,
  }
}

function counting(matcher: Matcher, onMatch: (outcome: MatchOutcome) => void): Matcher {
  return {
    match(question, limit) {
      const results = matcher.match(question, limit)
      onMatch(decide(results).kind)
      return results
    },
  }
}
