import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { classifyInbound } from "./classify-inbound.ts";
import { decideSignupContacts } from "./parse-sms-signup.ts";
import { maskPhone, normalizePhone } from "./phone-number.ts";
import { quietHoursEnd } from "./quiet-hours.ts";
import { countSmsSegments, smsPreviewText } from "../../contract/sms-segments.ts";
import { withAlertsLink } from "./build-sms-variables.ts";
import { storefrontSignupChannels } from "./push-signup-channels.ts";
import { DEFAULT_SMS_TEMPLATES } from "./default-sms-templates.ts";
import { twilioSignature, verifyTwilioSignature } from "./twilio-signature.ts";

describe("Twilio request signature", () => {
  // Twilio's documented example (webhooks security page and its code samples): auth token 12345.
  const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
  const params = {
    CallSid: "CA1234567890ABCDE",
    Caller: "+14158675310",
    Digits: "1234",
    From: "+14158675310",
    To: "+18005551212",
  };
  it("matches the documented signature", () => {
    expect(twilioSignature("12345", url, params)).toBe("GvWf1cFY/Q7PnoempGyD5oXAezc=");
    expect(verifyTwilioSignature("12345", "GvWf1cFY/Q7PnoempGyD5oXAezc=", url, params)).toBe(true);
  });
  it("refuses another token, URL, parameter or a missing header", () => {
    const good = "GvWf1cFY/Q7PnoempGyD5oXAezc=";
    expect(verifyTwilioSignature("12346", good, url, params)).toBe(false);
    expect(verifyTwilioSignature("12345", good, `${url}&x=1`, params)).toBe(false);
    expect(verifyTwilioSignature("12345", good, url, { ...params, Digits: "1235" })).toBe(false);
    expect(verifyTwilioSignature("12345", undefined, url, params)).toBe(false);
  });
});

