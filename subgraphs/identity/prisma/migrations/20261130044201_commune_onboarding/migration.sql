-- AlterTable
ALTER TABLE "commune" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "joins_on" DATE NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "population_reference_date" DATE NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "commune_population" (
    "commune_id" UUID NOT NULL,
    "reference_date" DATE NOT NULL,
    "population" INTEGER NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "commune_population_pkey" PRIMARY KEY ("commune_id","reference_date")
);

-- AddForeignKey
ALTER TABLE "commune_population" ADD CONSTRAINT "commune_population_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "commune"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Communes that were there before onboarding existed: they joined when they were created, and their population
-- figure is the one of 1 January of that year (the demo figures are STATEC's of 1 January).
UPDATE "commune" SET "joins_on" = "created_at"::date,
  "population_reference_date" = date_trunc('year', "created_at")::date;
INSERT INTO "commune_population" ("commune_id", "reference_date", "population")
  SELECT "id", "population_reference_date", "population" FROM "commune";
