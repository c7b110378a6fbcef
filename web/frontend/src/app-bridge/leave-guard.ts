import i18next from "i18next";
import { shopifyUi } from "./shopify-ui.ts";

// Forms with unsaved edits, when there is no App Bridge to keep track of them (its save bar does).
const unsaved = new Set<string>();

export function markUnsaved(id: string, dirty: boolean): void {
  if (dirty) unsaved.add(id);
  else unsaved.delete(id);
}

export function hasUnsavedChanges(): boolean {
  return unsaved.size > 0;
}

/**
 * Resolves when the page may be left: at once when nothing is unsaved, else once the merchant
 * confirms (App Bridge's own leave confirmation, or the browser's). Never resolves when they stay.
 */
export function confirmLeave(): Promise<void> {
  const ui = shopifyUi();
  if (ui) return ui.saveBar.leaveConfirmation();
  if (!hasUnsavedChanges()) return Promise.resolve();
  if (window.confirm(i18next.t("common.leaveConfirm"))) {
    unsaved.clear();
    return Promise.resolve();
  }
  return new Promise(() => undefined);
}
