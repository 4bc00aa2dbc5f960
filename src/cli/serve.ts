/**
 * `npm start`: checks the configuration, composes the server, listens, and stops gracefully on SIGTERM/SIGINT
 * (no new connections, requests in flight finish, then the WeChat bot, reload timer, stores and Redis are closed).
 * With WECHATY_PUPPET set, WeChat starts after the port is open.
 */
import { loadConfig } from '../config/load.js'
import { listen } from '../server/http-server.js'
import { createLogger } from '../server/logging.js'

const loaded = loadConfig(process.env)
if (!loaded.ok) {
  for (const line of loaded.errors) process.stderr.write(line + '\n')
  process.stderr.write('请修正以上环境变量后再启动（配置说明见 README 的“配置”一节）\n')
  process.exit(1)
}
const { config } = loaded
const logger = createLogger({ level: config.logLevel })
for (const warning of loaded.warnings) logger.warn(warning)

// Imported only now: a configuration mistake is reported at once, without loading the matcher's dictionaries first.
const { composeServer, StartError } = await import('../server/compose.js')
let composed: Awaited<ReturnType<typeof composeServer>>
try {
  composed = await composeServer(config, logger)
} catch (err) {
  if (err instanceof StartError) process.stderr.write(err.message + '\n')
  else logger.fatal({ err }, '启动失败')
  process.exit(1)
}

let running: Awaited<ReturnType<typeof listen>>
try {
  running = await listen(composed.app.callback(), config.port, config.host)
} catch (err) {
  const code = (err as NodeJS.ErrnoException).code
  const why = code === 'EADDRINUSE' ? '端口已被占用，请换一个 PORT' : code === 'EACCES' ? '没有权限使用这个端口' : (err as Error).message
  process.stderr.write(`无法在 ${config.host}:${config.port} 上启动：${why}\n`)
  await composed.close()
  process.exit(1)
}
process.stdout.write(`代办助手已启动：http://${config.host}:${running.port}\n`)
if (config.wechat) {
  try {
    await composed.startChannels()
    logger.info({ puppet: config.wechat.puppet }, '微信通道已启动，请在终端扫码登录')
  } catch (err) {
    // A missing puppet package or a bad name: the operator asked for WeChat, so stop and say what to fix.
    process.stderr.write(`微信通道启动失败：${err instanceof Error ? err.message : String(err)}\n`)
    await running.stop(config.shutdownTimeoutMs)
    await composed.close()
    process.exit(1)
  }
}

let stopping = false
async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    // A second signal: the operator does not want to wait.
    process.exit(1)
  }
  stopping = true
  logger.info({ signal }, '正在停止：不再接受新请求，等待处理中的请求完成')
  composed.prepareToStop()
  const finished = await running.stop(config.shutdownTimeoutMs)
  if (!finished) logger.warn({ timeoutMs: config.shutdownTimeoutMs }, '等待超时，未完成的请求已被中断')
  await composed.close()
  logger.info('已停止')
  process.exit(0)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
