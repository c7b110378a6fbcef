import i18next from "i18next";
import { labelKey } from "../i18n/label-key.ts";
import type { TokenProvider } from "./session-token.ts";

// Refusals whose server message says nothing the merchant can act on beyond the code: worded in
// the admin's language (docs/api-errors.md lists the codes). Other codes carry a specific message
// (a field error arrives in the admin's language already, through Accept-Language).
const GENERIC_ERRORS = {
  rate_limited: "states.errors.rateLimited",
  unavailable: "states.errors.unavailable",
  unauthorized: "states.errors.unauthorized",
  forbidden: "states.errors.forbidden",
  payload_too_large: "states.errors.tooLarge",
  internal: "states.errors.internal",
} as const;

/** The sentence a failed request shows the merchant. */
function sentenceOf(status: number, body: ApiError["body"]): string {
  const generic = body?.error ? labelKey(GENERIC_ERRORS, body.error) : null;
  if (generic) return i18next.t(generic);
  return body?.message ?? body?.error ?? i18next.t("states.requestFailed", { status });
}

export class ApiError extends Error {
  readonly status: number;
  readonly body: { error?: string; message?: string; details?: unknown } | null;
  constructor(status: number, body: ApiError["body"]) {
    super(sentenceOf(status, body));
    this.name = "ApiError";
    this.status = status;
    this.body = body;
  }
  /** The /api catch-all answers this for a route that does not exist (yet). */
  get isMissingRoute(): boolean {
    return this.status === 404 && this.body?.error === "not_found" && !this.body.message;
  }
}

export type ApiRequest = {
  method?: string;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  signal?: AbortSignal;
};
export type ApiClient = {
  request: <T>(path: string, init?: ApiRequest) => Promise<T>;
  download: (path: string, fallbackName: string) => Promise<void>;
  shop: string | null;
};

/** A page opening fires several requests at once; the server's per-shop limits answer 429 with
 * Retry-After past a few in flight, so the client waits as told (at most 5 s) and tries again. */
const MAX_THROTTLED_RETRIES = 4;

async function waitRetryAfter(response: Response, signal?: AbortSignal): Promise<void> {
  await response.body?.cancel();
  const seconds = Number(response.headers.get("retry-after"));
  const ms = Math.min(5_000, Number.isFinite(seconds) && seconds > 0 ? seconds * 1_000 : 1_000);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms * (0.5 + Math.random() / 2));
    signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/** Every call goes to /api/* with a fresh session token; a 401 gets one retry with a new token, and
 * a 429 waits for its Retry-After. `language`: the admin's, sent as Accept-Language. */
export function createApiClient(tokens: TokenProvider, language = "en"): ApiClient {
  async function send(path: string, init: ApiRequest, accept: string): Promise<Response> {
    // The server words field errors in the admin's language (docs/admin-i18n.md).
    const headers: Record<string, string> = { Accept: accept, "Accept-Language": language };
    let body: string | undefined;
    if (init.rawBody !== undefined) {
      body = init.rawBody;
      headers["Content-Type"] = init.contentType ?? "text/plain";
    } else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers["Content-Type"] = "application/json";
    }
    let refreshed = false;
    for (let throttled = 0; ;) {
      headers.Authorization = `Bearer ${await tokens.getToken({ forceRefresh: refreshed })}`;
      const response = await fetch(`/api${path}`, {
        method: init.method ?? "GET",
        headers,
        body,
        signal: init.signal,
      });
      if (response.status === 429 && throttled < MAX_THROTTLED_RETRIES) {
        throttled++;
        await waitRetryAfter(response, init.signal);
        continue;
      }
      if (response.status !== 401 || refreshed) return response;
      refreshed = true;
    }
  }

  async function fail(response: Response): Promise<never> {
    const text = await response.text();
    let parsed: ApiError["body"];
    try {
      parsed = JSON.parse(text) as ApiError["body"];
    } catch {
      parsed = { message: text.slice(0, 200) || undefined };
    }
    throw new ApiError(response.status, parsed);
  }

  return {
    shop: tokens.shop,
    async request<T>(path: string, init: ApiRequest = {}): Promise<T> {
      const response = await send(path, init, "application/json");
      if (!response.ok) return fail(response);
      if (response.status === 204) return undefined as T;
      return (await response.json()) as T;
    },
    async download(path, fallbackName) {
      const response = await send(path, {}, "text/csv");
      if (!response.ok) return fail(response);
      const disposition = response.headers.get("content-disposition") ?? "";
      const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
      const url = URL.createObjectURL(await response.blob());
      const anchor = document.createElement("a");
      anchor.href = url;
      anchor.download = name;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  };
}
