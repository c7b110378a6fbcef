export interface GraphqlLogEntry {
  at: Date;
  shop: string;
  apiVersion: string;
  operationName: string | null;
  operationType: "query" | "mutation" | null;
  query: string;
  variables: Record<string, unknown>;
  requestedCost: number | null;
  actualCost: number | null;
  throttled: boolean;
  /** Top-level error messages, if any (validation, throttling, resolver errors). */
  errors: string[];
}

export interface GraphqlRequest {
  apiVersion: string;
  accessToken: string | undefined;
  simulatedShop: string | undefined;
  body: unknown;
}

export interface GraphqlResponse {
  status: number;
  body: unknown;
}
