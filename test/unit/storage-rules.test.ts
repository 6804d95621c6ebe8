/**
 * The storage rule as code (cloud/storage-rules.ts): docs/deployment.md shows exactly the rule the local cloud
 * enforces, and the rule lets a client read only its own uploads and finished exports.
 */
import fs from 'node:fs'
import path from 'node:path'
import { EXPORT_FILE_PATH, STORAGE_RULE, clientMayRead, clientMayWrite } from '../../cloud/storage-rules'

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
  expect(clientMayWrite({ exists: false, owner: undefined }, 'a')).toBe(true)
  expect(clientMayWrite({ exists: false, owner: undefined }, '')).toBe(false)
  expect(clientMayWrite({ exists: true, owner: 'a' }, 'a')).toBe(true)
  expect(clientMayWrite({ exists: true, owner: 'a' }, 'b')).toBe(false)
  expect(clientMayWrite({ exists: true, owner: '' }, 'b')).toBe(false)
})
