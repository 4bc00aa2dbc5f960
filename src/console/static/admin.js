// The admin pages: the catalogue (version, errors, reload), what residents asked that we could not answer,
// and ticket statistics. Refreshed by hand and every minute while the tab is visible.
import { api, button, el, formatTime, show } from './dom.js'

const $ = (id) => document.getElementById(id)
const REFRESH_MS = 60000
let timer = null

export function startAdmin() {
  void refresh()
  timer = setInterval(() => {
    if (document.visibilityState === 'visible') void refresh()
  }, REFRESH_MS)
}

export function stopAdmin() {
  clearInterval(timer)
  timer = null
}

async function refresh() {
  await Promise.all([loadCatalog(), loadUnanswered(), loadStats()])
  $('refreshed').textContent = `更新于 ${formatTime(Date.now())}`
}

$('refresh').addEventListener('click', () => void refresh())

// ---- catalogue ----

function fact(dl, term, value) {
  dl.append(el('dt', null, term), el('dd', null, value))
}

/** The catalogue and, when the server sends it, the service network (network.yaml, holidays.yaml). */
function showCatalog(c, n) {
  const dl = $('catalog')
  dl.replaceChildren()
  fact(dl, '版本', c.version)
  const status = [
    c.lastErrors.length > 0 ? `目录有 ${c.lastErrors.length} 处错误，仍在用上一版` : '',
    n && n.lastErrors.length > 0 ? `代办网络或节假日文件有 ${n.lastErrors.length} 处错误，仍在用上一版` : '',
  ].filter(Boolean)
  fact(dl, '状态', status.length > 0 ? status.join('；') : '正常')
  fact(dl, '加载时间', formatTime(c.loadedAt))
  fact(dl, '最近检查', formatTime(c.checkedAt ?? c.loadedAt))
  fact(dl, '事项数', c.itemCount)
  fact(dl, '最近出错', errorTime(c))
  if (n) {
    fact(dl, '代办网络版本', n.version)
    fact(dl, '代办员数', n.agentCount)
    fact(dl, '代办网络最近出错', errorTime(n))
  }
  const errors = [...c.lastErrors, ...(n ? n.lastErrors : [])]
  const list = $('catalog-errors')
  list.replaceChildren(...errors.map((e) => el('li', null, formatSourceError(e))))
  show($('errors-title'), errors.length > 0)
  // The catalogue's come as the checker prints them; the network's (holidays.yaml …) as parts.
  const warnings = [...(c.warnings ?? []), ...(n && n.warnings ? n.warnings.map(formatSourceError) : [])]
  $('catalog-warnings').replaceChildren(...warnings.map((w) => el('li', null, w)))
  show($('warnings-title'), warnings.length > 0)
}

/** When the files last had errors, and whether that was since fixed (the admin sees a fix was taken). */
function errorTime(status) {
  if (!status.lastErrorAt) return '无'
  const fixed = status.lastErrors.length === 0 && status.fixedAt ? `（${formatTime(status.fixedAt)} 已改好）` : ''
  return `${formatTime(status.lastErrorAt)}${fixed}`
}

/** `catalog/items/x.yaml:12 申请材料[2].份数：应为正整数`, as the catalogue checker prints it. */
function formatSourceError(e) {
  const where = e.line > 0 ? `${e.file}:${e.line}` : e.file
  return e.path ? `${where} ${e.path}：${e.message}` : `${where} ${e.message}`
}

async function loadCatalog() {
  try {
    const r = await api('/console/api/admin/catalog')
    showCatalog(r.catalog, r.network)
  } catch (err) {
    $('catalog').replaceChildren(el('dd', 'error', `读取失败：${err.message}`))
  }
}

$('reload').addEventListener('click', async () => {
  const result = $('reload-result')
  $('reload').disabled = true
  result.className = ''
  result.textContent = '正在重新加载…'
  try {
    const r = await api('/console/api/admin/catalog/reload', { method: 'POST' })
    showCatalog(r.catalog, r.network)
    result.className = r.ok ? 'ok' : 'error'
    result.textContent = r.ok
      ? `加载成功，现在是版本 ${r.catalog.version}，共 ${r.catalog.itemCount} 个事项。`
      : `有 ${r.errors.length} 处错误，继续使用版本 ${r.catalog.version}。请按下面的提示改正后再加载。`
  } catch (err) {
    result.className = 'error'
    result.textContent = `重新加载失败：${err.message}`
  } finally {
    $('reload').disabled = false
  }
})

// ---- unanswered questions ----

async function loadUnanswered() {
  const box = $('unanswered')
  try {
    const { questions } = await api('/console/api/admin/unanswered?limit=100')
    box.replaceChildren(...(questions.length > 0 ? questions.map(question) : [el('p', 'empty', '目前没有没答上来的问题。')]))
  } catch (err) {
    box.replaceChildren(el('p', 'error', `读取失败：${err.message}`))
  }
}

function question(q) {
  const row = el('div', 'question')
  row.append(el('div', 'text', q.text))
  row.append(button('已处理', () => dismiss(q.text, row), 'secondary'))
  row.append(el('div', 'meta', `问了 ${q.count} 次 · 最近 ${formatTime(q.lastSeen)} · 最早 ${formatTime(q.firstSeen)}`))
  const cands = el('div', 'cands')
  cands.textContent =
    q.candidates.length > 0
      ? `最接近的事项：${q.candidates.map((c) => `${c.name}（${Math.round(c.score * 100)}%）`).join('、')}`
      : '没有接近的事项'
  row.append(cands)
  return row
}

async function dismiss(text, row) {
  try {
    await api('/console/api/admin/unanswered/dismiss', { method: 'POST', body: { text } })
    row.remove()
  } catch (err) {
    row.append(el('div', 'error', `操作失败：${err.message}`))
  }
}

// ---- ticket statistics ----

function tiles(entries) {
  const box = el('div', 'tiles')
  for (const [label, n, bad] of entries) {
    const tile = el('div', `tile${bad && n > 0 ? ' bad' : ''}`)
    tile.append(el('div', 'n', n), el('div', 'l', label))
    box.append(tile)
  }
  return box
}

function percent(share) {
  return share === null ? '—' : `${Math.round(share * 100)}%`
}

async function loadStats() {
  const box = $('stats')
  try {
    const { stats: s } = await api('/console/api/admin/stats')
    const r = s.ratings
    box.replaceChildren(
      el('h3', null, `按状态（共 ${s.total} 件）`),
      tiles(Object.entries(s.byStatus)),
      el('h3', null, '按层级'),
      tiles(Object.entries(s.byTier).map(([tier, n]) => [`${tier}级`, n])),
      el('h3', null, '超期与督办'),
      tiles([['正在超期', s.overdue.open, true], ['累计超期', s.overdue.ever], ['督办过', s.escalated]]),
      el('h3', null, '评价'),
      tiles([
        ['评价数', r.count],
        ['平均分', r.average ?? '—'],
        ['满意率', percent(r.satisfied)],
        ['差评', r.bad, true],
        ...[5, 4, 3, 2, 1].map((score) => [`${score} 分`, r.byScore[score]]),
      ]),
      el('h3', null, '差评回访'),
      tiles([['待回访', s.followUps.open, true], ['已回访', s.followUps.answered], ['回访超期', s.followUps.late, true]]),
    )
  } catch (err) {
    box.replaceChildren(el('p', 'error', `读取失败：${err.message}`))
  }
}
