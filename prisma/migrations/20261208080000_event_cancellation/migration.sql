-- An organizer cancels an event (lib/event-cancellation): the cancellation with its message to
-- the ticket holders, and one row per order that the worker claims with a lease, cancels and
-- refunds. A waiting list of a cancelled event is closed.
--
-- Written for PostgreSQL 15 and later (PGlite is 18).

-- CreateEnum
CREATE TYPE "EventCancellationStatus" AS ENUM ('RUNNING', 'DONE');

-- AlterEnum
ALTER TYPE "WaitingListStatus" ADD VALUE 'CLOSED';

-- CreateTable
CREATE TABLE "EventCancellation" (
    "id" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "message" TEXT NOT NULL,
    "cancelledById" UUID,
    "cancelledByEmail" TEXT NOT NULL,
    "status" "EventCancellationStatus" NOT NULL DEFAULT 'RUNNING',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "EventCancellation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventCancellationOrder" (
    "cancellationId" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "leaseUntil" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "doneAt" TIMESTAMPTZ(3),
    "refundId" UUID,
    "lastError" TEXT,

    CONSTRAINT "EventCancellationOrder_pkey" PRIMARY KEY ("cancellationId","orderId")
);

-- CreateIndex
CREATE UNIQUE INDEX "EventCancellation_eventId_key" ON "EventCancellation"("eventId");

-- CreateIndex
CREATE INDEX "EventCancellation_status_idx" ON "EventCancellation"("status");

-- CreateIndex
CREATE UNIQUE INDEX "EventCancellationOrder_orderId_key" ON "EventCancellationOrder"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "EventCancellationOrder_refundId_key" ON "EventCancellationOrder"("refundId");

-- CreateIndex
CREATE INDEX "EventCancellationOrder_cancellationId_doneAt_leaseUntil_idx" ON "EventCancellationOrder"("cancellationId", "doneAt", "leaseUntil");

-- AddForeignKey
ALTER TABLE "EventCancellation" ADD CONSTRAINT "EventCancellation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventCancellation" ADD CONSTRAINT "EventCancellation_cancelledById_fkey" FOREIGN KEY ("cancelledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventCancellationOrder" ADD CONSTRAINT "EventCancellationOrder_cancellationId_fkey" FOREIGN KEY ("cancellationId") REFERENCES "EventCancellation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventCancellationOrder" ADD CONSTRAINT "EventCancellationOrder_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventCancellationOrder" ADD CONSTRAINT "EventCancellationOrder_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "Refund"("id") ON DELETE SET NULL ON UPDATE CASCADE;
