import type { Redis, Result } from 'ioredis'

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
 * KEYS are always [next, serving, lease].
 */

const TAKE = `
local ticket = redis.call('INCR', KEYS[1])
local serving = tonumber(redis.call('GET', KEYS[2]))
if not serving or serving > ticket then
  serving = ticket
  redis.call('SET', KEYS[2], serving)
end
if serving == ticket then
  redis.call('SET', KEYS[3], ticket, 'PX', ARGV[1])
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
if serving == ticket then return {ticket, 1} end
return {ticket, 0}
`

// ARGV: ticket, leaseMs, idleMs, channel, key. Returns 1 = your turn (claimed), 0 = wait, -1 = ticket lost.
const POLL = `
local ticket = tonumber(ARGV[1])
local serving = tonumber(redis.call('GET', KEYS[2]))
if not serving or serving > ticket then return -1 end
if serving < ticket and redis.call('EXISTS', KEYS[3]) == 0 then
  serving = serving + 1
  redis.call('SET', KEYS[2], serving)
  redis.call('SET', KEYS[3], serving, 'PX', ARGV[2])
  if serving ~= ticket then redis.call('PUBLISH', ARGV[4], ARGV[5] .. '\\n' .. serving) end
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
if serving == ticket then
  redis.call('SET', KEYS[3], ticket, 'PX', ARGV[2])
  return 1
end
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

// ARGV: ticket, leaseMs, idleMs, channel, key. The next turn gets a fresh lease to come and claim it.
const RELEASE = `
local ticket = tonumber(ARGV[1])
if tonumber(redis.call('GET', KEYS[2])) ~= ticket then return 0 end
local serving = ticket + 1
redis.call('SET', KEYS[2], serving)
if (tonumber(redis.call('GET', KEYS[1])) or 0) >= serving then
  redis.call('SET', KEYS[3], serving, 'PX', ARGV[2])
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
 * reads the value, and releasing first writes it (ARGV[6] = 'set' with ARGV[7] json and ARGV[8] ttl ms, or
 * 'del'). A message then costs two round trips for lock and session instead of four, and the next turn can
 * never start before the write has landed.
 */
const TAKE_GET = TAKE.replace(
  'if serving == ticket then return {ticket, 1} end',
  "if serving == ticket then return {ticket, 1, redis.call('GET', KEYS[4])} end",
)

if (TAKE_GET === TAKE) throw new Error('TAKE_GET: the TAKE script changed; update the replacement')

const RELEASE_WRITE =
  `
if ARGV[6] == 'set' then
  redis.call('SET', KEYS[4], ARGV[7], 'PX', ARGV[8])
elseif ARGV[6] == 'del' then
  redis.call('DEL', KEYS[4])
end
` + RELEASE

type N = number | string

declare module 'ioredis' {
  interface RedisCommander<Context> {
    daibanLockTake(next: string, serving: string, lease: string, leaseMs: N, idleMs: N): Result<[number, number], Context>
    daibanLockPoll(
      next: string, serving: string, lease: string,
      ticket: N, leaseMs: N, idleMs: N, channel: string, key: string,
    ): Result<number, Context>
    daibanLockRenew(next: string, serving: string, lease: string, ticket: N, leaseMs: N, idleMs: N): Result<number, Context>
    daibanLockRelease(
      next: string, serving: string, lease: string,
      ticket: N, leaseMs: N, idleMs: N, channel: string, key: string,
    ): Result<number, Context>
    daibanLockTakeGet(
      next: string, serving: string, lease: string, value: string, leaseMs: N, idleMs: N,
    ): Result<[number, number, string | null] | [number, number], Context>
    daibanLockReleaseWrite(
      next: string, serving: string, lease: string, value: string,
      ticket: N, leaseMs: N, idleMs: N, channel: string, key: string, mode: 'set' | 'del', json: string, ttlMs: N,
    ): Result<number, Context>
  }
}

