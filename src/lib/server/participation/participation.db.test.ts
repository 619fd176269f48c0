import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb, testCtx } from '../db/testing/test-db';
import type { Database } from '../db/client';
import { buildFieldOfAction, buildTenant, buildUser, grantRole } from '../factories';
import { loadActor } from '../auth/sessions';
import type { Role } from '../auth/schema';
import { outbox } from '../mail/schema';
import { needs } from '../needs/schema';
import { auditLog } from '../audit/schema';
import { NotFoundError, RateLimitError, ValidationError } from '../errors';
import { issueChallenge } from '../inquiries/spam';
import { addDays } from '../shared';
import {
	addPhase,
	createProcess,
	getProcess,
	getPublicProcess,
	listProcesses,
	listPublicProcesses,
	updateProcess
} from './processes';
import {
	cancelRegistration,
	createDialogue,
	listRegistrations,
	registerForDialogue
} from './dialogues';
import {
	ANONYMOUS_CONTRIBUTION_LIMIT,
	commentOnContribution,
	contributionByToken,
	enterOfflineContributions,
	hideContribution,
	listContributions,
	mergeContribution,
	moderationHistory,
	myContributions,
	publishContribution,
	submitContribution,
	supportContribution
} from './contributions';
import {
	createRecommendation,
	linkContributions,
	listRecommendations,
	recordMeasureOutcome,
	setRecommendationOutcome,
	turnRecommendationIntoMeasure,
	turnRecommendationIntoNeed,
	updateRecommendation
} from './recommendations';
import { contributions, recommendationContributions, recommendations } from './schema';
import type { Ctx } from '../context';
import { adoptEdition, createEdition } from '../concept/editions';
import { createGoal } from '../concept/structure';
import { createMeasure, getMeasure } from '../concept/measures';
import { conceptMeasures, measureLinks, measureStates } from '../concept/schema';
import { buildResultsDocument } from './results';
import { berlinToday } from '../shared';

let database: Database;
beforeAll(async () => {
	database = await createTestDb();
});
afterAll(() => database.close());

const today = berlinToday();
let ipCounter = 0;
const anon = (db: Database['db'], ip = `192.0.2.${++ipCounter}`) => testCtx(db, null, { ip });
const spamFields = () => ({
	website: '',
	challenge: issueChallenge(new Date(Date.now() - 60_000), 4)
});

/** A tenant with a published process in its collecting phase (unless told otherwise). */
async function setup(
	opts: {
		phase?: 'information' | 'collecting' | 'evaluation' | 'results';
		allowAnonymous?: boolean;
	} = {}
) {
	const db = database.db;
	const tenant = await buildTenant(db);
	const other = await buildTenant(db);
	const field = await buildFieldOfAction(db, tenant.id, {
		names: { de: 'Sprache', en: 'Language' }
	});
	const field2 = await buildFieldOfAction(db, tenant.id, { names: { de: 'Wohnen' } });
	const ctxFor = async (role: Role | 'none' | 'other') => {
		if (role === 'none') return testCtx(db, null);
		const user = await buildUser(db);
		await grantRole(
			db,
			role === 'other' ? other.id : tenant.id,
			user.id,
			role === 'other' ? 'coordinator' : role
		);
		return testCtx(db, await loadActor(db, user.id));
	};
	const staff = await ctxFor('coordinator');
	const { id: processId } = await createProcess(staff, tenant.id, {
		title: 'Integrationskonzept – Beteiligung',
		purpose: 'Gemeinsame Ziele formulieren',
		status: 'published',
		allowAnonymous: opts.allowAnonymous === false ? '' : 'on',
		fieldIds: [field.id, field2.id]
	});
	await addPhase(staff, tenant.id, processId, {
		kind: opts.phase ?? 'collecting',
		startsOn: addDays(today, -10),
		endsOn: addDays(today, 30)
	});
	return { db, tenant, other, field, field2, staff, ctxFor, processId };
}

