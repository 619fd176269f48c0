import { withTenant, type TenantCtx } from '../context';
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { testCtx, testTenantCtx, useTestSetup } from '../db/testing/test-db';
import type { Db } from '../db/client';
import { actorCtx } from '../db/testing/test-actors';
import {
	buildFieldOfAction,
	buildNeed,
	buildOffer,
	buildOrganization,
	buildTenant,
	buildUser,
	grantRole
} from '../factories';
import { loadActor } from '../auth/sessions';
import type { Role } from '../auth/schema';
import { auditLog } from '../audit/schema';
import { offers } from '../offers/schema';
import { NotFoundError, ValidationError } from '../errors';
import { allCoverage, COVERAGE_PAGE_SIZE, coverageMatrix, listCoverage } from './coverage';
import { coverageCsv } from './coverage-csv';
import { listOffersForNeedsReview, markOfferReviewed } from './offer-review';
import { berlinDateOf } from '../shared';

/** A district with two municipalities, a field "sprache" everywhere and one organisation. */
const district = useTestSetup(async (db: Db) => {
	const tenant = await buildTenant(db, { kind: 'district' });
	const m1 = await buildTenant(db, { kind: 'municipality', parentId: tenant.id });
	const m2 = await buildTenant(db, { kind: 'municipality', parentId: tenant.id });
	const sprache = await buildFieldOfAction(db, tenant.id, {
		key: 'sprache',
		names: { de: 'Sprache' },
		position: 1
	});
	const bildung = await buildFieldOfAction(db, tenant.id, {
		key: 'bildung',
		names: { de: 'Bildung' },
		position: 2
	});
	const m1Sprache = await buildFieldOfAction(db, m1.id, {
		key: 'sprache',
		names: { de: 'Sprache' }
	});
	const org = await buildOrganization(db, tenant.id);
	const m1Org = await buildOrganization(db, m1.id);
	const m2Org = await buildOrganization(db, m2.id);
	const ctx = await actorCtx(db, tenant, 'coordinator');
	return { db, tenant, m1, m2, sprache, bildung, m1Sprache, org, m1Org, m2Org, ctx };
});

async function matchesOf(ctx: TenantCtx, needId: string) {
	const { rows } = await listCoverage(ctx);
	const row = rows.find((r) => r.id === needId);
	expect(row, 'the open need is listed').toBeDefined();
	return row!.matches;
}

