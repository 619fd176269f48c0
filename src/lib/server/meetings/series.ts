/**
 * The meeting series of a body: the next proposed dates and hosts (rules in schedule.ts), and
 * what the coordinator does with a proposal: accept it (a planned meeting), skip it (recorded in
 * body_skipped_dates so the series moves past it), or change it (the new-meeting form, prefilled).
 */
import { and, asc, eq, gte, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx, TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { tenants } from '../tenants/schema';
import { bodies, bodySkippedDates, type Body } from '../bodies/schema';
import { hostPoolOf } from '../bodies/hosts';
import { findBody, canSeeBody } from '../bodies/access';
import { meetings } from './schema';
import {
	isLocalDate,
	isoWeekday,
	proposeDates,
	proposeHostSequence,
	type ShiftReason
} from './schedule';
import { berlinDateOf, berlinTimeOf, berlinToday } from '../shared';

/** Used when the body has no preferred weekday/time and no meeting to take them from. */
export const DEFAULT_WEEKDAY = 2;
export const DEFAULT_TIME = '14:00';
/** How many proposals the planning page shows. */
export const PROPOSAL_COUNT = 6;

export interface HostOption {
	organizationId: string;
	name: string;
	/** where meetings take place at this host: the pool entry's location or the address */
	location: string | null;
}

export interface ProposalView {
	date: string;
	startsAt: Date;
	endsAt: Date;
	/** local start and end time, HH:MM */
	startTime: string;
	endTime: string;
	host: HostOption | null;
	/** the place the accepted meeting gets */
	location: string | null;
	shifts: ShiftReason[];
	beyondMax: boolean;
}

export interface SeriesView {
	body: Pick<
		Body,
		| 'id'
		| 'name'
		| 'shortName'
		| 'cadenceKind'
		| 'cadenceMinWeeks'
		| 'cadenceMaxWeeks'
		| 'preferredWeekday'
		| 'preferredTime'
		| 'durationMinutes'
		| 'defaultLocation'
		| 'rotateHost'
		| 'archivedAt'
	>;
	land: string;
	/** the weekday and time the proposals use (the body's, else the last meeting's, else defaults) */
	weekday: number;
	time: string;
	proposals: ProposalView[];
	/** the body's meetings from today on (not cancelled) */
	upcoming: { id: string; startsAt: Date; title: string | null; state: string }[];
	/** skipped dates from today on */
	skipped: string[];
	hostPool: HostOption[];
}

/** The body's host pool, by organisation name; a host's own meeting address comes first. */
export async function hostPool(db: Executor, tenantId: string, bodyId: string) {
	const hosts = await hostPoolOf(db, tenantId, bodyId);
	return hosts.map((h): HostOption => ({
		organizationId: h.organizationId,
		name: h.name,
		location: h.location?.trim() || h.address
	}));
}

/** The body for series planning: visible, and the actor may manage its meetings. */
async function loadBodyToPlan(ctx: Ctx, db: Executor, tenantId: string, bodyId: string) {
	const body = await findBody(db, tenantId, bodyId);
	if (!body || !canSeeBody(ctx.actor, body)) throw new NotFoundError();
	authorize(ctx.actor, 'meeting.manage', { tenantId, bodyId: body.id });
	return body;
}

async function computeSeries(
	db: Executor,
	tenantId: string,
	body: Body,
	count: number,
	now: Date
): Promise<SeriesView> {
	const [tenant] = await db
		.select({ land: tenants.land })
		.from(tenants)
		.where(eq(tenants.id, tenantId));
	const today = berlinDateOf(now);
	const [history, skippedRows, pool] = await Promise.all([
		db
			.select({
				id: meetings.id,
				startsAt: meetings.startsAt,
				hostOrganizationId: meetings.hostOrganizationId,
				title: meetings.title,
				state: meetings.state
			})
			.from(meetings)
			.where(
				and(
					eq(meetings.tenantId, tenantId),
					eq(meetings.bodyId, body.id),
					ne(meetings.state, 'cancelled')
				)
			)
			.orderBy(asc(meetings.startsAt)),
		db
			.select({ date: bodySkippedDates.date })
			.from(bodySkippedDates)
			.where(and(eq(bodySkippedDates.tenantId, tenantId), eq(bodySkippedDates.bodyId, body.id))),
		body.rotateHost ? hostPool(db, tenantId, body.id) : Promise.resolve([] as HostOption[])
	]);
	const last = history.at(-1) ?? null;
	const weekday =
		body.preferredWeekday ?? (last ? isoWeekday(berlinDateOf(last.startsAt)) : DEFAULT_WEEKDAY);
	const time = body.preferredTime ?? (last ? berlinTimeOf(last.startsAt) : DEFAULT_TIME);
	const skipped = skippedRows.map((r) => r.date).sort();
	const dates = body.archivedAt
		? []
		: proposeDates({
				cadence: {
					kind: body.cadenceKind,
					minWeeks: body.cadenceMinWeeks,
					maxWeeks: body.cadenceMaxWeeks
				},
				preferredWeekday: weekday,
				preferredTime: time,
				durationMinutes: body.durationMinutes,
				land: tenant?.land ?? 'BY',
				lastMeetingStart: last?.startsAt ?? null,
				today,
				skipped,
				existing: history.map((h) => h.startsAt),
				count
			});
	const hosts = proposeHostSequence(
		pool.map((p) => p.organizationId),
		history,
		dates.map((d) => d.startsAt)
	);
	const byId = new Map(pool.map((p) => [p.organizationId, p]));
	const proposals = dates.map((d, i): ProposalView => {
		const host = hosts[i] ? (byId.get(hosts[i]!) ?? null) : null;
		return {
			...d,
			startTime: berlinTimeOf(d.startsAt),
			endTime: berlinTimeOf(d.endsAt),
			host,
			location: host ? (host.location ?? host.name) : (body.defaultLocation ?? null)
		};
	});
	return {
		body,
		land: tenant?.land ?? 'BY',
		weekday,
		time,
		proposals,
		upcoming: history
			.filter((h) => berlinDateOf(h.startsAt) >= today)
			.map(({ id, startsAt, title, state }) => ({ id, startsAt, title, state })),
		skipped: skipped.filter((d) => d >= today),
		hostPool: pool
	};
}

/**
 * The next `count` proposals of the body's series with their hosts, for those who may manage
 * the body's meetings.
 */
export async function listProposals(
	ctx: TenantCtx,
	input: { bodyId: string; count?: number },
	now: Date = new Date()
): Promise<SeriesView> {
	const tenantId = ctx.tenant.id;
	const body = await loadBodyToPlan(ctx, ctx.db, tenantId, input.bodyId);
	return computeSeries(ctx.db, tenantId, body, input.count ?? PROPOSAL_COUNT, now);
}

const proposalInput = z.object({
	date: z.string({ error: 'meetings_error_proposal_stale' }).refine(isLocalDate, {
		error: 'meetings_error_proposal_stale'
	})
});

/** The proposal for the date among the current ones, or a validation error (the list changed). */
function findProposal(series: SeriesView, date: string): ProposalView {
	const proposal = series.proposals.find((p) => p.date === date);
	if (!proposal) throw new ValidationError({ form: 'meetings_error_proposal_stale' });
	return proposal;
}

/** Locks the body row so concurrent accepts and skips of one series run one after the other. */
async function lockBody(tx: Executor, tenantId: string, bodyId: string) {
	await tx
		.select({ id: bodies.id })
		.from(bodies)
		.where(and(eq(bodies.tenantId, tenantId), eq(bodies.id, bodyId)))
		.for('update');
}

/**
 * Accepts the proposal of the date: a planned meeting at the proposed time with the proposed
 * host (and the host's address as the place), or at the body's default place.
 */
export async function acceptProposal(
	ctx: TenantCtx,
	input: { bodyId: string; date?: unknown },
	now: Date = new Date()
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	const body = await loadBodyToPlan(ctx, ctx.db, tenantId, input.bodyId);
	const parsed = proposalInput.safeParse(input);
	if (!parsed.success) throw new ValidationError({ form: 'meetings_error_proposal_stale' });
	return ctx.db.transaction(async (tx) => {
		await lockBody(tx, tenantId, body.id);
		const series = await computeSeries(tx, tenantId, body, PROPOSAL_COUNT * 2, now);
		const p = findProposal(series, parsed.data.date);
		const [row] = await tx
			.insert(meetings)
			.values({
				tenantId,
				bodyId: body.id,
				startsAt: p.startsAt,
				endsAt: p.endsAt,
				locationKind: p.host ? 'host' : 'room',
				location: p.location,
				hostOrganizationId: p.host?.organizationId ?? null,
				state: 'planned',
				createdBy: ctx.actor!.userId
			})
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'meeting.create',
			entityType: 'meeting',
			entityId: row.id,
			after: {
				name: `${body.shortName || body.name} ${p.date}`,
				bodyId: body.id,
				startsAt: row.startsAt,
				endsAt: row.endsAt,
				hostOrganizationId: row.hostOrganizationId,
				location: row.location,
				source: 'series'
			}
		});
		return { id: row.id };
	});
}