/** A concept edition (draft) of the tenant with one goal and one measure. */
async function conceptFor(staff: Ctx, tenantId: string, fieldId: string) {
	const { id: editionId } = await createEdition(staff, tenantId, { title: 'Konzept 2026' });
	const { id: goalId } = await createGoal(staff, tenantId, editionId, {
		fieldOfActionId: fieldId,
		title: 'Mehr Wohnraum'
	});
	const states = await database.db
		.select()
		.from(measureStates)
		.where(eq(measureStates.tenantId, tenantId));
	const state = (category: string) => states.find((x) => x.category === category)!.id;
	const { id: measureId } = await createMeasure(staff, tenantId, editionId, {
		goalId,
		title: 'Wohnraumbörse',
		stateId: state('active'),
		isPublic: 'on'
	});
	return { editionId, goalId, measureId, state };
}

const contribution = (fieldId: string, extra: Record<string, unknown> = {}) => ({
	body: 'Mehr Sprachkurse am Abend',
	fieldOfActionId: fieldId,
	language: 'de',
	...spamFields(),
	...extra
});

describe('processes', () => {
	it('are created and changed by coordinators only; drafts stay out of the public site', async () => {
		const { tenant, staff, ctxFor, processId, field, db } = await setup();
		for (const role of ['member', 'editor', 'steering', 'guest', 'none', 'other'] as const) {
			const ctx = await ctxFor(role);
			await expect(createProcess(ctx, tenant.id, { title: 'X' })).rejects.toBeInstanceOf(
				NotFoundError
			);
			await expect(updateProcess(ctx, tenant.id, processId, { title: 'X' })).rejects.toBeInstanceOf(
				NotFoundError
			);
		}
		// members of the network may look
		const member = await ctxFor('member');
		expect((await listProcesses(member, tenant.id)).map((p) => p.id)).toContain(processId);
		await expect(getProcess(await ctxFor('guest'), tenant.id, processId)).rejects.toBeInstanceOf(
			NotFoundError
		);

		const view = await getProcess(staff, tenant.id, processId);
		expect(view).toMatchObject({ currentPhase: 'collecting', status: 'published' });
		expect(view.fields.map((f) => f.name)).toContain('Sprache');
		await updateProcess(staff, tenant.id, processId, {
			title: 'Entwurf',
			status: 'draft',
			fieldIds: [field.id]
		});
		expect((await listPublicProcesses(db, tenant.id)).map((p) => p.id)).not.toContain(processId);
		await expect(getPublicProcess(db, tenant.id, processId, 'de')).rejects.toBeInstanceOf(
			NotFoundError
		);
		// a field of another tenant is refused
		const foreign = await buildFieldOfAction(db, (await buildTenant(db)).id);
		await expect(
			updateProcess(staff, tenant.id, processId, { title: 'X', fieldIds: [foreign.id] })
		).rejects.toBeInstanceOf(ValidationError);
	});

	it('rejects a phase that ends before it starts', async () => {
		const { tenant, staff, processId } = await setup();
		const err = await addPhase(staff, tenant.id, processId, {
			kind: 'results',
			startsOn: '2026-05-10',
			endsOn: '2026-05-01'
		}).catch((e) => e);
		expect(err.fieldErrors).toEqual({ endsOn: 'participation_error_end_before_start' });
	});
});

