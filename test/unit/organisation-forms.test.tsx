/** Organisation forms and labels: member and transfer validation, branch form, invitation status labels, codes from scans, audit before→after, the join form's pending outcome. */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { validateBranchForm, parseSocieties } from '../../src/features/branches/detail-store'
import { validateMemberForm, validateTransfer } from '../../src/features/members/validate'
import { INVITE_STATUS_LABELS, inviteRoleLabel, inviteStatusNow, validateInviteForm } from '../../src/features/invites/labels'
import { InviteList } from '../../src/features/invites/components/invite-list'
import { InviteForm } from '../../src/features/invites/components/invite-form'
import { useInvitesStore } from '../../src/features/invites/store'
import { codeFromScan } from '../../src/features/session/invite-code'
import { JoinForm } from '../../src/features/session/components/join-form'
import { useSessionStore } from '../../src/features/session/store'
import { describeChanges } from '../../src/features/audit/describe'
import { ApiCallError } from '../../src/services/api'
import { joinWithInvite } from '../../src/features/session/api'

jest.mock('../../src/features/session/api', () => ({ getSession: jest.fn(), joinWithInvite: jest.fn(), updateProfile: jest.fn() }))
jest.mock('../../src/features/invites/api', () => ({}))

const member = { name: '王芳', partyStatus: 'full' as const, joinedPartyOn: '2010-07-01', confirmedOn: '2011-07-01', groupId: '', phone: '' }

test('member form: name required, dates in order and not in the future, probationary has no 转正日期, phone 11 digits', () => {
  expect(validateMemberForm(member, '2026-11-23')).toEqual({})
  expect(validateMemberForm({ ...member, name: ' ' }, '2026-11-23').name).toBe('请填写姓名')
  expect(validateMemberForm({ ...member, confirmedOn: '2009-01-01' }, '2026-11-23').confirmedOn).toBe('转正日期不能早于入党日期')
  expect(validateMemberForm({ ...member, joinedPartyOn: '2027-01-01', confirmedOn: '' }, '2026-11-23').joinedPartyOn).toBe('入党日期不能晚于今天')
  expect(validateMemberForm({ ...member, partyStatus: 'probationary' }, '2026-11-23').confirmedOn).toMatch(/预备党员/)
  expect(validateMemberForm({ ...member, phone: '12345' }, '2026-11-23').phone).toBe('手机号应为 11 位数字')
  expect(validateMemberForm({ ...member, phone: '138 0013 8000' }, '2026-11-23')).toEqual({})
})

test('transfer: date and reason required, no future date', () => {
  expect(validateTransfer('2026-11-20', '工作调动', '2026-11-23')).toEqual({})
  expect(validateTransfer('', '', '2026-11-23')).toEqual({ on: '请选择转出日期', reason: '请填写转出原因' })
  expect(validateTransfer('2026-12-01', '调动', '2026-11-23').on).toBe('转出日期不能晚于今天')
})

test('branch form: societies by comma or line, a joint branch names at least two', () => {
  expect(parseSocieties('省计算机学会，省电子学会\n省自动化学会、省计算机学会')).toEqual(['省计算机学会', '省电子学会', '省自动化学会'])
  expect(validateBranchForm({ name: '', kind: 'branch', societies: '', foundedOn: '' })).toEqual({ name: '请填写支部名称' })
  expect(validateBranchForm({ name: '联合支部', kind: 'joint_branch', societies: '甲学会', foundedOn: '' }).societies).toMatch(/至少填写两个/)
})

test('invitation status labels, including one that ran out since it was loaded', () => {
  expect(INVITE_STATUS_LABELS).toEqual({ active: '有效', expired: '已过期', revoked: '已撤销', used_up: '已用完' })
  const base = { status: 'active' as const, expiresAt: '2026-11-30T00:00:00Z', uses: 0, maxUses: 1, revoked: false }
  const now = new Date('2026-11-23T00:00:00Z')
  expect(inviteStatusNow(base, now)).toBe('active')
  expect(inviteStatusNow({ ...base, uses: 1 }, now)).toBe('used_up')
  expect(inviteStatusNow(base, new Date('2026-12-01T00:00:00Z'))).toBe('expired')
  expect(inviteStatusNow({ ...base, revoked: true, status: 'revoked' }, now)).toBe('revoked')
  expect(inviteRoleLabel({ role: 'guide', title: '第一书记' })).toBe('第一书记')
  expect(inviteRoleLabel({ role: 'secretary', title: null })).toBe('支部书记')
  expect(validateInviteForm({ maxUses: '0', expiresInDays: '91' })).toEqual({ maxUses: '可用次数至少 1 次', expiresInDays: '有效期最长 90 天' })
})

