/**
 * Sending the invitation of a meeting: one invitation row per current member of the body
 * (answer token stored as SHA-256), one mail each with the agenda, the answer links and the
 * .ics; guest speakers with an e-mail address get the information and the .ics. A meeting of a
 * district's networking body also goes to each municipality's coordinators, mayor and marked
 * contact persons (district/invitees.ts), each address once, without answer links.
 */
import { mailLocale } from '../mail/compose';
import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { enqueueMail } from '../mail/enqueue';
import { newToken, hashToken } from '../auth/tokens';
import { users } from '../auth/schema';
import { organizations } from '../organizations/schema';
import { bodyMemberships } from '../bodies/schema';
import { isCurrentMembership } from '../bodies/membership-rule';
import { meetings, type Meeting } from '../meetings/schema';
import { meetingInvitations, type RsvpResponse } from './schema';
import { loadMeetingToManage, lockMeeting } from '../meetings/access';
import { loadMeetingDetails, type MeetingDetails } from './details';
import { buildMeetingCalendar, partStat } from './ics';
import { meetingEvent } from './events';
import { networkingMeetingInvitees, type MunicipalityInvitee } from '../district/invitees';
import {
	asLocale,
	meetingMail,
	meetingMailSubject,
	meetingMailText,
	meetingPageLink,
	type MeetingMailKind,
	type MunicipalityMailInfo
} from './mails';

export interface Member {
	userId: string;
	email: string;
	name: string;
	locale: string | null;
	organizationName: string | null;
}

/**
 * The body's current members (isCurrentMembership: on today's Berlin date; every role, permanent
 * guests included), one entry per person, disabled accounts left out.
 */
export async function currentMembers(
	db: Executor,
	tenantId: string,
	bodyId: string
): Promise<Member[]> {
	const rows = await db
		.select({
			userId: users.id,
			email: users.email,
			name: users.name,
			locale: users.locale,
			organizationName: organizations.name
		})
		.from(bodyMemberships)
		.innerJoin(users, eq(users.id, bodyMemberships.userId))
		.leftJoin(organizations, eq(organizations.id, bodyMemberships.organizationId))
		.where(
			and(
				eq(bodyMemberships.tenantId, tenantId),
				eq(bodyMemberships.bodyId, bodyId),
				isCurrentMembership(),
				isNull(users.disabledAt)
			)
		)
		.orderBy(asc(users.name), asc(bodyMemberships.startDate));
	const seen = new Map<string, Member>();
	for (const r of rows) if (!seen.has(r.userId)) seen.set(r.userId, r);
	return [...seen.values()];
}

/** The calendar file of one mail: REQUEST with the recipient as ATTENDEE, or CANCEL. */
export function mailCalendar(
	details: MeetingDetails,
	origin: string,
	recipient: { email: string; name: string; response?: RsvpResponse | null; locale: string | null },
	kind: MeetingMailKind,
	now: Date = new Date(),
	/** a guest without access to the meeting page: no open tasks, the given link (if any) */
	guest?: { url: string | null }
): string {
	const event = meetingEvent(details, {
		origin,
		locale: asLocale(recipient.locale),
		url: guest ? guest.url : meetingPageLink(origin, details.tenant.slug, details.meeting.id),
		withOrganizer: true,
		withOpenTasks: kind !== 'speaker' && !guest,
		attendee: {
			email: recipient.email,
			name: recipient.name,
			partstat: partStat(recipient.response)
		}
	});
	return buildMeetingCalendar([event], { method: kind === 'cancel' ? 'CANCEL' : 'REQUEST', now });
}

/** Queues one meeting mail to one person (member or speaker). */
export async function queueMeetingMail(
	tx: Executor,
	args: {
		kind: MeetingMailKind;
		details: MeetingDetails;
		origin: string;
		to: { email: string; name: string; locale: string | null };
		token?: string | null;
		response?: RsvpResponse | null;
		changes?: string[];
		sender?: string | null;
		guest?: boolean;
		municipality?: MunicipalityMailInfo | null;
	}
): Promise<void> {
	const { details, origin, to } = args;
	const locale = asLocale(to.locale);
	await enqueueMail(
		tx,
		details.tenant.id,
		meetingMail({
			kind: args.kind,
			to: to.email,
			name: to.name,
			locale,
			details,
			origin,
			token: args.token,
			response: args.response,
			changes: args.changes,
			sender: args.sender,
			guest: args.guest,
			municipality: args.municipality,
			ics: mailCalendar(
				details,
				origin,
				{ ...to, response: args.response },
				args.kind,
				undefined,
				args.municipality ? { url: args.municipality.exchangeLink } : undefined
			)
		})
	);
}

