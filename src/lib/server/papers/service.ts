import { and, eq, inArray, isNull, max, or, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { authorize, can } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { enqueueMail } from '../mail/enqueue';
import { tenantMembers, users } from '../auth/schema';
import { bodies, bodyMemberships } from '../bodies/schema';
import { organizations } from '../organizations/schema';
import { actionItems, agendaItems, files, meetings } from '../meetings/schema';
import { tenants } from '../tenants/schema';
import { conceptGoals, conceptMeasures } from '../concept/schema';
import {
	BUILTIN_PAPER_TYPES,
	consultations,
	instructions,
	paperAuthors,
	paperComments,
	paperCounters,
	paperFiles,
	paperLinks,
	paperRelations,
	paperTypes,
	paperWorkflows,
	papers,
	type Paper
} from './schema';
import {
	commentInput,
	formatReference,
	paperInput,
	resultInput,
	scheduleInput,
	type PaperData,
	type ResultInput
} from './validation';
import {
	canEditPaper,
	canSeePaper,
	loadPaperContext,
	loadVisiblePaper,
	loadWorkflow,
	paperRoles,
	type PaperContext
} from './access';
import {
	DEFAULT_WORKFLOW,
	mayTransition,
	stateLabel,
	transitionKind,
	workflowDefinition,
	type WorkflowDefinition
} from './workflow';
import { paperTypeLabel } from './types';
import { paperDecidedMail, paperSubmittedMail } from './mail';
import { fieldErrors, isUuid } from '../shared';

/** What the audit log keeps of a paper. */
function auditView(p: Paper) {
	return {
		name: `${p.reference} ${p.title}`,
		reference: p.reference,
		type: p.type,
		title: p.title,
		date: p.date,
		state: p.state,
		visibility: p.visibility,
		originatingBodyId: p.originatingBodyId,
		addressedBodyId: p.addressedBodyId
	};
}

async function bodyOfTenant(db: Executor, tenantId: string, bodyId: string | undefined) {
	if (!bodyId) return true;
	const [row] = await db
		.select({ id: bodies.id })
		.from(bodies)
		.where(and(eq(bodies.tenantId, tenantId), eq(bodies.id, bodyId)));
	return !!row;
}

/** Validates a paper's input against the tenant: types, bodies, authors, the parent paper. */
async function parsePaper(
	db: Executor,
	tenantId: string,
	raw: unknown,
	selfId?: string
): Promise<PaperData> {
	const parsed = paperInput.safeParse(raw);
	const errors = parsed.success ? {} : fieldErrors(parsed.error);
	if (parsed.success) {
		const d = parsed.data;
		if (!(BUILTIN_PAPER_TYPES as readonly string[]).includes(d.type)) {
			const [own] = await db
				.select({ key: paperTypes.key })
				.from(paperTypes)
				.where(and(eq(paperTypes.tenantId, tenantId), eq(paperTypes.key, d.type)));
			if (!own) errors.type = 'papers_error_type_invalid';
		}
		if (!(await bodyOfTenant(db, tenantId, d.originatingBodyId)))
			errors.originatingBodyId = 'papers_error_body_invalid';
		if (!(await bodyOfTenant(db, tenantId, d.addressedBodyId)))
			errors.addressedBodyId = 'papers_error_body_invalid';
		if (d.authorIds.length > 0) {
			const found = await db
				.select({ userId: tenantMembers.userId })
				.from(tenantMembers)
				.where(
					and(eq(tenantMembers.tenantId, tenantId), inArray(tenantMembers.userId, d.authorIds))
				);
			if (found.length !== new Set(d.authorIds).size)
				errors.authorIds = 'papers_error_author_invalid';
		}
		if (d.parentPaperId) {
			const [parent] = await db
				.select({ id: papers.id })
				.from(papers)
				.where(and(eq(papers.tenantId, tenantId), eq(papers.id, d.parentPaperId)));
			if (!parent || d.parentPaperId === selfId)
				errors.parentPaperId = 'papers_error_parent_invalid';
		}
	}
	if (!parsed.success || Object.keys(errors).length > 0) throw new ValidationError(errors);
	return parsed.data;
}

function columns(d: PaperData) {
	return {
		type: d.type,
		title: d.title,
		text: d.text,
		date: d.date,
		originatingBodyId: d.originatingBodyId ?? null,
		addressedBodyId: d.addressedBodyId ?? null,
		visibility: d.visibility
	};
}

async function writeAuthors(tx: Executor, tenantId: string, paperId: string, d: PaperData) {
	await tx.delete(paperAuthors).where(eq(paperAuthors.paperId, paperId));
	const rows = [
		...[...new Set(d.authorIds)].map((userId) => ({ userId, name: null })),
		...d.authorNames.map((name) => ({ userId: null, name }))
	].map((r, position) => ({ tenantId, paperId, position, ...r }));
	if (rows.length > 0) await tx.insert(paperAuthors).values(rows);
}

async function writeParent(tx: Executor, tenantId: string, paperId: string, parentId?: string) {
	await tx.delete(paperRelations).where(eq(paperRelations.childPaperId, paperId));
	if (parentId)
		await tx
			.insert(paperRelations)
			.values({ tenantId, parentPaperId: parentId, childPaperId: paperId });
}

/**
 * The next number of the tenant's year. The counter row is incremented in the caller's
 * transaction (row lock until commit), so concurrent creations queue up and a rollback gives the
 * number back: numbers stay gapless and unique.
 */
export async function nextPaperNumber(
	tx: Executor,
	tenantId: string,
	year: number
): Promise<number> {
	const [row] = await tx
		.insert(paperCounters)
		.values({ tenantId, year, last: 1 })
		.onConflictDoUpdate({
			target: [paperCounters.tenantId, paperCounters.year],
			set: { last: sql`${paperCounters.last} + 1`, updatedAt: sql`now()` }
		})
		.returning({ last: paperCounters.last });
	return row.last;
}

/**
 * Writes a paper. The number is assigned here, at creation (drafts included), from the year of
 * the paper's date; papers are never deleted (withdrawn instead), so the sequence has no gaps.
 */
export async function createPaper(
	ctx: Ctx,
	tenantId: string,
	raw: unknown
): Promise<{ id: string; reference: string }> {
	authorize(ctx.actor, 'tenant.view', { tenantId });
	const actor = ctx.actor;
	const d = await parsePaper(ctx.db, tenantId, raw);
	// coordinators for any paper; speakers and deputies for papers of their own body
	authorize(actor, 'paper.create', { tenantId, bodyId: d.originatingBodyId });
	if (!d.authorIds.length && !d.authorNames.length) d.authorIds = [actor.userId];
	return ctx.db.transaction(async (tx) => {
		const year = Number(d.date.slice(0, 4));
		const number = await nextPaperNumber(tx, tenantId, year);
		const [row] = await tx
			.insert(papers)
			.values({
				tenantId,
				number,
				year,
				reference: formatReference(number, year),
				...columns(d),
				state: (await loadWorkflow(tx, tenantId)).initial,
				createdBy: actor.userId
			})
			.returning();
		await writeAuthors(tx, tenantId, row.id, d);
		await writeParent(tx, tenantId, row.id, d.parentPaperId);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'paper.create',
			entityType: 'paper',
			entityId: row.id,
			after: auditView(row)
		});
		return { id: row.id, reference: row.reference };
	});
}

