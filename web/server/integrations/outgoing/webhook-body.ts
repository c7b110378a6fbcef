/** The JSON body of every delivery of an event (Standard Webhooks: type, timestamp, data). */
export function webhookBody(event: { type: string; createdAt: Date; payload: unknown }): string {
  return JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data: event.payload });
}
