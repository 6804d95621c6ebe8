/** One branch as its committee or secretary manages it: info, party groups, counts, secretary and guides. */
import { create } from 'zustand'
import type { ActionInput, ActionOutput } from '../../../types/actions'
import { errorMessage } from '../../services/api'
import { archiveBranch, createGroup, getBranch, renameGroup, updateBranch } from './api'

export type BranchDetail = ActionOutput<'branches.get'>
export type Group = BranchDetail['groups'][number]

interface BranchDetailState {
  branchId: string | null
  detail: BranchDetail | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  load(branchId: string): Promise<void>
  update(patch: Omit<ActionInput<'branches.update'>, 'branchId'>): Promise<void>
  archive(reason: string): Promise<void>
  addGroup(name: string): Promise<void>
  renameGroup(groupId: string, name: string): Promise<void>
  reset(): void
}

const initial = { branchId: null, detail: null, status: 'idle' as const, error: null }

/** Actions throw Error(message in Chinese) so forms can show it. */
const rethrow = (error: unknown): never => {
  throw new Error(errorMessage(error))
}

export const useBranchDetailStore = create<BranchDetailState>()((set, get) => ({
  ...initial,
  async load(branchId) {
    const keep = get().branchId === branchId
    set({ branchId, status: 'loading', error: null, ...(keep ? {} : { detail: null }) })
    try {
      const detail = await getBranch(branchId)
      if (get().branchId === branchId) set({ detail, status: 'ready' })
    } catch (error) {
      if (get().branchId === branchId) set({ status: 'error', error: errorMessage(error) })
    }
  },
  async update(patch) {
    const { branchId, detail } = get()
    if (!branchId || !detail) return
    const branch = await updateBranch({ branchId, ...patch }).catch(rethrow)
    set({ detail: { ...detail, branch } })
  },
  async archive(reason) {
    const { branchId, detail } = get()
    if (!branchId || !detail) return
    const branch = await archiveBranch(branchId, reason.trim()).catch(rethrow)
    set({ detail: { ...detail, branch } })
  },
  async addGroup(name) {
    const { branchId, detail } = get()
    if (!branchId || !detail) return
    const group = await createGroup(branchId, name.trim()).catch(rethrow)
    set({ detail: { ...detail, groups: [...detail.groups, group] } })
  },
  async renameGroup(groupId, name) {
    const { detail } = get()
    if (!detail) return
    const group = await renameGroup(groupId, name.trim()).catch(rethrow)
    set({ detail: { ...detail, groups: detail.groups.map((g) => (g.id === groupId ? group : g)) } })
  },
  reset() {
    set({ ...initial })
  },
}))

/** "学会甲，学会乙\n学会丙" → three names: commas (either width), 、 or new lines separate. */
export function parseSocieties(text: string): string[] {
  const seen = new Set<string>()
  for (const s of text.split(/[,，、;；\n]+/)) {
    const t = s.trim()
    if (t) seen.add(t)
  }
  return [...seen]
}

export interface BranchFormValues {
  name: string
  kind: 'branch' | 'joint_branch'
  societies: string
  foundedOn: string
  startedOn?: string
}

/** Field errors for the branch form (empty object = valid). */
export function validateBranchForm(v: BranchFormValues): Partial<Record<keyof BranchFormValues, string>> {
  const errors: Partial<Record<keyof BranchFormValues, string>> = {}
  const name = v.name.trim()
  if (!name) errors.name = '请填写支部名称'
  else if (name.length > 60) errors.name = '支部名称不能超过 60 个字'
  const societies = parseSocieties(v.societies)
  if (societies.length > 20) errors.societies = '最多 20 个学会'
  else if (societies.some((s) => s.length > 60)) errors.societies = '每个学会名称不能超过 60 个字'
  else if (v.kind === 'joint_branch' && societies.length < 2) errors.societies = '联合党支部请至少填写两个学会'
  if (v.foundedOn && !/^\d{4}-\d{2}-\d{2}$/.test(v.foundedOn)) errors.foundedOn = '成立日期格式应为 YYYY-MM-DD'
  if (v.startedOn && !/^\d{4}-\d{2}-\d{2}$/.test(v.startedOn)) errors.startedOn = '启用日期格式应为 YYYY-MM-DD'
  return errors
}
