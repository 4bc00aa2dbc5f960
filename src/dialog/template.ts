/**
 * Prompt templates: `{item.name}` is replaced by the field's value. A line whose fields are all empty is
 * dropped, so an admin can write an optional line ("网上办理：{item.online}") without any if/else.
 */

/** Field values, or a function giving them (so costly ones like the whole checklist are built only when used). */
export type Fields = Readonly<Record<string, string | undefined>> | ((name: string) => string | undefined)

/**
 * Fields looked up in each layer in turn, the first that has the name winning: what `{ ...last, …, ...first }`
 * gives, without copying the item's dozen fields into a new object for every line rendered.
 */
export function layered(...layers: Readonly<Record<string, string | undefined>>[]): (name: string) => string | undefined {
  return (name) => {
    for (const layer of layers) if (Object.hasOwn(layer, name)) return layer[name]
    return undefined
  }
}

const FIELD = /\{([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)\}/g

/** Names of the fields a template uses, in order of appearance (duplicates kept out). */
export function fieldsIn(template: string): string[] {
  const names = new Set<string>()
  for (const m of template.matchAll(FIELD)) names.add(m[1]!)
  return [...names]
}

/** A template line cut at its fields: literal text at even positions, field names at odd ones. */
type CompiledLine = { parts: string[]; fields: number }

const compiledTemplates = new Map<string, CompiledLine[]>()

/** A template cut into lines and fields, once: templates come from the dialog files and recur on every message. */
function compile(template: string): CompiledLine[] {
  let lines = compiledTemplates.get(template)
  if (lines === undefined) {
    lines = template.split('\n').map((line) => {
      // split() with a capturing group keeps the field names at the odd positions.
      const parts = line.split(FIELD)
      return { parts, fields: (parts.length - 1) / 2 }
    })
    // The files hold a few hundred templates; the bound only guards against rendering texts that are not templates.
    if (compiledTemplates.size > 5_000) compiledTemplates.clear()
    compiledTemplates.set(template, lines)
  }
  return lines
}

/** Fills in a template. Unknown or empty fields become ''; a line made only of empty fields disappears. */
export function render(template: string, fields: Fields): string {
  const get = typeof fields === 'function' ? fields : (name: string) => (Object.hasOwn(fields, name) ? fields[name] : undefined)
  const out: string[] = []
  for (const { parts, fields: used } of compile(template)) {
    if (used === 0) {
      out.push(parts[0]!.trimEnd())
      continue
    }
    let filled = 0
    let rendered = ''
    for (let i = 0; i < parts.length; i++) {
      if (i % 2 === 0) {
        rendered += parts[i]!
        continue
      }
      const value = get(parts[i]!) ?? ''
      if (value !== '') filled++
      rendered += value
    }
    if (filled === 0) continue
    out.push(rendered.trimEnd())
  }
  return out.join('\n').trim()
}
