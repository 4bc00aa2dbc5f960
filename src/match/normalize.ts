/**
 * Turns a resident's raw text into matching units: one per Han character, one per pinyin syllable
 * typed in Latin letters, one per run of digits or other letters. Filler phrases (请问, 怎么办 …)
 * and punctuation become breaks, so no term is matched across them.
 */
import * as OpenCC from 'opencc-js'
import { charSyllable, splitPinyin } from './pinyin.js'

const openccToSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' })
const simplifiedChar = new Map<string, string>()

/**
 * Traditional → simplified, one character at a time through a memo: residents' traditional text
 * converts the same character by character, and a province-sized catalogue builds in a fraction
 * of the time OpenCC takes over whole strings.
 */
export function toSimplified(text: string): string {
  let out = ''
  for (const ch of text) {
    let s = simplifiedChar.get(ch)
    if (s === undefined) simplifiedChar.set(ch, (s = ch.charCodeAt(0) < 0x2e80 ? ch : openccToSimplified(ch)))
    out += s
  }
  return out
}

/** A unit of a question. `text` is absent for a syllable typed as pinyin (it has no characters). */
export interface Unit {
  text?: string
  syllable: string
  /** The particle (的, 了) dropped right before this unit: 交的农村养老保险 is the one paid, not paying it. */
  afterParticle?: string
  /** The particle dropped right after this unit where it ends its part: 户口迁过来了， tells what has happened. */
  endParticle?: string
  /** A filler asking for something to be done (咋办, 怎么办理) was typed right after this unit: 残疾证咋办 asks for it. */
  requestAfter?: true
}

/**
 * Characters nobody types on purpose and nobody can see: controls (NUL …), zero-width spaces and joiners,
 * bidirectional overrides. They split words (低\u200b保) and, echoed back, can make a reply read backwards.
 */
export const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g

/** Latin letters with marks: pinyin typed with tones (dī bǎo), or ü. */
const MARKED_LATIN = /[\u00c0-\u024f\u1e00-\u1eff]/g
/** ü in any tone is written v, as pinyin keyboards and pinyin-pro (v: true) write it. */
const U_UMLAUT = /[üǖǘǚǜ]/

/** dī → di, lǜ → lv: tones say nothing the characters' default readings could use. */
function toneless(ch: string): string {
  return U_UMLAUT.test(ch) ? 'v' : ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
}

/**
 * Width, case and script: full-width → half-width, ① → 1, traditional → simplified, tone marks dropped;
 * invisible characters dropped.
 */
export function canonicalText(raw: string): string {
  const text = raw.replace(INVISIBLE, '').normalize('NFKC').toLowerCase().replace(MARKED_LATIN, toneless)
  return toSimplified(text)
}

/** Keeps only what can be matched: Han characters, Latin letters and digits. */
export function matchableText(raw: string): string {
  return canonicalText(raw).replace(/[^\p{Script=Han}a-z0-9]+/gu, '')
}

const HAN = /\p{Script=Han}/u
/**
 * Spaces next to a lone Han character ("公 积 金 怎 么 取", some phones and elderly typists space every
 * character) are dropped; spaces between longer runs still separate phrases.
 */
const SPACED_HAN = /(?<!\p{Script=Han})(\p{Script=Han})\s+(?=\p{Script=Han})|(?<=\p{Script=Han})\s+(?=\p{Script=Han}(?!\p{Script=Han}))/gu
const BREAK = '\u0001'
/** A break where a filler asking for something to be done (咋办) was: see Unit.requestAfter. */
const REQUEST_BREAK = '\u0003'
/** Where a particle was dropped: no break, but the next unit is marked (see Unit.afterParticle). */
const DROPPED = '\u0002'

export interface Normalizer {
  units(raw: string): Unit[][]
}

/**
 * Builds the normalizer for one catalogue version's filler list. `isWord` tells which strings are
 * known terms, so a particle inside a word (吧 in 网吧) is kept; `isRequest` which fillers ask for something to be
 * done (咋办), so the unit before one is marked.
 */
export function createNormalizer(
  fillers: string[],
  isWord: (s: string) => boolean = () => false,
  maxChars = 400,
  isRequest: (filler: string) => boolean = () => false,
): Normalizer {
  const sorted = [...new Set(fillers.map(matchableText).filter(Boolean))].sort((a, b) => b.length - a.length)
  // A filler phrase (怎么办) breaks the question; a lone particle (了, 的) is dropped instead, since it
  // often sits inside what the resident means (家里着了火 → 家里着火).
  const phrases = sorted.filter((f) => f.length > 1)
  const particles = sorted.filter((f) => f.length === 1)
  const phrasePattern = phrases.length ? new RegExp(phrases.map(escape).join('|'), 'g') : undefined
  const particleSet = new Set(particles)
  /** The text with each dropped particle marked DROPPED, and the particles dropped, in order. */
  const dropParticles = (text: string): [string, string[]] => {
    let out = ''
    const dropped: string[] = []
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!
      if (particleSet.has(ch) && !isWord(text.slice(i - 1, i + 1)) && !isWord(text.slice(i, i + 2))) {
        out += DROPPED
        dropped.push(ch)
      } else out += ch
    }
    return [out, dropped]
  }

  return {
    /** Segments (split at fillers and punctuation), each a list of units. */
    units(raw) {
      // Markup pasted or injected into a question (<img …>) says nothing about what is asked.
      let text = canonicalText(raw.slice(0, maxChars)).replace(/<[^<>]{0,200}>/g, ' ')
      text = text.replace(SPACED_HAN, '$1')
      if (phrasePattern) text = text.replace(phrasePattern, (f) => (isRequest(f) ? REQUEST_BREAK : BREAK))
      let dropped: string[] = []
      if (particleSet.size) [text, dropped] = dropParticles(text)
      let droppedAt = 0
      const segments: Unit[][] = []
      let current: Unit[] = []
      let afterParticle: string | undefined
      const flush = () => {
        if (afterParticle && current.length) current[current.length - 1] = { ...current[current.length - 1]!, endParticle: afterParticle }
        if (current.length) segments.push(current)
        current = []
        afterParticle = undefined
      }
      const push = (unit: Unit) => {
        current.push(afterParticle ? { ...unit, afterParticle } : unit)
        afterParticle = undefined
      }
      for (const token of text.match(/\p{Script=Han}|[a-z]+|[0-9]+|[^\p{Script=Han}a-z0-9]+/gu) ?? []) {
        if (HAN.test(token)) push({ text: token, syllable: charSyllable(token) })
        else if (/^[0-9]+$/.test(token)) push({ text: token, syllable: token })
        else if (/^[a-z]+$/.test(token)) {
          const syllables = splitPinyin(token)
          if (syllables) for (const s of syllables) push({ syllable: s })
          else push({ text: token, syllable: token })
        } else {
          const rest = token.replaceAll(DROPPED, '')
          if (rest.includes(REQUEST_BREAK) && current.length) current[current.length - 1] = { ...current[current.length - 1]!, requestAfter: true }
          // A particle typed right before a break (迁过来了，) ends the part: flush() records it on the part's last unit.
          if (rest && token.startsWith(DROPPED) && current.length) afterParticle = dropped[droppedAt]
          droppedAt += token.length - rest.length
          if (!rest) afterParticle = current.length > 0 ? dropped[droppedAt - 1] : undefined
          // Spaces between pinyin words ("gongjijin tiqu") do not break a term.
          else if (/\s/.test(rest) && current.length && !current[current.length - 1]!.text) continue
          else flush()
        }
      }
      flush()
      return segments
    },
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
