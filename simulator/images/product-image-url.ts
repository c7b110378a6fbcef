/**
 * Where the simulator serves product photos: like a shop's own `/cdn/shop/files/...`, but from the
 * simulator, which the playground and CI can reach (Shopify's CDN they cannot).
 */
export const PRODUCT_IMAGE_PATH = "/cdn/shop/files";

const FILE = /^([a-z0-9][a-z0-9-]{0,63})\.png$/;

/** The image path for a file name, e.g. `/cdn/shop/files/backpack.png`. */
export function productImagePath(name: string): string {
  return `${PRODUCT_IMAGE_PATH}/${name}.png`;
}

/** The image name of a served file name (`backpack.png` -> `backpack`), or null. */
export function productImageName(file: string): string | null {
  return FILE.exec(file)?.[1] ?? null;
}

/**
 * Products keep their image as given: a full URL, or a simulator path that is resolved against the
 * simulator's origin when it leaves (Admin API, webhooks), so a saved state survives a new port.
 */
export function absoluteImageUrl(imageUrl: string | null, origin: string): string | null {
  if (!imageUrl) return null;
  return imageUrl.startsWith("/") && origin ? new URL(imageUrl, origin).toString() : imageUrl;
}
