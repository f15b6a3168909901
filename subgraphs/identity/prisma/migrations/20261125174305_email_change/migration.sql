-- AlterTable
ALTER TABLE "account_token" ADD COLUMN     "new_email" TEXT;

-- Rules the database enforces as well (not expressible in schema.prisma)
ALTER TABLE "account_token" DROP CONSTRAINT "account_token_purpose_check";
ALTER TABLE "account_token" ADD CONSTRAINT "account_token_purpose_check" CHECK ("purpose" IN ('verify-email', 'reset-password', 'change-email'));
ALTER TABLE "account_token" ADD CONSTRAINT "account_token_new_email_check" CHECK (("purpose" = 'change-email') = ("new_email" IS NOT NULL));
