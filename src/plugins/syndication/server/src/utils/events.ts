/** What happened to a document, as partners see it: `${singularName}.${action}`. */
export const EVENT_ACTIONS = ['published', 'updated', 'unpublished', 'deleted'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/** Sent only by "Send test event" in admin. */
export const TEST_EVENT = 'syndication.test';

export const eventType = (typeName: string, action: EventAction) => `${typeName}.${action}`;
