-- CreateTable
CREATE TABLE "ShopperAlertLink" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "ShopperAlertLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ShopperAlertLink_shopId_email_idx" ON "ShopperAlertLink"("shopId", "email");
