/**
 * `npm run --silent match -- --jsonl`: one question per stdin line → one JSON line per question,
 * `{"query", "results": [{"id", "name", "score"}]}`, best first, at most 5. Nothing else on stdout.
 * `npm run match -- 问题 …` prints the same for questions given as arguments, one per line.
 */
import { createInterface } from 'node:readline'
import { buildMatcher } from '../match/index.js'
import { openCatalog } from './open-catalog.js'

const matcher = buildMatcher(await openCatalog())

function answer(query: string): string {
  const results = matcher.match(query).map((r) => ({ id: r.item.id, name: r.item.name, score: r.score }))
  return JSON.stringify({ query, results })
}

const args = process.argv.slice(2).filter((a) => a !== '--jsonl')
if (args.length) {
  for (const q of args) process.stdout.write(answer(q) + '\n')
} else {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })
  for await (const line of lines) process.stdout.write(answer(line.replace(/^\uFEFF/, '')) + '\n')
}
