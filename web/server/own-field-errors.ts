// Field errors from the app's own checks (not a zod schema): an unknown variant or location, a
// selling window that ends before it starts, a webhook URL the app will not call. Their sentences in
// each language the admin speaks, like field-error-wording.ts for zod's (docs/api-errors.md).
import type { AdminLanguage } from "./admin-language.ts";
import { AppError } from "./errors.ts";

/** Why a webhook URL is refused (check-public-address.ts). */
export type UnsafeUrlReason = "invalid" | "https" | "credentials" | "private";

type OwnCheckWording = {
  unknownVariants: (ids: string) => string;
  unknownLocations: (ids: string) => string;
  timeAfterStart: string;
  webhookUrl: Record<UnsafeUrlReason, string>;
};

const NBSP = "\u00a0";

const WORDING: Record<AdminLanguage, OwnCheckWording> = {
  en: {
    unknownVariants: (ids) => `Unknown variants: ${ids}`,
    unknownLocations: (ids) => `Unknown locations: ${ids}`,
    timeAfterStart: "Enter a time after the window starts",
    webhookUrl: {
      invalid: "Enter a valid web address",
      https: "Enter an address starting with https://",
      credentials: "Remove the user name and password from the address",
      private: "Enter an address on the public internet",
    },
  },
  fr: {
    unknownVariants: (ids) => `Variantes inconnues${NBSP}: ${ids}`,
    unknownLocations: (ids) => `Emplacements inconnus${NBSP}: ${ids}`,
    timeAfterStart: "Saisissez une heure postérieure au début de la période",
    webhookUrl: {
      invalid: "Saisissez une adresse web valide",
      https: "Saisissez une adresse commençant par https://",
      credentials: "Retirez le nom d’utilisateur et le mot de passe de l’adresse",
      private: "Saisissez une adresse accessible sur Internet",
    },
  },
  de: {
    unknownVariants: (ids) => `Unbekannte Varianten: ${ids}`,
    unknownLocations: (ids) => `Unbekannte Standorte: ${ids}`,
    timeAfterStart: "Gib eine Zeit nach dem Beginn des Zeitraums ein",
    webhookUrl: {
      invalid: "Gib eine gültige Webadresse ein",
      https: "Gib eine Adresse ein, die mit https:// beginnt",
      credentials: "Entferne Benutzername und Passwort aus der Adresse",
      private: "Gib eine im öffentlichen Internet erreichbare Adresse ein",
    },
  },
  es: {
    unknownVariants: (ids) => `Variantes desconocidas: ${ids}`,
    unknownLocations: (ids) => `Ubicaciones desconocidas: ${ids}`,
    timeAfterStart: "Introduce una hora posterior al inicio del período",
    webhookUrl: {
      invalid: "Introduce una dirección web válida",
      https: "Introduce una dirección que empiece por https://",
      credentials: "Quita el nombre de usuario y la contraseña de la dirección",
      private: "Introduce una dirección accesible en internet",
    },
  },
};

/**
 * A 422 for one field refused by a check of the app's own: `details.fieldErrors[field]` in English,
 * and in the request's language for the admin (the error middleware asks `detailsIn`).
 */
export function ownFieldError(
  message: string,
  field: string,
  sentence: (wording: OwnCheckWording) => string,
): AppError {
  const wordedIn = (language: AdminLanguage) => ({ fieldErrors: { [field]: [sentence(WORDING[language])] } });
  return new AppError("unprocessable", message, wordedIn("en"), wordedIn);
}
