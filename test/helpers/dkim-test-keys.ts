import crypto from "node:crypto";
import { createMailer, type Mailer } from "../../web/server/notifications/create-mailer.ts";

export type DkimTestKeys = {
  /** The private key (PKCS#8 PEM), as DKIM_PRIVATE_KEY carries it. */
  privateKey: string;
  /** A DNS resolver for mailauth's dkimVerify that publishes the public key for `selector` on `domains`. */
  resolver: (name: string, type: string) => Promise<string[][]>;
};

/** A fresh RSA key published (in a fake DNS) for `selector` on each of `domains`. */
export function createDkimTestKeys(selector: string, domains: string[]): DkimTestKeys {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const published = `v=DKIM1; k=rsa; p=${publicKey.export({ type: "spki", format: "der" }).toString("base64")}`;
  const dns = new Map(domains.map((domain) => [`${selector}._domainkey.${domain}`, published]));
  return {
    privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    resolver: async (name, type) => {
      const record = type === "TXT" ? dns.get(name.toLowerCase()) : undefined;
      if (!record) throw Object.assign(new Error(`no ${type} for ${name}`), { code: "ENOTFOUND" });
      return [[record]];
    },
  };
}

/** The worker's mailer as main-worker builds it from DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY. */
export function createDkimMailer(
  smtpUrl: string,
  dkim: { domain: string; selector: string; privateKey: string },
): Mailer {
  return createMailer({ smtpUrl, dkim }, { socketTimeoutMs: 2_000 });
}