describe('coverage matching', () => {
	it('field of action: the same field matches, another does not; no field matches any', async () => {
		const d = await district();
		const need = await buildNeed(d.db, d.tenant.id, { fieldOfActionId: d.sprache.id });
		const anyField = await buildNeed(d.db, d.tenant.id, {});
		expect(await matchesOf(d.ctx, need.id)).toBe(0);
		await buildOffer(d.db, d.tenant.id, d.org.id, { fieldOfActionId: d.bildung.id });
		expect(await matchesOf(d.ctx, need.id)).toBe(0);
		await buildOffer(d.db, d.tenant.id, d.org.id, { fieldOfActionId: d.sprache.id });
		expect(await matchesOf(d.ctx, need.id)).toBe(1);
		expect(await matchesOf(d.ctx, anyField.id)).toBe(2);
	});

	it('field of action: a municipality’s own field with the same key counts', async () => {
		const d = await district();
		const need = await buildNeed(d.db, d.tenant.id, { fieldOfActionId: d.sprache.id });
		await buildOffer(d.db, d.m1.id, d.m1Org.id, { fieldOfActionId: d.m1Sprache.id });
		expect(await matchesOf(d.ctx, need.id)).toBe(1);
	});

	it('target group: the same group or an offer for all; another group does not', async () => {
		const d = await district();
		const need = await buildNeed(d.db, d.tenant.id, { targetGroup: 'women' });
		await buildOffer(d.db, d.tenant.id, d.org.id, { targetGroups: ['youth', 'men'] });
		expect(await matchesOf(d.ctx, need.id)).toBe(0);
		await buildOffer(d.db, d.tenant.id, d.org.id, { targetGroups: ['women', 'parents'] });
		expect(await matchesOf(d.ctx, need.id)).toBe(1);
		await buildOffer(d.db, d.tenant.id, d.org.id, { targetGroups: ['all'] });
		expect(await matchesOf(d.ctx, need.id)).toBe(2);
	});

	it('language: the need’s language must be among the offer’s; a need without one takes any', async () => {
		const d = await district();
		const arabic = await buildNeed(d.db, d.tenant.id, { language: 'ar' });
		const any = await buildNeed(d.db, d.tenant.id, {});
		await buildOffer(d.db, d.tenant.id, d.org.id, { languages: ['de'] });
		await buildOffer(d.db, d.tenant.id, d.org.id, { languages: [] });
		expect(await matchesOf(d.ctx, arabic.id)).toBe(0);
		await buildOffer(d.db, d.tenant.id, d.org.id, { languages: ['de', 'ar'] });
		expect(await matchesOf(d.ctx, arabic.id)).toBe(1);
		expect(await matchesOf(d.ctx, any.id)).toBe(3);
	});

	it('municipality: listed, whole tenant, or the municipality’s own offer; not another one', async () => {
		const d = await district();
		const need = await buildNeed(d.db, d.tenant.id, { municipalityId: d.m1.id });
		// Offers elsewhere: only in the other municipality.
		await buildOffer(d.db, d.tenant.id, d.org.id, { municipalityIds: [d.m2.id] });
		await buildOffer(d.db, d.m2.id, d.m2Org.id, {});
		expect(await matchesOf(d.ctx, need.id)).toBe(0);
		// The district's offer names the municipality …
		await buildOffer(d.db, d.tenant.id, d.org.id, { municipalityIds: [d.m2.id, d.m1.id] });
		expect(await matchesOf(d.ctx, need.id)).toBe(1);
		// … or names none (the whole district) …
		await buildOffer(d.db, d.tenant.id, d.org.id, { municipalityIds: [] });
		expect(await matchesOf(d.ctx, need.id)).toBe(2);
		// … or belongs to the municipality's own tenant.
		await buildOffer(d.db, d.m1.id, d.m1Org.id, {});
		expect(await matchesOf(d.ctx, need.id)).toBe(3);
		// A need without a municipality takes every offer of the district.
		const anywhere = await buildNeed(d.db, d.tenant.id, {});
		expect(await matchesOf(d.ctx, anywhere.id)).toBe(5);
	});

	it('a municipality’s coverage counts the district offers that serve it', async () => {
		const d = await district();
		const user = await buildUser(d.db);
		await grantRole(d.db, d.m1.id, user.id, 'coordinator');
		const ctx = testTenantCtx(d.db, d.m1, await loadActor(d.db, user.id));
		const need = await buildNeed(d.db, d.m1.id, {});
		await buildOffer(d.db, d.tenant.id, d.org.id, { municipalityIds: [d.m2.id] });
		expect(await matchesOf(ctx, need.id)).toBe(0);
		await buildOffer(d.db, d.tenant.id, d.org.id, { municipalityIds: [] });
		await buildOffer(d.db, d.tenant.id, d.org.id, { municipalityIds: [d.m1.id] });
		await buildOffer(d.db, d.m1.id, d.m1Org.id, {});
		expect(await matchesOf(ctx, need.id)).toBe(3);
	});

	it('only offers the public sees today count: not drafts, archived or expired ones', async () => {
		const d = await district();
		const need = await buildNeed(d.db, d.tenant.id, {});
		const today = berlinDateOf(new Date());
		const yesterday = berlinDateOf(new Date(Date.now() - 86_400_000));
		await buildOffer(d.db, d.tenant.id, d.org.id, { status: 'draft' });
		await buildOffer(d.db, d.tenant.id, d.org.id, { status: 'in_review' });
		await buildOffer(d.db, d.tenant.id, d.org.id, { status: 'archived' });
		await buildOffer(d.db, d.tenant.id, d.org.id, { validTo: yesterday });
		expect(await matchesOf(d.ctx, need.id)).toBe(0);
		await buildOffer(d.db, d.tenant.id, d.org.id, { validTo: today });
		expect(await matchesOf(d.ctx, need.id)).toBe(1);
	});

	it('never counts another tenant’s offers nor lists its needs', async () => {
		const d = await district();
		const stranger = await buildTenant(d.db);
		const strangerOrg = await buildOrganization(d.db, stranger.id);
		await buildOffer(d.db, stranger.id, strangerOrg.id, { targetGroups: ['all'] });
		await buildNeed(d.db, stranger.id, { title: 'fremd' });
		const need = await buildNeed(d.db, d.tenant.id, {});
		expect(await matchesOf(d.ctx, need.id)).toBe(0);
		const { rows, summary } = await listCoverage(withTenant(d.ctx, d.tenant));
		expect(rows.map((r) => r.title)).not.toContain('fremd');
		expect(summary).toEqual({ openNeeds: 1, gaps: 1, publishedOffers: 0 });
	});

	it('lists only open needs: gaps first, then by urgency; names the matching offers', async () => {
		const d = await district();
		await buildOffer(d.db, d.tenant.id, d.org.id, {
			title: 'Sprachcafé',
			fieldOfActionId: d.sprache.id,
			targetGroups: ['all']
		});
		for (const need of [
			{ title: 'gedeckt hoch', fieldOfActionId: d.sprache.id, urgency: 'high' },
			{ title: 'Lücke niedrig', fieldOfActionId: d.bildung.id, urgency: 'low' },
			{ title: 'Lücke hoch', fieldOfActionId: d.bildung.id, urgency: 'high' },
			{ title: 'Lücke mittel', fieldOfActionId: d.bildung.id, urgency: 'medium' },
			{ title: 'geschlossen', fieldOfActionId: d.bildung.id, status: 'closed' },
			{ title: 'als gedeckt markiert', fieldOfActionId: d.bildung.id, status: 'covered' }
		] as const)
			await buildNeed(d.db, d.tenant.id, need);
		const { rows, summary, hasMore } = await listCoverage(withTenant(d.ctx, d.tenant));
		expect(rows.map((r) => [r.title, r.matches])).toEqual([
			['Lücke hoch', 0],
			['Lücke mittel', 0],
			['Lücke niedrig', 0],
			['gedeckt hoch', 1]
		]);
		expect(rows[3].examples).toEqual(['Sprachcafé']);
		expect(rows[3].fieldOfActionName).toBe('Sprache');
		expect(summary).toEqual({ openNeeds: 4, gaps: 3, publishedOffers: 1 });
		expect(hasMore).toBe(false);
	});

	it('paginates the needs', async () => {
		const d = await district();
		for (let i = 0; i < COVERAGE_PAGE_SIZE + 1; i++) await buildNeed(d.db, d.tenant.id);
		const first = await listCoverage(withTenant(d.ctx, d.tenant), { page: 1 });
		const second = await listCoverage(withTenant(d.ctx, d.tenant), { page: 2 });
		expect(first.rows).toHaveLength(COVERAGE_PAGE_SIZE);
		expect(first.hasMore).toBe(true);
		expect(second.rows).toHaveLength(1);
		expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(
			COVERAGE_PAGE_SIZE + 1
		);
	});
});

