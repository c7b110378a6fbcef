-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "phone" TEXT,
ADD COLUMN     "smsConsentAt" TIMESTAMP(3),
ADD COLUMN     "smsConsentText" TEXT,
ALTER COLUMN "email" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "channel" TEXT NOT NULL DEFAULT 'email',
ADD COLUMN     "deliveryStatus" TEXT;

-- CreateTable
CREATE TABLE "SmsSettings" (
    "shopId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "signupChannels" TEXT NOT NULL DEFAULT 'email',
    "consentText" TEXT NOT NULL DEFAULT 'I agree to receive one text message when this item is back in stock. Msg & data rates may apply. Reply STOP to opt out.',
    "accountSid" TEXT,
    "authTokenEncrypted" TEXT,
    "fromNumber" TEXT,
    "messagingServiceSid" TEXT,
    "baseUrl" TEXT,
    "quietStartMinute" INTEGER,
    "quietEndMinute" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SmsSettings_pkey" PRIMARY KEY ("shopId")
);

-- CreateTable
CREATE TABLE "PhoneSuppression" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PhoneSuppression_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsTemplate" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SmsTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PhoneSuppression_shopId_phone_key" ON "PhoneSuppression"("shopId", "phone");

-- CreateIndex
CREATE UNIQUE INDEX "SmsTemplate_shopId_kind_locale_key" ON "SmsTemplate"("shopId", "kind", "locale");

-- CreateIndex
CREATE INDEX "Subscription_shopId_phone_idx" ON "Subscription"("shopId", "phone");

