import { describe, expect, it } from "vitest";
import { checkWebhookUrl, isPublicAddress } from "./check-public-address.ts";

describe("isPublicAddress", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "64:ff9b::a00:1",
    "2002:a00:1::",
    "not-an-ip",
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("accepts %s", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe("checkWebhookUrl", () => {
  it("requires https in production and allows http elsewhere", () => {
    expect(() => checkWebhookUrl("http://hooks.example.com/x", { production: true })).toThrow(/https/);
    expect(checkWebhookUrl("http://127.0.0.1:9/x", { production: false }).host).toBe("127.0.0.1:9");
    expect(checkWebhookUrl("https://hooks.example.com/x", { production: true }).pathname).toBe("/x");
  });

  it("refuses literal private addresses in production, IPv6 and IPv4-mapped included", () => {
    for (const url of [
      "https://127.0.0.1/",
      "https://[::1]/",
      "https://[::ffff:7f00:1]/",
      "https://[fe80::1]/",
      "https://10.0.0.8/",
    ]) {
      expect(() => checkWebhookUrl(url, { production: true }), url).toThrow(/public/);
    }
  });

  it("refuses other schemes, credentials and garbage", () => {
    expect(() => checkWebhookUrl("ftp://example.com/", { production: false })).toThrow(/https/);
    expect(() => checkWebhookUrl("https://u:p@example.com/", { production: true })).toThrow(/credentials/);
    expect(() => checkWebhookUrl("::nope", { production: true })).toThrow(/valid URL/);
  });
});