describe('coverage matrix', () => {
	it('counts published offers and open needs per field and target group', async () => {
		const d = await district();
		await buildOffer(d.db, d.tenant.id, d.org.id, {
			fieldOfActionId: d.sprache.id,
			targetGroups: ['women', 'parents']
		});
		await buildOffer(d.db, d.m1.id, d.m1Org.id, {
			fieldOfActionId: d.m1Sprache.id,
			targetGroups: ['women']
		});
		await buildOffer(d.db, d.tenant.id, d.org.id, { targetGroups: ['all'] });
		await buildOffer(d.db, d.tenant.id, d.org.id, {
			fieldOfActionId: d.sprache.id,
			targetGroups: ['women'],
			status: 'draft'
		});
		await buildNeed(d.db, d.tenant.id, { fieldOfActionId: d.bildung.id, targetGroup: 'children' });
		await buildNeed(d.db, d.tenant.id, { fieldOfActionId: d.sprache.id, targetGroup: 'women' });
		await buildNeed(d.db, d.tenant.id, {
			fieldOfActionId: d.sprache.id,
			targetGroup: 'women',
			status: 'closed'
		});
		await buildNeed(d.db, d.tenant.id, { fieldOfActionId: d.sprache.id });
		const matrix = await coverageMatrix(withTenant(d.ctx, d.tenant));
		expect(matrix.columns).toEqual(['all', 'children', 'women', 'parents', null]);
		const cells = Object.fromEntries(
			matrix.rows.map((r) => [r.key ?? '-', r.cells.map((c) => `${c.offers}/${c.needs}`).join(' ')])
		);
		expect(matrix.rows.map((r) => r.name)).toEqual(['Sprache', 'Bildung', null]);
		expect(cells).toEqual({
			sprache: '0/0 0/0 2/1 1/0 0/1',
			bildung: '0/0 0/1 0/0 0/0 0/0',
			'-': '1/0 0/0 0/0 0/0 0/0'
		});
	});
});

