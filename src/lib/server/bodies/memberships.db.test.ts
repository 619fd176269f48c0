import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb, testCtx } from '../db/testing/test-db';
import type { Database } from '../db/client';
import { withTenant } from '../context';
import {
	buildBody,
	buildMembership,
	buildOrganization,
	buildTenant,
	buildUser,
	grantRole
} from '../factories';
import { loadActor } from '../auth/sessions';
import type { Role } from '../auth/schema';
import { auditLog } from '../audit/schema';
import { outbox } from '../mail/schema';
import { NotFoundError, ValidationError } from '../errors';
import { bodyHosts, bodyJoinRequests, bodyMemberships } from './schema';
import { addMembership, changeMembership, endMembership } from './memberships';
import { decideJoinRequest, requestToJoin, withdrawJoinRequest } from './join-requests';
import { removeHost, saveHost } from './hosts';
import { getBodyPage, getMembersPage } from './views';
import { defaultStartDate } from './validation';

let database: Database;
beforeAll(async () => {
	database = await createTestDb();
});
afterAll(() => database.close());

async function setup() {
	const db = database.db;
	const tenant = await buildTenant(db, { slug: `stadt-${crypto.randomUUID().slice(0, 8)}` });
	const other = await buildTenant(db);
	const body = await buildBody(db, tenant.id, { name: 'AK Bildung', visibility: 'network' });
	const org = await buildOrganization(db, tenant.id, { name: 'Caritas' });
	const otherOrg = await buildOrganization(db, other.id);
	const person = async (role: Role, tenantId = tenant.id) => {
		const user = await buildUser(db);
		await grantRole(db, tenantId, user.id, role);
		return user;
	};
	const ctxOf = async (userId: string) => testCtx(db, await loadActor(db, userId));
	const coordinator = await person('coordinator');
	return { db, tenant, other, body, org, otherOrg, person, ctxOf, coordinator };
}

const mailsTo = async (db: Database['db'], to: string) =>
	(await db.select().from(outbox)).filter((r) => r.payload.to === to).map((r) => r.payload);

