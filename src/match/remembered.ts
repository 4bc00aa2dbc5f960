/**
 * A matcher that remembers its latest answers. One message can ask the matcher about the same text several times
 * (the dialog's readings of a reply each check whether it names an item), and residents of a county ask the same
 * few questions over and over; matching is pure, so an answer given once for a catalogue version holds until the
 * next version, which gets a new matcher and so a new memory. Answers are frozen: callers share them.
 */
import type { Matcher, MatchResult } from './types.js'

/** Texts remembered; the one used longest ago goes first. Texts are at most a few KB, so this stays small. */
export const REMEMBERED_QUESTIONS = 1_000

export function rememberingMatcher(matcher: Matcher, capacity = REMEMBERED_QUESTIONS): Matcher {
  const answers = new Map<string, readonly MatchResult[]>()
  return {
    match(question, limit = 5) {
      // The limit cannot occur in a question's first place: a digit and a tab before the text keep keys apart.
      const key = `${limit}\t${question}`
      const known = answers.get(key)
      if (known !== undefined) {
        // Used again: moved to the back of the line.
        answers.delete(key)
        answers.set(key, known)
        return known
      }
      const results = Object.freeze(matcher.match(question, limit).map((r) => Object.freeze(r)))
      answers.set(key, results)
      if (answers.size > capacity) answers.delete(answers.keys().next().value!)
      return results
    },
  }
}
