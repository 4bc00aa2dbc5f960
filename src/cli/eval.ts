/**
 * `npm run --silent eval -- <file.tsv>`: runs a query/expect file (expect: item name, several joined
 * by |, empty for out of scope) and prints top-1, top-3, out-of-scope rejection and each miss.
 */
import { readFileSync } from 'node:fs'
import { buildMatcher } from '../match/index.js'
import { openCatalog } from './open-catalog.js'

// Piped into head or less, which may close early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0)
  throw err
})

const files = process.argv.slice(2)
if (!files.length) {
  process.stderr.write('用法：npm run --silent eval -- <问题文件.tsv>（两列：query 和 expect）\n')
  process.exit(2)
}
const catalog = await openCatalog()
const matcher = buildMatcher(catalog)
const names = new Set(catalog.items.map((i) => i.name))
const pct = (a: number, b: number) => `${b ? ((100 * a) / b).toFixed(1) : '—'} % (${a}/${b})`

for (const file of files) {
  const rows = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim())
  if (rows[0]?.toLowerCase().startsWith('query')) rows.shift()
  let inScope = 0, top1 = 0, top3 = 0, outOfScope = 0, rejected = 0
  const misses: string[] = []
  for (const row of rows) {
    const [query = '', expectField = ''] = row.split('\t')
    const expected = expectField.split('|').map((s) => s.trim()).filter(Boolean)
    for (const e of expected) if (!names.has(e)) misses.push(`  ? 期望的事项不在目录里：${e}`)
    const results = matcher.match(query)
    const shown = results.slice(0, 3).map((r) => `${r.item.name} ${r.score}`).join('；') || '（无结果）'
    if (!expected.length) {
      outOfScope++
      if (!results.length) rejected++
      else misses.push(`  ✗ 范围外未拒绝：${query} → ${shown}`)
      continue
    }
    inScope++
    const rank = results.findIndex((r) => expected.includes(r.item.name))
    if (rank === 0) top1++
    if (rank >= 0 && rank < 3) top3++
    if (rank !== 0) misses.push(`  ✗ ${query} → 期望 ${expected.join(' 或 ')}，得到 ${shown}`)
  }
  console.log(`${file}`)
  console.log(`top-1: ${pct(top1, inScope)}   top-3: ${pct(top3, inScope)}   out-of-scope rejected: ${pct(rejected, outOfScope)}`)
  if (misses.length) console.log(`misses (${misses.length}):\n${misses.join('\n')}`)
}