describe('phase rules', () => {
	it.each(['information', 'evaluation', 'results'] as const)(
		'refuse contributions and supports in the %s phase',
		async (phase) => {
			const { db, tenant, processId, field, staff } = await setup({ phase });
			const err = await submitContribution(
				anon(db),
				tenant.id,
				processId,
				contribution(field.id)
			).catch((e) => e);
			expect(err).toBeInstanceOf(ValidationError);
			expect(err.fieldErrors).toEqual({ form: 'participation_error_phase_closed' });
			// staff may still enter what was said at an event
			await enterOfflineContributions(staff, tenant.id, processId, { lines: 'Karte 1' });
			const [c] = await listContributions(db, tenant.id, processId, { staff: false, locale: 'de' });
			await expect(
				supportContribution(anon(db), tenant.id, c.id, 'p'.repeat(30))
			).rejects.toBeInstanceOf(ValidationError);
			const comment = commentOnContribution(anon(db), tenant.id, c.id, {
				body: 'Ja',
				...spamFields()
			});
			if (phase === 'evaluation')
				await expect(comment).resolves.toMatchObject({ id: expect.any(String) });
			else await expect(comment).rejects.toBeInstanceOf(ValidationError);
		}
	);

	it('refuse everything outside the phases', async () => {
		const db = database.db;
		const tenant = await buildTenant(db);
		const field = await buildFieldOfAction(db, tenant.id);
		const user = await buildUser(db);
		await grantRole(db, tenant.id, user.id, 'coordinator');
		const staff = testCtx(db, await loadActor(db, user.id));
		const { id } = await createProcess(staff, tenant.id, {
			title: 'P',
			status: 'published',
			allowAnonymous: 'on'
		});
		await addPhase(staff, tenant.id, id, {
			kind: 'collecting',
			startsOn: addDays(today, 5),
			endsOn: addDays(today, 9)
		});
		await expect(
			submitContribution(anon(db), tenant.id, id, contribution(field.id))
		).rejects.toBeInstanceOf(ValidationError);
	});
});

