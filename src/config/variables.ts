/**
 * Every environment variable the server reads, once: its default, what it means (for the README table),
 * what a valid value looks like (for the error message) and how it is parsed. load.ts and table.ts both
 * read this list, so the documentation cannot drift from the code.
 */
import { z } from 'zod'

export interface VariableSpec<T> {
  /** The default as an operator would write it; undefined means "unset" (the feature is off or generated). */
  default: string | undefined
  /** One line for the configuration table. */
  meaning: string
  /** Completes `配置错误：NAME …，实际为 "…"`, e.g. `应为 1–65535 的整数`. */
  expect: string
  schema: z.ZodType<T, string>
  /** A token or key: an error names its length, never its text (the message goes to logs and terminals). */
  secret?: true
}

function spec<T>(s: VariableSpec<T>): VariableSpec<T> {
  return s
}

/** Whole numbers only: `3000`, not `3e3`, `3000.0` or ` 3000`. */
function intIn(min: number, max: number): z.ZodType<number, string> {
  return z
    .string()
    .regex(/^\d+$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
}

/** An optional secret: unset or empty means "not configured"; when set it must be long enough to resist guessing. */
function secret(minLength: number): z.ZodType<string | undefined, string> {
  return z
    .string()
    .transform((s) => (s === '' ? undefined : s))
    .pipe(z.string().min(minLength).regex(/^\S+$/).optional())
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

export const VARIABLES = {
  PORT: spec({
    default: '3000',
    meaning: 'HTTP 端口',
    expect: '应为 1–65535 的整数',
    schema: intIn(1, 65535),
  }),
  HOST: spec({
    default: '127.0.0.1',
    meaning: '监听地址；要让其他机器访问（如放在反向代理或容器里）请设为 0.0.0.0',
    expect: '应为 IP 地址或主机名，例如 0.0.0.0',
    schema: z.string().regex(/^[A-Za-z0-9.:-]{1,253}$/),
  }),
  NODE_ENV: spec({
    default: 'development',
    meaning: '运行环境：development / production / test；production 下必须设置 CHAT_TOKEN 和 COOKIE_SECRET',
    expect: '应为 development、production 或 test',
    schema: z.enum(['development', 'production', 'test']),
  }),
  REDIS_URL: spec({
    default: undefined,
    meaning: 'Redis 地址，如 redis://127.0.0.1:6379；不设置时会话和限流存在本进程内存里（重启即丢，只适合试用）',
    expect: '应为 redis:// 或 rediss:// 开头的地址',
    schema: z
      .string()
      .transform((s) => (s === '' ? undefined : s))
      .pipe(z.string().regex(/^rediss?:\/\/\S+$/).optional()),
  }),
  REDIS_PREFIX: spec({
    default: 'daiban:',
    meaning: 'Redis 键名前缀，几套环境共用一个 Redis 时用它隔开',
    expect: '应为 1–64 个字母、数字或 :_-. 字符',
    schema: z.string().regex(/^[A-Za-z0-9:_.-]{1,64}$/),
  }),
  CATALOG_DIR: spec({
    default: 'catalog',
    meaning: '事项目录所在文件夹（YAML）',
    expect: '应为文件夹路径',
    schema: z.string().min(1),
  }),
  DIALOGS_DIR: spec({
    default: 'dialogs',
    meaning: '对话流程定义所在文件夹（YAML）',
    expect: '应为文件夹路径',
    schema: z.string().min(1),
  }),
  CATALOG_RELOAD_MS: spec({
    default: '2000',
    meaning: '多久检查一次目录文件（含 network.yaml、holidays.yaml）的改动（毫秒）；改坏了会记日志并继续用上一版',
    expect: '应为 100–3600000 的整数（毫秒）',
    schema: intIn(100, 3_600_000),
  }),
  SESSION_TTL_MINUTES: spec({
    default: '30',
    meaning: '居民多久不说话，对话就重新开始（分钟）',
    expect: '应为 1–10080 的整数（分钟）',
    schema: intIn(1, 10_080),
  }),
  CHAT_TOKEN: spec({
    default: undefined,
    meaning: '设置后 /api/chat 要求请求头 `Authorization: Bearer 令牌`（至少 16 个字符）；production 下必须设置',
    expect: '应为至少 16 个字符、不含空白的字符串',
    schema: secret(16),
    secret: true,
  }),
  ADMIN_TOKEN: spec({
    default: undefined,
    meaning: '管理接口和管理后台的登录令牌（至少 16 个字符）；不设置时管理功能关闭',
    expect: '应为至少 16 个字符、不含空白的字符串',
    schema: secret(16),
    secret: true,
  }),
  COOKIE_SECRET: spec({
    default: undefined,
    meaning: '网页聊天匿名身份 Cookie 的签名密钥（至少 32 个字符）；非 production 下不设置会每次启动随机生成（重启后匿名身份失效）；production 下必须设置',
    expect: '应为至少 32 个字符、不含空白的字符串',
    schema: secret(32),
    secret: true,
  }),
  LOG_LEVEL: spec({
    default: 'info',
    meaning: `日志级别：${LOG_LEVELS.join(' / ')}；日志为 JSON，手机号和身份证号已打码`,
    expect: `应为 ${LOG_LEVELS.join('、')} 之一`,
    schema: z.enum(LOG_LEVELS),
  }),
  BODY_LIMIT_KB: spec({
    default: '16',
    meaning: '请求体大小上限（KB），超过回 413',
    expect: '应为 1–1024 的整数（KB）',
    schema: intIn(1, 1024),
  }),
  RATE_LIMIT_PER_MINUTE: spec({
    default: '30',
    meaning: '每位居民每分钟最多发多少条消息，超过回 429；0 表示不限',
    expect: '应为 0–100000 的整数',
    schema: intIn(0, 100_000),
  }),
  RATE_LIMIT_IP_PER_MINUTE: spec({
    default: '1200',
    meaning: '每个来源 IP 每分钟最多多少个请求，居民消息（/api/chat、网页聊天）、代办员接口（/api/agent）和工作台接口（/console/api）分开计，互不挤占（一个对接系统会代很多居民发消息，所以比上一项大得多），超过回 429；0 表示不限',
    expect: '应为 0–1000000 的整数',
    schema: intIn(0, 1_000_000),
  }),
  TRUST_PROXY: spec({
    default: 'false',
    meaning: '放在反向代理（nginx 等）后面时设为 true，按 X-Forwarded-For 识别居民 IP；直接对外时保持 false，否则 IP 可伪造',
    expect: '应为 true 或 false',
    schema: z.enum(['true', 'false']).transform((s) => s === 'true'),
  }),
  AGENT_WEBHOOK_URL: spec({
    default: undefined,
    meaning: '新工单、督办等代办员通知同时发到这个地址（如企业微信群机器人的 webhook）；不设置时只记日志（接入微信后由微信通知）',
    expect: '应为 http:// 或 https:// 开头的地址',
    schema: z
      .string()
      .transform((s) => (s === '' ? undefined : s))
      .pipe(z.string().regex(/^https?:\/\/\S+$/).optional()),
  }),
  AGENT_WEBHOOK_FORMAT: spec({
    default: 'json',
    meaning: 'AGENT_WEBHOOK_URL 的消息格式：json（通用 JSON）或 wecom（企业微信群机器人）',
    expect: '应为 json 或 wecom',
    schema: z.enum(['json', 'wecom']),
  }),
  WECHATY_PUPPET: spec({
    default: undefined,
    meaning: '设置后同时登录微信（Wechaty 的 puppet 包名，如 wechaty-puppet-service，需先 npm install）；启动时终端显示登录二维码；不设置时不接入微信',
    expect: '应为 npm 包名，例如 wechaty-puppet-service',
    schema: z
      .string()
      .transform((s) => s.trim())
      .transform((s) => (s === '' ? undefined : s))
      .pipe(z.string().regex(/^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/).optional()),
  }),
  WECHATY_PUPPET_SERVICE_TOKEN: spec({
    default: undefined,
    meaning: 'wechaty-puppet-service 的令牌（由 puppet 自己读取；其他 puppet 按它自己的说明设置令牌变量）',
    expect: '应为不含空白的字符串',
    schema: z
      .string()
      .transform((s) => (s === '' ? undefined : s))
      .pipe(z.string().regex(/^\S+$/).optional()),
    secret: true,
  }),
  WECHATY_NAME: spec({
    default: undefined,
    meaning: '微信机器人的名字，Wechaty 用它给登录信息文件命名（同一台机器上跑几个机器人时用它隔开）',
    expect: '应为 1–64 个字母、数字或 _-. 字符',
    schema: z
      .string()
      .transform((s) => (s === '' ? undefined : s))
      .pipe(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/).optional()),
  }),
  SHUTDOWN_TIMEOUT_MS: spec({
    default: '10000',
    meaning: '收到停止信号后，最多等多久让正在处理的请求完成（毫秒）',
    expect: '应为 0–600000 的整数（毫秒）',
    schema: intIn(0, 600_000),
  }),
} as const

export type VariableName = keyof typeof VARIABLES
