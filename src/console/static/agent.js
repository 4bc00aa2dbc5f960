// The agent's queue: tickets waiting at their service point, the ones they claimed, and (for 督办) the
// overdue ones. Data and actions go through the agent API (/api/agent/*); the console's live feed only
// says "your queue changed", and the page then fetches it again.
import { api, button, el, formatDeadline, formatTime, getToken, line, show } from './dom.js'

const $ = (id) => document.getElementById(id)
const RECONNECT_MS = 3000
/** A safety net in case a proxy silently stalls the live stream. */
const FALLBACK_POLL_MS = 60000

const ACTION_LABELS = {
  open: '提交申请', claim: '接单', start: '开始办理', return: '退回', resume: '补齐材料', done: '办结',
  cancel: '取消', escalate: '督办', overdue: '超期提醒', rate: '评价', comment: '评价意见',
  followUp: '回访', followUpOverdue: '回访超期提醒',
}
const DONE_WORDS = { claim: '已接单', start: '已开始办理', return: '已退回给居民', done: '已办结', followUp: '回访已记录，居民会收到' }

let me = null
let running = false
let liveAbort = null
let fallbackTimer = null
let latest = null
/** While an agent types a reason, a queue refresh waits: re-drawing would throw the text away. */
let formsOpen = 0
let renderPending = false
const expanded = new Set()

export function startAgent(agent) {
  me = agent
  running = true
  void loadQueue()
  void live()
  fallbackTimer = setInterval(() => void loadQueue(), FALLBACK_POLL_MS)
}

export function stopAgent() {
  running = false
  liveAbort?.abort()
  clearInterval(fallbackTimer)
  latest = null
  formsOpen = 0
  expanded.clear()
}

// ---- live feed ----

function setLive(up) {
  const p = $('live')
  p.textContent = up ? '● 实时更新中' : '○ 连接断开，正在重新连接…'
  p.classList.toggle('down', !up)
}

async function live() {
  while (running) {
    liveAbort = new AbortController()
    try {
      const res = await fetch('/console/api/agent/events', {
        headers: { Authorization: `Bearer ${getToken() ?? ''}`, Accept: 'text/event-stream' },
        signal: liveAbort.signal,
      })
      if (res.status === 401) {
        document.dispatchEvent(new CustomEvent('console:unauthorized', { detail: '登录已失效，请重新登录' }))
        return
      }
      if (res.ok && res.body) {
        setLive(true)
        let loggedOut = false
        await readEvents(res.body, (event) => {
          if (event === 'queue') void loadQueue()
          if (event === 'logout') loggedOut = true
        })
        if (loggedOut) {
          document.dispatchEvent(new CustomEvent('console:unauthorized', { detail: '登录已失效，请重新登录' }))
          return
        }
      }
    } catch (err) {
      if (!running || err?.name === 'AbortError') return
    }
    if (!running) return
    setLive(false)
    await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS))
  }
}

/** Calls onEvent(name) for each Server-Sent Event in the stream, until it ends. */
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return
    buffer += value.replace(/\r\n/g, '\n')
    let end
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const name = /^event: *(.+)$/m.exec(block)?.[1]
      if (name) onEvent(name.trim())
    }
  }
}

// ---- the queue ----

let loading = null
let loadAgain = false

/** Fetches the queue; calls that arrive while one is under way make one more fetch after it, not many. */
async function loadQueue() {
  if (loading) {
    loadAgain = true
    return loading
  }
  loading = (async () => {
    do {
      loadAgain = false
      try {
        latest = await api('/api/agent/tickets')
        render()
      } catch (err) {
        if (err.status !== 401) notice(`读取工单失败：${err.message}`, false)
      }
    } while (loadAgain && running)
  })()
  try {
    await loading
  } finally {
    loading = null
  }
}

function render() {
  if (!latest || !running) return
  if (formsOpen > 0) {
    renderPending = true
    return
  }
  renderPending = false
  fill('waiting', latest.waiting, '现在没有待领办的工单。')
  fill('mine', latest.mine, '您手上没有正在办的工单。')
  show($('overdue-box'), me.role === '督办')
  fill('overdue', latest.overdue, '没有超期的工单。')
  show($('followups-box'), me.role === '督办')
  fill('followups', latest.followUps ?? [], '没有待回访的差评。')
}

function fill(id, tickets, emptyText) {
  const box = $(id)
  box.replaceChildren(...(tickets.length > 0 ? tickets.map(card) : [el('p', 'empty', emptyText)]))
  $(`${id}-count`).textContent = `（${tickets.length}）`
}

