import { useTranslation } from "react-i18next";
import { IndexFilters, useSetIndexFiltersMode } from "@shopify/polaris";
import { useEffect, useState, type Dispatch, type SetStateAction } from "react";
import type { BackorderQuery } from "./backorders-contract.ts";

// Status tabs, and the overdue view (open lines whose ETA has passed).
const TABS = [
  { id: "open", content: "backorders.status.OPEN", status: "OPEN", overdue: false },
  { id: "overdue", content: "backorders.overdue", status: "OPEN", overdue: true },
  { id: "ready", content: "backorders.status.READY", status: "READY", overdue: false },
  { id: "fulfilled", content: "backorders.status.FULFILLED", status: "FULFILLED", overdue: false },
  { id: "cancelled", content: "backorders.status.CANCELLED", status: "CANCELLED", overdue: false },
  { id: "all", content: "backorders.all", status: "", overdue: false },
] as const;
/** The Backorders list's IndexFilters: status tabs, the search, and the product filter set from a row. */
export function BackorderFilters({
  query,
  searchInput,
  onSearchInput,
  productLabel,
  update,
  clearSelection,
}: {
  query: BackorderQuery;
  searchInput: string;
  onSearchInput: (value: string) => void;
  productLabel: string;
  update: (patch: Partial<BackorderQuery>) => void;
  clearSelection: () => void;
}) {
  const { t } = useTranslation();
  const { mode, setMode } = useSetIndexFiltersMode();
  const tab = Math.max(
    0,
    TABS.findIndex((x) => x.status === query.status && x.overdue === query.overdue),
  );
  return (
    <IndexFilters
      tabs={TABS.map((x) => ({ id: x.id, content: t(x.content) }))}
      selected={tab}
      onSelect={(index) => {
        const chosen = TABS[index] ?? TABS[0];
        clearSelection();
        update({ status: chosen.status, overdue: chosen.overdue });
      }}
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
      canCreateNewView={false}
      mode={mode}
      setMode={setMode}
      cancelAction={{ onAction: () => onSearchInput(""), disabled: false, loading: false }}
    />
  );
}

/** The search box's text, applied to the query (from page 1) 300 ms after the merchant stops typing. */
export function useSearchInput(setQuery: Dispatch<SetStateAction<BackorderQuery>>) {
  const [searchInput, setSearchInput] = useState("");
  useEffect(() => {
    const timer = setTimeout(
      () => setQuery((q) => (q.search === searchInput ? q : { ...q, search: searchInput, page: 1 })),
      300,
    );
    return () => clearTimeout(timer);
  }, [searchInput, setQuery]);
  return [searchInput, setSearchInput] as const;
}
