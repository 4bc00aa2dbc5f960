// The residents' chat page. Every text from the server is put on screen as text nodes, never as HTML:
// replies quote what residents typed, and ticket news carries agents' notes. The only other nodes made from
// it are tap-to-call links, whose href holds nothing but the digits found by findPhones.
import { splitOptions } from './options.js'
import { findPhones } from './phones.js'

const POLL_MS = 15000
const ELDER_KEY = 'daiban.elder'
const TRANSCRIPT_KEY = 'daiban.transcript'
/** Ticket news shown on this page, and which of it the server has not yet been told was shown. */
const NEWS_KEY = 'daiban.news'
/** What a reload brings back: the last messages, unless the page sat idle as long as a conversation lasts. */
const TRANSCRIPT_MAX = 80
const TRANSCRIPT_IDLE_MS = 30 * 60 * 1000

const log = document.getElementById('log')
const form = document.getElementById('form')
const input = document.getElementById('text')
const sendButton = document.getElementById('send')
const elderButton = document.getElementById('elder')

// ---- 长者模式 ----

function setElder(on) {
  document.documentElement.classList.toggle('elder', on)
  elderButton.setAttribute('aria-pressed', String(on))
  input.placeholder = on ? '在这里打字' : '请输入您要办的事'
  try {
    localStorage.setItem(ELDER_KEY, on ? '1' : '0')
  } catch {
    // Private browsing may refuse storage; the mode still works for this visit.
  }
}

function storedElder() {
  try {
    return localStorage.getItem(ELDER_KEY) === '1'
  } catch {
    return false
  }
}

// The toggle also asks the bot for plainer words: its state goes with every message, and the bot's answer says
// which words it now uses (typing 长者模式 / 普通模式 in the chat switches the toggle too).
const elderOn = () => document.documentElement.classList.contains('elder')
elderButton.addEventListener('click', () => {
  const on = !elderOn()
  setElder(on)
  // Bigger letters push the open question down: bring it back into view.
  scrollDown()
  // Mid-conversation the bot says the open question again in the new words, as typing 长者模式 does (no bubble
  // of ours: the resident pressed a button, not said something).
  if (readTranscript().length > 0) queue = queue.then(() => deliver(on ? '长者模式' : '普通模式'))
})
setElder(storedElder())

// ---- messages on screen ----

