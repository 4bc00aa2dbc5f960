/**
 * npm run catalog:schema [目录]: writes the editor JSON Schemas (catalog/schema.json, catalog/schemas/*.schema.json)
 * from the zod schemas. Run it after changing src/catalog/schema.ts; a test fails until the files are current.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { catalogJsonSchemas } from '../catalog/json-schema.js'
import { networkJsonSchemas } from '../tickets/network-json-schema.js'

const dir = process.argv[2] ?? 'catalog'
for (const { file, text } of [...catalogJsonSchemas(), ...networkJsonSchemas()]) {
  const path = join(dir, file)
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, text)
  console.log(`已写入 ${path}`)
}