describe('contributions', () => {
	it('from an account are published at once; anonymous ones wait for moderation and get a private link', async () => {
		const { db, tenant, processId, field, ctxFor } = await setup();
		const member = await ctxFor('member');
		const mine = await submitContribution(member, tenant.id, processId, contribution(field.id));
		expect(mine).toMatchObject({ status: 'published', token: null });
		const a = await submitContribution(
			anon(db),
			tenant.id,
			processId,
			contribution(field.id, {
				body: 'Ein Treffpunkt für Seniorinnen und Senioren',
				targetGroup: 'seniors',
				authorName: 'Frau K.'
			})
		);
		expect(a.status).toBe('pending');
		expect(a.token).toBeTruthy();
		const pub = await listContributions(db, tenant.id, processId, { staff: false, locale: 'de' });
		expect(pub.map((c) => c.id)).toEqual([mine.id]);
		// the private link shows the waiting contribution to its author
		const tracked = await contributionByToken(db, tenant.id, a.token!, 'de');
		expect(tracked).toMatchObject({ id: a.id, status: 'pending' });
		expect(await contributionByToken(db, tenant.id, 'x'.repeat(43), 'de')).toBeNull();
		expect((await myContributions(member, tenant.id, processId)).map((c) => c.id)).toEqual([
			mine.id
		]);
	});

	it('anonymous: refused where the process wants an account, spam-checked, limited per address', async () => {
		const closed = await setup({ allowAnonymous: false });
		const e1 = await submitContribution(
			anon(closed.db),
			closed.tenant.id,
			closed.processId,
			contribution(closed.field.id)
		).catch((e) => e);
		expect(e1.fieldErrors).toEqual({ form: 'participation_error_account_required' });

		const { db, tenant, processId, field } = await setup();
		const e2 = await submitContribution(
			anon(db),
			tenant.id,
			processId,
			contribution(field.id, { website: 'x' })
		).catch((e) => e);
		expect(e2.fieldErrors).toEqual({ form: 'inquiries_error_spam_honeypot' });
		const e3 = await submitContribution(
			anon(db),
			tenant.id,
			processId,
			contribution(field.id, { body: 'x'.repeat(2001) })
		).catch((e) => e);
		expect(e3.fieldErrors).toEqual({ body: 'participation_error_body_too_long' });

		const ctx = anon(db, '198.18.0.1');
		for (let i = 0; i < ANONYMOUS_CONTRIBUTION_LIMIT.max; i++)
			await submitContribution(ctx, tenant.id, processId, contribution(field.id));
		await expect(
			submitContribution(ctx, tenant.id, processId, contribution(field.id))
		).rejects.toBeInstanceOf(RateLimitError);
		const all = await listContributions(db, tenant.id, processId, { staff: true, locale: 'de' });
		expect(all).toHaveLength(ANONYMOUS_CONTRIBUTION_LIMIT.max);
	});

	it('refuses a field or dialogue of another tenant or process', async () => {
		const { tenant, processId, ctxFor, staff } = await setup();
		const other = await setup();
		const member = await ctxFor('member');
		const err = await submitContribution(
			member,
			tenant.id,
			processId,
			contribution(other.field.id)
		).catch((e) => e);
		expect(err.fieldErrors).toEqual({ fieldOfActionId: 'participation_error_field_invalid' });
		const { id: dlg } = await createDialogue(other.staff, other.tenant.id, other.processId, {
			title: 'D',
			targetGroup: 'youth',
			startsAt: `${addDays(today, 3)}T17:00`
		});
		const err2 = await enterOfflineContributions(staff, tenant.id, processId, {
			lines: 'a',
			dialogueId: dlg
		}).catch((e) => e);
		expect(err2.fieldErrors).toEqual({ dialogueId: 'participation_error_dialogue_invalid' });
	});

	it('offline: one contribution per line, bullet marks removed, staff only', async () => {
		const { db, tenant, processId, staff, ctxFor, field } = await setup();
		const { id: dlg } = await createDialogue(staff, tenant.id, processId, {
			title: 'Integrations-Dialog für Jugendliche',
			targetGroup: 'youth',
			startsAt: `${addDays(today, -2)}T17:00`
		});
		await expect(
			enterOfflineContributions(await ctxFor('member'), tenant.id, processId, { lines: 'x' })
		).rejects.toBeInstanceOf(NotFoundError);
		const r = await enterOfflineContributions(staff, tenant.id, processId, {
			lines: '- Mehr Jugendtreffs\n\n• Sprachcafé in der Schule\r\nHausaufgabenhilfe  ',
			dialogueId: dlg,
			fieldOfActionId: field.id,
			targetGroup: 'youth'
		});
		expect(r.count).toBe(3);
		const list = await listContributions(db, tenant.id, processId, { staff: false, locale: 'de' });
		expect(list.map((c) => c.body).sort()).toEqual([
			'Hausaufgabenhilfe',
			'Mehr Jugendtreffs',
			'Sprachcafé in der Schule'
		]);
		expect(
			list.every(
				(c) => c.source === 'offline' && c.dialogueTitle === 'Integrations-Dialog für Jugendliche'
			)
		).toBe(true);
		const err = await enterOfflineContributions(staff, tenant.id, processId, {
			lines: ' \n '
		}).catch((e) => e);
		expect(err.fieldErrors).toEqual({ lines: 'participation_error_lines_required' });
	});

	it('support: one per person (account or participant cookie)', async () => {
		const { db, tenant, processId, field, ctxFor } = await setup();
		const member = await ctxFor('member');
		const { id } = await submitContribution(member, tenant.id, processId, contribution(field.id));
		expect(await supportContribution(member, tenant.id, id, undefined)).toBe(true);
		expect(await supportContribution(member, tenant.id, id, undefined)).toBe(false);
		const cookie = 'c'.repeat(40);
		expect(await supportContribution(anon(db), tenant.id, id, cookie)).toBe(true);
		expect(await supportContribution(anon(db), tenant.id, id, cookie)).toBe(false);
		await expect(supportContribution(anon(db), tenant.id, id, undefined)).rejects.toBeInstanceOf(
			ValidationError
		);
		const [c] = await listContributions(db, tenant.id, processId, {
			staff: false,
			locale: 'de',
			supporterKey: `user:${member.actor!.userId}`
		});
		expect(c).toMatchObject({ supports: 2, supportedByMe: true });
	});
});

