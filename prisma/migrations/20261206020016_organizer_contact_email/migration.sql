-- AlterTable
ALTER TABLE "Organizer" ADD COLUMN     "contactEmail" TEXT;
