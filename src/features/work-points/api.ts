import type { ActionInput } from '../../../types/actions'
import { callApi } from '../../services/api'

export const listAssignments = (input: ActionInput<'assignments.list'>) => callApi('assignments.list', input)
