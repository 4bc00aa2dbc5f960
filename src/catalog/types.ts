/**
 * The catalogue as the code uses it: English names, defaults filled in, references resolved.
 * Built from the admin files (schema.ts) by toCatalog() in load.ts.
 */
import type { HelpKind, Tier } from './schema.js'

export type { HelpKind, Tier }

/**
 * A number: working days, 0 meaning 即办 (on the spot). `{ calendarDays }`: calendar days (法定 60 日).
 * ASK_WINDOW: no official figure (以窗口为准); residents are told to ask. Undefined (法定时限 only): not set by law.
 */
export type TimeLimit = number | { calendarDays: number } | typeof ASK_WINDOW
export const ASK_WINDOW = 'askWindow'

export interface Condition {
  questionId: string
  answers: string[]
}

export interface Question {
  id: string
  prompt: string
  /** The question in plainer words for 长者模式, when the catalogue has them. */
  elderPrompt?: string
  /** What the question's words mean (解释), for a resident who asks. */
  explain?: string
  options: string[]
  /** Option → words in a question that already answer this one (see QuestionSchema's 说法). */
  words: Record<string, string[]>
  /** Asked only when an earlier question `questionId` was answered with one of `answers`. */
  condition?: Condition
  /** Option → the fee in that case (收费 on the question), where the answer decides the fee. */
  fees?: Record<string, string>
}

export interface Material {
  name: string
  form: '原件' | '复印件' | '原件和复印件' | '电子' | '原件或电子'
  copies: number
  /** What copies counts: 份, or 张 for photos (see MaterialSchema's 单位). */
  unit: '份' | '张' | '本' | '套'
  requirement: '必须' | '可选' | '按情况'
  /** Present when requirement is 按情况: applies when question `questionId` is answered with one of `answers`. */
  condition?: Condition
  whereToGet?: string
  note?: string
  /** What it is, in plain words (解释), for a resident who asks. */
  explain?: string
  /** Provided, filled in or signed at the window (窗口提供): not asked, never missing, listed apart on the checklist. */
  atWindow?: boolean
  /** Not a material but a notice for this case (提示): not asked, never missing, shown above the materials. */
  notice?: boolean
  /** On a notice with a condition (结论): this case cannot be applied for, or needs no application; the walk ends there. */
  conclusion?: '不符合条件' | '不用办'
}

export interface ServicePoint {
  id: string
  name: string
  tier: Tier
  parentId?: string
  address: string
  hours: string
  phone: string
}

/** A fixed point (pointId) or "the resident's own point of this tier" (tier). */
export interface Place {
  pointId?: string
  tier?: Tier
  /** A tier place's own name (户籍所在地派出所), instead of the tier's usual centre. */
  name?: string
  window?: string
  note?: string
}

export interface CatalogItem {
  id: string
  name: string
  department: string
  type: string
  tiers: Tier[]
  conditions: string[]
  questions: Question[]
  materials: Material[]
  steps: string[]
  legalLimitDays?: TimeLimit
  promisedLimitDays: TimeLimit
  fee: string
  /** What it pays out (待遇标准), one entry a line, as residents are told it; none when the file has none. */
  benefitStandard?: string[]
  places: Place[]
  online?: { url?: string; note: string }
  visits: number
  proxy: { allowed: boolean; kinds: HelpKind[]; note?: string }
  mail: boolean
  consultPhone: string
  complaintPhone: string
  legalBasis: string[]
  phrasings: string[]
  keywords: string[]
  /** Who it is not for, as residents say it (不适用: 本地户口): a question saying so, not negated, does not find it. */
  notFor?: string[]
  sources: string[]
  note?: string
  /** Path of the file it came from, relative to the catalogue root. */
  file: string
}

export interface Synonym {
  canonical: string
  variants: string[]
}

export interface MatchWords {
  fillers: string[]
  generic: string[]
  /** Words naming services outside this catalogue (目录外). */
  outside: string[]
  /** What residents ask to have done that the catalogue mostly does not do (目录外动作: 注销, 报销 …); none when absent. */
  actions?: string[]
  /** Words asking for a reissue or saying a thing is lost (补办: 补, 补领, 丢, 遗失 …); none when absent. */
  reissue?: string[]
  /** Single characters by which residents ask for something (请求字: 办, 领, 补 …). */
  asking: string[]
  /** Groups of characters that look alike (形近字: 住往, 己已巳), each a string; none when absent. */
  lookalikes?: string[]
  /** Words by which residents say who they are, not which scheme applies (身份词: 村干部, 网格员, 退伍军人); none when absent. */
  askers?: string[]
}

export interface Catalog {
  items: CatalogItem[]
  byId: Map<string, CatalogItem>
  points: Map<string, ServicePoint>
  synonyms: Synonym[]
  words: MatchWords
  /** Content hash of the files it was built from: tells a reload whether anything changed. */
  version: string
}

/** Formats a time limit for residents: 即办, N 个工作日, N 日（自然日）, or 以窗口为准 with the phone to ask. */
export function formatTimeLimit(days: TimeLimit | undefined, phone?: string): string {
  if (days === undefined) return '以窗口告知为准'
  if (days === ASK_WINDOW) return phone === undefined ? '以窗口告知为准' : `以窗口告知为准，可打电话问 ${phone}`
  if (typeof days === 'object') return `${days.calendarDays} 日（自然日）`
  return days === 0 ? '即办（当场办结）' : `${days} 个工作日`
}