describe("SMS segments", () => {
  it("counts GSM-7 in septets, extension characters twice", () => {
    expect(countSmsSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(countSmsSegments("a".repeat(161))).toEqual({ encoding: "GSM-7", units: 161, segments: 2 });
    expect(countSmsSegments("€".repeat(80))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(countSmsSegments("a".repeat(307)).segments).toBe(3);
  });
  it("switches to UCS-2 for any other character", () => {
    expect(countSmsSegments("ł".repeat(70))).toEqual({ encoding: "UCS-2", units: 70, segments: 1 });
    expect(countSmsSegments(`${"a".repeat(70)}ł`)).toEqual({ encoding: "UCS-2", units: 71, segments: 2 });
    expect(countSmsSegments("👍").units).toBe(2);
    expect(countSmsSegments("").segments).toBe(0);
  });
});

describe("phone numbers", () => {
  it("stores E.164, reading a national number in the storefront's country", () => {
    expect(normalizePhone("(415) 555-2671", "US")).toBe("+14155552671");
    expect(normalizePhone("030 12345678", "DE")).toBe("+493012345678");
    expect(normalizePhone("+44 7911 123456", "US")).toBe("+447911123456");
    expect(normalizePhone("12", "US")).toBeNull();
    expect(normalizePhone("not a phone", "US")).toBeNull();
    expect(maskPhone("+14155552671")).toBe("+14…2671");
  });
});

describe("quiet hours", () => {
  const at = (iso: string) => new Date(iso);
  it("waits until the end of a window that spans midnight, in the shop's zone", () => {
    // 23:30 in Berlin (winter, UTC+1) is inside 22:00-08:00: wait until 08:00 Berlin = 07:00 UTC.
    expect(quietHoursEnd(at("2026-12-06T22:30:00Z"), "Europe/Berlin", 22 * 60, 8 * 60)).toEqual(
      at("2026-12-07T07:00:00Z"),
    );
    expect(quietHoursEnd(at("2026-12-06T12:00:00Z"), "Europe/Berlin", 22 * 60, 8 * 60)).toBeNull();
    expect(quietHoursEnd(at("2026-12-06T07:00:00Z"), "Europe/Berlin", 22 * 60, 8 * 60)).toBeNull();
  });
  it("handles a daytime window and no window", () => {
    expect(quietHoursEnd(at("2026-12-06T12:15:00Z"), "UTC", 12 * 60, 13 * 60)).toEqual(
      at("2026-12-06T13:00:00Z"),
    );
    expect(quietHoursEnd(at("2026-12-06T12:15:00Z"), "UTC", null, null)).toBeNull();
  });
});

describe("inbound replies and signup contacts", () => {
  it("reads Twilio's opt-out, opt-in and help keywords", () => {
    expect(classifyInbound(" stop ")).toBe("stop");
    expect(classifyInbound("Unsubscribe.")).toBe("stop");
    expect(classifyInbound("START")).toBe("start");
    expect(classifyInbound("help")).toBe("help");
    expect(classifyInbound("stop sending me these")).toBe("other");
  });
  const fieldOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return Object.keys(((error as AppError).details as { fieldErrors: object }).fieldErrors)[0];
    }
    return "ok";
  };
  it("needs the consent box for a phone and refuses channels the shop does not take", () => {
    expect(
      decideSignupContacts("both", true, null, { phone: "4155552671", country: "US", sms_consent: true }),
    ).toEqual({ email: null, phone: "+14155552671" });
    expect(
      fieldOf(() => decideSignupContacts("both", true, null, { phone: "4155552671", country: "US" })),
    ).toBe("sms_consent");
    expect(fieldOf(() => decideSignupContacts("both", true, null, { phone: "12", sms_consent: true }))).toBe(
      "phone",
    );
    expect(
      fieldOf(() =>
        decideSignupContacts("email", true, "a@b.co", { phone: "+14155552671", sms_consent: true }),
      ),
    ).toBe("phone");
    expect(
      fieldOf(() => decideSignupContacts("both", false, null, { phone: "+14155552671", sms_consent: true })),
    ).toBe("phone");
    expect(fieldOf(() => decideSignupContacts("phone", true, "a@b.co", {}))).toBe("email");
    expect(fieldOf(() => decideSignupContacts("both", true, null, {}))).toBe("email");
    expect(decideSignupContacts("email", false, "a@b.co", {})).toEqual({ email: "a@b.co", phone: null });
  });
});

describe("the segment preview and the alerts link", () => {
  it("counts a text with its variables filled at a typical length", () => {
    const text = smsPreviewText(DEFAULT_SMS_TEMPLATES.restock!.en!);
    expect(text).toContain("Alpine Outfitters: Merino Trail Hoodie (Forest / M) is back in stock: https://");
    expect(text).toContain(
      "Manage alerts: https://alpine-outfitters.example/apps/backorder/alerts Reply STOP",
    );
    expect(text).not.toMatch(/\{\{|\{%/);
    // The raw template counts its Liquid source; the preview what the shopper pays for.
    expect(countSmsSegments(text).units).toBe(text.length);
    expect(countSmsSegments(text).segments).toBeGreaterThan(countSmsSegments("{{ url }}").segments);
    expect(smsPreviewText("{{ unknown_thing | upcase }} {{- url -}}")).toMatch(/^https:\/\//);
  });
  it("appends the alerts link to a text that leaves it out, once", () => {
    const url = "https://shop.example/apps/backorder/alerts";
    expect(withAlertsLink("Back: x", url)).toBe(`Back: x ${url}`);
    expect(withAlertsLink(`Back: x ${url} STOP`, url)).toBe(`Back: x ${url} STOP`);
    expect(withAlertsLink("Back: x", "")).toBe("Back: x");
  });
});

describe("the block's signup channels", () => {
  it.each([
    [true, "both", "both"],
    [true, "phone", "phone"],
    [true, "email", "email"],
    [false, "both", "email"], // the SMS channel off: email only
    [true, "fax", "email"],
  ])("enabled %s, %s -> %s", (enabled, signupChannels, expected) => {
    expect(storefrontSignupChannels({ enabled, signupChannels })).toBe(expected);
  });
});
