/**
 * npm run catalog:check [目录]: validates the catalogue (default CATALOG_DIR, else ./catalog) and the files checked against it
 * (network.yaml and holidays.yaml, by src/tickets), listing every problem as `file:line path：message` so admins
 * can fix them all before the server picks the files up. Exits 1 on any error.
 */
import { isAbsolute, relative } from 'node:path'
import { loadCatalogDir } from '../catalog/load.js'
import { formatSourceError, type SourceError } from '../catalog/yaml-source.js'
import { shanghaiDate } from '../tickets/calendar.js'
import { loadNetwork } from '../tickets/network-file.js'

// The folder named, else the one the server reads (CATALOG_DIR), else ./catalog.
const dir = process.argv[2] ?? (process.env.CATALOG_DIR || 'catalog')
// Paths relative to where the command runs, so terminals and editors can open them; outside it, as they are.
const shown = (file: string) => {
  const rel = relative(process.cwd(), file)
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel
}
const show = (e: SourceError) => formatSourceError({ ...e, file: shown(e.file) })

const errors: SourceError[] = []
const warnings: SourceError[] = []
const catalog = await loadCatalogDir(dir)
if (!catalog.ok) errors.push(...catalog.errors)
else {
  // The network names service points, so it can only be checked against a valid catalogue.
  const network = await loadNetwork(dir, catalog.catalog.points, shanghaiDate(Date.now()))
  if (network.ok) warnings.push(...network.warnings)
  else errors.push(...network.errors)
}

if (errors.length === 0 && catalog.ok) {
  for (const w of catalog.warnings) console.error(`提醒：${w}`)
  for (const w of warnings) console.error(`提醒：${show(w)}`)
  console.log(`目录检查通过：${catalog.catalog.items.length} 个事项，${catalog.catalog.points.size} 个服务点`)
} else {
  for (const e of errors) console.error(show(e))
  console.log(`发现 ${errors.length} 处错误`)
  process.exitCode = 1
}
