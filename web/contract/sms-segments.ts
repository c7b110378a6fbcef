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
