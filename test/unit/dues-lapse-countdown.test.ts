/** 党章 第九条: six months in a row unpaid without a proper reason is 自行脱党 — the countdown counts to six. */
import { lapseCountdownText } from '../../types/dues'

test.each([
  [1, '再满 5 个月即按党章第九条视为自行脱党'],
  [5, '再满 1 个月即按党章第九条视为自行脱党'],
  [6, '已满六个月，请支部按党章第九条处理'],
  [7, '已满六个月，请支部按党章第九条处理'],
  [9, '已满六个月，请支部按党章第九条处理'],
  [12, '已满六个月，请支部按党章第九条处理'],
])('%i months unpaid: %s', (behind, text) => {
  expect(lapseCountdownText(behind)).toBe(text)
})
