/**
 * UnansweredLog in Redis, shared by every server process:
 *   `${prefix}unanswered:count`  sorted set, question → times asked
 *   `${prefix}unanswered:info`   hash, question → "firstSeen|lastSeen|candidates JSON"
 * The info is a plain string rather than JSON built in Lua because Lua's cjson turns an empty list into `{}`.
 */
import type { Redis, Result } from 'ioredis'
import {
  compareEntries,
  DEFAULT_MAX_QUESTIONS,
  keptCandidates,
  normalizeQuestion,
  type UnansweredCandidate,
  type UnansweredEntry,
  type UnansweredLog,
} from './unanswered.js'

// KEYS[1] count zset, KEYS[2] info hash; ARGV: question, now, candidates JSON, max questions.
// Counting, keeping the first time seen and trimming happen in one script, so two processes recording the
// same question at once both count and neither loses the other's firstSeen.
// When full, the least asked question goes; of up to 64 equally least asked, the oldest, never the new one.
const RECORD = `
local q, now = ARGV[1], tonumber(ARGV[2])
redis.call('ZINCRBY', KEYS[1], 1, q)
local first, last = now, now
local old = redis.call('HGET', KEYS[2], q)
if old then
  local f, l = string.match(old, '^(%d+)|(%d+)|')
  first = tonumber(f)
  if tonumber(l) > last then last = tonumber(l) end
end
redis.call('HSET', KEYS[2], q, string.format('%d|%d|', first, last) .. ARGV[3])
if redis.call('ZCARD', KEYS[1]) > tonumber(ARGV[4]) then
  local lowest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  local ties = redis.call('ZRANGEBYSCORE', KEYS[1], lowest[2], lowest[2], 'LIMIT', 0, 64)
  local victim, oldest = nil, nil
  for _, member in ipairs(ties) do
    if member ~= q then
      local info = redis.call('HGET', KEYS[2], member)
      local seen = info and tonumber(string.match(info, '^%d+|(%d+)|')) or 0
      if oldest == nil or seen < oldest then victim, oldest = member, seen end
    end
  end
  if victim then
    redis.call('ZREM', KEYS[1], victim)
    redis.call('HDEL', KEYS[2], victim)
  end
end
return 1
`

declare module 'ioredis' {
  interface RedisCommander<Context> {
    daibanUnansweredRecord(countKey: string, infoKey: string, text: string, now: number, candidates: string, max: number): Result<number, Context>
  }
}

export interface RedisUnansweredOptions {
  /** Key prefix, e.g. `daiban:`. */
  prefix: string
  maxQuestions?: number
}

export class RedisUnansweredLog implements UnansweredLog {
  private readonly countKey: string
  private readonly infoKey: string
  private readonly maxQuestions: number

  /** The connection belongs to the caller, who closes it. */
  constructor(private readonly redis: Redis, opts: RedisUnansweredOptions) {
    this.countKey = `${opts.prefix}unanswered:count`
    this.infoKey = `${opts.prefix}unanswered:info`
    this.maxQuestions = opts.maxQuestions ?? DEFAULT_MAX_QUESTIONS
    redis.defineCommand('daibanUnansweredRecord', { numberOfKeys: 2, lua: RECORD })
  }

  async record(text: string, candidates: UnansweredCandidate[], now: number): Promise<void> {
    const key = normalizeQuestion(text)
    if (key === '') return
    const kept = JSON.stringify(keptCandidates(candidates))
    await this.redis.daibanUnansweredRecord(this.countKey, this.infoKey, key, Math.floor(now), kept, this.maxQuestions)
  }

  /** Reads the whole (bounded) log and sorts here, so ties order exactly as the memory adapter's do. */
  async top(n: number): Promise<UnansweredEntry[]> {
    if (n <= 0) return []
    const [counts, infos] = await Promise.all([
      this.redis.zrange(this.countKey, 0, '-1', 'WITHSCORES'),
      this.redis.hgetall(this.infoKey),
    ])
    const entries: UnansweredEntry[] = []
    for (let i = 0; i + 1 < counts.length; i += 2) {
      const text = counts[i]!
      const info = parseInfo(infos[text])
      if (info) entries.push({ text, count: Number(counts[i + 1]), ...info })
    }
    return entries.sort(compareEntries).slice(0, n)
  }

  async dismiss(text: string): Promise<void> {
    await this.redis.multi().zrem(this.countKey, text).hdel(this.infoKey, text).exec()
  }
}

function parseInfo(raw: string | undefined): Pick<UnansweredEntry, 'firstSeen' | 'lastSeen' | 'candidates'> | undefined {
  const m = raw === undefined ? null : /^(\d+)\|(\d+)\|(.*)$/s.exec(raw)
  if (!m) return undefined
  let candidates: UnansweredCandidate[] = []
  try {
    const parsed: unknown = JSON.parse(m[3]!)
    if (Array.isArray(parsed)) candidates = parsed as UnansweredCandidate[]
  } catch {
    // A damaged entry still shows its question and count; the candidates are a convenience.
  }
  return { firstSeen: Number(m[1]), lastSeen: Number(m[2]), candidates }
}
