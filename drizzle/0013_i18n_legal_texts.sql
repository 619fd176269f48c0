CREATE TABLE "tenant_legal_texts" (
	"tenant_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"imprint" text,
	"privacy_addendum" text,
	"not_accessible" text,
	"state" text DEFAULT 'draft' NOT NULL,
	"source_hash" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_legal_texts_tenant_id_locale_pk" PRIMARY KEY("tenant_id","locale")
);
--> statement-breakpoint
ALTER TABLE "tenant_legal_texts" ADD CONSTRAINT "tenant_legal_texts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;