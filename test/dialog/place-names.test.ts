/** namedPlace: which town or village a reply names, and when a reply is more than a place name. */
import { describe, expect, it } from 'vitest'
import { namedPlace, townPointFor } from '../../src/dialog/area.js'
import { real } from '../conversation/support.js'

async function named(text: string) {
  const { catalog, definitions } = await real()
  const r = namedPlace(catalog, text, definitions.vocab.placeWords)
  if (r === undefined || r.kind === 'unknown') return r
  return { kind: r.kind, names: r.points.map((p) => p.name) }
}

describe('namedPlace', () => {
  it('a town by its whole name, its core, or with words around it', async () => {
    for (const text of ['大店镇', '大店', '我是大店镇的', '俺在大店', '大店镇在哪里', '大店镇。']) {
      expect(await named(text), text).toEqual({ kind: 'towns', names: ['大店镇便民服务中心'] })
    }
    expect(await named('十字路')).toEqual({ kind: 'towns', names: ['十字路街道便民服务中心'] })
  })

  it('a core shared by a town and a village is the town; the village\'s whole name is the village', async () => {
    expect(await named('坊前')).toEqual({ kind: 'towns', names: ['坊前镇便民服务中心'] })
    expect(await named('坊前村')).toEqual({ kind: 'villages', names: ['坊前村便民服务室'] })
  })

  it('a village with its town; a village name two towns share gives both', async () => {
    expect(await named('大店镇大店一村')).toEqual({ kind: 'villages', names: ['大店一村便民服务室'] })
    expect(await named('南岭村')).toMatchObject({ kind: 'villages', names: ['南岭村便民服务室', '南岭村便民服务室'] })
    const { catalog } = await real()
    const r = namedPlace(catalog, '涝坡镇南岭村', [])
    expect(r?.kind === 'villages' && r.points.map((p) => p.parentId)).toEqual(['laopo-center'])
  })

  it('says whether the town was named with the village (岭泉镇西山村) or the village alone (西山村)', async () => {
    const { catalog, definitions } = await real()
    const withTown = (text: string) => {
      const r = namedPlace(catalog, text, definitions.vocab.placeWords)
      return r?.kind === 'villages' ? r.withTown : undefined
    }
    expect(withTown('岭泉镇西山村')).toBe(true)
    expect(withTown('西山村')).toBe(false)
    expect(withTown('俺是西山村的')).toBe(false)
  })

  it('with a town already chosen, that town\'s own village wins a core it shares with the town (坊前 in 坊前镇 → 坊前村)', async () => {
    const { catalog, definitions } = await real()
    const inFangqian = namedPlace(catalog, '坊前', definitions.vocab.placeWords, 'fangqian-center')
    expect(inFangqian?.kind === 'villages' && inFangqian.points.map((p) => p.id)).toEqual(['fangqian-v1'])
    const inDadian = namedPlace(catalog, '我是坊前的', definitions.vocab.placeWords, 'dadian-center')
    expect(inDadian?.kind === 'towns' && inDadian.points.map((p) => p.id)).toEqual(['fangqian-center'])
  })

  it('more than a place is not a place: a question, a number, a yes', async () => {
    for (const text of ['大店镇低保怎么办', '低保', '1', '好的', '自己办理', '村']) expect(await named(text), text).toBeUndefined()
  })

  it('a lone word shaped like a place that is none of ours is unknown', async () => {
    expect(await named('东京镇')).toEqual({ kind: 'unknown', name: '东京镇' })
    expect(await named('我是东京镇的')).toEqual({ kind: 'unknown', name: '东京镇' })
    expect(await named('农村')).toBeUndefined()
  })
})

describe('townPointFor', () => {
  it('the town point the place mentions, else the centre', async () => {
    const { catalog } = await real()
    const town = catalog.points.get('dadian-center')!
    expect(townPointFor(catalog, town, '户籍窗口 户籍所在地派出所').name).toBe('大店派出所')
    expect(townPointFor(catalog, town, '民政窗口 户籍所在地镇（街道）便民服务中心').id).toBe('dadian-center')
  })
})
