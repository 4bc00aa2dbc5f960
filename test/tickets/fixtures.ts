/**
 * A small service network and catalogue for the ticket tests:
 *
 *   county-center (县; 代办员 a-county, 督办 s-county)
 *   ├─ county-realestate (县; 代办员 a-realestate)
 *   ├─ county-police (县; no agents → county-center)
 *   ├─ town-a-center (镇; 代办员 a-town-1, a-town-2, 督办 s-town)
 *   │   ├─ town-a-v1 (村; 代办员 a-v1)
 *   │   └─ town-a-v2 (村; no agents → town-a-center)
 *   └─ town-b-center (镇; no agents → county-center)
 *       └─ town-b-v1 (村; no agents)
 */
import { readFileSync } from 'node:fs'
import type { CatalogItem, ServicePoint, Tier } from '../../src/catalog/types.js'
import type { TicketRequest } from '../../src/conversation/types.js'
import type { HolidayCalendar } from '../../src/tickets/calendar.js'
import { validateHolidays } from '../../src/tickets/holidays-file.js'
import { buildNetwork } from '../../src/tickets/network-file.js'
import type { TicketStore } from '../../src/tickets/ports.js'
import type { TicketEnv } from '../../src/tickets/service.js'
import type { Agent, HelpKind, Network } from '../../src/tickets/types.js'

const point = (id: string, tier: Tier, parentId?: string): ServicePoint => ({
  id,
  name: `${id} 服务点`,
  tier,
  ...(parentId !== undefined && { parentId }),
  address: '样例地址',
  hours: '工作日',
  phone: '0539-7211000',
})

export const POINTS = new Map<string, ServicePoint>(
  [
    point('county-center', '县'),
    point('county-realestate', '县', 'county-center'),
    point('county-police', '县', 'county-center'),
    point('town-a-center', '镇', 'county-center'),
    point('town-a-v1', '村', 'town-a-center'),
    point('town-a-v2', '村', 'town-a-center'),
    point('town-b-center', '镇', 'county-center'),
    point('town-b-v1', '村', 'town-b-center'),
  ].map((p) => [p.id, p]),
)

let phoneSeq = 0
const agent = (id: string, name: string, role: Agent['role'], pointId: string): Agent => ({
  id,
  name,
  wechat: `wx-${id}`,
  phone: `1390539${String(++phoneSeq).padStart(4, '0')}`,
  role,
  pointId,
})

export const AGENTS = [
  agent('a-county', '县代办', '代办员', 'county-center'),
  agent('s-county', '县督办', '督办', 'county-center'),
  agent('a-realestate', '不动产代办', '代办员', 'county-realestate'),
  agent('a-town-1', '镇代办甲', '代办员', 'town-a-center'),
  agent('a-town-2', '镇代办乙', '代办员', 'town-a-center'),
  agent('s-town', '镇督办', '督办', 'town-a-center'),
  agent('a-v1', '村代办', '代办员', 'town-a-v1'),
]

export function byId(id: string): Agent {
  const a = AGENTS.find((x) => x.id === id)
  if (a === undefined) throw new Error(`no agent ${id}`)
  return a
}

export const NETWORK: Network = buildNetwork(POINTS, AGENTS, { claimHours: 24, followUpDays: 5, ratingDays: 5 })

const holidays = validateHolidays('catalog/holidays.yaml', readFileSync(new URL('../../catalog/holidays.yaml', import.meta.url), 'utf8'))
if (!holidays.ok) throw new Error(holidays.errors.map((e) => e.message).join('\n'))
export const CALENDAR: HolidayCalendar = holidays.calendar

type ItemStub = Pick<CatalogItem, 'name' | 'tiers' | 'places' | 'promisedLimitDays'>
export const ITEMS: Record<string, ItemStub> = {
  'village-item': { name: '最低生活保障申请', tiers: ['县', '镇', '村'], places: [{ tier: '镇' }], promisedLimitDays: 3 },
  'town-item': { name: '出生登记', tiers: ['县', '镇'], places: [{ tier: '镇' }], promisedLimitDays: 5 },
  'county-item': { name: '不动产转移登记', tiers: ['县'], places: [{ pointId: 'county-realestate' }], promisedLimitDays: 1 },
  'police-item': { name: '居住证办理', tiers: ['县'], places: [{ pointId: 'county-police' }], promisedLimitDays: 10 },
  'instant-item': { name: '参保证明打印', tiers: ['县', '镇'], places: [{ tier: '镇' }], promisedLimitDays: 0 },
  // 60日: calendar days, rest days included (居民身份证's 法定 limit).
  'calendar-item': { name: '居民身份证申领', tiers: ['县', '镇'], places: [{ tier: '镇' }], promisedLimitDays: { calendarDays: 60 } },
  // 以窗口为准: no official figure, so no due date is promised.
  'window-item': { name: '水电气热过户', tiers: ['县', '镇', '村'], places: [{ tier: '镇' }], promisedLimitDays: 'askWindow' },
}

export function makeEnv(store: TicketStore, overrides: Partial<TicketEnv> = {}): TicketEnv {
  return { store, network: NETWORK, calendar: CALENDAR, item: (id) => ITEMS[id], ...overrides }
}

export function request(overrides: Partial<TicketRequest> & { itemId?: string; help?: HelpKind } = {}): TicketRequest {
  const itemId = overrides.itemId ?? 'village-item'
  return {
    resident: { channel: 'http', userId: 'u-1' },
    itemId,
    itemName: ITEMS[itemId]?.name ?? itemId,
    name: '张三丰',
    phone: '13812345678',
    areaPointId: 'town-a-v1',
    help: '代办',
    delivery: { kind: 'pickup' },
    materialsReady: ['居民身份证'],
    materialsMissing: ['户口簿'],
    answers: {},
    ...overrides,
  }
}

/** 2026-11-23 (Monday) 09:00 in Shanghai. */
export const MONDAY_9AM = Date.parse('2026-11-23T09:00:00+08:00')
export const HOUR = 3_600_000
