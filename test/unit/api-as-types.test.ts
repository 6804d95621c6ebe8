/**
 * The typed test caller (test/support/api.ts `apiAs`) holds tests to the contract at compile time: each line marked
 * @ts-expect-error below must stay an error for `npx tsc --noEmit -p tsconfig.json` to pass, so if the caller ever
 * stopped checking action names, payload fields or answer fields, tsc would fail here. Nothing is called at run time
 * (no cloud); jest only proves the file loads.
 */
import { apiAs, rawApiAs } from '../support/api'

function contract() {
  const as = apiAs('http://127.0.0.1:1', 'dev-secretary-1')
  // @ts-expect-error an action that does not exist (what a renamed action looks like to its old tests)
  void as('activities.recordd', {})
  // @ts-expect-error a payload field the action does not take (assignments.report has markDone)
  void as('assignments.report', { assignmentId: 'a1', clientRequestId: 'req-00001', mark_done: true })
  // @ts-expect-error a payload field of the wrong type
  void as('activities.record', { branchId: 'b1', clientRequestId: 'req-00002', type: 'picnic', topic: 't', place: 'p', startAt: '2026-01-01T00:00:00Z' })
  // @ts-expect-error an answer field that does not exist (activities.get answers `topic`)
  void as('activities.get', { id: 'x' }).then((r) => r.ok && r.data.title)
  // Typed both ways: the right names compile, and the answer's fields are known.
  void as('activities.get', { id: 'x' }).then((r) => r.ok && r.data.topic.length)
  // Off-contract calls on purpose (bad-input and attack tests) say so by using the raw caller.
  void rawApiAs('http://127.0.0.1:1')('no.such.action', { __proto__: 1 })
}

test('the typed caller is compile-time only: building it calls nothing', () => {
  expect(typeof contract).toBe('function')
  expect(typeof apiAs('http://127.0.0.1:1')).toBe('function')
})
