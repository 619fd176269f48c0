/**
 * News and the network's about text kept per language (issue 12): states, what readers get,
 * coverage and the machine-translation job (news/translatable.ts, tenants/translatable.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { useTestDb } from '../db/testing/test-db';
import { actorCtx } from '../db/testing/test-actors';
import { buildOrganization, buildTenant } from '../factories';
import type { TenantCtx } from '../context';
import { newsItems, newsTexts } from './schema';
import { publishNews, saveNews } from './manage';
import { getPublicNews, listPublicNews } from './views';
import { newsAtomFeed } from './atom';
import { tenants, tenantTexts } from '../tenants/schema';
import { publicAboutText } from '../tenants/translatable';
import {
	coverageView,
	machineTranslate,
	saveTranslation,
	translationView
} from '../translations/service';
import { ValidationError } from '../errors';
import { setTranslator, type Translator } from '../translations/machine';
import { runTranslationJob, startTranslationJob } from '../translations/job';

const database = useTestDb();
const db = () => database.db;

const reading = (ctx: TenantCtx, locale: string): TenantCtx =>
	({ ...ctx, actor: null, locale }) as TenantCtx;

async function network(description = 'Wir sind das Netzwerk Integration.') {
	const tenant = await buildTenant(db(), { settings: { publicDescription: description } });
	const org = await buildOrganization(db(), tenant.id, { name: 'Caritas' });
	const coordinator = await actorCtx(db(), tenant, 'coordinator');
	const news = async (title: string, body: string) => {
		const { id } = await saveNews(coordinator, { title, summary: `${title} – kurz`, body });
		await publishNews(coordinator, { id });
		return id;
	};
	return { tenant, org, coordinator, news };
}

afterEach(() => setTranslator(undefined));

describe('news kept per language', () => {
	it('a reviewed Arabic translation is what Arabic readers get (sanitised); German changes make it outdated and readers get German with the note', async () => {
		const { coordinator, news } = await network();
		const id = await news('Sommerfest im Park', '<p>Alle sind eingeladen.</p>');
		await saveTranslation(coordinator, {
			type: 'news',
			id,
			locale: 'ar',
			title: 'حفل صيفي في الحديقة',
			summary: 'الجميع مدعوون.',
			body: '<p>الجميع <strong>مدعوون</strong>.</p><script>alert(1)</script>',
			review: '1'
		});
		const [stored] = await db()
			.select()
			.from(newsTexts)
			.where(and(eq(newsTexts.newsId, id), eq(newsTexts.locale, 'ar')));
		expect(stored.state).toBe('reviewed');
		expect(stored.body).toBe('<p>الجميع <strong>مدعوون</strong>.</p>');

		const ar = reading(coordinator, 'ar');
		const page = await getPublicNews(ar, { id });
		expect(page).toMatchObject({
			title: 'حفل صيفي في الحديقة',
			lang: 'ar',
			bodyLang: 'ar',
			isFallback: false,
			machine: false
		});
		const [card] = (await listPublicNews(ar)).items;
		expect(card).toMatchObject({ title: 'حفل صيفي في الحديقة', summary: 'الجميع مدعوون.' });

		// Ukrainian has none: German, marked as the fallback; German readers get no note
		const uk = await getPublicNews(reading(coordinator, 'uk'), { id });
		expect(uk).toMatchObject({ title: 'Sommerfest im Park', lang: 'de', isFallback: true });
		expect((await getPublicNews(reading(coordinator, 'de'), { id })).isFallback).toBe(false);

		await db()
			.update(newsItems)
			.set({ body: '<p>Alle sind eingeladen – jetzt am Samstag.</p>' })
			.where(eq(newsItems.id, id));
		const view = await translationView(coordinator, { type: 'news', id, locale: 'ar' });
		expect(view.state).toBe('outdated');
		const after = await getPublicNews(ar, { id });
		expect(after).toMatchObject({ title: 'Sommerfest im Park', lang: 'de', isFallback: true });
		expect(after.body).toContain('jetzt am Samstag');
		const coverage = await coverageView(coordinator, { locale: 'ar', type: 'news' });
		expect(coverage.worklist).toEqual([
			expect.objectContaining({ type: 'news', id, state: 'outdated' })
		]);
	});

	it('the Atom feed in Arabic carries the translation, and German items with the note', async () => {
		const { coordinator, news } = await network();
		const translated = await news('Sprachcafé', '<p>Jeden Dienstag.</p>');
		await news('Elternabend', '<p>In der Schule.</p>');
		await saveTranslation(coordinator, {
			type: 'news',
			id: translated,
			locale: 'ar',
			title: 'مقهى اللغة',
			body: '<p>كل يوم ثلاثاء.</p>'
		});
		const xml = await newsAtomFeed(reading(coordinator, 'ar'), {
			title: 'الأخبار',
			subtitle: '…',
			notes: { fallback: 'بالألمانية فقط', machine: 'ترجمة آلية' }
		});
		const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(
			xml
		).feed;
		const entries = feed.entry as {
			title: string | { '#text': string };
			content: { '#text': string };
		}[];
		const titles = entries.map((e) => (typeof e.title === 'string' ? e.title : e.title['#text']));
		expect(titles.sort()).toEqual(['Elternabend', 'مقهى اللغة']);
		const german = entries.find((e) => e.content['#text'].includes('In der Schule'))!;
		expect(german.content['#text']).toContain('بالألمانية فقط');
		const arabic = entries.find((e) => e.content['#text'].includes('كل يوم'))!;
		expect(arabic.content['#text']).not.toContain('بالألمانية فقط');
	});

	it('the job machine-translates missing news (HTML kept as HTML) and never overwrites a reviewed translation', async () => {
		const { coordinator, news } = await network('');
		const reviewed = await news('Beratung', '<p>Montags offen.</p>');
		const missing = await news('Kochabend', '<p>Wir <em>kochen</em> zusammen.</p>');
		await saveTranslation(coordinator, {
			type: 'news',
			id: reviewed,
			locale: 'uk',
			title: 'Консультація',
			body: 'Відкрито щопонеділка.',
			review: '1'
		});
		const formats: (string | undefined)[] = [];
		const translator: Translator = {
			translate: async (text, _s, target, format) => {
				formats.push(format);
				return `${target}:${text}`;
			}
		};
		setTranslator(translator);
		const job = await startTranslationJob(coordinator, { locale: 'uk' });
		expect(job.total).toBe(1);
		expect(await runTranslationJob(db(), translator, { pauseMs: 0 })).toBe(1);

		const rows = await db().select().from(newsTexts).where(eq(newsTexts.locale, 'uk'));
		const byId = new Map(rows.map((r) => [r.newsId, r]));
		expect(byId.get(reviewed)).toMatchObject({ state: 'reviewed', title: 'Консультація' });
		expect(byId.get(missing)).toMatchObject({ state: 'machine', title: 'uk:Kochabend' });
		expect(byId.get(missing)!.body).toContain('<em>kochen</em>');
		expect(formats).toEqual(['text', 'text', 'html']);
		// translating the reviewed one by machine, too, is refused and leaves it as it is
		await expect(
			machineTranslate(coordinator, { type: 'news', id: reviewed, locale: 'uk' }, translator)
		).rejects.toBeInstanceOf(ValidationError);
		const [kept] = await db()
			.select()
			.from(newsTexts)
			.where(and(eq(newsTexts.newsId, reviewed), eq(newsTexts.locale, 'uk')));
		expect(kept).toMatchObject({ state: 'reviewed', title: 'Консультація' });
		const shown = await getPublicNews(reading(coordinator, 'uk'), { id: missing });
		expect(shown).toMatchObject({ title: 'uk:Kochabend', machine: true, isFallback: false });
	});

	it('drafts are not in the coverage; editors see their organisation’s news only', async () => {
		const { tenant, org, coordinator, news } = await network('');
		await saveNews(coordinator, { title: 'Entwurf', body: 'noch nicht' });
		const published = await news('Veröffentlicht', 'Text');
		const { id: own } = await saveNews(coordinator, {
			title: 'Von der Caritas',
			body: 'Text',
			organizationId: org.id
		});
		await publishNews(coordinator, { id: own });
		const all = await coverageView(coordinator, { locale: 'en', type: 'news' });
		expect(all.worklist.map((w) => w.id).sort()).toEqual([published, own].sort());
		const editor = await actorCtx(db(), tenant, 'editor', { orgs: [org.id] });
		const mine = await coverageView(editor, { locale: 'en' });
		expect(mine.worklist.filter((w) => w.type === 'news').map((w) => w.id)).toEqual([own]);
		expect(mine.rows.find((r) => r.type === 'network')?.total).toBe(0);
	});
});

describe('the network’s about text kept per language', () => {
	it('is one item of the coverage; a translation reaches the start page until the German changes', async () => {
		const { tenant, coordinator } = await network('Wir sind das Netzwerk Integration.');
		const before = await coverageView(coordinator, { locale: 'ar', type: 'network' });
		expect(before.rows.find((r) => r.type === 'network' && r.locale === 'ar')).toMatchObject({
			total: 1,
			counts: expect.objectContaining({ missing: 1 })
		});
		expect(before.worklist).toEqual([
			expect.objectContaining({ id: tenant.id, state: 'missing', editPath: '/einstellungen' })
		]);
		expect(await publicAboutText(reading(coordinator, 'ar'))).toEqual({
			text: 'Wir sind das Netzwerk Integration.',
			lang: 'de',
			isFallback: true,
			machine: false
		});

		await saveTranslation(coordinator, {
			type: 'network',
			id: tenant.id,
			locale: 'ar',
			description: 'نحن شبكة الاندماج.',
			review: '1'
		});
		expect(await publicAboutText(reading(coordinator, 'ar'))).toEqual({
			text: 'نحن شبكة الاندماج.',
			lang: 'ar',
			isFallback: false,
			machine: false
		});

		const changed = 'Wir sind das Netzwerk Integration – seit 2015.';
		await db()
			.update(tenants)
			.set({ settings: { publicDescription: changed } })
			.where(eq(tenants.id, tenant.id));
		const withNewText = reading(
			{ ...coordinator, tenant: { ...coordinator.tenant, description: changed } },
			'ar'
		);
		expect(await publicAboutText(withNewText)).toMatchObject({ lang: 'de', isFallback: true });
		const view = await translationView(coordinator, {
			type: 'network',
			id: tenant.id,
			locale: 'ar'
		});
		expect(view.state).toBe('outdated');
		const [row] = await db().select().from(tenantTexts).where(eq(tenantTexts.tenantId, tenant.id));
		expect(row.state).toBe('reviewed');
	});

	it('editors cannot open the network text', async () => {
		const { tenant, org } = await network();
		const editor = await actorCtx(db(), tenant, 'editor', { orgs: [org.id] });
		await expect(
			translationView(editor, { type: 'network', id: tenant.id, locale: 'ar' })
		).rejects.toThrow();
	});
});
