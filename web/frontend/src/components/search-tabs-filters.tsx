import { IndexFilters, useSetIndexFiltersMode, type IndexFiltersProps } from "@shopify/polaris";
import { useEffect, useState } from "react";
import type { ViewTabs } from "./saved-views/use-view-tabs.ts";

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

type Tabs =
  | { tabs: { id: string; content: string }[]; selected: string; onSelect: (id: string) => void }
  /** Built-in and saved views (use-view-tabs.ts): selecting, saving, renaming and deleting. */
  | { views: ViewTabs };

/** IndexFilters with views as tabs, the search box and, when given, sort choices; no other filters. */
export function SearchTabsFilters({
  search,
  placeholder,
  sortOptions,
  sortSelected,
  onSort,
  ...views
}: Tabs & {
  search: ListSearch;
  placeholder: string;
  sortOptions?: NonNullable<IndexFiltersProps["sortOptions"]>;
  sortSelected?: string;
  onSort?: (value: string) => void;
}) {
  const clear = () => search.setInput("");
  return (
    <IndexFilters
      {...("views" in views ? views.views : fixedTabs(views, clear))}
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
      mode={search.mode}
      setMode={search.setMode}
    />
  );
}

function fixedTabs({ tabs, selected, onSelect }: Exclude<Tabs, { views: ViewTabs }>, clear: () => void) {
  return {
    tabs,
    selected: Math.max(
      0,
      tabs.findIndex((t) => t.id === selected),
    ),
    onSelect: (index: number) => onSelect(tabs[index]?.id ?? tabs[0]?.id ?? ""),
    canCreateNewView: false,
    cancelAction: { onAction: clear, disabled: false, loading: false },
  } satisfies ViewTabs;
}
