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
  const req = ctx.req
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const cleanup = (): void => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      req.off('close', onError)
    }
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size > limitBytes) {
        cleanup()
        // Keep draining (without keeping) so the client can finish sending and read our 413.
        req.resume()
        reject(tooLarge(limitBytes))
        return
      }
      chunks.push(chunk)
    }
    const onEnd = (): void => {
      cleanup()
      resolve(Buffer.concat(chunks, size))
    }
    const onError = (): void => {
      cleanup()
      reject(new HttpError(400, 'aborted', '请求内容没有传完'))
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
    // 'close' before 'end': the client went away mid-body.
    req.on('close', onError)
  })
}

function tooLarge(limitBytes: number): HttpError {
  return new HttpError(413, 'body_too_large', `请求内容太大，不能超过 ${Math.floor(limitBytes / 1024)} KB`)
}
