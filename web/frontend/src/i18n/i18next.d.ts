// Keys of t() are checked against the English catalog: a missing or misspelt key is a compile error.
import "i18next";
import type en from "./locales/en.json";

declare module "i18next" {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}
