-- AlterTable
ALTER TABLE "ShopSettings" ADD COLUMN     "alternativeProductIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "alternativesEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "cancelLinkEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "defaultBackorderCap" INTEGER,
ADD COLUMN     "discountEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "discountExpiryDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "discountType" TEXT NOT NULL DEFAULT 'percentage',
ADD COLUMN     "discountValue" DECIMAL(12,2) NOT NULL DEFAULT 10,
ADD COLUMN     "priorityCustomerTags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "priorityEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "priorityOrderTags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "defaultBackorderCap" INTEGER;

-- CreateTable
CREATE TABLE "VariantControl" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "variantId" BIGINT NOT NULL,
    "backorderCap" INTEGER,
    "windowStartsAt" TIMESTAMP(3),
    "windowEndsAt" TIMESTAMP(3),
    "windowEtaDays" INTEGER,
    "switchedByApp" BOOLEAN NOT NULL DEFAULT false,
    "switchedAt" TIMESTAMP(3),
    "switchReason" TEXT,
    "merchantOverride" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VariantControl_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderDiscount" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "orderId" BIGINT NOT NULL,
    "code" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "valueType" TEXT NOT NULL,
    "value" DECIMAL(12,2) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "discountGid" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdOnShopifyAt" TIMESTAMP(3),

    CONSTRAINT "OrderDiscount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CancelRequest" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "orderId" BIGINT NOT NULL,
    "lineItemIds" BIGINT[],
    "tokenDigest" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'REQUESTED',
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "CancelRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VariantControl_shopId_variantId_key" ON "VariantControl"("shopId", "variantId");

-- CreateIndex
CREATE INDEX "OrderDiscount_shopId_createdAt_idx" ON "OrderDiscount"("shopId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OrderDiscount_shopId_orderId_key" ON "OrderDiscount"("shopId", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "OrderDiscount_shopId_code_key" ON "OrderDiscount"("shopId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "CancelRequest_tokenDigest_key" ON "CancelRequest"("tokenDigest");

-- CreateIndex
CREATE INDEX "CancelRequest_shopId_status_requestedAt_idx" ON "CancelRequest"("shopId", "status", "requestedAt");

