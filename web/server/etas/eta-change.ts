/** An ETA change as the edit modal, the bulk editor, a CSV import or the merchant API hands it over, and which of them it came from. */
export type EtaSetSource = "manual" | "bulk" | "csv" | "api";

export type EtaChange = {
  variantId: bigint;
  /** `YYYY-MM-DD` (already validated) or null to clear the explicit date. */
  eta: string | null;
  /** undefined keeps the current message; null clears it. */
  message?: string | null;
};
