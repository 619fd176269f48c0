import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { useTestDb } from '../db/testing/test-db';
import { rowsOf } from '../db/client';
import { buildOffer, buildOrganization, buildTenant } from '../factories';
import { offers, offerTexts } from './schema';
import { isPubliclyVisible, isPubliclyVisibleRow } from './visibility';
import { addDays, berlinToday as berlinDateString, berlinTodaySql } from '../shared';

const database = useTestDb();

describe('isPubliclyVisible: published and not expired (Europe/Berlin)', () => {
	it('shows published offers until and including their last valid day', async () => {
		const db = database.db;
		const tenant = await buildTenant(db);
		const org = await buildOrganization(db, tenant.id);
		const today = berlinDateString();
		const make = (title: string, o: Partial<typeof offers.$inferInsert>) =>
			buildOffer(db, tenant.id, org.id, { title, ...o });
		await make('ohne Ende', {});
		await make('endet heute', { validTo: today });
		await make('endet morgen', { validTo: addDays(today, 1) });
		await make('endete gestern', { validTo: addDays(today, -1) });
		await make('Entwurf', { status: 'draft' });
		await make('in Prüfung', { status: 'in_review' });
		await make('archiviert', { status: 'archived' });
		await make('beginnt erst morgen', { validFrom: addDays(today, 1) });
		const visible = await db
			.select({ id: offers.id, validTo: offers.validTo, status: offers.status })
			.from(offers)
			.where(and(eq(offers.tenantId, tenant.id), isPubliclyVisible()));
		const titles = await db
			.select({ title: offerTexts.title })
			.from(offerTexts)
			.innerJoin(offers, eq(offers.id, offerTexts.offerId))
			.where(and(eq(offers.tenantId, tenant.id), isPubliclyVisible()))
			.orderBy(offerTexts.title);
		expect(titles.map((r) => r.title)).toEqual([
			'beginnt erst morgen',
			'endet heute',
			'endet morgen',
			'ohne Ende'
		]);
		// the same rule in TypeScript agrees
		expect(visible.every((r) => isPubliclyVisibleRow(r, today))).toBe(true);
		expect(isPubliclyVisibleRow({ status: 'published', validTo: addDays(today, -1) }, today)).toBe(
			false
		);
	});

	it('uses the Berlin date, not the server’s UTC date', async () => {
		const [row] = rowsOf<{ d: string | Date }>(
			await database.db.execute(sql`select ${berlinTodaySql()}::text as d`)
		);
		expect(String(row.d)).toBe(berlinDateString());
	});
});
