/**
 * Answers (Rückmeldungen) to an invitation: yes, no or maybe, from the link in the mail (the
 * token identifies person and meeting; no sign-in) or in the app; the managers' overview.
 */
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx, TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { newToken, hashToken } from '../auth/tokens';
import { users } from '../auth/schema';
import { organizations } from '../organizations/schema';
import { bodyMemberships } from '../bodies/schema';
import { isCurrentMembership } from '../bodies/membership-rule';
import { meetings, type Meeting } from '../meetings/schema';
import { RSVP_RESPONSES, meetingInvitations, type RsvpResponse } from './schema';
import {
	loadMeeting,
	loadMeetingToManage,
	lockMeeting,
	type MeetingAccess
} from '../meetings/access';
import { bodyLabel, loadMeetingDetails, meetingSummary, onlineLink, placeText } from './details';
import { currentMembers } from './invitations';

/** The words of the answer links (?antwort=ja|nein|vielleicht) and the form values. */
const WORDS: Record<string, RsvpResponse> = {
	yes: 'yes',
	ja: 'yes',
	no: 'no',
	nein: 'no',
	maybe: 'maybe',
	vielleicht: 'maybe'
};

/** yes/no/maybe from a form value or a link word; null when it is none of them. */
export function parseResponse(value: unknown): RsvpResponse | null {
	return typeof value === 'string' ? (WORDS[value.trim().toLowerCase()] ?? null) : null;
}

const answerInput = z.object({
	response: z.enum(RSVP_RESPONSES, { error: 'invitations_error_response' }),
	comment: z
		.string()
		.trim()
		.max(1000, { error: 'invitations_error_comment_too_long' })
		.optional()
		.transform((v) => (v ? v : null))
});

function parseAnswer(response: unknown, comment: unknown) {
	const parsed = answerInput.safeParse({
		response: parseResponse(response) ?? '',
		comment: typeof comment === 'string' ? comment : undefined
	});
	if (!parsed.success) {
		const errors: Record<string, string> = {};
		for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
		throw new ValidationError(errors);
	}
	return parsed.data;
}

export type MeetingPhase = 'open' | 'cancelled' | 'past';

export function meetingPhase(
	meeting: Pick<Meeting, 'state' | 'endsAt'>,
	now = new Date()
): MeetingPhase {
	if (meeting.state === 'cancelled') return 'cancelled';
	if (meeting.state === 'held' || meeting.endsAt <= now) return 'past';
	return 'open';
}

function assertCanAnswer(meeting: Pick<Meeting, 'state' | 'endsAt'>) {
	const phase = meetingPhase(meeting);
	if (phase === 'cancelled')
		throw new ValidationError({ form: 'invitations_error_answer_cancelled' });
	if (phase === 'past') throw new ValidationError({ form: 'invitations_error_answer_past' });
}

/** What the answer page shows: the meeting and the person's answer so far. */
export interface AnswerPageView {
	meetingId: string;
	summary: string;
	bodyName: string;
	bodyShortName: string;
	tenantName: string;
	title: string | null;
	startsAt: Date;
	endsAt: Date;
	place: string | null;
	online: string | null;
	host: string | null;
	agenda: { number: string; title: string; speakers: string[] }[];
	personName: string;
	response: RsvpResponse | null;
	comment: string | null;
	respondedAt: Date | null;
	phase: MeetingPhase;
	cancelReason: string | null;
}

async function invitationByToken(db: Executor, token: string) {
	if (typeof token !== 'string' || token.length < 20 || token.length > 200) return null;
	const [row] = await db
		.select({ invitation: meetingInvitations, personName: users.name })
		.from(meetingInvitations)
		.innerJoin(users, eq(users.id, meetingInvitations.userId))
		.where(and(eq(meetingInvitations.tokenHash, hashToken(token)), isNull(users.disabledAt)));
	return row ?? null;
}

/** The answer page of a mail link; null when the token is unknown (or replaced by a newer mail). */
export async function findInvitationByToken(
	ctx: Ctx,
	input: { token: string }
): Promise<AnswerPageView | null> {
	const db = ctx.db;
	const row = await invitationByToken(db, input.token);
	if (!row) return null;
	const inv = row.invitation;
	const details = await loadMeetingDetails(db, inv.tenantId, inv.meetingId);
	if (!details) return null;
	const { meeting, body, tenant } = details;
	return {
		meetingId: meeting.id,
		summary: meetingSummary(details),
		bodyName: body.name,
		bodyShortName: bodyLabel(body),
		tenantName: tenant.name,
		title: meeting.title,
		startsAt: meeting.startsAt,
		endsAt: meeting.endsAt,
		place: placeText(details),
		online: onlineLink(meeting),
		host: details.host?.name ?? null,
		agenda: details.agenda.map((a) => ({
			number: a.number,
			title: a.title,
			speakers: a.speakers.map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name))
		})),
		personName: row.personName,
		response: inv.response,
		comment: inv.comment,
		respondedAt: inv.respondedAt,
		phase: meetingPhase(meeting),
		cancelReason: meeting.cancelReason
	};
}

