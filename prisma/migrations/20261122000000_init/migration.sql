-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "WebhookStatus" AS ENUM ('RECEIVED', 'PROCESSED', 'FAILED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "BackorderStatus" AS ENUM ('OPEN', 'READY', 'FULFILLED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "SubscriptionStatus" AS ENUM ('PENDING', 'ACTIVE', 'NOTIFIED', 'UNSUBSCRIBED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "RestockStatus" AS ENUM ('ACTIVE', 'COMPLETED', 'STOPPED');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SUPPRESSED');

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" TIMESTAMP(3),
    "accessToken" TEXT NOT NULL,
    "userId" BIGINT,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "accountOwner" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT,
    "collaborator" BOOLEAN DEFAULT false,
    "emailVerified" BOOLEAN DEFAULT false,
    "refreshToken" TEXT,
    "refreshTokenExpires" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shop" (
    "id" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "name" TEXT,
    "currency" TEXT,
    "timezone" TEXT,
    "primaryLocale" TEXT NOT NULL DEFAULT 'en',
    "scopes" TEXT,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" TIMESTAMP(3),
    "syncStatus" TEXT NOT NULL DEFAULT 'PENDING',
    "syncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShopSettings" (
    "shopId" TEXT NOT NULL,
    "countedLocationIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "restockThreshold" INTEGER NOT NULL DEFAULT 0,
    "waveMultiplier" DOUBLE PRECISION NOT NULL DEFAULT 3,
    "waveWindowMinutes" INTEGER NOT NULL DEFAULT 120,
    "doubleOptIn" BOOLEAN NOT NULL DEFAULT true,
    "keepSubscribed" BOOLEAN NOT NULL DEFAULT false,
    "attributionWindowDays" INTEGER NOT NULL DEFAULT 7,
    "senderName" TEXT,
    "replyTo" TEXT,
    "sendRatePerSecond" INTEGER NOT NULL DEFAULT 10,
    "orderTag" TEXT NOT NULL DEFAULT 'backorder',
    "defaultLeadTimeDays" INTEGER,
    "emailBackorderConfirmation" BOOLEAN NOT NULL DEFAULT true,
    "emailEtaChanged" BOOLEAN NOT NULL DEFAULT true,
    "emailBackorderReady" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShopSettings_pkey" PRIMARY KEY ("shopId")
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "id" BIGSERIAL NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "apiVersion" TEXT,
    "triggeredAt" TIMESTAMP(3),
    "body" TEXT NOT NULL,
    "status" "WebhookStatus" NOT NULL DEFAULT 'RECEIVED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Location" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "locationId" BIGINT NOT NULL,
    "name" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Location_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "productId" BIGINT NOT NULL,
    "title" TEXT NOT NULL,
    "handle" TEXT,
    "imageUrl" TEXT,
    "defaultLeadTimeDays" INTEGER,
    "shopifyUpdatedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Variant" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "variantId" BIGINT NOT NULL,
    "productId" BIGINT NOT NULL,
    "inventoryItemId" BIGINT,
    "title" TEXT NOT NULL DEFAULT '',
    "sku" TEXT,
    "price" DECIMAL(12,2),
    "inventoryPolicy" TEXT NOT NULL DEFAULT 'DENY',
    "tracked" BOOLEAN NOT NULL DEFAULT true,
    "available" INTEGER NOT NULL DEFAULT 0,
    "shopifyUpdatedAt" TIMESTAMP(3),
    "aboveThreshold" BOOLEAN NOT NULL DEFAULT false,
    "restockCrossings" INTEGER NOT NULL DEFAULT 0,
    "deletedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Variant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InventoryLevel" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "inventoryItemId" BIGINT NOT NULL,
    "locationId" BIGINT NOT NULL,
    "available" INTEGER NOT NULL,
    "shopifyUpdatedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InventoryLevel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "orderId" BIGINT NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "customerId" BIGINT,
    "customerTags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "locale" TEXT,
    "currency" TEXT,
    "totalPrice" DECIMAL(12,2),
    "placedAt" TIMESTAMP(3) NOT NULL,
    "cancelledAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "shopifyUpdatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderLine" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "orderRef" TEXT NOT NULL,
    "lineItemId" BIGINT NOT NULL,
    "variantId" BIGINT,
    "productId" BIGINT,
    "title" TEXT NOT NULL DEFAULT '',
    "sku" TEXT,
    "quantity" INTEGER NOT NULL,
    "openQuantity" INTEGER NOT NULL,
    "price" DECIMAL(12,2),
    "placedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BackorderLine" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "orderId" BIGINT NOT NULL,
    "lineItemId" BIGINT NOT NULL,
    "variantId" BIGINT NOT NULL,
    "status" "BackorderStatus" NOT NULL DEFAULT 'OPEN',
    "quantity" INTEGER NOT NULL,
    "backorderedQuantity" INTEGER NOT NULL,
    "etaAtOrder" DATE,
    "etaCurrent" DATE,
    "placedAt" TIMESTAMP(3) NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readyAt" TIMESTAMP(3),
    "fulfilledAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BackorderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VariantEta" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "variantId" BIGINT NOT NULL,
    "etaDate" DATE,
    "message" TEXT,
    "source" TEXT NOT NULL DEFAULT 'manual',
    "pushedEta" TEXT,
    "pushedMessage" TEXT,
    "pushedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VariantEta_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subscription" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "variantId" BIGINT NOT NULL,
    "email" TEXT NOT NULL,
    "status" "SubscriptionStatus" NOT NULL DEFAULT 'PENDING',
    "activeKey" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "marketingConsent" BOOLEAN NOT NULL DEFAULT false,
    "customerId" BIGINT,
    "confirmToken" TEXT NOT NULL,
    "unsubscribeToken" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),
    "notifiedAt" TIMESTAMP(3),
    "unsubscribedAt" TIMESTAMP(3),

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RestockEvent" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "variantId" BIGINT NOT NULL,
    "crossing" INTEGER NOT NULL,
    "availableAtStart" INTEGER NOT NULL,
    "status" "RestockStatus" NOT NULL DEFAULT 'ACTIVE',
    "wavesSent" INTEGER NOT NULL DEFAULT 0,
    "notifiedCount" INTEGER NOT NULL DEFAULT 0,
    "nextWaveAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "RestockEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "subscriptionId" TEXT,
    "restockEventId" TEXT,
    "orderId" BIGINT,
    "wave" INTEGER,
    "context" JSONB,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "messageId" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suppression" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Suppression_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailTemplate" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conversion" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "notificationId" TEXT NOT NULL,
    "orderId" BIGINT NOT NULL,
    "lineItemId" BIGINT NOT NULL,
    "variantId" BIGINT NOT NULL,
    "revenue" DECIMAL(12,2) NOT NULL,
    "currency" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Conversion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataExport" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Shop_domain_key" ON "Shop"("domain");

-- CreateIndex
CREATE INDEX "WebhookEvent_status_receivedAt_idx" ON "WebhookEvent"("status", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEvent_shopDomain_topic_eventKey_key" ON "WebhookEvent"("shopDomain", "topic", "eventKey");

-- CreateIndex
CREATE UNIQUE INDEX "Location_shopId_locationId_key" ON "Location"("shopId", "locationId");

-- CreateIndex
CREATE UNIQUE INDEX "Product_shopId_productId_key" ON "Product"("shopId", "productId");

-- CreateIndex
CREATE INDEX "Variant_shopId_inventoryItemId_idx" ON "Variant"("shopId", "inventoryItemId");

-- CreateIndex
CREATE INDEX "Variant_shopId_productId_idx" ON "Variant"("shopId", "productId");

-- CreateIndex
CREATE UNIQUE INDEX "Variant_shopId_variantId_key" ON "Variant"("shopId", "variantId");

-- CreateIndex
CREATE UNIQUE INDEX "InventoryLevel_shopId_inventoryItemId_locationId_key" ON "InventoryLevel"("shopId", "inventoryItemId", "locationId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_shopId_orderId_key" ON "Order"("shopId", "orderId");

-- CreateIndex
CREATE INDEX "OrderLine_shopId_variantId_placedAt_idx" ON "OrderLine"("shopId", "variantId", "placedAt");

-- CreateIndex
CREATE UNIQUE INDEX "OrderLine_shopId_lineItemId_key" ON "OrderLine"("shopId", "lineItemId");

-- CreateIndex
CREATE INDEX "BackorderLine_shopId_status_idx" ON "BackorderLine"("shopId", "status");

-- CreateIndex
CREATE INDEX "BackorderLine_shopId_variantId_status_idx" ON "BackorderLine"("shopId", "variantId", "status");

-- CreateIndex
CREATE INDEX "BackorderLine_shopId_orderId_idx" ON "BackorderLine"("shopId", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "BackorderLine_shopId_lineItemId_key" ON "BackorderLine"("shopId", "lineItemId");

-- CreateIndex
CREATE UNIQUE INDEX "VariantEta_shopId_variantId_key" ON "VariantEta"("shopId", "variantId");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_confirmToken_key" ON "Subscription"("confirmToken");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_unsubscribeToken_key" ON "Subscription"("unsubscribeToken");

-- CreateIndex
CREATE INDEX "Subscription_shopId_variantId_status_createdAt_id_idx" ON "Subscription"("shopId", "variantId", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Subscription_shopId_email_idx" ON "Subscription"("shopId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_shopId_activeKey_key" ON "Subscription"("shopId", "activeKey");

-- CreateIndex
CREATE INDEX "RestockEvent_status_nextWaveAt_idx" ON "RestockEvent"("status", "nextWaveAt");

-- CreateIndex
CREATE UNIQUE INDEX "RestockEvent_shopId_variantId_crossing_key" ON "RestockEvent"("shopId", "variantId", "crossing");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_idempotencyKey_key" ON "Notification"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Notification_shopId_status_createdAt_idx" ON "Notification"("shopId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_shopId_recipient_idx" ON "Notification"("shopId", "recipient");

-- CreateIndex
CREATE INDEX "Notification_restockEventId_status_idx" ON "Notification"("restockEventId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Suppression_shopId_email_key" ON "Suppression"("shopId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "EmailTemplate_shopId_kind_locale_key" ON "EmailTemplate"("shopId", "kind", "locale");

-- CreateIndex
CREATE INDEX "Conversion_shopId_createdAt_idx" ON "Conversion"("shopId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Conversion_shopId_lineItemId_key" ON "Conversion"("shopId", "lineItemId");

-- AddForeignKey
ALTER TABLE "ShopSettings" ADD CONSTRAINT "ShopSettings_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Location" ADD CONSTRAINT "Location_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Variant" ADD CONSTRAINT "Variant_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_orderRef_fkey" FOREIGN KEY ("orderRef") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

