// The field-error sentences in each language the admin speaks (docs/api-errors.md, docs/admin-i18n.md).
// Pure data and small functions; field-error-sentences.ts picks which one a zod issue gets.
import type { AdminLanguage } from "./admin-language.ts";

type N = number | bigint;
export type FieldErrorWording = {
  atLeast: (min: N) => string;
  above: (min: N) => string;
  atMost: (max: N) => string;
  below: (max: N) => string;
  enterValue: string;
  minChars: (n: N) => string;
  maxChars: (n: N) => string;
  minItems: (n: N) => string;
  maxItems: (n: N) => string;
  laterDate: string;
  earlierDate: string;
  larger: string;
  smaller: string;
  valid: string;
  oneOf: (values: string) => string;
  oneOfOptions: string;
  multipleOf: (divisor: N) => string;
  unknownFields: (keys: string[]) => string;
  types: Record<string, string>;
  formats: Record<string, string>;
};

const one = (n: N) => Number(n) === 1;

const en: FieldErrorWording = {
  atLeast: (min) => `Enter ${min} or more`,
  above: (min) => `Enter a number above ${min}`,
  atMost: (max) => `Enter ${max} or less`,
  below: (max) => `Enter a number below ${max}`,
  enterValue: "Enter a value",
  minChars: (n) => `Use at least ${n} ${one(n) ? "character" : "characters"}`,
  maxChars: (n) => `Use at most ${n} ${one(n) ? "character" : "characters"}`,
  minItems: (n) => `Choose at least ${n} ${one(n) ? "item" : "items"}`,
  maxItems: (n) => `Choose at most ${n} ${one(n) ? "item" : "items"}`,
  laterDate: "Enter a later date",
  earlierDate: "Enter an earlier date",
  larger: "Enter a larger value",
  smaller: "Enter a smaller value",
  valid: "Enter a valid value",
  oneOf: (values) => `Choose one of: ${values}`,
  oneOfOptions: "Choose one of the options",
  multipleOf: (d) => `Enter a multiple of ${d}`,
  unknownFields: (keys) => `Unknown ${keys.length === 1 ? "field" : "fields"}: ${keys.join(", ")}`,
  types: {
    number: "Enter a number",
    int: "Enter a whole number",
    boolean: "Choose yes or no",
    string: "Enter text",
    array: "Enter a list",
    date: "Enter a date",
  },
  formats: {
    email: "Enter a valid email address",
    url: "Enter a full web address, starting with https://",
    datetime: "Enter a date and time",
    date: "Enter a date (YYYY-MM-DD)",
  },
};

const fr: FieldErrorWording = {
  atLeast: (min) => `Saisissez ${min} ou plus`,
  above: (min) => `Saisissez un nombre supérieur à ${min}`,
  atMost: (max) => `Saisissez ${max} ou moins`,
  below: (max) => `Saisissez un nombre inférieur à ${max}`,
  enterValue: "Saisissez une valeur",
  minChars: (n) => `Utilisez au moins ${n} ${one(n) ? "caractère" : "caractères"}`,
  maxChars: (n) => `Utilisez au plus ${n} ${one(n) ? "caractère" : "caractères"}`,
  minItems: (n) => `Choisissez au moins ${n} ${one(n) ? "élément" : "éléments"}`,
  maxItems: (n) => `Choisissez au plus ${n} ${one(n) ? "élément" : "éléments"}`,
  laterDate: "Saisissez une date plus tardive",
  earlierDate: "Saisissez une date plus proche",
  larger: "Saisissez une valeur plus grande",
  smaller: "Saisissez une valeur plus petite",
  valid: "Saisissez une valeur valide",
  oneOf: (values) => `Choisissez parmi\u00a0: ${values}`,
  oneOfOptions: "Choisissez l’une des options",
  multipleOf: (d) => `Saisissez un multiple de ${d}`,
  unknownFields: (keys) =>
    `${keys.length === 1 ? "Champ inconnu" : "Champs inconnus"}\u00a0: ${keys.join(", ")}`,
  types: {
    number: "Saisissez un nombre",
    int: "Saisissez un nombre entier",
    boolean: "Choisissez oui ou non",
    string: "Saisissez du texte",
    array: "Saisissez une liste",
    date: "Saisissez une date",
  },
  formats: {
    email: "Saisissez une adresse e-mail valide",
    url: "Saisissez une adresse web complète, commençant par https://",
    datetime: "Saisissez une date et une heure",
    date: "Saisissez une date (AAAA-MM-JJ)",
  },
};

