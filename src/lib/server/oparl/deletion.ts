/**
 * Tombstones for the OParl interface: when a service hard-deletes an object that may have been
 * public, it records the deletion in the same transaction, so that clients syncing with
 * `modified_since` learn about it (`{ id, type, deleted: true, modified }`).
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { consultations } from '../papers/schema';
import { oparlTombstones } from './schema';
import { agendaItems, files, meetings } from '../meetings/schema';
import { bodyMemberships } from '../bodies/schema';
import { protocolFileId, type TenantObjectType } from './urls';

/**
 * Records that an object of the tenant is gone. objectType is the OParl type name
 * ("Meeting", "Organization", "Paper", "File" …); objectId the row id (for a Person the user id,
 * for a Location the meeting id).
 */
export async function recordOParlDeletion(
	tx: Executor,
	tenantId: string,
	objectType: TenantObjectType,
	objectId: string
): Promise<void> {
	await tx.insert(oparlTombstones).values({ tenantId, objectType, objectId });
}

async function recordMany(
	tx: Executor,
	tenantId: string,
	rows: { objectType: TenantObjectType; objectId: string }[]
) {
	if (rows.length === 0) return;
	await tx.insert(oparlTombstones).values(rows.map((r) => ({ tenantId, ...r })));
}

/**
 * Call before deleting a meeting: records the meeting, its location, its agenda items, their
 * consultations, the meeting's files (which the delete cascades away) and its published minutes.
 */
export async function recordOParlMeetingDeletion(
	tx: Executor,
	tenantId: string,
	meetingId: string
): Promise<void> {
	const items = await tx
		.select({ id: agendaItems.id })
		.from(agendaItems)
		.where(and(eq(agendaItems.tenantId, tenantId), eq(agendaItems.meetingId, meetingId)));
	const itemIds = items.map((i) => i.id);
	const fileRows = await tx
		.select({ id: files.id })
		.from(files)
		.where(
			and(
				eq(files.tenantId, tenantId),
				itemIds.length
					? or(eq(files.meetingId, meetingId), inArray(files.agendaItemId, itemIds))
					: eq(files.meetingId, meetingId)
			)
		);
	const cons = await tx
		.select({ id: consultations.id })
		.from(consultations)
		.where(and(eq(consultations.tenantId, tenantId), eq(consultations.meetingId, meetingId)));
	const [meeting] = await tx
		.select({ state: meetings.minutesState, publishedAt: meetings.minutesPublishedAt })
		.from(meetings)
		.where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, meetingId)));
	const hadMinutes = !!meeting && (meeting.state === 'published' || !!meeting.publishedAt);
	await recordMany(tx, tenantId, [
		{ objectType: 'Meeting', objectId: meetingId },
		{ objectType: 'Location', objectId: meetingId },
		...(hadMinutes ? [{ objectType: 'File' as const, objectId: protocolFileId(meetingId) }] : []),
		...itemIds.map((id) => ({ objectType: 'AgendaItem' as const, objectId: id })),
		...cons.map((c) => ({ objectType: 'Consultation' as const, objectId: c.id })),
		...fileRows.map((f) => ({ objectType: 'File' as const, objectId: f.id }))
	]);
}

/**
 * Call before deleting a body (Gremium): records the Organization, its memberships and
 * everything of its meetings.
 */
export async function recordOParlBodyDeletion(
	tx: Executor,
	tenantId: string,
	bodyId: string
): Promise<void> {
	const ms = await tx
		.select({ id: meetings.id })
		.from(meetings)
		.where(and(eq(meetings.tenantId, tenantId), eq(meetings.bodyId, bodyId)));
	for (const m of ms) await recordOParlMeetingDeletion(tx, tenantId, m.id);
	const members = await tx
		.select({ id: bodyMemberships.id })
		.from(bodyMemberships)
		.where(and(eq(bodyMemberships.tenantId, tenantId), eq(bodyMemberships.bodyId, bodyId)));
	await recordMany(tx, tenantId, [
		{ objectType: 'Organization', objectId: bodyId },
		...members.map((m) => ({ objectType: 'Membership' as const, objectId: m.id }))
	]);
}

/**
 * Call before deleting a paper: records the paper and its consultations (its files stay and are
 * no longer public through it; a File no longer attached anywhere public shows as deleted).
 */
export async function recordOParlPaperDeletion(
	tx: Executor,
	tenantId: string,
	paperId: string
): Promise<void> {
	const cons = await tx
		.select({ id: consultations.id })
		.from(consultations)
		.where(and(eq(consultations.tenantId, tenantId), eq(consultations.paperId, paperId)));
	await recordMany(tx, tenantId, [
		{ objectType: 'Paper', objectId: paperId },
		...cons.map((c) => ({ objectType: 'Consultation' as const, objectId: c.id }))
	]);
}
