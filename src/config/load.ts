/**
 * Configuration from the environment, checked once at start. Every wrong variable gets its own Chinese
 * line (`配置错误：PORT 应为 1–65535 的整数，实际为 "abc"`), so an operator fixes them all in one go.
 */
import { randomBytes } from 'node:crypto'
import { VARIABLES, type VariableName } from './variables.js'

export type NodeEnv = 'development' | 'production' | 'test'
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

export interface Config {
  port: number
  host: string
  nodeEnv: NodeEnv
  /** Unset: sessions and rate limits live in this process's memory. */
  redis: { url: string | undefined; prefix: string }
  catalog: { dir: string; reloadMs: number }
  dialogsDir: string
  sessionTtlSeconds: number
  /** When set, POST /api/chat requires `Authorization: Bearer <chatToken>`. */
  chatToken: string | undefined
  adminToken: string | undefined
  /** Generated per process when not configured (outside production); see `warnings`. */
  cookieSecret: string
  logLevel: LogLevel
  bodyLimitBytes: number
  /** Requests per minute; 0 turns the limit off. */
  rateLimit: { perResident: number; perIp: number }
  trustProxy: boolean
  shutdownTimeoutMs: number
  /** Agents' notifications also go here when set. */
  agentWebhook: { url: string; format: 'json' | 'wecom' } | undefined
  /** Set when WECHATY_PUPPET is: the WeChat channel starts (the puppet reads its own token variables). */
  wechat: { puppet: string } | undefined
}

export type ConfigResult = { ok: true; config: Config; warnings: string[] } | { ok: false; errors: string[] }

type Env = Readonly<Record<string, string | undefined>>
type Parsed = { [K in VariableName]: (typeof VARIABLES)[K] extends { schema: { _zod: { output: infer T } } } ? T : never }

/** Reads and checks every variable; never throws and never exits (serve.ts decides what to do with errors). */
export function loadConfig(env: Env): ConfigResult {
  const errors: string[] = []
  const values: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(VARIABLES)) {
    const raw = env[name] ?? spec.default
    if (raw === undefined) {
      values[name] = undefined
      continue
    }
    const result = spec.schema.safeParse(raw)
    if (result.success) values[name] = result.data
    else errors.push(`配置错误：${name} ${spec.expect}，实际为 ${'secret' in spec ? `${[...raw].length} 个字符（内容不显示）` : JSON.stringify(raw)}`)
  }
  if (errors.length > 0) return { ok: false, errors }

  const v = values as Parsed
  const warnings: string[] = []
  if (v.NODE_ENV === 'production') {
    if (!v.CHAT_TOKEN) {
      errors.push(
        '配置错误：NODE_ENV=production 时必须设置 CHAT_TOKEN（至少 16 个字符）。' +
          '/api/chat 相信调用方给的 userId，没有令牌谁都能冒充居民',
      )
    }
    if (!v.COOKIE_SECRET) errors.push('配置错误：NODE_ENV=production 时必须设置 COOKIE_SECRET（至少 32 个字符），否则重启后网页聊天的匿名身份全部失效')
  }
  if (errors.length > 0) return { ok: false, errors }

  let cookieSecret = v.COOKIE_SECRET
  if (!cookieSecret) {
    cookieSecret = randomBytes(32).toString('base64url')
    warnings.push('未设置 COOKIE_SECRET，已为本次运行随机生成；重启后网页聊天的匿名身份会失效')
  }
  if (!v.REDIS_URL) warnings.push('未设置 REDIS_URL，会话和限流保存在本进程内存里，重启即丢失，多个进程之间也不共享')

  return {
    ok: true,
    warnings,
    config: {
      port: v.PORT,
      host: v.HOST,
      nodeEnv: v.NODE_ENV,
      redis: { url: v.REDIS_URL, prefix: v.REDIS_PREFIX },
      catalog: { dir: v.CATALOG_DIR, reloadMs: v.CATALOG_RELOAD_MS },
      dialogsDir: v.DIALOGS_DIR,
      sessionTtlSeconds: v.SESSION_TTL_MINUTES * 60,
      chatToken: v.CHAT_TOKEN,
      adminToken: v.ADMIN_TOKEN,
      cookieSecret,
      logLevel: v.LOG_LEVEL,
      bodyLimitBytes: v.BODY_LIMIT_KB * 1024,
      rateLimit: { perResident: v.RATE_LIMIT_PER_MINUTE, perIp: v.RATE_LIMIT_IP_PER_MINUTE },
      trustProxy: v.TRUST_PROXY,
      shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS,
      agentWebhook: v.AGENT_WEBHOOK_URL ? { url: v.AGENT_WEBHOOK_URL, format: v.AGENT_WEBHOOK_FORMAT } : undefined,
      wechat: v.WECHATY_PUPPET ? { puppet: v.WECHATY_PUPPET } : undefined,
    },
  }
}
