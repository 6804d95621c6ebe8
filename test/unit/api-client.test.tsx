/** callApi maps the envelope: data on ok, ApiCallError with the server's Chinese message otherwise, a clear network message. */
import transport, { NetworkError } from '../../src/services/transport'
import { ApiCallError, NETWORK_MESSAGE, callApi, uploadFile } from '../../src/services/api'

jest.mock('../../src/services/transport', () => {
  const actual = jest.requireActual('../../src/services/transport')
  return { __esModule: true, ...actual, default: { callFunction: jest.fn(), uploadFile: jest.fn() } }
})

const call = transport.callFunction as jest.Mock
const upload = transport.uploadFile as jest.Mock

afterEach(() => jest.clearAllMocks())

test('resolves to data and sends { action, payload, requestId }', async () => {
  call.mockResolvedValue({ ok: true, data: { items: [] } })
  await expect(callApi('branches.list', {})).resolves.toEqual({ items: [] })
  const event = call.mock.calls[0][0]
  expect(event.action).toBe('branches.list')
  expect(event.payload).toEqual({})
  expect(event.requestId).toMatch(/^[A-Za-z0-9]{16}$/)
})

test('throws ApiCallError carrying the server code and message', async () => {
  call.mockResolvedValue({ ok: false, error: { code: 'NOT_FOUND', message: '邀请码不存在或已过期' } })
  const error = await callApi('session.join', { code: 'ABCD1234', name: '张三' }).catch((e) => e)
  expect(error).toBeInstanceOf(ApiCallError)
  expect(error.code).toBe('NOT_FOUND')
  expect(error.message).toBe('邀请码不存在或已过期')
})

test('network failure becomes a Chinese message the user can act on', async () => {
  call.mockRejectedValue(new NetworkError('timeout'))
  const error = await callApi('session.get', {}).catch((e) => e)
  expect(error.code).toBe('NETWORK')
  expect(error.message).toBe(NETWORK_MESSAGE)
  expect(NETWORK_MESSAGE).toBe('网络不可用，请检查网络后重试')
})

test('an answer that is not an envelope is reported, not returned', async () => {
  call.mockResolvedValue({ hello: 'world' })
  await expect(callApi('session.get', {})).rejects.toMatchObject({ code: 'BAD_RESPONSE' })
})

test('upload resolves to the fileID and maps network failure', async () => {
  upload.mockResolvedValueOnce('cloud://env/activities/a.jpg')
  await expect(uploadFile({ name: 'a.jpg', filePath: '/tmp/a' }, 'activities/a.jpg')).resolves.toBe('cloud://env/activities/a.jpg')
  upload.mockRejectedValueOnce(new NetworkError())
  await expect(uploadFile({ name: 'a.jpg', filePath: '/tmp/a' }, 'activities/a.jpg')).rejects.toMatchObject({ message: NETWORK_MESSAGE })
})
