import { randomBytes } from "node:crypto";

export interface AccessTokenRecord {
  token: string;
  shop: string;
  scope: string;
  online: boolean;
  userId: string | null;
  expiresAt: Date | null;
}

/** Access tokens the simulator issued; uninstalling the app revokes all of a shop's tokens. */
export function createAccessTokens() {
  const tokens = new Map<string, AccessTokenRecord>();
  return {
    issue(record: Omit<AccessTokenRecord, "token">): AccessTokenRecord {
      const token = `shpat_${randomBytes(16).toString("hex")}`;
      const full = { ...record, token };
      tokens.set(token, full);
      return full;
    },
    find(token: string | undefined, now: Date): AccessTokenRecord | undefined {
      if (!token) return undefined;
      const record = tokens.get(token);
      if (!record || (record.expiresAt && record.expiresAt <= now)) return undefined;
      return record;
    },
    revokeShop(shop: string): void {
      for (const [token, record] of tokens) if (record.shop === shop) tokens.delete(token);
    },
    /** For the playground's saved state: the app keeps its tokens across simulator restarts. */
    list: (): AccessTokenRecord[] => [...tokens.values()].map((record) => ({ ...record })),
    restore(records: AccessTokenRecord[]): void {
      for (const record of records) tokens.set(record.token, { ...record });
    },
  };
}

export type AccessTokens = ReturnType<typeof createAccessTokens>;