describe('moderation', () => {
	it('publishes, hides with a reason and merges duplicates, with a log', async () => {
		const { db, tenant, processId, field, staff, ctxFor } = await setup();
		const a = await submitContribution(anon(db), tenant.id, processId, contribution(field.id));
		const b = await submitContribution(
			anon(db),
			tenant.id,
			processId,
			contribution(field.id, { body: 'Abendkurse für Deutsch' })
		);
		const member = await ctxFor('member');
		await expect(publishContribution(member, tenant.id, a.id)).rejects.toBeInstanceOf(
			NotFoundError
		);
		await publishContribution(staff, tenant.id, a.id);
		await publishContribution(staff, tenant.id, b.id);
		expect(await supportContribution(member, tenant.id, b.id, undefined)).toBe(true);
		expect(await supportContribution(member, tenant.id, a.id, undefined)).toBe(true);

		const noReason = await hideContribution(staff, tenant.id, a.id, ' ').catch((e) => e);
		expect(noReason.fieldErrors).toEqual({ reason: 'participation_error_reason_required' });
		await hideContribution(staff, tenant.id, a.id, 'Beleidigend');
		let pub = await listContributions(db, tenant.id, processId, { staff: false, locale: 'de' });
		expect(pub.map((c) => c.id)).toEqual([b.id]);
		await publishContribution(staff, tenant.id, a.id);

		// merging b into a: b's support moves over without counting the same person twice
		await expect(mergeContribution(staff, tenant.id, b.id, b.id)).rejects.toBeInstanceOf(
			ValidationError
		);
		await mergeContribution(staff, tenant.id, b.id, a.id, 'Doppelt');
		pub = await listContributions(db, tenant.id, processId, { staff: false, locale: 'de' });
		expect(pub.map((c) => c.id)).toEqual([a.id]);
		expect(pub[0].supports).toBe(1);
		const [merged] = await db.select().from(contributions).where(eq(contributions.id, b.id));
		expect(merged).toMatchObject({ status: 'merged', mergedIntoId: a.id });
		await expect(publishContribution(staff, tenant.id, b.id)).rejects.toBeInstanceOf(
			ValidationError
		);

		const history = await moderationHistory(staff, tenant.id, a.id);
		expect(history.map((h) => [h.action, h.reason])).toEqual([
			['publish', null],
			['hide', 'Beleidigend'],
			['publish', null]
		]);
		const [mergeLog] = await moderationHistory(staff, tenant.id, b.id).then((h) =>
			h.filter((x) => x.action === 'merge')
		);
		expect(mergeLog).toMatchObject({ targetId: a.id, reason: 'Doppelt' });
		const audits = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, a.id), eq(auditLog.action, 'contribution.hide')));
		expect(audits).toHaveLength(1);
	});
});

