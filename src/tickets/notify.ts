/**
 * Who is told what after a ticket change (pure): the resident at every status change they did not make
 * themselves, the node's agents about new and escalated tickets, supervisors about escalations, overdue work
 * and 差评. Texts to agents carry the resident masked; the claimer sees full details by asking (查看 ID).
 */
import { agentsAt, followUpSupervisors, supervisorsFor } from './routing.js'
import { RATING_LABELS } from './rating.js'
import { residentWords, type ResultCollection } from './resident-words.js'
import { agentSummary, formatDeadline, pointName } from './texts.js'
import type { Agent, HistoryEntry, Network, Notification, Recipient, Ticket } from './types.js'

export function toAgent(agent: Agent): Recipient {
  return { kind: 'agent', agentId: agent.id, wechat: agent.wechat, role: agent.role }
}

/** The notifications one history entry sets off; `before` is the ticket before the change (none on open). */
export function notificationsFor(before: Ticket | undefined, after: Ticket, entry: HistoryEntry, network: Network): Notification[] {
  const out: Notification[] = []
  // Every notice carries the resident's name and phone as they may appear in it (the claimer's and the 回访's in full,
  // a comment may repeat them): a log line or a webhook masks them wherever they are.
  const personal = { names: [after.name], phones: [after.phone] }
  const add = (to: Recipient, text: string) => {
    const key = to.kind === 'agent' ? to.agentId : 'resident'
    out.push({ id: `${after.id}:${after.version}:${key}`, ticketId: after.id, event: entry.action, to, text, at: entry.at, ...personal })
  }
  const resident: Recipient = { kind: 'resident', resident: after.resident }
  const claimer = after.claimedBy === undefined ? undefined : network.agentsById.get(after.claimedBy)
  const sups = supervisorsFor(network, after.nodeId)
  // A 差评 is about the work: the supervisors over the agent who did it hear of it too (followUpSupervisors).
  const ratingSups = followUpSupervisors(network, after)
  const item = `${after.id}（${after.itemName}）`
  const summary = agentSummary(after, network, false)
  // In the words the resident chose when applying (长者模式 or not).
  const words = residentWords(after.elder)

  switch (entry.action) {
    case 'open':
      for (const a of agentsAt(network, after.nodeId)) add(toAgent(a), `【新代办工单】\n${summary}\n接单请回复：接单 ${after.id}`)
      if (agentsAt(network, after.nodeId).length === 0) {
        for (const s of sups) add(toAgent(s), `【无人可派】这个工单找不到代办员，请安排：\n${summary}`)
      }
      break
    case 'claim':
      if (claimer) add(resident, words.claimed(item, claimer.name, claimer.phone))
      for (const a of agentsAt(network, after.nodeId)) {
        if (a.id !== after.claimedBy) add(toAgent(a), `工单 ${after.id} 已由 ${claimer?.name ?? '其他代办员'} 接单，您不用再处理。`)
      }
      break
    case 'start':
      add(resident, words.started(item))
      break
    case 'return':
      add(resident, words.returned(item, entry.note ?? '', after.id))
      break
    case 'resume':
      if (claimer) add(toAgent(claimer), `工单 ${after.id} 居民已补齐：${entry.note ?? '（无说明）'}\n工单回到办理中。`)
      break
    case 'done':
      add(resident, `${words.done(item, entry.note, collection(after, network, claimer))}\n${words.ratingPrompt(network.settings.ratingDays)}`)
      break
    case 'cancel':
      for (const a of agentsAt(network, after.nodeId)) add(toAgent(a), `工单 ${after.id} 居民已取消，不用再接单。`)
      break
    case 'escalate': {
      const hours = network.settings.claimHours
      const from = pointName(network, before?.nodeId ?? after.nodeId)
      const moved = before !== undefined && before.nodeId !== after.nodeId
      if (moved) {
        for (const a of agentsAt(network, after.nodeId)) {
          add(toAgent(a), `【督办转派】${from}超过 ${hours} 小时无人接单，转给您：\n${summary}\n接单请回复：接单 ${after.id}`)
        }
        add(resident, words.escalated(item, pointName(network, after.nodeId)))
      }
      for (const s of sups) {
        const where = moved ? `已转${pointName(network, after.nodeId)}` : '已到最上一级'
        add(toAgent(s), `【督办】工单 ${item}在${from}超过 ${hours} 小时无人接单，${where}，请督促接单。`)
      }
      break
    }
    case 'overdue': {
      // No overdue timer is set without a due date (以窗口为准); a stray one says nothing.
      if (after.dueAt === undefined) break
      const state = `当前状态：${after.status}${claimer ? `，代办员 ${claimer.name}` : ''}`
      const text = `【超期】工单 ${item}已超过承诺时限（${formatDeadline(after.dueAt)}），${state}。请督促办理。`
      for (const s of sups) add(toAgent(s), text)
      if (claimer && !sups.includes(claimer)) add(toAgent(claimer), text)
      break
    }
    case 'rate':
      if (after.followUp !== undefined && after.rating !== undefined) {
        const score = after.rating.score
        for (const s of ratingSups) {
          add(
            toAgent(s),
            `【差评回访】工单 ${item}居民评价 ${score} ${RATING_LABELS[score]}。请在 ${formatDeadline(after.followUp.dueAt)}前回访，` +
              // The supervisor is to call: the resident in full, as for the agent who claimed it.
              `居民：${after.name}，电话 ${after.phone}${after.rating.comment ? `，意见：${after.rating.comment}` : ''}。` +
              `回访后回复：回访 ${after.id} 情况`,
          )
        }
      }
      break
    case 'comment':
      if (after.followUp !== undefined && after.rating?.comment) {
        for (const s of ratingSups) add(toAgent(s), `工单 ${after.id} 居民补充了评价意见：${after.rating.comment}`)
      }
      break
    case 'followUp':
      add(resident, words.followedUp(item, entry.note ?? ''))
      break
    case 'followUpOverdue':
      if (after.followUp !== undefined) {
        for (const s of ratingSups) {
          add(toAgent(s), `【回访超期】工单 ${item}的差评回访已过期限（${formatDeadline(after.followUp.dueAt)}），请尽快回访。`)
        }
      }
      break
  }
  return out
}

/** How the result of a done ticket reaches the resident, as its request said (a 特办 one filed before requests said door: door). */
function collection(t: Ticket, network: Network, claimer: Agent | undefined): ResultCollection {
  const agent = claimer && { name: claimer.name, phone: claimer.phone }
  if (t.delivery.kind === 'mail') return { kind: 'mail' }
  if (t.delivery.kind === 'door' || t.help === '特办') return { kind: 'door', ...(agent && { agent }) }
  return { kind: 'pickup', point: pointName(network, t.nodeId), ...(agent && { agent }) }
}
