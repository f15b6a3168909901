-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "subscription" (
    "id" UUID NOT NULL,
    "commune_id" UUID NOT NULL,
    "rate_per_inhabitant_cents" INTEGER NOT NULL,
    "starts_on" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subscription_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "subscription_commune_id_key" ON "subscription"("commune_id");

-- Rules the database enforces as well (not expressible in schema.prisma)
ALTER TABLE "subscription" ADD CONSTRAINT "subscription_rate_check" CHECK ("rate_per_inhabitant_cents" > 0);
