import { IndexFilters, useSetIndexFiltersMode, type IndexFiltersProps } from "@shopify/polaris";
import { useEffect, useState } from "react";

export type ListSearch = ReturnType<typeof useListSearch>;

/**
 * A list's search box state, kept by the page (the filters may remount as the list changes): the
 * text as typed, committed with `commit` 300 ms after the merchant stops typing, and the filters' mode.
 */
export function useListSearch(commit: (text: string) => void) {
  const { mode, setMode } = useSetIndexFiltersMode();
  const [input, setInput] = useState("");
  const [latest] = useState(() => ({ commit }));
  latest.commit = commit;
  useEffect(() => {
    const timer = setTimeout(() => latest.commit(input), 300);
    return () => clearTimeout(timer);
  }, [input, latest]);
  return { input, setInput, mode, setMode };
}

/** IndexFilters with views as tabs, the search box and, when given, sort choices; no other filters. */
export function SearchTabsFilters({
  search,
  tabs,
  selected,
  onSelect,
  placeholder,
  sortOptions,
  sortSelected,
  onSort,
}: {
  search: ListSearch;
  tabs: { id: string; content: string }[];
  selected: string;
  onSelect: (id: string) => void;
  placeholder: string;
  sortOptions?: NonNullable<IndexFiltersProps["sortOptions"]>;
  sortSelected?: string;
  onSort?: (value: string) => void;
}) {
  const clear = () => search.setInput("");
  return (
    <IndexFilters
      tabs={tabs}
      selected={Math.max(
        0,
        tabs.findIndex((t) => t.id === selected),
      )}
      onSelect={(index) => onSelect(tabs[index]?.id ?? tabs[0]?.id ?? "")}
      queryValue={search.input}
      queryPlaceholder={placeholder}
      onQueryChange={search.setInput}
      onQueryClear={clear}
      {...(sortOptions && onSort
        ? {
            sortOptions,
            sortSelected: [sortSelected ?? sortOptions[0]?.value ?? ""],
            onSort: ([value]: string[]) => onSort(value ?? ""),
          }
        : {})}
      filters={[]}
      onClearAll={clear}
      canCreateNewView={false}
      mode={search.mode}
      setMode={search.setMode}
      cancelAction={{ onAction: clear, disabled: false, loading: false }}
    />
  );
}
