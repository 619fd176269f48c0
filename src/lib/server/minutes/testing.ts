/**
 * Test fixture of the minutes tests: a public tenant with a body, its members (speaker,
 * moderator, two members with RSVPs), a past meeting with a public and a non-public item.
 */
import { eq } from 'drizzle-orm';
import { testCtx } from '../db/testing/test-db';
import type { Db } from '../db/client';
import { withTenant, type TenantLike } from '../context';
import {
	buildAgendaItem,
	buildBody,
	buildMeeting,
	buildMembership,
	buildOrganization,
	buildTenant,
	buildUser,
	grantRole
} from '../factories';
import { loadActor } from '../auth/sessions';
import type { Role } from '../auth/schema';
import type { MembershipRole, BodyVisibility } from '../bodies/schema';
import { meetings } from '../meetings/schema';
import { meetingInvitations } from '../invitations/schema';
import { saveMinutes } from './save-minutes';
import { addGuest, getAttendance, saveAttendance } from './attendance';
import { berlinToday } from '../shared';
import { resolveRequestTenant } from '../tenants/resolve';
import { NotFoundError } from '../errors';
import { getPublicMeeting } from './public';
import { publicMinutesDocument } from './print';

/** The context of a request by user `u` (null: nobody signed in), without a tenant. */
const userCtx = (db: Db) => async (u: { id: string } | null) =>
	testCtx(db, u ? await loadActor(db, u.id) : null);

/** The context of a request by user `u` in `tenant` (by default the scenario's own tenant). */
const userTenantCtx =
	(db: Db, home: TenantLike) =>
	async (u: { id: string } | null, tenant: TenantLike = home) =>
		withTenant(await userCtx(db)(u), tenant);

export async function setupMinutes(db: Db, visibility: BodyVisibility = 'public') {
	const tenant = await buildTenant(db, { isPublic: true });
	const other = await buildTenant(db);
	const org = await buildOrganization(db, tenant.id, { name: 'Caritas Testhausen' });
	const body = await buildBody(db, tenant.id, { name: 'AK Bildung', visibility });
	const person = async (
		name: string,
		role: Role | null,
		bodyRole?: MembershipRole,
		organizationId?: string
	) => {
		const user = await buildUser(db, { name });
		if (role) await grantRole(db, tenant.id, user.id, role);
		if (bodyRole) await buildMembership(db, body, user.id, bodyRole, { organizationId });
		return user;
	};
	const speaker = await person('Sabine Sprecherin', 'member', 'speaker');
	const moderator = await person('Max Moderator', 'member', 'moderator');
	const present = await person('Paula Present', 'member', 'member', org.id);
	const excused = await person('Erik Excused', 'member', 'member');
	const outsider = await person('Otto Outsider', 'member');
	const coordinator = await person('Clara Koordination', 'coordinator');
	const otherCoordinator = await buildUser(db);
	await grantRole(db, other.id, otherCoordinator.id, 'coordinator');
	const meeting = await buildMeeting(db, body, {
		startsAt: new Date(Date.now() - 2 * 86_400_000),
		state: 'invited'
	});
	const later = await buildMeeting(db, body, { startsAt: new Date(Date.now() + 40 * 86_400_000) });
	const earlier = await buildMeeting(db, body, {
		startsAt: new Date(Date.now() - 60 * 86_400_000)
	});
	const otherBody = await buildBody(db, tenant.id);
	const otherBodyMeeting = await buildMeeting(db, otherBody, {
		startsAt: new Date(Date.now() + 10 * 86_400_000)
	});
	const top1 = await buildAgendaItem(db, meeting, 1, { title: 'Sprachkurse im Landkreis' });
	const top2 = await buildAgendaItem(db, meeting, 2, {
		title: 'Personalangelegenheit',
		isPublic: false
	});
	// RSVPs: present said yes, excused said no
	for (const [u, response] of [
		[present, 'yes'],
		[excused, 'no']
	] as const) {
		await db.insert(meetingInvitations).values({
			tenantId: tenant.id,
			meetingId: meeting.id,
			userId: u.id,
			tokenHash: `hash-${u.id}`,
			response
		});
	}
	return {
		db,
		tenant,
		other,
		org,
		body,
		meeting,
		later,
		earlier,
		otherBodyMeeting,
		top1,
		top2,
		people: { speaker, moderator, present, excused, outsider, coordinator, otherCoordinator },
		ctxOf: userCtx(db)
	};
}

export type MinutesSetup = Awaited<ReturnType<typeof setupMinutes>>;