function card(t) {
  const c = el('article', `ticket${t.overdue ? ' overdue' : ''}`)
  c.dataset.id = t.id
  const head = el('div', 'head')
  head.append(el('span', 'id', t.id), el('span', 'badge', t.status))
  if (t.overdue) head.append(el('span', 'badge bad', '已超期'))
  if (t.escalations > 0) head.append(el('span', 'badge warn', `督办 ${t.escalations} 次`))
  c.append(head, el('p', 'item', t.item.name))
  c.append(line('帮助方式', t.help))
  c.append(line('居民', `${t.resident.name} ${t.resident.phone}`))
  c.append(line('所在村（社区）', t.area.name))
  // Moved up (nobody took it in time, or no agent there): who holds it now.
  if (t.node.id !== t.area.id) c.append(line('现由', t.node.name))
  // After a 补齐 the list is what was missing when applying: the resident has since handed papers in.
  if (t.materialsMissing.length > 0) c.append(line(t.supplied ? '申请时缺' : '还缺材料', t.materialsMissing.join('、')))
  if (t.supplied && t.status !== '已退回') c.append(line('居民已补齐', `${t.supplied.note}（${formatTime(t.supplied.at)}）`))
  if (t.returnReason) c.append(line('退回原因', t.returnReason))
  if (t.claimedBy && t.claimedBy.id !== me.id) c.append(line('接单人', t.claimedBy.name))
  const followUpDue = t.followUp && !t.followUp.answeredAt
  if (followUpDue && t.rating) {
    c.append(line('居民评价', `${t.rating.score} 分${t.rating.comment ? `：${t.rating.comment}` : ''}`))
    c.append(line('回访期限', `${formatDeadline(t.followUp.dueAt)}前`))
  }
  c.append(line('提交时间', formatTime(t.createdAt)), line('承诺办结', t.dueAt ? `${formatDeadline(t.dueAt)}前` : '以窗口告知为准'))

  const actions = el('div', 'actions')
  const mine = t.claimedBy?.id === me.id
  if (t.status === '待领办') actions.append(button('接单', () => act(t.id, 'claim')))
  if (mine && t.status === '已领办') actions.append(button('开始办理', () => act(t.id, 'start')))
  if (mine && t.status === '办理中') actions.append(button('办结', () => openForm(c, t.id, 'done')))
  if (mine && (t.status === '已领办' || t.status === '办理中')) {
    actions.append(button('退回', () => openForm(c, t.id, 'return'), 'danger'))
  }
  if (me.role === '督办' && followUpDue) actions.append(button('记录回访', () => openForm(c, t.id, 'followUp')))
  actions.append(button(expanded.has(t.id) ? '收起详情' : '详情', () => toggleDetails(t.id), 'secondary'))
  c.append(actions)
  if (expanded.has(t.id)) void showDetails(c, t.id)
  return c
}

// ---- actions ----

function notice(text, ok = true) {
  const p = $('notice')
  p.textContent = text
  p.classList.toggle('failed', !ok)
  show(p, true)
}

async function act(id, action, text) {
  try {
    await api(`/api/agent/tickets/${encodeURIComponent(id)}/actions`, { method: 'POST', body: text === undefined ? { action } : { action, text } })
    notice(`工单 ${id} ${DONE_WORDS[action] ?? '已处理'}`)
  } catch (err) {
    notice(err.message, false)
  }
  await loadQueue()
}

/** What each form asks; 退回 and 回访 need their text (the resident reads both), 办结 takes an optional note. */
const FORMS = {
  return: { label: '退回原因（居民会看到，请写清楚要补什么）', submit: '确认退回', required: true, kind: 'danger' },
  done: { label: '办结说明（可不填，居民会看到）', submit: '确认办结', required: false, kind: null },
  followUp: { label: '回访情况（居民会看到，写清楚怎么处理的）', submit: '确认回访', required: true, kind: null },
}

function openForm(cardNode, id, action) {
  if (cardNode.querySelector('.inline-form')) return
  const spec = FORMS[action]
  const form = el('form', 'inline-form')
  const label = el('label', null, spec.label)
  const input = el('textarea')
  input.rows = 2
  input.maxLength = 500
  input.required = spec.required
  label.htmlFor = input.id = `form-${id}-${action}`
  const row = el('div', 'actions')
  const submit = el('button', spec.kind, spec.submit)
  submit.type = 'submit'
  const close = () => {
    form.remove()
    formsOpen--
    if (renderPending) render()
  }
  row.append(submit, button('取消', close, 'secondary'))
  form.append(label, input, row)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const text = input.value.trim()
    if (spec.required && text === '') return
    close()
    void act(id, action, text)
  })
  formsOpen++
  cardNode.append(form)
  input.focus()
}

function toggleDetails(id) {
  if (expanded.has(id)) expanded.delete(id)
  else expanded.add(id)
  render()
}

async function showDetails(cardNode, id) {
  const box = el('div', 'details', '正在读取…')
  cardNode.append(box)
  try {
    const { ticket: t } = await api(`/api/agent/tickets/${encodeURIComponent(id)}`)
    box.replaceChildren()
    box.append(line('电话', t.resident.phone))
    // Tickets filed before 'door' existed say pickup; a 特办 one was still brought to the door.
    const pickup = t.delivery.kind === 'door' || t.help === '特办' ? `上门送达（${t.help}）` : '自己去取'
    box.append(line('取件方式', t.delivery.kind === 'mail' ? `邮寄：${t.delivery.address}` : pickup))
    if (t.materialsReady.length > 0) box.append(line('已备好材料', t.materialsReady.join('、')))
    if (t.note) box.append(line('备注', t.note))
    const list = el('ul', 'history')
    for (const h of t.history ?? []) {
      const li = el('li')
      li.append(el('time', null, formatTime(h.at)), document.createTextNode(`${ACTION_LABELS[h.action] ?? h.action}（${byLabel(h.by, t)}）`))
      if (h.note) li.append(document.createTextNode(`：${h.note}`))
      list.append(li)
    }
    box.append(el('h3', null, '办理记录'), list)
  } catch (err) {
    box.textContent = `读取详情失败：${err.message}`
  }
}

function byLabel(by, t) {
  if (by === 'resident') return '居民'
  if (by === 'system') return '系统'
  if (by === me.id) return '我'
  if (t.claimedBy?.id === by) return t.claimedBy.name
  return by
}
