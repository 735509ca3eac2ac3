-- The device a session signed in from, for the account's list of active sessions.
-- AlterTable
ALTER TABLE "Session" ADD COLUMN "userAgent" TEXT;
