// The variant controls form (GET/PUT /api/controls/variants/:id; shapes in web/contract/).
import type { TFunction } from "i18next";
import type { VariantControlView } from "../../../../contract/api-responses.ts";

export type VariantControl = VariantControlView;

export type ControlForm = {
  backorderCap: string;
  windowStartsAt: string;
  windowEndsAt: string;
  windowEtaDays: string;
};

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
export function switchExplanation(c: VariantControl, t: TFunction): string {
  if (c.switchReason === "cap")
    return c.effectiveCap !== null
      ? t("etas.capReachedOf", { cap: c.effectiveCap, backordered: c.backorderedUnits })
      : t("etas.capReached", { backordered: c.backorderedUnits });
  if (c.switchReason === "window") return t("etas.outsideWindow");
  return t("etas.limitReached");
}
