import { fromCents, moneySet, toCents } from "../../simulator/payloads/money.ts";

// A realistic orders/create body, in the shape of Shopify's REST Order resource as webhooks deliver
// it (docs/ingress-performance.md lists the parts): ten line items, each with a tax line and a
// discount allocation, a customer, billing and shipping addresses, a
// shipping line, a discount code and its application. Ids are 64-bit and above 2^53, written as
// JSON numbers, so the app's lossless path is exercised. Deterministic for a given order number.

const CURRENCY = "USD";
const LINES = 10;
const TAXES = [{ title: "Oregon Sales Tax", rate: 0.0725 }];
const DISCOUNT_RATE = 0.1;
const BIG = 900_000_000_000_000_000n;

/** One orders/create body of `LINES` line items for order `n` (0-based), as Shopify would send it. */
export function orderCreatePayload(n: number, shopDomain: string): string {
  const orderId = BIG + BigInt(n);
  const customerId = 7_100_000_000_000n + BigInt(n % 997);
  const created = new Date(Date.UTC(2026, 11, 1, 9, 0, 0) + n * 61_000)
    .toISOString()
    .replace(".000Z", "-05:00");
  const lines = Array.from({ length: LINES }, (_, i) => lineItem(orderId, i));
  const subtotal = lines.reduce((s, l) => s + l.cents * BigInt(l.item.quantity as number), 0n);
  const discount = lines.reduce((s, l) => s + l.discountCents, 0n);
  const tax = lines.reduce((s, l) => s + l.taxCents, 0n);
  const shipping = 1_250n;
  const total = subtotal - discount + tax + shipping;
  const money = (cents: bigint) => fromCents(cents);
  const address = addressOf(n);
  const order = {
    id: id(orderId),
    admin_graphql_api_id: `gid://shopify/Order/${orderId}`,
    app_id: 580111,
    browser_ip: "203.0.113.24",
    buyer_accepts_marketing: n % 2 === 0,
    cancel_reason: null,
    cancelled_at: null,
    cart_token: `Z2NwLXVzLWVhc3QxOjAxSkY${String(n).padStart(8, "0")}`,
    checkout_id: id(36_000_000_000_000n + BigInt(n)),
    checkout_token: `c1b0ab8c4d2e4f${String(n).padStart(10, "0")}`,
    closed_at: null,
    confirmation_number: `K${(n * 7919).toString(36).toUpperCase().padStart(8, "Q")}`,
    confirmed: true,
    contact_email: address.email,
    created_at: created,
    currency: CURRENCY,
    current_subtotal_price: money(subtotal - discount),
    current_subtotal_price_set: moneySet(money(subtotal - discount), CURRENCY),
    current_total_discounts: money(discount),
    current_total_discounts_set: moneySet(money(discount), CURRENCY),
    current_total_price: money(total),
    current_total_price_set: moneySet(money(total), CURRENCY),
    current_total_tax: money(tax),
    current_total_tax_set: moneySet(money(tax), CURRENCY),
    customer_locale: "en-US",
    discount_codes: [{ code: "SPRING10", amount: money(discount), type: "percentage" }],
    email: address.email,
    estimated_taxes: false,
    financial_status: "paid",
    fulfillment_status: null,
    landing_site: "/products/merino-crew?utm_source=newsletter&utm_medium=email",
    location_id: null,
    name: `#${1001 + n}`,
    note: "Please leave the parcel with the concierge.",
    note_attributes: [{ name: "gift_wrap", value: "no" }],
    number: 1 + n,
    order_number: 1001 + n,
    order_status_url: `https://${shopDomain}/7744556612/orders/${"ab".repeat(16)}/authenticate?key=${"cd".repeat(16)}`,
    payment_gateway_names: ["shopify_payments"],
    phone: null,
    presentment_currency: CURRENCY,
    processed_at: created,
    reference: null,
    referring_site: "https://www.google.com/",
    source_identifier: null,
    source_name: "web",
    subtotal_price: money(subtotal - discount),
    subtotal_price_set: moneySet(money(subtotal - discount), CURRENCY),
    tags: "",
    tax_exempt: false,
    tax_lines: TAXES.map((t) => taxLine(t, cents(subtotal - discount, t.rate))),
    taxes_included: false,
    test: false,
    token: `${"5f".repeat(15)}${String(n % 100).padStart(2, "0")}`,
    total_discounts: money(discount),
    total_discounts_set: moneySet(money(discount), CURRENCY),
    total_line_items_price: money(subtotal),
    total_line_items_price_set: moneySet(money(subtotal), CURRENCY),
    total_outstanding: "0.00",
    total_price: money(total),
    total_price_set: moneySet(money(total), CURRENCY),
    total_shipping_price_set: moneySet(money(shipping), CURRENCY),
    total_tax: money(tax),
    total_tax_set: moneySet(money(tax), CURRENCY),
    total_tip_received: "0.00",
    total_weight: lines.reduce((s, l) => s + (l.item.grams as number) * (l.item.quantity as number), 0),
    updated_at: created,
    user_id: null,
    billing_address: address.postal,
    customer: {
      id: id(customerId),
      email: address.email,
      created_at: "2025-03-14T10:22:31-04:00",
      updated_at: created,
      first_name: address.postal.first_name,
      last_name: address.postal.last_name,
      state: "enabled",
      note: null,
      verified_email: true,
      multipass_identifier: null,
      tax_exempt: false,
      phone: address.postal.phone,
      currency: CURRENCY,
      tax_exemptions: [],
      admin_graphql_api_id: `gid://shopify/Customer/${customerId}`,
    },
    discount_applications: [
      {
        target_type: "line_item",
        type: "discount_code",
        value: "10.0",
        value_type: "percentage",
        allocation_method: "across",
        target_selection: "entitled",
        code: "SPRING10",
      },
    ],
    fulfillments: [],
    line_items: lines.map((l) => l.item),
    payment_terms: null,
    refunds: [],
    shipping_address: address.postal,
    shipping_lines: [
      {
        id: id(4_900_000_000_000n + BigInt(n)),
        carrier_identifier: null,
        code: "Standard",
        discounted_price: money(shipping),
        phone: null,
        price: money(shipping),
        price_set: moneySet(money(shipping), CURRENCY),
        requested_fulfillment_service_id: null,
        source: "shopify",
        title: "Standard Shipping (3-5 business days)",
        tax_lines: [],
        discount_allocations: [],
      },
    ],
  };
  return withExactIds(JSON.stringify(order));
}

