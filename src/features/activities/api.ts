import type { ActionInput } from '../../../types/actions'
import { callApi, uploadFile, type UploadSource } from '../../services/api'

export const listActivities = (branchId: string, cursor?: string | null, limit = 10) =>
  callApi('activities.list', { branchId, limit, ...(cursor ? { cursor } : {}) })
export const getActivity = (id: string) => callApi('activities.get', { id })
export const createActivity = (input: ActionInput<'activities.create'>) => callApi('activities.create', input)

/** Uploads one photo for a draft; the cloud path groups a draft's photos together. */
export const uploadActivityPhoto = (
  branchId: string,
  draftId: string,
  index: string,
  source: UploadSource,
  onProgress?: (percent: number) => void,
) => {
  const ext = (/\.([a-z0-9]+)$/i.exec(source.name)?.[1] ?? 'jpg').toLowerCase()
  return uploadFile(source, `activities/${branchId}/${draftId}/${index}.${ext}`, onProgress)
}
