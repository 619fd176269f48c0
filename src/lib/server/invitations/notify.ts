/**
 * Telling invited people about a change to their meeting. Called by the meetings use cases
 * inside their transaction after the change is written.
 */
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import type { Ctx } from '../context';
import { recordAudit } from '../audit/record';
import { newToken, hashToken } from '../auth/tokens';
import { meetings, type Meeting } from '../meetings/schema';
import { meetingInvitations } from './schema';
import { m } from '$lib/paraglide/messages';
import {
	loadMeetingDetails,
	onlineLink,
	placeText,
	type Locale,
	type MeetingDetails
} from './details';
import {
	invitedPeople,
	municipalityMailInfo,
	municipalityRecipients,
	queueMeetingMail,
	speakersToMail
} from './invitations';
import { asLocale, whenText } from './mails';

/** What of a meeting the change mail compares (the row before the change). */
export type MeetingBefore = Pick<
	Meeting,
	'startsAt' | 'endsAt' | 'title' | 'location' | 'locationKind' | 'onlineUrl' | 'hostOrganizationId'
>;

/** Lines "Termin: jetzt … (bisher …)" for what differs between before and now (German). */
export function changeLines(
	before: MeetingBefore,
	details: MeetingDetails,
	locale: Locale = 'de'
): string[] {
	const now = details.meeting;
	const o = { locale };
	const none = m.invitations_change_none({}, o);
	const lines: string[] = [];
	if (
		before.startsAt.getTime() !== now.startsAt.getTime() ||
		before.endsAt.getTime() !== now.endsAt.getTime()
	) {
		lines.push(
			m.invitations_change_time(
				{
					now: whenText(now.startsAt, now.endsAt, locale),
					before: whenText(before.startsAt, before.endsAt, locale)
				},
				o
			)
		);
	}
	const placeBefore = placeText({
		meeting: { ...now, ...before },
		host: before.hostOrganizationId === now.hostOrganizationId ? details.host : null
	});
	const placeNow = placeText(details);
	if ((placeBefore ?? '') !== (placeNow ?? '')) {
		lines.push(
			m.invitations_change_place({ now: placeNow ?? none, before: placeBefore ?? none }, o)
		);
	}
	const onlineBefore = onlineLink(before);
	const onlineNow = onlineLink(now);
	if ((onlineBefore ?? '') !== (onlineNow ?? '')) {
		lines.push(
			m.invitations_change_online({ now: onlineNow ?? none, before: onlineBefore ?? none }, o)
		);
	}
	if ((before.title ?? '').trim() !== (now.title ?? '').trim()) {
		lines.push(
			m.invitations_change_title(
				{ now: now.title?.trim() || none, before: before.title?.trim() || none },
				o
			)
		);
	}
	return lines;
}

/**
 * Raises the meeting's SEQUENCE by one and, when the meeting was invited, mails every invited
 * person (and each guest speaker with an address, and for a district's networking meeting each
 * municipality's invited people) the changed invitation (METHOD:REQUEST, new
 * answer links) or the cancellation (METHOD:CANCEL, STATUS:CANCELLED, with the reason).
 * Call it after writing the change (for a cancellation: after setting state 'cancelled' and
 * cancelReason), in the same transaction. `options.before` (the meeting row before the change)
 * lets the mail say what changed.
 */
export async function notifyMeetingChange(
	tx: Tx,
	ctx: Ctx,
	meetingId: string,
	change: 'updated' | 'cancelled',
	options: { before?: MeetingBefore } = {}
): Promise<void> {
	const [raised] = await tx
		.update(meetings)
		.set({ sequence: sql`${meetings.sequence} + 1` })
		.where(eq(meetings.id, meetingId))
		.returning({ tenantId: meetings.tenantId, invitedAt: meetings.invitedAt });
	if (!raised || !raised.invitedAt) return;
	const details = await loadMeetingDetails(tx, raised.tenantId, meetingId);
	if (!details) return;
	const { meeting } = details;
	const kind = change === 'cancelled' ? 'cancel' : 'update';
	const changesFor = (locale: string | null) =>
		options.before && kind === 'update'
			? changeLines(options.before, details, asLocale(locale))
			: [];
	const invited = await invitedPeople(tx, raised.tenantId, meetingId);
	for (const person of invited) {
		const token = kind === 'update' ? newToken() : null;
		await tx
			.update(meetingInvitations)
			.set({
				mailedSequence: meeting.sequence,
				...(token ? { tokenHash: hashToken(token) } : {})
			})
			.where(eq(meetingInvitations.id, person.id));
		await queueMeetingMail(tx, {
			kind,
			details,
			origin: ctx.origin,
			to: person,
			token,
			response: person.response,
			changes: changesFor(person.locale),
			sender: ctx.actor?.name ?? null
		});
	}
	const speakers = speakersToMail(details);
	for (const speaker of speakers) {
		await queueMeetingMail(tx, {
			kind,
			details,
			origin: ctx.origin,
			to: { ...speaker, locale: 'de' },
			changes: changesFor('de'),
			sender: ctx.actor?.name ?? null,
			guest: true
		});
	}
	// a district's networking meeting: the municipalities' people invited with it
	const fromMunicipalities =
		(await municipalityRecipients(tx, raised.tenantId, meeting.bodyId, invited)) ?? [];
	for (const invitee of fromMunicipalities) {
		await queueMeetingMail(tx, {
			kind,
			details,
			origin: ctx.origin,
			to: invitee,
			changes: changesFor(invitee.locale),
			sender: ctx.actor?.name ?? null,
			guest: true,
			municipality: municipalityMailInfo(invitee, ctx.origin)
		});
	}
	await recordAudit(tx, ctx, {
		tenantId: raised.tenantId,
		action: kind === 'cancel' ? 'meeting.cancellation_mail' : 'meeting.update_mail',
		entityType: 'meeting',
		entityId: meetingId,
		after: {
			sequence: meeting.sequence,
			members: invited.length,
			speakers: speakers.length,
			municipalities: fromMunicipalities.length
		}
	});
}
