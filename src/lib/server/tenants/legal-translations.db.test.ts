/**
 * The network's own legal texts kept per language (issue 12): the kind 'legal'
 * (tenants/legal-translatable.ts) – states, what readers of the legal pages get, its own hash
 * apart from the about text, and the machine-translation job.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDb } from '../db/testing/test-db';
import { actorCtx } from '../db/testing/test-actors';
import { buildOrganization, buildTenant } from '../factories';
import type { TenantCtx } from '../context';
import { tenantLegalTexts, type LegalSettings } from './schema';
import { publicLegal, updateLegalSettings } from './legal';
import { publicLegalTexts } from './legal-translatable';
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

const IMPRINT = 'Stadt Musterstadt\nRathausplatz 1\n12345 Musterstadt';

const reading = (ctx: TenantCtx, locale: string): TenantCtx =>
	({ ...ctx, actor: null, locale }) as TenantCtx;

/** What a reader of `locale` gets on the legal pages (as the layout loads it). */
async function shown(ctx: TenantCtx, locale: string) {
	const reader = reading(ctx, locale);
	return publicLegalTexts(reader, (await publicLegal(reader)).legal);
}

async function network(legal: LegalSettings = { imprint: IMPRINT }) {
	const tenant = await buildTenant(db(), {
		settings: { publicDescription: 'Wir sind das Netzwerk Integration.', legal }
	});
	const coordinator = await actorCtx(db(), tenant, 'coordinator');
	return { tenant, coordinator };
}

const legalRow = (ctx: TenantCtx) => coverageView(ctx, { type: 'legal' });

afterEach(() => setTranslator(undefined));