function lineItem(orderId: bigint, i: number) {
  const lineId = 13_000_000_000_000n + (orderId - BIG) * 16n + BigInt(i);
  const variantId = 44_000_000_000_000n + BigInt(i * 37);
  const productId = 8_000_000_000_000n + BigInt(Math.floor(i / 2));
  // The code is entitled to every other product: those lines carry its allocation.
  const entitled = i % 2 === 0;
  const priceCents = 1_995n + BigInt(i) * 500n;
  const quantity = 1 + (i % 3);
  const lineTotal = priceCents * BigInt(quantity);
  const discountCents = entitled ? BigInt(Math.round(Number(lineTotal) * DISCOUNT_RATE)) : 0n;
  const taxed = lineTotal - discountCents;
  const taxLines = TAXES.map((t) => taxLine(t, cents(taxed, t.rate)));
  const taxCents = TAXES.reduce((s, t) => s + cents(taxed, t.rate), 0n);
  const size = ["XS", "S", "M", "L", "XL"][i % 5]!;
  const colour = ["Charcoal", "Oatmeal", "Forest"][i % 3]!;
  const title = `Merino Crew Sweater ${Math.floor(i / 2) + 1}`;
  const item = {
    id: id(lineId),
    admin_graphql_api_id: `gid://shopify/LineItem/${lineId}`,
    current_quantity: quantity,
    fulfillable_quantity: quantity,
    fulfillment_service: "manual",
    fulfillment_status: null,
    gift_card: false,
    grams: 340,
    name: `${title} - ${colour} / ${size}`,
    price: fromCents(priceCents),
    price_set: moneySet(fromCents(priceCents), CURRENCY),
    product_exists: true,
    product_id: id(productId),
    properties: i === 0 ? [{ name: "Monogram", value: "A.L." }] : [],
    quantity,
    requires_shipping: true,
    sku: `MCS-${colour.slice(0, 3).toUpperCase()}-${size}-${String(i).padStart(3, "0")}`,
    taxable: true,
    title,
    total_discount: "0.00",
    variant_id: id(variantId),
    variant_inventory_management: "shopify",
    variant_title: `${colour} / ${size}`,
    vendor: "Northfield Knitwear",
    tax_lines: taxLines,
    discount_allocations: entitled
      ? [
          {
            amount: fromCents(discountCents),
            amount_set: moneySet(fromCents(discountCents), CURRENCY),
            discount_application_index: 0,
          },
        ]
      : [],
  };
  return { item, cents: priceCents, discountCents, taxCents };
}

function taxLine(t: { title: string; rate: number }, amount: bigint) {
  return {
    channel_liable: false,
    price: fromCents(amount),
    price_set: moneySet(fromCents(amount), CURRENCY),
    rate: t.rate,
    title: t.title,
  };
}

function addressOf(n: number) {
  const first = ["Avery", "Jordan", "Riley", "Morgan", "Casey"][n % 5]!;
  const last = ["Lindqvist", "Okafor", "Moreau", "Tanaka", "Silva"][n % 5]!;
  const postal = {
    first_name: first,
    last_name: last,
    name: `${first} ${last}`,
    company: n % 3 === 0 ? "Fieldstone Studio" : null,
    address1: `${100 + (n % 900)} Harbour Street`,
    address2: "Apt 4B",
    city: "Portland",
    province: "Oregon",
    province_code: "OR",
    country: "United States",
    country_code: "US",
    country_name: "United States",
    zip: "97205",
    phone: "+1 503-555-0142",
    latitude: 45.5202471,
    longitude: -122.6741949,
  };
  return { postal, email: `${first}.${last}.${n}@example.com`.toLowerCase() };
}

function cents(amountCents: bigint, rate: number): bigint {
  return toCents((Math.round(Number(amountCents) * rate) / 100).toFixed(2));
}

// JSON.stringify cannot write a bigint: ids travel as marked strings and are unquoted at the end.
const ID_MARK = "\u0001id:";
function id(value: bigint): string {
  return `${ID_MARK}${value}`;
}
function withExactIds(json: string): string {
  return json.replace(/"\\u0001id:(\d+)"/g, "$1");
}
