/**
 * A small valid catalogue as file texts. A test changes one line with edit() and checks the message
 * and the line it points at (lineOf), the way an admin would meet the mistake.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { CatalogFile } from '../../src/catalog/load.js'

export const DIBAO = `# yaml-language-server: $schema=../schema.json
事项编码: T-001
事项名称: 最低生活保障申请
实施主体: 测试县民政局
事项类型: 行政给付
办理层级: [县, 镇, 村]
受理条件:
  - 持本县户口
情形问题:
  - 编号: 委托他人
    提问: 是不是委托别人替您申请？
  - 编号: 户籍类型
    提问: 您是城镇户口还是农村户口？
    选项: [城镇, 农村]
    说法:
      农村: [农村户口, 农业户口]
申请材料:
  - 名称: 申请人身份证
    形式: 复印件
  - 名称: 授权委托书
    形式: 原件
    份数: 2
    要求: 按情况
    条件: { 问题: 委托他人, 答案: 是 }
  - 名称: 土地承包合同
    形式: 复印件
    要求: 按情况
    条件:
      问题: 户籍类型
      答案: [农村]
办理流程:
  - 到镇便民服务中心申请
法定时限: 30
承诺时限: 20
收费: 不收费
办理地点:
  - 服务点: town-a
    窗口: 民政窗口
  - 层级: 村
网上办理:
  说明: 爱山东 APP 搜索"低保"
到现场次数: 1
帮办代办:
  可代办: true
  方式: [帮办, 代办]
可邮寄: true
咨询电话: "0539-7211000"
投诉电话: "12345"
设定依据:
  - 《社会救助暂行办法》
常见问法:
  - 低保怎么办
  - 家里困难能吃低保吗
  - 低保要什么材料
关键词: [低保]
`

export const SEAL = `# yaml-language-server: $schema=../schema.json
事项编码: T-002
事项名称: 印章管理
实施主体: 甲镇便民服务中心
事项类型: 便民服务
办理层级: [镇]
受理条件:
  - 本镇居民
申请材料:
  - 名称: 申请人身份证
    形式: 原件
办理流程:
  - 窗口当场办理
承诺时限: 即办
收费: 不收费
办理地点:
  - 层级: 镇
到现场次数: 1
帮办代办:
  可代办: false
咨询电话: "0539-7220000"
投诉电话: "12345"
设定依据:
  - 本镇便民服务规定
常见问法:
  - 盖章在哪里办
  - 村里证明要盖章
  - 印章怎么管理
`

export const POINTS = `# yaml-language-server: $schema=./schemas/service-points.schema.json
服务点:
  - 编号: county
    名称: 测试县政务服务中心
    层级: 县
    地址: 人民路 1 号
    办公时间: 工作日 9:00-17:00
    电话: "0539-7211000"
  - 编号: town-a
    名称: 甲镇便民服务中心
    层级: 镇
    上级: county
    地址: 甲镇驻地
    办公时间: 工作日 9:00-17:00
    电话: "0539-7220000"
  - 编号: village-a1
    名称: 甲村便民服务室
    层级: 村
    上级: town-a
    地址: 甲村党群服务中心
    办公时间: 工作日 8:30-11:30
    电话: "0539-7220011"
`

export const SYNONYMS = `# yaml-language-server: $schema=./schemas/synonyms.schema.json
同义词:
  - 标准词: 最低生活保障
    说法: [低保, 吃低保]
  - 标准词: 居民身份证
    说法: [身份证, 二代证]
`

export const WORDS = `# yaml-language-server: $schema=./schemas/match-words.schema.json
虚词: [请问, 我想]
泛词: [办理, 申请]
`

export const FILES: Record<string, string> = {
  'catalog/items/di-bao.yaml': DIBAO,
  'catalog/items/yin-zhang.yaml': SEAL,
  'catalog/service-points.yaml': POINTS,
  'catalog/synonyms.yaml': SYNONYMS,
  'catalog/match-words.yaml': WORDS,
}

/** The fixture catalogue; `changes` replaces a file's text, or removes the file when null. */
export function catalogFiles(changes: Record<string, string | null> = {}): CatalogFile[] {
  const all = { ...FILES, ...changes }
  return Object.entries(all).flatMap(([path, text]) => (text === null ? [] : [{ path, text }]))
}

/** `text` with `from` replaced by `to`; throws if `from` is not there, so a test never checks an unchanged file. */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture has no ${JSON.stringify(from)}`)
  return text.replace(from, to)
}

/** 1-based line of the first line containing `needle` (after `after`, when given). */
export function lineOf(text: string, needle: string, after?: string): number {
  const start = after === undefined ? 0 : text.indexOf(after)
  const at = text.indexOf(needle, Math.max(0, start))
  if (start < 0 || at < 0) throw new Error(`fixture has no ${JSON.stringify(needle)}`)
  return text.slice(0, at).split('\n').length
}

/** Writes the fixture catalogue under `root` (paths lose their leading catalog/). */
export async function writeCatalog(root: string, files: CatalogFile[] = catalogFiles()): Promise<void> {
  for (const f of files) {
    const path = join(root, f.path.replace(/^catalog\//, ''))
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, f.text)
  }
}