describe('recommendations', () => {
	it('link back to every contribution; merged ones resolve to their target; others are refused', async () => {
		const { db, tenant, processId, field, staff, ctxFor } = await setup();
		const member = await ctxFor('member');
		const c1 = await submitContribution(member, tenant.id, processId, contribution(field.id));
		const c2 = await submitContribution(
			member,
			tenant.id,
			processId,
			contribution(field.id, { body: 'Sprachförderung in Kitas' })
		);
		const c3 = await submitContribution(
			member,
			tenant.id,
			processId,
			contribution(field.id, { body: 'Sprachkurse abends' })
		);
		await mergeContribution(staff, tenant.id, c3.id, c1.id);
		const pending = await submitContribution(
			anon(db),
			tenant.id,
			processId,
			contribution(field.id)
		);
		const other = await setup();
		const foreign = await submitContribution(
			await other.ctxFor('member'),
			other.tenant.id,
			other.processId,
			contribution(other.field.id)
		);

		await expect(
			createRecommendation(member, tenant.id, processId, { title: 'X' })
		).rejects.toBeInstanceOf(NotFoundError);
		const { id } = await createRecommendation(staff, tenant.id, processId, {
			title: 'Sprachförderung in den Kindertagesstätten',
			fieldOfActionId: field.id,
			contributionIds: [c2.id, c3.id]
		});
		let [rec] = await listRecommendations(db, tenant.id, processId, 'de');
		expect(rec.contributions.map((c) => c.id).sort()).toEqual([c1.id, c2.id].sort());
		expect(rec.fieldOfActionName).toBe('Sprache');

		for (const bad of [pending.id, foreign.id]) {
			await expect(linkContributions(staff, tenant.id, id, [bad])).rejects.toBeInstanceOf(
				ValidationError
			);
		}
		await updateRecommendation(staff, tenant.id, id, {
			title: 'Sprachförderung in den Kindertagesstätten',
			fieldOfActionId: field.id,
			contributionIds: [c2.id]
		});
		expect(await linkContributions(staff, tenant.id, id, [c1.id, c2.id])).toBe(1);
		[rec] = await listRecommendations(db, tenant.id, processId, 'de');
		expect(rec.contributions).toHaveLength(2);

		// the participant sees what became of the contribution
		await setRecommendationOutcome(staff, tenant.id, id, {
			kind: 'adopted',
			note: 'Ratsbeschluss'
		});
		const mine = await myContributions(member, tenant.id, processId);
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
		const { db, tenant, processId, field, staff, ctxFor } = await setup();
		const member = await ctxFor('member');
		const c1 = await submitContribution(member, tenant.id, processId, contribution(field.id));
		const { id } = await createRecommendation(staff, tenant.id, processId, {
			title: 'Zugang zu preiswerten Wohnungen in allen Ortsteilen',
			body: 'Aus dem Dialog für die Allgemeinheit',
			fieldOfActionId: field.id,
			contributionIds: [c1.id]
		});
		const { needId } = await turnRecommendationIntoNeed(staff, tenant.id, id, { urgency: 'high' });
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
		await expect(turnRecommendationIntoNeed(staff, tenant.id, id)).rejects.toBeInstanceOf(
			ValidationError
		);

		const { measureId } = await conceptFor(staff, tenant.id, field.id);
		await expect(recordMeasureOutcome(member, tenant.id, id, measureId)).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(recordMeasureOutcome(staff, tenant.id, id, 'nope')).rejects.toBeInstanceOf(
			ValidationError
		);
		// an id that is no measure of the tenant is rejected
		await expect(
			recordMeasureOutcome(staff, tenant.id, id, '11111111-2222-4333-8444-555555555555')
		).rejects.toMatchObject({ fieldErrors: { measureId: 'participation_error_measure_invalid' } });
		await recordMeasureOutcome(staff, tenant.id, id, measureId, 'Maßnahme 3.2');
		const [after] = await db.select().from(recommendations).where(eq(recommendations.id, id));
		expect(after).toMatchObject({
			outcomeKind: 'measure',
			outcomeRef: measureId,
			outcomeNote: 'Maßnahme 3.2'
		});
		// another tenant's coordinator cannot reach it
		const other = await ctxFor('other');
		await expect(
			recordMeasureOutcome(other, Object.keys(other.actor!.roles)[0], id, measureId)
		).rejects.toBeInstanceOf(NotFoundError);
		const links = await db
			.select()
			.from(recommendationContributions)
			.where(eq(recommendationContributions.recommendationId, id));
		expect(links.map((l) => l.contributionId)).toEqual([c1.id]);
	});
});

