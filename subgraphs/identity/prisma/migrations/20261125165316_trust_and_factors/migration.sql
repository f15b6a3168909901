-- AlterTable
ALTER TABLE "user_account" ADD COLUMN     "operator" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "commune_role" (
    "user_id" UUID NOT NULL,
    "commune_id" UUID NOT NULL,
    "role" TEXT NOT NULL,
    "granted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "granted_by" UUID,

    CONSTRAINT "commune_role_pkey" PRIMARY KEY ("user_id","commune_id")
);

-- CreateTable
CREATE TABLE "totp_factor" (
    "user_id" UUID NOT NULL,
    "secret" TEXT NOT NULL,
    "confirmed_at" TIMESTAMPTZ(3),
    "last_step" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "totp_factor_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "recovery_code" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recovery_code_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "code_card" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "commune_id" UUID NOT NULL,
    "serial" TEXT NOT NULL,
    "cell_hashes" TEXT[],
    "used_cells" INTEGER[],
    "rows" INTEGER NOT NULL,
    "columns" INTEGER NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issued_by" UUID,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "code_card_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "passkey" (
    "id" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "public_key" BYTEA NOT NULL,
    "counter" BIGINT NOT NULL,
    "transports" TEXT[],
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "passkey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "security_event" (
    "id" BIGSERIAL NOT NULL,
    "user_id" UUID,
    "kind" TEXT NOT NULL,
    "actor_id" UUID,
    "ip" TEXT,
    "user_agent" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "security_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attempt_counter" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),

    CONSTRAINT "attempt_counter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "commune_role_commune_id_idx" ON "commune_role"("commune_id");

-- CreateIndex
CREATE INDEX "recovery_code_user_id_idx" ON "recovery_code"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "code_card_serial_key" ON "code_card"("serial");

-- CreateIndex
CREATE INDEX "code_card_user_id_idx" ON "code_card"("user_id");

-- CreateIndex
CREATE INDEX "passkey_user_id_idx" ON "passkey"("user_id");

-- CreateIndex
CREATE INDEX "security_event_user_id_at_idx" ON "security_event"("user_id", "at");

-- AddForeignKey
ALTER TABLE "commune_role" ADD CONSTRAINT "commune_role_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commune_role" ADD CONSTRAINT "commune_role_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "commune"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "totp_factor" ADD CONSTRAINT "totp_factor_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recovery_code" ADD CONSTRAINT "recovery_code_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "code_card" ADD CONSTRAINT "code_card_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passkey" ADD CONSTRAINT "passkey_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules the database enforces as well (not expressible in schema.prisma)
ALTER TABLE "commune_role" ADD CONSTRAINT "commune_role_role_check" CHECK ("role" IN ('agent', 'administrator'));
ALTER TABLE "code_card" ADD CONSTRAINT "code_card_size_check" CHECK ("rows" BETWEEN 1 AND 26 AND "columns" BETWEEN 1 AND 20 AND cardinality("cell_hashes") = "rows" * "columns");

-- The security log can be appended to, never changed.
CREATE FUNCTION security_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the security log is append-only';
END;
$$;
CREATE TRIGGER security_event_no_change BEFORE UPDATE OR DELETE ON "security_event"
  FOR EACH ROW EXECUTE FUNCTION security_event_append_only();
