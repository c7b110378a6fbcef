import crypto from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/create-prisma.ts";
import { AppError } from "../errors.ts";

export const API_KEY_SCOPES = ["read", "read_write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const createApiKeySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scope: z.enum(API_KEY_SCOPES),
});

/** "bhk_" then 32 random bytes: 256 bits, so a plain SHA-256 is enough to store it (no salt, no slow hash). */
const SECRET_PREFIX = "bhk_";
/** Characters of the secret shown in the admin: the marker and 8 random characters. */
const SHOWN_CHARS = SECRET_PREFIX.length + 8;

export type ApiKeyView = {
  id: string;
  name: string;
  scope: ApiKeyScope;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

const VIEW_SELECT = {
  id: true,
  name: true,
  scope: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

type ViewRow = {
  id: string;
  name: string;
  scope: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

function toView(row: ViewRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope as ApiKeyScope,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export function hashApiKeySecret(secret: string): string {
  return crypto.createHash("sha256").update(secret).digest("hex");
}

/** Creates a key; the secret is in the answer only, never stored or shown again. */
export async function createApiKey(
  db: Db,
  shopId: string,
  input: z.output<typeof createApiKeySchema>,
  now: Date,
): Promise<{ apiKey: ApiKeyView; secret: string }> {
  const secret = SECRET_PREFIX + crypto.randomBytes(32).toString("base64url");
  const row = await db.apiKey.create({
    data: {
      shopId,
      name: input.name,
      scope: input.scope,
      prefix: secret.slice(0, SHOWN_CHARS),
      secretHash: hashApiKeySecret(secret),
      createdAt: now,
    },
    select: VIEW_SELECT,
  });
  return { apiKey: toView(row), secret };
}

/** The shop's keys, newest first, revoked ones included (their history stays visible). */
export async function listApiKeys(db: Db, shopId: string): Promise<ApiKeyView[]> {
  const rows = await db.apiKey.findMany({
    where: { shopId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: VIEW_SELECT,
  });
  return rows.map(toView);
}

/** Idempotent: revoking a revoked key keeps its first revocation time. */
export async function revokeApiKey(db: Db, shopId: string, id: string, now: Date): Promise<ApiKeyView> {
  await db.apiKey.updateMany({ where: { id, shopId, revokedAt: null }, data: { revokedAt: now } });
  const row = await db.apiKey.findFirst({ where: { id, shopId }, select: VIEW_SELECT });
  if (!row) throw new AppError("not_found", "Unknown API key");
  return toView(row);
}
