import type { Redis, Result } from 'ioredis'
import type { TurnCounters, TurnPeeks } from './session-store.js'

/*
 * A FIFO lock per key, shared by every process on one Redis: a ticket lock ("take a number").
 *
 *   next    — the last ticket handed out (INCR takes one)
 *   serving — the ticket whose turn it is
 *   lease   — present while the turn's owner shows signs of life; it expires when the owner has died
 *
 * The owner renews the lease while it works. A waiter that finds the current turn without a lease skips it,
 * so a crashed holder (or a waiter that died in the queue) costs the others one lease, not the key forever.
 * Releasing (or skipping) publishes the new turn's number on one channel per prefix, so exactly the waiter
 * holding it wakes at once; waiters also re-check on a slow timer, which is how expired leases are noticed.
 * Every script refreshes the counters' TTL, so an idle key's lock state vanishes by itself.
 *
 * A ticket that has to wait also gets a waiter key (`…:w:<ticket>`) that its owner refreshes while it waits;
 * when the turn moves on, tickets whose waiter key is gone (the process died, or the caller gave up after
 * waitLimitMs) are skipped all at once, so a crash with many queued messages costs one lease, not one each.
 * The waiter keys are named inside the scripts (fine on one Redis, not on Redis Cluster).
 *
 * KEYS are always [next, serving, lease]; ARGV[6] and ARGV[7] are the waiter key prefix and its lifetime.
 */

// ARGV as for every script (the ticket is not known yet: 0).
const TAKE = `
local ticket = redis.call('INCR', KEYS[1])
local serving = tonumber(redis.call('GET', KEYS[2]))
if not serving or serving > ticket then
  serving = ticket
  redis.call('SET', KEYS[2], serving)
end
if serving == ticket then
  redis.call('SET', KEYS[3], ticket, 'PX', ARGV[2])
else
  redis.call('SET', ARGV[6] .. ticket, 1, 'PX', ARGV[7])
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
if serving == ticket then return {ticket, 1} end
return {ticket, 0}
`

// ARGV: ticket, leaseMs, idleMs, channel, key, waiterPrefix, waiterMs.
// Returns 1 = your turn (claimed), 0 = wait, -1 = ticket lost.
const POLL = `
local ticket = tonumber(ARGV[1])
local serving = tonumber(redis.call('GET', KEYS[2]))
if not serving or serving > ticket then return -1 end
if serving < ticket and redis.call('EXISTS', KEYS[3]) == 0 then
  -- The turn's owner is gone: skip it, and every waiting turn after it whose waiter is gone too.
  serving = serving + 1
  while serving < ticket and redis.call('EXISTS', ARGV[6] .. serving) == 0 do serving = serving + 1 end
  redis.call('SET', KEYS[2], serving)
  -- A live waiter claims its turn at once (woken below); a short claim window lets a dead one be skipped soon.
  redis.call('SET', KEYS[3], serving, 'PX', ARGV[7])
  if serving ~= ticket then redis.call('PUBLISH', ARGV[4], ARGV[5] .. '\\n' .. serving) end
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
if serving == ticket then
  redis.call('SET', KEYS[3], ticket, 'PX', ARGV[2])
  redis.call('DEL', ARGV[6] .. ticket)
  return 1
end
redis.call('SET', ARGV[6] .. ticket, 1, 'PX', ARGV[7])
return 0
`

// ARGV: ticket, leaseMs, idleMs. Returns 0 when the turn was taken away (the lease had expired).
const RENEW = `
if tonumber(redis.call('GET', KEYS[2])) ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[3], ARGV[1], 'PX', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return 1
`

// ARGV: ticket, leaseMs, idleMs, channel, key, waiterPrefix, waiterMs. The next live waiter gets a claim window
// and a wake-up; waiting turns whose waiter is gone are skipped.
const RELEASE = `
local ticket = tonumber(ARGV[1])
if tonumber(redis.call('GET', KEYS[2])) ~= ticket then return 0 end
local last = tonumber(redis.call('GET', KEYS[1])) or 0
local serving = ticket + 1
while serving <= last and redis.call('EXISTS', ARGV[6] .. serving) == 0 do serving = serving + 1 end
redis.call('SET', KEYS[2], serving)
if serving <= last then
  redis.call('SET', KEYS[3], serving, 'PX', ARGV[7])
  redis.call('PUBLISH', ARGV[4], ARGV[5] .. '\\n' .. serving)
else
  redis.call('DEL', KEYS[3])
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return 1
`

