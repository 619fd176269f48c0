/**
 * The structured exchange of the district's networking meeting (Vernetzungstreffen der Gemeinden,
 * bodies of kind `municipal_network`): each municipality records, before or during a meeting,
 * what works well, what should be expanded and how the district office can help; the district
 * sees the answers side by side and over the meetings (./rollup.ts) and turns an answer into an
 * action item (minutes domain: insertActionItem) or a measure (concept domain: createMeasure).
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
import type { Db, Executor } from '../db/client';
import { authorize, can } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { tenants } from '../tenants/schema';
import { bodies, type Body } from '../bodies/schema';
import { canManageMeetings } from '../bodies/access';
import { meetings, type Meeting } from '../meetings/schema';
import { isEditable } from '../minutes/access';
import { insertActionItem, parseActionItem } from '../minutes/action-item-input';
import { createMeasure } from '../concept/measures';
import { isUuid, requireUuid } from '../shared';
import { exchangeAnswers, type ExchangeAnswer } from './schema';
import {
	EXCHANGE_FIELDS,
	rollUp,
	type ExchangeField,
	type Rollup,
	type RollupAnswer,
	type RollupMeeting,
	type RollupMunicipality
} from './rollup';

import { EXCHANGE_BODY_KIND } from './kind';
export { EXCHANGE_BODY_KIND };

const MAX_ANSWER = 4000;
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
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

function toAnswer(a: ExchangeAnswer): RollupAnswer {
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

function toMeeting(m: Pick<Meeting, 'id' | 'startsAt' | 'title' | 'state'>): RollupMeeting {
	return { id: m.id, startsAt: m.startsAt.toISOString(), title: m.title, state: m.state };
}

/** The exchange meeting of the district with its body; NotFoundError when it is none. */
async function exchangeMeeting(db: Executor, districtId: string, meetingId: unknown) {
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

/** The answer row of the district with its meeting and body; managers of the body only. */
async function answerToManage(ctx: TenantCtx, answerId: unknown) {
	const id = requireUuid(answerId);
	const [row] = await ctx.db
		.select({ answer: exchangeAnswers, meeting: meetings, body: bodies })
		.from(exchangeAnswers)
		.innerJoin(meetings, eq(meetings.id, exchangeAnswers.meetingId))
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(and(eq(exchangeAnswers.tenantId, ctx.tenant.id), eq(exchangeAnswers.id, id)));
	if (!row || !canManageMeetings(ctx.actor, row.body)) throw new NotFoundError();
	return row;
}

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

const fieldInput = z.enum(EXCHANGE_FIELDS, { error: 'district_error_field_invalid' });

/** "Moosburg: <answer>" shortened for a title. */
function titleFrom(municipalityName: string, text: string): string {
	const t = `${municipalityName}: ${text.replace(/\s+/g, ' ').trim()}`;
	return t.length > 200 ? `${t.slice(0, 199)}…` : t;
}

async function municipalityName(db: Executor, id: string): Promise<string> {
	const [row] = await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, id));
	return row?.name ?? '';
}

/**
 * Turns one of a municipality's answers into an action item of the body (kept by the minutes
 * domain, linked to the meeting so that it carries into the next agenda). Title defaults to the
 * municipality and the answer.
 */
export async function answerToActionItem(
	ctx: TenantCtx,
	input: { answerId: unknown; field: unknown } & Record<string, unknown>
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	const { answer, meeting, body } = await answerToManage(ctx, input.answerId);
	const field = fieldInput.safeParse(input.field);
	if (!field.success) throw new ValidationError({ field: 'district_error_field_invalid' });
	const text = answer[field.data];
	if (!text) throw new ValidationError({ field: 'district_error_field_empty' });
	const name = await municipalityName(ctx.db, answer.municipalityId);
	const raw = {
		...input,
		title: blank(input.title) === undefined ? titleFrom(name, text) : input.title,
		description:
			blank(input.description) === undefined
				? `${text}\n\n${exchangeSourceNote(name, field.data)}`
				: input.description
	};
	const { data, errors } = await parseActionItem(ctx.db, tenantId, raw);
	if (!data) throw new ValidationError(errors);
	return ctx.db.transaction(async (tx) => {
		const item = await insertActionItem(
			tx,
			ctx,
			{ tenantId, bodyId: body.id, meetingId: meeting.id, agendaItemId: null },
			data
		);
		await tx
			.update(exchangeAnswers)
			.set({ actionItemId: item.id, updatedAt: new Date() })
			.where(eq(exchangeAnswers.id, answer.id));
		return { id: item.id };
	});
}

const QUESTION_DE: Record<ExchangeField, string> = {
	worksWell: 'Was gelingt gut?',
	expand: 'Was sollte ausgebaut werden?',
	districtHelp: 'Wie kann das Landratsamt unterstützen?'
};

/** The German note under an item made from an answer (the record of the body is German). */
export function exchangeSourceNote(municipality: string, field: ExchangeField): string {
	return `Aus dem Erfahrungsaustausch der Gemeinden – ${municipality}, „${QUESTION_DE[field]}“`;
}

/**
 * Turns one of a municipality's answers into a measure of the concept (through the concept
 * domain's createMeasure, which checks `concept.manage`, the edition, goal and state) and links
 * it; the measure names the municipality.
 */
export async function answerToMeasure(
	ctx: TenantCtx,
	input: { answerId: unknown; field: unknown; editionId: unknown } & Record<string, unknown>
): Promise<{ id: string }> {
	const { answer } = await answerToManage(ctx, input.answerId);
	const field = fieldInput.safeParse(input.field);
	if (!field.success) throw new ValidationError({ field: 'district_error_field_invalid' });
	const text = answer[field.data];
	if (!text) throw new ValidationError({ field: 'district_error_field_empty' });
	if (!isUuid(input.editionId))
		throw new ValidationError({ goalId: 'concept_error_goal_required' });
	const name = await municipalityName(ctx.db, answer.municipalityId);
	return ctx.db.transaction(async (tx) => {
		const created = await createMeasure(
			{ ...ctx, db: tx as unknown as Db },
			{
				editionId: input.editionId as string,
				goalId: input.goalId,
				stateId: input.stateId,
				title: blank(input.title) === undefined ? titleFrom(name, text) : input.title,
				description: `${text}\n\n${exchangeSourceNote(name, field.data)}`,
				municipalityIds: [answer.municipalityId]
			}
		);
		await tx
			.update(exchangeAnswers)
			.set({ measureId: created.id, updatedAt: new Date() })
			.where(eq(exchangeAnswers.id, answer.id));
		return created;
	});
}

/** Whether the actor may use the district side of the exchange in this tenant. */
export function mayManageExchange(ctx: TenantCtx): boolean {
	return can(ctx.actor, 'meeting.manage', { tenantId: ctx.tenant.id });
}
