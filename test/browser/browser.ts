/**
 * Debian's chromium driven by playwright-core, headless, as a phone: 390×844, touch. Each test file launches
 * one browser; pages collect their console errors and uncaught exceptions, so a test can check that none
 * happened (a CSP violation or a script error shows up there).
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM = '/usr/lib/chromium/chromium'
export const SCREENSHOTS = join('test-output', 'screenshots')

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `找不到 Chromium（${CHROMIUM}）。浏览器测试需要它和中文字体：` +
        'apt-get update && apt-get install -y --no-install-recommends chromium fonts-wqy-microhei（.ci/run 会自动安装）',
    )
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

export interface PhonePage {
  context: BrowserContext
  page: Page
  /** Console errors and uncaught exceptions seen so far. */
  problems: string[]
}

export async function phonePage(browser: Browser): Promise<PhonePage> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`)
  })
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`))
  return { context, page, problems }
}

/** Saves test-output/screenshots/<name>.png (git-ignored) and returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const path = join(SCREENSHOTS, `${name}.png`)
  await page.screenshot({ path })
  return path
}
