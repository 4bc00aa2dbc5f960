import { describe, expect, it } from 'vitest'
import { phonePage, screenshot } from './browser.js'
import { useServerAndBrowser } from './fixture.js'
import { ADMIN_TOKEN } from './server.js'

const ctx = useServerAndBrowser()

describe('the console for an admin', { timeout: 60_000 }, () => {
  it('finds what residents asked in the web chat that the bot could not answer, most asked first', async () => {
    // Residents ask in the web chat; what matches nothing is recorded.
    const resident = await phonePage(ctx.browser)
    await resident.page.goto(`${ctx.server.url}/chat`)
    const ask = async (text: string) => {
      const before = await resident.page.locator('.msg.bot:not(.pending)').count()
      await resident.page.locator('#text').fill(text)
      await resident.page.locator('#text').press('Enter')
      await expect.poll(() => resident.page.locator('.msg.bot:not(.pending)').count()).toBeGreaterThan(before)
    }
    await ask('村里的路灯坏了找谁修')
    await ask('<img src=x onerror="window.__xss=1">我家猪丢了')
    await ask('村里的路灯坏了找谁修')
    await resident.context.close()

    const { context, page, problems } = await phonePage(ctx.browser)
    await page.goto(`${ctx.server.url}/console`)
    await page.locator('#token').fill(ADMIN_TOKEN)
    await page.locator('#login-form button').tap()
    await expect.poll(() => page.locator('#who').textContent()).toBe('管理员')

    const questions = page.locator('#unanswered .question')
    await expect.poll(() => questions.locator('.text').allTextContents()).toEqual([
      '村里的路灯坏了找谁修',
      '<img src=x onerror="window.__xss=1">我家猪丢了',
    ])
    expect(await questions.first().locator('.meta').textContent()).toContain('问了 2 次')
    expect(await page.locator('#unanswered img').count()).toBe(0)
    expect(await page.evaluate<unknown>('window.__xss')).toBeUndefined()

    // The catalogue is loaded, with no errors; stats are there (no tickets yet).
    expect(await page.locator('#catalog').textContent()).toMatch(/事项数\d+/)
    expect(await page.locator('#catalog-errors li').count()).toBe(0)
    await expect.poll(() => page.locator('#stats').textContent()).toContain('按状态（共 0 件）')
    await screenshot(page, 'console-admin-unanswered')

    // Reload the catalogue by hand.
    await page.locator('#reload').tap()
    await expect.poll(() => page.locator('#reload-result').textContent()).toMatch(/^加载成功，现在是版本 \S+，共 \d+ 个事项。$/)

    // Dealt with: gone from the list, also for the next admin who looks.
    await questions.first().locator('button', { hasText: '已处理' }).tap()
    await expect.poll(() => questions.count()).toBe(1)
    expect((await ctx.server.unanswered.top(10)).map((q) => q.text)).toEqual(['<img src=x onerror="window.__xss=1">我家猪丢了'])

    await page.locator('#stats-card').scrollIntoViewIfNeeded()
    await screenshot(page, 'console-admin-stats')
    expect(problems).toEqual([])
    await context.close()
  })
})
