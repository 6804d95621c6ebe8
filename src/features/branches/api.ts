import { callApi } from '../../services/api'

export const listBranches = () => callApi('branches.list', {})
