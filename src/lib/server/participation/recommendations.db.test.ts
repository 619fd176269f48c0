/** Recommendations and what became of them: needs and concept measures. */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testTenantCtx } from '../db/testing/test-db';
import { buildFieldOfAction } from '../factories';
import { needs } from '../needs/schema';
import { NotFoundError, ValidationError } from '../errors';
import { submitContribution } from './contributions';
import { mergeContribution, publishContribution } from './moderation';
import { contributionsOf, myContributions } from './contribution-views';
import { createRecommendation, linkContributions, updateRecommendation } from './recommendations';
import {
	recordMeasureOutcome,
	setRecommendationOutcome,
	turnRecommendationIntoMeasure,
	turnRecommendationIntoNeed
} from './outcomes';
import { recommendationsOf } from './recommendation-views';
import { recommendationContributions, recommendations } from './schema';
import { adoptEdition } from '../concept/editions';
import { getMeasure } from '../concept/measure-detail';
import { conceptMeasures, measureLinks } from '../concept/schema';
import { buildResultsDocument } from './results';
import { anon, contribution, participationFixture } from './testing';

const { setup, conceptFor } = participationFixture();

describe('recommendations', () => {
	it('link back to every contribution; merged ones resolve to their target; others are refused', async () => {
		const { db, tenant, processId, field, staff, ctxFor } = await setup();
		const member = await ctxFor('member');
		const c1 = await submitContribution(member, { processId, ...contribution(field.id) });
		const c2 = await submitContribution(member, {
			processId,
			...contribution(field.id, { body: 'Sprachförderung in Kitas' })
		});
		const c3 = await submitContribution(member, {
			processId,
			...contribution(field.id, { body: 'Sprachkurse abends' })
		});
		await mergeContribution(staff, { processId, contributionId: c3.id, targetId: c1.id });
		const pending = await submitContribution(anon(db, tenant), {
			processId,
			...contribution(field.id)
		});
		const other = await setup();
		const foreign = await submitContribution(await other.ctxFor('member'), {
			processId: other.processId,
			...contribution(other.field.id)
		});

		await expect(createRecommendation(member, { processId, title: 'X' })).rejects.toBeInstanceOf(
			NotFoundError
		);
		const { id } = await createRecommendation(staff, {
			processId,
			title: 'Sprachförderung in den Kindertagesstätten',
			fieldOfActionId: field.id,
			contributionIds: [c2.id, c3.id]
		});
		let [rec] = await recommendationsOf(db, tenant.id, processId, 'de');
		expect(rec.contributions.map((c) => c.id).sort()).toEqual([c1.id, c2.id].sort());
		expect(rec.fieldOfActionName).toBe('Sprache');

		for (const bad of [pending.id, foreign.id]) {
			await expect(
				linkContributions(staff, { processId, recommendationId: id, contributionIds: [bad] })
			).rejects.toBeInstanceOf(ValidationError);
		}
		await updateRecommendation(staff, {
			processId,
			recommendationId: id,
			title: 'Sprachförderung in den Kindertagesstätten',
			fieldOfActionId: field.id,
			contributionIds: [c2.id]
		});
		expect(
			await linkContributions(staff, {
				processId,
				recommendationId: id,
				contributionIds: [c1.id, c2.id]
			})
		).toBe(1);
		[rec] = await recommendationsOf(db, tenant.id, processId, 'de');
		expect(rec.contributions).toHaveLength(2);

		// the participant sees what became of the contribution
		await setRecommendationOutcome(staff, {
			processId,
			recommendationId: id,
			kind: 'adopted',
			note: 'Ratsbeschluss'
		});
		const mine = await myContributions(member, { processId });
		expect(mine.find((c) => c.id === c2.id)?.recommendations).toEqual([
			{
				id,
				title: 'Sprachförderung in den Kindertagesstätten',
				outcomeKind: 'adopted',
				measure: null
			}
		]);
	});

	it('become a need of the offer review, or record a measure', async () => {
		const { db, tenant, other: otherTenant, processId, field, staff, ctxFor } = await setup();
		const member = await ctxFor('member');
		const c1 = await submitContribution(member, { processId, ...contribution(field.id) });
		const { id } = await createRecommendation(staff, {
			processId,
			title: 'Zugang zu preiswerten Wohnungen in allen Ortsteilen',
			body: 'Aus dem Dialog für die Allgemeinheit',
			fieldOfActionId: field.id,
			contributionIds: [c1.id]
		});
		const { needId } = await turnRecommendationIntoNeed(staff, {
			processId,
			recommendationId: id,
			urgency: 'high'
		});
		const [need] = await db.select().from(needs).where(eq(needs.id, needId));
		expect(need).toMatchObject({
			tenantId: tenant.id,
			title: 'Zugang zu preiswerten Wohnungen in allen Ortsteilen',
			fieldOfActionId: field.id,
			sourceKind: 'dialogue',
			urgency: 'high',
			status: 'open'
		});
		expect(need.sourceNote).toContain('Integrationskonzept – Beteiligung');
		const [rec] = await db.select().from(recommendations).where(eq(recommendations.id, id));
		expect(rec).toMatchObject({ outcomeKind: 'need', outcomeRef: needId });
		await expect(
			turnRecommendationIntoNeed(staff, { processId, recommendationId: id })
		).rejects.toBeInstanceOf(ValidationError);

		const { measureId } = await conceptFor(staff, tenant.id, field.id);
		await expect(
			recordMeasureOutcome(member, { recommendationId: id, measureId })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			recordMeasureOutcome(staff, { recommendationId: id, measureId: 'nope' })
		).rejects.toBeInstanceOf(ValidationError);
		// an id that is no measure of the tenant is rejected
		await expect(
			recordMeasureOutcome(staff, {
				recommendationId: id,
				measureId: '11111111-2222-4333-8444-555555555555'
			})
		).rejects.toMatchObject({ fieldErrors: { measureId: 'participation_error_measure_invalid' } });
		await recordMeasureOutcome(staff, { recommendationId: id, measureId, note: 'Maßnahme 3.2' });
		const [after] = await db.select().from(recommendations).where(eq(recommendations.id, id));
		expect(after).toMatchObject({
			outcomeKind: 'measure',
			outcomeRef: measureId,
			outcomeNote: 'Maßnahme 3.2'
		});
		// another tenant's coordinator, in their tenant, cannot reach it
		const other = testTenantCtx(db, otherTenant, (await ctxFor('other')).actor);
		await expect(
			recordMeasureOutcome(other, { recommendationId: id, measureId })
		).rejects.toBeInstanceOf(NotFoundError);
		const links = await db
			.select()
			.from(recommendationContributions)
			.where(eq(recommendationContributions.recommendationId, id));
		expect(links.map((l) => l.contributionId)).toEqual([c1.id]);
	});
});

