/**
 * A province-sized catalogue derived from the real items, for benchmarks: every county and city
 * publishes its own copy of the same items, often split into 设立 / 变更 / 注销 … sub-items, so
 * names collide heavily, as they do in a real provincial catalogue.
 */
import type { Catalog, CatalogItem } from '../catalog/types.js'

const PLACES = [
  '莒南县', '郯城县', '沂水县', '兰陵县', '费县', '平邑县', '蒙阴县', '沂南县', '临沭县', '兰山区', '罗庄区', '河东区',
  '历城区', '章丘区', '平阴县', '商河县', '即墨区', '胶州市', '平度市', '莱西市', '张店区', '临淄区', '博山区', '桓台县',
  '滕州市', '薛城区', '广饶县', '利津县', '寿光市', '青州市', '诸城市', '安丘市', '曲阜市', '邹城市', '泗水县', '微山县',
  '肥城市', '宁阳县', '东平县', '乳山市', '荣成市', '文登区', '莒县', '五莲县', '沂源县', '高青县', '阳信县', '惠民县',
]
const VARIANTS = ['', '设立', '变更', '注销', '延续', '补办', '备案', '年度报告', '信息查询', '咨询', '证明开具', '迁移']

/** `size` items: the real ones first, then county copies and sub-items of them. */
export function syntheticCatalog(base: Catalog, size: number): Catalog {
  const items: CatalogItem[] = [...base.items]
  for (let k = 0; items.length < size; k++) {
    const real = base.items[k % base.items.length]!
    const round = Math.floor(k / base.items.length)
    const place = PLACES[round % PLACES.length]!
    const variant = VARIANTS[Math.floor(round / PLACES.length) % VARIANTS.length]!
    const name = `${real.name}${variant ? `（${variant}）` : ''}（${place}）`
    items.push({
      ...real,
      id: `${real.id}-${place}-${round}`,
      name,
      keywords: [...real.keywords.filter((_, i) => (i + round) % 3 !== 0), place],
      // County copies keep the provincial standard's phrasings, a subset each.
      phrasings: real.phrasings.filter((_, i) => (i + round) % 2 === 0),
    })
  }
  return { ...base, items, byId: new Map(items.map((i) => [i.id, i])), version: `synthetic-${size}` }
}
