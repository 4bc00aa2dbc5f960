import { Agent, request } from 'node:http'
import Koa from 'koa'
import { describe, expect, it } from 'vitest'
import { listen } from '../../src/server/http-server.js'

function get(port: number, agent?: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
      let body = ''
      res.on('data', (d: Buffer) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('listen(handler).stop(timeoutMs)', () => {
  it('lets a request in flight finish, closes idle keep-alive connections, and refuses new ones', async () => {
    const app = new Koa()
    app.use(async (ctx) => {
      await new Promise((r) => setTimeout(r, 300))
      ctx.body = '办完了'
    })
    const running = await listen(app.callback(), 0, '127.0.0.1')
    const agent = new Agent({ keepAlive: true })
    const inFlight = get(running.port, agent)
    await new Promise((r) => setTimeout(r, 50))

    const started = Date.now()
    const stopped = running.stop(5_000)
    await expect(inFlight).resolves.toEqual({ status: 200, body: '办完了' })
    // The keep-alive connection is closed once idle, so stop does not wait for the 5 s deadline.
    await expect(stopped).resolves.toBe(true)
    expect(Date.now() - started).toBeLessThan(2_000)
    await expect(get(running.port)).rejects.toThrow(/ECONNREFUSED/)
    agent.destroy()
  })

  it('cuts what is left after the timeout and says so', async () => {
    const app = new Koa()
    app.use(() => new Promise<void>(() => {}))
    const running = await listen(app.callback(), 0, '127.0.0.1')
    const hanging = get(running.port).catch((err: Error) => err)
    await new Promise((r) => setTimeout(r, 50))
    await expect(running.stop(200)).resolves.toBe(false)
    expect(await hanging).toBeInstanceOf(Error)
  })
})

describe('listen(handler): requests Node refuses before the app', () => {
  async function raw(port: number, text: string): Promise<string> {
    const { connect } = await import('node:net')
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(text))
      let out = ''
      socket.on('data', (d: Buffer) => (out += d.toString('utf8')))
      socket.on('end', () => resolve(out))
      socket.on('error', reject)
    })
  }

  it('answers an oversized header or malformed HTTP with a JSON error in Chinese, not an empty body', async () => {
    const app = new Koa()
    app.use((ctx) => (ctx.body = 'ok'))
    const running = await listen(app.callback(), 0, '127.0.0.1')
    try {
      const big = await raw(running.port, `GET /api/agent/tickets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'a'.repeat(100_000)}\r\n\r\n`)
      expect(big).toMatch(/^HTTP\/1.1 431 /)
      expect(JSON.parse(big.slice(big.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'headers_too_large', message: expect.stringContaining('请求头太大') } })
      const junk = await raw(running.port, 'HELLO\r\n\r\n')
      expect(junk).toMatch(/^HTTP\/1.1 400 /)
      expect(junk).toContain('"code":"bad_request"')
    } finally {
      await running.stop(500)
    }
  })
})
