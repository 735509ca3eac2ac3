-- The recipient's name for an email's To header ("Åsa Berg" <asa@example.se>), when known.
-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "toName" TEXT;
