import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestSetup, testCtx } from '../db/testing/test-db';
import { withTenant } from '../context';
import { buildBody, buildMembership } from '../factories';
import { loadActor } from '../auth/sessions';
import { auditLog } from '../audit/schema';
import { NotFoundError, ValidationError } from '../errors';
import { bodyJoinRequests, bodyMemberships } from './schema';
import { decideJoinRequest, requestToJoin, withdrawJoinRequest } from './join-requests';
import { getBodyPage } from './views';
import { defaultStartDate } from './validation';
import { mailsTo, setupBodies } from './testing';

const setup = useTestSetup(setupBodies);

describe('join requests', () => {
	it('a member asks, the speaker hears by mail, accepts; the member gets the body role and a mail', async () => {
		const { db, tenant, body, org, person, ctxOf } = await setup();
		const speaker = await person('member');
		await buildMembership(db, body, speaker.id, 'speaker');
		const applicant = await person('member');
		const { id } = await requestToJoin(withTenant(await ctxOf(applicant.id), tenant), {
			bodyId: body.id,
			message: 'Ich arbeite in der Sprachförderung.',
			organizationId: org.id
		});
		const [request] = await db.select().from(bodyJoinRequests).where(eq(bodyJoinRequests.id, id));
		expect(request).toMatchObject({
			status: 'pending',
			userId: applicant.id,
			organizationId: org.id
		});
		const [toSpeaker] = await mailsTo(db, speaker.email);
		expect(toSpeaker.subject).toBe('Beitrittsanfrage: AK Bildung');
		expect(toSpeaker.text).toContain(applicant.name);
		expect(toSpeaker.text).toContain('Ich arbeite in der Sprachförderung.');
		expect(toSpeaker.text).toContain(`/app/${tenant.slug}/gremien/${body.id}`);

		// asking twice is refused
		await expect(
			requestToJoin(withTenant(await ctxOf(applicant.id), tenant), { bodyId: body.id })
		).rejects.toMatchObject({ fieldErrors: { form: 'bodies_error_request_pending' } });

		const speakerCtx = await ctxOf(speaker.id);
		expect(
			(await getBodyPage(withTenant(speakerCtx, tenant), { bodyId: body.id })).requests
		).toMatchObject([{ id, name: applicant.name, organizationName: 'Caritas' }]);
		await decideJoinRequest(withTenant(speakerCtx, tenant), {
			bodyId: body.id,
			requestId: id,
			decision: 'accept'
		});
		const [after] = await db.select().from(bodyJoinRequests).where(eq(bodyJoinRequests.id, id));
		expect(after).toMatchObject({ status: 'accepted', decidedBy: speaker.id });
		const memberships = await db
			.select()
			.from(bodyMemberships)
			.where(and(eq(bodyMemberships.bodyId, body.id), eq(bodyMemberships.userId, applicant.id)));
		expect(memberships).toMatchObject([
			{ role: 'member', organizationId: org.id, endDate: null, startDate: defaultStartDate() }
		]);
		const actor = await loadActor(db, applicant.id);
		expect(actor?.bodyRoles[body.id]).toBe('member');
		const page = await getBodyPage(withTenant(testCtx(db, actor), tenant), { bodyId: body.id });
		expect(page.isMember).toBe(true);
		expect(page.canJoin).toBe(false);
		const [toApplicant] = await mailsTo(db, applicant.email);
		expect(toApplicant.subject).toBe('Willkommen im Gremium „AK Bildung“');
		expect(toApplicant.text).toContain(`/app/${tenant.slug}/gremien/${body.id}`);
		// deciding again is refused
		await expect(
			decideJoinRequest(withTenant(speakerCtx, tenant), {
				bodyId: body.id,
				requestId: id,
				decision: 'decline'
			})
		).rejects.toMatchObject({
			fieldErrors: { form: 'bodies_error_request_closed' }
		});
		const actions = await db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.entityId, id));
		expect(actions.map((a) => a.action).sort()).toEqual(['body.join_accept', 'body.join_request']);
	});

	it('without speakers the coordinators get the mail; a decline mails the person and adds no membership', async () => {
		const { db, tenant, body, person, ctxOf, coordinator } = await setup();
		const applicant = await person('editor');
		const { id } = await requestToJoin(withTenant(await ctxOf(applicant.id), tenant), {
			bodyId: body.id
		});
		expect(await mailsTo(db, coordinator.email)).toHaveLength(1);
		await decideJoinRequest(withTenant(await ctxOf(coordinator.id), tenant), {
			bodyId: body.id,
			requestId: id,
			decision: 'decline'
		});
		const [after] = await db.select().from(bodyJoinRequests).where(eq(bodyJoinRequests.id, id));
		expect(after.status).toBe('declined');
		expect(
			await db.select().from(bodyMemberships).where(eq(bodyMemberships.userId, applicant.id))
		).toHaveLength(0);
		const [mail] = await mailsTo(db, applicant.email);
		expect(mail.subject).toBe('Ihre Anfrage zum Gremium „AK Bildung“');
		expect(mail.text).toContain('nicht angenommen');
	});

	it('only deciders decide: members, moderators and other tenants get NotFoundError', async () => {
		const { db, tenant, other, body, person, ctxOf } = await setup();
		const applicant = await person('member');
		const { id } = await requestToJoin(withTenant(await ctxOf(applicant.id), tenant), {
			bodyId: body.id
		});
		const plain = await person('member');
		await buildMembership(db, body, plain.id, 'member');
		const moderator = await person('member');
		await buildMembership(db, body, moderator.id, 'moderator');
		const foreign = await person('coordinator', other.id);
		// a speaker of ANOTHER body decides nothing here
		const elsewhere = await person('member');
		await buildMembership(db, await buildBody(db, tenant.id), elsewhere.id, 'speaker');
		// (the other tenant's coordinator also through their own tenant id)
		const attempts = [
			...[applicant, plain, moderator, foreign, elsewhere].map((u) => [u, tenant] as const),
			[foreign, other] as const
		];
		for (const [u, t] of attempts) {
			await expect(
				decideJoinRequest(withTenant(await ctxOf(u.id), t), {
					bodyId: body.id,
					requestId: id,
					decision: 'accept'
				})
			).rejects.toBeInstanceOf(NotFoundError);
		}
		const [after] = await db.select().from(bodyJoinRequests).where(eq(bodyJoinRequests.id, id));
		expect(after.status).toBe('pending');
		// and they do not see the pending requests
		expect(
			(await getBodyPage(withTenant(await ctxOf(plain.id), tenant), { bodyId: body.id })).requests
		).toEqual([]);
	});

	it('withdraw: only the person who asked; then they may ask again', async () => {
		const { db, tenant, body, person, ctxOf, coordinator } = await setup();
		const applicant = await person('member');
		const ctx = await ctxOf(applicant.id);
		const { id } = await requestToJoin(withTenant(ctx, tenant), { bodyId: body.id });
		await expect(
			withdrawJoinRequest(withTenant(await ctxOf(coordinator.id), tenant), {
				bodyId: body.id,
				requestId: id
			})
		).rejects.toBeInstanceOf(NotFoundError);
		await withdrawJoinRequest(withTenant(ctx, tenant), { bodyId: body.id, requestId: id });
		const [after] = await db.select().from(bodyJoinRequests).where(eq(bodyJoinRequests.id, id));
		expect(after.status).toBe('withdrawn');
		await expect(
			withdrawJoinRequest(withTenant(ctx, tenant), { bodyId: body.id, requestId: id })
		).rejects.toMatchObject({
			fieldErrors: { form: 'bodies_error_request_closed' }
		});
		await requestToJoin(withTenant(ctx, tenant), { bodyId: body.id });
	});

	it('members-only bodies cannot be asked for by outsiders; members and guests of the tenant cannot ask twice or at all', async () => {
		const { db, tenant, body, person, ctxOf } = await setup();
		const closed = await buildBody(db, tenant.id, { visibility: 'members' });
		const outsider = await person('member');
		await expect(
			requestToJoin(withTenant(await ctxOf(outsider.id), tenant), { bodyId: closed.id })
		).rejects.toBeInstanceOf(NotFoundError);
		const guest = await person('guest');
		await expect(
			requestToJoin(withTenant(await ctxOf(guest.id), tenant), { bodyId: body.id })
		).rejects.toBeInstanceOf(NotFoundError);
		const member = await person('member');
		await buildMembership(db, body, member.id, 'member');
		await expect(
			requestToJoin(withTenant(await ctxOf(member.id), tenant), { bodyId: body.id })
		).rejects.toMatchObject({ fieldErrors: { form: 'bodies_error_already_member_self' } });
		const archived = await buildBody(db, tenant.id, { archivedAt: new Date() });
		await expect(
			requestToJoin(withTenant(await ctxOf(outsider.id), tenant), { bodyId: archived.id })
		).rejects.toBeInstanceOf(ValidationError);
		expect(
			await db.select().from(bodyJoinRequests).where(eq(bodyJoinRequests.tenantId, tenant.id))
		).toHaveLength(0);
	});
});
