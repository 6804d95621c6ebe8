/**
 * A .docx whose section and point numbers are Word's list numbering (numbering.xml), not typed characters — how
 * most plans are typed. Written with the `docx` library, which saves numbering the way Word does: abstractNum
 * levels, one w:num per list instance, each instance starting with a startOverride.
 */
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx'

/** A paragraph: plain text, or a list item of the sections list (一、/（一）) or the points list (1.). */
export type NumberedParagraph =
  | string
  | { list: 'sections' | 'points'; level?: 0 | 1; text: string; instance?: number }

export async function makeNumberedDocx(paragraphs: NumberedParagraph[]): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'sections',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', start: 1, alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', start: 1, alignment: AlignmentType.START },
          ],
        },
        { reference: 'points', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 1, alignment: AlignmentType.START }] },
      ],
    },
    sections: [
      {
        children: paragraphs.map((p) =>
          typeof p === 'string'
            ? new Paragraph({ children: [new TextRun(p)] })
            : new Paragraph({ children: [new TextRun(p.text)], numbering: { reference: p.list, level: p.level ?? 0, instance: p.instance ?? 0 } }),
        ),
      },
    ],
  })
  return Packer.toBuffer(doc)
}

/**
 * The lines of a typed plan with their typed numbers turned into Word numbering: "一、…" joins the sections list,
 * "（一）…" its second level, "1. …" the points list (one instance, so numbers run on across sections as typed).
 */
export function asWordNumbering(lines: string[]): NumberedParagraph[] {
  return lines.map((line) => {
    const section = /^[一二三四五六七八九十]+、\s*(.*)$/u.exec(line)
    if (section) return { list: 'sections', text: section[1] }
    const sub = /^（[一二三四五六七八九十]+）\s*(.*)$/u.exec(line)
    if (sub) return { list: 'sections', level: 1, text: sub[1] }
    const point = /^\d+\.\s*(.*)$/u.exec(line)
    if (point) return { list: 'points', text: point[1] }
    return line
  })
}
