-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "procedure_type" (
    "id" UUID NOT NULL,
    "commune_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "title_lb" TEXT NOT NULL,
    "title_fr" TEXT NOT NULL,
    "title_de" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "procedure_type_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "procedure_type_commune_id_code_key" ON "procedure_type"("commune_id", "code");
