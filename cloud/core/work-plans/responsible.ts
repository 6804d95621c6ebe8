/**
 * Reading 责任人 from a point's text. Plans name them in brackets after the clause they own, several brackets per
 * point: （责任人：张三、李四、各学会党支部书记）. Copies from PDF mix （） with () and ： with :, and a page break may
 * cut a bracket in two — the paragraph joining (text.ts) has already put "(责任" and "人:…)" back together, and the
 * pattern below also tolerates spaces inside the label.
 */
import type { PlanWarning } from './types'

const LABEL = /([（(]\s*)?责\s*任\s*(?:人|单\s*位|部\s*门)\s*[：:]\s*/gu

/** Separators between names: 、，, ；; and line breaks (a list cut across a page keeps its names apart). */
const SEPARATORS = /[、，,；;\n]+/u

/**
 * These roles mean every branch must act on the point: 各学会党支部书记, 各党支部, and the short forms plans also use,
 * 各支部书记 / 各支部 (issue 16 item 15). A committee of a branch (各学会党支部组织委员会) is not every branch.
 */
const ALL_BRANCHES = /^各(?:所属)?(?:学会)?(?:基层)?党?支部(?:书记|负责人)?$/u

export interface ResponsibleResult {
  responsible: string[]
  forAllBranches: boolean
  warnings: PlanWarning[]
}

export function findResponsible(text: string): ResponsibleResult {
  const names: string[] = []
  const warnings: PlanWarning[] = []
  LABEL.lastIndex = 0
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    const from = m.index + m[0].length
    const bracketed = m[1] !== undefined
    // A bracketed list ends at its closing bracket; an unbracketed one ("责任人：张三。") at the clause's end.
    const rest = text.slice(from)
    const close = bracketed ? /[）)]/u.exec(rest) : null
    const sentenceEnd = rest.indexOf('。')
    let list: string
    if (close && (sentenceEnd < 0 || close.index < sentenceEnd)) {
      list = rest.slice(0, close.index)
    } else {
      const clauseEnd = /[。；;（(]/u.exec(rest)
      list = rest.slice(0, clauseEnd ? clauseEnd.index : rest.length)
      if (bracketed) {
        warnings.push({
          code: 'unclosed_responsible',
          message: '责任人括号没有闭合，已读到分句末尾为止，请核对责任人。',
          excerpt: text.slice(m.index, from + list.length + 1),
        })
      }
    }
    for (const raw of list.split(SEPARATORS)) {
      const name = raw.replace(/\s+/g, '').replace(/等$/u, '')
      if (name !== '' && !names.includes(name)) names.push(name)
    }
    LABEL.lastIndex = from
  }
  return { responsible: names, forAllBranches: names.some((n) => ALL_BRANCHES.test(n)), warnings }
}