/** Skips the proposal of the date: it is never proposed again, the series moves past it. */
export async function skipProposal(
	ctx: TenantCtx,
	input: { bodyId: string; date?: unknown },
	now: Date = new Date()
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const body = await loadBodyToPlan(ctx, ctx.db, tenantId, input.bodyId);
	const parsed = proposalInput.safeParse(input);
	if (!parsed.success) throw new ValidationError({ form: 'meetings_error_proposal_stale' });
	await ctx.db.transaction(async (tx) => {
		await lockBody(tx, tenantId, body.id);
		const series = await computeSeries(tx, tenantId, body, PROPOSAL_COUNT * 2, now);
		findProposal(series, parsed.data.date);
		await tx
			.insert(bodySkippedDates)
			.values({ tenantId, bodyId: body.id, date: parsed.data.date, createdBy: ctx.actor!.userId })
			.onConflictDoNothing();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'meeting.series_skip',
			entityType: 'meeting_series',
			entityId: body.id,
			after: { name: body.shortName || body.name, date: parsed.data.date }
		});
	});
}

/** Takes a skipped date back: it can be proposed again. */
export async function unskipDate(
	ctx: TenantCtx,
	input: { bodyId: string; date?: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const body = await loadBodyToPlan(ctx, ctx.db, tenantId, input.bodyId);
	const parsed = proposalInput.safeParse(input);
	if (!parsed.success) throw new NotFoundError();
	await ctx.db.transaction(async (tx) => {
		const removed = await tx
			.delete(bodySkippedDates)
			.where(
				and(
					eq(bodySkippedDates.tenantId, tenantId),
					eq(bodySkippedDates.bodyId, body.id),
					eq(bodySkippedDates.date, parsed.data.date),
					gte(bodySkippedDates.date, berlinToday())
				)
			)
			.returning({ date: bodySkippedDates.date });
		if (removed.length === 0) throw new NotFoundError();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'meeting.series_unskip',
			entityType: 'meeting_series',
			entityId: body.id,
			before: { name: body.shortName || body.name, date: parsed.data.date }
		});
	});
}
