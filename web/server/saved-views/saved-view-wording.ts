// The sentences a refused saved view answers, in each language the admin speaks (docs/api-errors.md).
import type { AdminLanguage } from "../admin-language.ts";
import { AppError } from "../errors.ts";

const NAME_TAKEN: Record<AdminLanguage, (name: string) => string> = {
  en: (name) => `A view named “${name}” already exists. Choose another name.`,
  fr: (name) => `Une vue nommée «\u00a0${name}\u00a0» existe déjà. Choisissez un autre nom.`,
  de: (name) => `Eine Ansicht mit dem Namen „${name}“ gibt es bereits. Wähle einen anderen Namen.`,
  es: (name) => `Ya existe una vista llamada “${name}”. Elige otro nombre.`,
};

const LIMIT_REACHED: Record<AdminLanguage, (max: number) => string> = {
  en: (max) => `You can save up to ${max} views on this list. Delete a view to save another.`,
  fr: (max) =>
    `Vous pouvez enregistrer jusqu’à ${max} vues sur cette liste. Supprimez une vue pour en enregistrer une autre.`,
  de: (max) =>
    `Du kannst bis zu ${max} Ansichten für diese Liste speichern. Lösche eine Ansicht, um eine weitere zu speichern.`,
  es: (max) => `Puedes guardar hasta ${max} vistas en esta lista. Elimina una vista para guardar otra.`,
};

/** 422 on the name field: another view of the list has this name (whatever the case). */
export function nameTakenError(name: string): AppError {
  const worded = (language: AdminLanguage) => ({
    fieldErrors: { name: [NAME_TAKEN[language](name)] },
    formErrors: [],
  });
  return new AppError("unprocessable", "View name already used", worded("en"), worded);
}

/** 422 for the whole request: the list already has the most views a shop may save. */
export function limitReachedError(max: number): AppError {
  const worded = (language: AdminLanguage) => ({
    fieldErrors: {},
    formErrors: [LIMIT_REACHED[language](max)],
  });
  return new AppError("unprocessable", "Saved view limit reached", worded("en"), worded);
}