/*
 * The same two scripts with the protected value's key as KEYS[4] (a resident's session): taking the turn also
 * reads the value, and releasing first writes it (ARGV[8] = 'set' with ARGV[9] json and ARGV[10] ttl ms, or
 * 'del'). A message then costs two round trips for lock and session instead of four, and the next turn can
 * never start before the write has landed.
 */
// KEYS[5 … 4 + ARGV[10]]: counters to add one to first, whether or not the turn is free (a rate limit's; ARGV[9] =
// their window in ms, from the first count); the KEYS after them: keys whose existence the caller wants to know
// (peeks). ARGV[8]: the SHA-1 digest of the value the caller already holds ('' for none). Returns
// {ticket, acquired, counts, exists} while the turn is not free or there is no value; {…, '', 1} when the stored
// value is exactly the one the caller holds (not sent back: the caller saves a transfer and a parse); else
// {…, value, 0, digest}, the digest for the caller to keep for next time (Redis hashes, so that the server's one
// busy thread does not).
const TAKE_GET = `
local counts = {}
local lastCounter = 4 + tonumber(ARGV[10])
for i = 5, lastCounter do
  local n = redis.call('INCR', KEYS[i])
  if n == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[9]) end
  counts[#counts + 1] = n
end
local exists = {}
for i = lastCounter + 1, #KEYS do exists[#exists + 1] = redis.call('EXISTS', KEYS[i]) end
local function take()
${TAKE}
end
local taken = take()
local ticket = taken[1]
if taken[2] == 0 then return {ticket, 0, counts, exists} end
local value = redis.call('GET', KEYS[4])
if not value then return {ticket, 1, counts, exists} end
local digest = redis.sha1hex(value)
if digest == ARGV[8] then return {ticket, 1, counts, exists, '', 1} end
return {ticket, 1, counts, exists, value, 0, digest}
`

// The write is skipped when the turn is no longer this ticket's (its lease ran out and the next message has
// begun): the newer session must not be overwritten. Returns {released, digest}: released is RELEASE's 1 or 0 (0
// then as well), digest the SHA-1 of the value written ('' when none was).
const RELEASE_WRITE = `
local digest = ''
if tonumber(redis.call('GET', KEYS[2])) == tonumber(ARGV[1]) then
  if ARGV[8] == 'set' then
    redis.call('SET', KEYS[4], ARGV[9], 'PX', ARGV[10])
    digest = redis.sha1hex(ARGV[9])
  elseif ARGV[8] == 'del' then
    redis.call('DEL', KEYS[4])
  end
end
local function release()
${RELEASE}
end
return {release(), digest}
`

/** Gives up a waiting ticket: its waiter key goes, and if the turn had just come to it, it is passed on. */
const ABANDON = `redis.call('DEL', ARGV[6] .. ARGV[1])\n` + RELEASE

type N = number | string
/** The arguments every script takes after its own first ones: ticket, leaseMs, idleMs, channel, key, waiterPrefix, waiterMs. */
type TurnArgs = [ticket: N, leaseMs: N, idleMs: N, channel: string, key: string, waiterPrefix: string, waiterMs: N]

declare module 'ioredis' {
  interface RedisCommander<Context> {
    daibanLockTake(next: string, serving: string, lease: string, ...args: TurnArgs): Result<[number, number], Context>
    daibanLockPoll(next: string, serving: string, lease: string, ...args: TurnArgs): Result<number, Context>
    daibanLockRenew(next: string, serving: string, lease: string, ticket: N, leaseMs: N, idleMs: N): Result<number, Context>
    daibanLockRelease(next: string, serving: string, lease: string, ...args: TurnArgs): Result<number, Context>
    daibanLockAbandon(next: string, serving: string, lease: string, ...args: TurnArgs): Result<number, Context>
    daibanLockTakeGet(
      keyCount: number, next: string, serving: string, lease: string, value: string, ...countersThenArgs: (string | number)[]
    ): Result<[number, number, number[], number[], string?, (0 | 1)?, string?], Context>
    daibanLockReleaseWrite(
      next: string, serving: string, lease: string, value: string, ...argsThenWrite: [...TurnArgs, mode: 'set' | 'del', json: string, ttlMs: N]
    ): Result<[number, string], Context>
  }
}

/** The resident's turn did not come within the wait limit (a flood of one resident's messages, a stuck holder). */
export class TurnTimeoutError extends Error {
  /** Read by the HTTP layer's error handler: 503, try again shortly. */
  readonly status = 503
  readonly headers = { 'Retry-After': '5' }
  constructor(key: string, waitedMs: number) {
    super(`等了 ${Math.round(waitedMs / 1000)} 秒仍未轮到（${key}），放弃这条消息`)
    this.name = 'TurnTimeoutError'
  }
}

