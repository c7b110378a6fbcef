import type { IndexFiltersProps } from "@shopify/polaris";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SavedViewList } from "../../../../contract/api-responses.ts";
import { ApiError } from "../../api/api-client.ts";
import { fieldErrorsOf } from "../../api/field-errors.ts";
import { errorMessage } from "../../api/use-api.ts";
import { useToast } from "../toast.tsx";
import { useSavedViewsApi, type ViewQueryOf } from "./saved-views-api.ts";
import { sameViewQuery, setViewIdInUrl, viewIdFromUrl } from "./view-url.ts";

/** A view every shop has (Open, Overdue, ...): shown first, cannot be renamed or deleted. */
export type BuiltInView<Q> = { id: string; label: string; query: Q };

/** What the list's IndexFilters takes from its views. */
export type ViewTabs = Pick<
  IndexFiltersProps,
  "tabs" | "selected" | "onSelect" | "canCreateNewView" | "onCreateNewView" | "primaryAction" | "cancelAction"
>;

/** The query the page opens with: the built-in view the URL names (?view=no_eta), else the first. */
export function builtInQueryFromUrl<Q>(builtIns: readonly { id: string; query: Q }[]): Q {
  const id = viewIdFromUrl();
  return (builtIns.find((b) => b.id === id) ?? builtIns[0]!).query;
}

/**
 * A list's views as IndexFilters tabs: the built-in ones, then the shop's saved views with their
 * rename, duplicate and delete actions; "Save" (a saved view) or "Save as" (a built-in one) when the
 * filters differ from the selected view; "+" saves the current filters as a new view. `current` is
 * the list's filters as the merchant sees them; `apply` sets them (search box included).
 */
export function useViewTabs<L extends SavedViewList>({
  list,
  builtIns,
  current,
  apply,
  onOpened,
}: {
  list: L;
  builtIns: readonly BuiltInView<ViewQueryOf<L>>[];
  current: ViewQueryOf<L>;
  apply: (query: ViewQueryOf<L>) => void;
  /** Once the view the URL names is applied (a saved one waits for the views to load). */
  onOpened?: () => void;
}): ViewTabs {
  const { t } = useTranslation();
  const toast = useToast();
  const saved = useSavedViewsApi(list);
  const [selectedId, setSelectedId] = useState(() => viewIdFromUrl() ?? builtIns[0]!.id);
  const [busy, setBusy] = useState(false);
  const views = [
    ...builtIns.map((b) => ({ id: b.id, name: b.label, query: b.query, builtIn: true })),
    ...(saved.views ?? []).map((v) => ({ id: v.id, name: v.name, query: v.query, builtIn: false })),
  ];

  // A saved view named in the URL applies once the views are loaded; an unknown id opens the first view.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || saved.views === null) return;
    opened.current = true;
    const view = saved.views.find((v) => v.id === selectedId);
    if (view) apply(view.query);
    else if (!builtIns.some((b) => b.id === selectedId)) {
      setSelectedId(builtIns[0]!.id);
      setViewIdInUrl(null);
      apply(builtIns[0]!.query);
    }
    onOpened?.();
  }, [saved.views, builtIns, selectedId, apply, onOpened]);

  const open = (id: string, query: ViewQueryOf<L>) => {
    setSelectedId(id);
    setViewIdInUrl(id);
    apply(query);
  };
  // Each change answers a toast; a refusal (a taken name, the 20 views limit) shows the server's sentence.
  const run = async <T>(action: () => Promise<T>, done: string): Promise<{ value: T } | null> => {
    setBusy(true);
    try {
      const value = await action();
      toast(done);
      return { value };
    } catch (error) {
      toast(t("savedViews.failed", { message: refusal(error) }), { error: true });
      return null;
    } finally {
      setBusy(false);
    }
  };
  const saveAs = async (name: string, query: ViewQueryOf<L>) => {
    const made = await run(() => saved.create(name.trim(), query), t("savedViews.created"));
    if (made) open(made.value.id, made.value.query);
    return made !== null;
  };

  const selected = views.find((v) => v.id === selectedId) ?? views[0]!;
  const dirty = !sameViewQuery(current, selected.query);
  return {
    tabs: views.map((v) =>
      v.builtIn
        ? { id: v.id, content: v.name, isLocked: true }
        : {
            id: v.id,
            content: v.name,
            actions: [
              {
                type: "rename",
                onPrimaryAction: async (name: string) =>
                  (await run(() => saved.update(v.id, { name: name.trim() }), t("savedViews.renamed"))) !==
                  null,
              },
              { type: "duplicate", onPrimaryAction: (name: string) => saveAs(name, v.query) },
              {
                type: "delete",
                onPrimaryAction: async () => {
                  const gone = await run(() => saved.remove(v.id), t("savedViews.deleted"));
                  if (gone && v.id === selectedId) open(builtIns[0]!.id, builtIns[0]!.query);
                  return gone !== null;
                },
              },
            ],
          },
    ),
    selected: views.indexOf(selected),
    onSelect: (index) => {
      const view = views[index];
      if (view && view.id !== selectedId) open(view.id, view.query);
    },
    canCreateNewView: saved.views !== null && saved.views.length < saved.limit,
    onCreateNewView: (name) => saveAs(name, current),
    primaryAction: selected.builtIn
      ? {
          type: "save-as",
          onAction: (name) => saveAs(name, current),
          disabled: !dirty || busy,
          loading: busy,
        }
      : {
          type: "save",
          onAction: async () =>
            (await run(() => saved.update(selected.id, { query: current }), t("savedViews.saved"))) !== null,
          disabled: !dirty || busy,
          loading: busy,
        },
    // Leaving the filters without saving puts back the selected view's.
    cancelAction: { onAction: () => apply(selected.query), disabled: busy, loading: false },
  };
}

// The server's sentence for the field or the request (a taken name, the limit), else the error's message.
function refusal(error: unknown): string {
  const field = Object.values(fieldErrorsOf(error) ?? {})[0]?.[0];
  const details = error instanceof ApiError ? error.body?.details : undefined;
  const form = (details as { formErrors?: string[] } | undefined)?.formErrors?.[0];
  return field ?? form ?? errorMessage(error);
}