describe('dialogue registration', () => {
	it('confirms within the capacity, puts the rest on the waiting list, moves up on cancellation', async () => {
		const { db, tenant, processId, staff } = await setup();
		const { id } = await createDialogue(staff, tenant.id, processId, {
			title: 'Integrations-Dialog für Seniorinnen und Senioren',
			targetGroup: 'seniors',
			startsAt: `${addDays(today, 5)}T15:00`,
			endsAt: `${addDays(today, 5)}T17:00`,
			place: 'Rathaus, Ratssaal',
			languages: ['de', 'tr'],
			registrationEnabled: 'on',
			capacity: '1'
		});
		const first = await registerForDialogue(anon(db), tenant.id, id, {
			name: 'Erika',
			email: 'erika@example.org',
			...spamFields()
		});
		expect(first.status).toBe('confirmed');
		const dup = await registerForDialogue(anon(db), tenant.id, id, {
			name: 'Erika',
			email: 'ERIKA@example.org',
			...spamFields()
		}).catch((e) => e);
		expect(dup.fieldErrors).toEqual({ email: 'participation_error_already_registered' });
		const second = await registerForDialogue(anon(db), tenant.id, id, {
			name: 'Hans',
			email: 'hans@example.org',
			...spamFields()
		});
		expect(second.status).toBe('waiting');
		const honeypot = await registerForDialogue(anon(db), tenant.id, id, {
			name: 'Bot',
			email: 'bot@example.org',
			...spamFields(),
			website: 'x'
		}).catch((e) => e);
		expect(honeypot.fieldErrors).toEqual({ form: 'inquiries_error_spam_honeypot' });

		const mails = await db.select().from(outbox).where(eq(outbox.tenantId, tenant.id));
		const confirm = mails.find((m) => m.payload.to === 'erika@example.org')!;
		expect(confirm.payload.attachments?.[0].content).toContain('BEGIN:VEVENT');
		expect(confirm.payload.text).toContain(`/beteiligung/abmelden/${first.token}`);

		await cancelRegistration(anon(db), tenant.id, first.token);
		const regs = await listRegistrations(staff, tenant.id, id);
		expect(regs.map((r) => [r.email, r.status])).toEqual([
			['erika@example.org', 'cancelled'],
			['hans@example.org', 'confirmed']
		]);
		const after = await db.select().from(outbox).where(eq(outbox.tenantId, tenant.id));
		expect(
			after.some((m) => m.payload.to === 'hans@example.org' && m.payload.subject.includes('frei'))
		).toBe(true);
		// the old link of the person who moved up no longer works, cancelling twice is harmless
		await expect(cancelRegistration(anon(db), tenant.id, second.token)).rejects.toBeInstanceOf(
			NotFoundError
		);
		await cancelRegistration(anon(db), tenant.id, first.token);
	});

	it('is closed outside the phases that allow it and for past dialogues', async () => {
		const { db, tenant, processId, staff } = await setup({ phase: 'results' });
		const { id } = await createDialogue(staff, tenant.id, processId, {
			title: 'D',
			targetGroup: 'all',
			startsAt: `${addDays(today, 5)}T15:00`,
			registrationEnabled: 'on'
		});
		const err = await registerForDialogue(anon(db), tenant.id, id, {
			name: 'A',
			email: 'a@example.org',
			...spamFields()
		}).catch((e) => e);
		expect(err.fieldErrors).toEqual({ form: 'participation_error_registration_closed' });
		const s2 = await setup();
		const past = await createDialogue(s2.staff, s2.tenant.id, s2.processId, {
			title: 'D',
			targetGroup: 'all',
			startsAt: `${addDays(today, -1)}T15:00`,
			registrationEnabled: 'on'
		});
		await expect(
			registerForDialogue(anon(db), s2.tenant.id, past.id, {
				name: 'A',
				email: 'a@example.org',
				...spamFields()
			})
		).rejects.toBeInstanceOf(ValidationError);
	});
});

