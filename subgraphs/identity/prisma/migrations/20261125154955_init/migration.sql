-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "commune" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name_lb" TEXT NOT NULL,
    "name_fr" TEXT NOT NULL,
    "name_de" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "population" INTEGER NOT NULL,
    "website_origins" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "commune_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "commune_slug_key" ON "commune"("slug");

-- Rules the database enforces as well (not expressible in schema.prisma)
ALTER TABLE "commune" ADD CONSTRAINT "commune_population_check" CHECK ("population" >= 0);
ALTER TABLE "commune" ADD CONSTRAINT "commune_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
