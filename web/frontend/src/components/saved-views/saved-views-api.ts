import { useCallback, useEffect, useState } from "react";
import type {
  SavedViewList,
  SavedViewOf,
  SavedViewResponse,
  SavedViewsResponse,
} from "../../../../contract/api-responses.ts";
import { useApi, useApiClient } from "../../api/use-api.ts";

export type ViewQueryOf<L extends SavedViewList> = SavedViewOf<L>["query"];

/**
 * The shop's saved views of a list (GET /api/saved-views/:list), kept in step with each change the
 * merchant makes: create, rename or change the query, delete. `views` is null until loaded.
 */
export function useSavedViewsApi<L extends SavedViewList>(list: L) {
  const api = useApiClient();
  const state = useApi<SavedViewsResponse<L>>(`/saved-views/${list}`);
  const [views, setViews] = useState<SavedViewOf<L>[] | null>(null);
  // Views that cannot be read count as none (the list still opens); the server still holds the limit.
  useEffect(() => {
    if (state.data) setViews(state.data.views);
    else if (state.error) setViews([]);
  }, [state.data, state.error]);

  const create = useCallback(
    async (name: string, query: ViewQueryOf<L>) => {
      const { view } = await api.request<SavedViewResponse<L>>(`/saved-views/${list}`, {
        method: "POST",
        body: { name, query },
      });
      setViews((all) => [...(all ?? []), view]);
      return view;
    },
    [api, list],
  );
  const update = useCallback(
    async (id: string, change: { name?: string; query?: ViewQueryOf<L> }) => {
      const { view } = await api.request<SavedViewResponse<L>>(`/saved-views/${list}/${id}`, {
        method: "PATCH",
        body: change,
      });
      setViews((all) => (all ?? []).map((v) => (v.id === id ? view : v)));
      return view;
    },
    [api, list],
  );
  const remove = useCallback(
    async (id: string) => {
      await api.request<void>(`/saved-views/${list}/${id}`, { method: "DELETE" });
      setViews((all) => (all ?? []).filter((v) => v.id !== id));
    },
    [api, list],
  );
  return { views, limit: state.data?.limit ?? 0, create, update, remove };
}