describe('recommendation → measure', () => {
	it('creates a new measure in the working edition, linked both ways, in one step', async () => {
		const { db, tenant, processId, field, staff, ctxFor } = await setup();
		const { goalId, editionId, state } = await conceptFor(staff, tenant.id, field.id);
		const member = await ctxFor('member');
		const c1 = await submitContribution(member, tenant.id, processId, contribution(field.id));
		await publishContribution(staff, tenant.id, c1.id);
		const { id } = await createRecommendation(staff, tenant.id, processId, {
			title: 'Sprachpatenschaften ausbauen',
			body: 'Ehrenamtliche begleiten Neuzugewanderte.',
			fieldOfActionId: field.id,
			contributionIds: [c1.id]
		});
		// members may not
		await expect(
			turnRecommendationIntoMeasure(member, tenant.id, id, { goalId, stateId: state('proposed') })
		).rejects.toBeInstanceOf(NotFoundError);
		// a goal is needed; nothing is written when it is missing
		await expect(
			turnRecommendationIntoMeasure(staff, tenant.id, id, { stateId: state('proposed') })
		).rejects.toBeInstanceOf(ValidationError);
		const { measureId } = await turnRecommendationIntoMeasure(staff, tenant.id, id, {
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
		const detail = await getMeasure(staff, tenant.id, measureId);
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
		const [view] = await listRecommendations(db, tenant.id, processId, 'de');
		expect(view.measure).toEqual({
			id: measureId,
			title: 'Sprachpatenschaften ausbauen',
			isPublic: false
		});
		const staffContribs = await listContributions(db, tenant.id, processId, {
			staff: true,
			locale: 'de'
		});
		expect(staffContribs[0].recommendations[0].measure?.id).toBe(measureId);
		const publicContribs = await listContributions(db, tenant.id, processId, {
			staff: false,
			locale: 'de'
		});
		expect(publicContribs[0].recommendations[0].measure).toBeNull();
		await expect(
			buildResultsDocument(db, tenant.id, processId, 'de').then((d) => d.groups[0].items[0].measure)
		).resolves.toBeNull();
		await adoptEdition(staff, tenant.id, editionId, {
			adoptedOn: '2026-01-15',
			adoptedBy: 'Kreistag'
		});
		const results = await buildResultsDocument(db, tenant.id, processId, 'de');
		expect(results.groups[0].items[0].measure).toEqual({
			id: measureId,
			title: 'Sprachpatenschaften ausbauen',
			isPublic: true
		});
		const mine = await listContributions(db, tenant.id, processId, { staff: false, locale: 'de' });
		expect(mine[0].recommendations[0].measure?.title).toBe('Sprachpatenschaften ausbauen');
	});

	it('links an existing measure, and never another tenant’s', async () => {
		const { db, tenant, other, processId, field, staff, ctxFor } = await setup();
		const { measureId } = await conceptFor(staff, tenant.id, field.id);
		const { id } = await createRecommendation(staff, tenant.id, processId, {
			title: 'Wohnraumbörse bekannter machen',
			fieldOfActionId: field.id
		});
		// another tenant's measure
		const otherStaff = await ctxFor('other');
		const otherField = await buildFieldOfAction(db, other.id, { names: { de: 'Wohnen' } });
		const { measureId: foreign } = await conceptFor(otherStaff, other.id, otherField.id);
		await expect(
			turnRecommendationIntoMeasure(staff, tenant.id, id, { mode: 'existing', measureId: foreign })
		).rejects.toMatchObject({ fieldErrors: { measureId: 'participation_error_measure_invalid' } });
		await expect(recordMeasureOutcome(staff, tenant.id, id, foreign)).rejects.toBeInstanceOf(
			ValidationError
		);
		const [untouched] = await db.select().from(recommendations).where(eq(recommendations.id, id));
		expect(untouched.outcomeKind).toBeNull();
		expect(
			await db.select().from(measureLinks).where(eq(measureLinks.measureId, foreign))
		).toHaveLength(0);

		const result = await turnRecommendationIntoMeasure(staff, tenant.id, id, {
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
		await turnRecommendationIntoMeasure(staff, tenant.id, id, { mode: 'existing', measureId });
		expect(
			await db.select().from(measureLinks).where(eq(measureLinks.measureId, measureId))
		).toHaveLength(1);
	});
});
