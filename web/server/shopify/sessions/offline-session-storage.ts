import { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/create-prisma.ts";
import { decryptToken, encryptToken } from "./token-cipher.ts";

export type SessionStorageDeps = { db: Db; config: Pick<Config, "tokenKeys"> };

export type OfflineSessionStorage = {
  storeSession(session: Session): Promise<boolean>;
  loadSession(id: string): Promise<Session | undefined>;
};

/**
 * Shopify's Prisma session storage with the access and refresh tokens encrypted at rest (see
 * token-cipher.ts): a copy of the Session table alone does not give Admin API access.
 */
export function offlineSessionStorage(deps: SessionStorageDeps): OfflineSessionStorage {
  const inner = new PrismaSessionStorage(deps.db);
  const keys = deps.config.tokenKeys;
  const mapTokens = (session: Session, map: (token: string) => string) => {
    const params = session.toObject();
    return new Session({
      ...params,
      ...(params.accessToken ? { accessToken: map(params.accessToken) } : {}),
      ...(params.refreshToken ? { refreshToken: map(params.refreshToken) } : {}),
    });
  };
  return {
    storeSession: (session) => inner.storeSession(mapTokens(session, (t) => encryptToken(keys, t))),
    loadSession: async (id) => {
      const session = await inner.loadSession(id);
      return session ? mapTokens(session, (t) => decryptToken(keys, t)) : undefined;
    },
  };
}
