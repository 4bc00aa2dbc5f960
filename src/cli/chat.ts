/**
 * `npm run chat`: the resident's conversation in the terminal, with the real catalogue, matcher and dialogs,
 * sessions in memory. Type as a resident would; /图片 sends a non-text message; Ctrl-D or 退出 ends.
 * Also reads a script from a pipe: `printf '低保怎么办\n1\n' | npm run --silent chat`.
 */
import { createInterface } from 'node:readline'
import { loadCatalogDir } from '../catalog/load.js'
import { formatSourceError } from '../catalog/yaml-source.js'
import { loadDialogDir } from '../conversation/dialog-dir.js'
import { createConversationService, type Logger } from '../conversation/service.js'
import type { IncomingMessage } from '../conversation/types.js'
import { buildMatcher } from '../match/index.js'
import { MemorySessionStore } from '../store/memory-session-store.js'

const [catalogResult, dialogResult] = await Promise.all([loadCatalogDir('catalog'), loadDialogDir('dialogs')])
if (!catalogResult.ok || !dialogResult.ok) {
  for (const e of catalogResult.ok ? [] : catalogResult.errors) console.error(formatSourceError(e))
  for (const e of dialogResult.ok ? [] : dialogResult.errors) console.error(formatSourceError(e))
  console.error('目录或对话定义有错误，请先修改（npm run catalog:check / npm run dialogs:check）。')
  process.exit(1)
}
const catalog = catalogResult.catalog
const matcher = buildMatcher(catalog)
const interactive = process.stdin.isTTY === true

// Effects (tickets, hand-offs) show up as grey lines so a tester sees what the service would do.
const log = (level: string) => (obj: object, msg?: string) =>
  console.error(`\x1b[90m[${level}] ${msg ?? ''} ${JSON.stringify(obj)}\x1b[0m`)
const logger: Logger = { info: log('记录'), warn: log('警告'), error: log('错误') }

const sessions = new MemorySessionStore()
const service = createConversationService({
  definitions: dialogResult.definitions,
  catalog: () => ({ catalog, matcher }),
  sessions,
  logger,
})

const NON_TEXT: Record<string, IncomingMessage['content']> = {
  '/图片': { kind: 'image' },
  '/语音': { kind: 'voice' },
  '/表情': { kind: 'sticker' },
  '/文件': { kind: 'file' },
  '/位置': { kind: 'location' },
}

if (interactive) console.log(`代办助手（终端）：已载入 ${catalog.items.length} 个事项。直接打字提问；/图片 模拟发图片；退出 结束。\n`)
const rl = createInterface({ input: process.stdin, terminal: interactive })
if (interactive) {
  rl.setPrompt('您：')
  rl.prompt()
}
for await (const line of rl) {
  if (line.trim() === '退出') break
  const content = NON_TEXT[line.trim()] ?? { kind: 'text' as const, text: line }
  if (!interactive) console.log(`您：${line}`)
  const { replies } = await service.handle({ resident: { channel: 'terminal', userId: 'terminal' }, content, now: Date.now() })
  for (const reply of replies) console.log(`\n助手：${reply}`)
  console.log('')
  if (interactive) rl.prompt()
}
rl.close()
await sessions.close()
