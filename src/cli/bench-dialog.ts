/**
 * `npm run --silent bench:dialog`: prints one JSON line {"engine_p99_ms", "api_p99_ms"}.
 *   engine — step() alone (matcher included), over scripted conversations for every catalogue item: a question,
 *            the walk (with odd replies mixed in), the checklist, the 代办 collection up to the ticket.
 *   api    — the same conversations replayed one message at a time as POST /api/chat to the composed server
 *            with the Redis session store on one Redis connection and one keep-alive HTTP connection.
 * Redis: REDIS_URL or redis://127.0.0.1:6379, under a unique key prefix deleted afterwards.
 */
import { Agent, request } from 'node:http'
import { loadCatalogDir } from '../catalog/load.js'
import { loadDialogDir } from '../conversation/dialog-dir.js'
import { step, type StepInput } from '../dialog/engine.js'
import type { DialogSession } from '../dialog/session.js'
import { buildMatcher } from '../match/index.js'
import { startBenchServer } from '../bench/bench-server.js'
import { quantileMs } from '../bench/quantile.js'

const ROUNDS = 3
const API_MESSAGES = 3_000

const [c, d] = await Promise.all([loadCatalogDir('catalog'), loadDialogDir('dialogs')])
if (!c.ok || !d.ok) {
  process.stderr.write('目录或对话定义有错误，请先运行 npm run catalog:check / npm run dialogs:check\n')
  process.exit(1)
}
const catalog = c.catalog
const defs = d.definitions
const ctx = { catalog, matcher: buildMatcher(catalog), idleSeconds: 1800 }

/** What a resident answers in each state; the walk alternates 有 / 没有 and sometimes goes astray. */
function answerFor(s: DialogSession, turn: number, question: string): string {
  const odd = ['帮助', '3', '嗯嗯', '😀', '我的进度']
  if (turn % 11 === 7) return odd[turn % odd.length]!
  switch (s.state) {
    case 'welcome': case 'ask_again': case 'ask_other': case 'no_match': case 'self_done': case 'ticket_done':
      return question
    case 'materials': return turn % 3 === 0 ? '没有' : '1'
    case 'checklist': return '2'
    case 'proxy_name': return '张秀英'
    case 'proxy_phone': return turn % 2 === 0 ? '1381234' : '13812345678'
    case 'proxy_area': return s.form.townId ? '1' : '2'
    case 'proxy_delivery': return '2'
    case 'proxy_address': return '大店镇大店一村 3 排 5 号'
    case 'switch_item': return '2'
    default: return '1'
  }
}

/** One conversation per catalogue item (asked by a resident's phrasing), played through step() until a ticket or 40 messages. */
function script(itemIndex: number): string[] {
  const item = catalog.items[itemIndex]!
  const question = item.phrasings[itemIndex % Math.max(1, item.phrasings.length)] ?? item.name
  const texts: string[] = []
  let session: DialogSession | undefined
  for (let turn = 0; turn < 40; turn++) {
    const text = session ? answerFor(session, turn, question) : question
    texts.push(text)
    const result = step(defs, ctx, session, input(text), 1_000 + turn)
    session = result.session
    if (result.effects.some((e) => e.type === 'openTicket')) break
  }
  return texts
}

function input(text: string, userId = 'bench'): StepInput {
  return { resident: { channel: 'http', userId }, content: { kind: 'text', text } }
}

const scripts = catalog.items.map((_, i) => script(i))

// Engine: every script, ROUNDS times (the first round warms up and is not counted).
const engineTimes: number[] = []
for (let round = 0; round <= ROUNDS; round++) {
  for (const texts of scripts) {
    let session: DialogSession | undefined
    for (const [turn, text] of texts.entries()) {
      const t0 = performance.now()
      const result = step(defs, ctx, session, input(text), 1_000 + turn)
      const ms = performance.now() - t0
      if (round > 0) engineTimes.push(ms)
      session = result.session
    }
  }
}

// API: the composed server (Redis sessions, rate limits, metrics) on loopback.
const server = await startBenchServer('dialog')
const agent = new Agent({ keepAlive: true, maxSockets: 1 })
const apiTimes: number[] = []
try {
  let sent = 0
  for (let resident = 0; sent < API_MESSAGES + 200; resident++) {
    const texts = scripts[resident % scripts.length]!
    for (const text of texts) {
      const t0 = performance.now()
      await post(server.port, { userId: `bench-${resident}`, text })
      // The first 200 messages warm up the JIT, the connection pools and Redis.
      if (sent >= 200) apiTimes.push(performance.now() - t0)
      sent++
    }
  }
} finally {
  agent.destroy()
  await server.close()
}

process.stdout.write(JSON.stringify({ engine_p99_ms: quantileMs(engineTimes, 0.99), api_p99_ms: quantileMs(apiTimes, 0.99) }) + '\n')

function post(port: number, body: object): Promise<void> {
  const data = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1', port, path: '/api/chat', method: 'POST', agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        res.resume()
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))))
      },
    )
    req.on('error', reject)
    req.end(data)
  })
}
