/**
 * What the work-plan importer produces. These types will move to the shared contract (types/) when the committee
 * flow needs them on the wire; until then they live beside the importer so it has no outside dependency.
 */

/** A calendar date as `YYYY-MM-DD` (plain local date: work plans speak of days, not instants). */
export type IsoDate = string

export type TimeHintKind =
  | 'year_end' // 年底 / 年末
  | 'july_first' // 七一 (the Party's founding day)
  | 'spring_festival' // 春节
  | 'quarterly' // 每季度 / 季度
  | 'month' // 3月 / 三月 / 6月底
  | 'date' // 6月30日
  | 'on_schedule' // 按期

/** A time word found in a point, turned into a suggested due date in the plan's year (null when it has none). */
export interface TimeHint {
  /** The words as they stand in the text, e.g. "年底", "“七一”", "6月30日". */
  phrase: string
  dueOn: IsoDate | null
  kind: TimeHintKind
}

export interface PlanPoint {
  /** The number the document gives the point (1, 2, 3 … running on across sections). */
  seq: number
  /** The first sentence, without its closing 。 */
  title: string
  /** Everything after the first sentence; paragraphs that the document really separates are kept apart by "\n". */
  body: string
  /** Every person or role named in 责任人 brackets, once each, in order of first appearance. */
  responsible: string[]
  /** True when the responsible include every branch (各学会党支部书记 / 各党支部 / 各学会党支部). */
  forAllBranches: boolean
  timeHints: TimeHint[]
  /** The sub-heading （一）… the point stands under, when the document has such sub-headings between points. */
  subheading?: string
}

export interface PlanSection {
  /** 1 for 一、, 2 for 二、 … */
  seq: number
  title: string
  points: PlanPoint[]
}

export type PlanWarningCode =
  | 'no_title'
  | 'no_doc_number'
  | 'no_issuer'
  | 'no_issued_on'
  | 'no_year'
  | 'no_sections'
  | 'no_points'
  | 'section_number_gap'
  | 'point_number_gap'
  | 'unplaced_text'
  | 'page_number_removed'
  | 'section_title_joined'
  | 'no_title_sentence'
  | 'unclosed_responsible'
  | 'trailer_text'
  | 'cover_text'
  | 'table_text_differ' // a document's running text and its 任务分解表 disagree on a point
  | 'pdf_running_text' // running headers / footers of a PDF were dropped

/** Something the importer could not place or had to guess. `excerpt` is the text concerned, so nothing is lost. */
export interface PlanWarning {
  code: PlanWarningCode
  /** For the committee, in Chinese. */
  message: string
  excerpt: string
}

export interface ParsedPlan {
  title: string
  /** e.g. 湘科协社党发〔2021〕1号 (spaces removed). */
  docNumber: string | null
  issuer: string | null
  issuedOn: IsoDate | null
  year: number | null
  intro: string
  sections: PlanSection[]
  warnings: PlanWarning[]
}

export interface ParseOptions {
  /** The plan's year when the caller knows it better than the document; otherwise taken from the title or date. */
  year?: number
}
