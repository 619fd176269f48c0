/**
 * The structured exchange of the district's networking meeting (Vernetzungstreffen der Gemeinden,
 * bodies of kind `municipal_network`): each municipality records, before or during a meeting,
 * what works well, what should be expanded and how the district office can help; the district
 * sees the answers side by side and over the meetings (./exchange-rollup.ts, ./rollup.ts) and
 * turns an answer into an action item or a measure of the concept (./exchange-actions.ts).
 *
 * Who: a municipality's coordinator answers for the municipality (`district.exchange.answer` in
 * the municipality); whoever manages the body's meetings in the district (its coordinator, the
 * body's speakers) sees all answers, may record them for a municipality during the meeting, and
 * makes action items and measures from them. A municipality never sees another one's answers
 * here (they reach it only through the minutes, like every other result of the meeting).
 */
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize, can } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { tenants } from '../tenants/schema';
import { bodies } from '../bodies/schema';
import { canManageMeetings } from '../bodies/access';
import { meetings, type Meeting } from '../meetings/schema';
import { isEditable } from '../minutes/access';
import { requireUuid } from '../shared';
import { exchangeAnswers, type ExchangeAnswer } from './schema';
import {
	EXCHANGE_FIELDS,
	type RollupAnswer,
	type RollupMeeting,
	type RollupMunicipality
} from './rollup';

import { EXCHANGE_BODY_KIND } from './kind';
export { EXCHANGE_BODY_KIND };

const MAX_ANSWER = 4000;
export const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const answerText = z.preprocess(
	blank,
	z.string().trim().max(MAX_ANSWER, { error: 'district_error_answer_too_long' }).optional()
);
const answersInput = z.object({
	worksWell: answerText,
	expand: answerText,
	districtHelp: answerText
});

/** The district's municipalities (child tenants), by name. */
export async function municipalitiesOf(
	db: Executor,
	districtId: string
): Promise<RollupMunicipality[]> {
	return db
		.select({ id: tenants.id, name: tenants.name, slug: tenants.slug })
		.from(tenants)
		.where(eq(tenants.parentId, districtId))
		.orderBy(asc(tenants.name));
}

export function toAnswer(a: ExchangeAnswer): RollupAnswer {
	return {
		id: a.id,
		meetingId: a.meetingId,
		municipalityId: a.municipalityId,
		worksWell: a.worksWell,
		expand: a.expand,
		districtHelp: a.districtHelp,
		actionItemId: a.actionItemId,
		measureId: a.measureId,
		updatedAt: a.updatedAt.toISOString()
	};
}

export function toMeeting(m: Pick<Meeting, 'id' | 'startsAt' | 'title' | 'state'>): RollupMeeting {
	return { id: m.id, startsAt: m.startsAt.toISOString(), title: m.title, state: m.state };
}

/** The exchange meeting of the district with its body; NotFoundError when it is none. */
export async function exchangeMeeting(db: Executor, districtId: string, meetingId: unknown) {
	const id = requireUuid(meetingId);
	const [row] = await db
		.select({ meeting: meetings, body: bodies })
		.from(meetings)
		.innerJoin(bodies, and(eq(bodies.id, meetings.bodyId), eq(bodies.tenantId, meetings.tenantId)))
		.where(
			and(
				eq(meetings.tenantId, districtId),
				eq(meetings.id, id),
				eq(bodies.kind, EXCHANGE_BODY_KIND)
			)
		);
	if (!row) throw new NotFoundError();
	return row;
}

/** Whether answers to the meeting can still be recorded: not cancelled, minutes still open. */
export function answersOpen(meeting: Pick<Meeting, 'state' | 'minutesState'>): boolean {
	return meeting.state !== 'cancelled' && isEditable(meeting);
}

// ------------------------------------------------------------------ municipality side

export interface MunicipalityExchangeView {
	district: { id: string; name: string };
	meetings: {
		meeting: RollupMeeting;
		body: { id: string; name: string };
		answer: RollupAnswer | null;
		open: boolean;
	}[];
}

/**
 * The municipality's page: the networking meetings of its district (upcoming and recent, not
 * cancelled) with the municipality's own answers. Its coordinator only.
 */
export async function municipalityExchange(ctx: TenantCtx): Promise<MunicipalityExchangeView> {
	const municipality = ctx.tenant;
	authorize(ctx.actor, 'district.exchange.answer', { tenantId: municipality.id });
	if (!municipality.parentId) throw new NotFoundError();
	const [district] = await ctx.db
		.select({ id: tenants.id, name: tenants.name })
		.from(tenants)
		.where(eq(tenants.id, municipality.parentId));
	if (!district) throw new NotFoundError();
	const rows = await ctx.db
		.select({ meeting: meetings, body: { id: bodies.id, name: bodies.name } })
		.from(meetings)
		.innerJoin(bodies, and(eq(bodies.id, meetings.bodyId), eq(bodies.tenantId, meetings.tenantId)))
		.where(
			and(
				eq(meetings.tenantId, district.id),
				eq(bodies.kind, EXCHANGE_BODY_KIND),
				ne(meetings.state, 'cancelled')
			)
		)
		.orderBy(desc(meetings.startsAt))
		.limit(12);
	const ids = rows.map((r) => r.meeting.id);
	const answers = ids.length
		? await ctx.db
				.select()
				.from(exchangeAnswers)
				.where(
					and(
						eq(exchangeAnswers.tenantId, district.id),
						eq(exchangeAnswers.municipalityId, municipality.id),
						inArray(exchangeAnswers.meetingId, ids)
					)
				)
		: [];
	const byMeeting = new Map(answers.map((a) => [a.meetingId, toAnswer(a)]));
	return {
		district,
		meetings: rows.map((r) => ({
			meeting: toMeeting(r.meeting),
			body: r.body,
			answer: byMeeting.get(r.meeting.id) ?? null,
			open: answersOpen(r.meeting)
		}))
	};
}

