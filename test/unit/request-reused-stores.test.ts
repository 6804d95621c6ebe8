/**
 * Stores that keep a request id across edits, when the cloud refuses it as used with other input (framework/writes.ts:
 * CONFLICT details.requestReused — the first send was stored, its answer lost, the input changed since):
 * the appraisal sheet reads the saved sheet again (its new version), says the first save was stored, and its next save
 * takes a new id; the dues publication takes one id per branch and year, so another year is never a reused id; a
 * transfer letter issued or received says it was made (its id kept, so a second tap cannot make a second letter).
 */
import { useAppraisalSheet } from '../../src/features/appraisal/store'
import { getAppraisal, saveAppraisal } from '../../src/features/appraisal/api'
import { publishIntent } from '../../src/features/dues/store'
import { publishDuesOnce } from '../../src/features/dues/api'
import { issue, receive } from '../../src/features/transfers/store'
import { issueTransfer, receiveTransfer } from '../../src/features/transfers/api'
import { ApiCallError } from '../../src/services/api'

jest.mock('../../src/features/appraisal/api', () => ({ getAppraisal: jest.fn(), saveAppraisal: jest.fn(), finalizeAppraisal: jest.fn(), reopenAppraisal: jest.fn() }))
jest.mock('../../src/features/transfers/api', () => ({ issueTransfer: jest.fn(), receiveTransfer: jest.fn() }))
jest.mock('../../src/features/dues/api', () => ({ publishDuesOnce: jest.fn(() => Promise.resolve({ body: '' })) }))

const sheet = (version: number) => ({ activity: { id: 'act1' }, version, rows: [] }) as never
const rows = (grade: string) => [{ memberId: 'm1', grade }] as never

test('评议: a reused id re-reads the sheet, says the first save was stored, and the next save sends a new id at the new version', async () => {
  ;(getAppraisal as jest.Mock).mockResolvedValueOnce(sheet(1)).mockResolvedValueOnce(sheet(2))
  await useAppraisalSheet.getState().load('act1')
  ;(saveAppraisal as jest.Mock).mockRejectedValueOnce(new ApiCallError('NETWORK', '网络不可用，请检查网络后重试'))
  expect(await useAppraisalSheet.getState().save(rows('good'))).toBe(false)
  ;(saveAppraisal as jest.Mock).mockRejectedValueOnce(new ApiCallError('CONFLICT', '同一请求编号已用于另一项操作，请刷新后重试', { requestReused: true }))
  expect(await useAppraisalSheet.getState().save(rows('excellent'))).toBe(false)
  const calls = (saveAppraisal as jest.Mock).mock.calls
  expect(calls[1][0].clientRequestId).toBe(calls[0][0].clientRequestId)
  expect(useAppraisalSheet.getState().saveError).toBe('上次保存已成功（网络中断时）。屏幕上是修改后的等次，再点一次保存即可。')
  expect(useAppraisalSheet.getState().sheet).toMatchObject({ version: 2 })
  ;(saveAppraisal as jest.Mock).mockResolvedValueOnce(sheet(3))
  expect(await useAppraisalSheet.getState().save(rows('excellent'))).toBe(true)
  expect(calls[2][0]).toMatchObject({ version: 2, rows: rows('excellent') })
  expect(calls[2][0].clientRequestId).not.toBe(calls[0][0].clientRequestId)
})

test('党费公布: the same intent sends one id per year; another year is another id', async () => {
  const publish = publishIntent()
  await publish('b1', 2025)
  await publish('b1', 2025)
  await publish('b1', 2026)
  const ids = (publishDuesOnce as jest.Mock).mock.calls.map((c) => c[2])
  expect(ids[1]).toBe(ids[0])
  expect(ids[2]).not.toBe(ids[0])
})

test('开具 / 登记外单位转入: a reused id says the letter was made and where to find it, in plain words', async () => {
  const reused = new ApiCallError('CONFLICT', '同一请求编号已用于另一项操作，请刷新后重试', { requestReused: true })
  ;(issueTransfer as jest.Mock).mockRejectedValueOnce(reused)
  await expect(issue({} as never)).rejects.toMatchObject({ code: 'CONFLICT', message: '上次开具已成功（网络中断时），请返回组织关系转接列表查看，不要重复开具。' })
  ;(receiveTransfer as jest.Mock).mockRejectedValueOnce(reused)
  await expect(receive({} as never)).rejects.toMatchObject({ message: '上次登记已成功（网络中断时），请返回组织关系转接列表查看，不要重复登记。' })
  // Any other refusal is passed on as it came.
  ;(issueTransfer as jest.Mock).mockRejectedValueOnce(new ApiCallError('NETWORK', '网络不可用，请检查网络后重试'))
  await expect(issue({} as never)).rejects.toMatchObject({ code: 'NETWORK', message: '网络不可用，请检查网络后重试' })
})
