/** A work point's report offers only held, recorded sessions as evidence (#16.14: future planned ones were offered). */
import { callApi } from '../../src/services/api'
import { listBranchActivities } from '../../src/features/work-points/point-api'

jest.mock('../../src/services/api', () => ({ callApi: jest.fn(() => Promise.resolve({ items: [], nextCursor: null })) }))

test('the evidence list asks the cloud for recorded sessions only', async () => {
  await listBranchActivities('b1')
  expect(callApi).toHaveBeenCalledWith('activities.list', { branchId: 'b1', status: 'recorded', limit: 30 })
})
