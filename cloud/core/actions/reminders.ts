/** Actions of compliance, reminders, the inbox, subscriptions and committee notices. */

export const REMINDER_ACTIONS = [] as const
