import { boolean, index, integer, text, timestamp } from 'drizzle-orm/pg-core';
import { timestampColumns } from '../db/columns';
import { tenantTable } from '../tenants/schema';

/**
 * Contact persons for integration of a tenant itself (the district office, a town hall): not of
 * an organisation. Shown publicly only while consent is recorded and not withdrawn, as with the
 * organisations' contact persons (organizations/contacts.ts).
 */
export const tenantContacts = tenantTable(
	'tenant_contacts',
	{
		name: text('name').notNull(),
		/** the person's function, e.g. "Integrationsbeauftragte" */
		role: text('role'),
		/** the unit of the administration, e.g. "Sachgebiet Asyl" */
		unit: text('unit'),
		phone: text('phone'),
		email: text('email'),
		/** ISO 639-1 codes of the languages the person speaks */
		languages: text('languages').array().notNull().default([]),
		/** free text, e.g. "Di und Do 9–12 Uhr" */
		officeHours: text('office_hours'),
		/** order on the public page (smaller first) */
		position: integer('position').notNull().default(0),
		/** a municipality's mayor (Erste:r Bürgermeister:in, Oberbürgermeister:in) */
		isMayor: boolean('is_mayor').notNull().default(false),
		/**
		 * invited to the district's networking meetings (Vernetzungstreffen der Gemeinden); mayors
		 * are invited always (district/invitees.ts); an e-mail address is needed for it
		 */
		networkInvite: boolean('network_invite').notNull().default(false),
		consentText: text('consent_text'),
		consentGivenAt: timestamp('consent_given_at', { withTimezone: true }),
		consentWithdrawnAt: timestamp('consent_withdrawn_at', { withTimezone: true }),
		...timestampColumns()
	},
	(t) => [index('tenant_contacts_tenant_idx').on(t.tenantId, t.position, t.name)]
);

export type TenantContactRow = typeof tenantContacts.$inferSelect;
