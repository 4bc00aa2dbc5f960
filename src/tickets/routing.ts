/**
 * Routing in the service network (pure): the resident's village point and the item's tiers pick the node,
 * the node's agents get the ticket; a node without agents passes it up the tree.
 */
import type { CatalogItem } from '../catalog/types.js'
import type { Agent, HelpKind, Network, Tier } from './types.js'

export interface RouteInput {
  /** Tiers where the item can be handled (from the catalogue). */
  tiers: readonly Tier[]
  /** For county-tier work: the county hall that handles the item, when the catalogue names one. */
  countyPointId?: string
  /** The resident's village or community point. */
  areaPointId: string
  help: HelpKind
}

export type RouteResult =
  | { ok: true; nodeId: string; tier: Tier; agents: Agent[] }
  | { ok: false; message: string }

/** The node, then its parent, … up to the root; stops on unknown ids and cycles. */
export function ancestors(network: Network, nodeId: string): string[] {
  const path: string[] = []
  let id: string | undefined = nodeId
  while (id !== undefined && network.points.has(id) && !path.includes(id)) {
    path.push(id)
    id = network.points.get(id)?.parentId
  }
  return path
}

/** The agents (role 代办员) serving a node. */
export function agentsAt(network: Network, nodeId: string): Agent[] {
  return (network.agentsByPoint.get(nodeId) ?? []).filter((a) => a.role === '代办员')
}

/** The nearest supervisors (督办) at the node or above it. */
export function supervisorsFor(network: Network, nodeId: string): Agent[] {
  for (const id of ancestors(network, nodeId)) {
    const sups = (network.agentsByPoint.get(id) ?? []).filter((a) => a.role === '督办')
    if (sups.length > 0) return sups
  }
  return []
}

/**
 * Who follows up a ticket's 差评: the supervisors where it ended up and those over the agent who did the work (a
 * county ticket claimed by a town agent is the town's to follow up too). They alone see the resident in full for it.
 */
export function followUpSupervisors(network: Network, t: { nodeId: string; claimedBy?: string | undefined }): Agent[] {
  const sups = supervisorsFor(network, t.nodeId)
  const claimer = t.claimedBy === undefined ? undefined : network.agentsById.get(t.claimedBy)
  if (claimer === undefined) return sups
  return [...new Set([...sups, ...supervisorsFor(network, claimer.pointId)])]
}

/** The county hall named in the item's places, if any (e.g. 不动产登记中心). */
export function countyPointOf(item: Pick<CatalogItem, 'places'>, network: Network): string | undefined {
  for (const place of item.places) {
    if (place.pointId !== undefined && network.points.get(place.pointId)?.tier === '县') return place.pointId
  }
  return undefined
}

/**
 * Picks the node: the village when the item allows 村 (and always for 特办, door-to-door by the village agent),
 * else the resident's town, else the county (the item's own hall when named); then the first node
 * from there up the tree that has agents.
 */
export function route(network: Network, input: RouteInput): RouteResult {
  const area = network.points.get(input.areaPointId)
  if (area === undefined) return { ok: false, message: `不认识的服务点编号 ${input.areaPointId}` }
  const path = ancestors(network, input.areaPointId)
  const atTier = (tier: Tier) => path.find((id) => network.points.get(id)?.tier === tier)

  let target: string | undefined
  let tier: Tier
  if (input.help === '特办' || input.tiers.includes('村')) {
    target = atTier('村') ?? input.areaPointId
    tier = '村'
  } else if (input.tiers.includes('镇')) {
    target = atTier('镇')
    tier = '镇'
  } else {
    const hall = input.countyPointId
    target = hall !== undefined && network.points.has(hall) ? hall : atTier('县')
    tier = '县'
  }
  if (target === undefined) return { ok: false, message: `服务点 ${input.areaPointId} 上级没有${tier}级服务点` }
  return { ok: true, tier, ...withAgents(network, target) }
}

/** The first node from `nodeId` up that has agents; the root when none has. */
export function withAgents(network: Network, nodeId: string): { nodeId: string; agents: Agent[] } {
  const path = ancestors(network, nodeId)
  for (const id of path) {
    const agents = agentsAt(network, id)
    if (agents.length > 0) return { nodeId: id, agents }
  }
  return { nodeId: path[path.length - 1] ?? nodeId, agents: [] }
}

/** Where an unclaimed ticket goes when escalated: the tier above (with agents); undefined at the root. */
export function escalationTarget(network: Network, nodeId: string): { nodeId: string; agents: Agent[] } | undefined {
  const parent = network.points.get(nodeId)?.parentId
  if (parent === undefined || !network.points.has(parent)) return undefined
  return withAgents(network, parent)
}

/** Whether `agent` may work on a ticket assigned along `chain`: it serves a node of the chain, or supervises one. */
export function mayHandle(network: Network, agent: Agent, chain: readonly string[]): boolean {
  if (chain.includes(agent.pointId)) return true
  if (agent.role !== '督办') return false
  return chain.some((id) => ancestors(network, id).includes(agent.pointId))
}
