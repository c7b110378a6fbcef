import type { Db } from "../../db/create-prisma.ts";
import type { Config } from "../../config.ts";
import { AppError } from "../../errors.ts";
import { encryptToken } from "../../shopify/sessions/token-cipher.ts";
import { checkWebhookUrl, UnsafeDestinationError } from "./check-public-address.ts";
import { generateWebhookSecret } from "./standard-webhook-signature.ts";
import { ROTATION_OVERLAP_MS } from "./webhook-endpoint-schema.ts";
import { ownFieldError } from "../../own-field-errors.ts";

const ENDPOINT_VIEW = {
  id: true,
  url: true,
  description: true,
  events: true,
  enabled: true,
  disabledAt: true,
  disabledReason: true,
  failingSince: true,
  previousSecretExpiresAt: true,
  createdAt: true,
} as const;

export const MAX_ENDPOINTS_PER_SHOP = 20;

function validUrl(config: Config, url: string): string {
  try {
    return checkWebhookUrl(url, { production: config.env === "production" }).toString();
  } catch (error) {
    if (error instanceof UnsafeDestinationError)
      throw ownFieldError("Invalid request", "url", (w) => w.webhookUrl[error.reason]);
    throw error;
  }
}

export function listEndpoints(db: Db, shopId: string) {
  return db.webhookEndpoint.findMany({
    where: { shopId },
    select: ENDPOINT_VIEW,
    orderBy: { createdAt: "asc" },
  });
}

/** Creates an endpoint; the answer holds its signing secret, the only time it is shown. */
export async function createEndpoint(
  deps: { db: Db; config: Config },
  shopId: string,
  input: { url: string; description: string; events: string[] },
) {
  const url = validUrl(deps.config, input.url);
  if ((await deps.db.webhookEndpoint.count({ where: { shopId } })) >= MAX_ENDPOINTS_PER_SHOP)
    throw new AppError("conflict", `At most ${MAX_ENDPOINTS_PER_SHOP} endpoints per shop`);
  const secret = generateWebhookSecret();
  const endpoint = await deps.db.webhookEndpoint.create({
    data: {
      shopId,
      url,
      description: input.description,
      events: input.events,
      secret: encryptToken(deps.config.tokenKeys, secret),
    },
    select: ENDPOINT_VIEW,
  });
  return { endpoint, secret };
}

export async function updateEndpoint(
  deps: { db: Db; config: Config },
  shopId: string,
  id: string,
  input: {
    url?: string | undefined;
    description?: string | undefined;
    events?: string[] | undefined;
    enabled?: boolean | undefined;
  },
) {
  await findOwned(deps.db, shopId, id);
  const reenable =
    input.enabled === true ? { disabledAt: null, disabledReason: null, failingSince: null } : {};
  return deps.db.webhookEndpoint.update({
    where: { id },
    data: {
      ...(input.url !== undefined ? { url: validUrl(deps.config, input.url) } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.events !== undefined ? { events: input.events } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...reenable,
    },
    select: ENDPOINT_VIEW,
  });
}

/** A new secret signs from now on; the old one keeps signing too for ROTATION_OVERLAP_MS. */
export async function rotateSecret(deps: { db: Db; config: Config }, shopId: string, id: string, now: Date) {
  const current = await findOwned(deps.db, shopId, id);
  const secret = generateWebhookSecret();
  const endpoint = await deps.db.webhookEndpoint.update({
    where: { id },
    data: {
      secret: encryptToken(deps.config.tokenKeys, secret),
      previousSecret: current.secret,
      previousSecretExpiresAt: new Date(now.getTime() + ROTATION_OVERLAP_MS),
    },
    select: ENDPOINT_VIEW,
  });
  return { endpoint, secret };
}

export async function deleteEndpoint(db: Db, shopId: string, id: string): Promise<void> {
  const { count } = await db.webhookEndpoint.deleteMany({ where: { shopId, id } });
  if (count === 0) throw new AppError("not_found", "No such endpoint");
}

export async function findOwned(db: Db, shopId: string, id: string) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { shopId, id } });
  if (!endpoint) throw new AppError("not_found", "No such endpoint");
  return endpoint;
}