/** Guest speakers with an e-mail address, once per address. */
export function speakersToMail(details: MeetingDetails): { email: string; name: string }[] {
	const seen = new Map<string, { email: string; name: string }>();
	for (const item of details.agenda)
		for (const s of item.speakers) {
			const email = s.email?.trim().toLowerCase();
			if (email && /^[^\s@]+@[^\s@]+$/.test(email) && !seen.has(email))
				seen.set(email, { email, name: s.name });
		}
	return [...seen.values()];
}

/** Whether invitations can go out for the meeting; throws a form error otherwise. */
function assertOpen(meeting: Meeting, now: Date) {
	if (meeting.state === 'cancelled')
		throw new ValidationError({ form: 'invitations_error_cancelled' });
	if (meeting.state === 'held' || meeting.endsAt <= now)
		throw new ValidationError({ form: 'invitations_error_past' });
}

export interface SendResult {
	/** members mailed */
	mailed: number;
	/** guest speakers mailed */
	speakers: number;
	/** people of the municipalities mailed (networking meetings of a district) */
	municipalities: number;
}

/**
 * The municipalities' people to invite to the meeting besides its members (null unless the body
 * is a district's networking body): an address that is a member's gets the member's mail only.
 */
export async function municipalityRecipients(
	db: Executor,
	tenantId: string,
	bodyId: string,
	members: { email: string }[]
): Promise<MunicipalityInvitee[] | null> {
	const memberEmails = new Set(members.map((mb) => mb.email.trim().toLowerCase()));
	const invitees = await networkingMeetingInvitees(db, tenantId, bodyId);
	return invitees && invitees.filter((i) => !memberEmails.has(i.email.toLowerCase()));
}

export function municipalityMailInfo(
	invitee: MunicipalityInvitee,
	origin: string
): MunicipalityMailInfo {
	return {
		name: invitee.municipality.name,
		role: invitee.role,
		exchangeLink: invitee.exchangePath ? `${origin}${invitee.exchangePath}` : null
	};
}

/**
 * Sends the invitation. The first time: to every current member and every guest speaker with
 * an e-mail. Later: only to members who have not got the current version (new members), or,
 * with `all`, to everyone again (each mail carries new answer links; earlier links stop working).
 */
export async function sendInvitations(
	ctx: TenantCtx,
	options: { meetingId: string; all?: boolean }
): Promise<SendResult> {
	const tenantId = ctx.tenant.id;
	const { meeting: found } = await loadMeetingToManage(ctx, tenantId, options.meetingId);
	const meetingId = found.id;
	const now = new Date();
	assertOpen(found, now);
	const actor = ctx.actor!;
	return ctx.db.transaction(async (tx) => {
		const meeting = await lockMeeting(tx, tenantId, meetingId);
		assertOpen(meeting, now);
		const details = (await loadMeetingDetails(tx, tenantId, meetingId))!;
		const members = await currentMembers(tx, tenantId, meeting.bodyId);
		if (members.length === 0) throw new ValidationError({ form: 'invitations_error_no_members' });
		const existing = new Map(
			(
				await tx
					.select()
					.from(meetingInvitations)
					.where(eq(meetingInvitations.meetingId, meetingId))
			).map((r) => [r.userId, r])
		);
		let mailed = 0;
		for (const member of members) {
			const row = existing.get(member.userId);
			if (!options.all && row && row.mailedSequence === meeting.sequence) continue;
			const token = newToken();
			await tx
				.insert(meetingInvitations)
				.values({
					tenantId,
					meetingId,
					userId: member.userId,
					tokenHash: hashToken(token),
					mailedSequence: meeting.sequence
				})
				.onConflictDoUpdate({
					target: [meetingInvitations.meetingId, meetingInvitations.userId],
					set: { tokenHash: hashToken(token), mailedSequence: meeting.sequence }
				});
			await queueMeetingMail(tx, {
				kind: 'invite',
				details,
				origin: ctx.origin,
				to: member,
				token,
				response: row?.response ?? null,
				sender: actor.name
			});
			mailed++;
		}
		let speakers = 0;
		if (options.all || !meeting.invitedAt) {
			for (const speaker of speakersToMail(details)) {
				await queueMeetingMail(tx, {
					kind: 'speaker',
					details,
					origin: ctx.origin,
					to: { ...speaker, locale: 'de' },
					sender: actor.name
				});
				speakers++;
			}
		}
		// the municipalities' people have no invitation row: like the speakers, they get the first
		// invitation and, with `all`, the invitation again
		let municipalities = 0;
		if (options.all || !meeting.invitedAt) {
			for (const invitee of (await municipalityRecipients(tx, tenantId, meeting.bodyId, members)) ??
				[]) {
				await queueMeetingMail(tx, {
					kind: 'invite',
					details,
					origin: ctx.origin,
					to: invitee,
					sender: actor.name,
					guest: true,
					municipality: municipalityMailInfo(invitee, ctx.origin)
				});
				municipalities++;
			}
		}
		if (mailed === 0 && speakers === 0 && municipalities === 0)
			return { mailed, speakers, municipalities };
		await tx
			.update(meetings)
			.set({ state: 'invited', invitedAt: meeting.invitedAt ?? now, updatedAt: now })
			.where(eq(meetings.id, meetingId));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'meeting.invitations_send',
			entityType: 'meeting',
			entityId: meetingId,
			before: { state: meeting.state, invitedAt: meeting.invitedAt },
			after: {
				state: 'invited',
				sequence: meeting.sequence,
				members: mailed,
				speakers,
				municipalities,
				all: !!options.all
			}
		});
		return { mailed, speakers, municipalities };
	});
}

