/**
 * `npm start` as an operator meets it: a separate process, configured by the environment.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { sendRaw } from './http.js'

const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

interface Started {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  exited: Promise<number | null>
}

function start(env: Record<string, string>): Started {
  const base = { ...process.env }
  for (const name of ['REDIS_URL', 'CHAT_TOKEN', 'NODE_ENV', 'PORT', 'COOKIE_SECRET', 'WECHATY_PUPPET']) delete base[name]
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts'], { env: { ...base, ...env }, stdio: 'pipe' })
  children.push(child)
  let out = ''
  let err = ''
  child.stdout!.on('data', (d: Buffer) => (out += d))
  child.stderr!.on('data', (d: Buffer) => (err += d))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, stdout: () => out, stderr: () => err, exited }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

describe('npm start (src/cli/serve.ts)', () => {
  it('refuses to start with NODE_ENV=production and no CHAT_TOKEN', async () => {
    const s = start({ NODE_ENV: 'production', COOKIE_SECRET: 'c'.repeat(32) })
    expect(await s.exited).toBe(1)
    expect(s.stderr()).toContain('配置错误：NODE_ENV=production 时必须设置 CHAT_TOKEN')
  })

  it('names each wrong variable and exits non-zero', async () => {
    const s = start({ PORT: 'abc', BODY_LIMIT_KB: '0' })
    expect(await s.exited).toBe(1)
    expect(s.stderr()).toContain('配置错误：PORT 应为 1–65535 的整数，实际为 "abc"')
    expect(s.stderr()).toContain('配置错误：BODY_LIMIT_KB 应为 1–1024 的整数（KB），实际为 "0"')
  })

  it('starts, says where, answers on / and /api/chat, and stops cleanly on SIGTERM', async () => {
    const port = await freePort()
    const s = start({ PORT: String(port), LOG_LEVEL: 'info' })
    const deadline = Date.now() + 20_000
    while (!s.stdout().includes('代办助手已启动') && Date.now() < deadline && s.child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(s.stdout()).toContain(`代办助手已启动：http://127.0.0.1:${port}`)
    expect((await sendRaw(port, 'GET', '/')).status).toBe(200)
    const chat = await sendRaw(port, 'POST', '/api/chat', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'u', text: '怎么申请低保' }),
    })
    expect(chat.json.replies.join('')).toContain('最低生活保障申请')
    // Without WECHATY_PUPPET there is no WeChat: no bot, no login QR code.
    expect(s.stdout() + s.stderr()).not.toContain('微信')

    s.child.kill('SIGTERM')
    expect(await s.exited).toBe(0)
    expect(s.stdout()).toContain('已停止')
  }, 30_000)
})
