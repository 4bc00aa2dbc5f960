/**
 * What effects do until the tickets and hand-off services are wired in: log them (personal data masked) and
 * tell the resident honestly what happened — a request recorded, never an invented ticket number.
 */
import { inElderWords } from '../dialog/elder.js'
import type { DialogDefinitions } from '../dialog/schema.js'
import { render } from '../dialog/template.js'
import { maskPhone } from '../dialog/text.js'
import type { EffectExecutor } from './types.js'

/** The part of a pino logger the conversation uses. */
export interface Logger {
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} }

/** 张* for logs others read (GB/T 35273). */
function maskName(name: string): string {
  return name.length <= 1 ? name : `${[...name][0]}${'*'.repeat([...name].length - 1)}`
}

export function createDefaultEffectExecutor(definitions: DialogDefinitions, logger: Logger): EffectExecutor {
  const say = definitions.messages.say
  // Residents whose request was logged here (this process): only they have a 代办 whose progress we cannot tell.
  const requested = new Set<string>()
  return async (effect, message) => {
    const who = { channel: message.resident.channel, userId: message.resident.userId }
    switch (effect.type) {
      case 'openTicket': {
        requested.add(`${who.channel}\u0000${who.userId}`)
        const r = effect.request
        logger.info(
          { effect: 'openTicket', who, request: { ...r, name: maskName(r.name), phone: maskPhone(r.phone) } },
          'proxy ticket requested; the tickets service is not connected, so it is only logged',
        )
        const words = r.elder === true ? inElderWords(definitions).messages.say : say
        return [render(words.ticketRecorded, { 'item.name': r.itemName, 'form.name': r.name, 'form.phoneMasked': maskPhone(r.phone) })]
      }
      case 'listTickets':
        // Mid-walk (quietIfNone) the walk's progress was the answer: "还在接入中" would only confuse, unless this
        // resident did ask for a 代办 whose progress they may mean.
        if (effect.quietIfNone === true && !requested.has(`${who.channel}\u0000${who.userId}`)) return []
        return [render((effect.elder === true ? inElderWords(definitions).messages.say : say).ticketsUnavailable, {})]
      case 'mentionOpenTicket':
        // No tickets service: no ticket to mention.
        return []
      case 'handoff':
        logger.info({ effect: 'handoff', who, reason: effect.reason }, 'resident asked for a person')
        return []
      case 'unmatched':
        logger.info({ effect: 'unmatched', text: effect.text, candidates: effect.candidates }, 'question without a sure match')
        return []
    }
  }
}
