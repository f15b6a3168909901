-- API client secrets: keep only their SHA-256 (existing clients keep working with the secret they hold).
ALTER TABLE "api_client" ADD COLUMN "secret_hash" TEXT;
UPDATE "api_client" SET "secret_hash" = encode(sha256(convert_to("secret", 'UTF8')), 'hex');
ALTER TABLE "api_client" ALTER COLUMN "secret_hash" SET NOT NULL, DROP COLUMN "secret";

-- AlterTable
ALTER TABLE "oidc_payload" ADD COLUMN     "account_id" TEXT;
UPDATE "oidc_payload" SET "account_id" = "payload"->>'accountId' WHERE "payload" ? 'accountId';

-- AlterTable
ALTER TABLE "passkey" ADD COLUMN     "backed_up" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "residence" (
    "user_id" UUID NOT NULL,
    "commune_id" UUID NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "residence_pkey" PRIMARY KEY ("user_id","commune_id")
);

-- CreateTable
CREATE TABLE "webauthn_challenge" (
    "challenge" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webauthn_challenge_pkey" PRIMARY KEY ("challenge")
);

-- CreateIndex
CREATE INDEX "residence_commune_id_idx" ON "residence"("commune_id");

-- CreateIndex
CREATE INDEX "webauthn_challenge_user_id_idx" ON "webauthn_challenge"("user_id");

-- CreateIndex
CREATE INDEX "oidc_payload_model_account_id_idx" ON "oidc_payload"("model", "account_id");

-- AddForeignKey
ALTER TABLE "residence" ADD CONSTRAINT "residence_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "residence" ADD CONSTRAINT "residence_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "commune"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webauthn_challenge" ADD CONSTRAINT "webauthn_challenge_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The security log stays append-only, except that entries older than one year may be deleted (retention).
CREATE OR REPLACE FUNCTION security_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD."at" < now() - interval '1 year' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the security log is append-only (entries older than one year may only be deleted)';
END;
$$;
