/** Encrypts offline tokens in the playground and tests only; refused in production. */
export const DEV_TOKEN_ENCRYPTION_KEY = "dev:ZGV2LW9ubHktdG9rZW4ta2V5LW5vdC1mb3ItcHJvZCE=";

export type EncryptionKey = Readonly<{ id: string; key: Buffer }>;

/** `<id>:<base64 of 32 bytes>`; the id is stored with each ciphertext so rotation knows the key. */
export function parseEncryptionKey(value: string): EncryptionKey | undefined {
  const match = /^([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/_-]+={0,2})$/.exec(value);
  if (!match) return undefined;
  const key = Buffer.from(match[2]!, "base64");
  return key.length === 32 ? Object.freeze({ id: match[1]!, key }) : undefined;
}
