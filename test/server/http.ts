/**
 * Test helpers: an app listening on a free loopback port, and raw HTTP requests to it (raw, because the
 * contract tests send what fetch would refuse or fix: bad encodings, wrong lengths, chunked bodies).
 */
import { request } from 'node:http'
import type Koa from 'koa'
import { listen, type RunningServer } from '../../src/server/http-server.js'

export interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any
}

export interface Served {
  port: number
  send(method: string, path: string, opts?: SendOptions): Promise<Reply>
  /** POST /api/chat with a JSON body (an object is stringified, a string or Buffer is sent as it is). */
  chat(body: unknown, headers?: Record<string, string>): Promise<Reply>
  close(): Promise<void>
}

export interface SendOptions {
  headers?: Record<string, string>
  body?: string | Buffer
  /** Send the body in pieces without Content-Length (Transfer-Encoding: chunked). */
  chunked?: boolean
}

export async function serve(app: Koa): Promise<Served> {
  const running: RunningServer = await listen(app.callback(), 0, '127.0.0.1')
  const send = (method: string, path: string, opts: SendOptions = {}) => sendRaw(running.port, method, path, opts)
  return {
    port: running.port,
    send,
    chat(body, headers = {}) {
      const data = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body)
      return send('POST', '/api/chat', { headers: { 'content-type': 'application/json', ...headers }, body: data })
    },
    async close() {
      await running.stop(1_000)
    },
  }
}

export function sendRaw(port: number, method: string, path: string, opts: SendOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...opts.headers }
    if (opts.body !== undefined && !opts.chunked) headers['content-length'] = Buffer.byteLength(opts.body)
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let json: unknown
        try {
          json = JSON.parse(text)
        } catch {
          json = undefined
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
      })
    })
    req.on('error', reject)
    if (opts.body !== undefined && opts.chunked) {
      const body = Buffer.from(opts.body)
      const piece = Math.max(1, Math.ceil(body.length / 4))
      for (let i = 0; i < body.length; i += piece) req.write(body.subarray(i, i + piece))
      req.end()
    } else {
      req.end(opts.body)
    }
  })
}
