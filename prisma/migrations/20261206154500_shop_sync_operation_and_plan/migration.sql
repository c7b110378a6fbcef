-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "syncOperation" TEXT,
ADD COLUMN     "shopifyPlus" BOOLEAN,
ADD COLUMN     "planName" TEXT;
