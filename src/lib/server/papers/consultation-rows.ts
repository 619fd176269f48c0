import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { bodies } from '../bodies/schema';
import { agendaItems, meetings } from '../meetings/schema';
import { consultations } from './schema';

/** A paper's consultations with their meeting, body and agenda item, by meeting date. */
export async function consultationRows(db: Executor, paperId: string) {
	return db
		.select({
			c: consultations,
			meeting: meetings,
			bodyName: bodies.name,
			bodyVisibility: bodies.visibility,
			position: agendaItems.position,
			itemPublic: agendaItems.isPublic
		})
		.from(consultations)
		.innerJoin(meetings, eq(meetings.id, consultations.meetingId))
		.innerJoin(bodies, eq(bodies.id, consultations.bodyId))
		.leftJoin(agendaItems, eq(agendaItems.id, consultations.agendaItemId))
		.where(eq(consultations.paperId, paperId))
		.orderBy(asc(meetings.startsAt));
}
