/**
 * The storage rule as code (cloud/storage-rules.ts): docs/deployment.md shows exactly the rule the local cloud
 * enforces, and the rule lets a client read only its own uploads and finished exports.
 */
import fs from 'node:fs'
import path from 'node:path'
import { EXPORT_FILE_PATH, RECRUITMENT_UPLOAD_PATH, STORAGE_RULE, clientMayRead, clientMayWrite } from '../../cloud/storage-rules'

test('docs/deployment.md shows the declared storage rule, character for character', () => {
  const text = fs.readFileSync(path.join(__dirname, '../../docs/deployment.md'), 'utf8')
  const block = /<!-- storage-rule -->\s*```json\n([\s\S]*?)```/.exec(text)?.[1]
  expect(block).toBeDefined()
  expect(JSON.parse(block!)).toEqual(STORAGE_RULE)
})

test('the rule\'s regular expression is the one the local cloud matches exports with', () => {
  const literal = /(\/\^.*\$\/)\.test/.exec(STORAGE_RULE.read)?.[1]
  expect(literal).toBe(String(EXPORT_FILE_PATH))
})

test('a client reads what it uploaded and a finished export; nobody reads another person\'s or a function\'s other files', () => {
  expect(clientMayRead({ path: 'recruitment/b1/p1/政审.pdf', owner: 'sec' }, 'sec')).toBe(true)
  expect(clientMayRead({ path: 'recruitment/b1/p1/政审.pdf', owner: 'sec' }, 'member')).toBe(false)
  expect(clientMayRead({ path: 'recruitment/b1/p1/政审.pdf', owner: 'sec' }, '')).toBe(false)
  // A function's file has no owner: '' must never equal an anonymous caller's ''.
  expect(clientMayRead({ path: 'invites/ABCD.png', owner: '' }, '')).toBe(false)
  expect(clientMayRead({ path: 'invites/ABCD.png', owner: undefined }, 'member')).toBe(false)
  const book = `exports/2026/job1/${'0f'.repeat(16)}/record-book.docx`
  expect(clientMayRead({ path: book, owner: '' }, 'committee')).toBe(true)
  expect(clientMayRead({ path: book, owner: '' }, '')).toBe(false)
  // The old shape without the random segment, thumbnails, a short segment: not exports a client may open.
  expect(clientMayRead({ path: 'exports/2026/job1/record-book.docx', owner: '' }, 'committee')).toBe(false)
  expect(clientMayRead({ path: 'exports/2026/job1/thumbs/a-0.jpg', owner: '' }, 'committee')).toBe(false)
  expect(clientMayRead({ path: `exports/2026/job1/${'0f'.repeat(15)}/record-book.docx`, owner: '' }, 'committee')).toBe(false)
})

test('anyone signed in creates a new file; only its uploader replaces it', () => {
  const path = 'activities/b1/x/a.jpg'
  expect(clientMayWrite({ path, exists: false, owner: undefined }, 'a')).toBe(true)
  expect(clientMayWrite({ path, exists: false, owner: undefined }, '')).toBe(false)
  expect(clientMayWrite({ path, exists: true, owner: 'a' }, 'a')).toBe(true)
  expect(clientMayWrite({ path, exists: true, owner: 'a' }, 'b')).toBe(false)
  expect(clientMayWrite({ path, exists: true, owner: '' }, 'b')).toBe(false)
})

test('the write rule\'s 发展党员 pattern is the one the local cloud and recruitment.attach match', () => {
  expect(STORAGE_RULE.write).toContain(`${String(RECRUITMENT_UPLOAD_PATH)}.test(resource.path) == true && resource.path.split('/')[2] == auth.openid`)
})

test('under recruitment/ a client writes only into its own openid\'s folder, in the strict shape (attacker finding)', () => {
  const mine = { path: 'recruitment/b1/oSec_1-x/application-lq3x-AbC.pdf', exists: false, owner: undefined }
  expect(clientMayWrite(mine, 'oSec_1-x')).toBe(true)
  // A stranger, another branch's secretary, a plain member: not into the secretary's folder.
  expect(clientMayWrite(mine, 'stranger')).toBe(false)
  // The old shape (recruitment/<branchId>/<name>) and a folder named after someone else: refused.
  expect(clientMayWrite({ path: 'recruitment/b1/x.pdf', exists: false, owner: undefined }, 'stranger')).toBe(false)
  expect(clientMayWrite({ path: 'recruitment/b1/recruit1/x.pdf', exists: false, owner: undefined }, 'stranger')).toBe(false)
  // Junk in the path: encoded dots, backslashes, a query or a fragment, a dot segment, a deeper folder.
  for (const junk of ['%2e%2e', 'a\\b', 'x.pdf?x=1', 'x.pdf#frag', '..', '.', 'a.b.pdf', 'sub/x.pdf']) {
    expect(clientMayWrite({ path: `recruitment/b1/me/${junk}`, exists: false, owner: undefined }, 'me')).toBe(false)
  }
  // Its own file again (a retry): allowed; someone else's file in its folder never exists (they could not write it).
  expect(clientMayWrite({ ...mine, exists: true, owner: 'oSec_1-x' }, 'oSec_1-x')).toBe(true)
  expect(clientMayWrite({ ...mine, exists: true, owner: '' }, 'oSec_1-x')).toBe(false)
})
