/**
 * `npm run --silent bench:http`: POST /api/chat with the Redis store against a bare Koa echo endpoint,
 * both in this process on loopback, 50 concurrent residents over keep-alive connections, each in the middle
 * of a dialog (a question first, then answers, then the next question). Prints one JSON line:
 * {"bot_rps", "echo_rps", "ratio", "bot_p99_ms"}. Redis: REDIS_URL or redis://127.0.0.1:6379, under a
 * unique key prefix that is deleted afterwards.
 */
import { Agent, request } from 'node:http'
import Koa from 'koa'
import { startBenchServer } from '../bench/bench-server.js'
import { quantileMs } from '../bench/quantile.js'
import { listen } from '../server/http-server.js'

const RESIDENTS = 50
/** Each endpoint runs SLICES × SLICE_MS in total (5 s). */
const SLICES = 5
const SLICE_MS = 1_000
const QUESTIONS = ['怎么申请低保', '失业保险金怎么领', '孩子随迁入学要什么材料', '居住证怎么办', '残疾人两项补贴怎么申请']
/** A resident who has not reached the end of a walk-through after this many answers asks the next question anyway. */
const MAX_ANSWERS = 12

const bot = await startBenchServer('http')
const echo = await listen(echoApp().callback(), 0, '127.0.0.1')
const agent = new Agent({ keepAlive: true, maxSockets: RESIDENTS })

try {
  const botRun = newRun()
  const echoRun = newRun()
  const botResidents = residents(true)
  const echoResidents = residents(false)
  await warmUp(bot.port, botResidents)
  await warmUp(echo.port, echoResidents)
  await drive(bot.port, botResidents, newRun())
  await drive(echo.port, echoResidents, newRun())
  // Alternating short slices, so that both endpoints see the same background load on a shared machine.
  for (let slice = 0; slice < SLICES; slice++) {
    await drive(bot.port, botResidents, botRun)
    await drive(echo.port, echoResidents, echoRun)
  }
  const bot_rps = botRun.count / (botRun.ms / 1000)
  const echo_rps = echoRun.count / (echoRun.ms / 1000)
  process.stdout.write(
    JSON.stringify({
      bot_rps: Math.round(bot_rps),
      echo_rps: Math.round(echo_rps),
      ratio: Math.round((bot_rps / echo_rps) * 1000) / 1000,
      bot_p99_ms: quantileMs(botRun.latencies, 0.99),
    }) + '\n',
  )
} finally {
  agent.destroy()
  await echo.stop(1_000)
  await bot.close()
}

/** A bare Koa app that reads the JSON body and sends the text back: the floor for any JSON endpoint. */
function echoApp(): Koa {
  const app = new Koa()
  app.use(async (ctx) => {
    const chunks: Buffer[] = []
    for await (const chunk of ctx.req) chunks.push(chunk as Buffer)
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text?: string }
    ctx.body = { replies: [body.text ?? ''] }
  })
  return app
}

interface Run {
  count: number
  ms: number
  latencies: number[]
}

interface Resident {
  userId: string
  question: string
  /** Answers given since the last question. */
  answered: number
  next: string
  /** The bot's replies steer the next message; the echo's do not. */
  followsDialog: boolean
}

function newRun(): Run {
  return { count: 0, ms: 0, latencies: [] }
}

function residents(followsDialog: boolean): Resident[] {
  return Array.from({ length: RESIDENTS }, (_, i) => {
    const question = QUESTIONS[i % QUESTIONS.length]!
    return { userId: `bench-${i}`, question, answered: 0, next: question, followsDialog }
  })
}

/** One message, and what this resident says next: '1' through the walk-through, then the question again. */
async function send(port: number, r: Resident): Promise<void> {
  const replies = await post(port, { userId: r.userId, text: r.next })
  if (!r.followsDialog) return
  const finished = replies.some((s) => s.includes('祝您办理顺利'))
  r.answered = r.next === r.question ? 0 : r.answered + 1
  r.next = finished || r.answered >= MAX_ANSWERS ? r.question : '1'
}

/**
 * Untimed: every resident asks its question and gives a first answer, so all are mid-dialog when timing starts.
 * The untimed slice after it (bench-http's top level) lets the JIT compile each endpoint's hot paths first: the
 * target is sustained throughput, and the bot's first second runs at about half speed while its dialog and
 * matcher code is still being compiled, which would otherwise weigh on its ratio and p99 alone.
 */
async function warmUp(port: number, rs: Resident[]): Promise<void> {
  for (let i = 0; i < 2; i++) await Promise.all(rs.map((r) => send(port, r)))
}

/** All residents, each sending its next message as soon as the previous is answered, for one slice. */
async function drive(port: number, rs: Resident[], run: Run): Promise<void> {
  const start = performance.now()
  const end = start + SLICE_MS
  await Promise.all(
    rs.map(async (r) => {
      while (performance.now() < end) {
        const t0 = performance.now()
        await send(port, r)
        run.latencies.push(performance.now() - t0)
        run.count++
      }
    }),
  )
  run.ms += performance.now() - start
}

function post(port: number, body: object): Promise<string[]> {
  const data = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1', port, path: '/api/chat', method: 'POST', agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`))
          else resolve((JSON.parse(text) as { replies: string[] }).replies)
        })
      },
    )
    req.on('error', reject)
    req.end(data)
  })
}
