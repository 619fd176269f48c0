ALTER TABLE "tenant_contacts" ADD COLUMN "is_mayor" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tenant_contacts" ADD COLUMN "network_invite" boolean DEFAULT false NOT NULL;