/** Changes a paper's content (not its number or state). */
export async function updatePaper(
	ctx: Ctx,
	tenantId: string,
	id: string,
	raw: unknown
): Promise<void> {
	const pc = await loadVisiblePaper(ctx.db, ctx.actor, tenantId, id);
	if (!canEditPaper(ctx.actor, pc)) throw new NotFoundError();
	const d = await parsePaper(ctx.db, tenantId, raw, id);
	// moving a paper to another body needs the right to write papers for that body
	if ((d.originatingBodyId ?? null) !== pc.paper.originatingBodyId)
		authorize(ctx.actor, 'paper.create', { tenantId, bodyId: d.originatingBodyId });
	await ctx.db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(papers)
			.where(and(eq(papers.tenantId, tenantId), eq(papers.id, id)))
			.for('update');
		if (!before) throw new NotFoundError();
		const [after] = await tx
			.update(papers)
			.set({ ...columns(d), updatedAt: new Date() })
			.where(eq(papers.id, id))
			.returning();
		if (d.authorIds.length || d.authorNames.length) await writeAuthors(tx, tenantId, id, d);
		await writeParent(tx, tenantId, id, d.parentPaperId);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'paper.update',
			entityType: 'paper',
			entityId: id,
			before: auditView(before),
			after: auditView(after)
		});
	});
}

async function lockPaper(tx: Executor, tenantId: string, id: string): Promise<Paper> {
	const [row] = await tx
		.select()
		.from(papers)
		.where(and(eq(papers.tenantId, tenantId), eq(papers.id, id)))
		.for('update');
	if (!row) throw new NotFoundError();
	return row;
}

