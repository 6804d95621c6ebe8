/** A deadline in words: 已逾期 3 天 · 今天到期 · 还剩 5 天 (days are Beijing days, counted by the cloud). */
export function dueText(daysLeft: number): { text: string; tone: 'overdue' | 'soon' | 'info' } {
  if (daysLeft < 0) return { text: `已逾期 ${-daysLeft} 天`, tone: 'overdue' }
  if (daysLeft === 0) return { text: '今天到期', tone: 'soon' }
  return { text: `还剩 ${daysLeft} 天`, tone: daysLeft <= 7 ? 'soon' : 'info' }
}
