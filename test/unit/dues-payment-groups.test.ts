/** paymentGroups (cloud/core/dues/totals.ts): the workbook reads a slice's year of payments in groups of branches that fit one page each; every branch in exactly one group, in the slice's order. */
import { paymentGroups, PAYMENT_PAGE } from '../../cloud/core/dues/totals'

const ids = (n: number) => Array.from({ length: n }, (_, i) => `b${i}`)

test('40 branches of 30 standards (360 payments a year each) go two to a query: 20 queries, not 15 pages over all 14,400', () => {
  const standards = new Map(ids(40).map((id) => [id, 30]))
  const groups = paymentGroups(ids(40), standards)
  expect(groups).toHaveLength(20)
  expect(groups.flat()).toEqual(ids(40))
  for (const g of groups) expect(g.reduce((s, id) => s + 12 * standards.get(id)!, 0)).toBeLessThanOrEqual(PAYMENT_PAGE)
})

test('a group fills up to the page exactly, and the next branch starts a new one', () => {
  const standards = new Map([['b0', 50], ['b1', 25], ['b2', 1]])
  expect(paymentGroups(['b0', 'b1', 'b2'], standards)).toEqual([['b0', 'b1'], ['b2']])
})

test('a branch larger than a page is a group of its own; branches without standards join the group they follow', () => {
  const standards = new Map([['b0', 10], ['b1', 200], ['b2', 10]])
  expect(paymentGroups(['b0', 'b1', 'b2', 'b3', 'b4'], standards)).toEqual([['b0'], ['b1'], ['b2', 'b3', 'b4']])
  expect(paymentGroups(['x', 'y'], new Map())).toEqual([['x', 'y']])
  expect(paymentGroups([], new Map())).toEqual([])
})
