import { callApi } from '../../services/api'

export const getSession = () => callApi('session.get', {})
export const joinWithInvite = (code: string, name: string) => callApi('session.join', { code, name })
export const updateProfile = (name: string) => callApi('session.updateProfile', { name })
export const bootstrapCommittee = (input: { token: string; committeeName: string; adminName: string }) =>
  callApi('org.bootstrap', input)
