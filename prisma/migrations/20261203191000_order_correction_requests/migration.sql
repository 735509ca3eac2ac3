-- A buyer's request, from the browser that bought an order, to move it to a corrected address.
-- CreateTable
CREATE TABLE "OrderCorrectionRequest" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "fromEmail" TEXT NOT NULL,
    "toEmail" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderCorrectionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrderCorrectionRequest_tokenHash_key" ON "OrderCorrectionRequest"("tokenHash");

-- CreateIndex
CREATE INDEX "OrderCorrectionRequest_orderId_createdAt_idx" ON "OrderCorrectionRequest"("orderId", "createdAt");

-- AddForeignKey
ALTER TABLE "OrderCorrectionRequest" ADD CONSTRAINT "OrderCorrectionRequest_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
