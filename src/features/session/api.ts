import { callApi } from '../../services/api'

export const getSession = () => callApi('session.get', {})
export const joinWithInvite = (code: string, name: string) => callApi('session.join', { code, name })
