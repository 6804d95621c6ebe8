/**
 * Damaged copies of the real plan, made here from the fixture: each must give the same points (numbers, titles,
 * bodies letter for letter) and the same 责任人 as the clean text. Damage the importer meets in practice: Markdown
 * marks from an editor, full-/half-width punctuation swapped, other numbering styles, blank lines, words and titles
 * cut across page breaks with page numbers between, Windows line endings.
 */
import { readFileSync } from 'node:fs'
import { parseWorkPlan } from '../../cloud/core/work-plans'
import type { ParsedPlan } from '../../cloud/core/work-plans'
import { lettersOnly } from '../../cloud/core/work-plans/text'
import { SAMPLE_PLAN_TXT } from '../support/samples'

const source = readFileSync(SAMPLE_PLAN_TXT, 'utf8')
const clean = parseWorkPlan(source)

/** What must survive any damage: structure, 责任人, and the letters of every title and body. */
function essence(plan: ParsedPlan) {
  return {
    title: lettersOnly(plan.title),
    docNumber: plan.docNumber,
    issuedOn: plan.issuedOn,
    year: plan.year,
    sections: plan.sections.map((s) => ({
      seq: s.seq,
      title: lettersOnly(s.title),
      points: s.points.map((p) => ({
        seq: p.seq,
        title: lettersOnly(p.title),
        body: lettersOnly(p.body),
        responsible: p.responsible,
        forAllBranches: p.forAllBranches,
        timeHints: p.timeHints.map((h) => [h.kind, h.dueOn]),
      })),
    })),
  }
}

const POINT_LINE = /^(\d+)\.\s*/gm
const SECTION_LINE = /^([一二三四五六七八九十]+、)/gm

const FULL = '（）：；，．'
const HALF = '():;,.'
function swapWidths(text: string): string {
  return [...text].map((c) => (FULL.includes(c) ? HALF[FULL.indexOf(c)] : HALF.includes(c) ? FULL[HALF.indexOf(c)] : c)).join('')
}

const variants: [string, (t: string) => string][] = [
  ['Markdown heading and emphasis marks', (t) => t.replace(SECTION_LINE, '## $1').replace(POINT_LINE, '**$1.** ').replace(/^中共湖南省科学技术协会社会组织行业委员会 2021/m, '# 中共湖南省科学技术协会社会组织行业委员会 2021')],
  ['Markdown list items with escaped numbers', (t) => t.replace(POINT_LINE, '- $1\\. ').replace(/^---$/m, '')],
  ['full- and half-width punctuation swapped', swapWidths],
  ['numbering 1、', (t) => t.replace(POINT_LINE, '$1、')],
  ['numbering 1．', (t) => t.replace(POINT_LINE, '$1．')],
  ['numbering "1 ."', (t) => t.replace(POINT_LINE, '$1 . ')],
  ['numbering 1. without a space', (t) => t.replace(POINT_LINE, '$1.')],
  ['section numbers 一．', (t) => t.replace(SECTION_LINE, (m) => m.replace('、', '．'))],
  ['extra blank lines, a split word, a split title, page numbers', (t) =>
    t
      .replace(/\n\n/g, '\n\n\n\n')
      .replace('学会党组织和党员', '学会党组\n\n- 2 -\n\n织和党员')
      .replace('1. 强化党的科学理论武装', '1. 强化党的科学\n\n3\n\n理论武装')
      .replace('深化“两个覆盖”', '深化“两个覆\n第 4 页\n盖”')],
  ['CRLF line endings', (t) => t.replace(/\n/g, '\r\n')],
  ['old Mac CR line endings and a BOM', (t) => `\ufeff${t.replace(/\n/g, '\r')}`],
  ['spaces and tabs around lines, ideographic spaces', (t) => t.split('\n').map((l) => (l ? `\u3000\u3000${l}\t ` : l)).join('\n')],
  ['everything at once', (t) => swapWidths(t.replace(POINT_LINE, '$1、').replace(SECTION_LINE, '### $1')).replace(/\n/g, '\r\n')],
]

test.each(variants)('%s: same points and 责任人 as the clean text', (_name, damage) => {
  const damaged = parseWorkPlan(damage(source))
  expect(essence(damaged)).toEqual(essence(clean))
  // No new kind of warning except the page numbers that were taken out.
  expect(damaged.warnings.map((w) => w.code).filter((c) => c !== 'page_number_removed')).toEqual(['cover_text'])
})

test('the page numbers taken out are reported', () => {
  const damaged = parseWorkPlan(variants[8][1](source))
  expect(damaged.warnings.find((w) => w.code === 'page_number_removed')?.excerpt).toBe('3 | - 2 - | 第 4 页')
  expect(damaged.sections[0].points[0].title).toBe('强化党的科学理论武装')
  expect(damaged.sections[0].points[0].body).toContain('学会党组织和党员')
  expect(damaged.sections[1].points[2].title).toBe('深化“两个覆盖”工作实效')
})

test('the plan alone, without its covering notice, reads the same', () => {
  const from = source.indexOf('中共湖南省科学技术协会社会组织行业委员会 2021 年工作要点\n')
  const alone = parseWorkPlan(source.slice(from))
  expect(essence(alone).sections).toEqual(essence(clean).sections)
  expect(alone.title).toBe(clean.title)
  expect(alone.intro).toBe(clean.intro)
  // The issuer falls back to the title's own words; no number or date to find.
  expect(alone.issuer).toBe('中共湖南省科学技术协会社会组织行业委员会')
  expect(alone.warnings.map((w) => w.code)).toEqual(['no_doc_number', 'no_issued_on'])
})
