import type { Db } from "../../../web/server/db/create-prisma.ts";

// 64-bit Shopify ids (above 2^53), as real shops have.
export const IDS = {
  location: 90071992547409931n,
  hoodie: 9007199254741001n,
  cap: 9007199254741003n,
  hoodieGreen: 9007199254742001n,
  hoodieBlue: 9007199254742003n,
  hoodieRed: 9007199254742005n,
  capBlack: 9007199254742007n,
  order1: 9007199254743001n,
  order2: 9007199254743003n,
};

const day = (offset: number, now = new Date()) => new Date(now.getTime() + offset * 86_400_000);

/** A small, realistic shop: two products, backorders, an overdue ETA, subscribers, sent alerts. */
export async function seedBrowserShop(db: Db, shopId: string): Promise<void> {
  await db.location.create({ data: { shopId, locationId: IDS.location, name: "Lyon warehouse" } });
  await db.product.createMany({
    data: [
      { shopId, productId: IDS.hoodie, title: "Merino Trail Hoodie", handle: "merino-trail-hoodie" },
      { shopId, productId: IDS.cap, title: "Waxed Canvas Cap", handle: "waxed-canvas-cap" },
    ],
  });
  const variant = (
    variantId: bigint,
    productId: bigint,
    title: string,
    available: number,
    sku: string,
    inventoryPolicy = "CONTINUE",
  ) => ({
    shopId,
    variantId,
    productId,
    title,
    available,
    sku,
    price: "89.00",
    inventoryPolicy,
    tracked: true,
  });
  await db.variant.createMany({
    data: [
      // Held at "stop selling" by the app: its cap of 3 backordered units is reached.
      variant(IDS.hoodieGreen, IDS.hoodie, "Forest green / M", -3, "HOOD-GRN-M", "DENY"),
      variant(IDS.hoodieBlue, IDS.hoodie, "Glacier blue / M", 0, "HOOD-BLU-M"),
      variant(IDS.hoodieRed, IDS.hoodie, "Ember red / L", 5, "HOOD-RED-L"),
      variant(IDS.capBlack, IDS.cap, "Black", -1, "CAP-BLK"),
    ],
  });
  await db.variantControl.create({
    data: { shopId, variantId: IDS.hoodieGreen, backorderCap: 3, switchedByApp: true, switchReason: "cap" },
  });
  await db.variantEta.create({
    data: { shopId, variantId: IDS.capBlack, etaDate: day(-5), message: "Delayed at the mill" },
  });
  for (const [orderId, name, email, firstName, placed] of [
    [IDS.order1, "#1001", "camille@example.com", null, day(-4)],
    [IDS.order2, "#1002", "lena@example.com", "Lena", day(-1)],
  ] as const) {
    await db.order.create({
      data: {
        shopId,
        orderId,
        name,
        email,
        customerFirstName: firstName,
        placedAt: placed,
        currency: "EUR",
        totalPrice: "178.00",
      },
    });
  }
  const orderRef = async (orderId: bigint) =>
    (await db.order.findUniqueOrThrow({ where: { shopId_orderId: { shopId, orderId } } })).id;
  const lines = [
    [IDS.order1, 9007199254744001n, IDS.hoodieGreen, IDS.hoodie, "Merino Trail Hoodie", 2, day(-4)],
    [IDS.order2, 9007199254744003n, IDS.hoodieGreen, IDS.hoodie, "Merino Trail Hoodie", 1, day(-1)],
    [IDS.order2, 9007199254744005n, IDS.capBlack, IDS.cap, "Waxed Canvas Cap", 1, day(-1)],
  ] as const;
  for (const [orderId, lineItemId, variantId, productId, title, quantity, placedAt] of lines) {
    await db.orderLine.create({
      data: {
        shopId,
        orderRef: await orderRef(orderId),
        lineItemId,
        variantId,
        productId,
        title,
        quantity,
        openQuantity: quantity,
        price: "89.00",
        placedAt,
      },
    });
  }
  // A customer asked (from an ETA-changed email) to cancel the backordered hoodies.
  await db.cancelRequest.create({
    data: { shopId, orderId: IDS.order1, lineItemIds: [9007199254744001n], tokenDigest: "seed-cancel-1" },
  });
  await db.backorderLine.createMany({
    data: [
      {
        shopId,
        orderId: IDS.order1,
        lineItemId: 9007199254744001n,
        variantId: IDS.hoodieGreen,
        quantity: 2,
        backorderedQuantity: 2,
        initialBackordered: 2,
        peakBackordered: 2,
        placedAt: day(-4),
        status: "OPEN",
      },
      {
        shopId,
        orderId: IDS.order2,
        lineItemId: 9007199254744003n,
        variantId: IDS.hoodieGreen,
        quantity: 1,
        backorderedQuantity: 1,
        initialBackordered: 1,
        peakBackordered: 1,
        placedAt: day(-1),
        status: "OPEN",
      },
      {
        shopId,
        orderId: IDS.order2,
        lineItemId: 9007199254744005n,
        variantId: IDS.capBlack,
        quantity: 1,
        backorderedQuantity: 1,
        initialBackordered: 1,
        peakBackordered: 1,
        placedAt: day(-1),
        status: "OPEN",
        etaCurrent: day(-5),
      },
    ],
  });
  await db.subscription.createMany({
    data: ["ana", "ben", "chloe"].map((name, i) => ({
      shopId,
      variantId: IDS.hoodieBlue,
      email: `${name}@example.com`,
      status: i === 2 ? ("PENDING" as const) : ("ACTIVE" as const),
      activeKey: `${IDS.hoodieBlue}:${name}@example.com`,
      confirmToken: `c-${name}`,
      unsubscribeToken: `u-${name}`,
    })),
  });
  const sent = await Promise.all(
    [1, 2, 3].map((d) =>
      db.notification.create({
        data: {
          shopId,
          kind: "restock",
          idempotencyKey: `seed:restock:${d}`,
          recipient: `fan${d}@example.com`,
          status: "SENT",
          createdAt: day(-d),
          sentAt: day(-d),
        },
      }),
    ),
  );
  await db.notification.create({
    data: {
      shopId,
      kind: "restock",
      idempotencyKey: "seed:restock:failed",
      recipient: "bounce@example.com",
      status: "FAILED",
      lastError: "550 5.1.1 user unknown",
      createdAt: day(-1),
    },
  });
  await db.conversion.create({
    data: {
      shopId,
      notificationId: sent[0]!.id,
      orderId: IDS.order2,
      lineItemId: 9007199254744007n,
      variantId: IDS.hoodieBlue,
      revenue: "89.00",
      currency: "EUR",
      createdAt: day(-1),
    },
  });
}
