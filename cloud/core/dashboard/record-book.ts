/**
 * A branch's yearly record book (组织生活记录本, .docx) built with the `docx` library: one entry per recorded
 * session with its fields, attendance (who was absent and why), agenda, minutes, resolutions and up to
 * PHOTOS_PER_ENTRY photo thumbnails (JPEG, made by thumbnail.ts while the export job collects the sessions).
 */
import dayjs from 'dayjs'
import { ACTIVITY_TYPE_INFO } from '../../../types/domain'
import { audienceLabel } from '../../../types/activity-rules'
import { beijingDateTimeText } from '../../../types/time-text'
import { absenceText } from '../../../types/leave'
import { xmlSafe } from '../../../types/schema-kit'
import { visiblePhotos } from '../activities/store'
import type { ActivityDoc, BookEntry } from '../framework/model'
import { ZONE } from '../framework/time'

export const PHOTOS_PER_ENTRY = 3
const THUMB_WIDTH = 150

/** Kept in the export job's document: model.ts has its shape. */
export type { BookEntry }

export function entryOf(a: ActivityDoc): BookEntry {
  // As a member sees them: photos under image review are neither embedded nor counted.
  const photos = visiblePhotos(a, false).map((p) => p.fileID)
  return {
    id: a._id,
    type: a.type,
    topic: a.topic,
    place: a.place,
    startAt: new Date(a.startAt).toISOString(),
    endAt: a.endAt ? new Date(a.endAt).toISOString() : null,
    audience: audienceLabel(a.audience),
    host: a.host ?? null,
    recorder: a.recorder ?? null,
    lecturer: a.lecturer ?? null,
    expected: a.attendance?.expected ?? null,
    present: a.attendance?.present ?? null,
    attendees: (a.attendance?.attendees ?? []).map((p) => ({ name: p.name, present: p.present, absentReason: p.absentReason ?? null })),
    agenda: a.agenda ?? null,
    minutes: a.minutes ?? null,
    resolutions: a.resolutions ?? null,
    photos: photos.slice(0, PHOTOS_PER_ENTRY),
    photoTotal: photos.length,
    thumbs: [],
  }
}

export interface ImageInfo {
  type: 'png' | 'jpg' | 'gif'
  width: number
  height: number
}

/** Type and pixel size from the file header; null for anything else (then the photo is listed, not embedded). */
export function imageInfo(b: Buffer): ImageInfo | null {
  if (b.length > 24 && b.readUInt32BE(0) === 0x89504e47) return { type: 'png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
  if (b.length > 10 && b.toString('ascii', 0, 4) === 'GIF8') return { type: 'gif', width: b.readUInt16LE(6), height: b.readUInt16LE(8) }
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null
      const marker = b[i + 1]
      const len = b.readUInt16BE(i + 2)
      // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: 'jpg', height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) }
      }
      i += 2 + len
    }
  }
  return null
}

const when = (iso: string) => beijingDateTimeText(iso)

export async function buildRecordBook(
  entries: BookEntry[],
  photos: Map<string, Buffer>,
  meta: { branchName: string; year: number; generatedAt: string },
): Promise<Buffer> {
  const d = await import('docx')
  const { Document, Packer, Paragraph, HeadingLevel, Table, TableRow, TableCell, WidthType, ImageRun, AlignmentType } = d
  // Every run goes through xmlSafe: a value stored before the input schemas dropped control characters (or written
  // by another path) must not make word/document.xml malformed and the whole book unreadable.
  const run = (text: string, bold?: boolean) => new d.TextRun({ text: xmlSafe(text), bold })
  const cell = (text: string, opts: { bold?: boolean; width?: number } = {}) =>
    new TableCell({
      width: { size: opts.width ?? 75, type: WidthType.PERCENTAGE },
      children: text.split('\n').map((line) => new Paragraph({ children: [run(line, opts.bold)] })),
    })
  const field = (label: string, value: string | null | undefined) =>
    new TableRow({ children: [cell(label, { bold: true, width: 25 }), cell(value && value.trim() ? value : '—')] })

  const children: InstanceType<typeof Paragraph | typeof Table>[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [run(`${meta.branchName}`)] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, children: [run(`${meta.year}年组织生活记录本`)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(`共 ${entries.length} 次组织生活 · 生成于 ${when(meta.generatedAt)}`)] }),
  ]
  if (entries.length === 0) children.push(new Paragraph({ children: [run('本年度尚无已记录的组织生活。')] }))

  entries.forEach((e, n) => {
    const absent = e.attendees.filter((p) => !p.present)
    const presentNames = e.attendees.filter((p) => p.present).map((p) => p.name)
    const attendance =
      e.expected === null ? null : `应到 ${e.expected} 人，实到 ${e.present ?? 0} 人${absent.length ? `，缺席 ${absent.length} 人` : ''}`
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        pageBreakBefore: n > 0,
        children: [run(`${n + 1}. ${ACTIVITY_TYPE_INFO[e.type]?.name ?? e.type}：${e.topic}`)],
      }),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          field('类型', ACTIVITY_TYPE_INFO[e.type]?.name ?? e.type),
          field('主题', e.topic),
          field('时间', e.endAt ? `${when(e.startAt)} 至 ${dayjs(e.endAt).tz(ZONE).format('HH:mm')}` : when(e.startAt)),
          field('地点', e.place),
          field('参加范围', e.audience),
          field('主持人', e.host),
          field('记录人', e.recorder),
          ...(e.type === 'party_lecture' ? [field('授课人', e.lecturer)] : []),
          field('出席情况', attendance),
          field('出席人员', presentNames.join('、') || null),
          field('缺席人员及原因', absent.map((p) => absenceText(p.name, p.absentReason, '未说明原因')).join('；') || (e.expected === null ? null : '无')),
          field('议程', e.agenda),
          field('会议内容', e.minutes),
          field('决议', e.resolutions),
          ...(e.appraisal ? [field('民主评议结果', e.appraisal)] : []),
        ],
      }),
    )
    const images: { bytes: Buffer; info: ImageInfo }[] = []
    for (const t of e.thumbs) {
      const bytes = photos.get(t.fileID)
      if (bytes && t.width > 0 && t.height > 0) images.push({ bytes, info: { type: 'jpg', width: t.width, height: t.height } })
    }
    if (e.photoTotal > 0) {
      children.push(new Paragraph({ spacing: { before: 200 }, children: [run(`现场照片（${e.photoTotal} 张${e.photoTotal > images.length ? `，此处收录 ${images.length} 张` : ''}）`, true)] }))
      if (images.length) {
        children.push(
          new Paragraph({
            children: images.flatMap(({ bytes, info }) => [
              new ImageRun({
                type: info.type,
                data: bytes,
                transformation: { width: THUMB_WIDTH, height: Math.max(1, Math.round((THUMB_WIDTH * info.height) / info.width)) },
              }),
              run('  '),
            ]),
          }),
        )
      }
    }
  })

  const doc = new Document({
    creator: '支部工作台',
    title: xmlSafe(`${meta.branchName}${meta.year}年组织生活记录本`),
    styles: { default: { document: { run: { font: 'SimSun', size: 24 } } } },
    sections: [{ children }],
  })
  return Packer.toBuffer(doc)
}
