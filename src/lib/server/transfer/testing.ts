/** Fixtures of the transfer tests: a tenant with the vocabulary an import refers to, files. */
import { count, eq } from 'drizzle-orm';
import { useTestDb } from '../db/testing/test-db';
import { actorCtx } from '../db/testing/test-actors';
import type { Db } from '../db/client';
import { buildFieldOfAction, buildOrganizationType, buildTenant } from '../factories';
import { auditLog } from '../audit/schema';
import { organizations } from '../organizations/schema';
import { offers } from '../offers/schema';

/** A tenant with the vocabulary an import refers to, and a coordinator. */
export async function setupTransfer(db: Db, kind: 'city' | 'district' = 'city') {
	const tenant = await buildTenant(db, { kind });
	await buildOrganizationType(db, tenant.id, { key: 'sprachschule', name: 'Sprachschule' });
	await buildOrganizationType(db, tenant.id, { key: 'beratungsstelle', name: 'Beratungsstelle' });
	const sprache = await buildFieldOfAction(db, tenant.id, {
		key: 'sprache',
		names: { de: 'Sprache', en: 'Language' }
	});
	const familie = await buildFieldOfAction(db, tenant.id, {
		key: 'familie',
		names: { de: 'Familie' }
	});
	const ctx = await actorCtx(db, tenant, 'coordinator');
	return { db, tenant, sprache, familie, ctx };
}

/** The database of a transfer test file, with the setup and the counts on it. */
export function useTransferDb() {
	const database = useTestDb();
	return {
		database,
		setup: (kind?: 'city' | 'district') => setupTransfer(database.db, kind),
		countsOf: (tenantId: string) => countsOf(database.db, tenantId)
	};
}

export async function countsOf(db: Db, tenantId: string) {
	const [o] = await db
		.select({ n: count() })
		.from(organizations)
		.where(eq(organizations.tenantId, tenantId));
	const [f] = await db.select({ n: count() }).from(offers).where(eq(offers.tenantId, tenantId));
	const [a] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.tenantId, tenantId));
	return { organizations: Number(o.n), offers: Number(f.n), audit: Number(a.n) };
}

export const csv = (lines: string[]) => lines.join('\n') + '\n';

export const ORG_FILE = csv([
	'name;type;description;city;postal_code;languages;wheelchair_accessible;website;latitude',
	'Sprachschule Am Fluss;Sprachschule;Integrationskurse;Landshut;84028;de|en|ar;ja;www.sprachschule.example;48,53',
	'Migrationsberatung;beratungsstelle;"Beratung; auch\nmehrzeilig";Landshut;;de|tr;nein;;'
]);

export const OFFER_FILE = csv([
	'organization;title_de;description_de;field_of_action;target_groups;languages;schedule_kind;rrule;weekdays;starts_at;status;place_name;place_city;title_en;description_en;childcare',
	'Sprachschule Am Fluss;Integrationskurs;Deutsch lernen;Sprache;newcomers|women;de|ar;recurring;"FREQ=WEEKLY;BYDAY=MO,WE";1|3;;published;Schulungsraum;Landshut;Integration course;Learn German;ja',
	'migrationsberatung;Sprechstunde;Beratung nach Termin;familie;all;de|tr;appointment;;;;draft;;;;;nein',
	'Migrationsberatung;Infoabend;Einmaliger Abend;sprache;parents;de;once;;;24.12.2026 18:30;;;;;;'
]);
