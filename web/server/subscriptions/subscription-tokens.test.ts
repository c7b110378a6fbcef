import { describe, expect, it } from "vitest";
import { normalizeEmail } from "./normalize-email.ts";
import {
  isLinkTokenShape,
  newLinkToken,
  signAlertCancelToken,
  signAlertLinkToken,
  signGuestSession,
  signRenewToken,
  signProductLinkToken,
  verifyProductLinkToken,
  verifyAlertCancelToken,
  verifyAlertLinkToken,
  verifyGuestSession,
  verifyRenewToken,
} from "./subscription-tokens.ts";

describe("link tokens", () => {
  it("are 32 url-safe characters and differ every time", () => {
    const a = newLinkToken();
    const b = newLinkToken();
    expect(isLinkTokenShape(a)).toBe(true);
    expect(a).not.toBe(b);
  });

  it.each([
    ["short", "abc", false],
    ["with a slash", `${"a".repeat(31)}/`, false],
    ["33 characters", "a".repeat(33), false],
    ["exact", `${"a".repeat(30)}-_`, true],
  ])("shape check: %s", (_name, token, ok) => {
    expect(isLinkTokenShape(token)).toBe(ok);
  });
});

describe("product link token", () => {
  const id = "6f1c9e1e-6b1c-4d7e-9a8b-0c2d3e4f5a6b";
  it.each<[string, string, readonly string[], string | null]>([
    ["verifies with the signing secret", signProductLinkToken("s1", id), ["s1"], id],
    ["verifies during a rotation", signProductLinkToken("old", id), ["new", "old"], id],
    ["rejects another secret", signProductLinkToken("s1", id), ["s2"], null],
    [
      "rejects a swapped id",
      signProductLinkToken("s1", id).replace(id, id.replace("6f", "7f")),
      ["s1"],
      null,
    ],
    ["rejects garbage", "nope", ["s1"], null],
    ["rejects an empty signature", `${id}.`, ["s1"], null],
  ])("%s", (_name, token, secrets, expected) => {
    expect(verifyProductLinkToken(secrets, token)).toBe(expected);
  });
});

describe("normalizeEmail", () => {
  it.each<[string, string | null]>([
    ["  Jane.Doe@Example.COM ", "jane.doe@example.com"],
    ["jane+alerts@example.com", "jane+alerts@example.com"],
    ["not-an-email", null],
    ["", null],
    ["a@b", null],
    [`${"a".repeat(250)}@example.com`, null],
  ])("%j -> %j", (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });
});

describe("renew link token", () => {
  const id = "6f1c9e1e-6b1c-4d7e-9a8b-0c2d3e4f5a6b";
  it("verifies with any current secret and is no product-link token", () => {
    const token = signRenewToken("new", id);
    expect(verifyRenewToken(["old", "new"], token)).toBe(id);
    expect(verifyRenewToken(["other"], token)).toBeNull();
    expect(verifyProductLinkToken(["new"], token)).toBeNull();
    expect(verifyRenewToken(["new"], signProductLinkToken("new", id))).toBeNull();
  });
});

describe("alert cancel token", () => {
  it("names the subscription only for the customer it was signed for", () => {
    const token = signAlertCancelToken("s", "42", "sub-1");
    expect(verifyAlertCancelToken(["s"], "42", token)).toBe("sub-1");
    expect(verifyAlertCancelToken(["s"], "4", token)).toBeNull();
    expect(verifyAlertCancelToken(["other"], "42", token)).toBeNull();
    expect(verifyAlertCancelToken(["s"], "42", signRenewToken("s", "42:sub-1"))).toBeNull();
  });
});

describe("guest alerts link and session", () => {
  it("a link token names its jti only for that purpose", () => {
    const token = signAlertLinkToken("s", "jti-1");
    expect(verifyAlertLinkToken(["old", "s"], token)).toBe("jti-1");
    expect(verifyAlertLinkToken(["other"], token)).toBeNull();
    expect(verifyRenewToken(["s"], token)).toBeNull();
    expect(verifyAlertLinkToken(["s"], `${token}x`)).toBeNull();
  });

  it("a session carries shop and address until it expires, and cannot be altered", () => {
    const now = new Date("2026-12-07T01:00:00Z");
    const expiresAt = new Date(now.getTime() + 3600_000);
    const email = "o'neil.x+a:b@example.com";
    const token = signGuestSession("s", { shopId: "shop-1", email, expiresAt });
    expect(verifyGuestSession(["s"], token, now)).toEqual({ shopId: "shop-1", email, expiresAt });
    expect(verifyGuestSession(["s"], token, expiresAt)).toBeNull();
    expect(verifyGuestSession(["other"], token, now)).toBeNull();
    const [payload, mac] = [token.slice(0, token.lastIndexOf(".")), token.slice(token.lastIndexOf(".") + 1)];
    const otherShop = payload.replace("shop-1", "shop-2");
    expect(verifyGuestSession(["s"], `${otherShop}.${mac}`, now)).toBeNull();
    expect(verifyGuestSession(["s"], signAlertLinkToken("s", payload), now)).toBeNull();
  });
});