async function setState(
	tx: Executor,
	ctx: Ctx,
	before: Paper,
	to: string,
	extra: Partial<typeof papers.$inferInsert> = {}
) {
	const [after] = await tx
		.update(papers)
		.set({ state: to, updatedAt: new Date(), ...extra })
		.where(eq(papers.id, before.id))
		.returning();
	await recordAudit(tx, ctx, {
		tenantId: before.tenantId,
		action: 'paper.state_change',
		entityType: 'paper',
		entityId: before.id,
		before: { name: `${before.reference} ${before.title}`, state: before.state },
		after: { name: `${before.reference} ${before.title}`, state: to }
	});
	return after;
}

/**
 * Moves a paper along a plain transition of the workflow graph (submit, withdraw, return to
 * draft …). Putting it on an agenda and recording results have their own use cases.
 */
export async function transitionPaper(
	ctx: Ctx,
	tenantId: string,
	id: string,
	to: unknown
): Promise<void> {
	const pc = await loadVisiblePaper(ctx.db, ctx.actor, tenantId, id);
	const actor = ctx.actor!;
	const def = await loadWorkflow(ctx.db, tenantId);
	if (typeof to !== 'string' || transitionKind(to) !== 'button')
		throw new ValidationError({ form: 'papers_error_transition' });
	const roles = paperRoles(actor, pc);
	if (!mayTransition(def, pc.paper.state, to, roles))
		throw new ValidationError({ form: 'papers_error_transition' });
	await ctx.db.transaction(async (tx) => {
		const before = await lockPaper(tx, tenantId, id);
		if (!mayTransition(def, before.state, to, roles))
			throw new ValidationError({ form: 'papers_error_transition' });
		const extra = to === 'submitted' ? { submittedAt: new Date(), submittedBy: actor.userId } : {};
		const after = await setState(tx, ctx, before, to, extra);
		if (to === 'submitted') await notifySubmitted(tx, ctx, after, def);
	});
}

async function tenantName(db: Executor, tenantId: string) {
	const [t] = await db
		.select({ name: tenants.name, slug: tenants.slug })
		.from(tenants)
		.where(eq(tenants.id, tenantId));
	return t;
}

/** People who manage the meetings of a body (speakers, deputies, moderators), for notices. */
async function bodyManagers(db: Executor, bodyId: string) {
	return db
		.select({ email: users.email, name: users.name, locale: users.locale })
		.from(bodyMemberships)
		.innerJoin(users, eq(users.id, bodyMemberships.userId))
		.where(
			and(
				eq(bodyMemberships.bodyId, bodyId),
				inArray(bodyMemberships.role, ['speaker', 'deputy', 'moderator']),
				or(isNull(bodyMemberships.endDate), sql`${bodyMemberships.endDate} >= current_date`),
				isNull(users.disabledAt)
			)
		);
}

/** All current members of a body. */
async function bodyMembers(db: Executor, bodyId: string) {
	return db
		.select({ email: users.email, name: users.name, locale: users.locale })
		.from(bodyMemberships)
		.innerJoin(users, eq(users.id, bodyMemberships.userId))
		.where(
			and(
				eq(bodyMemberships.bodyId, bodyId),
				or(isNull(bodyMemberships.endDate), sql`${bodyMemberships.endDate} >= current_date`),
				isNull(users.disabledAt)
			)
		);
}

async function coordinators(db: Executor, tenantId: string) {
	return db
		.select({ email: users.email, name: users.name, locale: users.locale })
		.from(tenantMembers)
		.innerJoin(users, eq(users.id, tenantMembers.userId))
		.where(
			and(
				eq(tenantMembers.tenantId, tenantId),
				eq(tenantMembers.role, 'coordinator'),
				isNull(users.disabledAt)
			)
		);
}

const loc = (l: string | null): 'de' | 'en' => (l === 'en' ? 'en' : 'de');

