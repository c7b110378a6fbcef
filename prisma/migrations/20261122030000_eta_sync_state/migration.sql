-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "etaVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "VariantEta" ADD COLUMN     "pushedBackordered" BOOLEAN;