/** Records attendance as the RSVPs suggest and writes notes for both items. */
export async function draft(s: MinutesSetup) {
	const ctx = await s.ctxOf(s.people.speaker);
	const att = await getAttendance(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });
	await saveAttendance(withTenant(ctx, s.tenant), {
		meetingId: s.meeting.id,
		...Object.fromEntries(att.members.map((m) => [`status_${m.userId}`, m.suggested]))
	});
	await addGuest(withTenant(ctx, s.tenant), {
		meetingId: s.meeting.id,
		guestName: 'Gerda Gast',
		guestAffiliation: 'Jobcenter'
	});
	await saveMinutes(withTenant(ctx, s.tenant), {
		meetingId: s.meeting.id,
		intro: 'Begrüßung durch die Sprecherin.',
		[`notes_${s.top1.id}`]: 'Die Wartelisten sind lang.',
		[`decision_${s.top1.id}`]: 'Der AK schreibt an das BAMF.',
		[`notes_${s.top2.id}`]: 'Vertrauliche Notiz',
		[`decision_${s.top2.id}`]: ''
	});
	return ctx;
}

export async function stateOf(s: MinutesSetup) {
	const [row] = await s.db.select().from(meetings).where(eq(meetings.id, s.meeting.id));
	return row;
}

/** The Berlin day `offset` days from today. */
export const day = (offset: number) => berlinToday(new Date(Date.now() + offset * 86_400_000));

/** A body with a speaker, members, an organisation's editor and representative, a meeting. */
export async function setupActionItems(db: Db) {
	const tenant = await buildTenant(db);
	const other = await buildTenant(db);
	const org = await buildOrganization(db, tenant.id, { name: 'Sportverein Blau-Weiß' });
	const otherOrg = await buildOrganization(db, other.id);
	const body = await buildBody(db, tenant.id, { name: 'AK Sport', visibility: 'network' });
	const person = async (
		role: Role,
		bodyRole?: MembershipRole,
		opts: { orgs?: string[]; represents?: string } = {}
	) => {
		const user = await buildUser(db);
		await grantRole(db, tenant.id, user.id, role, opts.orgs ?? []);
		if (bodyRole)
			await buildMembership(db, body, user.id, bodyRole, { organizationId: opts.represents });
		return user;
	};
	const speaker = await person('member', 'speaker');
	const assignee = await person('member', 'member');
	const bystander = await person('member', 'member');
	const orgEditor = await person('editor', undefined, { orgs: [org.id] });
	const orgRepresentative = await person('member', 'member', { represents: org.id });
	const stranger = await buildUser(db);
	await grantRole(db, other.id, stranger.id, 'coordinator');
	const meeting = await buildMeeting(db, body, {
		startsAt: new Date(Date.now() - 86_400_000),
		state: 'invited'
	});
	const top = await buildAgendaItem(db, meeting, 1, { title: 'Sommerfest' });
	return {
		db,
		tenant,
		other,
		org,
		otherOrg,
		body,
		meeting,
		top,
		people: { speaker, assignee, bystander, orgEditor, orgRepresentative, stranger },
		ctxOf: userCtx(db),
		ctxIn: userTenantCtx(db, tenant)
	};
}

/**
 * The public meeting page and public minutes PDF of `/{slug}/sitzungen/{id}` as a request sees
 * them: the tenant resolved from the slug the way the hook does (public tenants only), then the
 * view; null or NotFoundError when there is no such public tenant.
 */
export async function publicMeetingAt(db: Db, slug: string, meetingId: string) {
	const tenant = await resolveRequestTenant(db, 'public', slug, null);
	return tenant ? getPublicMeeting(withTenant(testCtx(db), tenant), { meetingId }) : null;
}

export async function publicMinutesAt(db: Db, slug: string, meetingId: string) {
	const tenant = await resolveRequestTenant(db, 'public', slug, null);
	if (!tenant) throw new NotFoundError();
	return publicMinutesDocument(withTenant(testCtx(db), tenant), { meetingId });
}

/** A tenant with a member who speaks for a body, and a meeting of that body. */
export async function setupSpeakerMeeting(
	db: Db,
	names: { tenant: string; email: string; user: string; body: string; meeting: string }
) {
	const tenant = await buildTenant(db, { name: names.tenant });
	const user = await buildUser(db, { email: names.email, name: names.user });
	await grantRole(db, tenant.id, user.id, 'member');
	const body = await buildBody(db, tenant.id, { name: names.body });
	await buildMembership(db, body, user.id, 'speaker');
	const meeting = await buildMeeting(db, body, { title: names.meeting });
	return { tenant, user, body, meeting };
}
