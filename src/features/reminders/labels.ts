/** Chinese labels for reminder kinds (the inbox tag) and grant results. */
const KIND_LABELS: Record<string, string> = {
  assignment_due: '工作要点',
  compliance_gap: '组织生活',
  activity_upcoming: '活动',
  committee_notice: '通知',
  recruitment_due: '发展党员',
  term_due: '换届',
  political_birthday: '政治生日',
  political_birthday_line: '政治生日',
  photo_rejected: '照片审核',
  transferred_out: '组织关系',
  activity_changed: '活动变更',
  activity_cancelled: '活动取消',
}

export const kindLabel = (kind: string) => KIND_LABELS[kind] ?? '提醒'

/** An item whose page is the inbox itself (a notice) has nowhere else to open. */
export const opensElsewhere = (page: string) => !!page && !/pages\/inbox\/index(\?|$)/.test(page)