describe('coverage CSV', () => {
	it('one row per open need, gaps first, with BOM, semicolons and the user’s labels', async () => {
		const d = await district();
		await buildOffer(d.db, d.tenant.id, d.org.id, {
			title: 'Elterncafé; mit Kinderbetreuung',
			fieldOfActionId: d.sprache.id,
			targetGroups: ['parents'],
			languages: ['de', 'ar']
		});
		await buildNeed(d.db, d.tenant.id, {
			title: 'Elternberatung auf Arabisch',
			fieldOfActionId: d.sprache.id,
			targetGroup: 'parents',
			language: 'ar',
			municipalityId: d.m1.id,
			urgency: 'medium',
			sourceKind: 'dialogue',
			sourceNote: 'Vernetzungstreffen "Gemeinden"'
		});
		await buildNeed(d.db, d.tenant.id, {
			title: 'Wohnraum',
			fieldOfActionId: d.bildung.id,
			urgency: 'high',
			sourceKind: 'statistics'
		});
		const csv = coverageCsv(await allCoverage(withTenant(d.ctx, d.tenant)), {
			header: [
				'Bedarf',
				'Handlungsfeld',
				'Zielgruppe',
				'Sprache',
				'Gemeinde',
				'Dringlichkeit',
				'Quelle',
				'Notiz',
				'Passende Angebote',
				'Beispiele',
				'Erfasst am'
			],
			targetGroup: (k) => (k === 'parents' ? 'Eltern' : k),
			language: (c) => (c === 'ar' ? 'Arabisch' : c),
			urgency: (u) => ({ high: 'hoch', medium: 'mittel', low: 'niedrig' })[u] ?? u,
			source: (s) => ({ dialogue: 'Dialog', statistics: 'Statistik' })[s] ?? s,
			any: 'alle'
		});
		expect(csv.startsWith('\uFEFFBedarf;Handlungsfeld;Zielgruppe;')).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		const records = parse(csv.slice(1), { delimiter: ';' }) as string[][];
		const today = berlinDateOf(new Date());
		expect(records.slice(1)).toEqual([
			['Wohnraum', 'Bildung', 'alle', 'alle', 'alle', 'hoch', 'Statistik', '', '0', '', today],
			[
				'Elternberatung auf Arabisch',
				'Sprache',
				'Eltern',
				'Arabisch',
				d.m1.name,
				'mittel',
				'Dialog',
				'Vernetzungstreffen "Gemeinden"',
				'1',
				'Elterncafé; mit Kinderbetreuung',
				today
			]
		]);
	});
});

