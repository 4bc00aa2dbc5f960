import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCatalogReloader, type CatalogReloader } from '../../src/catalog/reloader.js'
import { createLiveCatalog, type LiveCatalog } from '../../src/server/live-catalog.js'
import { createLogger } from '../../src/server/logging.js'
import type { MatchOutcome } from '../../src/server/metrics.js'
import { edit, SEAL, writeCatalog } from '../catalog/fixtures.js'

let dir: string | undefined
let reloader: CatalogReloader | undefined
let live: LiveCatalog | undefined
afterEach(async () => {
  live?.close()
  reloader?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
  dir = reloader = live = undefined
})

const logger = createLogger({ level: 'silent' })

describe('createLiveCatalog({ reloader })', () => {
  it('rebuilds the matcher when an edited catalogue loads, and swaps catalogue and matcher together', async () => {
    dir = await mkdtemp(join(tmpdir(), 'daiban-live-'))
    await writeCatalog(dir)
    reloader = await createCatalogReloader({ dir, intervalMs: 20 })
    const outcomes: MatchOutcome[] = []
    live = createLiveCatalog({ reloader, logger, onMatch: (o) => outcomes.push(o) })
    const before = live.current()
    expect(before.matcher.match('公章刻制备案')[0]?.item.name).not.toBe('公章刻制备案')

    await writeFile(join(dir, 'items', 'yin-zhang.yaml'), edit(SEAL, '事项名称: 印章管理', '事项名称: 公章刻制备案'))
    await vi.waitFor(() => expect(live!.current()).not.toBe(before), { timeout: 5_000, interval: 20 })

    const { catalog, matcher } = live.current()
    const [best] = matcher.match('公章刻制备案')
    expect(best?.item.name).toBe('公章刻制备案')
    // The matcher's items are the catalogue's own: a message never mixes two versions.
    expect(best?.item).toBe(catalog.byId.get(best!.item.id))
    expect(outcomes.length).toBeGreaterThanOrEqual(2)
  })

  it('keeps the last good pair when an edit is invalid', async () => {
    dir = await mkdtemp(join(tmpdir(), 'daiban-live-'))
    await writeCatalog(dir)
    reloader = await createCatalogReloader({ dir, intervalMs: 20 })
    live = createLiveCatalog({ reloader, logger })
    const before = live.current()

    await writeFile(join(dir, 'items', 'yin-zhang.yaml'), edit(SEAL, '收费: 不收费', '收费:'))
    await vi.waitFor(() => expect(reloader!.status().lastErrors.length).toBeGreaterThan(0), { timeout: 5_000, interval: 20 })
    expect(live.current()).toBe(before)
    expect(live.current().matcher.match('印章管理')[0]?.item.name).toBe('印章管理')
  })
})
