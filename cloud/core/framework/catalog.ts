/** The action catalog, as served by the local cloud's GET /dev/actions and walked by the bad-input test. */
import { z } from 'zod'
import { schemas } from '../../../types/actions'
import { ACTIONS } from './registry'

export interface ActionDescription {
  name: string
  roles: string[]
  scope: string
  input: unknown
}

export function describeActions(): ActionDescription[] {
  return ACTIONS.map((def) => ({
    name: def.name,
    roles: def.roles === 'any' ? ['any'] : [...def.roles],
    scope: def.scope.kind,
    input: z.toJSONSchema(schemas[def.name].input, { io: 'input', unrepresentable: 'any' }),
  }))
}
