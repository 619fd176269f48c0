/**
 * Views of one meeting for the signed-in pages: the summary the meeting's layout loads once
 * (header and tabs; authorised through loadMeeting) and the overview page built on it, so that
 * a request to the meeting page reads the meeting row only once.
 */
import { eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { users } from '../auth/schema';
import { organizations } from '../organizations/schema';
import { organizationOptions, personOptions } from '../bodies/lookups';
import { loadVisibleBody } from '../bodies/access';
import { authorize } from '../auth/policy';
import { wasPresent } from '../minutes/access';
import { canReadMinutes, minutesReader } from '../minutes/visibility';
import type { Body } from '../bodies/schema';
import type { Meeting } from './schema';
import { loadMeeting, loadMeetingToManage } from './access';
import { agendaOf } from './agenda';
import { ACCEPTED_EXTENSIONS } from './files';
import { meetingFormValues } from './meetings';
import { LOCATION_KINDS } from './schema';
import { isLocalDate, isLocalTime } from './schedule';
import { guidingQuestionGroupsForBody } from '../concept/structure';

/** What the meeting's layout and its pages know of the meeting (no minutes text). */
export interface MeetingSummary {
	id: string;
	tenantId: string;
	bodyId: string;
	title: string | null;
	startsAt: Date;
	endsAt: Date;
	state: Meeting['state'];
	minutesState: Meeting['minutesState'];
	locationKind: Meeting['locationKind'];
	location: string | null;
	onlineUrl: string | null;
	cancelReason: string | null;
	hostOrganizationId: string | null;
	moderatorUserId: string | null;
	body: Pick<Body, 'id' | 'tenantId' | 'name' | 'shortName' | 'visibility'>;
	/** may plan, invite, keep attendance and write minutes */
	canManage: boolean;
}

/** The meeting for its layout: NotFoundError when it is not in the tenant or hidden. */
export async function getMeetingSummary(
	ctx: TenantCtx,
	input: { meetingId: string }
): Promise<MeetingSummary> {
	const { meeting, body, canManage } = await loadMeeting(ctx, ctx.tenant.id, input.meetingId);
	return {
		id: meeting.id,
		tenantId: meeting.tenantId,
		bodyId: meeting.bodyId,
		title: meeting.title,
		startsAt: meeting.startsAt,
		endsAt: meeting.endsAt,
		state: meeting.state,
		minutesState: meeting.minutesState,
		locationKind: meeting.locationKind,
		location: meeting.location,
		onlineUrl: meeting.onlineUrl,
		cancelReason: meeting.cancelReason,
		hostOrganizationId: meeting.hostOrganizationId,
		moderatorUserId: meeting.moderatorUserId,
		body: {
			id: body.id,
			tenantId: body.tenantId,
			name: body.name,
			shortName: body.shortName,
			visibility: body.visibility
		},
		canManage
	};
}

/** The header and tabs of the meeting's pages (dates as ISO strings, as the layout shows them). */
export function meetingHeader(summary: MeetingSummary) {
	return {
		id: summary.id,
		title: summary.title,
		startsAt: summary.startsAt.toISOString(),
		endsAt: summary.endsAt.toISOString(),
		state: summary.state,
		minutesState: summary.minutesState,
		body: { id: summary.body.id, name: summary.body.name, shortName: summary.body.shortName }
	};
}

/** Whether the agenda may change: managers, not cancelled, minutes not approved. */
function isEditable(summary: MeetingSummary): boolean {
	return (
		summary.canManage &&
		summary.state !== 'cancelled' &&
		summary.minutesState !== 'approved' &&
		summary.minutesState !== 'published'
	);
}

async function nameOf(
	ctx: TenantCtx,
	table: typeof users | typeof organizations,
	id: string | null
): Promise<{ id: string; name: string } | null> {
	if (!id) return null;
	const [row] = await ctx.db
		.select({ id: table.id, name: table.name })
		.from(table)
		.where(eq(table.id, id));
	return row ?? null;
}

/**
 * The overview page of a meeting, from the summary its layout loaded (and authorised): agenda
 * with speakers and files, host, moderator, whether the minutes can be read, and the people to
 * choose from when the agenda may change.
 */
export async function getMeetingOverview(
	ctx: TenantCtx,
	input: { summary: MeetingSummary; now?: Date }
) {
	const { summary } = input;
	const { canManage } = summary;
	const now = input.now ?? new Date();
	const locale = ctx.locale === 'en' ? 'en' : 'de';
	const editable = isEditable(summary);
	// the concept's guiding questions may go onto the agenda of a meeting to come
	const questionsOpen = editable && summary.state !== 'held';
	const [agenda, host, moderator, present, people, conceptQuestions] = await Promise.all([
		agendaOf(ctx.db, summary, { locale }),
		nameOf(ctx, organizations, summary.hostOrganizationId),
		nameOf(ctx, users, summary.moderatorUserId),
		ctx.actor ? wasPresent(ctx.db, summary.id, ctx.actor.userId) : Promise.resolve(false),
		editable ? personOptions(ctx.db, ctx.tenant.id) : Promise.resolve([]),
		questionsOpen
			? guidingQuestionGroupsForBody(ctx.db, ctx.tenant.id, summary.body.id)
			: Promise.resolve([])
	]);
	const canReadTheMinutes = canReadMinutes(
		summary.minutesState,
		minutesReader(ctx.actor, summary.body, present)
	);
	return {
		meeting: {
			id: summary.id,
			title: summary.title,
			startsAt: summary.startsAt,
			endsAt: summary.endsAt,
			state: summary.state,
			locationKind: summary.locationKind,
			location: summary.location,
			onlineUrl: summary.onlineUrl,
			cancelReason: summary.cancelReason,
			hasBegun: summary.startsAt <= now
		},
		body: { id: summary.body.id, name: summary.body.name, shortName: summary.body.shortName },
		host,
		moderator,
		items: agenda.items.map((i) => ({
			...i,
			// speakers' addresses only for those who plan the meeting
			speakers: i.speakers.map((s) => ({ ...s, email: canManage ? s.email : null }))
		})),
		meetingFiles: agenda.meetingFiles,
		openActions: agenda.openActions,
		canManage,
		editable,
		conceptQuestions,
		links: {
			minutes: canReadTheMinutes && summary.minutesState !== 'none',
			publicPage: ctx.tenant.isPublic && summary.body.visibility === 'public',
			papers: canManage
		},
		people,
		accept: ACCEPTED_EXTENSIONS.join(',')
	};
}

/** The edit form of a meeting, for those who may manage it. */
export async function getMeetingForm(ctx: TenantCtx, input: { meetingId: string }) {
	const { meeting } = await loadMeetingToManage(ctx, ctx.tenant.id, input.meetingId);
	const [organizations, people] = await Promise.all([
		organizationOptions(ctx.db, ctx.tenant.id),
		personOptions(ctx.db, ctx.tenant.id)
	]);
	return {
		meetingId: meeting.id,
		state: meeting.state,
		invited: meeting.state === 'invited' || meeting.invitedAt !== null,
		values: meetingFormValues(meeting),
		organizations,
		people
	};
}

/** "18:00" + 120 minutes → "20:00" (within the day). */
function plus(time: string, minutes: number): string {
	const [h, m] = time.split(':').map(Number);
	const total = Math.min(23 * 60 + 59, h * 60 + m + minutes);
	return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * The form for a new meeting of the body, for those who may plan its meetings; prefilled from
 * the query (a series proposal: datum, beginn, ende, art, gastgeber, ort) or the body's defaults.
 */
export async function getNewMeetingForm(
	ctx: TenantCtx,
	input: { bodyId: string; query: URLSearchParams }
) {
	const tenantId = ctx.tenant.id;
	const body = await loadVisibleBody(ctx, tenantId, input.bodyId);
	authorize(ctx.actor, 'meeting.manage', { tenantId, bodyId: body.id });
	const q = input.query;
	const start = isLocalTime(q.get('beginn')) ? q.get('beginn')! : (body.preferredTime ?? '');
	const kind = q.get('art') ?? '';
	const prefill: Record<string, string> = {
		date: isLocalDate(q.get('datum')) ? q.get('datum')! : '',
		startTime: start,
		endTime: isLocalTime(q.get('ende'))
			? q.get('ende')!
			: start
				? plus(start, body.durationMinutes)
				: '',
		locationKind: (LOCATION_KINDS as readonly string[]).includes(kind) ? kind : 'room',
		hostOrganizationId: q.get('gastgeber') ?? '',
		location: (q.get('ort') ?? body.defaultLocation ?? '').slice(0, 500)
	};
	const [organizations, people] = await Promise.all([
		organizationOptions(ctx.db, tenantId),
		personOptions(ctx.db, tenantId)
	]);
	return { body: { id: body.id, name: body.name }, prefill, organizations, people };
}
