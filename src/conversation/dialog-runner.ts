/**
 * Where a resident's turn is worked out: what the interceptors are told about the stored session, and the dialog
 * engine's step. Two implementations: in this thread (below), or in a worker thread (worker-runner.ts), which keeps
 * the CPU-bound engine off the thread that serves HTTP, WeChat and Redis.
 */
import type { Catalog } from '../catalog/types.js'
import { awaitsAnswer, step } from '../dialog/engine.js'
import { standsSubmitted } from '../dialog/proxy-wish.js'
import type { DialogDefinitions } from '../dialog/schema.js'
import { isDialogSession, type DialogSession } from '../dialog/session.js'
import type { Matcher } from '../match/types.js'
import type { Effect, IncomingMessage, InterceptContext } from './types.js'

/** What interceptors learn of the session (InterceptContext without its lazy matcher question). */
export type SessionFacts = Omit<InterceptContext, 'namesItem'>

export interface StepOutcome {
  replies: string[]
  effects: Effect[]
  /** Whether the session changed (and is to be written, with a fresh expiry). */
  changed: boolean
  /** The session to store, in the form the session store holds (an object, or encoded text). */
  write: unknown
  /** Whether the dialog now speaks 长者模式's words. */
  elder: boolean
}

export interface PreparedTurn {
  facts: SessionFacts
  /** The session's state, for logs. */
  state?: string
  /**
   * The engine's step for this message. Pure, so a runner may have worked it out already: when an interceptor
   * answers instead, it is dropped and nothing is written. Throws when the engine failed.
   */
  step(): StepOutcome
}

export interface DialogRunner {
  /** The turn for a message, given the session as the store returned it (undefined: none). */
  prepare(stored: unknown, message: IncomingMessage): PreparedTurn | Promise<PreparedTurn>
  close(): Promise<void>
}

export interface RunnerOptions {
  definitions: DialogDefinitions
  /** The catalogue now serving and its matcher; called per message, so a reload takes effect at once. */
  catalog: () => { catalog: Catalog; matcher: Matcher }
  idleSeconds: number
}

/** The facts and the step for a decoded session: the one place both runners compute them. */
export function prepareTurn(
  defs: DialogDefinitions,
  ctx: { catalog: Catalog; matcher: Matcher; idleSeconds: number },
  session: DialogSession | undefined,
  message: IncomingMessage,
): { facts: SessionFacts; step: () => ReturnType<typeof step> } {
  const submitted = standsSubmitted(defs, session)
  const facts: SessionFacts = {
    dialogOpen: awaitsAnswer(defs, ctx, session, message.now),
    submitted,
    ...(session?.itemId !== undefined &&
      !submitted &&
      message.now - session.lastAt < ctx.idleSeconds * 1000 && { itemAtHand: session.itemId }),
    elder: message.elder ?? session?.elder === true,
  }
  return { facts, step: () => step(defs, ctx, session, message, message.now) }
}

/** Runs turns in this thread, with the store holding session objects. */
export function inProcessRunner(opts: RunnerOptions): DialogRunner {
  return {
    prepare(stored, message) {
      const session = isDialogSession(stored) ? stored : undefined
      const { catalog, matcher } = opts.catalog()
      const turn = prepareTurn(opts.definitions, { catalog, matcher, idleSeconds: opts.idleSeconds }, session, message)
      return {
        facts: turn.facts,
        ...(session && { state: session.state }),
        step() {
          const result = turn.step()
          return {
            replies: result.replies,
            effects: result.effects,
            changed: result.changed,
            write: result.session,
            elder: result.session.elder === true,
          }
        },
      }
    },
    close: () => Promise.resolve(),
  }
}
