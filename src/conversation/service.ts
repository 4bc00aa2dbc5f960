/**
 * The conversation service: one resident's message in, replies out. Per message, holding the resident's lock:
 * load session (with the lock) → interceptors (told whether the dialog awaits an answer) → engine step →
 * carry out effects (their replies appended) → save session (with the release). With Redis, lock and session
 * cost two round trips per message; the caller's admission check and the interceptors' reads are started
 * alongside the first, so a message waits for Redis twice, not four times.
 */
import type { Catalog } from '../catalog/types.js'
import { awaitsAnswer, step, takesNumber, understands } from '../dialog/engine.js'
import { standsSubmitted } from '../dialog/proxy-wish.js'
import type { DialogDefinitions } from '../dialog/schema.js'
import { isDialogSession, type DialogSession } from '../dialog/session.js'
import { render } from '../dialog/template.js'
import { decide } from '../match/decide.js'
import { INVISIBLE } from '../match/normalize.js'
import type { Matcher } from '../match/types.js'
import { withSession, type LockedTurn, type SessionStore, type TurnPeeks } from '../store/session-store.js'
import { createDefaultEffectExecutor, type Logger, silentLogger } from './default-effects.js'
import type {
  ConversationReply,
  ConversationService,
  EffectExecutor,
  IncomingMessage,
  InterceptContext,
  Interceptor,
  TextMessage,
  TurnReads,
} from './types.js'

export type { Logger } from './default-effects.js'

export interface ConversationServiceOptions {
  definitions: DialogDefinitions
  /** The catalogue now serving and its matcher; called per message, so a reload takes effect at once. */
  catalog: () => { catalog: Catalog; matcher: Matcher }
  sessions: SessionStore
  /** Carries out tickets, hand-offs and unmatched reports; defaults to logging them and replying honestly. */
  executeEffect?: EffectExecutor
  /** Run before the dialog (ticket commands, pending ratings); the first that answers wins. */
  interceptors?: Interceptor[]
  /** Idle time after which a conversation starts fresh (default 30 minutes). */
  sessionTtlSeconds?: number
  logger?: Logger
}

export const DEFAULT_SESSION_TTL_SECONDS = 30 * 60
/**
 * Sessions are stored this much longer than the idle limit, so that a resident coming back after an
 * expiry is told that the conversation started over, instead of being greeted as if nothing had happened.
 */
const EXPIRED_NOTICE_SECONDS = 24 * 60 * 60

