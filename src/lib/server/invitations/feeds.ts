/**
 * Calendar feeds (.ics subscriptions) and the download of one meeting.
 *
 * - Body feed: the meetings of a public body of a public tenant; no sign-in.
 * - Tenant feed: the meetings of all public bodies of a public tenant; no sign-in.
 *   Public feeds carry only the public agenda items and never the online link.
 * - Personal feed (secret URL): the meetings of every body the person is a current member of
 *   (in tenants where they still have a role), with the full agenda and the online link.
 *   Bodies they only may see (network visibility) are not included: the feed is "my meetings".
 *
 * Feeds reach back FEED_PAST_DAYS and list cancelled meetings with STATUS:CANCELLED, so that
 * subscribed calendars drop or strike them.
 */
import { and, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { Ctx, TenantCtx } from '../context';
import { mailLocale } from '../context';
import { recordAudit } from '../audit/record';
import { newToken, hashToken } from '../auth/tokens';
import { users } from '../auth/schema';
import { loadActor } from '../auth/sessions';
import { NotFoundError } from '../errors';
import { findBody, canSeeBody } from '../bodies/access';
import { bodies } from '../bodies/schema';
import { meetings } from '../meetings/schema';
import { calendarTokens } from './schema';
import { loadMeeting } from '../meetings/access';
import { m } from '$lib/paraglide/messages';
import { bodyLabel, loadMeetingDetailsWhere, type MeetingDetails } from './details';
import { buildMeetingCalendar } from './ics';
import { meetingEvent } from './events';
import { asLocale, meetingPageLink } from './mails';

export const FEED_PAST_DAYS = 180;
const FEED_LIMIT = 1000;

function since(now: Date): Date {
	return new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
}

function publicBodyUrl(origin: string, d: MeetingDetails): string {
	return `${origin}/${d.tenant.slug}/gremien/${d.body.id}`;
}

function publicCalendar(origin: string, list: MeetingDetails[], name: string, now: Date): string {
	const events = list.map((d) =>
		meetingEvent(d, { origin, locale: 'de', url: publicBodyUrl(origin, d), publicOnly: true })
	);
	return buildMeetingCalendar(events, { method: 'PUBLISH', name, now });
}

/** The public tenant of the request (the hook resolved it); null when there is none. */
function publicTenant(ctx: Ctx) {
	return ctx.tenant?.isPublic ? ctx.tenant : null;
}

/** The feed of one public body; null when the tenant or body is not public (or missing). */
export async function bodyFeed(
	ctx: Ctx,
	input: { bodyId: string },
	now: Date = new Date()
): Promise<string | null> {
	const { db, origin } = ctx;
	const tenant = publicTenant(ctx);
	if (!tenant) return null;
	const body = await findBody(db, tenant.id, input.bodyId);
	if (!body || body.visibility !== 'public') return null;
	const list = await loadMeetingDetailsWhere(
		db,
		and(
			eq(meetings.tenantId, tenant.id),
			eq(meetings.bodyId, body.id),
			eq(bodies.visibility, 'public'),
			gte(meetings.startsAt, since(now))
		),
		FEED_LIMIT
	);
	return publicCalendar(origin, list, `${bodyLabel(body)} – ${tenant.name}`, now);
}

/** The feed of all public bodies of a public tenant; null when the tenant is not public. */
export async function tenantFeed(ctx: Ctx, now: Date = new Date()): Promise<string | null> {
	const { db, origin } = ctx;
	const tenant = publicTenant(ctx);
	if (!tenant) return null;
	const list = await loadMeetingDetailsWhere(
		db,
		and(
			eq(meetings.tenantId, tenant.id),
			eq(bodies.visibility, 'public'),
			isNull(bodies.archivedAt),
			gte(meetings.startsAt, since(now))
		),
		FEED_LIMIT
	);
	return publicCalendar(
		origin,
		list,
		m.invitations_feed_tenant_name({ tenant: tenant.name }, { locale: 'de' }),
		now
	);
}

/** The personal feed of a secret token; null when the token is unknown or the account disabled. */
export async function personalFeed(
	ctx: Ctx,
	input: { token: string },
	now: Date = new Date()
): Promise<string | null> {
	const { db, origin } = ctx;
	const token = input.token;
	if (!token || token.length < 20 || token.length > 200) return null;
	const [row] = await db
		.select({ userId: calendarTokens.userId, locale: users.locale })
		.from(calendarTokens)
		.innerJoin(users, eq(users.id, calendarTokens.userId))
		.where(and(eq(calendarTokens.tokenHash, hashToken(token)), isNull(users.disabledAt)));
	if (!row) return null;
	const actor = await loadActor(db, row.userId);
	if (!actor) return null;
	const locale = asLocale(row.locale);
	const name = m.invitations_feed_personal_name({}, { locale });
	const bodyIds = Object.keys(actor.bodyRoles);
	if (bodyIds.length === 0) return buildMeetingCalendar([], { method: 'PUBLISH', name, now });
	const list = (
		await loadMeetingDetailsWhere(
			db,
			and(inArray(meetings.bodyId, bodyIds), gte(meetings.startsAt, since(now))),
			FEED_LIMIT
		)
	).filter((d) => canSeeBody(actor, d.body));
	const events = list.map((d) =>
		meetingEvent(d, {
			origin,
			locale,
			url: meetingPageLink(origin, d.tenant.slug, d.meeting.id)
		})
	);
	return buildMeetingCalendar(events, { method: 'PUBLISH', name, now });
}

/** One meeting as an .ics download for whoever may see it in the app. */
export async function meetingCalendarFile(
	ctx: TenantCtx,
	input: { meetingId: string }
): Promise<string> {
	const tenantId = ctx.tenant.id;
	const { meeting, body, canManage } = await loadMeeting(ctx, tenantId, input.meetingId);
	const details = (
		await loadMeetingDetailsWhere(
			ctx.db,
			and(eq(meetings.tenantId, tenantId), eq(meetings.id, meeting.id)),
			1
		)
	)[0];
	if (!details) throw new NotFoundError();
	// Non-public items and the online link: for the body's members and its managers only.
	const insider = canManage || !!ctx.actor?.bodyRoles?.[body.id];
	const event = meetingEvent(details, {
		origin: ctx.origin,
		locale: mailLocale(ctx.locale),
		url: meetingPageLink(ctx.origin, details.tenant.slug, meeting.id),
		publicOnly: !insider
	});
	return buildMeetingCalendar([event], { method: 'PUBLISH' });
}

/** The address of a personal feed. */
export function personalFeedUrl(origin: string, token: string): string {
	return `${origin}/kalender/${token}.ics`;
}

/** When the signed-in person's feed address was made; null when they have none. */
export async function calendarTokenInfo(ctx: Ctx): Promise<{ createdAt: Date } | null> {
	if (!ctx.actor) throw new NotFoundError();
	const [row] = await ctx.db
		.select({ createdAt: calendarTokens.createdAt })
		.from(calendarTokens)
		.where(eq(calendarTokens.userId, ctx.actor.userId));
	return row ?? null;
}

/**
 * Makes a new secret feed address for the signed-in person; the previous one stops working.
 * The token is returned once and stored only as its SHA-256.
 */
export async function resetCalendarToken(ctx: Ctx): Promise<{ token: string; url: string }> {
	const actor = ctx.actor;
	if (!actor) throw new NotFoundError();
	const token = newToken();
	const now = new Date();
	await ctx.db.transaction(async (tx) => {
		const [before] = await tx
			.select({ createdAt: calendarTokens.createdAt })
			.from(calendarTokens)
			.where(eq(calendarTokens.userId, actor.userId));
		await tx
			.insert(calendarTokens)
			.values({ userId: actor.userId, tokenHash: hashToken(token), createdAt: now })
			.onConflictDoUpdate({
				target: calendarTokens.userId,
				set: { tokenHash: hashToken(token), createdAt: now }
			});
		await recordAudit(tx, ctx, {
			tenantId: null,
			action: before ? 'calendar_feed.reset' : 'calendar_feed.create',
			entityType: 'calendar_feed',
			entityId: actor.userId
		});
	});
	return { token, url: personalFeedUrl(ctx.origin, token) };
}

/** Switches the signed-in person's feed off; its address stops working. */
export async function deleteCalendarToken(ctx: Ctx): Promise<void> {
	const actor = ctx.actor;
	if (!actor) throw new NotFoundError();
	await ctx.db.transaction(async (tx) => {
		const deleted = await tx
			.delete(calendarTokens)
			.where(eq(calendarTokens.userId, actor.userId))
			.returning({ userId: calendarTokens.userId });
		if (deleted.length === 0) return;
		await recordAudit(tx, ctx, {
			tenantId: null,
			action: 'calendar_feed.delete',
			entityType: 'calendar_feed',
			entityId: actor.userId
		});
	});
}
