-- CreateEnum
CREATE TYPE "ApplicationState" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'CLOSED');

-- DropTable
DROP TABLE "procedure_type";

-- CreateTable
CREATE TABLE "procedure_commune" (
    "commune_id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "reference_prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "procedure_commune_pkey" PRIMARY KEY ("commune_id")
);

-- CreateTable
CREATE TABLE "procedure_template" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "title_lb" TEXT NOT NULL,
    "title_fr" TEXT NOT NULL,
    "title_de" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "summary_lb" TEXT NOT NULL,
    "summary_fr" TEXT NOT NULL,
    "summary_de" TEXT NOT NULL,
    "summary_en" TEXT NOT NULL,
    "needs_lb" TEXT NOT NULL,
    "needs_fr" TEXT NOT NULL,
    "needs_de" TEXT NOT NULL,
    "needs_en" TEXT NOT NULL,
    "next_lb" TEXT NOT NULL,
    "next_fr" TEXT NOT NULL,
    "next_de" TEXT NOT NULL,
    "next_en" TEXT NOT NULL,
    "assurance" TEXT NOT NULL DEFAULT 'low',
    "fee_cents" INTEGER NOT NULL DEFAULT 0,
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "processing_days" INTEGER NOT NULL,
    "minutes_saved" INTEGER NOT NULL DEFAULT 0,
    "channel" TEXT NOT NULL DEFAULT 'online',
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "current_form_version" INTEGER NOT NULL DEFAULT 1,
    "search_text" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "procedure_template_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "form_version" (
    "id" UUID NOT NULL,
    "template_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "form_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "commune_procedure" (
    "id" UUID NOT NULL,
    "commune_id" UUID NOT NULL,
    "template_id" UUID NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "fee_cents" INTEGER,
    "processing_days" INTEGER,
    "note_lb" TEXT,
    "note_fr" TEXT,
    "note_de" TEXT,
    "note_en" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "commune_procedure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application" (
    "id" UUID NOT NULL,
    "commune_id" UUID NOT NULL,
    "commune_procedure_id" UUID NOT NULL,
    "form_version_id" UUID NOT NULL,
    "applicant_id" TEXT NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "applicant_email" TEXT,
    "applicant_language" TEXT NOT NULL DEFAULT 'lb',
    "state" "ApplicationState" NOT NULL DEFAULT 'DRAFT',
    "answers" JSONB NOT NULL DEFAULT '{}',
    "reference" TEXT,
    "submitted_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),
    "due_on" DATE,
    "assignee_id" TEXT,
    "assignee_name" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "draft_expires_at" TIMESTAMPTZ(3),
    "reminder_sent_at" TIMESTAMPTZ(3),
    "pseudonymised_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_history" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT,
    "actor_name" TEXT NOT NULL,
    "actor_role" TEXT NOT NULL,
    "from_state" "ApplicationState",
    "to_state" "ApplicationState" NOT NULL,
    "reason" TEXT,

    CONSTRAINT "application_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_message" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "author_id" TEXT,
    "author_name" TEXT NOT NULL,
    "author_role" TEXT NOT NULL,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "application_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachment" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "uploaded_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reference_counter" (
    "commune_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "reference_counter_pkey" PRIMARY KEY ("commune_id","year")
);

-- CreateIndex
CREATE UNIQUE INDEX "procedure_commune_slug_key" ON "procedure_commune"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "procedure_commune_reference_prefix_key" ON "procedure_commune"("reference_prefix");

-- CreateIndex
CREATE UNIQUE INDEX "procedure_template_code_key" ON "procedure_template"("code");

-- CreateIndex
CREATE UNIQUE INDEX "form_version_template_id_version_key" ON "form_version"("template_id", "version");

-- CreateIndex
CREATE INDEX "commune_procedure_template_id_idx" ON "commune_procedure"("template_id");

-- CreateIndex
CREATE UNIQUE INDEX "commune_procedure_commune_id_template_id_key" ON "commune_procedure"("commune_id", "template_id");

-- CreateIndex
CREATE UNIQUE INDEX "application_reference_key" ON "application"("reference");

-- CreateIndex
CREATE INDEX "application_commune_id_state_submitted_at_id_idx" ON "application"("commune_id", "state", "submitted_at", "id");

-- CreateIndex
CREATE INDEX "application_applicant_id_updated_at_idx" ON "application"("applicant_id", "updated_at");

-- CreateIndex
CREATE INDEX "application_state_draft_expires_at_idx" ON "application"("state", "draft_expires_at");

-- CreateIndex
CREATE INDEX "application_history_application_id_at_idx" ON "application_history"("application_id", "at");

-- CreateIndex
CREATE INDEX "application_message_application_id_created_at_idx" ON "application_message"("application_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "attachment_storage_key_key" ON "attachment"("storage_key");

-- CreateIndex
CREATE INDEX "attachment_application_id_idx" ON "attachment"("application_id");

-- AddForeignKey
ALTER TABLE "form_version" ADD CONSTRAINT "form_version_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "procedure_template"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commune_procedure" ADD CONSTRAINT "commune_procedure_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "procedure_commune"("commune_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commune_procedure" ADD CONSTRAINT "commune_procedure_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "procedure_template"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application" ADD CONSTRAINT "application_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "procedure_commune"("commune_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application" ADD CONSTRAINT "application_commune_procedure_id_fkey" FOREIGN KEY ("commune_procedure_id") REFERENCES "commune_procedure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application" ADD CONSTRAINT "application_form_version_id_fkey" FOREIGN KEY ("form_version_id") REFERENCES "form_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_history" ADD CONSTRAINT "application_history_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_message" ADD CONSTRAINT "application_message_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
