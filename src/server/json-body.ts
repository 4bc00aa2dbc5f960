/**
 * A small, strict JSON body reader: application/json only and uncompressed (415), UTF-8 only, at most `limitBytes` (413),
 * valid JSON (400). Written here rather than taken from a body-parser package because the whole
 * contract fits in a page and every refusal needs our own error shape and Chinese message.
 */
import type { Context } from 'koa'
import { HttpError } from './errors.js'

const decoder = new TextDecoder('utf-8', { fatal: true })

/** Reads and parses the request body. The result is untrusted: validate it before use. */
export async function readJsonBody(ctx: Context, limitBytes: number): Promise<unknown> {
  checkContentType(ctx.get('content-type'))
  // Compressed bodies are not read here; taking one as plain text would parse garbage or, worse, plain text
  // that claims to be compressed.
  const encoding = ctx.get('content-encoding').trim().toLowerCase()
  if (encoding !== '' && encoding !== 'identity') {
    throw new HttpError(415, 'unsupported_encoding', '不接受压缩的请求内容（Content-Encoding），请直接发送 JSON')
  }

  const declared = ctx.get('content-length')
  if (declared !== '' && Number(declared) > limitBytes) {
    // Node discards the unread body after the response, keeping the connection usable.
    throw tooLarge(limitBytes)
  }

  const bytes = await readAll(ctx, limitBytes)
  let text: string
  try {
    text = decoder.decode(bytes)
  } catch {
    throw new HttpError(400, 'invalid_encoding', '请求内容必须是 UTF-8 编码')
  }
  if (text.trim() === '') throw new HttpError(400, 'invalid_json', '请求内容为空，应为 JSON')
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new HttpError(400, 'invalid_json', '请求内容不是有效的 JSON')
  }
}

function checkContentType(header: string): void {
  if (header === 'application/json') return
  const [type = '', ...params] = header.split(';').map((s) => s.trim().toLowerCase())
  if (type !== 'application/json') {
    throw new HttpError(415, 'unsupported_media_type', '请求头 Content-Type 应为 application/json')
  }
  for (const param of params) {
    const [name, value = ''] = param.split('=').map((s) => s.trim())
    if (name === 'charset' && value.replace(/"/g, '') !== 'utf-8') {
      throw new HttpError(415, 'unsupported_charset', '只接受 UTF-8 编码（charset=utf-8）')
    }
  }
}

function readAll(ctx: Context, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => new BodyRead(ctx.req, limitBytes, resolve, reject))
}

/**
 * One body being read. Its listeners are bound methods rather than closures: the dev server (tsx) names every
 * closure at run time, and four of them per request were a visible share of the chat API's time.
 */
class BodyRead {
  readonly #chunks: Buffer[] = []
  #size = 0

  constructor(
    private readonly req: Context['req'],
    private readonly limitBytes: number,
    private readonly resolve: (body: Buffer) => void,
    private readonly reject: (err: HttpError) => void,
  ) {
    this.onData = this.onData.bind(this)
    this.onEnd = this.onEnd.bind(this)
    this.onAbort = this.onAbort.bind(this)
    req.on('data', this.onData)
    req.on('end', this.onEnd)
    req.on('error', this.onAbort)
    // 'close' before 'end': the client went away mid-body.
    req.on('close', this.onAbort)
  }

  onData(chunk: Buffer): void {
    this.#size += chunk.length
    if (this.#size > this.limitBytes) {
      this.#stop()
      // Keep draining (without keeping) so the client can finish sending and read our 413.
      this.req.resume()
      this.reject(tooLarge(this.limitBytes))
      return
    }
    this.#chunks.push(chunk)
  }

  onEnd(): void {
    this.#stop()
    this.resolve(this.#chunks.length === 1 ? this.#chunks[0]! : Buffer.concat(this.#chunks, this.#size))
  }

  onAbort(): void {
    this.#stop()
    this.reject(new HttpError(400, 'aborted', '请求内容没有传完'))
  }

  #stop(): void {
    this.req.off('data', this.onData)
    this.req.off('end', this.onEnd)
    this.req.off('error', this.onAbort)
    this.req.off('close', this.onAbort)
  }
}

function tooLarge(limitBytes: number): HttpError {
  return new HttpError(413, 'body_too_large', `请求内容太大，不能超过 ${Math.floor(limitBytes / 1024)} KB`)
}