/** Tells the coordinators and the addressed body's speakers that a paper was submitted. */
async function notifySubmitted(tx: Executor, ctx: Ctx, paper: Paper, def: WorkflowDefinition) {
	const t = await tenantName(tx, paper.tenantId);
	const people = [
		...(await coordinators(tx, paper.tenantId)),
		...(paper.addressedBodyId ? await bodyManagers(tx, paper.addressedBodyId) : [])
	];
	const seen = new Set<string>();
	for (const p of people) {
		if (seen.has(p.email)) continue;
		seen.add(p.email);
		const locale = loc(p.locale);
		await enqueueMail(
			tx,
			paper.tenantId,
			paperSubmittedMail({
				to: p.email,
				name: p.name,
				reference: paper.reference,
				title: paper.title,
				state: stateLabel(def, paper.state, locale),
				link: `${ctx.origin}/app/${t.slug}/vorlagen/${paper.id}`,
				locale
			})
		);
	}
}

/**
 * Puts a paper on the agenda of a meeting: a consultation with its role and an agenda item at
 * the end of the agenda. Whoever plans a meeting of the addressed body may do it (coordinators:
 * any body's meeting), when the workflow allows "scheduled" from the paper's state (or the paper
 * is already on another agenda).
 */
export async function scheduleConsultation(
	ctx: Ctx,
	tenantId: string,
	paperId: string,
	raw: unknown
): Promise<{ consultationId: string; agendaItemId: string }> {
	const pc = await loadVisiblePaper(ctx.db, ctx.actor, tenantId, paperId);
	const actor = ctx.actor!;
	const parsed = scheduleInput.safeParse(raw);
	if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
	const { meetingId, role } = parsed.data;
	const [meeting] = await ctx.db
		.select()
		.from(meetings)
		.where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, meetingId)));
	if (!meeting || !can(actor, 'meeting.manage', { tenantId, bodyId: meeting.bodyId }))
		throw new ValidationError({ meetingId: 'papers_error_meeting_required' });
	if (meeting.state === 'cancelled' || meeting.state === 'held')
		throw new ValidationError({ meetingId: 'papers_error_meeting_closed' });
	const def = await loadWorkflow(ctx.db, tenantId);
	const roles = paperRoles(actor, {
		...pc,
		consultingBodyIds: [...pc.consultingBodyIds, meeting.bodyId]
	});
	// only the coordinator puts a paper before another body than the one it is addressed to
	if (!roles.has('coordinator') && meeting.bodyId !== pc.paper.addressedBodyId)
		throw new ValidationError({ meetingId: 'papers_error_meeting_required' });
	const allowed = (state: string) =>
		state === 'scheduled'
			? roles.has('coordinator') || roles.has('addressee')
			: mayTransition(def, state, 'scheduled', roles);
	if (!allowed(pc.paper.state)) throw new ValidationError({ form: 'papers_error_transition' });

	return ctx.db.transaction(async (tx) => {
		const before = await lockPaper(tx, tenantId, paperId);
		if (!allowed(before.state)) throw new ValidationError({ form: 'papers_error_transition' });
		// serialise agenda changes of the meeting
		await tx
			.select({ id: meetings.id })
			.from(meetings)
			.where(eq(meetings.id, meetingId))
			.for('update');
		const [dup] = await tx
			.select({ id: consultations.id })
			.from(consultations)
			.where(and(eq(consultations.paperId, paperId), eq(consultations.meetingId, meetingId)));
		if (dup) throw new ValidationError({ meetingId: 'papers_error_already_scheduled' });
		const [{ last }] = await tx
			.select({ last: max(agendaItems.position) })
			.from(agendaItems)
			.where(eq(agendaItems.meetingId, meetingId));
		const typeLabel = await paperTypeLabel(tx, tenantId, before.type);
		const [item] = await tx
			.insert(agendaItems)
			.values({
				tenantId,
				meetingId,
				position: (last ?? 0) + 1,
				title: `${before.title} (${typeLabel} ${before.reference})`,
				description: null,
				isPublic: before.visibility === 'public'
			})
			.returning();
		const [consultation] = await tx
			.insert(consultations)
			.values({
				tenantId,
				paperId,
				meetingId,
				agendaItemId: item.id,
				bodyId: meeting.bodyId,
				role
			})
			.returning();
		if (before.state !== 'scheduled') await setState(tx, ctx, before, 'scheduled');
		else await tx.update(papers).set({ updatedAt: new Date() }).where(eq(papers.id, paperId));
		await tx.update(meetings).set({ updatedAt: new Date() }).where(eq(meetings.id, meetingId));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'consultation.create',
			entityType: 'consultation',
			entityId: consultation.id,
			after: {
				name: `${before.reference} ${before.title}`,
				paperId,
				meetingId,
				agendaItemId: item.id,
				position: item.position,
				role
			}
		});
		return { consultationId: consultation.id, agendaItemId: item.id };
	});
}

