import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createLogger } from '../../src/server/logging.js'
import { hashAgentToken } from '../../src/tickets/network-file.js'
import { serveCatalogCopy, type CopiedCatalogServer } from './catalog-copy.js'
import type { Served } from './http.js'

const ADMIN_TOKEN = 'network-reload-admin-token'
const NEW_AGENT = [
  '  - 编号: a-dadian-v1-b',
  '    姓名: 新代办',
  '    微信名: jn-a-dadian-v1-b',
  '    电话: "13905391999"',
  '    角色: 代办员',
  '    服务点: dadian-v1',
  `    令牌哈希: ${hashAgentToken('tok-added-agent')}`,
].join('\n')

const waitFor = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 8000, interval: 50 })

describe('composeServer(config): network.yaml edits reach the agents API and the console without a restart', () => {
  let server: CopiedCatalogServer
  let dir: string
  let original: string
  let served: Served
  const lines: string[] = []

  beforeAll(async () => {
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } })
    server = await serveCatalogCopy({ CATALOG_RELOAD_MS: '100', ADMIN_TOKEN }, logger)
    ;({ dir, served } = server)
    original = await readFile(join(dir, 'network.yaml'), 'utf8')
  }, 30_000)

  afterAll(() => server?.close())

  const me = (token: string) => served.send('GET', '/api/agent/me', { headers: { authorization: `Bearer ${token}` } })
  const status = async () =>
    (await served.send('GET', '/console/api/admin/catalog', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json

  it('adds an agent, keeps the last good network through a broken edit, and revokes a removed agent', async () => {
    expect((await me('tok-added-agent')).status).toBe(401)
    const agents = (await status()).network.agentCount as number

    await writeFile(join(dir, 'network.yaml'), `${original.trimEnd()}\n${NEW_AGENT}\n`)
    await waitFor(async () => expect((await me('tok-added-agent')).status).toBe(200))
    expect((await me('tok-added-agent')).json.agent).toMatchObject({ id: 'a-dadian-v1-b', point: { id: 'dadian-v1' } })
    expect(lines.some((l) => l.includes(`已重新加载服务网络（${agents + 1} 名代办员）`))).toBe(true)
    expect((await status()).network).toMatchObject({ agentCount: agents + 1, lastErrors: [] })

    // A broken edit: logged with file and line, shown in the console, and the network in use is kept.
    const broken = `${original.trimEnd()}\n${NEW_AGENT.replace('服务点: dadian-v1', '服务点: nowhere')}\n`
    await writeFile(join(dir, 'network.yaml'), broken)
    await waitFor(async () => expect((await status()).network.lastErrors).toHaveLength(1))
    const line = broken.split('\n').indexOf('    服务点: nowhere') + 1
    expect((await status()).network.lastErrors[0]).toMatchObject({ file: join(dir, 'network.yaml'), line })
    expect(lines.some((l) => l.includes('代办网络或节假日文件有 1 处错误') && l.includes(`network.yaml:${line}`))).toBe(true)
    expect((await me('tok-added-agent')).status).toBe(200)

    // The console's reload button reports the network's errors too.
    const reload = await served.send('POST', '/console/api/admin/catalog/reload', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    expect(reload.json).toMatchObject({ ok: false, network: { agentCount: agents + 1 } })
    expect(reload.json.errors).toHaveLength(1)

    await writeFile(join(dir, 'network.yaml'), original)
    await waitFor(async () => expect((await me('tok-added-agent')).status).toBe(401))
    expect((await status()).network).toMatchObject({ agentCount: agents, lastErrors: [] })
    expect((await me('sample-token-county-1')).status).toBe(200)
  }, 30_000)
})
