/**
 * `npm run --silent bench:match`: for the real catalogue and synthetic ones of 3,000 and 30,000
 * items, builds the matcher, runs the dev queries and prints one JSON line per size with our
 * latency and plain Fuse.js's over the same items in the same run. Each size runs in its own
 * process so rss_mb is that size's alone.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Fuse from 'fuse.js'
import { quantileMs } from '../bench/quantile.js'
import { syntheticCatalog } from '../bench/synthetic-catalog.js'
import { buildMatcher } from '../match/index.js'
import { openCatalog } from './open-catalog.js'

const QUERIES = process.env.BENCH_QUERIES ?? '../shared/eval/dev-queries.tsv'
/** Untimed questions before timing starts (see below). */
const WARM_UP_MS = 3_000
/** Plain Fuse.js takes ~1 s a question at 30,000 items: time it on a sample of questions there. */
const FUSE_MAX_QUERIES_LARGE = 25

const one = process.argv.indexOf('--one')
if (one < 0) {
  const base = await openCatalog()
  for (const size of [base.items.length, 3000, 30000]) {
    const line = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--one', String(size)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    process.stdout.write(line)
  }
} else {
  const size = Number(process.argv[one + 1])
  const base = await openCatalog()
  const catalog = size <= base.items.length ? base : syntheticCatalog(base, size)
  const queries = readQueries(QUERIES)

  const t0 = performance.now()
  const matcher = buildMatcher(catalog)
  const buildMs = performance.now() - t0
  // Steady state, as a running server sees it: the build's garbage collected (a build happens once per
  // catalogue change, not per question) and untimed passes until the JIT has settled: on this kind of machine the
  // first two seconds or so of questions see compilation pauses of 2–8 ms, which would be the p99 of a short run.
  globalThis.gc?.()
  const warmUntil = performance.now() + WARM_UP_MS
  do for (const q of queries) matcher.match(q)
  while (performance.now() < warmUntil)
  // Repeat the set so p99 rests on a few thousand timings, not on the single slowest question.
  const ours = timeEach(Array.from({ length: 20 }, () => queries).flat(), (q) => matcher.match(q))
  const rss = process.memoryUsage().rss / 2 ** 20

  const fuse = new Fuse(catalog.items, { keys: ['name'], includeScore: true })
  const fuseQueries = size > 5000 ? queries.slice(0, FUSE_MAX_QUERIES_LARGE) : queries
  const plain = timeEach(fuseQueries, (q) => fuse.search(q, { limit: 5 }))

  console.log(JSON.stringify({
    items: catalog.items.length,
    build_ms: round(buildMs),
    p50_ms: quantileMs(ours, 0.5),
    p99_ms: quantileMs(ours, 0.99),
    fuse_p50_ms: quantileMs(plain, 0.5),
    fuse_p99_ms: quantileMs(plain, 0.99),
    rss_mb: round(rss),
  }))
}

function readQueries(file: string): string[] {
  return readFileSync(file, 'utf8').split(/\r?\n/).slice(1).map((l) => l.split('\t')[0] ?? '').filter(Boolean)
}

function timeEach(queries: string[], run: (q: string) => unknown): number[] {
  return queries.map((q) => {
    const t = performance.now()
    run(q)
    return performance.now() - t
  })
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
