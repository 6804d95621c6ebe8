/** #15.2: an image-check verdict is refused when the call comes from a client (getWXContext SOURCE). */
import { isClientSource } from '../../cloud/core/activities/media-check'

test.each(['wx_client', 'wx_devtools', 'wx_localdebug', 'wx_crawler', 'wx_client,scf', 'wx_devtools,scf,scf'])('%s is a client call', (source) => {
  expect(isClientSource(source)).toBe(true)
})

test.each(['wx_message', 'wx_trigger', 'scf', 'wx_http', undefined])('%s is not a client call', (source) => {
  expect(isClientSource(source)).toBe(false)
})
