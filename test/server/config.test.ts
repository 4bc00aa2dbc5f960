import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/load.js'
import { configTableMarkdown } from '../../src/config/table.js'
import { VARIABLES } from '../../src/config/variables.js'

const TOKEN = 'a'.repeat(16)
const SECRET = 'b'.repeat(32)

function errorsOf(env: Record<string, string>): string[] {
  const result = loadConfig(env)
  if (result.ok) throw new Error('expected configuration errors')
  return result.errors
}

describe('loadConfig(env)', () => {
  it('fills every default when nothing is set, so `npm start` works anywhere', () => {
    const result = loadConfig({})
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      nodeEnv: 'development',
      redis: { url: undefined, prefix: 'daiban:' },
      catalog: { dir: 'catalog', reloadMs: 2000 },
      dialogsDir: 'dialogs',
      sessionTtlSeconds: 30 * 60,
      chatToken: undefined,
      logLevel: 'info',
      bodyLimitBytes: 16 * 1024,
      rateLimit: { perResident: 30, perIp: 1200 },
      trustProxy: false,
    })
  })

  it('names the variable, what it should be and what it was', () => {
    expect(errorsOf({ PORT: 'abc' })).toEqual(['配置错误：PORT 应为 1–65535 的整数，实际为 "abc"'])
  })

  it.each([
    ['PORT', '0'],
    ['PORT', '65536'],
    ['PORT', '3e3'],
    ['PORT', ' 3000'],
    ['SESSION_TTL_MINUTES', '-5'],
    ['BODY_LIMIT_KB', '1.5'],
    ['CATALOG_RELOAD_MS', '10'],
    ['LOG_LEVEL', 'verbose'],
    ['NODE_ENV', 'prod'],
    ['REDIS_URL', 'localhost:6379'],
    ['REDIS_PREFIX', 'has space'],
    ['TRUST_PROXY', 'yes'],
  ])('refuses %s=%j with a message about that variable', (name, value) => {
    const [message, ...rest] = errorsOf({ [name]: value })
    expect(rest).toEqual([])
    expect(message).toMatch(new RegExp(`^配置错误：${name} 应为.+，实际为 ${JSON.stringify(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))
  })

  it.each([
    ['CHAT_TOKEN', 'short'],
    ['ADMIN_TOKEN', 'qa-admin-token'],
    ['COOKIE_SECRET', 'too-short'],
  ])('refuses %s=%j by its length, never showing the secret', (name, value) => {
    const [message, ...rest] = errorsOf({ [name]: value })
    expect(rest).toEqual([])
    expect(message).toBe(`配置错误：${name} ${VARIABLES[name as keyof typeof VARIABLES].expect}，实际为 ${value.length} 个字符（内容不显示）`)
    expect(message).not.toContain(value)
  })

  it('reports every wrong variable at once, one line each', () => {
    expect(errorsOf({ PORT: 'x', LOG_LEVEL: 'loud', RATE_LIMIT_PER_MINUTE: 'many' })).toEqual([
      '配置错误：PORT 应为 1–65535 的整数，实际为 "x"',
      '配置错误：LOG_LEVEL 应为 fatal、error、warn、info、debug、trace、silent 之一，实际为 "loud"',
      '配置错误：RATE_LIMIT_PER_MINUTE 应为 0–100000 的整数，实际为 "many"',
    ])
  })

  it('treats an empty optional variable as unset', () => {
    const result = loadConfig({ REDIS_URL: '', CHAT_TOKEN: '' })
    expect(result.ok && result.config.redis.url === undefined && result.config.chatToken === undefined).toBe(true)
  })

  it('refuses to start in production without CHAT_TOKEN, because /api/chat trusts the userId it is given', () => {
    const errors = errorsOf({ NODE_ENV: 'production', COOKIE_SECRET: SECRET })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('NODE_ENV=production 时必须设置 CHAT_TOKEN')
  })

  it('refuses to start in production without COOKIE_SECRET', () => {
    expect(errorsOf({ NODE_ENV: 'production', CHAT_TOKEN: TOKEN })[0]).toContain('必须设置 COOKIE_SECRET')
  })

  it('starts in production with both secrets and keeps them', () => {
    const result = loadConfig({ NODE_ENV: 'production', CHAT_TOKEN: TOKEN, COOKIE_SECRET: SECRET, REDIS_URL: 'redis://r:6379' })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.config.chatToken).toBe(TOKEN)
    expect(result.config.cookieSecret).toBe(SECRET)
    expect(result.warnings).toEqual([])
  })

  it('generates a random COOKIE_SECRET per process outside production, and warns', () => {
    const a = loadConfig({})
    const b = loadConfig({})
    if (!a.ok || !b.ok) throw new Error('expected a valid configuration')
    expect(a.config.cookieSecret.length).toBeGreaterThanOrEqual(32)
    expect(a.config.cookieSecret).not.toBe(b.config.cookieSecret)
    expect(a.warnings.some((w) => w.includes('COOKIE_SECRET'))).toBe(true)
  })
})

describe('configTableMarkdown()', () => {
  it('documents every variable with its default, and src/config/README-table.md is its current output', () => {
    const table = configTableMarkdown()
    for (const name of ['PORT', 'REDIS_URL', 'CHAT_TOKEN', 'COOKIE_SECRET', 'RATE_LIMIT_IP_PER_MINUTE']) {
      expect(table).toContain(`| \`${name}\` |`)
    }
    expect(readFileSync(new URL('../../src/config/README-table.md', import.meta.url), 'utf8')).toBe(table)
  })
})
