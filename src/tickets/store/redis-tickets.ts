/**
 * The ticket store in Redis. Creating and updating are single Lua scripts: the version check, the state,
 * the appended history, the index moves and the outgoing notifications and timers commit together.
 */
import { randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { Outgoing, TicketDraft, TicketQuery, TicketStore } from '../ports.js'
import type { HistoryEntry, Resident, Ticket, TicketState } from '../types.js'
import { defineScript, OUTGOING_LUA, outgoingArgs, tkPrefix } from './redis-keys.js'

// The draft carries a random placeholder where the id goes; the script takes the day's next number,
// writes the id in, and stores everything in one step (one round trip for opening a ticket).
const CREATE = `${OUTGOING_LUA}
local p, day, ph = ARGV[1], ARGV[2], ARGV[3]
local seq = redis.call('INCR', p .. 'seq:' .. day)
redis.call('EXPIRE', p .. 'seq:' .. day, 259200)
local id = 'DB' .. day .. string.format('%04d', seq)
local function fill(s) return (string.gsub(s, ph, id)) end
if redis.call('SET', p .. 't:' .. id, fill(ARGV[4]), 'NX') == false then return redis.error_reply('ticket exists: ' .. id) end
for _, h in ipairs(cjson.decode(fill(ARGV[5]))) do redis.call('RPUSH', p .. 'h:' .. id, h) end
for _, k in ipairs(cjson.decode(ARGV[6])) do redis.call('ZADD', k, ARGV[7], id) end
outgoing(p, fill(ARGV[8]), fill(ARGV[9]), fill(ARGV[10]))
return id
`

const UPDATE = `${OUTGOING_LUA}
local p, id = ARGV[1], ARGV[2]
local cur = redis.call('GET', p .. 't:' .. id)
if cur == false then return 0 end
if tostring(cjson.decode(cur).version) ~= ARGV[3] then return 0 end
redis.call('SET', p .. 't:' .. id, ARGV[4])
for _, h in ipairs(cjson.decode(ARGV[5])) do redis.call('RPUSH', p .. 'h:' .. id, h) end
for _, k in ipairs(cjson.decode(ARGV[6])) do redis.call('ZREM', k, id) end
for _, k in ipairs(cjson.decode(ARGV[7])) do redis.call('ZADD', k, ARGV[8], id) end
outgoing(p, ARGV[9], ARGV[10], ARGV[11])
return 1
`

export class RedisTicketStore implements TicketStore {
  private readonly p: string
  private readonly createScript
  private readonly updateScript

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.p = tkPrefix(prefix)
    this.createScript = defineScript(redis, 'daibanTicketCreate', CREATE)
    this.updateScript = defineScript(redis, 'daibanTicketUpdate', UPDATE)
  }

  async create(day: string, draft: TicketDraft): Promise<Ticket> {
    const placeholder = `DB~${randomBytes(6).toString('hex')}~`
    const { ticket, out } = draft(placeholder)
    const { history, ...state } = ticket
    const id = await this.createScript(
      this.p,
      day,
      placeholder,
      JSON.stringify(state),
      JSON.stringify(history.map((h) => JSON.stringify(h))),
      JSON.stringify(this.indexKeys(state)),
      ticket.createdAt,
      ...outgoingArgs(out),
    )
    if (typeof id !== 'string') throw new Error(`creating a ticket for ${day} failed`)
    return draft(id).ticket
  }

  async get(id: string): Promise<Ticket | undefined> {
    const res = await this.redis
      .pipeline()
      .get(`${this.p}t:${id}`)
      .lrange(`${this.p}h:${id}`, 0, -1)
      .exec()
    const state = res?.[0]?.[1]
    const history = res?.[1]?.[1]
    if (typeof state !== 'string') return undefined
    const entries = Array.isArray(history) ? history.map((h) => JSON.parse(String(h)) as HistoryEntry) : []
    return { ...(JSON.parse(state) as TicketState), history: entries }
  }

  async update(before: Ticket, after: Ticket, out: Outgoing): Promise<boolean> {
    const { history, ...state } = after
    const appended = history.slice(before.history.length)
    const was = new Set(this.indexKeys(before))
    const now = new Set(this.indexKeys(state))
    const done = await this.updateScript(
      this.p,
      before.id,
      String(before.version),
      JSON.stringify(state),
      JSON.stringify(appended.map((h) => JSON.stringify(h))),
      JSON.stringify([...was].filter((k) => !now.has(k))),
      JSON.stringify([...now].filter((k) => !was.has(k))),
      after.createdAt,
      ...outgoingArgs(out),
    )
    return done === 1
  }

  async list(query: TicketQuery, limit = 1000): Promise<TicketState[]> {
    const ids = await this.redis.zrevrange(this.queryKey(query), 0, limit - 1)
    if (ids.length === 0) return []
    const states = await this.redis.mget(ids.map((id) => `${this.p}t:${id}`))
    return states.filter((s): s is string => s !== null).map((s) => JSON.parse(s) as TicketState)
  }

  async askCancel(resident: Resident, ids: readonly string[], now: number, until: number): Promise<void> {
    await this.redis.set(this.askKey(resident), JSON.stringify({ ids, until }), 'PX', Math.max(1, until - now))
  }

  async takeCancelAsk(resident: Resident, now: number): Promise<string[] | undefined> {
    const res = await this.redis.multi().get(this.askKey(resident)).del(this.askKey(resident)).exec()
    const stored = res?.[0]?.[1]
    if (typeof stored !== 'string') return undefined
    // { id } as stored before a question could name several (kept for minutes only).
    const asked = JSON.parse(stored) as { ids?: string[]; id?: string; until: number }
    const ids = asked.ids ?? (asked.id !== undefined ? [asked.id] : [])
    // The caller's clock decides, as in memory; Redis's expiry only clears what nobody answers.
    return now < asked.until && ids.length > 0 ? ids : undefined
  }

  residentKey(resident: Resident): string {
    return this.queryKey({ resident })
  }

  private askKey(r: Resident): string {
    return `${this.p}ask:${r.channel}:${r.userId}`
  }

  private queryKey(q: TicketQuery): string {
    if ('nodeId' in q) return `${this.p}ix:node:${q.nodeId}`
    if ('status' in q) return `${this.p}ix:status:${q.status}`
    if ('claimedBy' in q) return `${this.p}ix:agent:${q.claimedBy}`
    return `${this.p}ix:res:${q.resident.channel}:${q.resident.userId}`
  }

  private indexKeys(t: TicketState): string[] {
    const keys = [
      this.queryKey({ nodeId: t.nodeId }),
      this.queryKey({ status: t.status }),
      this.queryKey({ resident: t.resident }),
    ]
    if (t.claimedBy !== undefined) keys.push(this.queryKey({ claimedBy: t.claimedBy }))
    return keys
  }
}
