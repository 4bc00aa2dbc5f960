import { execFile } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadCatalogDir } from '../../src/catalog/load.js'
import { edit, lineOf } from './fixtures.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const ITEM = 'items/zui-di-sheng-huo-bao-zhang.yaml'
let dir: string

// A copy of the real catalogue, so network.yaml and holidays.yaml are there to be checked too.
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'daiban-check-'))
  await cp(join(ROOT, 'catalog'), dir, { recursive: true })
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A file as the checker names it: relative to where it runs when inside it, else its whole path (not ../../tmp/…). */
const shown = (file: string) => (relative(ROOT, file).startsWith('..') ? file : relative(ROOT, file))

/**
 * Runs `npm run catalog:check <dir>` the way an admin would (through tsx, from the repository root); with `env`
 * and no folder named, the checker finds the folder as the server does.
 */
async function check(env?: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const args = ['--import', 'tsx', 'src/cli/catalog-check.ts', ...(env ? [] : [dir])]
    const { stdout, stderr } = await promisify(execFile)('node', args, { cwd: ROOT, ...(env && { env: { ...process.env, ...env } }) })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('npm run catalog:check [dir]', () => {
  it('prints a one-line summary and exits 0 for a valid catalogue', async () => {
    const loaded = await loadCatalogDir(dir)
    const counts = loaded.ok ? `${loaded.catalog.items.length} 个事项，${loaded.catalog.points.size} 个服务点` : '(invalid)'
    const result = await check()
    expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 0, stdout: `目录检查通过：${counts}\n` })
  })

  it('prints every error as file:line (relative to the working directory when inside it), and exits 1', async () => {
    const item = edit(await readFile(join(dir, ITEM), 'utf8'), '收费: 不收费', '收费：不收费')
    await writeFile(join(dir, ITEM), item)
    await rm(join(dir, 'synonyms.yaml'))
    expect(await check()).toEqual({
      code: 1,
      stdout: '发现 2 处错误\n',
      stderr:
        `${shown(join(dir, ITEM))}:${lineOf(item, '收费')} YAML 格式错误：这一行用了中文冒号 "："，字段名后面要用英文冒号 ":" 再加一个空格，写成 收费: 不收费\n` +
        `${shown(join(dir, 'synonyms.yaml'))} 缺少文件：同义词表，请建好 synonyms.yaml\n`,
    })
  })

  it('checks the folder the server reads (CATALOG_DIR) when none is named', async () => {
    await writeFile(join(dir, ITEM), edit(await readFile(join(dir, ITEM), 'utf8'), '收费: 不收费', '收费：不收费'))
    const result = await check({ CATALOG_DIR: dir })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(shown(join(dir, ITEM)))
    const missing = await check({ CATALOG_DIR: join(dir, 'no-such-folder') })
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain(`${join(dir, 'no-such-folder')} 目录不存在`)
  })

  it('also checks the files validated against the catalogue (holidays.yaml, network.yaml)', async () => {
    await rm(join(dir, 'holidays.yaml'))
    const result = await check()
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(shown(join(dir, 'holidays.yaml')))
    expect(result.stdout).toBe('发现 1 处错误\n')
  })
})