export interface RedisTicketLockOptions {
  /** Namespace of the lock keys: `${prefix}lock:${key}:next|serving|lease` and the channel `${prefix}lock:wake`. */
  prefix: string
  /** How long a turn stays reserved without a sign of life from its owner before the next one may go. */
  leaseMs?: number
  /** Where renewal and release failures are reported; they never fail the caller's work. */
  onError?: (message: string) => void
  /** How long a caller waits for its turn before giving up with TurnTimeoutError (default: the lease + 5 s). */
  waitLimitMs?: number
}

export class RedisTicketLock {
  readonly #redis: Redis
  readonly #prefix: string
  readonly #channel: string
  readonly #leaseMs: number
  /** Long enough that waiters (polling) and owners (renewing) always refresh the counters before they expire. */
  readonly #idleMs: number
  /** The safety-net re-check while waiting; wake-ups normally arrive by message much sooner. */
  readonly #pollMs: number
  /** How long a waiter key lives without its owner's refresh; also the window a woken waiter has to claim. */
  readonly #waiterMs: number
  readonly #waitLimitMs: number
  readonly #report: (message: string) => void
  #subscriber: Redis | undefined
  #subscribed: Promise<void> | undefined
  /** Waiters of this process by key, then ticket: a wake-up message names exactly one of them. */
  readonly #waiters = new Map<string, Map<number, () => void>>()
  #closed = false

  constructor(redis: Redis, opts: RedisTicketLockOptions) {
    this.#redis = redis
    this.#prefix = opts.prefix
    this.#channel = `${opts.prefix}lock:wake`
    this.#leaseMs = opts.leaseMs ?? 10_000
    this.#idleMs = Math.max(60_000, this.#leaseMs * 6)
    this.#pollMs = Math.min(1_000, Math.max(50, Math.floor(this.#leaseMs / 4)))
    // As long as a lease: a live waiter whose process stalls (GC, a slow Redis connection) for less than a lease
    // keeps its place, and after a crash its waiters' keys run out with the holder's lease, so all go at once.
    this.#waiterMs = this.#leaseMs
    this.#waitLimitMs = opts.waitLimitMs ?? this.#leaseMs + 5_000
    this.#report = opts.onError ?? ((message) => console.error(message))
    redis.defineCommand('daibanLockTake', { numberOfKeys: 3, lua: TAKE })
    redis.defineCommand('daibanLockPoll', { numberOfKeys: 3, lua: POLL })
    redis.defineCommand('daibanLockRenew', { numberOfKeys: 3, lua: RENEW })
    redis.defineCommand('daibanLockRelease', { numberOfKeys: 3, lua: RELEASE })
    redis.defineCommand('daibanLockAbandon', { numberOfKeys: 3, lua: ABANDON })
    // Its number of keys varies with the counters, so it is passed first.
    redis.defineCommand('daibanLockTakeGet', { lua: TAKE_GET })
    redis.defineCommand('daibanLockReleaseWrite', { numberOfKeys: 4, lua: RELEASE_WRITE })
  }

