/**
 * 党费 documents. One profile per roster entry (`_id` = the member's id); one payment per member and month
 * (`_id` = `${memberId}:${month}`), so a month recorded twice is refused by the database itself (a duplicate _id),
 * whatever two phones do at once.
 */
import { DUES_FLAG_MONTHS } from '../../../types/dues'
import { collection, loadOne } from '../framework/data'
import { isCollectionMissing } from '../framework/errors'
import type { Port } from '../framework/port'

// The documents are typed with every other in framework/model.ts (DocMap): dues_profiles, dues_payments,
// dues_publications, dues_corrections, dues_settings.
export type { DuesCorrectionDoc, DuesPaymentDoc, DuesProfileDoc, DuesPublicationDoc, DuesSettingsDoc } from '../framework/model'

export const paymentId = (memberId: string, month: string) => `${memberId}:${month}`

/** The national defaults of what the committee may set (types/dues.ts DUES_FLAG_MONTHS: 3 and 5 months behind). */
export const DUES_DEFAULTS = { warnMonths: [...DUES_FLAG_MONTHS] as number[] }
const SETTINGS_ID = 'committee'

/** The committee's dues settings over the national defaults (a missing collection or document: the defaults). */
export async function loadDuesSettings(port: Port): Promise<{ warnMonths: number[] }> {
  try {
    const saved = await loadOne(port, 'dues_settings', SETTINGS_ID)
    return { warnMonths: saved?.warnMonths?.length === 2 ? [...saved.warnMonths] : [...DUES_DEFAULTS.warnMonths] }
  } catch (error) {
    if (isCollectionMissing(error)) return { warnMonths: [...DUES_DEFAULTS.warnMonths] }
    throw error
  }
}

export async function saveDuesSettings(port: Port, warnMonths: number[]): Promise<void> {
  await port.db.createCollection('dues_settings').catch(() => undefined)
  await collection(port, 'dues_settings').doc(SETTINGS_ID).set({ data: { warnMonths, updatedAt: port.now() } })
}
