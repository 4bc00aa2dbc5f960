/**
 * YAML syntax errors in Chinese, with a hint for the two slips a Chinese keyboard makes most:
 * a full-width colon "：" and "字段:值" without the space YAML needs after the colon.
 */
import type { YAMLError } from 'yaml'

const MESSAGES: Partial<Record<YAMLError['code'], string>> = {
  BAD_INDENT: '缩进不对，同一层的内容要左对齐',
  BLOCK_AS_IMPLICIT_KEY: '缩进不对，同一层的内容要左对齐',
  TAB_AS_INDENT: '缩进请用空格，不要用 Tab',
  MULTILINE_IMPLICIT_KEY: '这一行不是 "字段: 值" 的写法',
  MISSING_CHAR: '这一行不是 "字段: 值" 的写法',
  BAD_SCALAR_START: '值不能以 @、` 等符号开头，请给整段文字加引号',
  BLOCK_IN_FLOW: '方括号 [ ] 或花括号 { } 里不能换行写 "- " 列表',
  MULTIPLE_DOCS: '一个文件只能有一份内容，请删掉 "---" 分隔线',
  UNEXPECTED_TOKEN: '这里有看不懂的字符',
  BAD_DQ_ESCAPE: '双引号里的 \\ 转义写法不对，可改用单引号',
  BAD_ALIAS: '引用（*名称）写法不对',
  KEY_OVER_1024_CHARS: '字段名太长',
}

/** A Chinese message for one YAML error; `lineText` is the source line the error points at. */
export function yamlErrorMessage(error: YAMLError, lineText: string): string {
  let message = MESSAGES[error.code] ?? `YAML 格式错误（${error.code}）`
  if (error.code === 'DUPLICATE_KEY') message = `字段 "${keyOf(lineText)}" 重复出现，同一层每个字段只能写一次`
  if (error.code === 'MISSING_CHAR' && /quote/i.test(error.message)) message = '引号没有配对，缺少结尾的引号'
  if (error.code === 'BAD_INDENT' && /flow/i.test(error.message)) message = '方括号 [ ] 或花括号 { } 没有配对'
  if (error.code === 'UNEXPECTED_TOKEN' && /:\s*["']/.test(lineText)) {
    message = '以引号开头的值，结尾引号后面不能再有文字：去掉这对引号，或把整段放进引号里（里面的引号改用 “ ”）'
  }
  return message + hint(lineText)
}

function keyOf(lineText: string): string {
  const key = lineText.replace(/^\s*(-\s+)?/, '').split(':')[0] ?? ''
  return key.trim().replace(/^["']|["']$/g, '')
}

function hint(lineText: string): string {
  const code = lineText.replace(/\s#.*$/, '')
  if (code.includes('：') && !/:(\s|$)/.test(code)) return '（用了中文冒号 "："，请改成英文冒号 ":" 再加一个空格）'
  if (/^\s*(-\s+)?[^\s:#"'][^:]*:[^\s/]/.test(code) && !/:(\s|$)/.test(code)) return '（冒号 ":" 后面要加一个空格）'
  return ''
}
