import { and, asc, count, desc, eq, inArray, ne } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { fieldsOfAction } from '../fields-of-action/schema';
import { localName } from '../needs/views';
import {
	consultationProcesses,
	contributions,
	dialogues,
	processFields,
	processPhases,
	recommendations,
	type PhaseKind,
	type ProcessStatus
} from './schema';
import { phaseInput, processInput, type ProcessData } from './validation';
import { areOwnFields, loadProcess } from './rows';
import { rulesFor, type PhaseRules } from './phases';
import { berlinToday, parseOrThrow, requireUuid } from '../shared';

export interface PhaseView {
	id: string;
	kind: PhaseKind;
	title: string | null;
	startsOn: string;
	endsOn: string;
}

export interface ProcessSummary {
	id: string;
	title: string;
	purpose: string | null;
	status: ProcessStatus;
	currentPhase: PhaseKind | null;
	contributionCount: number;
	dialogueCount: number;
	recommendationCount: number;
}

export interface ProcessView extends ProcessSummary {
	allowAnonymous: boolean;
	resultsIntro: string | null;
	fields: { id: string; name: string }[];
	phases: PhaseView[];
	rules: PhaseRules;
	today: string;
}

async function checkFields(db: Executor, tenantId: string, ids: string[]) {
	if (!(await areOwnFields(db, tenantId, ids)))
		throw new ValidationError({ fieldIds: 'participation_error_field_invalid' });
}

function parseProcess(raw: unknown): ProcessData {
	return parseOrThrow(processInput, raw);
}

function processColumns(data: ProcessData) {
	return {
		title: data.title,
		purpose: data.purpose ?? null,
		status: data.status,
		allowAnonymous: data.allowAnonymous,
		resultsIntro: data.resultsIntro ?? null
	};
}

export async function createProcess(ctx: TenantCtx, input: unknown): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const actor = ctx.actor;
	const data = parseProcess(input);
	await checkFields(ctx.db, tenantId, data.fieldIds);
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(consultationProcesses)
			.values({ tenantId, ...processColumns(data), createdBy: actor.userId })
			.returning();
		if (data.fieldIds.length > 0)
			await tx.insert(processFields).values(
				[...new Set(data.fieldIds)].map((fieldOfActionId) => ({
					tenantId,
					processId: row.id,
					fieldOfActionId
				}))
			);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'process.create',
			entityType: 'consultation_process',
			entityId: row.id,
			after: { name: row.title, ...processColumns(data), fieldIds: data.fieldIds }
		});
		return { id: row.id };
	});
}

export async function updateProcess(
	ctx: TenantCtx,
	input: { processId: string; [field: string]: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const id = requireUuid(input.processId);
	const data = parseProcess(input);
	await checkFields(ctx.db, tenantId, data.fieldIds);
	await ctx.db.transaction(async (tx) => {
		const before = await loadProcess(tx, tenantId, id, true);
		await tx
			.update(consultationProcesses)
			.set({ ...processColumns(data), updatedAt: new Date() })
			.where(and(eq(consultationProcesses.tenantId, tenantId), eq(consultationProcesses.id, id)));
		await tx.delete(processFields).where(eq(processFields.processId, id));
		if (data.fieldIds.length > 0)
			await tx.insert(processFields).values(
				[...new Set(data.fieldIds)].map((fieldOfActionId) => ({
					tenantId,
					processId: id,
					fieldOfActionId
				}))
			);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'process.update',
			entityType: 'consultation_process',
			entityId: id,
			before: {
				name: before.title,
				title: before.title,
				purpose: before.purpose,
				status: before.status,
				allowAnonymous: before.allowAnonymous
			},
			after: { name: data.title, ...processColumns(data), fieldIds: data.fieldIds }
		});
	});
}

export async function addPhase(
	ctx: TenantCtx,
	input: { processId: string; [field: string]: unknown }
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const processId = requireUuid(input.processId);
	const parsed = parseOrThrow(phaseInput, input);
	return ctx.db.transaction(async (tx) => {
		const process = await loadProcess(tx, tenantId, processId, true);
		const [row] = await tx
			.insert(processPhases)
			.values({
				tenantId,
				processId,
				kind: parsed.kind,
				title: parsed.title ?? null,
				startsOn: parsed.startsOn,
				endsOn: parsed.endsOn
			})
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'process.phase_add',
			entityType: 'consultation_process',
			entityId: processId,
			after: { name: process.title, phase: row.kind, startsOn: row.startsOn, endsOn: row.endsOn }
		});
		return { id: row.id };
	});
}

/** Removes a phase of the process the URL names; a phase of another process is not found. */
export async function removePhase(
	ctx: TenantCtx,
	input: { processId: string; phaseId: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const processId = requireUuid(input.processId);
	const phaseId = requireUuid(input.phaseId);
	await ctx.db.transaction(async (tx) => {
		const process = await loadProcess(tx, tenantId, processId, true);
		const [row] = await tx
			.delete(processPhases)
			.where(
				and(
					eq(processPhases.tenantId, tenantId),
					eq(processPhases.processId, processId),
					eq(processPhases.id, phaseId)
				)
			)
			.returning();
		if (!row) throw new NotFoundError();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'process.phase_remove',
			entityType: 'consultation_process',
			entityId: processId,
			before: { name: process.title, phase: row.kind, startsOn: row.startsOn, endsOn: row.endsOn }
		});
	});
}

