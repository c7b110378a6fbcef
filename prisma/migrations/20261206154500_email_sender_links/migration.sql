-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "storefrontUrl" TEXT;

-- AlterTable
ALTER TABLE "ShopSettings" ADD COLUMN     "senderEmail" TEXT;

-- AlterTable
ALTER TABLE "CancelRequest" ADD COLUMN     "quantities" INTEGER[] DEFAULT ARRAY[]::INTEGER[];
