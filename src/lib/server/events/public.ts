/**
 * The public events of a tenant: its published network events and the meetings of its public
 * bodies (taken in automatically from meetings/), not over yet, soonest first; one event's
 * page and .ics file; the iCalendar feed of all of them (`/<tenant>/termine.ics`).
 */
import { and, asc, eq, gte, isNull, or } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { NotFoundError } from '../errors';
import { pageOf, requireUuid } from '../shared';
import { upcomingPublicMeetings, type CalendarMeeting } from '../meetings/calendar';
import { buildCalendar, type CalendarEvent } from '../offers/ical';
import { networkEvents, type NetworkEvent } from './schema';

export const EVENTS_PAGE_SIZE = 10;
/** The feed reaches this far back, so a subscribed calendar keeps what just happened. */
const FEED_PAST_DAYS = 90;
const FEED_LIMIT = 500;

export const eventsPath = (slug: string) => `/${slug}/termine`;
export const eventsFeedPath = (slug: string) => `/${slug}/termine.ics`;

export interface PublicEventItem {
	kind: 'event' | 'meeting';
	id: string;
	title: string;
	startsAt: Date;
	endsAt: Date | null;
	place: string | null;
	/** network events: its page; meetings: the public meeting page */
	href: string;
	cancelled: boolean;
}

export interface PublicEventPage extends PublicEventItem {
	description: string | null;
	registrationNote: string | null;
}

function notOver(now: Date) {
	return or(
		gte(networkEvents.endsAt, now),
		and(isNull(networkEvents.endsAt), gte(networkEvents.startsAt, now))
	);
}

function publishedEvents(ctx: TenantCtx) {
	return and(eq(networkEvents.tenantId, ctx.tenant.id), eq(networkEvents.status, 'published'));
}

function eventItem(slug: string, e: NetworkEvent): PublicEventPage {
	return {
		kind: 'event',
		id: e.id,
		title: e.title,
		startsAt: e.startsAt,
		endsAt: e.endsAt,
		place: e.place,
		href: `${eventsPath(slug)}/${e.id}`,
		cancelled: false,
		description: e.description,
		registrationNote: e.registrationNote
	};
}

function meetingItem(slug: string, mt: CalendarMeeting): PublicEventItem {
	return {
		kind: 'meeting',
		id: mt.id,
		title: mt.title ? `${mt.body.name}: ${mt.title}` : mt.body.name,
		startsAt: mt.startsAt,
		endsAt: mt.endsAt,
		place: mt.locationKind === 'online' ? null : mt.location,
		href: `/${slug}/sitzungen/${mt.id}`,
		cancelled: mt.state === 'cancelled'
	};
}

const byStart = (a: PublicEventItem, b: PublicEventItem) =>
	a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id);

/** A page of what is coming: network events and public meetings merged, soonest first. */
export async function listPublicEvents(
	ctx: TenantCtx,
	input: { page?: number; size?: number } = {},
	now: Date = new Date()
): Promise<{ items: PublicEventItem[]; page: number; hasMore: boolean }> {
	const page = Math.max(1, input.page ?? 1);
	const size = input.size ?? EVENTS_PAGE_SIZE;
	// each source's first page*size+1 rows hold every row of the merged page and its successor
	const reach = page * size + 1;
	const slug = ctx.tenant.slug;
	const [events, meetings] = await Promise.all([
		ctx.db
			.select()
			.from(networkEvents)
			.where(and(publishedEvents(ctx), notOver(now)))
			.orderBy(asc(networkEvents.startsAt), asc(networkEvents.id))
			.limit(reach),
		upcomingPublicMeetings(ctx, reach, now)
	]);
	const merged = [
		...events.map((e) => eventItem(slug, e)),
		...meetings.map((mt) => meetingItem(slug, mt))
	].sort(byStart);
	const { rows, hasMore } = pageOf(merged.slice((page - 1) * size), size);
	return { items: rows, page, hasMore };
}

/** One published network event; NotFoundError otherwise. */
export async function getPublicEvent(
	ctx: TenantCtx,
	input: { id: string }
): Promise<PublicEventPage> {
	requireUuid(input.id);
	const [row] = await ctx.db
		.select()
		.from(networkEvents)
		.where(and(publishedEvents(ctx), eq(networkEvents.id, input.id)));
	if (!row) throw new NotFoundError();
	return eventItem(ctx.tenant.slug, row);
}

function calendarEvent(
	ctx: TenantCtx,
	e: PublicEventItem & Partial<PublicEventPage>
): CalendarEvent {
	const description = [e.description, e.registrationNote].filter(Boolean).join('\n\n');
	return {
		uid: `${e.kind}-${e.id}@miteinander`,
		summary: e.cancelled ? `[abgesagt] ${e.title}` : e.title,
		description: description || null,
		location: e.place,
		url: `${ctx.origin}${e.href}`,
		start: e.startsAt,
		end: e.endsAt
	};
}

/** The .ics file of one published network event. */
export async function eventIcs(ctx: TenantCtx, input: { id: string }): Promise<string> {
	const event = await getPublicEvent(ctx, input);
	return buildCalendar([calendarEvent(ctx, event)]);
}

/** The iCalendar feed of the tenant's public events and public meetings. */
export async function eventsFeed(ctx: TenantCtx, now: Date = new Date()): Promise<string> {
	const since = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
	const [events, meetings] = await Promise.all([
		ctx.db
			.select()
			.from(networkEvents)
			.where(and(publishedEvents(ctx), notOver(since)))
			.orderBy(asc(networkEvents.startsAt))
			.limit(FEED_LIMIT),
		upcomingPublicMeetings(ctx, FEED_LIMIT, since)
	]);
	const slug = ctx.tenant.slug;
	const items: (PublicEventItem & Partial<PublicEventPage>)[] = [
		...events.map((e) => eventItem(slug, e)),
		...meetings.map((mt) => meetingItem(slug, mt))
	].sort(byStart);
	return buildCalendar(
		items.map((e) => calendarEvent(ctx, e)),
		now
	);
}
