/**
 * Files the tests, the bench and newcomers share, kept in the repository's samples/ folder (README: "Samples").
 * A test reads them through here so that a fresh clone, with nothing beside it, has everything it needs.
 */
import path from 'node:path'

export const SAMPLES_DIR = path.resolve(__dirname, '../../samples')
/** The Hunan science and technology association's 2021 work plan as plain text, with real page-break damage. */
export const SAMPLE_PLAN_TXT = path.join(SAMPLES_DIR, 'hunan-2021-work-plan.txt')
