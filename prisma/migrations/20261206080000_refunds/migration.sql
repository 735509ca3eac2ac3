-- CreateEnum
CREATE TYPE "RefundFeeKind" AS ENUM ('NONE', 'FIXED', 'PERCENT');

-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "EventRefundPolicy" (
    "eventId" UUID NOT NULL,
    "refundable" BOOLEAN NOT NULL DEFAULT false,
    "daysBefore" INTEGER NOT NULL DEFAULT 0,
    "feeKind" "RefundFeeKind" NOT NULL DEFAULT 'NONE',
    "feeValue" INTEGER NOT NULL DEFAULT 0,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EventRefundPolicy_pkey" PRIMARY KEY ("eventId")
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "requestKey" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "feeMinor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "RefundStatus" NOT NULL DEFAULT 'PENDING',
    "providerRef" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "lastError" TEXT,
    "completedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RefundTicket" (
    "ticketId" UUID NOT NULL,
    "refundId" UUID NOT NULL,
    "amountMinor" INTEGER NOT NULL,

    CONSTRAINT "RefundTicket_pkey" PRIMARY KEY ("ticketId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Refund_requestKey_key" ON "Refund"("requestKey");

-- CreateIndex
CREATE INDEX "Refund_orderId_createdAt_idx" ON "Refund"("orderId", "createdAt");

-- CreateIndex
CREATE INDEX "Refund_status_nextAttemptAt_idx" ON "Refund"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "RefundTicket_refundId_idx" ON "RefundTicket"("refundId");

-- AddForeignKey
ALTER TABLE "EventRefundPolicy" ADD CONSTRAINT "EventRefundPolicy_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundTicket" ADD CONSTRAINT "RefundTicket_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundTicket" ADD CONSTRAINT "RefundTicket_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "Refund"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Guards (see 20261125170100_integrity_guards): money back is never negative, a percentage fee
-- is at most 100 %, and the cancellation window is at most a year.
CREATE FUNCTION "Refund_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."amountMinor" < 0 OR NEW."feeMinor" < 0 THEN
    PERFORM "refuse"('Refund_amounts_nonnegative', 'a refund and its fee are 0 or more');
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Refund_guard" BEFORE INSERT OR UPDATE ON "Refund"
  FOR EACH ROW EXECUTE FUNCTION "Refund_guard"();

CREATE FUNCTION "EventRefundPolicy_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."daysBefore" < 0 OR NEW."daysBefore" > 365 THEN
    PERFORM "refuse"('EventRefundPolicy_days', 'days before the start are 0 to 365');
  END IF;
  IF NEW."feeValue" < 0 OR (NEW."feeKind" = 'PERCENT' AND NEW."feeValue" > 10000) THEN
    PERFORM "refuse"('EventRefundPolicy_fee', 'a fee is 0 or more, a percentage at most 100 %');
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "EventRefundPolicy_guard" BEFORE INSERT OR UPDATE ON "EventRefundPolicy"
  FOR EACH ROW EXECUTE FUNCTION "EventRefundPolicy_guard"();
