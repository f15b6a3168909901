-- CreateTable
CREATE TABLE "token_revocation" (
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "revoked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "token_revocation_pkey" PRIMARY KEY ("kind","value")
);

-- CreateIndex
CREATE INDEX "token_revocation_revoked_at_idx" ON "token_revocation"("revoked_at");
