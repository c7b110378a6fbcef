import { describe, expect, it } from "vitest";
import { asWord, futureDate, pastDate } from "./future-date.ts";

describe("dates relative to today", () => {
  const now = new Date("2026-12-06T23:30:00Z");

  it("prints a date this year without the year on the storefront, always with it in email", () => {
    expect(futureDate(9, now)).toEqual({ iso: "2026-12-15", email: "15 Dec 2026", storefront: "15 Dec" });
  });

  it("adds the year on the storefront once the date is in another year", () => {
    expect(futureDate(40, now)).toEqual({
      iso: "2027-01-15",
      email: "15 Jan 2027",
      storefront: "15 Jan 2027",
    });
    expect(pastDate(5, new Date("2027-01-02T00:00:00Z")).iso).toBe("2026-12-28");
  });

  it("writes September as the theme does, and as the email formatter does", () => {
    const september = futureDate(20, new Date("2027-08-16T12:00:00Z"));
    expect(september.iso).toBe("2027-09-05");
    expect(september.storefront).toBe("5 Sep");
    expect(september.email).toBe(
      new Intl.DateTimeFormat("en-GB", {
        day: "numeric",
        month: "short",
        year: "numeric",
        timeZone: "UTC",
      }).format(new Date("2027-09-05T00:00:00Z")),
    );
  });

  it("refuses a date too close to today to be safely past or future in every zone", () => {
    expect(() => futureDate(1, now)).toThrow(/at least 2 days/);
    expect(() => pastDate(0, now)).toThrow(/at least 2 days/);
  });

  it("matches a printed date only as a whole", () => {
    expect("ships by 25 Jan 2027.").not.toMatch(asWord("5 Jan 2027"));
    expect("ships by 5 Jan 2027.").toMatch(asWord("5 Jan 2027"));
    expect("bis 5. Jan.").toMatch(asWord("5. Jan."));
  });
});
