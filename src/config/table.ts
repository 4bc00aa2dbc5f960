/**
 * The configuration table for the README, generated from the variable list.
 * src/config/README-table.md is its output; a test keeps the two in step.
 */
import { VARIABLES } from './variables.js'

/** A Markdown table: variable, default, meaning. */
export function configTableMarkdown(): string {
  const rows = Object.entries(VARIABLES).map(
    ([name, spec]) => `| \`${name}\` | ${spec.default === undefined ? '（不设置）' : `\`${spec.default}\``} | ${spec.meaning} |`,
  )
  return ['| 变量 | 默认值 | 含义 |', '|---|---|---|', ...rows].join('\n') + '\n'
}