const de: FieldErrorWording = {
  atLeast: (min) => `Gib ${min} oder mehr ein`,
  above: (min) => `Gib eine Zahl über ${min} ein`,
  atMost: (max) => `Gib ${max} oder weniger ein`,
  below: (max) => `Gib eine Zahl unter ${max} ein`,
  enterValue: "Gib einen Wert ein",
  minChars: (n) => `Verwende mindestens ${n} Zeichen`,
  maxChars: (n) => `Verwende höchstens ${n} Zeichen`,
  minItems: (n) => `Wähle mindestens ${n} ${one(n) ? "Element" : "Elemente"}`,
  maxItems: (n) => `Wähle höchstens ${n} ${one(n) ? "Element" : "Elemente"}`,
  laterDate: "Gib ein späteres Datum ein",
  earlierDate: "Gib ein früheres Datum ein",
  larger: "Gib einen größeren Wert ein",
  smaller: "Gib einen kleineren Wert ein",
  valid: "Gib einen gültigen Wert ein",
  oneOf: (values) => `Wähle eines davon: ${values}`,
  oneOfOptions: "Wähle eine der Optionen",
  multipleOf: (d) => `Gib ein Vielfaches von ${d} ein`,
  unknownFields: (keys) =>
    `${keys.length === 1 ? "Unbekanntes Feld" : "Unbekannte Felder"}: ${keys.join(", ")}`,
  types: {
    number: "Gib eine Zahl ein",
    int: "Gib eine ganze Zahl ein",
    boolean: "Wähle Ja oder Nein",
    string: "Gib Text ein",
    array: "Gib eine Liste ein",
    date: "Gib ein Datum ein",
  },
  formats: {
    email: "Gib eine gültige E-Mail-Adresse ein",
    url: "Gib eine vollständige Webadresse ein, beginnend mit https://",
    datetime: "Gib Datum und Uhrzeit ein",
    date: "Gib ein Datum ein (JJJJ-MM-TT)",
  },
};

const es: FieldErrorWording = {
  atLeast: (min) => `Introduce ${min} o más`,
  above: (min) => `Introduce un número mayor que ${min}`,
  atMost: (max) => `Introduce ${max} o menos`,
  below: (max) => `Introduce un número menor que ${max}`,
  enterValue: "Introduce un valor",
  minChars: (n) => `Usa al menos ${n} ${one(n) ? "carácter" : "caracteres"}`,
  maxChars: (n) => `Usa como máximo ${n} ${one(n) ? "carácter" : "caracteres"}`,
  minItems: (n) => `Elige al menos ${n} ${one(n) ? "elemento" : "elementos"}`,
  maxItems: (n) => `Elige como máximo ${n} ${one(n) ? "elemento" : "elementos"}`,
  laterDate: "Introduce una fecha posterior",
  earlierDate: "Introduce una fecha anterior",
  larger: "Introduce un valor mayor",
  smaller: "Introduce un valor menor",
  valid: "Introduce un valor válido",
  oneOf: (values) => `Elige una de estas opciones: ${values}`,
  oneOfOptions: "Elige una de las opciones",
  multipleOf: (d) => `Introduce un múltiplo de ${d}`,
  unknownFields: (keys) =>
    `${keys.length === 1 ? "Campo desconocido" : "Campos desconocidos"}: ${keys.join(", ")}`,
  types: {
    number: "Introduce un número",
    int: "Introduce un número entero",
    boolean: "Elige sí o no",
    string: "Introduce texto",
    array: "Introduce una lista",
    date: "Introduce una fecha",
  },
  formats: {
    email: "Introduce una dirección de correo electrónico válida",
    url: "Introduce una dirección web completa que empiece por https://",
    datetime: "Introduce una fecha y una hora",
    date: "Introduce una fecha (AAAA-MM-DD)",
  },
};

export const FIELD_ERROR_WORDING: Record<AdminLanguage, FieldErrorWording> = { en, fr, de, es };