/** Reads the repeated instruction fields of the result form (instruction_0_text …). */
export function instructionsFromForm(values: Record<string, unknown>) {
	const out: Record<string, unknown>[] = [];
	for (let i = 0; i < 20; i++) {
		const text = values[`instruction_${i}_text`];
		if (text === undefined) continue;
		if (typeof text === 'string' && text.trim() === '') continue;
		out.push({
			text,
			bodyId: values[`instruction_${i}_body`],
			organizationId: values[`instruction_${i}_organization`],
			dueDate: values[`instruction_${i}_due`]
		});
	}
	return out;
}

/**
 * Records the result of a consultation: on the consultation, on the meeting's agenda item (its
 * decision) and, for consultations with the role "decision" or "information", as the paper's new
 * state. Each instruction becomes an action item of the addressed body; the originating body's
 * members and the addressed bodies' members are told by mail.
 */
export async function recordConsultationResult(
	ctx: Ctx,
	tenantId: string,
	consultationId: string,
	raw: ResultInput | unknown
): Promise<void> {
	if (!isUuid(consultationId)) throw new NotFoundError();
	const [c] = await ctx.db
		.select()
		.from(consultations)
		.where(and(eq(consultations.tenantId, tenantId), eq(consultations.id, consultationId)));
	if (!c) throw new NotFoundError();
	const pc = await loadVisiblePaper(ctx.db, ctx.actor, tenantId, c.paperId);
	const actor = ctx.actor!;
	if (!can(actor, 'meeting.manage', { tenantId, bodyId: c.bodyId })) throw new NotFoundError();
	const parsed = resultInput.safeParse(raw);
	if (!parsed.success) {
		const errors: Record<string, string> = {};
		for (const issue of parsed.error.issues) {
			const key =
				issue.path[0] === 'instructions'
					? `instruction_${String(issue.path[1])}_${issue.path[2] === 'bodyId' ? 'body' : issue.path[2] === 'dueDate' ? 'due' : issue.path[2] === 'organizationId' ? 'organization' : 'text'}`
					: String(issue.path[0] ?? 'form');
			errors[key] ??= issue.message;
		}
		throw new ValidationError(errors);
	}
	const input = parsed.data;
	const errors: Record<string, string> = {};
	for (const [i, ins] of input.instructions.entries()) {
		if (!(await bodyOfTenant(ctx.db, tenantId, ins.bodyId)))
			errors[`instruction_${i}_body`] = 'papers_error_instruction_body';
		if (ins.organizationId) {
			const [o] = await ctx.db
				.select({ id: organizations.id })
				.from(organizations)
				.where(and(eq(organizations.tenantId, tenantId), eq(organizations.id, ins.organizationId)));
			if (!o) errors[`instruction_${i}_organization`] = 'papers_error_instruction_org';
		}
	}
	if (Object.keys(errors).length) throw new ValidationError(errors);

	const def = await loadWorkflow(ctx.db, tenantId);
	const roles = paperRoles(actor, pc);
	const changesState = c.role !== 'preliminary';

	await ctx.db.transaction(async (tx) => {
		const before = await lockPaper(tx, tenantId, c.paperId);
		const [current] = await tx
			.select()
			.from(consultations)
			.where(eq(consultations.id, c.id))
			.for('update');
		if (current.result) throw new ValidationError({ result: 'papers_error_already_decided' });
		if (changesState && !mayTransition(def, before.state, input.result, roles))
			throw new ValidationError({ result: 'papers_error_transition' });
		const now = new Date();
		await tx
			.update(consultations)
			.set({
				result: input.result,
				resultText: input.resultText ?? null,
				decidedAt: now,
				decidedBy: actor.userId,
				updatedAt: now
			})
			.where(eq(consultations.id, c.id));
		const resultLabel = stateLabel(def, input.result, 'de');
		if (c.agendaItemId)
			await tx
				.update(agendaItems)
				.set({
					decision: input.resultText ? `${resultLabel}: ${input.resultText}` : resultLabel,
					updatedAt: now
				})
				.where(and(eq(agendaItems.id, c.agendaItemId), eq(agendaItems.tenantId, tenantId)));
		const paper = changesState ? await setState(tx, ctx, before, input.result) : before;
		if (!changesState)
			await tx.update(papers).set({ updatedAt: now }).where(eq(papers.id, before.id));

		const created: { bodyId: string; text: string; dueDate: string | null }[] = [];
		for (const ins of input.instructions) {
			const [item] = await tx
				.insert(actionItems)
				.values({
					tenantId,
					bodyId: ins.bodyId,
					meetingId: c.meetingId,
					agendaItemId: c.agendaItemId,
					title: ins.text.length > 200 ? `${ins.text.slice(0, 197)}…` : ins.text,
					description: `${ins.text}\n\nHandlungsanweisung aus Vorlage ${before.reference} „${before.title}“`,
					assigneeOrganizationId: ins.organizationId ?? null,
					dueDate: ins.dueDate ?? null,
					createdBy: actor.userId
				})
				.returning();
			const [row] = await tx
				.insert(instructions)
				.values({
					tenantId,
					paperId: before.id,
					consultationId: c.id,
					bodyId: ins.bodyId,
					organizationId: ins.organizationId ?? null,
					text: ins.text,
					dueDate: ins.dueDate ?? null,
					actionItemId: item.id,
					createdBy: actor.userId
				})
				.returning();
			created.push({ bodyId: ins.bodyId, text: ins.text, dueDate: ins.dueDate ?? null });
			await recordAudit(tx, ctx, {
				tenantId,
				action: 'instruction.create',
				entityType: 'instruction',
				entityId: row.id,
				after: {
					name: row.text.slice(0, 80),
					paperId: before.id,
					bodyId: ins.bodyId,
					dueDate: row.dueDate,
					actionItemId: item.id
				}
			});
		}
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'consultation.result',
			entityType: 'consultation',
			entityId: c.id,
			before: { name: `${before.reference} ${before.title}`, result: null },
			after: {
				name: `${before.reference} ${before.title}`,
				result: input.result,
				resultText: input.resultText ?? null,
				instructions: created.length
			}
		});
		await notifyDecided(tx, ctx, paper, resultLabel, input.resultText ?? null, created);
	});
}