describe('the network’s legal texts kept per language', () => {
	it('is one item with only the texts written in German; a reviewed translation reaches readers until the German changes, without touching the about text', async () => {
		const { tenant, coordinator } = await network();
		const before = await legalRow(coordinator);
		expect(before.rows.find((r) => r.type === 'legal' && r.locale === 'ar')).toMatchObject({
			total: 1,
			counts: expect.objectContaining({ missing: 1 })
		});
		expect(before.worklist.filter((w) => w.locale === 'ar')).toEqual([
			expect.objectContaining({
				type: 'legal',
				id: tenant.id,
				state: 'missing',
				translatePath: `/uebersetzungen/legal/${tenant.id}/ar`,
				editPath: '/einstellungen/rechtliches'
			})
		]);
		// only the imprint has German text: the blank ones are neither offered nor required
		const view = await translationView(coordinator, { type: 'legal', id: tenant.id, locale: 'ar' });
		expect(view.fields.map((f) => f.name)).toEqual(['imprint']);
		expect(await shown(coordinator, 'ar')).toEqual({
			imprint: { text: IMPRINT, lang: 'de', isFallback: true, machine: false },
			privacyAddendum: null,
			notAccessible: null
		});
		expect((await shown(coordinator, 'de')).imprint).toEqual({
			text: IMPRINT,
			lang: 'de',
			isFallback: false,
			machine: false
		});

		// the about text is translated and reviewed, too
		await saveTranslation(coordinator, {
			type: 'network',
			id: tenant.id,
			locale: 'ar',
			description: 'نحن شبكة الاندماج.',
			review: '1'
		});
		const arabicImprint = 'مدينة موسترشتات\nساحة البلدية 1\n12345 موسترشتات';
		await saveTranslation(coordinator, {
			type: 'legal',
			id: tenant.id,
			locale: 'ar',
			imprint: arabicImprint,
			// a field without German text is not stored, even when sent
			notAccessible: 'لا شيء',
			review: '1'
		});
		const [stored] = await db()
			.select()
			.from(tenantLegalTexts)
			.where(eq(tenantLegalTexts.tenantId, tenant.id));
		expect(stored).toMatchObject({
			locale: 'ar',
			state: 'reviewed',
			imprint: arabicImprint,
			notAccessible: null
		});
		expect((await shown(coordinator, 'ar')).imprint).toEqual({
			text: arabicImprint,
			lang: 'ar',
			isFallback: false,
			machine: false
		});
		// English has none: German with the note
		expect((await shown(coordinator, 'en')).imprint).toMatchObject({
			lang: 'de',
			isFallback: true
		});

		// the coordinator changes the imprint: the Arabic one is outdated, readers get German;
		// the about text stays reviewed
		await updateLegalSettings(coordinator, {
			imprint: `${IMPRINT}\n\nVertreten durch die Oberbürgermeisterin`,
			privacyAddendum: '',
			conformity: 'partial'
		});
		const after = await coverageView(coordinator, { locale: 'ar' });
		expect(after.worklist.find((w) => w.type === 'legal')?.state).toBe('outdated');
		expect(after.worklist.find((w) => w.type === 'network')).toBeUndefined();
		expect(after.rows.find((r) => r.type === 'network' && r.locale === 'ar')?.counts.reviewed).toBe(
			1
		);
		expect((await shown(coordinator, 'ar')).imprint).toMatchObject({
			text: expect.stringContaining('Oberbürgermeisterin'),
			lang: 'de',
			isFallback: true
		});
		const [kept] = await db()
			.select()
			.from(tenantLegalTexts)
			.where(eq(tenantLegalTexts.tenantId, tenant.id));
		expect(kept.state).toBe('reviewed');
	});

	it('a network without own legal texts has nothing to translate (blank German is not missing)', async () => {
		const { coordinator } = await network({ imprint: '   ', conformity: 'none' });
		const view = await legalRow(coordinator);
		expect(view.rows.filter((r) => r.type === 'legal').every((r) => r.total === 0)).toBe(true);
		expect(view.worklist.filter((w) => w.type === 'legal')).toEqual([]);
		expect(await shown(coordinator, 'ar')).toEqual({
			imprint: null,
			privacyAddendum: null,
			notAccessible: null
		});
	});

	it('requires the first text written in German; others may stay empty (German shown for them)', async () => {
		const { tenant, coordinator } = await network({
			privacyAddendum: 'Wir führen eine Verteilerliste.',
			notAccessible: 'Alte Protokolle sind eingescannte PDF-Dateien.'
		});
		const view = await translationView(coordinator, { type: 'legal', id: tenant.id, locale: 'en' });
		expect(view.fields.map((f) => f.name)).toEqual(['privacyAddendum', 'notAccessible']);
		const refused = saveTranslation(coordinator, {
			type: 'legal',
			id: tenant.id,
			locale: 'en',
			notAccessible: 'Old minutes are scanned PDF files.'
		});
		await expect(refused).rejects.toBeInstanceOf(ValidationError);
		await expect(refused).rejects.toMatchObject({
			fieldErrors: { privacyAddendum: 'translations_error_required' }
		});
		await saveTranslation(coordinator, {
			type: 'legal',
			id: tenant.id,
			locale: 'en',
			privacyAddendum: 'We keep a mailing list.'
		});
		const en = await shown(coordinator, 'en');
		expect(en.privacyAddendum).toEqual({
			text: 'We keep a mailing list.',
			lang: 'en',
			isFallback: false,
			machine: false
		});
		expect(en.notAccessible).toMatchObject({ lang: 'de', isFallback: true });
	});

	it('editors of organisations neither see nor open the legal texts', async () => {
		const { tenant } = await network();
		const org = await buildOrganization(db(), tenant.id, { name: 'Caritas' });
		const editor = await actorCtx(db(), tenant, 'editor', { orgs: [org.id] });
		const view = await coverageView(editor);
		expect(view.rows.filter((r) => r.type === 'legal').every((r) => r.total === 0)).toBe(true);
		await expect(
			translationView(editor, { type: 'legal', id: tenant.id, locale: 'ar' })
		).rejects.toThrow();
	});

	it('the job machine-translates the missing legal texts and never overwrites a reviewed translation', async () => {
		const { tenant, coordinator } = await network({
			imprint: IMPRINT,
			notAccessible: 'Alte Protokolle sind eingescannte PDF-Dateien.'
		});
		await saveTranslation(coordinator, {
			type: 'legal',
			id: tenant.id,
			locale: 'uk',
			imprint: 'Місто Мустерштадт',
			review: '1'
		});
		const translated: string[] = [];
		const translator: Translator = {
			translate: async (text, _s, target) => {
				translated.push(text);
				return `${target}:${text}`;
			}
		};
		setTranslator(translator);
		// Ukrainian: the legal texts are reviewed; only the about text is missing
		const uk = await startTranslationJob(coordinator, { locale: 'uk' });
		expect(uk.total).toBe(1);
		expect(await runTranslationJob(db(), translator, { pauseMs: 0 })).toBe(1);
		expect(translated).toEqual(['Wir sind das Netzwerk Integration.']);
		// Turkish: the about text and the legal texts (only the fields with German text)
		const tr = await startTranslationJob(coordinator, { locale: 'tr' });
		expect(tr.total).toBe(2);
		expect(await runTranslationJob(db(), translator, { pauseMs: 0 })).toBe(2);

		const rows = await db()
			.select()
			.from(tenantLegalTexts)
			.where(eq(tenantLegalTexts.tenantId, tenant.id));
		const byLocale = new Map(rows.map((r) => [r.locale, r]));
		expect(byLocale.get('uk')).toMatchObject({ state: 'reviewed', imprint: 'Місто Мустерштадт' });
		expect(byLocale.get('tr')).toMatchObject({
			state: 'machine',
			imprint: `tr:${IMPRINT}`,
			privacyAddendum: null,
			notAccessible: 'tr:Alte Protokolle sind eingescannte PDF-Dateien.'
		});
		expect((await shown(coordinator, 'tr')).imprint).toEqual({
			text: `tr:${IMPRINT}`,
			lang: 'tr',
			isFallback: false,
			machine: true
		});
		// machine-translating the reviewed one is refused and leaves it as it is
		await expect(
			machineTranslate(coordinator, { type: 'legal', id: tenant.id, locale: 'uk' }, translator)
		).rejects.toBeInstanceOf(ValidationError);
		const [kept] = await db()
			.select()
			.from(tenantLegalTexts)
			.where(and(eq(tenantLegalTexts.tenantId, tenant.id), eq(tenantLegalTexts.locale, 'uk')));
		expect(kept).toMatchObject({ state: 'reviewed', imprint: 'Місто Мустерштадт' });
	});
});