function el(tag, className, text) {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

/** A bot's `text` as text nodes, its phone numbers as tel: links, so that a resident can call with one tap. */
function withPhoneLinks(text) {
  const nodes = document.createDocumentFragment()
  let at = 0
  for (const phone of findPhones(text)) {
    nodes.append(document.createTextNode(text.slice(at, phone.start)))
    const link = el('a', 'tel', phone.text)
    link.href = `tel:${phone.tel}`
    nodes.append(link)
    at = phone.end
  }
  nodes.append(document.createTextNode(text.slice(at)))
  return nodes
}

function scrollDown() {
  log.scrollTop = log.scrollHeight
}

function addMine(text) {
  const msg = el('div', 'msg me')
  msg.append(el('p', 'text', text))
  log.append(msg)
  scrollDown()
  remember({ who: 'me', text })
  return msg
}

/** The dialog's buttons (not ticket news', whose rating buttons stay good until used). */
const dialogOptions = () => log.querySelectorAll('.msg.bot:not(.news) .option')

/** A reply that points back to the question above (请接着回答上面的问题) leaves that question's buttons on. */
const REFERS_BACK = /上面的问题|接着回答|接着回上面/

/** Rating news ("回复"评价"加分数"): its buttons say 评价 N, so that a tap rates even while the dialog asks something. */
const RATING_NEWS = /回复?"评价"加/

/** A reply saying a rating was taken (or was taken before): the rated ticket's buttons are done with. */
const RATED = /谢谢您(?:对工单 \S+ )?的评价|谢谢您(?:给 \S+ )?打分|已经评价过了|您打过分了/

/**
 * Switches off the rating buttons of the ticket `text` names (a 评价 sent, or the bot's thanks for one), or of
 * every ticket when it names none (one ticket waited for a rating).
 */
function disableRatingButtons(text) {
  const id = /DB\d{10,12}/.exec(text)
  for (const old of log.querySelectorAll('.msg.news .option')) {
    if (!old.dataset.say?.startsWith('评价')) continue
    if (!id || old.dataset.say.includes(id[0])) old.disabled = true
  }
}

/** 评价 N for the ticket the news is about (评价 DB… N), so that a tap rates that one, not the newest. */
function ratingSay(text, n) {
  const id = /DB\d{10,12}/.exec(text)
  return id ? `评价 ${id[0]} ${n}` : `评价 ${n}`
}

/**
 * A bot bubble; its numbered choices become buttons. A new dialog reply with choices switches off older replies'
 * buttons, whose numbers would now mean something else (see deliver for replies without); ticket news and error
 * notes leave them be.
 */
function addBot(text, kind = 'bot') {
  const msg = el('div', `msg bot ${kind === 'bot' ? '' : kind}`.trim())
  const bubble = el('p', 'text')
  if (kind === 'news') bubble.append(el('span', 'tag', '工单消息'))
  const { body, tail, choices, after } = splitOptions(text)
  if (kind === 'bot' && choices.length > 0) for (const old of dialogOptions()) old.disabled = true
  bubble.append(withPhoneLinks(body))
  // The choices as written; 长者模式 hides them, the buttons below say the same in bigger letters.
  if (tail !== '') {
    const written = el('span', 'choices-text')
    written.append(withPhoneLinks(`${body === '' ? '' : '\n'}${tail}`))
    bubble.append(written)
  }
  if (after) bubble.append(withPhoneLinks(`\n${after}`))
  msg.append(bubble)
  if (choices.length > 0) {
    const row = el('div', 'options')
    for (const { n, label } of choices) {
      const button = el('button', 'option')
      button.type = 'button'
      button.dataset.say = kind === 'news' && RATING_NEWS.test(text) ? ratingSay(text, n) : String(n)
      button.append(el('span', 'num', String(n)), el('span', 'label', label))
      row.append(button)
    }
    msg.append(row)
  }
  log.append(msg)
  // A reply taller than the screen (sixteen towns as big buttons) is shown from its start, where its question is.
  if (msg.offsetHeight > log.clientHeight) msg.scrollIntoView({ block: 'start' })
  else scrollDown()
  remember({ who: 'bot', kind, text })
}

function addSystem(text) {
  addBot(text, 'system')
}

// ---- the conversation so far, kept in this browser so that a reload does not lose it ----

let restoring = false

function readTranscript() {
  try {
    const saved = JSON.parse(localStorage.getItem(TRANSCRIPT_KEY) ?? 'null')
    if (!saved || !Array.isArray(saved.entries) || Date.now() - saved.at > TRANSCRIPT_IDLE_MS) return []
    return saved.entries.filter((e) => e && typeof e.text === 'string')
  } catch {
    return []
  }
}

function remember(entry) {
  if (restoring || entry.kind === 'system') return
  try {
    const entries = [...readTranscript(), entry].slice(-TRANSCRIPT_MAX)
    localStorage.setItem(TRANSCRIPT_KEY, JSON.stringify({ at: Date.now(), entries }))
  } catch {
    // Private browsing may refuse storage: the page still works, a reload just starts with an empty screen.
  }
}

/**
 * Puts the saved conversation back, its buttons as they stood: a dialog reply with no choices that does not point
 * back switched older ones off (as deliver does), and a rating already sent switches off the news' rating buttons.
 */
function restoreTranscript() {
  const entries = readTranscript()
  if (entries.length === 0) return
  restoring = true
  for (const e of entries) {
    if (e.who === 'me') {
      addMine(e.text)
      // The rating sent switches off that ticket's rating buttons (all of them, for a 评价 naming none).
      if (/^评价/.test(e.text)) disableRatingButtons(e.text)
    } else if (e.kind === 'failed') addSystem(e.text)
    else {
      const kind = e.kind === 'news' ? 'news' : 'bot'
      if (kind === 'bot' && splitOptions(e.text).choices.length === 0 && !REFERS_BACK.test(e.text)) {
        for (const old of dialogOptions()) old.disabled = true
      }
      addBot(e.text, kind)
      // A rating typed in words (挺好的) shows only in the bot's thanks.
      if (kind === 'bot' && RATED.test(e.text)) disableRatingButtons(e.text)
    }
  }
  restoring = false
}

// ---- talking to the server ----

/**
 * The API's Chinese error message, or a plain one when the network itself failed. `refused`: the server answered
 * that it did not take the message (a 4xx, or 503: the turn was not taken), so sending it again is safe; after a
 * network failure or a 500 nobody knows whether the bot took it.
 */
async function request(path, options) {
  let res
  try {
    res = await fetch(path, { credentials: 'same-origin', ...options })
  } catch {
    throw Object.assign(new Error('网络连接不上，请检查网络后再试。'), { refused: false })
  }
  const body = await res.json().catch(() => undefined)
  if (!res.ok) {
    const refused = (res.status >= 400 && res.status < 500) || res.status === 503
    throw Object.assign(new Error(body?.error?.message ?? '服务暂时出了点问题，请稍后再试。'), { refused })
  }
  return body
}

/** The page is being left or reloaded: requests cut short by it are not the network's fault. */
let leaving = false
for (const event of ['beforeunload', 'pagehide']) {
  window.addEventListener(event, () => {
    leaving = true
  })
}
// Back from the browser's back/forward cache: the page lives on.
window.addEventListener('pageshow', () => {
  leaving = false
})

// One message at a time, in order: a quick second tap waits for the first answer.
let queue = Promise.resolve()

/** Sends `text`; the resident's bubble shows `shown` (a tapped choice's words as well as its number). */
function say(text, shown = text, tapped = []) {
  const trimmed = text.trim()
  if (trimmed === '') return
  const mine = addMine(shown.trim())
  queue = queue.then(() => deliver(trimmed, { mine, tapped }))
}

/**
 * Sends `text` and shows the replies. When it did not get through, the resident's bubble (`mine`) is marked as not
 * sent and the buttons of the tapped choice (`tapped`) come back on, so that a tap can try again.
 */
async function deliver(text, { mine, tapped = [], lastOnly = false } = {}) {
  const waiting = el('div', 'msg bot pending')
  waiting.append(el('p', 'text', '正在回复…'))
  log.append(waiting)
  scrollDown()
  sendButton.disabled = true
  try {
    const body = await request('/web/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text, elder: elderOn() }),
    })
    if (typeof body.elder === 'boolean' && body.elder !== elderOn()) setElder(body.elder)
    waiting.remove()
    // lastOnly: asking where the dialog stands (帮助) wants its question, not the usage notes before it.
    const all = (body.replies ?? []).map(String)
    const replies = lastOnly ? all.slice(-1) : all
    // A turn whose replies bring no choices moved on to something else (a name to type): older buttons go off,
    // unless it points back to the question still open above.
    const keepOpen = replies.some((r) => REFERS_BACK.test(r))
    if (!keepOpen && replies.every((r) => splitOptions(r).choices.length === 0)) for (const old of dialogOptions()) old.disabled = true
    for (const reply of replies) addBot(reply)
    for (const reply of replies) if (RATED.test(reply)) disableRatingButtons(reply)
  } catch (err) {
    waiting.remove()
    if (err.refused) {
      // Not taken: the same answer can be given again.
      if (mine) {
        mine.classList.add('unsent')
        mine.append(el('p', 'unsent-note', '没发出去'))
      }
      for (const button of tapped) {
        button.disabled = false
        button.classList.remove('chosen')
      }
      addSystem(tapped.length > 0 ? `${err.message}可以再点一次。` : err.message)
    } else {
      // Maybe taken (the answer was lost on the way): tapping again could answer the next question unseen. Once the
      // network is back, 接着办 asks the bot which question it now waits on.
      if (mine) {
        mine.classList.add('unsent')
        mine.append(el('p', 'unsent-note', '可能没发出去'))
      }
      addSystem(`${err.message}网络好了以后，点"接着办"看看现在问到哪一步。`)
      const row = el('div', 'options')
      const resume = el('button', 'option', '接着办')
      resume.type = 'button'
      resume.dataset.resume = '1'
      row.append(resume)
      log.lastElementChild?.append(row)
    }
    // Saved too: a reload then knows this message was answered (with an error), and does not ask the bot again.
    // Not when the page itself is going away (a reload cut the request): the next page asks the bot where it stands.
    if (!leaving) remember({ who: 'bot', kind: 'failed', text: err.message })
  } finally {
    sendButton.disabled = false
  }
  await fetchNews()
}

