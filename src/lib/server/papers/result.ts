import { and, eq, inArray } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { can } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { bodies } from '../bodies/schema';
import { organizations } from '../organizations/schema';
import { setAgendaItemDecisionInTx } from '../meetings/agenda-items';
import { insertActionItem } from '../minutes/action-item-input';
import { consultations, instructions, type Paper } from './schema';
import { resultInput, type InstructionData } from './validation';
import { loadVisiblePaper, loadWorkflow, paperRoles } from './access';
import { mayTransition, stateLabel } from './workflow';
import { bodyOfTenant, lockPaper, paperName, setState, touchPaper } from './paper-data';
import { currentBodyMembers, uniqueByEmail } from './recipients';
import { paperDecidedMail } from './mail';
import { requireUuid } from '../shared';
import { notify } from '../notifications/notify';

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

const INSTRUCTION_FIELDS: Record<string, string> = {
	bodyId: 'body',
	dueDate: 'due',
	organizationId: 'organization'
};

/** The result form's fields: result, resultText and instruction_<i>_<field>. */
function parseResult(raw: unknown) {
	const parsed = resultInput.safeParse(raw);
	if (parsed.success) return parsed.data;
	const errors: Record<string, string> = {};
	for (const issue of parsed.error.issues) {
		const key =
			issue.path[0] === 'instructions'
				? `instruction_${String(issue.path[1])}_${INSTRUCTION_FIELDS[String(issue.path[2])] ?? 'text'}`
				: String(issue.path[0] ?? 'form');
		errors[key] ??= issue.message;
	}
	throw new ValidationError(errors);
}

/** Instructions go to bodies and organisations of the tenant. */
async function checkInstructions(ctx: TenantCtx, list: InstructionData[]) {
	const tenantId = ctx.tenant.id;
	const errors: Record<string, string> = {};
	for (const [i, ins] of list.entries()) {
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
}

export interface ResultUseCaseInput {
	consultationId: unknown;
	/** the meeting the page names: the consultation must be on its agenda */
	meetingId?: unknown;
	result?: unknown;
	resultText?: unknown;
	instructions?: unknown;
}

/**
 * Records the result of a consultation: on the consultation, on the meeting's agenda item (its
 * decision) and, for consultations with the role "decision" or "information", as the paper's new
 * state. Each instruction becomes an action item of the addressed body; the originating body's
 * members and the addressed bodies' members are told by mail.
 */
export async function recordConsultationResult(
	ctx: TenantCtx,
	raw: ResultUseCaseInput
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const consultationId = requireUuid(raw.consultationId);
	const [c] = await ctx.db
		.select()
		.from(consultations)
		.where(and(eq(consultations.tenantId, tenantId), eq(consultations.id, consultationId)));
	if (!c) throw new NotFoundError();
	if (raw.meetingId !== undefined && requireUuid(raw.meetingId) !== c.meetingId)
		throw new NotFoundError();
	const pc = await loadVisiblePaper(ctx.db, ctx.actor, tenantId, c.paperId);
	const actor = ctx.actor!;
	if (!can(actor, 'meeting.manage', { tenantId, bodyId: c.bodyId })) throw new NotFoundError();
	const input = parseResult(raw);
	await checkInstructions(ctx, input.instructions);

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
			await setAgendaItemDecisionInTx(
				tx,
				tenantId,
				c.agendaItemId,
				input.resultText ? `${resultLabel}: ${input.resultText}` : resultLabel
			);
		const paper = changesState ? await setState(tx, ctx, before, input.result) : before;
		if (!changesState) await touchPaper(tx, before.id);

		const created: CreatedInstruction[] = [];
		for (const ins of input.instructions) {
			// the addressed body's action item, kept by the minutes domain
			const item = await insertActionItem(
				tx,
				ctx,
				{ tenantId, bodyId: ins.bodyId, meetingId: c.meetingId, agendaItemId: c.agendaItemId },
				{
					title: ins.text.length > 200 ? `${ins.text.slice(0, 197)}…` : ins.text,
					description: `${ins.text}\n\nHandlungsanweisung aus Vorlage ${before.reference} „${before.title}“`,
					assigneeOrganizationId: ins.organizationId,
					dueDate: ins.dueDate
				}
			);
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
			before: { name: paperName(before), result: null },
			after: {
				name: paperName(before),
				result: input.result,
				resultText: input.resultText ?? null,
				instructions: created.length
			}
		});
		await notifyDecided(tx, ctx, paper, c.id, resultLabel, input.resultText ?? null, created);
	});
}

interface CreatedInstruction {
	bodyId: string;
	text: string;
	dueDate: string | null;
}

/** Tells the members of the originating body and of the instructed bodies about the decision. */
async function notifyDecided(
	tx: Executor,
	ctx: TenantCtx,
	paper: Paper,
	consultationId: string,
	resultLabel: string,
	resultText: string | null,
	created: CreatedInstruction[]
) {
	const bodyIds = [
		...new Set([paper.originatingBodyId, ...created.map((c) => c.bodyId)].filter(Boolean))
	] as string[];
	if (bodyIds.length === 0) return;
	const names = new Map(
		(
			await tx
				.select({ id: bodies.id, name: bodies.name })
				.from(bodies)
				.where(inArray(bodies.id, bodyIds))
		).map((b) => [b.id, b.name])
	);
	const people = [];
	for (const bodyId of bodyIds) people.push(...(await currentBodyMembers(tx, bodyId)));
	const link = `${ctx.origin}/app/${ctx.tenant.slug}/vorlagen/${paper.id}`;
	for (const p of uniqueByEmail(people)) {
		// through the person's notification setting; once per consultation result and person
		await notify(tx, {
			origin: ctx.origin,
			tenantId: paper.tenantId,
			userId: p.userId,
			kind: 'paper',
			key: `paper.decided:${consultationId}`,
			link,
			mail: (r) =>
				paperDecidedMail({
					...r,
					reference: paper.reference,
					title: paper.title,
					result: resultLabel,
					resultText,
					instructions: created.map((c) => ({
						body: names.get(c.bodyId) ?? '',
						text: c.text,
						dueDate: c.dueDate
					})),
					link
				})
		});
	}
}