/**
 * Records the answer of a mail link. No sign-in: the token identifies person and meeting.
 * `input.meetingId` (the meeting the page showed) must match the token's meeting.
 */
export async function answerByToken(
	ctx: Ctx,
	input: { token: string; response?: unknown; comment?: unknown; meetingId?: unknown }
): Promise<{ response: RsvpResponse; meetingId: string }> {
	const row = await invitationByToken(ctx.db, input.token);
	if (!row) throw new NotFoundError();
	if (input.meetingId !== undefined && input.meetingId !== row.invitation.meetingId)
		throw new NotFoundError();
	const answer = parseAnswer(input.response, input.comment);
	return ctx.db.transaction(async (tx) => {
		const [meeting] = await tx
			.select()
			.from(meetings)
			.where(eq(meetings.id, row.invitation.meetingId))
			.for('update');
		if (!meeting) throw new NotFoundError();
		assertCanAnswer(meeting);
		return saveAnswer(tx, {
			tenantId: meeting.tenantId,
			meetingId: meeting.id,
			userId: row.invitation.userId,
			answer,
			who: { actor: { userId: row.invitation.userId }, requestId: ctx.requestId },
			via: 'link'
		});
	});
}

async function saveAnswer(
	tx: Executor,
	args: {
		tenantId: string;
		meetingId: string;
		userId: string;
		answer: { response: RsvpResponse; comment: string | null };
		who: { actor: { userId: string }; requestId?: string };
		via: 'link' | 'app';
	}
): Promise<{ response: RsvpResponse; meetingId: string }> {
	const now = new Date();
	const [before] = await tx
		.select({ response: meetingInvitations.response, comment: meetingInvitations.comment })
		.from(meetingInvitations)
		.where(
			and(
				eq(meetingInvitations.meetingId, args.meetingId),
				eq(meetingInvitations.userId, args.userId)
			)
		);
	await tx
		.insert(meetingInvitations)
		.values({
			tenantId: args.tenantId,
			meetingId: args.meetingId,
			userId: args.userId,
			// never mailed; a fresh mail replaces it
			tokenHash: hashToken(newToken()),
			response: args.answer.response,
			comment: args.answer.comment,
			respondedAt: now
		})
		.onConflictDoUpdate({
			target: [meetingInvitations.meetingId, meetingInvitations.userId],
			set: { response: args.answer.response, comment: args.answer.comment, respondedAt: now }
		});
	await recordAudit(tx, args.who, {
		tenantId: args.tenantId,
		action: 'meeting.answer',
		entityType: 'meeting',
		entityId: args.meetingId,
		before: before ?? null,
		after: { response: args.answer.response, comment: args.answer.comment, via: args.via }
	});
	return { response: args.answer.response, meetingId: args.meetingId };
}

/** The signed-in member answers in the app (the invitation row is created when missing). */
export async function answerInApp(
	ctx: TenantCtx,
	input: { meetingId: string; response?: unknown; comment?: unknown }
): Promise<{ response: RsvpResponse }> {
	const tenantId = ctx.tenant.id;
	const { meeting, body } = await loadMeeting(ctx, tenantId, input.meetingId);
	const meetingId = meeting.id;
	const actor = ctx.actor!;
	const answer = parseAnswer(input.response, input.comment);
	return ctx.db.transaction(async (tx) => {
		const locked = await lockMeeting(tx, tenantId, meeting.id);
		assertCanAnswer(locked);
		if (!(await mayAnswer(tx, tenantId, body.id, meetingId, actor.userId)))
			throw new ValidationError({ form: 'invitations_error_not_member' });
		return saveAnswer(tx, {
			tenantId,
			meetingId,
			userId: actor.userId,
			answer,
			who: { actor: { userId: actor.userId }, requestId: ctx.requestId },
			via: 'app'
		});
	});
}

/** Current members of the body, and anyone already invited, may answer. */
async function mayAnswer(
	db: Executor,
	tenantId: string,
	bodyId: string,
	meetingId: string,
	userId: string
): Promise<boolean> {
	const [membership] = await db
		.select({ id: bodyMemberships.id })
		.from(bodyMemberships)
		.where(
			and(
				eq(bodyMemberships.tenantId, tenantId),
				eq(bodyMemberships.bodyId, bodyId),
				eq(bodyMemberships.userId, userId),
				isCurrentMembership()
			)
		)
		.limit(1);
	if (membership) return true;
	const [invited] = await db
		.select({ id: meetingInvitations.id })
		.from(meetingInvitations)
		.where(and(eq(meetingInvitations.meetingId, meetingId), eq(meetingInvitations.userId, userId)));
	return !!invited;
}

