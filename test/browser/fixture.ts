/**
 * The test server and one Chromium for a browser test file: started before its tests (in parallel),
 * closed after them. Read `ctx.server` and `ctx.browser` inside tests.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser } from './browser.js'
import { startTestServer, type TestServer } from './server.js'

export interface BrowserTestContext {
  server: TestServer
  browser: Browser
}

export function useServerAndBrowser(): BrowserTestContext {
  const ctx = {} as BrowserTestContext
  beforeAll(async () => {
    ;[ctx.server, ctx.browser] = await Promise.all([startTestServer(), launchBrowser()])
  }, 60_000)
  afterAll(async () => {
    await ctx.browser?.close()
    await ctx.server?.close()
  })
  return ctx
}
