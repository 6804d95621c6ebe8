/** The stand-in's own rules, where WeChat's behaviour is the reference (no local cloud or build needed). */
import { setPath } from './runtime/mini-program'

describe('setData path keys, as WeChat reads them', () => {
  test('dots and brackets address nested objects and array items, creating what is missing', () => {
    const data: Record<string, any> = { list: [{ name: 'a' }], root: { cn: [] } }
    setPath(data, 'list[0].name', 'b')
    setPath(data, 'list[1].name', 'c')
    setPath(data, 'obj.deep.value', 1)
    expect(data.list).toEqual([{ name: 'b' }, { name: 'c' }])
    expect(data.obj).toEqual({ deep: { value: 1 } })
  })

  test("Taro's keys (`root.cn.[2].v`) land in the array, not in a key named '[2]'", () => {
    const data: Record<string, any> = { root: { cn: [{ v: 'x' }, { v: 'y' }, { v: 'z' }] } }
    setPath(data, 'root.cn.[2].v', '改')
    setPath(data, 'root.cn.[3]', { v: '新' })
    expect(data.root.cn.map((n: { v: string }) => n.v)).toEqual(['x', 'y', '改', '新'])
    expect(Object.keys(data.root.cn[2])).toEqual(['v'])
  })

  test('an empty key is refused', () => {
    expect(() => setPath({}, '', 1)).toThrow(/bad key/)
  })
})