  /** Runs `fn` when this key's turn comes, in the order callers took their tickets, across processes. */
  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const keys = this.#keys(key)
    const { ticket } = await this.#acquire(key, keys, undefined, undefined)
    const renewal = this.#startRenewal(key, keys, ticket)
    try {
      return await fn()
    } finally {
      clearInterval(renewal)
      await this.#release(key, keys, ticket)
    }
  }

  /**
   * run() for a turn that reads and writes one string value (at `valueKey`): `fn` gets the value as the turn
   * began (null when absent; with its SHA-1 digest when the turn came at once), or `known` when the stored value's
   * digest is `opts.knownDigest` (the caller holds it already), and its `write` is applied in the same script that
   * releases the turn. When `fn` throws nothing is written; when the write fails the caller gets the error (and the
   * turn is released). `landed` says whether the write is in Redis (false when the turn's lease had run out), and
   * `digest` is the written value's SHA-1 digest when it landed.
   */
  async runWithValue<T>(
    key: string,
    valueKey: string,
    opts: { signal?: AbortSignal; knownDigest?: string; counters?: TurnCounters; peeks?: TurnPeeks },
    fn: (read: ValueRead) => Promise<{ result: T; write: ValueWrite }>,
  ): Promise<{ result: T; landed: boolean; digest?: string }> {
    const keys = this.#keys(key)
    const { ticket, read } = await this.#acquire(key, keys, { valueKey, knownDigest: opts.knownDigest ?? '', counters: opts.counters, peeks: opts.peeks }, opts.signal)
    const renewal = this.#startRenewal(key, keys, ticket)
    let out: { result: T; write: ValueWrite }
    try {
      out = await fn(read)
    } catch (err) {
      clearInterval(renewal)
      await this.#release(key, keys, ticket)
      throw err
    }
    clearInterval(renewal)
    const { write } = out
    if (write.kind === 'keep') {
      await this.#release(key, keys, ticket)
      return { result: out.result, landed: true }
    }
    try {
      const [held, digest] = await this.#redis.daibanLockReleaseWrite(
        ...keys, valueKey, ...this.#args(key, ticket),
        write.kind === 'set' ? 'set' : 'del', write.kind === 'set' ? write.json : '', write.kind === 'set' ? write.ttlMs : 0,
      )
      if (held === 0) this.#report(`会话锁（${key}）的租期已过，下一条消息已开始处理：本条消息的会话变化没有保存`)
      return { result: out.result, landed: held === 1, ...(digest !== '' && { digest }) }
    } catch (err) {
      // The script did nothing: still let the next message go, then report the lost write to the caller.
      await this.#release(key, keys, ticket)
      throw err
    }
  }

  #startRenewal(key: string, keys: LockKeys, ticket: number): NodeJS.Timeout {
    const renewal = setInterval(() => void this.#renew(key, keys, ticket), Math.floor(this.#leaseMs / 3))
    renewal.unref()
    return renewal
  }

  async #release(key: string, keys: LockKeys, ticket: number): Promise<void> {
    await this.#redis
      .daibanLockRelease(...keys, ...this.#args(key, ticket))
      .catch((err: unknown) => this.#report(`释放会话锁失败（${key}），其他消息将在租期过后继续：${errorText(err)}`))
  }

  /** Stops listening for wake-ups; waiters still queued fail. The main connection belongs to the caller. */
  async close(): Promise<void> {
    this.#closed = true
    for (const byTicket of this.#waiters.values()) for (const wake of byTicket.values()) wake()
    const subscriber = this.#subscriber
    this.#subscriber = undefined
    this.#subscribed = undefined
    if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect())
  }

  /** Takes a turn; with `value`, also reads that value once the turn is ours (in the same script when it is at once). */
  async #acquire(
    key: string,
    keys: LockKeys,
    value: { valueKey: string; knownDigest: string; counters?: TurnCounters; peeks?: TurnPeeks } | undefined,
    signal: AbortSignal | undefined,
  ): Promise<{ ticket: number; read: ValueRead }> {
    // Listen before taking a ticket, so that no wake-up for it can go unheard.
    await this.#listen()
    const deadline = Date.now() + this.#waitLimitMs
    for (;;) {
      if (this.#closed) throw closedError()
      if (signal?.aborted) throw signal.reason
      if (value === undefined) {
        const [ticket, acquired] = await this.#redis.daibanLockTake(...keys, ...this.#args(key, 0))
        if (acquired === 1 || (await this.#waitForTurn(key, keys, ticket, deadline, signal))) return { ticket, read: { value: null } }
      } else {
        const { valueKey, knownDigest, counters, peeks } = value
        const counted = counters?.keys ?? []
        const peeked = peeks?.keys ?? []
        const [ticket, acquired, counts, exists, stored, same, digest] = await this.#redis.daibanLockTakeGet(
          4 + counted.length + peeked.length, ...keys, valueKey, ...counted, ...peeked,
          ...this.#args(key, 0), knownDigest, counters?.windowMs ?? 0, counted.length,
        )
        peeks?.seen(exists.map((n) => n === 1))
        if (counters) {
          try {
            counters.admit(counts)
          } catch (refusal) {
            // Refused: the turn (or the place in the queue) goes to the next message at once, and nothing is read.
            if (acquired === 1) await this.#release(key, keys, ticket)
            else await this.#abandon(key, keys, ticket)
            throw refusal
          }
        }
        if (acquired === 1) return { ticket, read: same === 1 ? 'known' : stored === undefined ? { value: null } : { value: stored, digest } }
        // Counted (and peeked) once: a message that lost its ticket and queues again is the same message.
        value = { valueKey, knownDigest }
        if (await this.#waitForTurn(key, keys, ticket, deadline, signal)) {
          // A waiter's turn came by poll or wake-up: read the value now that nobody else may change it.
          try {
            return { ticket, read: { value: await this.#redis.get(valueKey) } }
          } catch (err) {
            await this.#release(key, keys, ticket)
            throw err
          }
        }
      }
      // The ticket was lost (lock state expired or reset, or our turn passed while this process was
      // unresponsive): queue again rather than run without the lock.
    }
  }

  /** Resolves true when the turn is ours, false when the ticket was lost. */
  async #waitForTurn(key: string, keys: LockKeys, ticket: number, deadline: number, signal: AbortSignal | undefined): Promise<boolean> {
    let woken = false
    let interrupt: (() => void) | undefined
    const wake = (): void => {
      woken = true
      interrupt?.()
    }
    signal?.addEventListener('abort', wake, { once: true })
    let byTicket = this.#waiters.get(key)
    if (!byTicket) this.#waiters.set(key, (byTicket = new Map()))
    byTicket.set(ticket, wake)
    const abandon = () => this.#abandon(key, keys, ticket)
    try {
      for (;;) {
        woken = false
        if (this.#closed) {
          // Shutting down: give the place up now, so the other servers' messages for this resident go on.
          await abandon()
          throw closedError()
        }
        const status = await this.#redis.daibanLockPoll(...keys, ...this.#args(key, ticket))
        if (status === 1) return true
        if (status === -1) return false
        const left = deadline - Date.now()
        if (left <= 0 || signal?.aborted) {
          // Given up: the ticket is skipped from now on (and passed on if its turn has just come).
          await abandon()
          if (signal?.aborted) throw signal.reason
          throw new TurnTimeoutError(key, this.#waitLimitMs)
        }
        if (woken) continue
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(this.#pollMs, left))
          interrupt = () => {
            clearTimeout(timer)
            resolve()
          }
        })
        interrupt = undefined
      }
    } finally {
      signal?.removeEventListener('abort', wake)
      byTicket.delete(ticket)
      if (byTicket.size === 0) this.#waiters.delete(key)
    }
  }

  /** Gives up a ticket still waiting: it is skipped from now on (and its turn passed on if it has just come). */
  async #abandon(key: string, keys: LockKeys, ticket: number): Promise<void> {
    await this.#redis.daibanLockAbandon(...keys, ...this.#args(key, ticket)).catch((err: unknown) => {
      this.#report(`放弃排队时出错（${key}），这一位将在租期过后被跳过：${errorText(err)}`)
    })
  }

  async #renew(key: string, keys: LockKeys, ticket: number): Promise<void> {
    try {
      const held = await this.#redis.daibanLockRenew(...keys, ticket, this.#leaseMs, this.#idleMs)
      if (held === 0) {
        this.#report(`会话锁（${key}）的租期已过，后面的消息可能已开始处理：本次处理未能按时续租`)
      }
    } catch (err) {
      this.#report(`续租会话锁失败（${key}）：${errorText(err)}`)
    }
  }

  #listen(): Promise<void> {
    this.#subscribed ??= this.#subscribe().catch((err: unknown) => {
      this.#subscribed = undefined
      throw err
    })
    return this.#subscribed
  }

  async #subscribe(): Promise<void> {
    const name = this.#redis.options.connectionName ?? 'daiban'
    const subscriber = this.#redis.duplicate({ connectionName: `${name}-lock-wake` })
    this.#subscriber = subscriber
    let lastError = ''
    subscriber.on('error', (err: Error) => {
      if (err.message === lastError) return
      lastError = err.message
      this.#report(`会话锁的唤醒连接出错，改为定时检查：${err.message}`)
    })
    subscriber.on('message', (_channel: string, message: string) => {
      const split = message.lastIndexOf('\n')
      const ticket = Number(message.slice(split + 1))
      this.#waiters.get(message.slice(0, split))?.get(ticket)?.()
    })
    try {
      await subscriber.subscribe(this.#channel)
      // Closed while connecting: nobody will quit this connection later.
      if (this.#closed) await subscriber.quit()
    } catch (err) {
      subscriber.disconnect()
      if (this.#subscriber === subscriber) this.#subscriber = undefined
      throw err
    }
  }

  #args(key: string, ticket: number): TurnArgs {
    return [ticket, this.#leaseMs, this.#idleMs, this.#channel, key, `${this.#prefix}lock:${key}:w:`, this.#waiterMs]
  }

  #keys(key: string): LockKeys {
    const base = `${this.#prefix}lock:${key}:`
    return [`${base}next`, `${base}serving`, `${base}lease`]
  }
}

type LockKeys = [next: string, serving: string, lease: string]

/**
 * What a runWithValue turn is handed: the stored value (with its digest when the script read it), or `known` when
 * it is the one the caller said it holds.
 */
export type ValueRead = { value: string | null; digest?: string } | 'known'

/** What runWithValue does with the value as the turn ends. */
export type ValueWrite = { kind: 'keep' } | { kind: 'set'; json: string; ttlMs: number } | { kind: 'delete' }

function closedError(): Error {
  return new Error('会话存储已关闭，无法再加锁')
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
