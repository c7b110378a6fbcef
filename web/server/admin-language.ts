import type { Request } from "express";

/** The languages the admin speaks (docs/admin-i18n.md); the server words what the admin shows in them. */
export const ADMIN_LANGUAGES = ["en", "fr", "de", "es"] as const;
export type AdminLanguage = (typeof ADMIN_LANGUAGES)[number];

/** The request's language among the admin's (`Accept-Language`; the admin sends its own), else English. */
export function requestLanguage(req: Request): AdminLanguage {
  return (req.acceptsLanguages(...ADMIN_LANGUAGES) as AdminLanguage | false) || "en";
}
