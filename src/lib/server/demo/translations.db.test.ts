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
import { newsTranslatable } from '../news/translatable';
import { listPublicNews } from '../news/views';
import { publicAboutText } from '../tenants/translatable';
import { legalTranslatable, publicLegalTexts } from '../tenants/legal-translatable';
import type { TenantCtx } from '../context';

const database = useTestDb();

describe('demo translations', () => {
	it('has at least 20 Landshut and Freising offers in English, Arabic and Ukrainian, in every state, the Landshut organisations in en and ar, news, the Landshut about text and its legal texts in mixed states', async () => {
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

		// news and the about text (demo/content-translations.ts), in mixed states
		const news = await newsTranslatable.load(db, landshut.id, { organizationIds: null });
		const newsStates = new Set(
			news.flatMap((n) =>
				(['en', 'ar', 'uk'] as const).map((l) => itemState(newsTranslatable, n, l))
			)
		);
		expect([...newsStates]).toEqual(
			expect.arrayContaining(['reviewed', 'machine', 'outdated', 'missing'])
		);
		const reader = (locale: string) => ({ ...coordinator, actor: null, locale }) as TenantCtx;
		const arabic = (await listPublicNews(reader('ar'))).items;
		expect(arabic.find((n) => n.title === 'شبكة الاندماج تبدأ عملًا إعلاميًا مشتركًا')).toMatchObject({
			lang: 'ar',
			isFallback: false,
			machine: false
		});
		const english = (await listPublicNews(reader('en'))).items;
		expect(english.find((n) => n.title.startsWith('Rückblick: Netzwerktreffen'))).toMatchObject({
			lang: 'de',
			isFallback: true
		});
		const withAbout = (locale: string) => ({
			...reader(locale),
			tenant: { ...coordinator.tenant, description: landshut.settings.publicDescription ?? null }
		});
		expect(await publicAboutText(withAbout('en'))).toMatchObject({ lang: 'en', machine: false });
		expect(await publicAboutText(withAbout('ar'))).toMatchObject({ lang: 'ar', machine: true });
		expect(await publicAboutText(withAbout('uk'))).toMatchObject({ lang: 'de', isFallback: true });

		// Landshut's own legal texts: Ukrainian reviewed, Arabic machine, Russian outdated, English missing
		const [legal] = await legalTranslatable.load(db, landshut.id, { organizationIds: null });
		expect(
			(['uk', 'ar', 'ru', 'en'] as const).map((l) => itemState(legalTranslatable, legal, l))
		).toEqual(['reviewed', 'machine', 'outdated', 'missing']);
		const legalFor = (locale: string) => publicLegalTexts(reader(locale), landshut.settings.legal);
		expect((await legalFor('uk')).imprint).toMatchObject({ lang: 'uk', machine: false });
		expect((await legalFor('ar')).notAccessible).toMatchObject({ lang: 'ar', machine: true });
		expect((await legalFor('ru')).imprint).toMatchObject({ lang: 'de', isFallback: true });
	}, 120_000); // seeds the whole demo inside the test, on shared cores
});