describe('memberships', () => {
	it('a coordinator adds a person with role and organisation; it is audited', async () => {
		const { db, tenant, body, org, person, ctxOf, coordinator } = await setup();
		const member = await person('member');
		const ctx = await ctxOf(coordinator.id);
		const { id } = await addMembership(withTenant(ctx, tenant), {
			bodyId: body.id,
			userId: member.id,
			role: 'speaker',
			organizationId: org.id,
			startDate: '',
			endDate: ''
		});
		const [row] = await db.select().from(bodyMemberships).where(eq(bodyMemberships.id, id));
		expect(row).toMatchObject({
			tenantId: tenant.id,
			bodyId: body.id,
			userId: member.id,
			role: 'speaker',
			organizationId: org.id,
			startDate: defaultStartDate(),
			endDate: null
		});
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'body.membership_add')));
		expect(audit.after).toMatchObject({ name: 'AK Bildung', role: 'speaker', userId: member.id });
		// the person's actor now carries the body role
		expect((await loadActor(db, member.id))?.bodyRoles[body.id]).toBe('speaker');
	});

	it('one current membership per person and body; end date not before start', async () => {
		const { db, tenant, body, person, ctxOf, coordinator } = await setup();
		const member = await person('member');
		const ctx = await ctxOf(coordinator.id);
		await addMembership(withTenant(ctx, tenant), {
			bodyId: body.id,
			userId: member.id,
			role: 'member',
			startDate: '2024-01-01'
		});
		await expect(
			addMembership(withTenant(ctx, tenant), { bodyId: body.id, userId: member.id, role: 'deputy' })
		).rejects.toMatchObject({ fieldErrors: { userId: 'bodies_error_already_member' } });
		await expect(
			addMembership(withTenant(ctx, tenant), {
				bodyId: body.id,
				userId: (await person('member')).id,
				role: 'member',
				startDate: '2024-05-01',
				endDate: '2024-04-30'
			})
		).rejects.toMatchObject({ fieldErrors: { endDate: 'bodies_error_end_before_start' } });
		await expect(
			addMembership(withTenant(ctx, tenant), {
				bodyId: body.id,
				userId: member.id,
				role: 'member',
				startDate: '2024-02-30'
			})
		).rejects.toMatchObject({ fieldErrors: { startDate: 'bodies_error_start_invalid' } });
		const rows = await db.select().from(bodyMemberships).where(eq(bodyMemberships.bodyId, body.id));
		expect(rows).toHaveLength(1);
	});

	it('refuses persons and organisations of another tenant', async () => {
		const { tenant, other, body, otherOrg, person, ctxOf, coordinator } = await setup();
		const ctx = await ctxOf(coordinator.id);
		const stranger = await person('member', other.id);
		await expect(
			addMembership(withTenant(ctx, tenant), {
				bodyId: body.id,
				userId: stranger.id,
				role: 'member'
			})
		).rejects.toMatchObject({ fieldErrors: { userId: 'bodies_error_person_required' } });
		const member = await person('member');
		await expect(
			addMembership(withTenant(ctx, tenant), {
				bodyId: body.id,
				userId: member.id,
				role: 'member',
				organizationId: otherOrg.id
			})
		).rejects.toMatchObject({
			fieldErrors: { organizationId: 'bodies_error_organization_invalid' }
		});
	});

	it('changes the role, ends the membership; the former member stays in the history', async () => {
		const { db, tenant, body, org, person, ctxOf, coordinator } = await setup();
		const member = await person('member');
		const ctx = await ctxOf(coordinator.id);
		const m = await buildMembership(db, body, member.id, 'member', { startDate: '2024-01-01' });
		await changeMembership(withTenant(ctx, tenant), {
			bodyId: body.id,
			membershipId: m.id,
			role: 'moderator',
			organizationId: org.id
		});
		expect((await loadActor(db, member.id))?.bodyRoles[body.id]).toBe('moderator');
		await expect(
			endMembership(withTenant(ctx, tenant), {
				bodyId: body.id,
				membershipId: m.id,
				endDate: '2023-12-31'
			})
		).rejects.toMatchObject({ fieldErrors: { endDate: 'bodies_error_end_before_start' } });
		await endMembership(withTenant(ctx, tenant), {
			bodyId: body.id,
			membershipId: m.id,
			endDate: '2024-06-30'
		});
		const [row] = await db.select().from(bodyMemberships).where(eq(bodyMemberships.id, m.id));
		expect(row).toMatchObject({ role: 'moderator', organizationId: org.id, endDate: '2024-06-30' });
		expect((await loadActor(db, member.id))?.bodyRoles[body.id]).toBeUndefined();
		const page = await getBodyPage(withTenant(ctx, tenant), { bodyId: body.id });
		expect(page.members.current).toHaveLength(0);
		expect(page.members.former).toMatchObject([{ userId: member.id, endDate: '2024-06-30' }]);
		// after it ended, the person can be added again
		await addMembership(withTenant(ctx, tenant), {
			bodyId: body.id,
			userId: member.id,
			role: 'member'
		});
		const actions = await db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.entityId, m.id));
		expect(actions.map((a) => a.action).sort()).toEqual([
			'body.membership_end',
			'body.membership_update'
		]);
	});

	it('only coordinators manage memberships; a speaker of the body may not', async () => {
		const { db, tenant, other, body, person, ctxOf } = await setup();
		const member = await person('member');
		const m = await buildMembership(db, body, member.id, 'member');
		const speaker = await person('member');
		await buildMembership(db, body, speaker.id, 'speaker');
		const foreign = await person('coordinator', other.id);
		for (const userId of [speaker.id, member.id, foreign.id]) {
			const ctx = await ctxOf(userId);
			await expect(
				addMembership(withTenant(ctx, tenant), {
					bodyId: body.id,
					userId: member.id,
					role: 'member'
				})
			).rejects.toBeInstanceOf(NotFoundError);
			await expect(
				changeMembership(withTenant(ctx, tenant), {
					bodyId: body.id,
					membershipId: m.id,
					role: 'speaker'
				})
			).rejects.toBeInstanceOf(NotFoundError);
			await expect(
				endMembership(withTenant(ctx, tenant), { bodyId: body.id, membershipId: m.id })
			).rejects.toBeInstanceOf(NotFoundError);
		}
		// the other tenant's coordinator through their own tenant id: the membership is not there
		const foreignCtx = await ctxOf(foreign.id);
		await expect(
			endMembership(withTenant(foreignCtx, other), { bodyId: body.id, membershipId: m.id })
		).rejects.toBeInstanceOf(NotFoundError);
		const [row] = await db.select().from(bodyMemberships).where(eq(bodyMemberships.id, m.id));
		expect(row).toMatchObject({ role: 'member', endDate: null });
	});
});

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
		for (const u of [applicant, plain, moderator, foreign, elsewhere]) {
			await expect(
				decideJoinRequest(withTenant(await ctxOf(u.id), tenant), {
					bodyId: body.id,
					requestId: id,
					decision: 'accept'
				})
			).rejects.toBeInstanceOf(NotFoundError);
		}
		await expect(
			decideJoinRequest(withTenant(await ctxOf(foreign.id), other), {
				bodyId: body.id,
				requestId: id,
				decision: 'accept'
			})
		).rejects.toBeInstanceOf(NotFoundError);
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

