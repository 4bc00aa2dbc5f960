// Small helpers shared by the console's pages. Text goes on screen only through textContent: ticket notes,
// residents' names and questions are untrusted.

const TOKEN_KEY = 'daiban.console.token'

export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY)
}

export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token)
  else sessionStorage.removeItem(TOKEN_KEY)
}

/** An API error with the server's Chinese message and its HTTP status. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message)
    this.status = status
  }
}

/** Calls our API with the token; a 401 also tells the page to show the login again. */
export async function api(path, { method = 'GET', body, signal } = {}) {
  const headers = { Authorization: `Bearer ${getToken() ?? ''}` }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  let res
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal })
  } catch (err) {
    if (err?.name === 'AbortError') throw err
    throw new ApiError(0, '网络连接不上，请检查网络后再试。')
  }
  const data = await res.json().catch(() => undefined)
  if (res.status === 401) document.dispatchEvent(new CustomEvent('console:unauthorized', { detail: data?.error?.message }))
  if (!res.ok) throw new ApiError(res.status, data?.error?.message ?? `请求失败（${res.status}）`)
  return data
}

/** An element with a class and text; children may be appended after. */
export function el(tag, className, text) {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text !== undefined && text !== null) node.textContent = String(text)
  return node
}

export function button(label, onClick, className) {
  const b = el('button', className, label)
  b.type = 'button'
  b.addEventListener('click', onClick)
  return b
}

/** `<p class="line"><span class="k">label：</span>value</p>` */
export function line(label, value) {
  const p = el('p', 'line')
  p.append(el('span', 'k', `${label}：`), document.createTextNode(String(value)))
  return p
}

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
})

/** 2026/11/23 10:05, Beijing time, from an ISO string or epoch milliseconds. */
export function formatTime(value) {
  if (value === undefined || value === null) return '—'
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? '—' : TIME.format(d)
}

const DAY = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' })

/** A deadline ends at 24:00, so the day shown is the one the last millisecond falls on: 2026年12月3日. */
export function formatDeadline(value) {
  const d = new Date(new Date(value).getTime() - 1)
  return Number.isNaN(d.getTime()) ? '—' : DAY.format(d)
}

export function show(node, visible) {
  node.hidden = !visible
}