export interface InvitationPreview {
	subject: string;
	text: string;
	/** current members */
	members: number;
	/** members who would get a mail with "send" (not yet got the current version) */
	pending: number;
	speakersWithEmail: number;
	/** whether invitations can be sent now (not cancelled, not over) */
	open: boolean;
	/** the municipalities' people a networking meeting's invitation goes to (other bodies: null) */
	municipalities:
		| {
				municipality: string;
				name: string;
				email: string;
				role: MunicipalityInvitee['role'];
				/** whether their mail has the link to record the municipality's answers */
				withExchangeLink: boolean;
		  }[]
		| null;
	/** whether "send" mails them (the first invitation); later only "send to all again" does */
	municipalitiesPending: boolean;
	/** the first of their mails as it will go out, or null */
	municipalityText: string | null;
}

/** The invitation as the members will get it (sample name and links), for managers. */
export async function invitationPreview(
	ctx: TenantCtx,
	input: { meetingId: string }
): Promise<InvitationPreview> {
	return previewOf(ctx, (await loadMeetingToManage(ctx, ctx.tenant.id, input.meetingId)).meeting);
}

/** The invitation preview of a meeting the caller loaded for a manager. */
export async function previewOf(ctx: TenantCtx, meeting: Meeting): Promise<InvitationPreview> {
	const tenantId = ctx.tenant.id;
	const meetingId = meeting.id;
	const details = (await loadMeetingDetails(ctx.db, tenantId, meetingId))!;
	const members = await currentMembers(ctx.db, tenantId, meeting.bodyId);
	const rows = await ctx.db
		.select({
			userId: meetingInvitations.userId,
			mailedSequence: meetingInvitations.mailedSequence
		})
		.from(meetingInvitations)
		.where(eq(meetingInvitations.meetingId, meetingId));
	const current = new Set(
		rows.filter((r) => r.mailedSequence === meeting.sequence).map((r) => r.userId)
	);
	const locale = mailLocale(ctx.locale);
	const sampleName = ctx.actor?.name ?? '';
	const fromMunicipalities = await municipalityRecipients(
		ctx.db,
		tenantId,
		meeting.bodyId,
		members
	);
	const sample = fromMunicipalities?.[0];
	return {
		subject: meetingMailSubject('invite', details, locale),
		text: meetingMailText({
			kind: 'invite',
			name: sampleName,
			locale,
			details,
			origin: ctx.origin,
			token: '…',
			sender: ctx.actor?.name ?? null
		}),
		members: members.length,
		pending: members.filter((mb) => !current.has(mb.userId)).length,
		speakersWithEmail: speakersToMail(details).length,
		open: meeting.state !== 'cancelled' && meeting.state !== 'held' && meeting.endsAt > new Date(),
		municipalities:
			fromMunicipalities?.map((i) => ({
				municipality: i.municipality.name,
				name: i.name,
				email: i.email,
				role: i.role,
				withExchangeLink: !!i.exchangePath
			})) ?? null,
		municipalitiesPending: !meeting.invitedAt,
		municipalityText: sample
			? meetingMailText({
					kind: 'invite',
					name: sample.name,
					locale: asLocale(sample.locale),
					details,
					origin: ctx.origin,
					sender: ctx.actor?.name ?? null,
					guest: true,
					municipality: municipalityMailInfo(sample, ctx.origin)
				})
			: null
	};
}

/**
 * The people invited to a meeting whose accounts are active, with their invitation (id, response)
 * and what a mail to them needs; `only` narrows the invitations further.
 */
export async function invitedPeople(tx: Executor, tenantId: string, meetingId: string, only?: SQL) {
	return tx
		.select({
			id: meetingInvitations.id,
			response: meetingInvitations.response,
			userId: users.id,
			email: users.email,
			name: users.name,
			locale: users.locale
		})
		.from(meetingInvitations)
		.innerJoin(users, eq(users.id, meetingInvitations.userId))
		.where(
			and(
				eq(meetingInvitations.tenantId, tenantId),
				eq(meetingInvitations.meetingId, meetingId),
				isNull(users.disabledAt),
				only
			)
		);
}