export interface MyAnswer {
	/** whether the actor may answer now (member or invited, meeting open) */
	canAnswer: boolean;
	/** whether the actor is a member or invited (answer shown even after the meeting) */
	concerned: boolean;
	response: RsvpResponse | null;
	comment: string | null;
	respondedAt: Date | null;
	phase: MeetingPhase;
}

/** The signed-in person's own answer to the meeting. */
export async function myAnswer(ctx: TenantCtx, input: { meetingId: string }): Promise<MyAnswer> {
	return answerOfActor(ctx, await loadMeeting(ctx, ctx.tenant.id, input.meetingId));
}

/** The actor's answer to a meeting the caller loaded (and authorised). */
export async function answerOfActor(
	ctx: TenantCtx,
	{ meeting, body }: Pick<MeetingAccess, 'meeting' | 'body'>
): Promise<MyAnswer> {
	const tenantId = ctx.tenant.id;
	const actor = ctx.actor;
	const phase = meetingPhase(meeting);
	if (!actor)
		return {
			canAnswer: false,
			concerned: false,
			response: null,
			comment: null,
			respondedAt: null,
			phase
		};
	const [row] = await ctx.db
		.select()
		.from(meetingInvitations)
		.where(
			and(eq(meetingInvitations.meetingId, meeting.id), eq(meetingInvitations.userId, actor.userId))
		);
	const concerned = !!row || (await mayAnswer(ctx.db, tenantId, body.id, meeting.id, actor.userId));
	return {
		canAnswer: concerned && phase === 'open',
		concerned,
		response: row?.response ?? null,
		comment: row?.comment ?? null,
		respondedAt: row?.respondedAt ?? null,
		phase
	};
}

export interface AnswerRow {
	userId: string;
	name: string;
	organization: string | null;
	response: RsvpResponse | null;
	comment: string | null;
	respondedAt: Date | null;
	invitedAt: Date;
	/** whether the person got the current version of the invitation */
	current: boolean;
	/** whether the person was mailed at all (false: answered in the app without a mail) */
	mailed: boolean;
}

export interface AnswerOverview {
	rows: AnswerRow[];
	counts: { yes: number; no: number; maybe: number; none: number };
	/** current members without an invitation yet */
	notInvited: { name: string; organization: string | null }[];
	invitedAt: Date | null;
}

/** Who was invited when and how they answered, for those who manage the meeting. */
export async function listAnswers(
	ctx: TenantCtx,
	input: { meetingId: string }
): Promise<AnswerOverview> {
	return answersOf(ctx, (await loadMeetingToManage(ctx, ctx.tenant.id, input.meetingId)).meeting);
}

/** The answer overview of a meeting the caller loaded for a manager. */
export async function answersOf(ctx: TenantCtx, meeting: Meeting): Promise<AnswerOverview> {
	const tenantId = ctx.tenant.id;
	const rows = await ctx.db
		.select({
			userId: meetingInvitations.userId,
			name: users.name,
			response: meetingInvitations.response,
			comment: meetingInvitations.comment,
			respondedAt: meetingInvitations.respondedAt,
			createdAt: meetingInvitations.createdAt,
			mailedSequence: meetingInvitations.mailedSequence
		})
		.from(meetingInvitations)
		.innerJoin(users, eq(users.id, meetingInvitations.userId))
		.where(
			and(eq(meetingInvitations.tenantId, tenantId), eq(meetingInvitations.meetingId, meeting.id))
		)
		.orderBy(asc(users.name));
	// the organisation each person represents in the body (latest membership)
	const orgRows = await ctx.db
		.select({ userId: bodyMemberships.userId, organization: organizations.name })
		.from(bodyMemberships)
		.leftJoin(organizations, eq(organizations.id, bodyMemberships.organizationId))
		.where(and(eq(bodyMemberships.tenantId, tenantId), eq(bodyMemberships.bodyId, meeting.bodyId)))
		.orderBy(desc(bodyMemberships.startDate));
	const orgOf = new Map<string, string | null>();
	for (const r of orgRows)
		if (!orgOf.has(r.userId) || !orgOf.get(r.userId)) orgOf.set(r.userId, r.organization);
	const counts = { yes: 0, no: 0, maybe: 0, none: 0 };
	for (const r of rows) counts[r.response ?? 'none']++;
	const invited = new Set(rows.map((r) => r.userId));
	const members = await currentMembers(ctx.db, tenantId, meeting.bodyId);
	return {
		rows: rows.map((r) => ({
			userId: r.userId,
			name: r.name,
			organization: orgOf.get(r.userId) ?? null,
			response: r.response,
			comment: r.comment,
			respondedAt: r.respondedAt,
			invitedAt: r.createdAt,
			current: r.mailedSequence === meeting.sequence,
			mailed: r.mailedSequence !== null
		})),
		counts,
		notInvited: members
			.filter((mb) => !invited.has(mb.userId))
			.map((mb) => ({ name: mb.name, organization: mb.organizationName })),
		invitedAt: meeting.invitedAt
	};
}
