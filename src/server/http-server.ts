/**
 * Opening the port and closing it gracefully: on stop, no new connections are accepted, requests in flight
 * finish (their keep-alive connections are closed as soon as they are idle), and after `timeoutMs` whatever
 * is left is cut.
 */
import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

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

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve({ server, port: (server.address() as AddressInfo).port, stop: (timeoutMs) => stop(server, timeoutMs) })
    })
  })
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