async function upsertAnswers(
	tx: Executor,
	ctx: TenantCtx,
	target: { districtId: string; meetingId: string; municipalityId: string },
	data: z.output<typeof answersInput>
): Promise<{ id: string }> {
	const [before] = await tx
		.select()
		.from(exchangeAnswers)
		.where(
			and(
				eq(exchangeAnswers.tenantId, target.districtId),
				eq(exchangeAnswers.meetingId, target.meetingId),
				eq(exchangeAnswers.municipalityId, target.municipalityId)
			)
		)
		.for('update');
	const values = {
		worksWell: data.worksWell ?? null,
		expand: data.expand ?? null,
		districtHelp: data.districtHelp ?? null,
		updatedBy: ctx.actor?.userId ?? null,
		updatedAt: new Date()
	};
	const [row] = before
		? await tx
				.update(exchangeAnswers)
				.set(values)
				.where(eq(exchangeAnswers.id, before.id))
				.returning()
		: await tx
				.insert(exchangeAnswers)
				.values({
					tenantId: target.districtId,
					meetingId: target.meetingId,
					municipalityId: target.municipalityId,
					...values
				})
				.returning();
	const view = (a: ExchangeAnswer | undefined) =>
		a && {
			municipalityId: a.municipalityId,
			meetingId: a.meetingId,
			worksWell: a.worksWell,
			expand: a.expand,
			districtHelp: a.districtHelp
		};
	await recordAudit(tx, ctx, {
		tenantId: target.districtId,
		action: before ? 'district.exchange_update' : 'district.exchange_create',
		entityType: 'district_exchange_answer',
		entityId: row.id,
		before: view(before),
		after: view(row)
	});
	return { id: row.id };
}

function parseAnswers(input: Record<string, unknown>) {
	const parsed = answersInput.safeParse(input);
	if (!parsed.success) {
		const errors: Record<string, string> = {};
		for (const issue of parsed.error.issues)
			errors[String(issue.path[0] ?? 'form')] ??= issue.message;
		throw new ValidationError(errors);
	}
	if (EXCHANGE_FIELDS.every((f) => !parsed.data[f]))
		throw new ValidationError({ worksWell: 'district_error_answer_required' });
	return parsed.data;
}

/**
 * Records the municipality's three answers for a meeting of its district (the request's tenant
 * is the municipality). Again and again until the minutes are approved.
 */
export async function saveMunicipalityAnswers(
	ctx: TenantCtx,
	input: { meetingId: unknown } & Record<string, unknown>
): Promise<{ id: string }> {
	const municipality = ctx.tenant;
	authorize(ctx.actor, 'district.exchange.answer', { tenantId: municipality.id });
	if (!municipality.parentId) throw new NotFoundError();
	const districtId = municipality.parentId;
	const { meeting } = await exchangeMeeting(ctx.db, districtId, input.meetingId);
	const data = parseAnswers(input);
	return ctx.db.transaction(async (tx) => {
		const [locked] = await tx
			.select()
			.from(meetings)
			.where(and(eq(meetings.tenantId, districtId), eq(meetings.id, meeting.id)))
			.for('update');
		if (!locked || !answersOpen(locked))
			throw new ValidationError({ form: 'district_error_answers_closed' });
		return upsertAnswers(
			tx,
			ctx,
			{ districtId, meetingId: meeting.id, municipalityId: municipality.id },
			data
		);
	});
}

// ------------------------------------------------------------------ district side
// (the roll-up: ./exchange-rollup.ts; answers into action items and measures: ./exchange-actions.ts)

/**
 * A manager of the body records a municipality's answers during the meeting (for a
 * municipality without an account or speaking in the room).
 */
export async function recordAnswersForMunicipality(
	ctx: TenantCtx,
	input: { meetingId: unknown; municipalityId: unknown } & Record<string, unknown>
): Promise<{ id: string }> {
	const districtId = ctx.tenant.id;
	const { meeting, body } = await exchangeMeeting(ctx.db, districtId, input.meetingId);
	if (!canManageMeetings(ctx.actor, body)) throw new NotFoundError();
	const municipalityId = requireUuid(input.municipalityId);
	const [municipality] = await ctx.db
		.select({ id: tenants.id })
		.from(tenants)
		.where(and(eq(tenants.id, municipalityId), eq(tenants.parentId, districtId)));
	if (!municipality) throw new NotFoundError();
	const data = parseAnswers(input);
	return ctx.db.transaction(async (tx) => {
		const [locked] = await tx
			.select()
			.from(meetings)
			.where(and(eq(meetings.tenantId, districtId), eq(meetings.id, meeting.id)))
			.for('update');
		if (!locked || !answersOpen(locked))
			throw new ValidationError({ form: 'district_error_answers_closed' });
		return upsertAnswers(tx, ctx, { districtId, meetingId: meeting.id, municipalityId }, data);
	});
}

/** Whether the actor may use the district side of the exchange in this tenant. */
export function mayManageExchange(ctx: TenantCtx): boolean {
	return can(ctx.actor, 'meeting.manage', { tenantId: ctx.tenant.id });
}
