// The GSM 03.38 default alphabet and its extension table (each extension character costs two
// septets). Any other character makes the whole message UCS-2 (docs/sms.md).
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENDED = "^{}\\[~]|€\f";

export type SegmentCount = { encoding: "GSM-7" | "UCS-2"; units: number; segments: number };

/**
 * How many SMS segments `text` costs: GSM-7 fits 160 septets in one message, 153 per part when
 * split; UCS-2 fits 70 UTF-16 units, 67 per part. Pure: the admin's editor shows it live.
 */
export function countSmsSegments(text: string): SegmentCount {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (GSM_BASIC.includes(ch)) septets += 1;
    else if (GSM_EXTENDED.includes(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return { encoding: "GSM-7", units: septets, segments: split(septets, 160, 153) };
  const units = text.length; // UTF-16 code units, as UCS-2 counts them (an emoji is two)
  return { encoding: "UCS-2", units, segments: split(units, 70, 67) };
}

function split(units: number, single: number, part: number): number {
  if (units === 0) return 0;
  return units <= single ? 1 : Math.ceil(units / part);
}

// Sample values of a typical length: a text's segments depend on what its variables become.
const SAMPLE_STORE = "https://alpine-outfitters.example";
const SMS_SAMPLE_VALUES: Record<string, string> = {
  "shop.name": "Alpine Outfitters",
  "shop.url": SAMPLE_STORE,
  product_title: "Merino Trail Hoodie",
  variant_title: "Forest / M",
  url: `${SAMPLE_STORE}/products/merino-trail-hoodie?variant=45678901234567890&utm_source=backorder-hub&utm_medium=sms&utm_campaign=restock&bh_token=6f1c9e1e-6b1c-4d7e-9a8b-0c2d3e4f5a6b.Xq3b9Zk1Lm0PqRsTuVwXyA`,
  alerts_url: `${SAMPLE_STORE}/apps/backorder/alerts`,
  renew_url:
    "https://backorder-hub.example/subscriptions/renew/6f1c9e1e-6b1c-4d7e-9a8b-0c2d3e4f5a6b.Xq3b9Zk1Lm0PqRsTuVwXyA",
  expires_on: "15 Jan 2027",
};

/**
 * A template's text as a shopper would get it, for counting segments: each `{{ variable }}` (any
 * filters ignored) becomes a sample value of typical length and `{% ... %}` tags are dropped (both
 * branches of an `if` count, so the estimate errs long). Pure: the editor counts it as you type.
 */
export function smsPreviewText(template: string): string {
  return template
    .replace(/\{%-?[\s\S]*?-?%\}/g, "")
    .replace(/\{\{-?\s*([\w.]+)[^}]*?-?\}\}/g, (_m, name: string) => SMS_SAMPLE_VALUES[name] ?? "")
    .replace(/\s+/g, " ")
    .trim();
}
