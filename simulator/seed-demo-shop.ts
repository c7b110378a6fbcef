import type { CreateProductInput } from "./actions/create-product.ts";
import { productImagePath } from "./images/product-image-url.ts";
import type { Simulator } from "./simulator-types.ts";

export interface SeededProduct {
  productId: bigint;
  variants: Array<{ title: string; variantId: bigint; inventoryItemId: bigint }>;
}

export interface SeededShop {
  shop: string;
  locationIds: bigint[];
  products: Record<string, SeededProduct>;
}

// Photos the simulator serves itself: Shopify's CDN is out of reach in the playground and CI.
const img = productImagePath;
const sizes = (prices: string, stock: number[], sku: string): CreateProductInput["variants"] =>
  ["S", "M", "L", "XL"].map((size, i) => ({
    title: size,
    sku: `${sku}-${size}`,
    price: prices,
    inventoryPolicy: "CONTINUE" as const,
    inventory: stock[i] ?? 0,
  }));

/** Stock situations the app must handle: in stock, low, sold out (deny / backorderable), untracked, sizes. */
export const DEMO_PRODUCTS: CreateProductInput[] = [
  {
    title: "Alpine Trail Backpack",
    handle: "alpine-trail-backpack",
    imageUrl: img("backpack"),
    variants: [
      { title: "Default Title", sku: "BAG-ALP-01", price: "129.00", inventoryPolicy: "DENY", inventory: 42 },
    ],
  },
  {
    title: "Ceramic Pour-Over Set",
    handle: "ceramic-pour-over-set",
    imageUrl: img("pour-over"),
    variants: [
      { title: "Default Title", sku: "KIT-POUR-01", price: "58.00", inventoryPolicy: "DENY", inventory: 3 },
    ],
  },
  {
    title: "Merino Wool Beanie",
    handle: "merino-wool-beanie",
    imageUrl: img("beanie"),
    variants: [
      { title: "Default Title", sku: "HAT-MER-01", price: "34.00", inventoryPolicy: "DENY", inventory: 0 },
    ],
  },
  {
    title: "Handwoven Linen Throw",
    handle: "handwoven-linen-throw",
    imageUrl: img("throw"),
    variants: [
      {
        title: "Default Title",
        sku: "HOM-LIN-01",
        price: "89.00",
        inventoryPolicy: "CONTINUE",
        inventory: 0,
      },
    ],
  },
  {
    title: 'Cast Iron Skillet 10"',
    handle: "cast-iron-skillet",
    imageUrl: img("skillet"),
    variants: [
      {
        title: "Default Title",
        sku: "KIT-CST-10",
        price: "45.00",
        inventoryPolicy: "CONTINUE",
        inventory: -2,
      },
    ],
  },
  {
    title: "Digital Gift Card",
    handle: "digital-gift-card",
    imageUrl: img("gift-card"),
    variants: [
      { title: "Default Title", sku: "GIFT-DIG", price: "50.00", inventoryPolicy: "DENY", tracked: false },
    ],
  },
  {
    title: "Organic Cotton Tee",
    handle: "organic-cotton-tee",
    imageUrl: img("tee"),
    variants: sizes("28.00", [12, 4, 0, 0], "TEE-ORG"),
  },
  {
    title: "Waxed Canvas Jacket",
    handle: "waxed-canvas-jacket",
    imageUrl: img("jacket"),
    variants: sizes("210.00", [0, 2, 1, 0], "JKT-WAX"),
  },
  {
    title: "Stoneware Mug",
    handle: "stoneware-mug",
    imageUrl: img("mug"),
    variants: [
      { title: "Sand", sku: "MUG-STN-SAND", price: "22.00", inventoryPolicy: "DENY", inventory: 18 },
      { title: "Slate", sku: "MUG-STN-SLATE", price: "22.00", inventoryPolicy: "DENY", inventory: 0 },
      { title: "Moss", sku: "MUG-STN-MOSS", price: "22.00", inventoryPolicy: "CONTINUE", inventory: 1 },
    ],
  },
  {
    title: "Leather Card Wallet",
    handle: "leather-card-wallet",
    imageUrl: img("wallet"),
    variants: [
      { title: "Default Title", sku: "ACC-WAL-01", price: "39.00", inventoryPolicy: "DENY", inventory: 1 },
    ],
  },
  {
    title: "Limited Edition Print",
    handle: "limited-edition-print",
    imageUrl: img("print"),
    variants: [
      {
        title: "Default Title",
        sku: "ART-LTD-07",
        price: "150.00",
        inventoryPolicy: "CONTINUE",
        inventory: 0,
      },
    ],
  },
  {
    title: "Beeswax Candle Trio",
    handle: "beeswax-candle-trio",
    imageUrl: img("candles"),
    variants: [
      { title: "Default Title", sku: "HOM-CAN-03", price: "36.00", inventoryPolicy: "DENY", inventory: 120 },
    ],
  },
];

/** Creates a demo shop (two locations) with the products above. */
export function seedDemoShop(sim: Simulator, input: { domain?: string; name?: string } = {}): SeededShop {
  const shop = sim.createShop({
    domain: input.domain ?? "demo-shop.myshopify.com",
    name: input.name ?? "Demo Shop",
    locations: ["Main warehouse", "Brooklyn store"],
    // The theme extension's languages, so /de/products/... shows the German storefront.
    alternateLocales: ["fr", "de", "es"],
  });
  const products: Record<string, SeededProduct> = {};
  for (const definition of DEMO_PRODUCTS) {
    const { product, variants } = sim.createProduct(shop.domain, definition);
    products[product.handle] = {
      productId: product.id,
      variants: variants.map((v) => ({
        title: v.title,
        variantId: v.id,
        inventoryItemId: v.inventoryItemId,
      })),
    };
  }
  return { shop: shop.domain, locationIds: shop.locationIds, products };
}
