/** The `api` cloud function: routes `{ action, payload, requestId }` to cloud/core and answers the envelope. */
import cloud from 'wx-server-sdk'
import { isMediaCheckEvent, receiveMediaCheck } from '../../core/activities/media-check'
import { dispatch } from '../../core/framework/dispatch'
import { buildPort } from '../../platform/wx-server-port'

// DYNAMIC_CURRENT_ENV: the env the function is deployed in (the SDK types it as a symbol, which its init accepts).
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export async function main(event: unknown) {
  const port = buildPort(cloud)
  // The platform's verdict on an image check (message push, configured to this function) is no action call; the
  // receiver takes it only from the platform, never from a client's callFunction (cloud/core/activities/media-check.ts).
  if (isMediaCheckEvent(event)) return receiveMediaCheck(event, port, port.caller.source)
  return dispatch(event, port)
}