describe('review against needs', () => {
	it('marks an offer reviewed with a note, audited; the list shows the date', async () => {
		const d = await district();
		const offer = await buildOffer(d.db, d.tenant.id, d.org.id, { title: 'Sprachcafé' });
		const other = await buildOffer(d.db, d.tenant.id, d.org.id, { title: 'Anderes' });
		const { reviewedAt } = await markOfferReviewed(withTenant(d.ctx, d.tenant), {
			note: ' Deckt den Bedarf aus dem AK Sprache. ',
			offerId: offer.id
		});
		const [row] = await d.db.select().from(offers).where(eq(offers.id, offer.id));
		expect(row.needsReviewedAt?.getTime()).toBe(reviewedAt.getTime());
		expect(row.needsReviewNote).toBe('Deckt den Bedarf aus dem AK Sprache.');
		expect(row.needsReviewedBy).toBe(d.ctx.actor!.userId);
		const [audit] = await d.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, offer.id), eq(auditLog.action, 'offer.needs_review')));
		expect(audit.after).toMatchObject({
			name: 'Sprachcafé',
			needsReviewNote: 'Deckt den Bedarf aus dem AK Sprache.'
		});
		const { rows } = await listOffersForNeedsReview(withTenant(d.ctx, d.tenant));
		// Never reviewed first.
		expect(rows.map((r) => r.id)).toEqual([other.id, offer.id]);
		expect(rows[1]).toMatchObject({
			title: 'Sprachcafé',
			needsReviewNote: 'Deckt den Bedarf aus dem AK Sprache.',
			needsReviewedByName: expect.any(String)
		});
		expect(rows[1].needsReviewedAt).toBeInstanceOf(Date);
	});

	it('refuses a note that is too long, and offers of other tenants or malformed ids', async () => {
		const d = await district();
		const offer = await buildOffer(d.db, d.tenant.id, d.org.id);
		await expect(
			markOfferReviewed(withTenant(d.ctx, d.tenant), { note: 'x'.repeat(2001), offerId: offer.id })
		).rejects.toBeInstanceOf(ValidationError);
		const foreign = await buildOffer(d.db, d.m1.id, d.m1Org.id);
		for (const id of [foreign.id, 'nope']) {
			await expect(
				markOfferReviewed(withTenant(d.ctx, d.tenant), { note: '', offerId: id })
			).rejects.toBeInstanceOf(NotFoundError);
		}
		const [row] = await d.db.select().from(offers).where(eq(offers.id, foreign.id));
		expect(row.needsReviewedAt).toBeNull();
	});

	it.each(['member', 'editor', 'guest'] as const)(
		'%s sees no coverage and marks nothing',
		async (role: Role) => {
			const d = await district();
			const offer = await buildOffer(d.db, d.tenant.id, d.org.id);
			const user = await buildUser(d.db);
			await grantRole(d.db, d.tenant.id, user.id, role, role === 'editor' ? [d.org.id] : []);
			const ctx = testCtx(d.db, await loadActor(d.db, user.id));
			for (const call of [
				() => listCoverage(withTenant(ctx, d.tenant)),
				() => allCoverage(withTenant(ctx, d.tenant)),
				() => coverageMatrix(withTenant(ctx, d.tenant)),
				() => listOffersForNeedsReview(withTenant(ctx, d.tenant)),
				() => markOfferReviewed(withTenant(ctx, d.tenant), { note: 'x', offerId: offer.id })
			])
				await expect(call()).rejects.toBeInstanceOf(NotFoundError);
			const [row] = await d.db.select().from(offers).where(eq(offers.id, offer.id));
			expect(row.needsReviewedAt).toBeNull();
		}
	);
});
