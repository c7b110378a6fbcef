import { afterAll, describe, expect, it } from "vitest";
import i18next from "i18next";
import { loadAdminTranslations } from "../i18n/admin-i18n.ts";
import { ApiError } from "./api-client.ts";

// What a toast or banner shows the merchant when a request fails: the server's English "too many
// requests, try again later" used to reach a French admin as is.
describe("ApiError's sentence", () => {
  afterAll(() => i18next.changeLanguage("en"));

  it("words the generic refusals in the admin's language", async () => {
    await loadAdminTranslations({ language: "fr", formatLocale: "fr-FR" });
    const limited = new ApiError(429, {
      error: "rate_limited",
      message: "too many requests, try again later",
    });
    expect(limited.message).toBe("Trop de requêtes en peu de temps. Patientez un instant, puis réessayez.");
    expect(new ApiError(503, { error: "unavailable", message: "database unavailable" }).message).toMatch(
      /^L’application est occupée/,
    );
    expect(new ApiError(500, { error: "internal" }).message).toMatch(/^Une erreur s’est produite/);
  });

  it("keeps a specific message, and says the status when there is nothing else", async () => {
    await loadAdminTranslations({ language: "en", formatLocale: "en-US" });
    expect(new ApiError(409, { error: "conflict", message: "An import is already running" }).message).toBe(
      "An import is already running",
    );
    expect(new ApiError(502, null).message).toBe("Request failed (502)");
    expect(new ApiError(429, { error: "rate_limited", message: "too many requests" }).message).toBe(
      "Too many requests in a short time. Wait a moment, then try again.",
    );
  });
});
