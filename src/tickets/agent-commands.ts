/**
 * Agent commands typed in WeChat: 接单 ID, 办理 ID, 退回 ID 原因, 办结 ID [说明], 查看 ID, 我的工单,
 * 回访 ID 情况 (督办), 帮助. Replies are short Chinese text.
 */
import { agentAct, agentQueue, agentView, type AgentVerb } from './agent-actions.js'
import { findTicketId } from './ids.js'
import type { TicketEnv } from './service.js'
import { agentSummary, formatDeadline, formatTime, historyLines } from './texts.js'
import type { Agent, TicketState } from './types.js'

export type AgentCommand =
  | { kind: AgentVerb; id: string; text: string }
  | { kind: 'view'; id: string }
  | { kind: 'mine' }
  | { kind: 'help' }
  /** A known verb without a ticket id. */
  | { kind: 'missingId'; verb: string }

const VERBS: [RegExp, AgentVerb | 'view', string][] = [
  [/^(接单|领单|抢单)/, 'claim', '接单'],
  [/^(开始办理|办理)/, 'start', '办理'],
  [/^(退回|退单)/, 'return', '退回'],
  [/^(办结|办完|完成)/, 'done', '办结'],
  [/^(回访)/, 'followUp', '回访'],
  [/^(查看|详情|查询)/, 'view', '查看'],
]

/** Parses an agent's message; undefined when it is not a command (let the caller treat it otherwise). */
export function parseAgentCommand(text: string): AgentCommand | undefined {
  const t = text.normalize('NFKC').trim()
  if (/^(我的工单|我的任务|工单列表|待办|我的待办)$/.test(t)) return { kind: 'mine' }
  if (/^(帮助|菜单|命令|\?|？)$/.test(t)) return { kind: 'help' }
  for (const [re, kind, label] of VERBS) {
    const m = re.exec(t)
    if (!m) continue
    const rest = t.slice(m[0].length).trim()
    const id = findTicketId(rest)
    if (id === undefined) return rest === '' || !/\d/.test(rest) ? { kind: 'missingId', verb: label } : undefined
    const after = rest.replace(/^[:：\s]*d\s*b\s*(\d\s*){10,12}/i, '').replace(/^[\s,，:：]+/, '').trim()
    return kind === 'view' ? { kind: 'view', id } : { kind, id, text: after }
  }
  return undefined
}

export const AGENT_HELP = [
  '代办员可用的命令：',
  '接单 工单号 —— 接下这个工单',
  '办理 工单号 —— 开始办理',
  '退回 工单号 原因 —— 请居民补材料',
  '办结 工单号 [说明] —— 办完了',
  '查看 工单号 —— 看工单详情',
  '我的工单 —— 看待接单和我接的工单',
  '回访 工单号 情况 —— 督办记录差评回访',
].join('\n')

const DONE_REPLY: Record<AgentVerb, (id: string) => string> = {
  claim: (id) => `接单成功，已通知居民。开始办理请回复：办理 ${id}；缺材料请回复：退回 ${id} 原因`,
  start: (id) => `工单 ${id} 开始办理，已通知居民。办完请回复：办结 ${id}`,
  return: (id) => `工单 ${id} 已退回，居民补齐后会通知您。`,
  done: (id) => `工单 ${id} 已办结，已请居民评价。`,
  followUp: (id) => `工单 ${id} 的回访已记录，已告知居民。`,
}

/** Handles an agent's message; undefined when it is not an agent command. */
export async function handleAgentText(env: TicketEnv, agent: Agent, text: string, now: number): Promise<string[] | undefined> {
  const cmd = parseAgentCommand(text)
  if (cmd === undefined) return undefined
  switch (cmd.kind) {
    case 'help':
      return [AGENT_HELP]
    case 'missingId':
      return [`请带上工单号，例如：${cmd.verb} DB2611220007`]
    case 'mine':
      return [await queueText(env, agent)]
    case 'view': {
      const v = await agentView(env, agent, cmd.id)
      if (!v.ok) return [v.message]
      const history = historyLines(v.ticket.history.slice(-6), env.network, !v.full)
      return [`${agentSummary(v.ticket, env.network, v.full)}\n进展：\n${history.join('\n')}`]
    }
    default: {
      const r = await agentAct(env, agent, cmd.id, cmd.kind, cmd.text, now)
      if (!r.ok) return [r.message]
      const reply = DONE_REPLY[cmd.kind](r.ticket.id)
      // The claimer gets the resident's full details once, with the claim.
      return cmd.kind === 'claim' ? [reply, agentSummary(r.ticket, env.network, true)] : [reply]
    }
  }
}

async function queueText(env: TicketEnv, agent: Agent): Promise<string> {
  const q = await agentQueue(env, agent)
  const line = (t: TicketState) => `${t.id} ${t.itemName}（${t.status}，${formatTime(t.createdAt).slice(5)}）`
  const parts = [
    q.waiting.length > 0 ? `待接单（${q.waiting.length}）：\n${q.waiting.slice(0, 10).map(line).join('\n')}` : '待接单：无',
    q.mine.length > 0 ? `我接的（${q.mine.length}）：\n${q.mine.slice(0, 10).map(line).join('\n')}` : '我接的：无',
  ]
  if (agent.role === '督办') {
    parts.push(q.overdue.length > 0 ? `已超期（${q.overdue.length}）：\n${q.overdue.slice(0, 10).map(line).join('\n')}` : '已超期：无')
    // Whom to call: the supervisor does the 回访, so the resident is named in full.
    const followUp = (t: TicketState) =>
      `${t.id} ${t.itemName}（${t.rating?.score ?? ''} 分，${formatDeadline(t.followUp!.dueAt)}前）${t.name} ${t.phone}`
    parts.push(q.followUps.length > 0 ? `待回访（${q.followUps.length}）：\n${q.followUps.slice(0, 10).map(followUp).join('\n')}\n回访后回复：回访 工单号 情况` : '待回访：无')
  }
  return `${parts.join('\n')}\n回复"查看 工单号"看详情。`
}
