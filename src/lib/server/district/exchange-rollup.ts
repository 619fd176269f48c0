/**
 * The district side of the structured exchange (./exchange.ts): the roll-up of every
 * municipality's answers side by side per meeting of the networking body and over the meetings
 * (./rollup.ts), for those who manage the body's meetings.
 */
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { NotFoundError } from '../errors';
import { bodies, type Body } from '../bodies/schema';
import { canManageMeetings } from '../bodies/access';
import { meetings } from '../meetings/schema';
import { isUuid } from '../shared';
import { exchangeAnswers } from './schema';
import { rollUp, type Rollup } from './rollup';
import { EXCHANGE_BODY_KIND } from './kind';
import { answersOpen, municipalitiesOf, toAnswer, toMeeting } from './exchange';

/** The district's networking bodies the actor may manage (NotFoundError when none). */
export async function managedExchangeBodies(ctx: TenantCtx): Promise<Body[]> {
	const rows = await ctx.db
		.select()
		.from(bodies)
		.where(and(eq(bodies.tenantId, ctx.tenant.id), eq(bodies.kind, EXCHANGE_BODY_KIND)))
		.orderBy(asc(bodies.name));
	const mine = rows.filter((b) => !b.archivedAt && canManageMeetings(ctx.actor, b));
	if (!mine.length) throw new NotFoundError();
	return mine;
}

export interface DistrictExchangeView {
	bodies: { id: string; name: string }[];
	body: { id: string; name: string };
	rollup: Rollup;
	/** meetings whose answers can still be recorded */
	openMeetingIds: string[];
}

/**
 * The roll-up for the district: every municipality's answers side by side per meeting of the
 * body, and over the meetings. Managers of the body only.
 */
export async function districtExchange(
	ctx: TenantCtx,
	input: { bodyId?: unknown } = {}
): Promise<DistrictExchangeView> {
	const mine = await managedExchangeBodies(ctx);
	const body = isUuid(input.bodyId) ? mine.find((b) => b.id === input.bodyId) : mine[0];
	if (!body) throw new NotFoundError();
	const tenantId = ctx.tenant.id;
	const [municipalities, meetingRows, answers] = await Promise.all([
		municipalitiesOf(ctx.db, tenantId),
		ctx.db
			.select()
			.from(meetings)
			.where(
				and(
					eq(meetings.tenantId, tenantId),
					eq(meetings.bodyId, body.id),
					ne(meetings.state, 'cancelled')
				)
			)
			.orderBy(desc(meetings.startsAt))
			.limit(12),
		ctx.db
			.select({ answer: exchangeAnswers })
			.from(exchangeAnswers)
			.innerJoin(meetings, eq(meetings.id, exchangeAnswers.meetingId))
			.where(and(eq(exchangeAnswers.tenantId, tenantId), eq(meetings.bodyId, body.id)))
	]);
	return {
		bodies: mine.map((b) => ({ id: b.id, name: b.name })),
		body: { id: body.id, name: body.name },
		rollup: rollUp(
			municipalities,
			meetingRows.map(toMeeting),
			answers.map((a) => toAnswer(a.answer))
		),
		openMeetingIds: meetingRows.filter(answersOpen).map((m) => m.id)
	};
}
