/**
 * Key layout of the tickets in Redis, under one prefix (the caller's prefix + "tk:"):
 *
 *   t:<id>            ticket state, JSON              h:<id>       history, a list of JSON entries (RPUSH only)
 *   seq:<yymmdd>      the day's id counter            ix:*         sorted sets of ids by createdAt (node, status, agent, resident)
 *   q                 notification stream, group "deliver"; q:retry (zset by due time), q:dead (list, newest first)
 *   tm:due            timers by due time              tm:lease     claimed timers by lease end    tm:data  timer JSON by id
 *   ob:<userId>       outbox list of a resident polling over HTTP
 *   ask:<channel>:<userId>  the ticket a resident was just asked to confirm withdrawing, JSON { id, until }, with a TTL
 *
 * Scripts build key names from the prefix passed in ARGV[1]: one Redis, not a cluster.
 */
import type { Redis } from 'ioredis'
import type { Outgoing } from '../ports.js'

export function tkPrefix(prefix: string): string {
  return `${prefix}tk:`
}

/** Lua: commits outgoing notifications and timers (ARGV positions given), after the ticket write. */
export const OUTGOING_LUA = `
local function outgoing(p, notify, schedule, cancel)
  for _, n in ipairs(cjson.decode(notify)) do
    redis.call('XADD', p .. 'q', '*', 'n', n, 'a', '1')
  end
  for _, id in ipairs(cjson.decode(cancel)) do
    redis.call('ZREM', p .. 'tm:due', id)
    redis.call('ZREM', p .. 'tm:lease', id)
    redis.call('HDEL', p .. 'tm:data', id)
  end
  for _, t in ipairs(cjson.decode(schedule)) do
    redis.call('ZREM', p .. 'tm:lease', t[1])
    redis.call('ZADD', p .. 'tm:due', t[2], t[1])
    redis.call('HSET', p .. 'tm:data', t[1], t[3])
  end
end
`

/** The three ARGV strings for OUTGOING_LUA's outgoing(). */
export function outgoingArgs(out: Outgoing): [string, string, string] {
  return [
    JSON.stringify(out.notify.map((n) => JSON.stringify(n))),
    JSON.stringify(out.schedule.map((t) => [t.id, String(t.dueAt), JSON.stringify(t)])),
    JSON.stringify(out.cancel),
  ]
}

type ScriptFn = (...args: (string | number)[]) => Promise<unknown>

/** Registers a Lua script once per connection (EVALSHA with fallback) and returns a caller. */
export function defineScript(redis: Redis, name: string, lua: string): ScriptFn {
  const table = redis as unknown as Record<string, ScriptFn | undefined>
  if (typeof table[name] !== 'function') redis.defineCommand(name, { numberOfKeys: 0, lua })
  const fn = table[name]
  if (fn === undefined) throw new Error(`script ${name} not defined`)
  return (...args) => fn.apply(redis, args)
}