/** Without storage (private browsing) the news state lives as long as the page. */
let newsInMemory = { shown: [], unacked: [] }
/** A write that failed leaves the stored state behind this page's: from then on the page's memory holds. */
let newsStorageFailed = false

function readNews() {
  if (newsStorageFailed) return newsInMemory
  try {
    const saved = JSON.parse(localStorage.getItem(NEWS_KEY) ?? 'null')
    if (saved && Array.isArray(saved.shown) && Array.isArray(saved.unacked)) return saved
  } catch {
    // Fall back on this page's memory.
  }
  return newsInMemory
}

function saveNews(state) {
  newsInMemory = { shown: state.shown.slice(-200), unacked: state.unacked.slice(-100) }
  try {
    localStorage.setItem(NEWS_KEY, JSON.stringify(newsInMemory))
  } catch {
    newsStorageFailed = true
  }
}

/**
 * Ticket news stays on the server until this page says it showed it (the ids go with the next read): an answer lost
 * on a weak signal, or cut by a reload, brings the same news again. News already shown is not shown twice.
 */
async function fetchNews() {
  const acking = readNews().unacked.slice(0, 100)
  try {
    const body = await request('/web/api/messages', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ack: acking }),
    })
    const state = readNews()
    state.unacked = state.unacked.filter((id) => !acking.includes(id))
    for (const m of body.messages ?? []) {
      const id = String(m.id)
      if (!state.shown.includes(id)) {
        addBot(String(m.text), 'news')
        state.shown.push(id)
      }
      if (!state.unacked.includes(id)) state.unacked.push(id)
    }
    saveNews(state)
  } catch {
    // Ticket news is not urgent: the next poll tries again.
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault()
  const text = input.value
  input.value = ''
  say(text)
  input.focus()
})

