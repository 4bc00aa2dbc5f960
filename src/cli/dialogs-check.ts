/**
 * `npm run dialogs:check [dir]`: validates the dialog files (schema, transitions, reachability, templates,
 * word lists) and prints each problem as `file:line path：message`. Exits 1 on any error.
 */
import { formatSourceError } from '../catalog/yaml-source.js'
import { loadDialogDir } from '../conversation/dialog-dir.js'

const dir = process.argv[2] ?? 'dialogs'
const result = await loadDialogDir(dir)
if (result.ok) {
  const states = Object.keys(result.definitions.flow.states).length
  console.log(`对话定义检查通过：${dir}/ 共 ${states} 个状态。`)
} else {
  for (const e of result.errors) console.error(formatSourceError(e))
  console.error(`\n对话定义有 ${result.errors.length} 处错误，请按上面的行号修改。`)
  process.exitCode = 1
}
