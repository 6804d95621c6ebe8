/** What the weapp-run tests share: one local cloud, the weapp build, launching as a person, the clean check. */
import { startLocalCloud, type LocalCloudHandle } from '../support/local-cloud'
import { ensureWeappBuild } from '../support/weapp-build'
import { Device, MiniProgram, type LaunchOptions } from './runtime/mini-program'

export interface World {
  cloud: LocalCloudHandle
  dist: string
  devices: Map<string, Device>
  programs: MiniProgram[]
  /** Every wx API called through any launch's wx (by the bundle, or by a test that calls wx itself), for the report. */
  called: Set<string>
}

/** WEAPP_RUN_DIST runs another weapp build (e.g. one made from a clean checkout) instead of this run's dist/. */
export async function startWorld(dist = process.env.WEAPP_RUN_DIST || ensureWeappBuild()): Promise<World> {
  const cloud = await startLocalCloud()
  return { cloud, dist, devices: new Map(), programs: [], called: new Set() }
}

/** The person's phone (storage, temp files, privacy agreement) survives their launches within one world. */
export async function launchAs(world: World, openid: string, opts: Partial<LaunchOptions> = {}): Promise<MiniProgram> {
  let device = world.devices.get(openid)
  if (!device) {
    device = new Device()
    world.devices.set(openid, device)
  }
  const mp = await MiniProgram.launch({ dist: world.dist, cloudUrl: world.cloud.url, openid, device, ...opts })
  world.programs.push(mp)
  return mp
}

/** Fails with every error the bundle raised and every API it called that the stand-in lacks, by name. */
export function expectClean(mp: MiniProgram): void {
  const problems = mp.problems()
  if (problems.length) throw new Error(`the weapp bundle ran into ${problems.length} problem(s):\n- ${problems.join('\n- ')}`)
}

export async function closeWorld(world: World): Promise<void> {
  for (const mp of world.programs) {
    for (const c of mp.called) world.called.add(c)
    await mp.close()
  }
  await world.cloud.stop()
}