async function notifyDecided(
	tx: Executor,
	ctx: Ctx,
	paper: Paper,
	resultLabel: string,
	resultText: string | null,
	created: { bodyId: string; text: string; dueDate: string | null }[]
) {
	const bodyIds = [
		...new Set([paper.originatingBodyId, ...created.map((c) => c.bodyId)].filter(Boolean))
	] as string[];
	if (bodyIds.length === 0) return;
	const t = await tenantName(tx, paper.tenantId);
	const names = new Map(
		(
			await tx
				.select({ id: bodies.id, name: bodies.name })
				.from(bodies)
				.where(inArray(bodies.id, bodyIds))
		).map((b) => [b.id, b.name])
	);
	const seen = new Set<string>();
	for (const bodyId of bodyIds) {
		for (const p of await bodyMembers(tx, bodyId)) {
			if (seen.has(p.email)) continue;
			seen.add(p.email);
			const locale = loc(p.locale);
			await enqueueMail(
				tx,
				paper.tenantId,
				paperDecidedMail({
					to: p.email,
					name: p.name,
					reference: paper.reference,
					title: paper.title,
					result: resultLabel,
					resultText,
					instructions: created.map((c) => ({
						body: names.get(c.bodyId) ?? '',
						text: c.text,
						dueDate: c.dueDate
					})),
					link: `${ctx.origin}/app/${t.slug}/vorlagen/${paper.id}`,
					locale
				})
			);
		}
	}
}

/**
 * A comment in the paper's discussion thread of a body (the addressed or a consulting body).
 * Only the body's members read and write it.
 */
export async function addPaperComment(
	ctx: Ctx,
	tenantId: string,
	paperId: string,
	raw: unknown
): Promise<{ id: string }> {
	const pc = await loadVisiblePaper(ctx.db, ctx.actor, tenantId, paperId);
	const actor = ctx.actor!;
	const parsed = commentInput.safeParse(raw);
	if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
	const { bodyId, text } = parsed.data;
	if (!discussionBodyIds(pc).includes(bodyId) || !actor.bodyRoles?.[bodyId])
		throw new NotFoundError();
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(paperComments)
			.values({ tenantId, paperId, bodyId, authorId: actor.userId, text })
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'paper.comment',
			entityType: 'paper',
			entityId: paperId,
			after: { name: `${pc.paper.reference} ${pc.paper.title}`, bodyId, commentId: row.id }
		});
		return { id: row.id };
	});
}

