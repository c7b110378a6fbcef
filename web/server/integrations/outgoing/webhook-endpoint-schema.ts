import { z } from "zod";
import { INTEGRATION_EVENT_TYPES } from "../events/integration-event-types.ts";

const events = z.array(z.enum(INTEGRATION_EVENT_TYPES)).min(1).max(INTEGRATION_EVENT_TYPES.length);

export const createEndpointSchema = z.strictObject({
  url: z.string().trim().min(1).max(2000),
  description: z.string().trim().max(200).default(""),
  events,
});

export const updateEndpointSchema = z.strictObject({
  url: z.string().trim().min(1).max(2000).optional(),
  description: z.string().trim().max(200).optional(),
  events: events.optional(),
  /** true re-enables an endpoint the app disabled (its failure clock starts over). */
  enabled: z.boolean().optional(),
});

export const deliveryListQuerySchema = z.strictObject({
  before: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** How long the previous secret keeps signing after a rotation. */
export const ROTATION_OVERLAP_MS = 24 * 3600 * 1000;
