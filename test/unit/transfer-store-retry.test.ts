/**
 * The transfer detail store (src/features/transfers/store.ts) and the write protocol's fingerprint
 * (framework/writes.ts): a step's request id is kept while the same step is retried; when the cloud says the id
 * was already used with other input (CONFLICT, details.requestReused — an earlier tap's answer was lost and the
 * reason was changed since), the next tap takes a new id and the letter is read again, so the screen is not stuck
 * on 「同一请求编号已用于另一项操作」.
 */
import { useTransferStore } from '../../src/features/transfers/store'
import { getTransfer, withdrawTransfer } from '../../src/features/transfers/api'
import { ApiCallError } from '../../src/services/api'

jest.mock('../../src/features/transfers/api', () => ({ getTransfer: jest.fn(), withdrawTransfer: jest.fn() }))

const letter = (state: string, stateLabel: string) => ({ id: 't1', state, stateLabel }) as never

test('a reused request id: the next tap sends a new id, and the letter is shown as it is now', async () => {
  ;(getTransfer as jest.Mock).mockResolvedValueOnce(letter('in_transit', '待接收')).mockResolvedValueOnce(letter('withdrawn', '已撤回'))
  await useTransferStore.getState().load('t1')
  ;(withdrawTransfer as jest.Mock).mockRejectedValueOnce(new ApiCallError('NETWORK', '网络不稳定'))
  expect(await useTransferStore.getState().withdraw('误开')).toBe(false)
  const firstId = (withdrawTransfer as jest.Mock).mock.calls[0][0].clientRequestId
  // A plain failure keeps the id: the retry is the same request.
  ;(withdrawTransfer as jest.Mock).mockRejectedValueOnce(new ApiCallError('CONFLICT', '同一请求编号已用于另一项操作，请刷新后重试', { requestReused: true }))
  expect(await useTransferStore.getState().withdraw('本人暂缓调动')).toBe(false)
  expect((withdrawTransfer as jest.Mock).mock.calls[1][0].clientRequestId).toBe(firstId)
  expect(useTransferStore.getState().transfer).toMatchObject({ state: 'withdrawn', stateLabel: '已撤回' })
  expect(useTransferStore.getState().actionError).toBe('同一请求编号已用于另一项操作，请刷新后重试')
  ;(withdrawTransfer as jest.Mock).mockResolvedValueOnce(letter('withdrawn', '已撤回'))
  await useTransferStore.getState().withdraw('本人暂缓调动')
  expect((withdrawTransfer as jest.Mock).mock.calls[2][0].clientRequestId).not.toBe(firstId)
})
