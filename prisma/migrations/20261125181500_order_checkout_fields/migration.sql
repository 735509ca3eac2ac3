-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "failureReason" TEXT,
ADD COLUMN     "marketingOptIn" BOOLEAN NOT NULL DEFAULT false;