describe('recommendation → measure', () => {
	it('creates a new measure in the working edition, linked both ways, in one step', async () => {
		const { db, tenant, processId, field, staff, ctxFor } = await setup();
		const { goalId, editionId, state } = await conceptFor(staff, tenant.id, field.id);
		const member = await ctxFor('member');
		const c1 = await submitContribution(member, { processId, ...contribution(field.id) });
		await publishContribution(staff, { processId, contributionId: c1.id });
		const { id } = await createRecommendation(staff, {
			processId,
			title: 'Sprachpatenschaften ausbauen',
			body: 'Ehrenamtliche begleiten Neuzugewanderte.',
			fieldOfActionId: field.id,
			contributionIds: [c1.id]
		});
		// members may not
		await expect(
			turnRecommendationIntoMeasure(member, {
				processId,
				recommendationId: id,
				goalId,
				stateId: state('proposed')
			})
		).rejects.toBeInstanceOf(NotFoundError);
		// a goal is needed; nothing is written when it is missing
		await expect(
			turnRecommendationIntoMeasure(staff, {
				processId,
				recommendationId: id,
				stateId: state('proposed')
			})
		).rejects.toBeInstanceOf(ValidationError);
		const { measureId } = await turnRecommendationIntoMeasure(staff, {
			processId,
			recommendationId: id,
			mode: 'new',
			goalId,
			stateId: state('active'),
			isPublic: 'on',
			note: 'Maßnahme 2.4'
		});
		const [measure] = await db
			.select()
			.from(conceptMeasures)
			.where(eq(conceptMeasures.id, measureId));
		expect(measure).toMatchObject({
			tenantId: tenant.id,
			editionId,
			goalId,
			title: 'Sprachpatenschaften ausbauen',
			description: 'Ehrenamtliche begleiten Neuzugewanderte.'
		});
		const detail = await getMeasure(staff, { measureId });
		expect(detail.links.map((l) => [l.kind, l.targetId, l.processId])).toEqual([
			['recommendation', id, processId]
		]);
		const [rec] = await db.select().from(recommendations).where(eq(recommendations.id, id));
		expect(rec).toMatchObject({
			outcomeKind: 'measure',
			outcomeRef: measureId,
			outcomeNote: 'Maßnahme 2.4'
		});
		// staff see the measure; the public only once the edition is adopted
		const [view] = await recommendationsOf(db, tenant.id, processId, 'de');
		expect(view.measure).toEqual({
			id: measureId,
			title: 'Sprachpatenschaften ausbauen',
			isPublic: false
		});
		const staffContribs = await contributionsOf(db, tenant.id, processId, {
			staff: true,
			locale: 'de'
		});
		expect(staffContribs[0].recommendations[0].measure?.id).toBe(measureId);
		const publicContribs = await contributionsOf(db, tenant.id, processId, {
			staff: false,
			locale: 'de'
		});
		expect(publicContribs[0].recommendations[0].measure).toBeNull();
		await expect(
			buildResultsDocument(testTenantCtx(db, tenant), { processId }).then(
				(d) => d.groups[0].items[0].measure
			)
		).resolves.toBeNull();
		await adoptEdition(staff, { editionId, adoptedOn: '2026-01-15', adoptedBy: 'Kreistag' });
		const results = await buildResultsDocument(testTenantCtx(db, tenant), { processId });
		expect(results.groups[0].items[0].measure).toEqual({
			id: measureId,
			title: 'Sprachpatenschaften ausbauen',
			isPublic: true
		});
		const mine = await contributionsOf(db, tenant.id, processId, { staff: false, locale: 'de' });
		expect(mine[0].recommendations[0].measure?.title).toBe('Sprachpatenschaften ausbauen');
	});

	it('links an existing measure, and never another tenant’s', async () => {
		const { db, tenant, other, processId, field, staff, ctxFor } = await setup();
		const { measureId } = await conceptFor(staff, tenant.id, field.id);
		const { id } = await createRecommendation(staff, {
			processId,
			title: 'Wohnraumbörse bekannter machen',
			fieldOfActionId: field.id
		});
		// another tenant's measure
		const otherStaff = testTenantCtx(db, other, (await ctxFor('other')).actor);
		const otherField = await buildFieldOfAction(db, other.id, { names: { de: 'Wohnen' } });
		const { measureId: foreign } = await conceptFor(otherStaff, other.id, otherField.id);
		await expect(
			turnRecommendationIntoMeasure(staff, {
				processId,
				recommendationId: id,
				mode: 'existing',
				measureId: foreign
			})
		).rejects.toMatchObject({ fieldErrors: { measureId: 'participation_error_measure_invalid' } });
		await expect(
			recordMeasureOutcome(staff, { recommendationId: id, measureId: foreign })
		).rejects.toBeInstanceOf(ValidationError);
		const [untouched] = await db.select().from(recommendations).where(eq(recommendations.id, id));
		expect(untouched.outcomeKind).toBeNull();
		expect(
			await db.select().from(measureLinks).where(eq(measureLinks.measureId, foreign))
		).toHaveLength(0);

		const result = await turnRecommendationIntoMeasure(staff, {
			processId,
			recommendationId: id,
			mode: 'existing',
			measureId
		});
		expect(result).toEqual({ measureId });
		const [rec] = await db.select().from(recommendations).where(eq(recommendations.id, id));
		expect(rec).toMatchObject({ outcomeKind: 'measure', outcomeRef: measureId });
		const links = await db
			.select()
			.from(measureLinks)
			.where(and(eq(measureLinks.measureId, measureId), eq(measureLinks.kind, 'recommendation')));
		expect(links.map((l) => l.targetId)).toEqual([id]);
		// doing it again does not duplicate the link
		await turnRecommendationIntoMeasure(staff, {
			processId,
			recommendationId: id,
			mode: 'existing',
			measureId
		});
		expect(
			await db.select().from(measureLinks).where(eq(measureLinks.measureId, measureId))
		).toHaveLength(1);
	});
});
