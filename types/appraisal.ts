/**
 * 民主评议党员 vocabulary shared by the cloud and the app (plain constants; docs/appraisal.md).
 * Grades and 处置 from 《关于党员民主评议的规定》 (中组部, 1988) and 党章 article 9.
 */
export const APPRAISAL_GRADES = ['excellent', 'qualified', 'basic', 'unqualified'] as const
export type AppraisalGrade = (typeof APPRAISAL_GRADES)[number]
export const APPRAISAL_GRADE_LABELS: Record<AppraisalGrade, string> = { excellent: '优秀', qualified: '合格', basic: '基本合格', unqualified: '不合格' }

/** What the branch decides for a member graded 不合格 (《关于党员民主评议的规定》 第五条；党章第九条). */
export const APPRAISAL_DISPOSALS = ['correct', 'persuade', 'remove', 'other'] as const
export type AppraisalDisposal = (typeof APPRAISAL_DISPOSALS)[number]
export const APPRAISAL_DISPOSAL_LABELS: Record<AppraisalDisposal, string> = { correct: '限期改正', persuade: '劝其退党', remove: '除名', other: '其他处置' }

export const APPRAISAL_STATES = ['none', 'draft', 'final'] as const
export type AppraisalState = (typeof APPRAISAL_STATES)[number]
export const APPRAISAL_STATE_LABELS: Record<AppraisalState, string> = { none: '尚未评定', draft: '评定中', final: '已确定' }

/** 民主测评 votes for one member, one count per grade. */
export type AppraisalVotes = Record<AppraisalGrade, number>

/** 优秀 at most this share of those appraised: the committee's setting, nationally one third. */
export const APPRAISAL_DEFAULT_SHARE = { numerator: 1, denominator: 3 } as const
