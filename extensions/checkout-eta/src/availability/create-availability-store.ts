import { signal } from "@preact/signals";
import type { ReadableSignal, StorefrontQuery } from "../api/eta-api.ts";
import { queryAvailability } from "./query-availability.ts";

export interface AvailabilityState {
  /** variants whose stock is being read: their notice waits, so it does not flip */
  readonly pending: ReadonlySet<string>;
  readonly available: ReadonlyMap<string, number>;
}

export interface AvailabilityStore {
  readonly state: ReadableSignal<AvailabilityState>;
  /** Reads the stock of variants not read yet; resolves when their state is settled. */
  request(variantIds: readonly string[]): Promise<void>;
}

export const SETTLED_EMPTY: AvailabilityState = { pending: new Set(), available: new Map() };

function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([promise, timedOut]).finally(() => clearTimeout(timer));
}

export function createAvailabilityStore(query: StorefrontQuery, timeoutMs = 3000): AvailabilityStore {
  const state = signal<AvailabilityState>(SETTLED_EMPTY);
  const requested = new Set<string>();

  async function request(variantIds: readonly string[]): Promise<void> {
    const ids = [...new Set(variantIds)].filter((id) => !requested.has(id));
    if (ids.length === 0) return;
    for (const id of ids) requested.add(id);
    state.value = { ...state.value, pending: new Set([...state.value.pending, ...ids]) };
    // Stock is a refinement of the metafield notice: a failed or slow read must show the
    // metafield notice, never leave the line blank or break checkout.
    const read = queryAvailability(query, ids).catch(() => new Map<string, number>());
    const available = await withTimeout(read, timeoutMs, new Map<string, number>());
    const pending = new Set(state.value.pending);
    for (const id of ids) pending.delete(id);
    state.value = { pending, available: new Map([...state.value.available, ...available]) };
  }

  return { state, request };
}