// 接着办 after a message that may not have got through: the question the bot waits on now, without a bubble of ours.
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-resume]') : null
  if (!button || button.disabled) return
  button.disabled = true
  queue = queue.then(() => deliver('帮助', { lastOnly: true }))
})

// Option buttons, examples and quick commands all say their data-say text.
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-say]') : null
  if (!button || button.disabled) return
  // A choice is sent as its number; the bubble says which choice it was, for whoever reads back later.
  const label = button.classList.contains('option') ? button.querySelector('.label')?.textContent : undefined
  // One answer per question: a second tap (a shaky finger, a slow reply) would answer the next question unseen.
  const tapped = []
  if (button.classList.contains('option')) {
    for (const sibling of button.parentElement?.querySelectorAll('.option') ?? []) {
      if (!sibling.disabled) tapped.push(sibling)
      sibling.disabled = true
    }
    button.classList.add('chosen')
  }
  say(button.dataset.say, label ? `${button.dataset.say} ${label}` : button.dataset.say, tapped)
})

restoreTranscript()

// Reloaded before the last message's reply arrived: the bot may have moved on to a question not on screen. The old
// buttons go off and the bot is asked for the question it now waits on (帮助 says it again), without a bubble of ours.
const saved = readTranscript()
// (Not .at(-1): older phone browsers lack it, and an error here would stop the ticket news below.)
const lastSaid = saved[saved.length - 1]
if (lastSaid?.who === 'me') {
  for (const old of dialogOptions()) old.disabled = true
  addSystem('刚才那条的回复没收到，下面是现在要回答的问题：')
  queue = queue.then(() => deliver('帮助', { lastOnly: true }))
}

// The first request gets the browser its signed id, before anything is said; then ticket news is polled
// while the page is on screen.
queue = queue.then(fetchNews)
setInterval(() => {
  if (document.visibilityState === 'visible') queue = queue.then(fetchNews)
}, POLL_MS)
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') queue = queue.then(fetchNews)
})
