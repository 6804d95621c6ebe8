/** Action schemas of compliance, reminders, the inbox, subscriptions and committee notices. */

export const reminderSchemas = {} as const
