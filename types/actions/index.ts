/**
 * The contract between the mini-program and the `api` cloud function: one input and one output schema per action.
 * The cloud validates with these schemas; the client imports them with `import type` only, so zod never reaches
 * the main package. The JSON schema served by GET /dev/actions is generated from the same objects.
 */
import { z } from 'zod'
import { activitySchemas } from './activities'
import { appraisalSchemas } from './appraisal'
import { dashboardSchemas } from './dashboard'
import { duesSchemas } from './dues'
import { feedbackSchemas } from './feedback'
import { homeSchemas } from './home'
import { leaveSchemas } from './leave'
import { organisationSchemas } from './organisation'
import { recruitmentSchemas } from './recruitment'
import { reminderSchemas } from './reminders'
import { reviewSchemas } from './reviews'
import { transferSchemas } from './transfers'
import { termsSchemas } from './terms'
import { workPlanSchemas } from './work-plans'

export const schemas = {
  ...organisationSchemas,
  ...workPlanSchemas,
  ...activitySchemas,
  ...reminderSchemas,
  ...dashboardSchemas,
  ...homeSchemas,
  ...duesSchemas,
  ...leaveSchemas,
  ...reviewSchemas,
  ...feedbackSchemas,
  ...recruitmentSchemas,
  ...transferSchemas,
  ...appraisalSchemas,
  ...termsSchemas,
} as const

export type ActionName = keyof typeof schemas
export type ActionInput<A extends ActionName> = z.input<(typeof schemas)[A]['input']>
export type ParsedInput<A extends ActionName> = z.output<(typeof schemas)[A]['input']>
export type ActionOutput<A extends ActionName> = z.output<(typeof schemas)[A]['output']>
