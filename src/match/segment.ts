/**
 * Word segmentation for building the index: jieba with the catalogue's own terms added, so that
 * a phrasing like 俺想办个残疾证 yields 残疾证 as one word. Loaded once per process (~50 MB).
 */
import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'

let jieba: Jieba | undefined
const added = new Set<string>()

/**
 * Cuts text into words and their parts (林木采伐许可证 also gives 林木, 采伐, 许可证), so a resident
 * naming only part of a long term still meets it; `terms` are added to the dictionary first.
 */
export function segmenter(terms: Iterable<string>): (text: string) => string[] {
  jieba ??= Jieba.withDict(dict)
  const fresh: string[] = []
  for (const t of terms) if (t.length >= 2 && !added.has(t)) (added.add(t), fresh.push(t))
  if (fresh.length) jieba.loadDict(Buffer.from(fresh.map((t) => `${t} 20000 n`).join('\n')))
  const j = jieba
  const cache = new Map<string, string[]>()
  return (text) => {
    let words = cache.get(text)
    if (!words) cache.set(text, (words = j.cutForSearch(text, false)))
    return words
  }
}