export async function loadPhases(db: Executor, tenantId: string, processId: string) {
	return db
		.select({
			id: processPhases.id,
			kind: processPhases.kind,
			title: processPhases.title,
			startsOn: processPhases.startsOn,
			endsOn: processPhases.endsOn
		})
		.from(processPhases)
		.where(and(eq(processPhases.tenantId, tenantId), eq(processPhases.processId, processId)))
		.orderBy(asc(processPhases.startsOn), asc(processPhases.endsOn));
}

/** What participants may do today in the process. */
export async function processRules(
	db: Executor,
	process: { tenantId: string; id: string; status: ProcessStatus },
	now: Date = new Date()
) {
	const phases = await loadPhases(db, process.tenantId, process.id);
	return rulesFor(process.status, phases, berlinToday(now));
}

async function counts(db: Executor, tenantId: string, ids: string[], publicOnly: boolean) {
	if (ids.length === 0) return { c: new Map(), d: new Map(), r: new Map() };
	const [c, d, r] = await Promise.all([
		db
			.select({ id: contributions.processId, n: count() })
			.from(contributions)
			.where(
				and(
					eq(contributions.tenantId, tenantId),
					inArray(contributions.processId, ids),
					publicOnly ? eq(contributions.status, 'published') : ne(contributions.status, 'merged')
				)
			)
			.groupBy(contributions.processId),
		db
			.select({ id: dialogues.processId, n: count() })
			.from(dialogues)
			.where(and(eq(dialogues.tenantId, tenantId), inArray(dialogues.processId, ids)))
			.groupBy(dialogues.processId),
		db
			.select({ id: recommendations.processId, n: count() })
			.from(recommendations)
			.where(and(eq(recommendations.tenantId, tenantId), inArray(recommendations.processId, ids)))
			.groupBy(recommendations.processId)
	]);
	const toMap = (rows: { id: string; n: number }[]) =>
		new Map(rows.map((x) => [x.id, Number(x.n)]));
	return { c: toMap(c), d: toMap(d), r: toMap(r) };
}

async function summaries(
	db: Executor,
	tenantId: string,
	rows: (typeof consultationProcesses.$inferSelect)[],
	publicOnly: boolean,
	now: Date
): Promise<ProcessSummary[]> {
	const ids = rows.map((r) => r.id);
	const n = await counts(db, tenantId, ids, publicOnly);
	const phases =
		ids.length === 0
			? []
			: await db
					.select()
					.from(processPhases)
					.where(and(eq(processPhases.tenantId, tenantId), inArray(processPhases.processId, ids)));
	const today = berlinToday(now);
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		purpose: r.purpose,
		status: r.status,
		currentPhase:
			rulesFor(
				'published',
				phases.filter((p) => p.processId === r.id),
				today
			).phase?.kind ?? null,
		contributionCount: n.c.get(r.id) ?? 0,
		dialogueCount: n.d.get(r.id) ?? 0,
		recommendationCount: n.r.get(r.id) ?? 0
	}));
}

/** All processes of the tenant, for the signed-in area. */
export async function listProcesses(
	ctx: TenantCtx,
	now: Date = new Date()
): Promise<ProcessSummary[]> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.view', { tenantId });
	const rows = await ctx.db
		.select()
		.from(consultationProcesses)
		.where(eq(consultationProcesses.tenantId, tenantId))
		.orderBy(desc(consultationProcesses.createdAt));
	return summaries(ctx.db, tenantId, rows, false, now);
}

/** Published and archived processes, for the public site. */
export async function listPublicProcesses(
	ctx: TenantCtx,
	now: Date = new Date()
): Promise<ProcessSummary[]> {
	const { db } = ctx;
	const tenantId = ctx.tenant.id;
	const rows = await db
		.select()
		.from(consultationProcesses)
		.where(
			and(eq(consultationProcesses.tenantId, tenantId), ne(consultationProcesses.status, 'draft'))
		)
		.orderBy(desc(consultationProcesses.createdAt));
	return summaries(db, tenantId, rows, true, now);
}

async function toView(
	db: Executor,
	row: typeof consultationProcesses.$inferSelect,
	locale: string,
	publicOnly: boolean,
	now: Date
): Promise<ProcessView> {
	const [summary] = await summaries(db, row.tenantId, [row], publicOnly, now);
	const phases = await loadPhases(db, row.tenantId, row.id);
	const fields = await db
		.select({ id: fieldsOfAction.id, names: fieldsOfAction.names })
		.from(processFields)
		.innerJoin(fieldsOfAction, eq(fieldsOfAction.id, processFields.fieldOfActionId))
		.where(and(eq(processFields.tenantId, row.tenantId), eq(processFields.processId, row.id)))
		.orderBy(asc(fieldsOfAction.position), asc(fieldsOfAction.key));
	const today = berlinToday(now);
	return {
		...summary,
		allowAnonymous: row.allowAnonymous,
		resultsIntro: row.resultsIntro,
		fields: fields.map((f) => ({ id: f.id, name: localName(f.names, locale) })),
		phases,
		rules: rulesFor(row.status, phases, today).rules,
		today
	};
}

/** A process with its phases and fields, for staff. */
export async function getProcess(
	ctx: TenantCtx,
	input: { processId: string },
	now: Date = new Date()
): Promise<ProcessView> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.view', { tenantId });
	const row = await loadProcess(ctx.db, tenantId, input.processId);
	return toView(ctx.db, row, ctx.locale, false, now);
}

/** A published or archived process for the public site; a draft reads as missing. */
export async function getPublicProcess(
	ctx: TenantCtx,
	input: { processId: string },
	now: Date = new Date()
): Promise<ProcessView> {
	const row = await loadProcess(ctx.db, ctx.tenant.id, input.processId);
	if (row.status === 'draft') throw new NotFoundError();
	return toView(ctx.db, row, ctx.locale, true, now);
}
