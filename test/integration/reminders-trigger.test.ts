/** The reminders function runs from its timer trigger with the trigger's time as its clock and records its run. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { sdkFor, startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'

let cloud: LocalCloudHandle
beforeAll(async () => {
  cloud = await startLocalCloud()
})
afterAll(() => cloud?.stop())

test('config.json declares one hourly timer trigger (WeChat allows one per function) in the 7-field cron format', () => {
  const config = JSON.parse(readFileSync(path.join(__dirname, '../../cloud/functions/reminders/config.json'), 'utf8'))
  expect(config.triggers).toEqual([{ name: 'hourly', type: 'timer', config: '0 0 * * * * *' }])
  expect(config.permissions.openapi).toContain('subscribeMessage.send')
})

test('POST /cloud/triggers/reminders?now= runs it as of that instant and the run is recorded', async () => {
  const now = '2026-12-31T00:00:00.000Z' // 08:00 on 31 December in Beijing
  const res = await fetch(`${cloud.url}/cloud/triggers/reminders?now=${encodeURIComponent(now)}`, { method: 'POST' })
  expect(res.status).toBe(200)
  const result = await res.json()
  expect(result).toMatchObject({ ok: true, now })
  const { data } = await sdkFor(cloud.url).database().collection('reminder_runs').doc(result.runId).get()
  expect(new Date(data.now).toISOString()).toBe(now)
  expect(data.status).toBe('done')
})
