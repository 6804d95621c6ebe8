/**
 * Every action's input refuses fields it does not know, at every depth (types/schema-kit.ts; the dispatcher answers
 * 「不认识的字段：…」). The attacker review found appraisal.setSettings taking { share: { numerator, denominator,
 * extra } }: the outer object was strict, the nested one was not. This walks every input schema of the catalogue and
 * lists the objects that are not strict.
 */
import { schemas } from '../../types/actions'

type Def = { type: string; [k: string]: any }
const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def: Def } } | undefined)?._zod?.def

/** The paths (action.field.field[]) of objects in `schema` that accept unknown keys. */
function lenientObjects(schema: unknown, path: string, out: string[]): string[] {
  const def = defOf(schema)
  if (!def) return out
  switch (def.type) {
    case 'object':
      if (defOf(def.catchall)?.type !== 'never') out.push(path)
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) lenientObjects(v, `${path}.${k}`, out)
      break
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      lenientObjects(def.innerType, path, out)
      break
    case 'array':
      lenientObjects(def.element, `${path}[]`, out)
      break
    case 'union':
      ;(def.options as unknown[]).forEach((o, i) => lenientObjects(o, `${path}|${i}`, out))
      break
    case 'intersection':
      lenientObjects(def.left, path, out)
      lenientObjects(def.right, path, out)
      break
    case 'pipe':
      lenientObjects(def.in, path, out)
      break
    case 'record':
      lenientObjects(def.valueType, `${path}{}`, out)
      break
  }
  return out
}

/** Known and left to their area (reported by the feedback/leave helper, 2026-12-03): the imported plan sent back whole. */
const NOT_YET = new Set(['workPlans.save.plan', 'workPlans.save.plan.sections[]', 'workPlans.save.plan.sections[].points[]', 'workPlans.save.plan.sections[].points[].timeHints[]', 'workPlans.save.plan.warnings[]'])

test('every input object of every action is strict, nested ones too', () => {
  const lenient = Object.entries(schemas).flatMap(([name, s]) => lenientObjects(s.input, name, []))
  expect(lenient.filter((p) => !NOT_YET.has(p))).toEqual([])
  expect(lenient).not.toContain('appraisal.setSettings.share')
})

test('appraisal.setSettings refuses an unknown field inside share and takes a plain share', () => {
  const input = schemas['appraisal.setSettings'].input
  const extra = input.safeParse({ share: { numerator: 1, denominator: 3, extra: 'y' } })
  expect(extra.success).toBe(false)
  expect(extra.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', message: '不认识的字段：extra', path: ['share'] })
  expect(input.parse({ share: { numerator: 1, denominator: 3 } })).toEqual({ share: { numerator: 1, denominator: 3 } })
})
