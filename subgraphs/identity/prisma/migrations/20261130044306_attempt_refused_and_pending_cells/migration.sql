-- AlterTable
ALTER TABLE "attempt_counter" ADD COLUMN     "refused" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "code_card" ADD COLUMN     "pending_cells" INTEGER[] DEFAULT ARRAY[]::INTEGER[];
