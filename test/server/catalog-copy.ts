/** A server composed over a throwaway copy of the real catalogue folder, which a test may edit. */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../src/config/load.js'
import { composeServer, type ComposedServer } from '../../src/server/compose.js'
import type { Logger } from '../../src/server/logging.js'
import { serve, type Served } from './http.js'

export interface CopiedCatalogServer {
  dir: string
  composed: ComposedServer
  served: Served
  close(): Promise<void>
}

/** `prepare` may edit the copy before the server reads it. */
export async function serveCatalogCopy(
  env: Record<string, string>,
  logger: Logger,
  prepare?: (dir: string) => Promise<void>,
): Promise<CopiedCatalogServer> {
  const dir = await mkdtemp(join(tmpdir(), 'daiban-catalog-copy-'))
  await cp('catalog', dir, { recursive: true })
  await prepare?.(dir)
  const result = loadConfig({ ...env, CATALOG_DIR: dir })
  if (!result.ok) throw new Error(result.errors.join('\n'))
  const composed = await composeServer(result.config, logger)
  const served = await serve(composed.app)
  return {
    dir,
    composed,
    served,
    async close() {
      await served.close()
      await composed.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
