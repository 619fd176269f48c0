/**
 * Guest speakers (Referent:innen) of agenda items: they need no account. The item and the
 * speaker are checked against the meeting in the URL.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import { NotFoundError } from '../errors';
import { recordAudit } from '../audit/record';
import { agendaItems, agendaItemSpeakers } from './schema';
import { loadMeetingToManage } from './access';
import { blank, findItem, lockAgenda } from './agenda-items';
import { parseOrThrow, isUuid } from '../shared';

export const speakerInput = z.object({
	name: z
		.string({ error: 'meetings_error_speaker_name_required' })
		.trim()
		.min(1, { error: 'meetings_error_speaker_name_required' })
		.max(200, { error: 'meetings_error_speaker_name_too_long' }),
	affiliation: z.preprocess(
		blank,
		z.string().trim().max(200, { error: 'meetings_error_speaker_affiliation_too_long' }).optional()
	),
	email: z.preprocess(
		blank,
		z.email({ error: 'meetings_error_speaker_email_invalid' }).max(254).optional()
	)
});

/** Adds a guest speaker (Referent:in, no account needed) to an item. */
export async function addSpeaker(
	ctx: TenantCtx,
	input: Record<string, unknown> & { meetingId: string; itemId?: unknown }
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	const { meeting } = await loadMeetingToManage(ctx, tenantId, input.meetingId);
	const parsed = parseOrThrow(speakerInput, input);
	return ctx.db.transaction(async (tx) => {
		await lockAgenda(tx, tenantId, meeting.id);
		const item = await findItem(tx, tenantId, meeting.id, input.itemId);
		const [row] = await tx
			.insert(agendaItemSpeakers)
			.values({
				tenantId,
				agendaItemId: item.id,
				name: parsed.name,
				affiliation: parsed.affiliation ?? null,
				email: parsed.email?.toLowerCase() ?? null
			})
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'agenda_item.speaker_add',
			entityType: 'agenda_item',
			entityId: item.id,
			after: { name: item.title, speaker: row.name, affiliation: row.affiliation }
		});
		return { id: row.id };
	});
}

/** Removes a speaker of an item of the meeting (input.speakerId). */
export async function removeSpeaker(
	ctx: TenantCtx,
	input: { meetingId: string; speakerId?: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const { meeting } = await loadMeetingToManage(ctx, tenantId, input.meetingId);
	const speakerId = input.speakerId;
	if (!isUuid(speakerId)) throw new NotFoundError();
	await ctx.db.transaction(async (tx) => {
		await lockAgenda(tx, tenantId, meeting.id);
		const [row] = await tx
			.select({ speaker: agendaItemSpeakers, item: agendaItems })
			.from(agendaItemSpeakers)
			.innerJoin(agendaItems, eq(agendaItems.id, agendaItemSpeakers.agendaItemId))
			.where(
				and(
					eq(agendaItemSpeakers.tenantId, tenantId),
					eq(agendaItemSpeakers.id, speakerId),
					eq(agendaItems.meetingId, meeting.id)
				)
			);
		if (!row) throw new NotFoundError();
		await tx.delete(agendaItemSpeakers).where(eq(agendaItemSpeakers.id, speakerId));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'agenda_item.speaker_remove',
			entityType: 'agenda_item',
			entityId: row.item.id,
			before: { name: row.item.title, speaker: row.speaker.name }
		});
	});
}
