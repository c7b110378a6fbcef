import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { AccessTokenRecord } from "./auth/access-tokens.ts";
import { FIRST_ID } from "./constants.ts";
import type { Store } from "./store/create-store.ts";
import { levelKey } from "./store/create-store.ts";
import type {
  SimBulkOperation,
  SimCustomer,
  SimDiscount,
  SimInventoryItem,
  SimInventoryLevel,
  SimLocation,
  SimMetafield,
  SimMetafieldDefinition,
  SimOrder,
  SimProduct,
  SimShop,
  SimVariant,
} from "./store/store-types.ts";

/**
 * Everything the app may hold a reference to: records (their ids), the id counter (so a restarted
 * simulator never hands out an id twice), the app id (its `$app` namespace) and the access tokens
 * the app stored. Throttle buckets, logs and webhook attempts are per run.
 */
export interface SimState {
  version: 1;
  appId: bigint;
  nextId: bigint;
  shops: SimShop[];
  locations: SimLocation[];
  products: SimProduct[];
  variants: SimVariant[];
  inventoryItems: SimInventoryItem[];
  levels: SimInventoryLevel[];
  customers: SimCustomer[];
  orders: SimOrder[];
  metafields: SimMetafield[];
  /** Absent in states saved before definitions were simulated. */
  metafieldDefinitions?: SimMetafieldDefinition[];
  bulkOperations: SimBulkOperation[];
  discounts: SimDiscount[];
  accessTokens: AccessTokenRecord[];
}

/** Replaces the store's id counter with one that starts at `next` and can be read without consuming. */
export function installIdCounter(store: Store, next: bigint = FIRST_ID): () => bigint {
  let counter = next;
  store.nextId = () => {
    const id = counter;
    counter += 2n;
    return id;
  };
  return () => counter;
}

export function snapshotStore(
  store: Store,
  extra: { appId: bigint; nextId: bigint; accessTokens: AccessTokenRecord[] },
): SimState {
  // A deep copy: the snapshot is serialised later, after the store may have moved on.
  return structuredClone({
    version: 1,
    ...extra,
    shops: [...store.shops.values()],
    locations: [...store.locations.values()],
    products: [...store.products.values()],
    variants: [...store.variants.values()],
    inventoryItems: [...store.inventoryItems.values()],
    levels: [...store.levels.values()],
    customers: [...store.customers.values()],
    orders: [...store.orders.values()],
    metafields: [...store.metafields.values()],
    metafieldDefinitions: [...store.metafieldDefinitions.values()],
    bulkOperations: [...store.bulkOperations.values()],
    discounts: [...store.discounts.values()],
  });
}

export function restoreStore(store: Store, state: SimState): void {
  const byId = <T extends { id: bigint }>(map: Map<bigint, T>, rows: T[]) => {
    for (const row of rows) map.set(row.id, row);
  };
  for (const shop of state.shops) store.shops.set(shop.domain, shop);
  for (const level of state.levels)
    store.levels.set(levelKey(level.inventoryItemId, level.locationId), level);
  byId(store.locations, state.locations);
  byId(store.products, state.products);
  byId(store.variants, state.variants);
  byId(store.inventoryItems, state.inventoryItems);
  byId(store.customers, state.customers);
  byId(store.orders, state.orders);
  byId(store.metafields, state.metafields);
  byId(store.metafieldDefinitions, state.metafieldDefinitions ?? []);
  byId(store.bulkOperations, state.bulkOperations);
  byId(store.discounts, state.discounts);
}

// JSON has neither bigints nor dates: both travel as one-key marker objects.
const BIGINT = "$bigint";
const DATE = "$date";

export function serializeState(state: SimState): string {
  return JSON.stringify(
    state,
    function (this: Record<string, unknown>, key: string, value: unknown) {
      const raw = this[key];
      if (raw instanceof Date) return { [DATE]: raw.toISOString() };
      if (typeof value === "bigint") return { [BIGINT]: value.toString() };
      return value;
    },
    1,
  );
}

export function parseState(text: string): SimState {
  const state = JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const keys = Object.keys(value);
      const record = value as Record<string, unknown>;
      if (keys.length === 1 && typeof record[BIGINT] === "string") return BigInt(record[BIGINT]);
      if (keys.length === 1 && typeof record[DATE] === "string") return new Date(record[DATE]);
    }
    return value;
  }) as SimState;
  if (state.version !== 1) throw new Error(`unsupported simulator state version ${String(state.version)}`);
  return state;
}

export async function loadStateFile(file: string): Promise<SimState | null> {
  try {
    return parseState(await readFile(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export interface StatePersister {
  /** Saves soon; calls within the debounce window are merged into one write. */
  schedule(): void;
  /** Writes now (shutdown) and waits for it. */
  flush(): Promise<void>;
}

/** Writes `read()` to `file` after changes, atomically (temp file + rename), one write at a time. */
export function createStatePersister(opts: {
  file: string;
  read: () => SimState;
  debounceMs?: number;
  onError?: (error: unknown) => void;
}): StatePersister {
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  const write = () => {
    const text = serializeState(opts.read());
    writing = writing
      .then(async () => {
        await mkdir(dirname(opts.file), { recursive: true });
        const temp = `${opts.file}.${process.pid}.tmp`;
        await writeFile(temp, text);
        await rename(temp, opts.file);
      })
      .catch((error: unknown) => opts.onError?.(error));
    return writing;
  };
  return {
    schedule() {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void write();
      }, opts.debounceMs ?? 250);
    },
    async flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      await write();
    },
  };
}
