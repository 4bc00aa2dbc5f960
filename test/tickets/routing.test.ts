import { describe, expect, it } from 'vitest'
import { countyPointOf, escalationTarget, mayHandle, route, supervisorsFor } from '../../src/tickets/routing.js'
import type { HelpKind, Tier } from '../../src/tickets/types.js'
import { byId, ITEMS, NETWORK } from './fixtures.js'

const routeFor = (tiers: Tier[], areaPointId: string, help: HelpKind = '代办', countyPointId?: string) =>
  route(NETWORK, { tiers, areaPointId, help, ...(countyPointId && { countyPointId }) })

describe('route(network, input)', () => {
  it('sends an item the village may handle to the village agent', () => {
    expect(routeFor(['县', '镇', '村'], 'town-a-v1')).toMatchObject({ ok: true, nodeId: 'town-a-v1', tier: '村' })
  })
  it('sends a town-and-county item to the resident’s town', () => {
    const r = routeFor(['县', '镇'], 'town-a-v1')
    expect(r).toMatchObject({ ok: true, nodeId: 'town-a-center', tier: '镇' })
    if (r.ok) expect(r.agents.map((a) => a.id)).toEqual(['a-town-1', 'a-town-2'])
  })
  it('sends a county-only item to the county hall the catalogue names', () => {
    const hall = countyPointOf(ITEMS['county-item']!, NETWORK)
    expect(hall).toBe('county-realestate')
    expect(routeFor(['县'], 'town-a-v1', '代办', hall)).toMatchObject({ ok: true, nodeId: 'county-realestate', tier: '县' })
  })
  it('sends a county-only item without a named hall to the county centre', () => {
    expect(routeFor(['县'], 'town-b-v1')).toMatchObject({ ok: true, nodeId: 'county-center', tier: '县' })
  })
  it('sends 特办 to the village agent first, even for a county item', () => {
    expect(routeFor(['县'], 'town-a-v1', '特办')).toMatchObject({ ok: true, nodeId: 'town-a-v1', tier: '村' })
  })
  it('passes a village without agents up to its town', () => {
    expect(routeFor(['县', '镇', '村'], 'town-a-v2')).toMatchObject({ ok: true, nodeId: 'town-a-center', tier: '村' })
  })
  it('passes a town without agents up to the county', () => {
    expect(routeFor(['县', '镇', '村'], 'town-b-v1')).toMatchObject({ ok: true, nodeId: 'county-center', tier: '村' })
    expect(routeFor(['县'], 'town-a-v1', '代办', 'county-police')).toMatchObject({ ok: true, nodeId: 'county-center' })
  })
  it('refuses an unknown area', () => {
    expect(routeFor(['村'], 'nowhere')).toEqual({ ok: false, message: '不认识的服务点编号 nowhere' })
  })
})

describe('escalationTarget(network, nodeId)', () => {
  it('goes to the tier above that has agents, and stops at the root', () => {
    expect(escalationTarget(NETWORK, 'town-a-v1')?.nodeId).toBe('town-a-center')
    expect(escalationTarget(NETWORK, 'town-a-center')?.nodeId).toBe('county-center')
    expect(escalationTarget(NETWORK, 'county-center')).toBeUndefined()
  })
})

describe('supervisorsFor(network, nodeId)', () => {
  it('finds the nearest supervisors up the tree', () => {
    expect(supervisorsFor(NETWORK, 'town-a-v1').map((a) => a.id)).toEqual(['s-town'])
    expect(supervisorsFor(NETWORK, 'town-b-v1').map((a) => a.id)).toEqual(['s-county'])
  })
})

describe('mayHandle(network, agent, chain)', () => {
  it('lets agents of the chain and supervisors above it act, nobody else', () => {
    expect(mayHandle(NETWORK, byId('a-v1'), ['town-a-v1'])).toBe(true)
    expect(mayHandle(NETWORK, byId('a-town-1'), ['town-a-v1'])).toBe(false)
    expect(mayHandle(NETWORK, byId('s-town'), ['town-a-v1'])).toBe(true)
    expect(mayHandle(NETWORK, byId('s-county'), ['town-a-v1'])).toBe(true)
    expect(mayHandle(NETWORK, byId('a-town-1'), ['town-a-v1', 'town-a-center'])).toBe(true)
  })
})
