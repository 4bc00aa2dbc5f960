/**
 * Transcript helpers: the real catalogue, matcher and dialog files behind a conversation service, and a
 * resident who types messages and reads the replies. The clock is the test's: `chat.clock.now += …`.
 */
import { loadCatalogDir } from '../../src/catalog/load.js'
import type { Catalog } from '../../src/catalog/types.js'
import { createDefaultEffectExecutor, silentLogger } from '../../src/conversation/default-effects.js'
import { loadDialogDir } from '../../src/conversation/dialog-dir.js'
import { createConversationService, type ConversationServiceOptions } from '../../src/conversation/service.js'
import type { ConversationService, Effect, NonTextKind } from '../../src/conversation/types.js'
import type { DialogDefinitions } from '../../src/dialog/schema.js'
import { buildMatcher } from '../../src/match/index.js'
import { rememberingMatcher } from '../../src/match/remembered.js'
import type { Matcher } from '../../src/match/types.js'
import { MemorySessionStore } from '../../src/store/memory-session-store.js'
import type { SessionStore } from '../../src/store/session-store.js'

export interface Real {
  catalog: Catalog
  matcher: Matcher
  definitions: DialogDefinitions
}

let loading: Promise<Real> | undefined

/** The repository's catalogue and dialogs, loaded once per test file; the matcher remembers answers, as the server's does. */
export function real(): Promise<Real> {
  loading ??= (async () => {
    const [c, d] = await Promise.all([loadCatalogDir('catalog'), loadDialogDir('dialogs')])
    if (!c.ok) throw new Error(`catalogue invalid: ${JSON.stringify(c.errors.slice(0, 3))}`)
    if (!d.ok) throw new Error(`dialogs invalid: ${JSON.stringify(d.errors.slice(0, 3))}`)
    return { catalog: c.catalog, matcher: rememberingMatcher(buildMatcher(c.catalog)), definitions: d.definitions }
  })()
  return loading
}

export interface Chat {
  /** The resident types `text`; resolves to the replies, one string per message bubble. */
  say(text: string): Promise<string[]>
  /** The resident sends a picture, voice message, … */
  send(kind: NonTextKind): Promise<string[]>
  clock: { now: number }
  /** Every effect the service carried out, in order. */
  effects: Effect[]
  service: ConversationService
  sessions: SessionStore
}

export const T0 = Date.UTC(2026, 10, 24, 1, 0, 0)

export async function newChat(
  opts: { sessions?: SessionStore; userId?: string; clock?: { now: number } } & Partial<ConversationServiceOptions> = {},
): Promise<Chat> {
  const r = await real()
  const effects: Effect[] = []
  const fallback = createDefaultEffectExecutor(r.definitions, silentLogger)
  const sessions = opts.sessions ?? new MemorySessionStore()
  const service = createConversationService({
    definitions: r.definitions,
    catalog: () => ({ catalog: r.catalog, matcher: r.matcher }),
    sessions,
    executeEffect: async (effect, message) => {
      effects.push(effect)
      return fallback(effect, message)
    },
    ...opts,
  })
  const clock = opts.clock ?? { now: T0 }
  const resident = { channel: 'http' as const, userId: opts.userId ?? 'resident-1' }
  return {
    clock,
    effects,
    service,
    sessions,
    async say(text) {
      clock.now += 5_000
      return (await service.handle({ resident, content: { kind: 'text', text }, now: clock.now })).replies
    },
    async send(kind) {
      clock.now += 5_000
      return (await service.handle({ resident, content: { kind }, now: clock.now })).replies
    },
  }
}

/** All replies as one text, for `toContain`. */
export function joined(replies: string[]): string {
  return replies.join('\n')
}

/**
 * Starts on an item by its exact name, whether the matcher is clear (the walk starts at once), asks for
 * confirmation (sure) or offers numbered candidates: the transcripts below test what comes after, not the
 * matcher's ranking. Resolves to the replies that open the walk.
 */
export async function startItem(chat: Chat, name: string): Promise<string[]> {
  const first = await chat.say(name)
  const text = joined(first)
  if (text.includes(`办"${name}"要`)) return first
  if (text.includes(`您要办的是：${name}，对吗？`)) return chat.say('1')
  const line = text.split('\n').find((l) => l.endsWith(` ${name}`))
  if (!line) throw new Error(`"${name}" was neither confirmed nor offered:\n${text}`)
  return chat.say(line.split(' ')[0]!)
}

/**
 * Says `text` with the step's count of replies not understood started over (帮助 first): a step offers a way out
 * instead of its question the third time in a row, so a test trying many refused replies at one step uses this.
 */
export async function sayAfresh(chat: Chat, text: string): Promise<string[]> {
  await chat.say('帮助')
  return chat.say(text)
}
