-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "remindersQueuedAt" TIMESTAMPTZ(3);
