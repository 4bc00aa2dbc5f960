import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { verifyWebId, WEB_ID_COOKIE } from '../../src/channels/web/identity.js'
import { phonePage, screenshot } from './browser.js'
import { useServerAndBrowser } from './fixture.js'

const ctx = useServerAndBrowser()

/** Opens the chat, asks 残疾人证怎么办 and returns the 对吗 reply, once on screen. */
async function askForDisabilityCard(page: Page): Promise<Locator> {
  await page.goto(`${ctx.server.url}/chat`)
  await expect.poll(() => page.locator('.log .bot').first().textContent()).toContain('请直接说您要办什么事')
  await page.locator('#text').fill('残疾人证怎么办')
  await page.locator('#text').press('Enter')
  const confirm = page.locator('.msg.bot', { hasText: '办理残疾人证，对吗？' })
  await confirm.waitFor()
  return confirm
}

describe('the web chat in a phone browser', { timeout: 60_000 }, () => {
  it('a resident asks, taps numbered buttons, and reaches the 一次性告知单', async () => {
    const { context, page, problems } = await phonePage(ctx.browser)
    const confirm = await askForDisabilityCard(page)
    await expect.poll(() => confirm.locator('.option').allTextContents()).toEqual(['1对', '2不对'])
    await screenshot(page, 'web-chat-confirm')

    const beforeConfirm = await page.locator('.msg.bot:not(.pending)').count()
    await confirm.locator('.option', { hasText: '对' }).first().tap()
    // Its answer first: until it comes, the newest "1" button is 对's own, about to be disabled.
    await expect.poll(() => page.locator('.msg.bot:not(.pending)').count()).toBeGreaterThan(beforeConfirm)
    // One material at a time: keep answering 1 (有 / 是，已准备好) on the newest reply until the checklist.
    const checklist = page.locator('.msg.bot', { hasText: '【一次性告知单】' })
    for (let step = 0; step < 12 && !(await checklist.count()); step++) {
      const latest = page.locator('.msg.bot:not(.pending) .option:not([disabled])[data-say="1"]').last()
      await latest.waitFor()
      const before = await page.locator('.msg.me').count()
      const replies = await page.locator('.msg.bot:not(.pending)').count()
      await latest.tap()
      await expect.poll(() => page.locator('.msg.me').count()).toBe(before + 1)
      // The answer itself, not just the end of a "正在回复" that may not have begun yet: its buttons are the ones to tap next.
      await expect.poll(() => page.locator('.msg.bot:not(.pending)').count()).toBeGreaterThan(replies)
    }
    await checklist.waitFor()
    expect(await checklist.locator('.text').textContent()).toContain('✓ 申请人居民身份证')
    // Its 咨询电话 is a tap-to-call link, and the text reads as before.
    expect(await checklist.locator('.text').textContent()).toContain('咨询电话：0539-7211070')
    const calls = checklist.locator('.text a.tel', { hasText: '0539-7211070' })
    expect(await calls.count()).toBeGreaterThan(0)
    expect(await calls.evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')))])).toEqual(['tel:05397211070'])
    expect(await checklist.locator('.option .label').allTextContents()).toEqual(['自己办理', '问别的事', '申请代办（工作人员帮您办）'])
    // Buttons of earlier replies no longer answer: their numbers would mean something else now.
    expect(await page.locator('.option:not([disabled])').count()).toBe(3)
    // A tapped choice is sent as its number; the resident's bubble also says which choice it was.
    const mine = await page.locator('.msg.me').allTextContents()
    expect(mine.slice(0, 2)).toEqual(['残疾人证怎么办', '1 对'])
    // 残疾人证's 申请表 is filled in at the window (窗口提供): not asked, so one answer fewer.
    expect(mine).toHaveLength(8)
    for (const said of mine.slice(2)) expect(said).toMatch(/^1 (有|是)/)
    await screenshot(page, 'web-chat-checklist')

    // A reload keeps the conversation on screen, and the checklist's buttons still answer.
    await page.reload()
    await page.locator('.msg.bot', { hasText: '【一次性告知单】' }).waitFor()
    expect(await page.locator('.msg.me').allTextContents()).toEqual(mine)
    expect(await page.locator('.option:not([disabled]) .label').allTextContents()).toEqual(['自己办理', '问别的事', '申请代办（工作人员帮您办）'])

    // The id cookie is the server's, and page scripts cannot read it.
    const cookie = (await context.cookies()).find((c) => c.name === WEB_ID_COOKIE)
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/web' })
    expect(await page.evaluate<string>('document.cookie')).not.toContain(WEB_ID_COOKIE)
    expect(problems).toEqual([])
    await context.close()
  })

  it('a double tap answers once; a reply that did not understand keeps the question with its buttons; a reload mid-reply asks again', async () => {
    const { context, page, problems } = await phonePage(ctx.browser)
    const confirm = await askForDisabilityCard(page)
    // A shaky finger: two taps; the second must not answer the next question unseen.
    await confirm.locator('.option[data-say="1"]').dblclick()
    await page.locator('.msg.bot', { hasText: '申请人居民身份证' }).waitFor()
    await page.waitForTimeout(300)
    expect(await page.locator('.msg.me').allTextContents()).toEqual(['残疾人证怎么办', '1 对'])
    expect(await confirm.locator('.option.chosen').count()).toBe(1)

    // Not understood: the question comes again, still with buttons to tap.
    await page.locator('#text').fill('办理步骤')
    await page.locator('#text').press('Enter')
    await expect.poll(() => page.locator('.msg.me').count()).toBe(3)
    const live = page.locator('.msg.bot:not(.pending) .option:not([disabled])')
    await expect.poll(() => live.locator('.label').allTextContents()).toEqual(['有', '没有'])
    await screenshot(page, 'web-chat-not-understood')

    // A reload before a reply arrived: the page does not offer the old buttons, it asks the bot where it stands.
    // (A string: the tests are not compiled with the browser's types.)
    await page.evaluate(`{
      const saved = JSON.parse(localStorage.getItem('daiban.transcript') ?? '{}')
      saved.entries.push({ who: 'me', text: '1 有' })
      localStorage.setItem('daiban.transcript', JSON.stringify(saved))
    }`)
    await page.reload()
    await page.locator('.msg.bot', { hasText: '刚才那条的回复没收到' }).waitFor()
    await expect.poll(() => page.locator('.msg.bot:not(.pending) .option:not([disabled])').count()).toBeGreaterThan(0)
    // Only the question: not the usage notes 帮助 also brings.
    expect(await page.locator('.msg.bot', { hasText: '使用说明' }).count()).toBe(0)
    expect(await page.locator('.msg.me').last().textContent()).toBe('1 有')
    expect(problems).toEqual([])
    await context.close()
  })

  it('a reload keeps used and outdated buttons off: a name asked after a choice leaves no old number to tap; a rating sent switches off the rating buttons', async () => {
    const { context, page, problems } = await phonePage(ctx.browser)
    await page.goto(`${ctx.server.url}/chat`)
    await page.locator('.log .bot').first().waitFor()
    // (A string: the tests are not compiled with the browser's types.)
    await page.evaluate(`localStorage.setItem('daiban.transcript', JSON.stringify({ at: Date.now(), entries: [
      { who: 'bot', kind: 'bot', text: '需要哪种帮助？\\n请回复编号：\\n1 帮办\\n2 代办\\n3 领办' },
      { who: 'me', text: '2 代办' },
      { who: 'bot', kind: 'bot', text: '请告诉我申请人的姓名：' },
      { who: 'bot', kind: 'news', text: '您的代办工单 DB2611230001（最低生活保障申请）已办结。\\n请为这次代办服务打分：回复"评价"加分数，比如：评价 5。\\n1 非常不满意\\n2 不满意\\n3 基本满意\\n4 满意\\n5 非常满意' },
    ] }))`)
    await page.reload()
    await page.locator('.msg.bot', { hasText: '请告诉我申请人的姓名' }).waitFor()
    expect(await page.locator('.msg.bot:not(.news) .option:not([disabled])').count()).toBe(0)
    // The news' rating buttons rate that ticket, by its number.
    const rating = page.locator('.msg.news .option:not([disabled])')
    expect(await rating.count()).toBe(5)
    expect(await rating.first().getAttribute('data-say')).toBe('评价 DB2611230001 1')
    await page.evaluate(`{
      const saved = JSON.parse(localStorage.getItem('daiban.transcript'))
      saved.entries.push({ who: 'me', text: '评价 DB2611230001 4 满意' })
      localStorage.setItem('daiban.transcript', JSON.stringify(saved))
    }`)
    await page.reload()
    await page.locator('.msg.news').waitFor()
    expect(await page.locator('.msg.news .option:not([disabled])').count()).toBe(0)
    expect(problems).toEqual([])
    await context.close()
  })

  it('shows what a resident typed as text, never as markup', async () => {
    const { context, page, problems } = await phonePage(ctx.browser)
    await page.goto(`${ctx.server.url}/`)
    const attack = '<img src=x onerror="window.__xss=1">怎么办'
    await page.locator('#text').fill(attack)
    await page.locator('#send').tap()
    await page.locator('.msg.bot', { hasText: '抱歉，没找到' }).waitFor()
    expect(await page.locator('.msg.me .text').last().textContent()).toBe(attack)
    expect(await page.locator('.log img').count()).toBe(0)
    expect(await page.evaluate<unknown>('window.__xss')).toBeUndefined()
    expect(problems).toEqual([])
    await context.close()
  })

  it('makes phone numbers in replies tap-to-call links, with everything around them still text', async () => {
    const { context, page, problems } = await phonePage(ctx.browser)
    await page.goto(`${ctx.server.url}/chat`)
    // A reply from the stored transcript, which the page must distrust as much as the server's text.
    const mine = '我的电话 13812345678 <b>急</b>'
    const reply = '<img src=x onerror="window.__xss=1">请打 0539-7211000、(0539)7211080 或 12345。工单 DB2611220007，补贴 120 元'
    const saved = { at: Date.now(), entries: [{ who: 'me', text: mine }, { who: 'bot', kind: 'bot', text: reply }] }
    await page.evaluate(`localStorage.setItem('daiban.transcript', ${JSON.stringify(JSON.stringify(saved))})`)
    await page.reload()
    const bot = page.locator('.msg.bot', { hasText: '请打' })
    await bot.waitFor()
    expect(await bot.locator('.text').textContent()).toBe(reply)
    const links = bot.locator('a.tel')
    expect(await links.allTextContents()).toEqual(['0539-7211000', '(0539)7211080', '12345'])
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      'tel:05397211000',
      'tel:05397211080',
      'tel:12345',
    ])
    expect(await page.locator('.log img').count()).toBe(0)
    expect(await page.evaluate<unknown>('window.__xss')).toBeUndefined()
    // The resident's own words stay plain text.
    expect(await page.locator('.msg.me .text').last().textContent()).toBe(mine)
    expect(await page.locator('.msg.me a, .msg.me b').count()).toBe(0)

    // In 长者模式 the numbers are as large as the text around them, and easy to hit.
    await page.locator('#elder').tap()
    const size = async (selector: string) =>
      parseFloat(await page.evaluate<string>(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).fontSize`))
    expect(await size('.msg.bot a.tel')).toBeGreaterThanOrEqual(24)
    expect(await size('.msg.bot a.tel')).toBe(await size('.msg.bot .text'))
    expect((await links.first().boundingBox())?.height).toBeGreaterThanOrEqual(40)
    await screenshot(page, 'web-chat-phone-links')
    expect(problems).toEqual([])
    await context.close()
  })

  it('长者模式 makes the text larger and the words plainer, and is remembered after a reload', async () => {
    const { context, page, problems } = await phonePage(ctx.browser)
    await page.goto(`${ctx.server.url}/chat`)
    // (Browser code as a string: this file is type-checked without the DOM library.)
    const size = async () => parseFloat(await page.evaluate<string>('getComputedStyle(document.querySelector(".log .text")).fontSize'))
    const normal = await size()
    await page.locator('#elder').tap()
    expect(await page.locator('#elder').getAttribute('aria-pressed')).toBe('true')
    expect(await size()).toBeGreaterThanOrEqual(normal * 1.3)

    await page.reload()
    expect(await page.locator('html').getAttribute('class')).toContain('elder')
    // Fewer buttons to read, but a way back stays.
    expect(await page.locator('.quick .chip[data-say="返回"]').isVisible()).toBe(true)
    expect(await page.locator('.quick .chip[data-say="重新开始"]').isVisible()).toBe(false)
    await page.locator('#text').fill('残疾人证怎么办')
    await page.locator('#text').press('Enter')
    const options = page.locator('.msg.bot', { hasText: '对吗？' }).locator('.option')
    await options.first().waitFor()
    // The choices are buttons only, not also written in the bubble: less to read.
    const written = page.locator('.msg.bot', { hasText: '对吗？' }).locator('.choices-text')
    expect(await written.isVisible()).toBe(false)
    // Big, full-width buttons, easy to hit.
    const box = await options.first().boundingBox()
    expect(box?.height).toBeGreaterThanOrEqual(60)
    expect(box?.width).toBeGreaterThan(300)
    await screenshot(page, 'web-chat-elder')
    // Plainer words from the bot too: 您有…吗 rather than 是否已准备好.
    await options.first().tap()
    const plain = page.locator('.msg.bot', { hasText: '您有' }).last()
    await plain.waitFor()
    expect(await plain.textContent()).not.toContain('是否已准备好')

    // Switched off mid-question: the bot says the open question again in the standard words, as typing 普通模式 does.
    await page.locator('#elder').tap()
    expect(await page.locator('html').getAttribute('class')).not.toContain('elder')
    const standard = page.locator('.msg.bot', { hasText: '是否已准备好' }).last()
    await standard.waitFor()
    expect(await page.locator('.msg.me').allTextContents()).toEqual(['残疾人证怎么办', '1 对'])
    await standard.locator('.option[data-say="1"]').tap()
    await expect.poll(() => page.locator('.msg.bot', { hasText: '是否已准备好' }).count()).toBe(2)
    // Saying it in the chat switches the page's toggle too.
    await page.locator('#text').fill('长者模式')
    await page.locator('#text').press('Enter')
    await page.locator('.msg.bot', { hasText: '换成长者模式' }).waitFor()
    await expect.poll(() => page.locator('#elder').getAttribute('aria-pressed')).toBe('true')
    expect(problems).toEqual([])
    await context.close()
  })
  it('ticket news whose answer was lost on the way (weak signal) comes again, and is shown once', async () => {
    const { context, page, problems } = await phonePage(ctx.browser)
    await page.goto(`${ctx.server.url}/chat`)
    await page.locator('.log .bot').first().waitFor()
    const cookie = (await context.cookies()).find((c) => c.name === WEB_ID_COOKIE)
    const userId = verifyWebId(cookie?.value, ctx.server.cookieSecret)
    expect(userId).toBeDefined()
    const news = '您的代办工单 DB2611230009（老年人优待证办理）被退回：需要您补充：户口本首页复印件。准备好后请回复：补齐 DB2611230009'
    await ctx.server.outbox.push(userId!, { id: 'DB2611230009:3:resident', ticketId: 'DB2611230009', text: news, at: Date.now() })
    // The server answers the read that brings it, but the phone never gets that answer.
    let lost = false
    await page.route('**/web/api/messages*', async (route) => {
      const response = await route.fetch()
      if (!lost && (await response.text()).includes('户口本首页复印件')) {
        lost = true
        await route.abort('internetdisconnected')
      } else await route.fulfill({ response })
    })
    await page.locator('#text').fill('你好')
    await page.locator('#text').press('Enter')
    await expect.poll(() => lost).toBe(true)
    expect(await page.locator('.msg.news').count()).toBe(0)
    // The next read (after the next message) brings it; the one after acknowledges it and shows nothing twice.
    await page.locator('#text').fill('低保')
    await page.locator('#text').press('Enter')
    await page.locator('.msg.news', { hasText: '户口本首页复印件' }).waitFor()
    await page.locator('#text').fill('帮助')
    await page.locator('#text').press('Enter')
    await expect.poll(() => page.locator('.msg.me').count()).toBe(3)
    await expect.poll(async () => (await ctx.server.outbox.peek(userId!)).length).toBe(0)
    await page.reload()
    await page.locator('.msg.news').first().waitFor()
    await page.waitForTimeout(500)
    expect(await page.locator('.msg.news').count()).toBe(1)
    expect(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([])
    await context.close()
  })

  it('a tap the server refused comes back on to tap again; one that may have got through offers 接着办, not a second tap', async () => {
    const { context, page, problems } = await phonePage(ctx.browser)
    const confirm = await askForDisabilityCard(page)
    // Refused (too many messages): nothing was taken, the same tap is safe.
    await page.route('**/web/api/chat', (route) => route.fulfill({ status: 429, json: { error: { code: 'rate_limited', message: '消息发得太快了，请 30 秒后再试。' } } }), { times: 1 })
    await confirm.locator('.option[data-say="1"]').tap()
    await page.locator('.msg.bot', { hasText: '可以再点一次' }).waitFor()
    expect(await page.locator('.msg.me.unsent').count()).toBe(1)
    expect(await confirm.locator('.option:not([disabled])').count()).toBe(2)
    await screenshot(page, 'web-chat-unsent-tap')
    // The network fails after the bot took the answer: the buttons stay off, 接着办 shows the question it now asks.
    await page.route('**/web/api/chat', async (route) => {
      await route.fetch()
      await route.abort('internetdisconnected')
    }, { times: 1 })
    await confirm.locator('.option[data-say="1"]').tap()
    await page.locator('.msg.bot', { hasText: '网络好了以后' }).waitFor()
    expect(await confirm.locator('.option:not([disabled])').count()).toBe(0)
    await page.locator('button[data-resume]').tap()
    await page.locator('.msg.bot', { hasText: '申请人居民身份证' }).waitFor()
    expect(await page.locator('.msg.bot', { hasText: '使用说明' }).count()).toBe(0)
    expect(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED') && !p.includes('429'))).toEqual([])
    await context.close()
  })

  it('a rating typed in words switches off the rating buttons, as a tapped one does', async () => {
    const { context, page, problems } = await phonePage(ctx.browser)
    await page.goto(`${ctx.server.url}/chat`)
    await page.locator('.log .bot').first().waitFor()
    await page.evaluate(`localStorage.setItem('daiban.transcript', JSON.stringify({ at: Date.now(), entries: [
      { who: 'bot', kind: 'news', text: '您的代办工单 DB2611230001（最低生活保障申请）已办结。\\n请为这次代办服务打分：回复"评价"加分数，比如：评价 5。\\n1 非常不满意\\n2 不满意\\n3 基本满意\\n4 满意\\n5 非常满意' },
    ] }))`)
    await page.reload()
    await page.locator('.msg.news').waitFor()
    expect(await page.locator('.msg.news .option:not([disabled])').count()).toBe(5)
    // The bot's answer to 挺好的 (the ticket interceptor's thanks, in 长者模式's words), as the server sends it.
    await page.route('**/web/api/chat', (route) => route.fulfill({ json: { replies: ['谢谢您打分（4 满意）！'] } }), { times: 1 })
    await page.locator('#text').fill('挺好的 小袁办事麻利')
    await page.locator('#text').press('Enter')
    await page.locator('.msg.bot', { hasText: '谢谢您打分' }).waitFor()
    expect(await page.locator('.msg.news .option:not([disabled])').count()).toBe(0)
    await page.reload()
    await page.locator('.msg.news').waitFor()
    expect(await page.locator('.msg.news .option:not([disabled])').count()).toBe(0)
    expect(problems).toEqual([])
    await context.close()
  })
})
