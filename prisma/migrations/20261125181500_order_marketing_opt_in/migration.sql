-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "marketingOptIn" BOOLEAN NOT NULL DEFAULT false;
