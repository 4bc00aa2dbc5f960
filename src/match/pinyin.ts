/**
 * Pinyin keys for homophone tolerance and pinyin input. Residents type 低宝 for 低保 or
 * "gongjijin tiqu" for 公积金提取; comparing toneless syllables catches both.
 */
import { pinyin } from 'pinyin-pro'

const options = { toneType: 'none', type: 'array', v: true } as const

let charTable: Map<string, string> | undefined
let syllableSet: Set<string> | undefined

/** Default reading of every common Han character, computed once per process (~100 ms). */
function table(): Map<string, string> {
  if (charTable) return charTable
  let all = ''
  for (let c = 0x4e00; c <= 0x9fa5; c++) all += String.fromCharCode(c)
  const readings = pinyin(all, options)
  charTable = new Map()
  for (let i = 0; i < readings.length; i++) charTable.set(all[i]!, readings[i]!)
  syllableSet = new Set(readings.filter((r) => /^[a-z]+$/.test(r)))
  return charTable
}

/** Toneless syllable of one character by its default reading (the character itself when not Han). */
export function charSyllable(ch: string): string {
  return table().get(ch) ?? ch
}

/** Toneless syllables of a Han word, reading polyphones in context (银行 → yin hang). */
export function wordSyllables(word: string): string[] {
  return pinyin(word, options)
}

/**
 * Splits a run of Latin letters into pinyin syllables ("gongjijin" → gong ji jin), preferring
 * fewer, longer syllables. Undefined when the run is not pinyin (an English word, "logo").
 */
export function splitPinyin(run: string): string[] | undefined {
  table()
  const valid = syllableSet!
  const n = run.length
  // best[i]: fewest syllables covering run[0, i); -1 when impossible.
  const best = new Array<number>(n + 1).fill(-1)
  const from = new Array<number>(n + 1).fill(0)
  best[0] = 0
  for (let i = 0; i < n; i++) {
    if (best[i]! < 0) continue
    for (let len = 1; len <= 6 && i + len <= n; len++) {
      if (!valid.has(run.slice(i, i + len))) continue
      const j = i + len
      if (best[j]! < 0 || best[i]! + 1 < best[j]!) {
        best[j] = best[i]! + 1
        from[j] = i
      }
    }
  }
  if (best[n]! < 0) return undefined
  const out: string[] = []
  for (let j = n; j > 0; j = from[j]!) out.unshift(run.slice(from[j]!, j))
  return out
}

const INITIAL = /^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(.*)$/
/** Initials and finals that many speakers (and Shandong accents) do not tell apart. */
const FUZZY_INITIAL: Record<string, string> = { zh: 'z', ch: 'c', sh: 's', n: 'l', r: 'l', f: 'h' }
const FUZZY_FINAL: Record<string, string> = { ing: 'in', eng: 'en', ang: 'an', uang: 'uan', iang: 'ian' }

/**
 * Whether two toneless syllables are close enough to be typed for each other: the same under the usual
 * fuzzy-pinyin pairs (z/zh, n/l, in/ing …), or the same initial, or the same final.
 */
export function soundsNear(a: string, b: string): boolean {
  if (a === b) return true
  const [, ia = '', fa = ''] = INITIAL.exec(a) ?? []
  const [, ib = '', fb = ''] = INITIAL.exec(b) ?? []
  const ni = (i: string) => FUZZY_INITIAL[i] ?? i
  const nf = (f: string) => FUZZY_FINAL[f] ?? f
  if (ni(ia) === ni(ib) && nf(fa) === nf(fb)) return true
  return (ia !== '' && ni(ia) === ni(ib)) || (fa !== '' && nf(fa) === nf(fb))
}
