// One line of quoted-printable (RFC 2045 6.7) in one pass over its bytes, for the lines of a wave
// message that hold a subscriber's values (raw-mime-template.ts fills a few per message). The
// general encoder goes through a regular-expression wrap afterwards; on these lines that was the
// largest cost of filling a message (docs/fanout-performance.md).

const HEX = Buffer.from("0123456789ABCDEF", "latin1");
/** An encoded line holds at most 75 characters before its soft break `=`, so 76 in all. */
const MAX_BEFORE_BREAK = 75;
const EQUALS = 0x3d;
const CR = 0x0d;
const LF = 0x0a;

// 1 where a byte is written as it is: printable ASCII but `=`, and tab.
const LITERAL = new Uint8Array(256);
for (let b = 0x20; b <= 0x7e; b++) LITERAL[b] = b === EQUALS ? 0 : 1;
LITERAL[0x09] = 1;

// Scratch space, reused: a message's few slot lines are encoded one after the other.
let input = Buffer.allocUnsafe(1024);
let output = Buffer.allocUnsafe(4096);

/**
 * `line` (no line break in it) quoted-printable encoded as UTF-8, soft-wrapped so no line is over
 * 76 characters; a character's bytes are never split across lines, and whitespace that would end
 * the line is encoded.
 */
export function encodeQpLine(line: string): string {
  if (input.length < line.length * 3) input = Buffer.allocUnsafe(line.length * 3);
  const length = input.write(line, 0, "utf8");
  // Each byte takes at most 3 characters, and a soft break 3 more per 25 bytes at worst.
  if (output.length < length * 4 + 8) output = Buffer.allocUnsafe(length * 4 + 8);
  let pos = 0;
  let width = 0;
  for (let i = 0; i < length;) {
    const lead = input[i]!;
    // The character's bytes: one for ASCII, else the lead byte's count of continuation bytes.
    let end = i + 1;
    while (end < length && (input[end]! & 0xc0) === 0x80 && lead >= 0xc0) end++;
    const literal =
      end === i + 1 && LITERAL[lead] === 1 && !(end === length && (lead === 0x20 || lead === 0x09));
    const tokenWidth = literal ? 1 : 3 * (end - i);
    if (width + tokenWidth > MAX_BEFORE_BREAK) {
      output[pos++] = EQUALS;
      output[pos++] = CR;
      output[pos++] = LF;
      width = 0;
    }
    if (literal) output[pos++] = lead;
    else {
      for (let b = i; b < end; b++) {
        const byte = input[b]!;
        output[pos++] = EQUALS;
        output[pos++] = HEX[byte >> 4]!;
        output[pos++] = HEX[byte & 15]!;
      }
    }
    width += tokenWidth;
    i = end;
  }
  return output.toString("latin1", 0, pos);
}