test('the invitation list shows the code big with its status; revoked ones offer no actions', () => {
  const inv = (code: string, patch = {}) => ({
    code,
    branchId: 'b1',
    branchName: '甲支部',
    role: 'member' as const,
    title: null,
    groupId: null,
    requiresApproval: false,
    partyStatus: 'full' as const,
    maxUses: 5,
    uses: 2,
    expiresAt: '2099-01-01T00:00:00Z',
    revoked: false,
    status: 'active' as const,
    createdAt: '2026-11-20T00:00:00Z',
    ...patch,
  })
  act(() => useInvitesStore.setState({ branchId: 'b1', status: 'ready', invites: [inv('AB12CD34'), inv('ZZ99YY88', { revoked: true, status: 'revoked' })] }))
  render(<InviteList />)
  expect(screen.getByText('AB12CD34')).toBeTruthy()
  expect(screen.getByText('有效')).toBeTruthy()
  expect(screen.getByText('已撤销')).toBeTruthy()
  expect(screen.getAllByText('撤销邀请码')).toHaveLength(1)
  expect(screen.getAllByText(/已用 2\/5 次/)).toHaveLength(2)
})

test('codes come out of wxacode scenes and plain QR texts', () => {
  expect(codeFromScan({ path: 'pages/home/index?scene=AB12CD34' })).toBe('AB12CD34')
  expect(codeFromScan({ path: 'pages/home/index?scene=ab12cd34%20' })).toBe('AB12CD34')
  expect(codeFromScan({ result: 'https://example.com/join?code=XY98ZW76' })).toBe('XY98ZW76')
  expect(codeFromScan({ result: 'hello' })).toBeNull()
})

test('audit changes read as field: before → after, in Chinese', () => {
  expect(describeChanges({ partyStatus: 'probationary', posts: [], id: 'x' }, { partyStatus: 'full', posts: ['组织委员'], id: 'x' })).toEqual([
    { field: 'partyStatus', label: '党员状态', before: '预备党员', after: '正式党员' },
    { field: 'posts', label: '支委职务', before: '无', after: '组织委员' },
  ])
  expect(describeChanges(null, { state: 'transferred' })).toEqual([{ field: 'state', label: '状态', before: '—', after: '已转出' }])
})

test('a code for joining without approval says whether its joiners are 正式 or 预备党员; with approval the status is asked when approving', async () => {
  const create = jest.fn().mockResolvedValue({})
  act(() => useInvitesStore.setState({ create } as never))
  render(<InviteForm presets={[{ key: 'member', label: '党员', role: 'member', maxUses: 30, expiresInDays: 7 }]} />)
  expect(screen.getByText('凭此码加入的人记为')).toBeTruthy()
  fireEvent.click(screen.getByText('预备党员'))
  await act(async () => {
    fireEvent.click(screen.getByText('生成党员邀请码'))
  })
  expect(create).toHaveBeenLastCalledWith(expect.objectContaining({ role: 'member', requiresApproval: false, partyStatus: 'probationary' }))

  fireEvent.click(screen.getByText('需书记审核'))
  expect(screen.queryByText('凭此码加入的人记为')).toBeNull()
  await act(async () => {
    fireEvent.click(screen.getByText('生成党员邀请码'))
  })
  expect(create.mock.calls.at(-1)[0]).not.toHaveProperty('partyStatus')
})

test('the join form says a request awaits approval, and explains rate limits', async () => {
  ;(joinWithInvite as jest.Mock).mockResolvedValueOnce({ roles: [], pending: true, branchName: '甲支部' })
  // The name field starts from the session's name (a person joining a second branch).
  act(() => useSessionStore.setState({ name: '王芳' }))
  render(<JoinForm initialCode='ab12cd34' />)
  await act(async () => {
    fireEvent.click(screen.getByText('加入支部'))
  })
  expect(joinWithInvite).toHaveBeenCalledWith('AB12CD34', '王芳')
  expect(await screen.findByText(/已提交申请，等待支部书记审核/)).toBeTruthy()
  expect(useSessionStore.getState().roles).toEqual([])

  ;(joinWithInvite as jest.Mock).mockRejectedValueOnce(new ApiCallError('RATE_LIMITED', '尝试次数过多，请 10 分钟后再试'))
  await act(async () => {
    fireEvent.click(screen.getByText('换一个邀请码'))
  })
  await act(async () => {
    fireEvent.click(screen.getByText('加入支部'))
  })
  expect(await screen.findByText(/尝试次数过多，请 10 分钟后再试（错误次数过多/)).toBeTruthy()
})
