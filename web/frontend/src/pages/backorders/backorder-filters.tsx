import { useTranslation } from "react-i18next";
import { IndexFilters, useSetIndexFiltersMode } from "@shopify/polaris";
import { useCallback, useEffect, useMemo, useState, type Dispatch, type SetStateAction } from "react";
import { useViewTabs, type ViewTabs } from "../../components/saved-views/use-view-tabs.ts";
import type { BackorderQuery, BackorderViewQuery } from "./backorders-contract.ts";

const view = (status: BackorderViewQuery["status"], overdue = false): BackorderViewQuery => ({
  status,
  overdue,
  search: "",
  product: "",
});
// The built-in views: status tabs, and the overdue view (open lines whose ETA has passed).
export const BACKORDER_VIEWS = [
  { id: "open", content: "backorders.status.OPEN", query: view("OPEN") },
  { id: "overdue", content: "backorders.overdue", query: view("OPEN", true) },
  { id: "ready", content: "backorders.status.READY", query: view("READY") },
  { id: "fulfilled", content: "backorders.status.FULFILLED", query: view("FULFILLED") },
  { id: "cancelled", content: "backorders.status.CANCELLED", query: view("CANCELLED") },
  { id: "all", content: "backorders.all", query: view("") },
] as const;

/**
 * The list's views as tabs, built-in then saved (use-view-tabs.ts): selecting one sets the list's
 * filters and the search box, and clears the rows' selection.
 */
export function useBackorderViews(
  query: BackorderQuery,
  setQuery: Dispatch<SetStateAction<BackorderQuery>>,
  [searchInput, setSearchInput]: readonly [string, (value: string) => void],
  clearSelection: () => void,
  onOpened: (opening: false) => void,
): ViewTabs {
  const { t } = useTranslation();
  return useViewTabs({
    list: "backorders",
    builtIns: useMemo(
      () => BACKORDER_VIEWS.map((v) => ({ id: v.id, label: t(v.content), query: v.query })),
      [t],
    ),
    current: { status: query.status, overdue: query.overdue, search: searchInput, product: query.product },
    apply: useCallback(
      (view: BackorderViewQuery) => {
        clearSelection();
        setSearchInput(view.search);
        setQuery((q) => ({ ...q, ...view, page: 1 }));
      },
      [clearSelection, setSearchInput, setQuery],
    ),
    onOpened: useCallback(() => onOpened(false), [onOpened]),
  });
}

/** The Backorders list's IndexFilters: its views as tabs, the search, and the product filter set from a row. */
export function BackorderFilters({
  views,
  query,
  searchInput,
  onSearchInput,
  productLabel,
  update,
}: {
  views: ViewTabs;
  query: BackorderQuery;
  searchInput: string;
  onSearchInput: (value: string) => void;
  productLabel: string;
  update: (patch: Partial<BackorderQuery>) => void;
}) {
  const { t } = useTranslation();
  const { mode, setMode } = useSetIndexFiltersMode();
  return (
    <IndexFilters
      {...views}
      queryValue={searchInput}
      queryPlaceholder={t("backorders.searchByOrderCustomerProduct")}
      onQueryChange={onSearchInput}
      onQueryClear={() => onSearchInput("")}
      filters={[]}
      appliedFilters={
        query.product
          ? [
              {
                key: "product",
                label: t("backorders.productFilter", { product: productLabel }),
                onRemove: () => update({ product: "" }),
              },
            ]
          : []
      }
      onClearAll={() => {
        onSearchInput("");
        update({ product: "" });
      }}
      mode={mode}
      setMode={setMode}
    />
  );
}

/** The search box's text, applied to the query (from page 1) 300 ms after the merchant stops typing. */
export function useSearchInput(setQuery: Dispatch<SetStateAction<BackorderQuery>>, initial: string) {
  const [searchInput, setSearchInput] = useState(initial);
  useEffect(() => {
    const timer = setTimeout(
      () => setQuery((q) => (q.search === searchInput ? q : { ...q, search: searchInput, page: 1 })),
      300,
    );
    return () => clearTimeout(timer);
  }, [searchInput, setQuery]);
  return [searchInput, setSearchInput] as const;
}
