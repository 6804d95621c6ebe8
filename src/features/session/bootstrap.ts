/**
 * 首次部署 (the org sub-package's bootstrap page): creates the committee with the deployment token and the caller as
 * its admin, then reloads the session. Apart from store.ts so the main package does not carry it; throws the
 * server's refusal.
 */
import { bootstrapCommittee } from './api'
import { useSessionStore } from './store'

export async function bootstrap(input: { token: string; committeeName: string; adminName: string }): Promise<void> {
  await bootstrapCommittee(input)
  await useSessionStore.getState().load()
}
