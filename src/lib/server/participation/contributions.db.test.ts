/** Contributions: online, anonymous, offline, supports, moderation. */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testTenantCtx } from '../db/testing/test-db';
import { auditLog } from '../audit/schema';
import { NotFoundError, RateLimitError, ValidationError } from '../errors';
import { addDays } from '../shared';
import { createDialogue } from './dialogues';
import {
	ANONYMOUS_CONTRIBUTION_LIMIT,
	enterOfflineContributions,
	submitContribution,
	supportContribution
} from './contributions';
import {
	hideContribution,
	mergeContribution,
	moderationHistory,
	publishContribution
} from './moderation';
import { contributionByToken, contributionsOf, myContributions } from './contribution-views';
import { contributions } from './schema';
import { anon, contribution, participationFixture, today } from './testing';

const { setup } = participationFixture();

describe('contributions', () => {
	it('from an account are published at once; anonymous ones wait for moderation and get a private link', async () => {
		const { db, tenant, processId, field, ctxFor } = await setup();
		const member = await ctxFor('member');
		const mine = await submitContribution(member, { processId, ...contribution(field.id) });
		expect(mine).toMatchObject({ status: 'published', token: null });
		const a = await submitContribution(anon(db, tenant), {
			processId,
			...contribution(field.id, {
				body: 'Ein Treffpunkt für Seniorinnen und Senioren',
				targetGroup: 'seniors',
				authorName: 'Frau K.'
			})
		});
		expect(a.status).toBe('pending');
		expect(a.token).toBeTruthy();
		const pub = await contributionsOf(db, tenant.id, processId, { staff: false, locale: 'de' });
		expect(pub.map((c) => c.id)).toEqual([mine.id]);
		// the private link shows the waiting contribution to its author
		const tracked = await contributionByToken(testTenantCtx(db, tenant), { token: a.token! });
		expect(tracked).toMatchObject({ id: a.id, status: 'pending' });
		expect(
			await contributionByToken(testTenantCtx(db, tenant), { token: 'x'.repeat(43) })
		).toBeNull();
		expect((await myContributions(member, { processId })).map((c) => c.id)).toEqual([mine.id]);
	});

	it('anonymous: refused where the process wants an account, spam-checked, limited per address', async () => {
		const closed = await setup({ allowAnonymous: false });
		const e1 = await submitContribution(anon(closed.db, closed.tenant), {
			processId: closed.processId,
			...contribution(closed.field.id)
		}).catch((e) => e);
		expect(e1.fieldErrors).toEqual({ form: 'participation_error_account_required' });

		const { db, tenant, processId, field } = await setup();
		const e2 = await submitContribution(anon(db, tenant), {
			processId,
			...contribution(field.id, { website: 'x' })
		}).catch((e) => e);
		expect(e2.fieldErrors).toEqual({ form: 'inquiries_error_spam_honeypot' });
		const e3 = await submitContribution(anon(db, tenant), {
			processId,
			...contribution(field.id, { body: 'x'.repeat(2001) })
		}).catch((e) => e);
		expect(e3.fieldErrors).toEqual({ body: 'participation_error_body_too_long' });

		const ctx = anon(db, tenant, '198.18.0.1');
		for (let i = 0; i < ANONYMOUS_CONTRIBUTION_LIMIT.max; i++)
			await submitContribution(ctx, { processId, ...contribution(field.id) });
		await expect(
			submitContribution(ctx, { processId, ...contribution(field.id) })
		).rejects.toBeInstanceOf(RateLimitError);
		const all = await contributionsOf(db, tenant.id, processId, { staff: true, locale: 'de' });
		expect(all).toHaveLength(ANONYMOUS_CONTRIBUTION_LIMIT.max);
	});

	it('refuses a field or dialogue of another tenant or process', async () => {
		const { processId, ctxFor, staff } = await setup();
		const other = await setup();
		const member = await ctxFor('member');
		const err = await submitContribution(member, {
			processId,
			...contribution(other.field.id)
		}).catch((e) => e);
		expect(err.fieldErrors).toEqual({ fieldOfActionId: 'participation_error_field_invalid' });
		const { id: dlg } = await createDialogue(other.staff, {
			processId: other.processId,
			title: 'D',
			targetGroup: 'youth',
			startsAt: `${addDays(today, 3)}T17:00`
		});
		const err2 = await enterOfflineContributions(staff, {
			processId,
			lines: 'a',
			dialogueId: dlg
		}).catch((e) => e);
		expect(err2.fieldErrors).toEqual({ dialogueId: 'participation_error_dialogue_invalid' });
	});

	it('offline: one contribution per line, bullet marks removed, staff only', async () => {
		const { db, tenant, processId, staff, ctxFor, field } = await setup();
		const { id: dlg } = await createDialogue(staff, {
			processId,
			title: 'Integrations-Dialog für Jugendliche',
			targetGroup: 'youth',
			startsAt: `${addDays(today, -2)}T17:00`
		});
		await expect(
			enterOfflineContributions(await ctxFor('member'), { processId, lines: 'x' })
		).rejects.toBeInstanceOf(NotFoundError);
		const r = await enterOfflineContributions(staff, {
			processId,
			lines: '- Mehr Jugendtreffs\n\n• Sprachcafé in der Schule\r\nHausaufgabenhilfe  ',
			dialogueId: dlg,
			fieldOfActionId: field.id,
			targetGroup: 'youth'
		});
		expect(r.count).toBe(3);
		const list = await contributionsOf(db, tenant.id, processId, { staff: false, locale: 'de' });
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
		const err = await enterOfflineContributions(staff, { processId, lines: ' \n ' }).catch(
			(e) => e
		);
		expect(err.fieldErrors).toEqual({ lines: 'participation_error_lines_required' });
	});

	it('support: one per person (account or participant cookie)', async () => {
		const { db, tenant, processId, field, ctxFor } = await setup();
		const member = await ctxFor('member');
		const { id } = await submitContribution(member, { processId, ...contribution(field.id) });
		expect(
			await supportContribution(member, {
				processId,
				contributionId: id,
				participantCookie: undefined
			})
		).toBe(true);
		expect(
			await supportContribution(member, {
				processId,
				contributionId: id,
				participantCookie: undefined
			})
		).toBe(false);
		const cookie = 'c'.repeat(40);
		expect(
			await supportContribution(anon(db, tenant), {
				processId,
				contributionId: id,
				participantCookie: cookie
			})
		).toBe(true);
		expect(
			await supportContribution(anon(db, tenant), {
				processId,
				contributionId: id,
				participantCookie: cookie
			})
		).toBe(false);
		await expect(
			supportContribution(anon(db, tenant), {
				processId,
				contributionId: id,
				participantCookie: undefined
			})
		).rejects.toBeInstanceOf(ValidationError);
		const [c] = await contributionsOf(db, tenant.id, processId, {
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
		const a = await submitContribution(anon(db, tenant), { processId, ...contribution(field.id) });
		const b = await submitContribution(anon(db, tenant), {
			processId,
			...contribution(field.id, { body: 'Abendkurse für Deutsch' })
		});
		const member = await ctxFor('member');
		await expect(
			publishContribution(member, { processId, contributionId: a.id })
		).rejects.toBeInstanceOf(NotFoundError);
		await publishContribution(staff, { processId, contributionId: a.id });
		await publishContribution(staff, { processId, contributionId: b.id });
		expect(
			await supportContribution(member, {
				processId,
				contributionId: b.id,
				participantCookie: undefined
			})
		).toBe(true);
		expect(
			await supportContribution(member, {
				processId,
				contributionId: a.id,
				participantCookie: undefined
			})
		).toBe(true);

		const noReason = await hideContribution(staff, {
			processId,
			contributionId: a.id,
			reason: ' '
		}).catch((e) => e);
		expect(noReason.fieldErrors).toEqual({ reason: 'participation_error_reason_required' });
		await hideContribution(staff, { processId, contributionId: a.id, reason: 'Beleidigend' });
		let pub = await contributionsOf(db, tenant.id, processId, { staff: false, locale: 'de' });
		expect(pub.map((c) => c.id)).toEqual([b.id]);
		await publishContribution(staff, { processId, contributionId: a.id });

		// merging b into a: b's support moves over without counting the same person twice
		await expect(
			mergeContribution(staff, { processId, contributionId: b.id, targetId: b.id })
		).rejects.toBeInstanceOf(ValidationError);
		await mergeContribution(staff, {
			processId,
			contributionId: b.id,
			targetId: a.id,
			reason: 'Doppelt'
		});
		pub = await contributionsOf(db, tenant.id, processId, { staff: false, locale: 'de' });
		expect(pub.map((c) => c.id)).toEqual([a.id]);
		expect(pub[0].supports).toBe(1);
		const [merged] = await db.select().from(contributions).where(eq(contributions.id, b.id));
		expect(merged).toMatchObject({ status: 'merged', mergedIntoId: a.id });
		await expect(
			publishContribution(staff, { processId, contributionId: b.id })
		).rejects.toBeInstanceOf(ValidationError);

		const history = await moderationHistory(staff, { contributionId: a.id });
		expect(history.map((h) => [h.action, h.reason])).toEqual([
			['publish', null],
			['hide', 'Beleidigend'],
			['publish', null]
		]);
		const [mergeLog] = await moderationHistory(staff, { contributionId: b.id }).then((h) =>
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
