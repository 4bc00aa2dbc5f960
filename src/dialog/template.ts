/**
 * Prompt templates: `{item.name}` is replaced by the field's value. A line whose fields are all empty is
 * dropped, so an admin can write an optional line ("网上办理：{item.online}") without any if/else.
 */

/** Field values, or a function giving them (so costly ones like the whole checklist are built only when used). */
export type Fields = Readonly<Record<string, string | undefined>> | ((name: string) => string | undefined)

const FIELD = /\{([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)\}/g

/** Names of the fields a template uses, in order of appearance (duplicates kept out). */
export function fieldsIn(template: string): string[] {
  const names = new Set<string>()
  for (const m of template.matchAll(FIELD)) names.add(m[1]!)
  return [...names]
}

/** Fills in a template. Unknown or empty fields become ''; a line made only of empty fields disappears. */
export function render(template: string, fields: Fields): string {
  const get = typeof fields === 'function' ? fields : (name: string) => (Object.hasOwn(fields, name) ? fields[name] : undefined)
  const out: string[] = []
  for (const line of template.split('\n')) {
    let used = 0
    let filled = 0
    const rendered = line.replace(FIELD, (_, name: string) => {
      used++
      const value = get(name) ?? ''
      if (value !== '') filled++
      return value
    })
    if (used > 0 && filled === 0) continue
    out.push(rendered.trimEnd())
  }
  return out.join('\n').trim()
}
