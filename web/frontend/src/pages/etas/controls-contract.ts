// GET/PUT /api/controls/variants/:variantId (web/server/controls/variant-controls.ts).

export type VariantControl = {
  backorderCap: number | null;
  /** The cap in force: the variant's, else its product's, else the shop's default. */
  effectiveCap: number | null;
  windowStartsAt: string | null;
  windowEndsAt: string | null;
  windowEtaDays: number | null;
  switchedByApp: boolean;
  switchReason: string | null;
  merchantOverride: boolean;
  inventoryPolicy: string;
  backorderedUnits: number;
};

export type ControlForm = {
  backorderCap: string;
  windowStartsAt: string;
  windowEndsAt: string;
  windowEtaDays: string;
};

export function readControl(body: unknown): VariantControl {
  const c = ((body as Record<string, unknown>).control ?? {}) as Record<string, unknown>;
  const n = (v: unknown) => (typeof v === "number" ? v : null);
  const s = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    backorderCap: n(c.backorderCap),
    effectiveCap: n(c.effectiveCap),
    windowStartsAt: s(c.windowStartsAt),
    windowEndsAt: s(c.windowEndsAt),
    windowEtaDays: n(c.windowEtaDays),
    switchedByApp: c.switchedByApp === true,
    switchReason: s(c.switchReason),
    merchantOverride: c.merchantOverride === true,
    inventoryPolicy: String(c.inventoryPolicy ?? ""),
    backorderedUnits: Number(c.backorderedUnits ?? 0),
  };
}

// <input type="datetime-local"> speaks the browser's local time without a zone; the API speaks ISO instants.
export function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (x: number) => String(x).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromLocalInput(value: string): string | null {
  if (!value.trim()) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

const optionalInt = (v: string) => (v.trim() === "" ? null : Number(v));

export function toControlForm(c: VariantControl): ControlForm {
  return {
    backorderCap: c.backorderCap === null ? "" : String(c.backorderCap),
    windowStartsAt: toLocalInput(c.windowStartsAt),
    windowEndsAt: toLocalInput(c.windowEndsAt),
    windowEtaDays: c.windowEtaDays === null ? "" : String(c.windowEtaDays),
  };
}

/** The PUT body; empty fields clear the control (null). */
export function fromControlForm(f: ControlForm): Record<string, unknown> {
  return {
    backorderCap: optionalInt(f.backorderCap),
    windowStartsAt: fromLocalInput(f.windowStartsAt),
    windowEndsAt: fromLocalInput(f.windowEndsAt),
    windowEtaDays: optionalInt(f.windowEtaDays),
  };
}

/** Why the app holds the variant at "stop selling", in the merchant's words. */
export function switchExplanation(c: VariantControl): string {
  if (c.switchReason === "cap")
    return `Its backorder cap${c.effectiveCap !== null ? ` of ${c.effectiveCap} units` : ""} was reached (${c.backorderedUnits} backordered).`;
  if (c.switchReason === "window") return "It is outside its backorder selling window.";
  return "A backorder limit was reached.";
}
