-- AlterTable
ALTER TABLE "BackorderLine" ADD COLUMN     "initialBackordered" INTEGER,
ADD COLUMN     "peakBackordered" INTEGER;

-- CreateTable
CREATE TABLE "BackorderLineEvent" (
    "id" BIGSERIAL NOT NULL,
    "shopId" TEXT NOT NULL,
    "lineItemId" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "BackorderStatus" NOT NULL,
    "quantity" INTEGER NOT NULL,
    "backorderedQuantity" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BackorderLineEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BackorderLineEvent_shopId_lineItemId_at_idx" ON "BackorderLineEvent"("shopId", "lineItemId", "at");


-- Backfill for lines older than this history. The backorder emails already sent say how many
-- units each line had backordered when the customer was told: the confirmation gives the initial
-- count, the largest count in any confirmation or ETA email a lower bound of the peak. An open
-- line's current count counts too. What nothing records stays NULL (unknown), never a made-up 0.
WITH told AS (
  SELECT n."shopId",
         (l.value->>'line_item_id')::bigint AS "lineItemId",
         MAX((l.value->>'backordered_quantity')::int)
           FILTER (WHERE n."kind" = 'backorder_confirmation') AS "initial",
         MAX((l.value->>'backordered_quantity')::int) AS "peak"
  FROM "Notification" n
  CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN jsonb_typeof(n."context"->'lines') = 'array' THEN n."context"->'lines' ELSE '[]'::jsonb END
  ) AS l(value)
  WHERE n."kind" IN ('backorder_confirmation', 'eta_changed')
    AND (l.value->>'line_item_id') ~ '^[0-9]{1,19}$'
    AND (l.value->>'backordered_quantity') ~ '^[0-9]{1,9}$'
  GROUP BY 1, 2
)
UPDATE "BackorderLine" b
SET "initialBackordered" = told."initial",
    "peakBackordered" = GREATEST(told."peak", NULLIF(b."backorderedQuantity", 0))
FROM told
WHERE b."shopId" = told."shopId" AND b."lineItemId" = told."lineItemId";

UPDATE "BackorderLine"
SET "peakBackordered" = "backorderedQuantity"
WHERE "peakBackordered" IS NULL AND "backorderedQuantity" > 0;
