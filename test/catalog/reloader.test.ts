import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCatalogReloader, type CatalogLogger, type CatalogReloader } from '../../src/catalog/reloader.js'
import { formatSourceError } from '../../src/catalog/yaml-source.js'
import { catalogFiles, edit, lineOf, SEAL, writeCatalog } from './fixtures.js'

let dir: string
let reloader: CatalogReloader | undefined
const logs: { level: string; msg: string; obj: object }[] = []
const logger: CatalogLogger = {
  info: (obj, msg) => logs.push({ level: 'info', obj, msg }),
  warn: (obj, msg) => logs.push({ level: 'warn', obj, msg }),
  error: (obj, msg) => logs.push({ level: 'error', obj, msg }),
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'daiban-catalog-'))
  await writeCatalog(dir)
  logs.length = 0
})

afterEach(async () => {
  reloader?.close()
  reloader = undefined
  await rm(dir, { recursive: true, force: true })
})

/** Saves the way many editors do: write a temporary file, then rename it over the original. */
async function saveByRename(path: string, text: string): Promise<void> {
  await writeFile(`${path}.tmp~`, text)
  await rename(`${path}.tmp~`, path)
}

const sealPath = () => join(dir, 'items', 'yin-zhang.yaml')
const sealName = () => reloader?.current().byId.get('T-002')?.name
const waitFor = (check: () => void) => vi.waitFor(check, { timeout: 5000, interval: 20 })

describe('createCatalogReloader({ dir, intervalMs, logger })', () => {
  it('refuses to start on an invalid catalogue and lists every error', async () => {
    await writeCatalog(dir, catalogFiles({ 'catalog/items/yin-zhang.yaml': edit(SEAL, '收费: 不收费', '收费:') }))
    await expect(createCatalogReloader({ dir })).rejects.toThrow(
      `目录 ${dir} 有 1 处错误，无法启动：\n${sealPath()}:${lineOf(SEAL, '收费')} 收费：应为文字（收费（不收费也要写"不收费"）），实际没有填写`,
    )
  })

  it('picks up a good edit, serves the last good catalogue through a bad one, then recovers', async () => {
    reloader = await createCatalogReloader({ dir, intervalMs: 20, logger })
    const versions: string[] = []
    reloader.onChange((catalog) => {
      versions.push(catalog.version)
    })

    await saveByRename(sealPath(), edit(SEAL, '事项名称: 印章管理', '事项名称: 印章刻制'))
    await waitFor(() => expect(sealName()).toBe('印章刻制'))
    const good = reloader.current().version
    expect(versions).toEqual([good])

    const bad = edit(SEAL, '承诺时限: 即办', '承诺时限: 马上')
    await saveByRename(sealPath(), bad)
    await waitFor(() => expect(reloader?.status().lastErrors).toHaveLength(1))
    const status = reloader.status()
    expect(status.lastErrors.map(formatSourceError)).toEqual([
      `${sealPath()}:${lineOf(bad, '承诺时限')} 承诺时限：应为工作日天数（整数）、自然日天数（如"60日"）、"即办"或"以窗口为准"，实际为 "马上"`,
    ])
    expect(status.lastErrorAt).toBeInstanceOf(Date)
    expect(status.version).toBe(good)
    expect(reloader.current().version).toBe(good)
    expect(logs.filter((l) => l.level === 'warn').map((l) => l.msg)).toEqual([`目录有 1 处错误，继续使用版本 ${good}`])

    // The bad edit undone: the log says so, though nothing changed.
    await saveByRename(sealPath(), edit(SEAL, '事项名称: 印章管理', '事项名称: 印章刻制'))
    await waitFor(() => expect(reloader?.status().lastErrors).toHaveLength(0))
    expect(logs.at(-1)).toMatchObject({ level: 'info', msg: `目录错误已改好，继续使用版本 ${good}` })
    expect(versions).toEqual([good])

    await saveByRename(sealPath(), edit(SEAL, '事项名称: 印章管理', '事项名称: 印章备案'))
    await waitFor(() => expect(sealName()).toBe('印章备案'))
    expect(reloader.status()).toMatchObject({ lastErrors: [], itemCount: 2, version: reloader.current().version })
    expect(versions).toHaveLength(2)
  })

  it('reload() reports errors at once and does not notify for unchanged content', async () => {
    reloader = await createCatalogReloader({ dir, intervalMs: 60_000 })
    const listener = vi.fn()
    const unsubscribe = reloader.onChange(listener)
    expect(await reloader.reload()).toEqual({ ok: true, errors: [] })
    expect(listener).not.toHaveBeenCalled()

    await writeFile(sealPath(), edit(SEAL, '收费: 不收费', '收费: 按规定收费'))
    expect(await reloader.reload()).toEqual({ ok: true, errors: [] })
    expect(listener).toHaveBeenCalledTimes(1)

    unsubscribe()
    await writeFile(sealPath(), 'not: [valid')
    const result = await reloader.reload()
    expect(result.ok).toBe(false)
    expect(result.errors[0]?.message).toMatch(/^YAML 格式错误/)
    expect(reloader.current().byId.get('T-002')?.fee).toBe('按规定收费')
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('logs a failing listener without stopping the others', async () => {
    reloader = await createCatalogReloader({ dir, intervalMs: 60_000, logger })
    const after = vi.fn()
    reloader.onChange(() => {
      throw new Error('boom')
    })
    reloader.onChange(async () => {
      throw new Error('async boom')
    })
    reloader.onChange(after)
    await writeFile(sealPath(), edit(SEAL, '收费: 不收费', '收费: 工本费 10 元'))
    await reloader.reload()
    expect(after).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(logs.filter((l) => l.level === 'error')).toHaveLength(2))
  })

  it('keeps serving when the whole directory disappears', async () => {
    reloader = await createCatalogReloader({ dir, intervalMs: 20, logger })
    const version = reloader.current().version
    await rm(dir, { recursive: true, force: true })
    await waitFor(() => expect(reloader?.status().lastErrors.map(formatSourceError)).toEqual([`${dir} 目录不存在或无法读取`]))
    expect(reloader.current().version).toBe(version)
  })
})
