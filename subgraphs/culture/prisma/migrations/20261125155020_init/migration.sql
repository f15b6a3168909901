-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "event" (
    "id" UUID NOT NULL,
    "commune_id" UUID NOT NULL,
    "title_lb" TEXT NOT NULL,
    "title_fr" TEXT NOT NULL,
    "title_de" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "event_commune_id_starts_at_idx" ON "event"("commune_id", "starts_at");

-- Rules the database enforces as well (not expressible in schema.prisma)
ALTER TABLE "event" ADD CONSTRAINT "event_ends_after_start_check" CHECK ("ends_at" IS NULL OR "ends_at" >= "starts_at");