export interface RedisTicketLockOptions {
  /** Namespace of the lock keys: `${prefix}lock:${key}:next|serving|lease` and the channel `${prefix}lock:wake`. */
  prefix: string
  /** How long a turn stays reserved without a sign of life from its owner before the next one may go. */
  leaseMs?: number
  /** Where renewal and release failures are reported; they never fail the caller's work. */
  onError?: (message: string) => void
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
    this.#report = opts.onError ?? ((message) => console.error(message))
    redis.defineCommand('daibanLockTake', { numberOfKeys: 3, lua: TAKE })
    redis.defineCommand('daibanLockPoll', { numberOfKeys: 3, lua: POLL })
    redis.defineCommand('daibanLockRenew', { numberOfKeys: 3, lua: RENEW })
    redis.defineCommand('daibanLockRelease', { numberOfKeys: 3, lua: RELEASE })
    redis.defineCommand('daibanLockTakeGet', { numberOfKeys: 4, lua: TAKE_GET })
    redis.defineCommand('daibanLockReleaseWrite', { numberOfKeys: 4, lua: RELEASE_WRITE })
  }

  /** Runs `fn` when this key's turn comes, in the order callers took their tickets, across processes. */
  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const keys = this.#keys(key)
    const { ticket } = await this.#acquire(key, keys, undefined)
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
   * began (null when absent), and its `write` is applied in the same script that releases the turn. When `fn`
   * throws nothing is written; when the write fails the caller gets the error (and the turn is released).
   */
  async runWithValue<T>(
    key: string,
    valueKey: string,
    fn: (value: string | null) => Promise<{ result: T; write: ValueWrite }>,
  ): Promise<T> {
    const keys = this.#keys(key)
    const { ticket, value } = await this.#acquire(key, keys, valueKey)
    const renewal = this.#startRenewal(key, keys, ticket)
    let out: { result: T; write: ValueWrite }
    try {
      out = await fn(value)
    } catch (err) {
      clearInterval(renewal)
      await this.#release(key, keys, ticket)
      throw err
    }
    clearInterval(renewal)
    const { write } = out
    if (write.kind === 'keep') {
      await this.#release(key, keys, ticket)
      return out.result
    }
    try {
      await this.#redis.daibanLockReleaseWrite(
        ...keys, valueKey, ticket, this.#leaseMs, this.#idleMs, this.#channel, key,
        write.kind === 'set' ? 'set' : 'del', write.kind === 'set' ? write.json : '', write.kind === 'set' ? write.ttlMs : 0,
      )
    } catch (err) {
      // The script did nothing: still let the next message go, then report the lost write to the caller.
      await this.#release(key, keys, ticket)
      throw err
    }
    return out.result
  }

  #startRenewal(key: string, keys: LockKeys, ticket: number): NodeJS.Timeout {
    const renewal = setInterval(() => void this.#renew(key, keys, ticket), Math.floor(this.#leaseMs / 3))
    renewal.unref()
    return renewal
  }

  async #release(key: string, keys: LockKeys, ticket: number): Promise<void> {
    await this.#redis
      .daibanLockRelease(...keys, ticket, this.#leaseMs, this.#idleMs, this.#channel, key)
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

  /** Takes a turn; with `valueKey`, also reads that value once the turn is ours (in the same script when it is at once). */
  async #acquire(key: string, keys: LockKeys, valueKey: string | undefined): Promise<{ ticket: number; value: string | null }> {
    // Listen before taking a ticket, so that no wake-up for it can go unheard.
    await this.#listen()
    for (;;) {
      if (this.#closed) throw closedError()
      if (valueKey === undefined) {
        const [ticket, acquired] = await this.#redis.daibanLockTake(...keys, this.#leaseMs, this.#idleMs)
        if (acquired === 1 || (await this.#waitForTurn(key, keys, ticket))) return { ticket, value: null }
      } else {
        const [ticket, acquired, value] = await this.#redis.daibanLockTakeGet(...keys, valueKey, this.#leaseMs, this.#idleMs)
        if (acquired === 1) return { ticket, value: value ?? null }
        if (await this.#waitForTurn(key, keys, ticket)) {
          // A waiter's turn came by poll or wake-up: read the value now that nobody else may change it.
          try {
            return { ticket, value: await this.#redis.get(valueKey) }
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
  async #waitForTurn(key: string, keys: LockKeys, ticket: number): Promise<boolean> {
    let woken = false
    let interrupt: (() => void) | undefined
    const wake = (): void => {
      woken = true
      interrupt?.()
    }
    let byTicket = this.#waiters.get(key)
    if (!byTicket) this.#waiters.set(key, (byTicket = new Map()))
    byTicket.set(ticket, wake)
    try {
      for (;;) {
        woken = false
        const status = await this.#redis.daibanLockPoll(
          ...keys, ticket, this.#leaseMs, this.#idleMs, this.#channel, key,
        )
        if (status === 1) return true
        if (status === -1) return false
        if (this.#closed) throw closedError()
        if (woken) continue
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.#pollMs)
          interrupt = () => {
            clearTimeout(timer)
            resolve()
          }
        })
        interrupt = undefined
      }
    } finally {
      byTicket.delete(ticket)
      if (byTicket.size === 0) this.#waiters.delete(key)
    }
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

  #keys(key: string): LockKeys {
    const base = `${this.#prefix}lock:${key}:`
    return [`${base}next`, `${base}serving`, `${base}lease`]
  }
}

type LockKeys = [next: string, serving: string, lease: string]

/** What runWithValue does with the value as the turn ends. */
export type ValueWrite = { kind: 'keep' } | { kind: 'set'; json: string; ttlMs: number } | { kind: 'delete' }

function closedError(): Error {
  return new Error('会话存储已关闭，无法再加锁')
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
