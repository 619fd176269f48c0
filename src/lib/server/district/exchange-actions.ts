/**
 * The district turns a municipality's answer of the exchange (./exchange.ts) into an action item
 * of the networking body (minutes domain: insertActionItem) or a measure of the concept (concept
 * domain: createMeasure), and keeps the link on the answer.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import type { Db, Executor } from '../db/client';
import { NotFoundError, ValidationError } from '../errors';
import { tenants } from '../tenants/schema';
import { bodies } from '../bodies/schema';
import { canManageMeetings } from '../bodies/access';
import { meetings } from '../meetings/schema';
import { insertActionItem, parseActionItem } from '../minutes/action-item-input';
import { createMeasure } from '../concept/measures';
import { isUuid, requireUuid } from '../shared';
import { exchangeAnswers } from './schema';
import { EXCHANGE_FIELDS, type ExchangeField } from './rollup';
import { blank } from './exchange';

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
