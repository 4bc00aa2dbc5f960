/**
 * npm run catalog:check [目录]: validates the catalogue (default ./catalog) and the files checked against it
 * (network.yaml and holidays.yaml, by src/tickets), listing every problem as `file:line path：message` so admins
 * can fix them all before the server picks the files up. Exits 1 on any error.
 */
import { relative } from 'node:path'
import { loadCatalogDir } from '../catalog/load.js'
import { formatSourceError, type SourceError } from '../catalog/yaml-source.js'
import { loadNetwork } from '../tickets/network-file.js'

const dir = process.argv[2] ?? 'catalog'
// Paths relative to where the command runs, so terminals and editors can open them.
const show = (e: SourceError) => formatSourceError({ ...e, file: relative(process.cwd(), e.file) || e.file })

const errors: SourceError[] = []
const warnings: SourceError[] = []
const catalog = await loadCatalogDir(dir)
if (!catalog.ok) errors.push(...catalog.errors)
else {
  // The network names service points, so it can only be checked against a valid catalogue.
  const network = await loadNetwork(dir, catalog.catalog.points)
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
