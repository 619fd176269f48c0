import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useTestDb } from '../db/testing/test-db';
import { actorCtx } from '../db/testing/test-actors';
import { buildOffer, buildOrganization, buildTenant } from '../factories';
import { offerTexts } from '../offers/schema';
import { organizationTexts } from '../organizations/schema';
import { auditLog } from '../audit/schema';
import { NotFoundError, ValidationError } from '../errors';
import { getPublicOffer } from '../offers/public';
import { scopeAt, finderHelpers } from '../offers/finder-testing';
import { coverageView, machineTranslate, saveTranslation, translationView } from './service';
import { libreTranslate, setTranslator, type Translator } from './machine';
import { runTranslationJob, startTranslationJob, latestJobs } from './job';
import { translationJobs } from './schema';

const database = useTestDb();
const db = () => database.db;
const { find } = finderHelpers(db);

/** A fake LibreTranslate: answers `[target] text`, counts requests, fails on demand. */
async function fakeLibreTranslate() {
	const requests: Record<string, unknown>[] = [];
	let failing = false;
	const server: Server = createServer((req, res) => {
		let body = '';
		req.on('data', (c) => (body += c));
		req.on('end', () => {
			const json = JSON.parse(body) as { q: string; target: string };
			requests.push(json);
			if (req.url !== '/translate' || req.method !== 'POST' || failing) {
				res.writeHead(500).end('{"error":"nope"}');
				return;
			}
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ translatedText: `[${json.target}] ${json.q}` }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		fail: (v: boolean) => (failing = v),
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

async function network() {
	const tenant = await buildTenant(db());
	const org = await buildOrganization(db(), tenant.id, {
		name: 'Caritas',
		description: 'Beratung für Familien.'
	});
	const otherOrg = await buildOrganization(db(), tenant.id, { name: 'Diakonie' });
	const offer = await buildOffer(db(), tenant.id, org.id, {
		title: 'Deutschkurs am Abend',
		description: 'Lernen Sie Deutsch in kleinen Gruppen.'
	});
	const german = await buildOffer(db(), tenant.id, otherOrg.id, {
		title: 'Nähcafé',
		description: 'Gemeinsam nähen.'
	});
	const coordinator = await actorCtx(db(), tenant, 'coordinator');
	return { tenant, org, otherOrg, offer, german, coordinator };
}

const changeGerman = (offerId: string, title: string) =>
	db()
		.update(offerTexts)
		.set({ title })
		.where(and(eq(offerTexts.offerId, offerId), eq(offerTexts.locale, 'de')));

describe('translation states', () => {
	it('a saved translation is shown to readers of that language; after a German change it is outdated and readers get German', async () => {
		const { tenant, offer, coordinator } = await network();
		await saveTranslation(coordinator, {
			type: 'offer',
			id: offer.id,
			locale: 'ar',
			title: 'دورة لغة ألمانية مسائية',
			description: 'تعلّموا الألمانية في مجموعات صغيرة.',
			review: '1'
		});
		const view = await translationView(coordinator, { type: 'offer', id: offer.id, locale: 'ar' });
		expect(view.state).toBe('reviewed');
		const scope = (await scopeAt(db(), tenant.slug))!;
		const shown = await getPublicOffer(db(), scope, offer.id, 'ar');
		expect(shown?.title).toEqual({ text: 'دورة لغة ألمانية مسائية', lang: 'ar' });
		expect(shown?.isFallback).toBe(false);
		expect(shown?.machine).toBe(false);
		const card = (await find(tenant, '', 'ar')).items.find((i) => i.id === offer.id);
		expect(card?.title).toEqual({ text: 'دورة لغة ألمانية مسائية', lang: 'ar' });

		await changeGerman(offer.id, 'Deutschkurs am Abend (neu: dienstags)');
		const after = await translationView(coordinator, { type: 'offer', id: offer.id, locale: 'ar' });
		expect(after.state).toBe('outdated');
		const fallback = await getPublicOffer(db(), scope, offer.id, 'ar');
		expect(fallback?.title).toEqual({ text: 'Deutschkurs am Abend (neu: dienstags)', lang: 'de' });
		expect(fallback?.isFallback).toBe(true);
		const card2 = (await find(tenant, '', 'ar')).items.find((i) => i.id === offer.id);
		expect(card2?.title.lang).toBe('de');

		const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, offer.id));
		expect(audit.map((a) => a.action)).toContain('translation.reviewed');
	});

	it('a language without a translation falls back to German with the note flag', async () => {
		const { tenant, german } = await network();
		const scope = (await scopeAt(db(), tenant.slug))!;
		const shown = await getPublicOffer(db(), scope, german.id, 'uk');
		expect(shown?.title).toEqual({ text: 'Nähcafé', lang: 'de' });
		expect(shown?.isFallback).toBe(true);
		const de = await getPublicOffer(db(), scope, german.id, 'de');
		expect(de?.isFallback).toBe(false);
	});

	it('refuses a translation without its first field, keeping nothing', async () => {
		const { offer, coordinator } = await network();
		await expect(
			saveTranslation(coordinator, { type: 'offer', id: offer.id, locale: 'en', title: '  ' })
		).rejects.toBeInstanceOf(ValidationError);
		const rows = await db()
			.select()
			.from(offerTexts)
			.where(and(eq(offerTexts.offerId, offer.id), eq(offerTexts.locale, 'en')));
		expect(rows).toHaveLength(0);
	});
});

describe('coverage', () => {
	it('counts missing, draft, machine, reviewed and outdated per language and kind, with a worklist', async () => {
		const { offer, german, coordinator } = await network();
		setTranslator({ translate: async (t, _s, target) => `${target}:${t}` });
		try {
			await saveTranslation(coordinator, {
				type: 'offer',
				id: offer.id,
				locale: 'en',
				title: 'Evening German course',
				review: '1'
			});
			await saveTranslation(coordinator, {
				type: 'offer',
				id: german.id,
				locale: 'en',
				title: 'Sewing café'
			});
			await machineTranslate(coordinator, { type: 'offer', id: offer.id, locale: 'uk' });
			await saveTranslation(coordinator, {
				type: 'offer',
				id: german.id,
				locale: 'uk',
				title: 'Швейне кафе',
				review: '1'
			});
			await changeGerman(german.id, 'Nähcafé im Bürgerhaus');
			const view = await coverageView(coordinator);
			const row = (type: string, locale: string) =>
				view.rows.find((r) => r.type === type && r.locale === locale)!;
			expect(row('offer', 'en').counts).toMatchObject({ reviewed: 1, outdated: 1, missing: 0 });
			expect(row('offer', 'uk').counts).toMatchObject({ machine: 1, outdated: 1, reviewed: 0 });
			expect(row('offer', 'ar').counts).toMatchObject({ missing: 2 });
			expect(row('organization', 'ar').counts).toMatchObject({ missing: 1 });
			expect(row('organization', 'ar').total).toBe(1);
			expect(view.machineConfigured).toBe(true);

			const outdated = await coverageView(coordinator, { locale: 'uk', state: 'outdated' });
			expect(outdated.worklist).toEqual([
				expect.objectContaining({
					id: german.id,
					locale: 'uk',
					state: 'outdated',
					translatePath: `/uebersetzungen/offer/${german.id}/uk`
				})
			]);
			// without a state the worklist holds everything not reviewed
			const en = await coverageView(coordinator, { locale: 'en', type: 'offer' });
			expect(en.worklist.map((w) => w.id)).toEqual([german.id]);
		} finally {
			setTranslator(undefined);
		}
	});

	it('says when machine translation is not configured', async () => {
		const { coordinator } = await network();
		setTranslator(null);
		try {
			expect((await coverageView(coordinator)).machineConfigured).toBe(false);
		} finally {
			setTranslator(undefined);
		}
	});
});

describe('authorisation', () => {
	it("an editor sees and translates only their organisation's content", async () => {
		const { tenant, org, offer, german } = await network();
		const editor = await actorCtx(db(), tenant, 'editor', { orgs: [org.id] });
		const view = await coverageView(editor, { locale: 'en' });
		const ids = view.worklist.map((w) => w.id);
		expect(ids).toContain(offer.id);
		expect(ids).toContain(org.id);
		expect(ids).not.toContain(german.id);
		expect(view.mayStartJobs).toBe(false);
		await saveTranslation(editor, {
			type: 'offer',
			id: offer.id,
			locale: 'en',
			title: 'German course'
		});
		await expect(
			saveTranslation(editor, { type: 'offer', id: german.id, locale: 'en', title: 'Sewing café' })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			translationView(editor, { type: 'offer', id: german.id, locale: 'en' })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(startTranslationJob(editor, { locale: 'en' })).rejects.toBeInstanceOf(
			NotFoundError
		);
	});

	it('members, anonymous visitors and the coordinator of another tenant are refused', async () => {
		const { tenant, offer } = await network();
		const other = await buildTenant(db());
		for (const ctx of [
			await actorCtx(db(), tenant, 'member'),
			await actorCtx(db(), tenant, 'none'),
			await actorCtx(db(), tenant, 'other', { other })
		]) {
			await expect(coverageView(ctx)).rejects.toBeInstanceOf(NotFoundError);
			await expect(
				saveTranslation(ctx, { type: 'offer', id: offer.id, locale: 'en', title: 'x' })
			).rejects.toBeInstanceOf(NotFoundError);
		}
		// the other tenant's coordinator, in their own tenant, does not find this offer
		const otherCoordinator = await actorCtx(db(), other, 'coordinator');
		await expect(
			translationView(otherCoordinator, { type: 'offer', id: offer.id, locale: 'en' })
		).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('machine translation against a LibreTranslate-compatible server', () => {
	it('translates one text on request, marks it machine-translated for readers, never overwrites a reviewed one', async () => {
		const fake = await fakeLibreTranslate();
		const translator: Translator = libreTranslate(fake.url, 'secret-key');
		try {
			const { tenant, offer, german, coordinator } = await network();
			await machineTranslate(
				coordinator,
				{ type: 'offer', id: offer.id, locale: 'en' },
				translator
			);
			expect(fake.requests[0]).toEqual({
				q: 'Deutschkurs am Abend',
				source: 'de',
				target: 'en',
				format: 'text',
				api_key: 'secret-key'
			});
			const scope = (await scopeAt(db(), tenant.slug))!;
			const shown = await getPublicOffer(db(), scope, offer.id, 'en');
			expect(shown?.title).toEqual({ text: '[en] Deutschkurs am Abend', lang: 'en' });
			expect(shown?.machine).toBe(true);
			const card = (await find(tenant, '', 'en')).items.find((i) => i.id === offer.id);
			expect(card?.machine).toBe(true);

			await saveTranslation(coordinator, {
				type: 'offer',
				id: german.id,
				locale: 'en',
				title: 'Sewing café',
				review: '1'
			});
			await expect(
				machineTranslate(coordinator, { type: 'offer', id: german.id, locale: 'en' }, translator)
			).rejects.toBeInstanceOf(ValidationError);
			const [kept] = await db()
				.select()
				.from(offerTexts)
				.where(and(eq(offerTexts.offerId, german.id), eq(offerTexts.locale, 'en')));
			expect(kept).toMatchObject({ title: 'Sewing café', state: 'reviewed' });

			fake.fail(true);
			await expect(
				machineTranslate(coordinator, { type: 'offer', id: offer.id, locale: 'tr' }, translator)
			).rejects.toBeInstanceOf(ValidationError);
		} finally {
			await fake.close();
		}
	});

	it('the job translates every missing text of a language, resumes after a stop, keeps reviewed ones and shows progress', async () => {
		const fake = await fakeLibreTranslate();
		setTranslator(libreTranslate(fake.url));
		try {
			const { org, offer, german, coordinator } = await network();
			await saveTranslation(coordinator, {
				type: 'offer',
				id: german.id,
				locale: 'fa',
				title: 'کافه خیاطی',
				review: '1'
			});
			const { total } = await startTranslationJob(coordinator, { locale: 'fa' });
			// the offer without Persian and the organisation description
			expect(total).toBe(2);
			// starting again while it runs gives the same job
			expect((await startTranslationJob(coordinator, { locale: 'fa' })).total).toBe(2);

			// a first run stops after one text (as if the app stopped): the job waits to go on
			const translator = libreTranslate(fake.url);
			expect(await runTranslationJob(db(), translator, { pauseMs: 0, maxTexts: 1 })).toBe(1);
			let [job] = await latestJobs(coordinator);
			expect(job).toMatchObject({ locale: 'fa', status: 'pending', done: 1, total: 2 });

			expect(await runTranslationJob(db(), translator, { pauseMs: 0 })).toBe(1);
			[job] = await latestJobs(coordinator);
			expect(job).toMatchObject({ status: 'done', done: 2 });

			const texts = await db().select().from(offerTexts).where(eq(offerTexts.locale, 'fa'));
			expect(texts.find((t) => t.offerId === offer.id)).toMatchObject({
				title: '[fa] Deutschkurs am Abend',
				state: 'machine'
			});
			expect(texts.find((t) => t.offerId === german.id)).toMatchObject({
				title: 'کافه خیاطی',
				state: 'reviewed'
			});
			const [orgText] = await db()
				.select()
				.from(organizationTexts)
				.where(
					and(eq(organizationTexts.organizationId, org.id), eq(organizationTexts.locale, 'fa'))
				);
			expect(orgText).toMatchObject({
				description: '[fa] Beratung für Familien.',
				state: 'machine'
			});
			const view = await coverageView(coordinator, { locale: 'fa' });
			expect(view.rows.find((r) => r.type === 'offer' && r.locale === 'fa')!.counts).toMatchObject({
				missing: 0,
				machine: 1,
				reviewed: 1
			});
			// nothing left: no further job runs
			expect(await runTranslationJob(db(), translator, { pauseMs: 0 })).toBe(0);
		} finally {
			setTranslator(undefined);
			await fake.close();
		}
	});

	it('a job whose service fails is marked failed with the error, and can be started again', async () => {
		const fake = await fakeLibreTranslate();
		setTranslator(libreTranslate(fake.url));
		try {
			const { coordinator } = await network();
			await db().delete(translationJobs);
			await startTranslationJob(coordinator, { locale: 'ru' });
			fake.fail(true);
			await runTranslationJob(db(), libreTranslate(fake.url), { pauseMs: 0 });
			let [job] = await latestJobs(coordinator);
			expect(job).toMatchObject({ status: 'failed', done: 0 });
			expect(job.lastError).toMatch(/500/);
			fake.fail(false);
			await startTranslationJob(coordinator, { locale: 'ru' });
			await runTranslationJob(db(), libreTranslate(fake.url), { pauseMs: 0 });
			[job] = await latestJobs(coordinator);
			// two offers and the organisation's description
			expect(job).toMatchObject({ status: 'done', done: 3, total: 3 });
		} finally {
			setTranslator(undefined);
			await fake.close();
		}
	});

	it('without the setting a job cannot be started and the per-text button says so', async () => {
		const { offer, coordinator } = await network();
		setTranslator(null);
		try {
			await expect(startTranslationJob(coordinator, { locale: 'en' })).rejects.toBeInstanceOf(
				ValidationError
			);
			await expect(
				machineTranslate(coordinator, { type: 'offer', id: offer.id, locale: 'en' })
			).rejects.toBeInstanceOf(ValidationError);
		} finally {
			setTranslator(undefined);
		}
	});
});