/** Bodies that discuss a paper: the addressed body and every consulting body. */
export function discussionBodyIds(pc: PaperContext): string[] {
	return [
		...new Set([pc.paper.addressedBodyId, ...pc.consultingBodyIds].filter(Boolean))
	] as string[];
}

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const ALLOWED_TYPES = new Set([
	'application/pdf',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	'application/vnd.oasis.opendocument.text',
	'application/vnd.oasis.opendocument.spreadsheet',
	'image/png',
	'image/jpeg',
	'text/plain',
	'text/csv'
]);

/** Attaches a file (Anlage) to a paper; stored in the files table. */
export async function attachPaperFile(
	ctx: Ctx,
	tenantId: string,
	paperId: string,
	file: { name: string; type: string; bytes: Uint8Array } | null
): Promise<{ fileId: string }> {
	const pc = await loadVisiblePaper(ctx.db, ctx.actor, tenantId, paperId);
	if (!canEditPaper(ctx.actor, pc)) throw new NotFoundError();
	if (!file || file.bytes.byteLength === 0)
		throw new ValidationError({ file: 'papers_error_file_required' });
	if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES)
		throw new ValidationError({ file: 'papers_error_file_too_large' });
	const mediaType = file.type.split(';')[0].trim().toLowerCase();
	if (!ALLOWED_TYPES.has(mediaType)) throw new ValidationError({ file: 'papers_error_file_type' });
	const fileName = file.name.replace(/[\\/\0\r\n"]/g, '_').slice(0, 200) || 'anlage';
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(files)
			.values({
				tenantId,
				fileName,
				mediaType,
				size: file.bytes.byteLength,
				sha256: createHash('sha256').update(file.bytes).digest('hex'),
				content: Buffer.from(file.bytes),
				isPublic: pc.paper.visibility === 'public',
				uploadedBy: ctx.actor!.userId
			})
			.returning({ id: files.id });
		const [{ last }] = await tx
			.select({ last: max(paperFiles.position) })
			.from(paperFiles)
			.where(eq(paperFiles.paperId, paperId));
		await tx
			.insert(paperFiles)
			.values({ tenantId, paperId, fileId: row.id, position: (last ?? -1) + 1 });
		await tx.update(papers).set({ updatedAt: new Date() }).where(eq(papers.id, paperId));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'paper.file_attach',
			entityType: 'paper',
			entityId: paperId,
			after: {
				name: `${pc.paper.reference} ${pc.paper.title}`,
				fileName,
				size: file.bytes.byteLength
			}
		});
		return { fileId: row.id };
	});
}

/** A paper's attachment for download: signed-in (paper visible) or public (paper public). */
export async function paperFileForDownload(
	ctx: Ctx,
	tenantId: string,
	paperId: string,
	fileId: string,
	publicOnly: boolean
) {
	if (!isUuid(fileId)) throw new NotFoundError();
	const pc = await loadPaperContext(ctx.db, tenantId, paperId);
	if (!pc) throw new NotFoundError();
	if (
		publicOnly
			? !(pc.paper.visibility === 'public' && pc.paper.state !== 'draft')
			: !canSeePaper(ctx.actor, pc)
	)
		throw new NotFoundError();
	const [row] = await ctx.db
		.select({ file: files })
		.from(paperFiles)
		.innerJoin(files, eq(files.id, paperFiles.fileId))
		.where(
			and(
				eq(paperFiles.paperId, paperId),
				eq(paperFiles.fileId, fileId),
				eq(files.tenantId, tenantId)
			)
		);
	if (!row) throw new NotFoundError();
	return row.file;
}

/** Generic links to other objects (e.g. kind "measure"); the picker is wired by the concept issue. */
export const PAPER_LINK_KINDS = ['measure'] as const;

