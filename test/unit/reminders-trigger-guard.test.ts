/** #15.1: the reminders run only from the platform's timer trigger, on a clock within minutes of the real one. */
import { acceptTimerTrigger, MAX_TRIGGER_SKEW_MS } from '../../cloud/core/reminders/trigger'

const clock = new Date('2026-12-02T00:00:00.000Z')
const timer = (Time: string) => ({ Type: 'Timer', TriggerName: 'hourly', Time })

test('the trigger (SOURCE wx_trigger, no user) runs as of its fire time', () => {
  const fired = '2026-12-02T00:00:03.000Z'
  expect(acceptTimerTrigger(timer(fired), { SOURCE: 'wx_trigger' }, clock)).toEqual({ ok: true, now: new Date(fired) })
})

test.each([
  ['a user (OPENID)', { OPENID: 'o-member', SOURCE: 'wx_trigger' }],
  ['a client call', { SOURCE: 'wx_client' }],
  ['a client-called function calling on', { SOURCE: 'wx_client,scf' }],
  ['the IDE', { SOURCE: 'wx_devtools' }],
  ['no source at all', {}],
  ['another account', { FROM_OPENID: 'o-other', SOURCE: 'wx_trigger' }],
])('%s is refused', (_label, wx) => {
  expect(acceptTimerTrigger(timer(clock.toISOString()), wx, clock)).toMatchObject({ ok: false })
})

test('a Time further than the allowed skew from the real clock is not taken: the run uses the real clock', () => {
  const far = new Date(clock.getTime() + MAX_TRIGGER_SKEW_MS + 1000).toISOString()
  expect(acceptTimerTrigger(timer(far), { SOURCE: 'wx_trigger' }, clock)).toEqual({ ok: true, now: clock })
  expect(acceptTimerTrigger(timer('2027-01-08T00:00:00Z'), { SOURCE: 'wx_trigger' }, clock)).toEqual({ ok: true, now: clock })
  expect(acceptTimerTrigger(timer('not a date'), { SOURCE: 'wx_trigger' }, clock)).toEqual({ ok: true, now: clock })
})
