/**
 * Opening the port and closing it gracefully: on stop, no new connections are accepted, requests in flight
 * finish (their keep-alive connections are closed as soon as they are idle), and after `timeoutMs` whatever
 * is left is cut.
 */
import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'

export interface RunningServer {
  server: Server
  /** The port actually bound (useful with port 0). */
  port: number
  /** Resolves when every connection is closed; true when all requests finished in time. */
  stop(timeoutMs: number): Promise<boolean>
}

export function listen(handler: RequestListener, port: number, host: string): Promise<RunningServer> {
  const server = createServer(handler)
  // Slow or stalled clients must not hold sockets forever (Node's own defaults are minutes).
  server.requestTimeout = 30_000
  server.headersTimeout = 15_000
  server.keepAliveTimeout = 5_000
  server.on('clientError', answerClientError)

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve({ server, port: (server.address() as AddressInfo).port, stop: (timeoutMs) => stop(server, timeoutMs) })
    })
  })
}

/**
 * Requests Node refuses before any handler sees them (headers too large, malformed HTTP) get the API's JSON error
 * instead of Node's empty body, so that an integrator reads what was wrong.
 */
function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy()
    return
  }
  const [status, code, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', '请求头太大（例如 Authorization 过长），请检查后重试']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', '请求超时，请重试']
        : [400, 'bad_request', '请求格式不对，无法读取']
  const body = JSON.stringify({ error: { code, message } })
  const reason = status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}

function stop(server: Server, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let finished = true
    // Busy keep-alive connections become idle once their response is sent: close them then.
    const sweep = setInterval(() => server.closeIdleConnections(), 50)
    const deadline = setTimeout(() => {
      finished = false
      server.closeAllConnections()
    }, timeoutMs)
    server.close(() => {
      clearInterval(sweep)
      clearTimeout(deadline)
      resolve(finished)
    })
    server.closeIdleConnections()
  })
}