export async function addPaperLink(
	ctx: Ctx,
	tenantId: string,
	paperId: string,
	link: { kind: string; targetId?: string | null; label?: string | null }
): Promise<{ id: string }> {
	const pc = await loadVisiblePaper(ctx.db, ctx.actor, tenantId, paperId);
	if (!canEditPaper(ctx.actor, pc)) throw new NotFoundError();
	const errors: Record<string, string> = {};
	if (!(PAPER_LINK_KINDS as readonly string[]).includes(link.kind))
		errors.kind = 'papers_error_link_kind';
	if (link.targetId != null && !isUuid(link.targetId)) errors.targetId = 'papers_error_link_target';
	// a measure link points at a measure of the tenant's concept; its label defaults to
	// "Ziel › Maßnahme"
	let label = link.label?.trim() ?? '';
	if (link.kind === 'measure' && !errors.targetId) {
		const [measure] = link.targetId
			? await ctx.db
					.select({ title: conceptMeasures.title, goal: conceptGoals.title })
					.from(conceptMeasures)
					.innerJoin(conceptGoals, eq(conceptGoals.id, conceptMeasures.goalId))
					.where(and(eq(conceptMeasures.tenantId, tenantId), eq(conceptMeasures.id, link.targetId)))
			: [];
		if (!measure) errors.targetId = 'papers_error_link_target';
		else if (!label) label = `${measure.goal} › ${measure.title}`.slice(0, 300);
	}
	if (!label || label.length > 300) errors.label = 'papers_error_link_label';
	if (Object.keys(errors).length) throw new ValidationError(errors);
	return ctx.db.transaction(async (tx) => {
		const [dup] = link.targetId
			? await tx
					.select({ id: paperLinks.id })
					.from(paperLinks)
					.where(
						and(
							eq(paperLinks.tenantId, tenantId),
							eq(paperLinks.paperId, paperId),
							eq(paperLinks.kind, link.kind),
							eq(paperLinks.targetId, link.targetId)
						)
					)
			: [];
		if (dup) return { id: dup.id };
		const [row] = await tx
			.insert(paperLinks)
			.values({
				tenantId,
				paperId,
				kind: link.kind,
				targetId: link.targetId ?? null,
				label
			})
			.returning({ id: paperLinks.id });
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'paper.link_add',
			entityType: 'paper',
			entityId: paperId,
			after: {
				name: `${pc.paper.reference} ${pc.paper.title}`,
				kind: link.kind,
				targetId: link.targetId ?? null,
				label
			}
		});
		return { id: row.id };
	});
}

/** Stores the tenant's workflow graph (coordinators); null restores the default. */
export async function saveWorkflow(ctx: Ctx, tenantId: string, raw: unknown | null): Promise<void> {
	authorize(ctx.actor, 'paper.manage', { tenantId });
	let definition: WorkflowDefinition | null = null;
	if (raw !== null) {
		const parsed = workflowDefinition.safeParse(raw);
		if (!parsed.success) throw new ValidationError({ definition: 'papers_error_workflow_invalid' });
		definition = parsed.data;
	}
	await ctx.db.transaction(async (tx) => {
		const before = await loadWorkflow(tx, tenantId);
		if (definition === null)
			await tx.delete(paperWorkflows).where(eq(paperWorkflows.tenantId, tenantId));
		else
			await tx
				.insert(paperWorkflows)
				.values({ tenantId, definition })
				.onConflictDoUpdate({
					target: paperWorkflows.tenantId,
					set: { definition, updatedAt: new Date() }
				});
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'paper.workflow_change',
			entityType: 'tenant',
			entityId: tenantId,
			before: { name: 'workflow', transitions: before.transitions.length },
			after: { name: 'workflow', transitions: (definition ?? DEFAULT_WORKFLOW).transitions.length }
		});
	});
}

const typeInput = z.object({
	key: z
		.string({ error: 'papers_error_type_key' })
		.trim()
		.regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'papers_error_type_key' }),
	label: z
		.string({ error: 'papers_error_type_label' })
		.trim()
		.min(1, { error: 'papers_error_type_label' })
		.max(80, { error: 'papers_error_type_label' })
});

/** Adds a paper type of the tenant (e.g. "Stellungnahme"); keys never collide with built-ins. */
export async function addPaperType(
	ctx: Ctx,
	tenantId: string,
	raw: unknown
): Promise<{ key: string }> {
	authorize(ctx.actor, 'paper.manage', { tenantId });
	const parsed = typeInput.safeParse(raw);
	if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
	const { key, label } = parsed.data;
	const [dup] = await ctx.db
		.select({ key: paperTypes.key })
		.from(paperTypes)
		.where(and(eq(paperTypes.tenantId, tenantId), eq(paperTypes.key, key)));
	if (dup || (BUILTIN_PAPER_TYPES as readonly string[]).includes(key))
		throw new ValidationError({ key: 'papers_error_type_exists' });
	await ctx.db.transaction(async (tx) => {
		const [{ last }] = await tx
			.select({ last: max(paperTypes.position) })
			.from(paperTypes)
			.where(eq(paperTypes.tenantId, tenantId));
		await tx.insert(paperTypes).values({ tenantId, key, label, position: (last ?? 0) + 1 });
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'paper.type_add',
			entityType: 'tenant',
			entityId: tenantId,
			after: { name: label, key }
		});
	});
	return { key };
}