describe('host pool', () => {
	it('coordinators and the body speakers keep the pool; members may not', async () => {
		const { db, tenant, other, body, org, otherOrg, person, ctxOf, coordinator } = await setup();
		const ctx = await ctxOf(coordinator.id);
		await saveHost(withTenant(ctx, tenant), {
			bodyId: body.id,
			organizationId: org.id,
			location: ''
		});
		await saveHost(withTenant(ctx, tenant), {
			bodyId: body.id,
			organizationId: org.id,
			location: 'Caritas-Haus, Saal 1'
		});
		let rows = await db.select().from(bodyHosts).where(eq(bodyHosts.bodyId, body.id));
		expect(rows).toMatchObject([{ organizationId: org.id, location: 'Caritas-Haus, Saal 1' }]);
		await expect(
			saveHost(withTenant(ctx, tenant), { bodyId: body.id, organizationId: otherOrg.id })
		).rejects.toMatchObject({ fieldErrors: { organizationId: 'bodies_error_host_required' } });

		const speaker = await person('member');
		await buildMembership(db, body, speaker.id, 'deputy');
		const second = await buildOrganization(db, tenant.id, { name: 'AWO' });
		await saveHost(withTenant(await ctxOf(speaker.id), tenant), {
			bodyId: body.id,
			organizationId: second.id
		});
		expect(
			(await getMembersPage(withTenant(await ctxOf(speaker.id), tenant), { bodyId: body.id })).hosts
		).toHaveLength(2);

		const member = await person('member');
		await buildMembership(db, body, member.id, 'member');
		const foreign = await person('coordinator', other.id);
		for (const u of [member, foreign]) {
			const c = await ctxOf(u.id);
			await expect(
				saveHost(withTenant(c, tenant), { bodyId: body.id, organizationId: org.id })
			).rejects.toBeInstanceOf(NotFoundError);
			await expect(
				removeHost(withTenant(c, tenant), { bodyId: body.id, organizationId: org.id })
			).rejects.toBeInstanceOf(NotFoundError);
			await expect(
				getMembersPage(withTenant(c, tenant), { bodyId: body.id })
			).rejects.toBeInstanceOf(NotFoundError);
		}
		await removeHost(withTenant(ctx, tenant), { bodyId: body.id, organizationId: org.id });
		rows = await db.select().from(bodyHosts).where(eq(bodyHosts.bodyId, body.id));
		expect(rows.map((r) => r.organizationId)).toEqual([second.id]);
		const actions = await db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.entityId, body.id));
		expect(actions.map((a) => a.action).sort()).toEqual([
			'body.host_add',
			'body.host_add',
			'body.host_remove',
			'body.host_update'
		]);
	});
});
