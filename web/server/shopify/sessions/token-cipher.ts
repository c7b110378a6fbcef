import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Config } from "../../config.ts";
import type { EncryptionKey } from "../../encryption-key.ts";

type TokenKeys = Config["tokenKeys"];

// Stored form: enc1:<key id>:<iv>:<auth tag>:<ciphertext>, each part base64url. AES-256-GCM: a
// changed byte, or the wrong key, fails authentication instead of decrypting to garbage.
const PREFIX = "enc1";

export function isEncryptedToken(stored: string): boolean {
  return stored.startsWith(`${PREFIX}:`);
}

/** The key id a stored token was written with (null: written before encryption, plain text). */
export function tokenKeyId(stored: string): string | null {
  return isEncryptedToken(stored) ? (stored.split(":")[1] ?? null) : null;
}

export function encryptToken(keys: TokenKeys, plaintext: string): string {
  const { id, key } = keys.current;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(id));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [PREFIX, id, iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(":");
}

/**
 * The token as Shopify issued it. Rows written before encryption (plain text) are read as they
 * are until re-encrypted; a token whose key is not configured any more throws.
 */
export function decryptToken(keys: TokenKeys, stored: string): string {
  if (!isEncryptedToken(stored)) return stored;
  const [, id, iv, tag, body] = stored.split(":");
  const key = findKey(keys, id);
  if (!key || !iv || !tag || body === undefined) {
    throw new Error(`offline token encrypted with unknown key id ${JSON.stringify(id)}`);
  }
  const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(key.id));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

function findKey(keys: TokenKeys, id: string | undefined): EncryptionKey | undefined {
  return [keys.current, keys.previous].find((k) => k !== undefined && k.id === id);
}
