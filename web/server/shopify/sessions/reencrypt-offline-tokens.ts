import type { SessionStorageDeps } from "./offline-session-storage.ts";
import { decryptToken, encryptToken, tokenKeyId } from "./token-cipher.ts";

/**
 * Rewrites every stored token not yet under the current key (plain text from before encryption,
 * or the previous key during a rotation). Each row is updated only if it did not change meanwhile.
 */
export async function reencryptOfflineTokens(deps: SessionStorageDeps): Promise<{ rewritten: number }> {
  const keys = deps.config.tokenKeys;
  const current = keys.current.id;
  const rows = await deps.db.session.findMany({
    select: { id: true, accessToken: true, refreshToken: true },
  });
  let rewritten = 0;
  for (const row of rows) {
    const stale = (t: string | null) => t !== null && t !== "" && tokenKeyId(t) !== current;
    if (!stale(row.accessToken) && !stale(row.refreshToken)) continue;
    const rewrite = (t: string | null) => (t ? encryptToken(keys, decryptToken(keys, t)) : t);
    const { count } = await deps.db.session.updateMany({
      where: { id: row.id, accessToken: row.accessToken, refreshToken: row.refreshToken },
      data: { accessToken: rewrite(row.accessToken) ?? "", refreshToken: rewrite(row.refreshToken) },
    });
    rewritten += count;
  }
  return { rewritten };
}
