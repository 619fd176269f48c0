import { describe, expect, it } from 'vitest';
import { useTestDb } from '../db/testing/test-db';
import { actorCtx } from '../db/testing/test-actors';
import { seedDemo } from './seed';
import { tenants } from '../tenants/schema';
import { coverageView } from '../translations/service';
import { getPublicOffer } from '../offers/public';
import { scopeAt } from '../offers/finder-testing';
import { offerTranslatable } from '../offers/translatable';
import { itemState } from '../translations/content';

const database = useTestDb();

describe('demo translations', () => {
	it('has at least 20 Landshut and Freising offers in English, Arabic and Ukrainian, in every state, and the Landshut organisations in en and ar', async () => {
		const db = database.db;
		await seedDemo(db);
		const all = await db.select().from(tenants);
		const landshut = all.find((t) => t.slug === 'landshut')!;
		const inScope = all.filter(
			(t) =>
				t.slug === 'landshut' ||
				t.slug === 'landkreis-freising' ||
				t.parentId === all.find((x) => x.slug === 'landkreis-freising')?.id
		);
		let full = 0;
		const states = new Set<string>();
		for (const tenant of inScope) {
			for (const item of await offerTranslatable.load(db, tenant.id, { organizationIds: null })) {
				const got = (['en', 'ar', 'uk'] as const).map((l) => itemState(offerTranslatable, item, l));
				if (got.every((s) => s !== 'missing')) full++;
				for (const l of ['en', 'ar', 'uk', 'tr', 'ru', 'fa'])
					states.add(itemState(offerTranslatable, item, l));
			}
		}
		expect(full).toBeGreaterThanOrEqual(20);
		expect([...states]).toEqual(
			expect.arrayContaining(['reviewed', 'machine', 'outdated', 'missing'])
		);

		const coordinator = await actorCtx(db, landshut, 'coordinator');
		const view = await coverageView(coordinator);
		for (const locale of ['en', 'ar']) {
			const row = view.rows.find((r) => r.type === 'organization' && r.locale === locale)!;
			expect(row.counts.reviewed).toBeGreaterThanOrEqual(11);
		}
		// a reviewed Arabic offer is shown in Arabic; an outdated English one falls back to German
		const scope = (await scopeAt(db, 'landshut'))!;
		const items = await offerTranslatable.load(db, landshut.id, { organizationIds: null });
		const football = items.find((i) => i.label === 'Fußball für alle')!;
		expect((await getPublicOffer(db, scope, football.id, 'ar'))?.title).toEqual({
			text: 'كرة القدم للجميع',
			lang: 'ar'
		});
		const homework = items.find((i) => i.label === 'Hausaufgabenhilfe im Jugendtreff')!;
		const shown = await getPublicOffer(db, scope, homework.id, 'en');
		expect(shown?.isFallback).toBe(true);
		expect(shown?.title.lang).toBe('de');
	});
});
