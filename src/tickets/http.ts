/**
 * The agents' HTTP API, with a bearer token per agent (its SHA-256 is 令牌哈希 in catalog/network.yaml):
 *   GET  /api/agent/me                      → {agent}
 *   GET  /api/agent/tickets                 → {waiting, mine, overdue}
 *   GET  /api/agent/tickets/:id             → {ticket}   (resident details in full only for the claimer)
 *   POST /api/agent/tickets/:id/actions     {action: claim|start|return|done|followUp, text?} → {ticket}
 *   GET  /api/agent/stats                   → {stats}          (督办)
 *   GET  /api/agent/dead-letters            → {deadLetters}    (督办; notifications that could not be delivered)
 * Errors are `{error: {code, message}}` with a Chinese message.
 */
import { Router } from '@koa/router'
import type { Middleware } from 'koa'
import { z } from 'zod'
import { HttpError } from '../server/errors.js'
import { readJsonBody } from '../server/json-body.js'
import { agentAct, agentQueue, agentView, followsUp, ticketJsonForAgent } from './agent-actions.js'
import { maskNotificationText } from './mask.js'
import { hashAgentToken } from './network-file.js'
import type { NotificationQueue } from './ports.js'
import type { TicketEnv } from './service.js'
import { ticketStats } from './stats.js'
import type { Agent } from './types.js'

export interface AgentRouterDeps {
  env: TicketEnv
  /** For the dead-letter list. */
  queue: Pick<NotificationQueue, 'deadLetters'>
  now?: () => number
  bodyLimitBytes?: number
  /** Finds the agent of a token; defaults to matching sha256(token) against the network's 令牌哈希. */
  authenticate?: (token: string) => Agent | undefined
}

const ActionBody = z.strictObject(
  {
    action: z.enum(['claim', 'start', 'return', 'done', 'followUp'], { error: 'action 应为 claim、start、return、done、followUp 之一' }),
    text: z.string({ error: 'text 应为字符串' }).max(500, { error: 'text 不能超过 500 个字' }).optional(),
  },
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `不认识的字段：${iss.keys.join('、')}（只能有 action 和 text）`
        : '请求内容应为 JSON 对象，例如 {"action": "claim"}',
  },
)

const STATUS_OF_REFUSAL = { not_found: 404, forbidden: 403, claimed: 409, bad_status: 409, invalid: 400 } as const

type State = { agent: Agent }

export function createAgentRouter(deps: AgentRouterDeps): Router<State> {
  const router = new Router<State>({ prefix: '/api/agent' })
  const now = deps.now ?? Date.now
  const authenticate =
    deps.authenticate ??
    ((token: string) => {
      const hash = hashAgentToken(token)
      return deps.env.network.agents.find((a) => a.tokenHash === hash)
    })

  router.use(renderErrors)
  router.use(async (ctx, next) => {
    const token = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(ctx.get('authorization'))?.[1]
    const agent = token === undefined ? undefined : authenticate(token)
    if (agent === undefined) {
      throw new HttpError(401, 'unauthorized', '缺少或错误的代办员令牌：请在请求头加 Authorization: Bearer <令牌>', {
        'WWW-Authenticate': 'Bearer',
      })
    }
    ctx.state.agent = agent
    await next()
  })
  const supervisorsOnly: Middleware<State> = async (ctx, next) => {
    if (ctx.state.agent.role !== '督办') throw new HttpError(403, 'forbidden', '只有督办人员可以查看')
    await next()
  }

  router.get('/me', (ctx) => {
    const a = ctx.state.agent
    const point = deps.env.network.points.get(a.pointId)
    ctx.body = { agent: { id: a.id, name: a.name, role: a.role, point: { id: a.pointId, name: point?.name ?? a.pointId } } }
  })

  router.get('/tickets', async (ctx) => {
    const q = await agentQueue(deps.env, ctx.state.agent)
    const agent = ctx.state.agent
    const json = (list: typeof q.waiting) => list.map((t) => ticketJsonForAgent(t, deps.env, t.claimedBy === agent.id || followsUp(deps.env.network, agent, t)))
    ctx.body = { waiting: json(q.waiting), mine: json(q.mine), overdue: json(q.overdue), followUps: json(q.followUps) }
  })

  router.get('/tickets/:id', async (ctx) => {
    const v = await agentView(deps.env, ctx.state.agent, ticketIdParam(ctx.params.id))
    if (!v.ok) throw new HttpError(STATUS_OF_REFUSAL[v.code], v.code, v.message)
    ctx.body = { ticket: ticketJsonForAgent(v.ticket, deps.env, v.full) }
  })

  router.post('/tickets/:id/actions', async (ctx) => {
    const parsed = ActionBody.safeParse(await readJsonBody(ctx, deps.bodyLimitBytes ?? 16_384))
    if (!parsed.success) throw new HttpError(400, 'invalid_body', parsed.error.issues.map((i) => i.message).join('；'))
    const { action, text = '' } = parsed.data
    const agent = ctx.state.agent
    const r = await agentAct(deps.env, agent, ticketIdParam(ctx.params.id), action, text, now())
    if (!r.ok) throw new HttpError(STATUS_OF_REFUSAL[r.code], r.code, r.message)
    ctx.body = { ticket: ticketJsonForAgent(r.ticket, deps.env, r.ticket.claimedBy === agent.id || followsUp(deps.env.network, agent, r.ticket)) }
  })

  router.get('/stats', supervisorsOnly, async (ctx) => {
    ctx.body = { stats: await ticketStats(deps.env.store, now(), (id) => deps.env.network.points.get(id)?.tier) }
  })

  router.get('/dead-letters', supervisorsOnly, async (ctx) => {
    const dead = await deps.queue.deadLetters(100)
    ctx.body = {
      deadLetters: dead.map((d) => ({
        id: d.notification.id,
        ticketId: d.notification.ticketId,
        event: d.notification.event,
        to: d.notification.to.kind === 'agent' ? `agent:${d.notification.to.agentId}` : `resident:${d.notification.to.resident.channel}`,
        text: maskNotificationText(d.notification),
        attempts: d.attempts,
        error: d.error,
        at: new Date(d.at).toISOString(),
      })),
    }
  })

  return router
}

function ticketIdParam(raw: string | undefined): string {
  const id = (raw ?? '').toUpperCase()
  if (!/^DB\d{10,12}$/.test(id)) throw new HttpError(400, 'invalid_id', '工单号格式不对，应为 DB 加 10 位数字，如 DB2611220007')
  return id
}

/** Renders errors in the API's shape even when the app mounting this router has no error middleware. */
const renderErrors: Middleware = async (ctx, next) => {
  try {
    await next()
  } catch (err) {
    if (!(err instanceof HttpError)) throw err
    ctx.status = err.status
    ctx.set(err.headers)
    ctx.body = { error: { code: err.code, message: err.message } }
  }
}