export function createConversationService(opts: ConversationServiceOptions): ConversationService {
  const logger = opts.logger ?? silentLogger
  const idleSeconds = opts.sessionTtlSeconds ?? DEFAULT_SESSION_TTL_SECONDS
  const executeEffect = opts.executeEffect ?? createDefaultEffectExecutor(opts.definitions, logger)
  const interceptors = opts.interceptors ?? []
  const sessions = opts.sessions as SessionStore<DialogSession>
  const say = opts.definitions.messages.say

  /** One turn under the resident's lock: `stored` was read as the turn began, the returned write lands as it ends. */
  async function handleLocked(
    message: IncomingMessage,
    key: string,
    stored: DialogSession | undefined,
  ): Promise<LockedTurn<DialogSession, ConversationReply>> {
    const session = isDialogSession(stored) ? stored : undefined
    const { catalog, matcher } = opts.catalog()
    /** Lines interceptors add after the dialog's replies (InterceptContext.addAfter). */
    const after: string[] = []
    if (isText(message) && interceptors.length > 0) {
      let names: boolean | undefined
      let understood: boolean | undefined
      const who = { resident: message.resident, ...(message.elder !== undefined && { elder: message.elder }) }
      const dialogOpen = awaitsAnswer(opts.definitions, { catalog, matcher, idleSeconds }, session, message.now)
      const context: InterceptContext = {
        dialogOpen,
        asksNewQuestion: dialogOpen && asksNewQuestion(opts.definitions, session),
        submitted: standsSubmitted(opts.definitions, session),
        ...(session?.itemId !== undefined &&
          !standsSubmitted(opts.definitions, session) &&
          message.now - session.lastAt < idleSeconds * 1000 && { itemAtHand: session.itemId }),
        elder: message.elder ?? session?.elder === true,
        namesItem() {
          return (names ??= decide(matcher.match(message.content.text)).kind === 'sure')
        },
        takesNumber(n) {
          return takesNumber(opts.definitions, { catalog, matcher, idleSeconds }, session, who, n, message.now)
        },
        understood() {
          return (understood ??= understands(opts.definitions, { catalog, matcher, idleSeconds }, session, who, message.content.text, message.now))
        },
        addAfter(text) {
          after.push(text)
        },
        ticketReplies: opts.definitions.vocabulary.ticketReplies,
      }
      for (const intercept of interceptors) {
        try {
          const replies = await intercept(message, context)
          if (replies !== undefined) return { result: { replies } }
        } catch (err) {
          // A broken interceptor must not silence the bot: the dialog still answers.
          logger.error({ err, key }, 'interceptor failed')
        }
      }
    }

    let result
    try {
      result = step(opts.definitions, { catalog, matcher, idleSeconds }, session, message, message.now)
    } catch (err) {
      // A bug in the engine (or a session it cannot read) must not trap the resident: start them over.
      logger.error({ err, key, state: session?.state }, 'dialog step failed')
      return { result: { replies: [render(say.effectFailed, {})] }, write: { delete: true } }
    }

    // The session is written as the lock is released, after the effects: no effect reads it.
    const replies = [...result.replies]
    for (const effect of result.effects) {
      try {
        replies.push(...(await executeEffect(effect, message)))
      } catch (err) {
        logger.error({ err, key, effect: effect.type }, 'effect failed')
        replies.push(render(say.effectFailed, {}))
      }
    }
    replies.push(...after)
    return {
      result: { replies, elder: result.session.elder === true },
      ...(result.changed && { write: { set: result.session, ttlSeconds: idleSeconds + EXPIRED_NOTICE_SECONDS } }),
    }
  }

  return {
    countsAlong: sessions.countsAlong === true,
    handle(incoming, options = {}) {
      const message = withoutInvisible(incoming)
      const key = `${message.resident.channel}:${message.resident.userId}`
      const { admitted, counters } = options
      if (counters && sessions.countsAlong !== true) return Promise.reject(new Error('counters given to a service whose session store cannot count them'))
      // A refusal also leaves the queue at once (it need not wait behind the resident's earlier messages), and is
      // observed here, so it never goes unhandled when the turn fails first.
      let signal: AbortSignal | undefined
      if (admitted) {
        const refused = new AbortController()
        admitted.catch((err: unknown) => refused.abort(err))
        signal = refused.signal
      }
      const peeks = sessions.peeksAlong === true && isText(message) ? turnPeeks() : undefined
      if (isText(message)) {
        for (const intercept of interceptors) {
          try {
            intercept.prefetch?.(message, peeks?.reads)
          } catch (err) {
            logger.error({ err, key }, 'interceptor prefetch failed')
          }
        }
      }
      const turn = withSession(sessions, key, async (stored) => {
        // Refused (e.g. rate-limited): the turn ends with nothing written and the refusal goes to the caller.
        if (admitted) await admitted
        return handleLocked(message, key, stored)
      }, { ...(signal && { signal }), ...(counters && { counters }), ...(peeks && peeks.keys.length > 0 && { peeks }) })
      // A turn that failed before its store read the keys must not leave their readers waiting.
      if (peeks) turn.catch((err: unknown) => peeks.fail(err))
      return turn
    },
  }
}

/** The session stands at a question that only takes a new question (a state that matches questions, no item at hand). */
function asksNewQuestion(defs: DialogDefinitions, session: DialogSession | undefined): boolean {
  const state = session && Object.hasOwn(defs.flow.states, session.state) ? defs.flow.states[session.state] : undefined
  return state !== undefined && 'match' in state && state.match !== undefined && session?.itemId === undefined
}

/** The interceptors' TurnReads for one message, gathered into the store's TurnPeeks. */
function turnPeeks(): TurnPeeks & { reads: TurnReads; fail(err: unknown): void } {
  const keys: string[] = []
  const waiting: { resolve(exists: boolean): void; reject(err: unknown): void }[] = []
  return {
    keys,
    reads: {
      exists(key) {
        keys.push(key)
        return new Promise((resolve, reject) => waiting.push({ resolve, reject }))
      },
    },
    seen(exists) {
      for (const [i, w] of waiting.splice(0).entries()) w.resolve(exists[i] === true)
    },
    fail(err) {
      for (const w of waiting.splice(0)) w.reject(err)
    },
  }
}

/** What the resident typed, without characters nobody can see (they split words and garble echoed replies). */
function withoutInvisible(message: IncomingMessage): IncomingMessage {
  if (message.content.kind !== 'text') return message
  const text = message.content.text.replace(INVISIBLE, '')
  return text === message.content.text ? message : { ...message, content: { kind: 'text', text } }
}

function isText(message: IncomingMessage): message is TextMessage {
  return message.content.kind === 'text'
}
