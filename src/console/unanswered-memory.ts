/** UnansweredLog in this process's memory: for `npm start` without Redis, and as the contract's reference. */
import {
  compareEntries,
  DEFAULT_MAX_QUESTIONS,
  keptCandidates,
  normalizeQuestion,
  type UnansweredCandidate,
  type UnansweredEntry,
  type UnansweredLog,
} from './unanswered.js'

export class MemoryUnansweredLog implements UnansweredLog {
  private readonly entries = new Map<string, UnansweredEntry>()

  constructor(private readonly maxQuestions = DEFAULT_MAX_QUESTIONS) {}

  async record(text: string, candidates: UnansweredCandidate[], now: number): Promise<void> {
    const key = normalizeQuestion(text)
    if (key === '') return
    const old = this.entries.get(key)
    this.entries.set(key, {
      text: key,
      count: (old?.count ?? 0) + 1,
      firstSeen: old?.firstSeen ?? now,
      lastSeen: Math.max(old?.lastSeen ?? now, now),
      candidates: keptCandidates(candidates),
    })
    if (this.entries.size > this.maxQuestions) this.evictOne(key)
  }

  async top(n: number): Promise<UnansweredEntry[]> {
    return [...this.entries.values()]
      .sort(compareEntries)
      .slice(0, Math.max(0, n))
      .map((e) => ({ ...e, candidates: e.candidates.map((c) => ({ ...c })) }))
  }

  async dismiss(text: string): Promise<void> {
    this.entries.delete(text)
  }

  /** Drops the least asked question, the oldest of those, never the one just asked; a linear scan is fine at a thousand entries. */
  private evictOne(keep: string): void {
    let victim: UnansweredEntry | undefined
    for (const e of this.entries.values()) {
      if (e.text === keep) continue
      if (!victim || e.count < victim.count || (e.count === victim.count && e.lastSeen < victim.lastSeen)) victim = e
    }
    if (victim) this.entries.delete(victim.text)
  }
}
