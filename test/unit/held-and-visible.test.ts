/** Two rules the review found missing, at their edges: a record is of a session that has begun; typed text is visible. */
import { notYetHeldReason } from '../../cloud/core/activities/rules'
import { search, text } from '../../types/schema-kit'

describe('notYetHeldReason: a session is recorded once it is on (sign-in opens 30 minutes before the start)', () => {
  const now = new Date('2026-12-03T06:30:00.000Z') // 14:30 in Beijing
  test('a session that began, begins now, or whose sign-in opened exactly now may be recorded', () => {
    expect(notYetHeldReason(new Date('2026-12-03T05:00:00.000Z'), now)).toBeNull()
    expect(notYetHeldReason(new Date('2026-12-03T06:30:00.000Z'), now)).toBeNull()
    expect(notYetHeldReason(new Date('2026-12-03T07:00:00.000Z'), now)).toBeNull()
  })
  test('one whose sign-in opens a millisecond from now may not, and the message says when it begins in Beijing time', () => {
    expect(notYetHeldReason(new Date('2026-12-03T07:00:00.001Z'), now)).toContain('还没到')
    expect(notYetHeldReason(new Date('2026-12-11T07:00:00.000Z'), now)).toContain('2026年12月11日 15:00')
  })
})

describe('text(): something visible, nothing deceptive', () => {
  const topic = text('主题', 20)
  test('zero-width and direction characters alone are no text', () => {
    expect(topic.safeParse('\u200b\u200d').success).toBe(false)
    expect(topic.safeParse('\u202e').success).toBe(false)
    expect(topic.safeParse('\ufeff ').success).toBe(false)
  })
  test('a right-to-left override and zero-width spaces are dropped from a name; emoji joiners stay', () => {
    expect(topic.parse('王\u202e芳')).toBe('王芳')
    expect(topic.parse('李建国\u200b')).toBe('李建国')
    expect(topic.parse('👨\u200d👩')).toBe('👨\u200d👩')
  })
  test('blank-looking letters alone are no text either (Hangul fillers, blank Braille, soft hyphen, joiners)', () => {
    for (const blank of ['\u3164', '\u2800\u2800', '\u115F', '\uFFA0', '\u00AD', '\u200d', '\u3164\u200d\u00AD', '\u034F\uFE0F']) {
      expect({ blank, ok: topic.safeParse(blank).success }).toEqual({ blank, ok: false })
    }
    expect(topic.parse('张\u00AD三')).toBe('张三')
    expect(topic.parse('病假\u3164')).toBe('病假\u3164')
  })
  test('a NUL byte never reaches a search', () => {
    expect(search.parse('李\u0000')).toBe('李')
  })
})
