-- AlterTable
ALTER TABLE "api_client" ADD COLUMN     "owner_id" UUID;

-- CreateIndex
CREATE INDEX "api_client_owner_id_idx" ON "api_client"("owner_id");

-- AddForeignKey
ALTER TABLE "api_client" ADD CONSTRAINT "api_client_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
