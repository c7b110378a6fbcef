import { useTranslation } from "react-i18next";
import { ContextualSaveBar } from "@shopify/polaris";
import { useEffect } from "react";
import { markUnsaved } from "./leave-guard.ts";
import { shopifyUi } from "./shopify-ui.ts";

type Props = {
  /** Unique on the page: App Bridge finds the save bar by it. */
  id: string;
  dirty: boolean;
  saving: boolean;
  onSave: () => void;
  onDiscard: () => void;
};

/**
 * The contextual save bar of a form: shown while it has unsaved edits, with Save and Discard. App
 * Bridge's (`<ui-save-bar>`, which also guards leaving the page) when the page has it, else
 * Polaris' inside the app's Frame, with the router and the browser asking before leaving.
 */
export function PageSaveBar({ id, dirty, saving, onSave, onDiscard }: Props) {
  const { t } = useTranslation();
  const ui = shopifyUi();
  useEffect(() => {
    if (!ui) return;
    void (dirty ? ui.saveBar.show(id) : ui.saveBar.hide(id));
  }, [ui, id, dirty]);
  useEffect(() => () => void ui?.saveBar.hide(id), [ui, id]);
  useEffect(() => {
    markUnsaved(id, dirty);
    if (!dirty) return;
    // A reload or a closed tab loses the edits too: the browser asks first.
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      markUnsaved(id, false);
    };
  }, [id, dirty]);

  if (ui) {
    return (
      <ui-save-bar id={id}>
        <button variant="primary" onClick={onSave} loading={saving ? "" : undefined} disabled={saving}>
          {t("common.save")}
        </button>
        <button onClick={onDiscard} disabled={saving}>
          {t("common.discard")}
        </button>
      </ui-save-bar>
    );
  }
  if (!dirty) return null;
  return (
    <ContextualSaveBar
      message={t("common.unsavedChanges")}
      saveAction={{ onAction: onSave, loading: saving }}
      discardAction={{ onAction: onDiscard, disabled: saving }}
    />
  );
}
