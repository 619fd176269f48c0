/**
 * Pieces of the body pages, read for one body: its details, members, host pool and meetings.
 * No authorisation here; the views that use them have authorised.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import { users } from '../auth/schema';
import { organizations } from '../organizations/schema';
import { fieldsOfAction } from '../fields-of-action/schema';
import { meetings, type MeetingState, type MinutesState } from '../meetings/schema';
import { localName } from '../needs/views';
import {
	BODY_KINDS,
	bodies,
	bodyMemberships,
	type Body,
	type BodyKind,
	type BodyVisibility,
	type CadenceKind,
	type MembershipRole
} from './schema';
import { splitQuestions } from './bodies';
import { isNotEndedMembershipRow } from './membership-rule';
import { berlinToday } from '../shared';

export const kindOrder = sql`CASE ${bodies.kind} ${sql.join(
	BODY_KINDS.map((k, i) => sql`WHEN ${k} THEN ${i}`),
	sql` `
)} END`;

const roleOrder = sql`CASE ${bodyMemberships.role} WHEN 'speaker' THEN 0 WHEN 'deputy' THEN 1 WHEN 'moderator' THEN 2 WHEN 'member' THEN 3 ELSE 4 END`;

/** The body's meeting-series settings, for the cadence in words. */
export interface CadenceView {
	cadenceKind: CadenceKind;
	cadenceMinWeeks: number | null;
	cadenceMaxWeeks: number | null;
	preferredWeekday: number | null;
	preferredTime: string | null;
}

export interface MemberView {
	membershipId: string;
	userId: string;
	name: string;
	role: MembershipRole;
	organizationId: string | null;
	organizationName: string | null;
	startDate: string;
	endDate: string | null;
}

export interface MeetingRow {
	id: string;
	title: string | null;
	startsAt: Date;
	endsAt: Date;
	state: MeetingState;
	minutesState: MinutesState;
	locationKind: 'host' | 'room' | 'online';
	location: string | null;
	hostName: string | null;
}

export interface BodyDetails extends CadenceView {
	id: string;
	kind: BodyKind;
	name: string;
	shortName: string | null;
	description: string | null;
	fieldOfActionId: string | null;
	fieldName: string | null;
	guidingQuestions: string[];
	guidingQuestionsText: string;
	visibility: BodyVisibility;
	durationMinutes: number;
	defaultLocation: string | null;
	rotateHost: boolean;
	reminderDays: number | null;
	archived: boolean;
}

export function nextMeetingSql() {
	return sql`(SELECT min(${meetings.startsAt}) FROM ${meetings} WHERE ${meetings.tenantId} = ${bodies.tenantId} AND ${meetings.bodyId} = ${bodies.id} AND ${meetings.state} IN ('planned', 'invited') AND ${meetings.startsAt} >= now())`.mapWith(
		meetings.startsAt
	);
}

export async function bodyDetails(db: Executor, body: Body, locale: string): Promise<BodyDetails> {
	let fieldName: string | null = null;
	if (body.fieldOfActionId) {
		const [f] = await db
			.select({ names: fieldsOfAction.names })
			.from(fieldsOfAction)
			.where(
				and(eq(fieldsOfAction.tenantId, body.tenantId), eq(fieldsOfAction.id, body.fieldOfActionId))
			);
		fieldName = f ? localName(f.names, locale) : null;
	}
	return {
		id: body.id,
		kind: body.kind,
		name: body.name,
		shortName: body.shortName,
		description: body.description,
		fieldOfActionId: body.fieldOfActionId,
		fieldName,
		guidingQuestions: splitQuestions(body.guidingQuestions),
		guidingQuestionsText: body.guidingQuestions ?? '',
		visibility: body.visibility,
		cadenceKind: body.cadenceKind,
		cadenceMinWeeks: body.cadenceMinWeeks,
		cadenceMaxWeeks: body.cadenceMaxWeeks,
		preferredWeekday: body.preferredWeekday,
		preferredTime: body.preferredTime,
		durationMinutes: body.durationMinutes,
		defaultLocation: body.defaultLocation,
		rotateHost: body.rotateHost,
		reminderDays: body.reminderDays,
		archived: !!body.archivedAt
	};
}

/** Members of the body, current (not ended, incl. future starts) and former. */
export async function members(
	db: Executor,
	body: Body,
	today: string = berlinToday()
): Promise<{ current: MemberView[]; former: MemberView[] }> {
	const rows = await db
		.select({
			m: bodyMemberships,
			name: users.name,
			organizationName: organizations.name
		})
		.from(bodyMemberships)
		.innerJoin(users, eq(users.id, bodyMemberships.userId))
		.leftJoin(organizations, eq(organizations.id, bodyMemberships.organizationId))
		.where(and(eq(bodyMemberships.tenantId, body.tenantId), eq(bodyMemberships.bodyId, body.id)))
		.orderBy(roleOrder, asc(users.name), desc(bodyMemberships.startDate))
		.limit(1000);
	const view = (r: (typeof rows)[number]): MemberView => ({
		membershipId: r.m.id,
		userId: r.m.userId,
		name: r.name,
		role: r.m.role,
		organizationId: r.m.organizationId,
		organizationName: r.organizationName,
		startDate: r.m.startDate,
		endDate: r.m.endDate
	});
	const current = rows.filter((r) => isNotEndedMembershipRow(r.m, today)).map(view);
	const former = rows
		.filter((r) => !isNotEndedMembershipRow(r.m, today))
		.map(view)
		.sort((a, b) => (b.endDate ?? '').localeCompare(a.endDate ?? ''));
	return { current, former };
}

const hostOrg = alias(organizations, 'host_org');

export async function meetingRows(
	db: Executor,
	body: Body,
	when: 'upcoming' | 'past',
	limit: number,
	publicOnly = false
): Promise<MeetingRow[]> {
	const now = new Date().toISOString();
	const rows = await db
		.select({
			meeting: meetings,
			hostName: hostOrg.name,
			hostPublic: hostOrg.isPublic
		})
		.from(meetings)
		.leftJoin(hostOrg, eq(hostOrg.id, meetings.hostOrganizationId))
		.where(
			and(
				eq(meetings.tenantId, body.tenantId),
				eq(meetings.bodyId, body.id),
				when === 'upcoming'
					? sql`${meetings.endsAt} >= ${now}::timestamptz`
					: sql`${meetings.endsAt} < ${now}::timestamptz`
			)
		)
		.orderBy(
			when === 'upcoming' ? asc(meetings.startsAt) : desc(meetings.startsAt),
			asc(meetings.id)
		)
		.limit(limit);
	return rows.map((r) => ({
		id: r.meeting.id,
		title: r.meeting.title,
		startsAt: r.meeting.startsAt,
		endsAt: r.meeting.endsAt,
		state: r.meeting.state,
		minutesState: r.meeting.minutesState,
		locationKind: r.meeting.locationKind,
		location: r.meeting.location,
		hostName: publicOnly && !r.hostPublic ? null : r.hostName
	}));
}
