import { crc32, deflateSync } from "node:zlib";

/** Square product photos, as a theme's product grid expects them. */
export const PRODUCT_IMAGE_SIZE = 600;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A stand-in product photo for `name`, as a PNG (which every browser and mail client shows, unlike
 * SVG): a backdrop, a rounded object with a soft shadow, colours derived from the name, so each
 * product looks different and the same one looks the same after a restart. Pure; no assets to ship.
 */
export function renderProductImage(name: string, size = PRODUCT_IMAGE_SIZE): Buffer {
  const hue = hashOf(name) % 360;
  const backdrop = hsl(hue, 0.35, 0.9);
  const object = hsl((hue + 25) % 360, 0.45, 0.5);
  const highlight = hsl((hue + 25) % 360, 0.5, 0.66);
  const shadow = hsl(hue, 0.2, 0.78);
  const rowBytes = size * 3 + 1;
  const raw = Buffer.alloc(rowBytes * size);
  const c = size / 2;
  const r = size * 0.28;
  for (let y = 0; y < size; y++) {
    raw[y * rowBytes] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let color = backdrop;
      // A flattened ellipse under the object: its shadow on the floor.
      const sx = (x - c) / (r * 1.1);
      const sy = (y - (c + r * 1.05)) / (r * 0.22);
      if (sx * sx + sy * sy <= 1) color = shadow;
      // The object: a rounded square (superellipse), lit from the top left.
      const ox = Math.abs(x - c) / r;
      const oy = Math.abs(y - c) / r;
      if (ox ** 4 + oy ** 4 <= 1) {
        const lx = (x - (c - r * 0.35)) / (r * 0.45);
        const ly = (y - (c - r * 0.35)) / (r * 0.45);
        color = lx * lx + ly * ly <= 1 ? highlight : object;
      }
      const at = y * rowBytes + 1 + x * 3;
      raw[at] = color[0];
      raw[at + 1] = color[1];
      raw[at + 2] = color[2];
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function hashOf(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

function hsl(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return [Math.round(f(0) * 255), Math.round(f(8) * 255), Math.round(f(4) * 255)];
}
