// The console shell: log in with a token, ask the server who that is, then show the agent's queue or the
// admin pages. Logging out (or a token the server no longer accepts) returns to the login form.
import { startAdmin, stopAdmin } from './admin.js'
import { startAgent, stopAgent } from './agent.js'
import { api, getToken, setToken, show } from './dom.js'

const $ = (id) => document.getElementById(id)

function showLogin(message = '') {
  stopAgent()
  stopAdmin()
  setToken(null)
  show($('login'), true)
  show($('agent'), false)
  show($('admin'), false)
  show($('logout'), false)
  $('who').textContent = ''
  $('login-error').textContent = message
  $('token').value = ''
  $('token').focus()
}

async function enter() {
  let me
  try {
    me = await api('/console/api/me')
  } catch (err) {
    showLogin(err.status === 401 ? err.message : `登录失败：${err.message}`)
    return
  }
  show($('login'), false)
  show($('logout'), true)
  if (me.role === 'admin') {
    $('who').textContent = '管理员'
    show($('admin'), true)
    startAdmin()
  } else {
    const a = me.agent
    $('who').textContent = `${a.role} ${a.name} · ${a.point.name}`
    show($('agent'), true)
    startAgent(a)
  }
}

$('login-form').addEventListener('submit', (event) => {
  event.preventDefault()
  const token = $('token').value.trim()
  if (token === '') return
  setToken(token)
  void enter()
})

$('logout').addEventListener('click', () => showLogin())
document.addEventListener('console:unauthorized', (event) => showLogin(event.detail ?? '登录已失效，请重新登录'))

if (getToken()) void enter()
else showLogin()
