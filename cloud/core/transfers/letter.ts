/**
 * The printable 《中国共产党党员组织关系介绍信》 (.docx, A4 portrait, one page): the 存根 the issuing branch keeps, the
 * letter the member carries, and the 回执 the receiving organisation sends back, one under the other and parted by
 * 「沿此线剪开」 lines, in the customary wording (字第 号; 同志（男/女），岁，族，系中共正式党员/预备党员，身份证号码…，
 * 由…去…; 党费交至 年 月; 有效期 天; 回执: …的党员组织关系已转达我处，特此回复). Built with the `docx` library the
 * record book already uses (dashboard/record-book.ts), so the api bundle carries nothing new; loaded only when a
 * letter is printed. What the roster does not keep (sex, age, nation, ID number) comes from the print form, else
 * a blank line is left to fill in by hand.
 */
import { xmlSafe } from '../../../types/schema-kit'
import { nationalityName, validDaysOf, letterNoLine } from './rules'
import type { TransferDoc } from './store'

export interface LetterFacts {
  gender?: '男' | '女'
  age?: number
  ethnicity?: string
  idNumber?: string
}

const dateWords = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`
const monthWords = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`

/** The file's name as the person sees it: member, 介绍信 and its number (characters no file system takes left out). */
export function letterFileName(t: Pick<TransferDoc, 'memberName' | 'letterNo'>): string {
  return `${t.memberName}组织关系介绍信（${t.letterNo}）.docx`.replace(/[\\/:*?"<>|]/g, '')
}

export async function buildTransferLetter(t: TransferDoc, facts: LetterFacts): Promise<Buffer> {
  const d = await import('docx')
  const { Document, Packer, Paragraph, TextRun, AlignmentType, BorderStyle, UnderlineType } = d
  const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' }
  const SIZE = 24 // half-points: 12 pt (小四)
  const plain = (text: string, opts: { bold?: boolean; size?: number } = {}) => new TextRun({ text: xmlSafe(text), font: FONT, size: opts.size ?? SIZE, bold: opts.bold })
  /** A value written on the form's line (underlined); a blank line of `blank` ideographic spaces when unknown. */
  const onLine = (value: string | number | null | undefined, blank = 4) =>
    new TextRun({ text: value === undefined || value === null || value === '' ? '\u3000'.repeat(blank) : xmlSafe(` ${value} `), font: FONT, size: SIZE, underline: { type: UnderlineType.SINGLE } })
  const para = (children: InstanceType<typeof TextRun>[], opts: { align?: 'left' | 'right' | 'center'; before?: number; after?: number; indent?: boolean } = {}) =>
    new Paragraph({
      children,
      alignment: opts.align === 'right' ? AlignmentType.RIGHT : opts.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
      spacing: { before: opts.before ?? 0, after: opts.after ?? 40, line: 360 },
      indent: opts.indent ? { firstLine: 480 } : undefined,
    })
  const title = (text: string) => para([plain(text, { bold: true, size: 32 })], { align: 'center', before: 120, after: 120 })
  const numberLine = () => para([plain(letterNoLine(t.letterNo))], { align: 'right' })
  const cut = () =>
    new Paragraph({
      children: [plain('沿 此 线 剪 开', { size: 18 })],
      alignment: AlignmentType.CENTER,
      spacing: { before: 160, after: 160 },
      border: { bottom: { style: BorderStyle.DASHED, size: 6, color: '000000', space: 4 } },
    })

  const status = t.partyStatus === 'probationary' ? '预备党员' : '正式党员' // the form reads 系中共正式（预备）党员
  const days = validDaysOf(t.issuedOn, t.validUntil)
  const nation = nationalityName(facts.ethnicity)
  const who = () => [
    onLine(t.memberName),
    plain('同志（'),
    onLine(facts.gender, 1),
    plain('），'),
    onLine(facts.age, 2),
    plain('岁，'),
    // 「汉族」 once, whether 汉 or 汉族 was typed (rules.ts nationalityName); a blank line is followed by the form's 族.
    ...(nation ? [onLine(nation), plain(`，系中共${status}，身份证号码`)] : [onLine(undefined, 2), plain(`族，系中共${status}，身份证号码`)]),
    onLine(facts.idNumber?.toUpperCase(), 9),
    plain('，由'),
    onLine(t.fromName),
    plain('去'),
    onLine(t.toName),
  ]

  const children = [
    // 存根: kept by the issuing organisation.
    title('中国共产党党员组织关系介绍信（存根）'),
    numberLine(),
    para([...who(), plain('。')], { indent: true }),
    para([plain('党费交至'), onLine(monthWords(t.duesPaidTo)), plain('。有效期'), onLine(days, 2), plain('天。')], { indent: true }),
    para([plain(dateWords(t.issuedOn))], { align: 'right' }),
    cut(),
    // 介绍信: carried by the member to the receiving organisation.
    title('中国共产党党员组织关系介绍信'),
    numberLine(),
    para([onLine(t.toName, 8), plain('：')]),
    para([...who(), plain('，请转接组织关系。')], { indent: true }),
    para([plain('该同志党费已交到'), onLine(monthWords(t.duesPaidTo)), plain('。')], { indent: true }),
    para([plain('（有效期'), onLine(days, 2), plain('天）')], { indent: true }),
    para([plain('（盖章）')], { align: 'right', before: 240 }),
    para([plain(dateWords(t.issuedOn))], { align: 'right' }),
    para([plain('党员联系电话或其他联系方式：'), onLine(null, 12)], { before: 120 }),
    para([plain('党员原所在基层党委通讯地址：'), onLine(null, 12)]),
    para([plain('联系电话：'), onLine(null, 8), plain('　邮编：'), onLine(null, 5)]),
    cut(),
    // 回执: returned by the receiving organisation.
    title('中国共产党党员组织关系介绍信回执'),
    numberLine(),
    para([onLine(t.fromName, 8), plain('：')]),
    para([onLine(t.memberName), plain('同志的党员组织关系已转达我处，特此回复。')], { indent: true }),
    para([plain('（盖章）')], { align: 'right', before: 240 }),
    para([plain('\u3000\u3000年\u3000\u3000月\u3000\u3000日')], { align: 'right' }),
  ]
  const doc = new Document({
    creator: '支部工作台',
    title: `${t.memberName} 组织关系介绍信 ${t.letterNo}`,
    sections: [
      {
        // A4 (11906 × 16838 twips), 2 cm margins left and right, 1.8 cm top and bottom; 12 pt text on 18 pt lines: the
        // three parts (about 26 lines with the titles and cut lines, some 670 pt of the page's 740) on one page.
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1020, bottom: 1020, left: 1134, right: 1134 } } },
        children,
      },
    ],
  })
  return Packer.toBuffer(doc)
}
