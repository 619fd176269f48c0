/**
 * A meeting of a public body on the public site: date, place, the public agenda items, and the
 * published minutes in their public version (see ./documents.ts: no non-public items, no names
 * of persons). Anything else — unknown ids, another tenant's meeting, a body that is not public,
 * a tenant that is not public — is null, i.e. 404.
 */
import { and, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { bodies } from '../bodies/schema';
import { meetings } from '../meetings/schema';
import { buildMinutesView, meetingFacts, type MinutesView } from './minutes';
import { canReadMinutes, minutesReader } from './visibility';
import { isUuid } from '../shared';

export interface PublicMeeting {
	tenant: { id: string; name: string; slug: string };
	meeting: MinutesView['meeting'];
	body: MinutesView['body'];
	/** the public agenda items (without notes unless the minutes are published) */
	agenda: {
		number: number;
		title: string;
		description: string | null;
		speakers: string[];
	}[];
	/** the published minutes, public version; null before publication */
	minutes: MinutesView | null;
}

/** The meeting of the request's tenant (the hook resolved it as a public tenant). */
export async function getPublicMeeting(
	ctx: TenantCtx,
	input: { meetingId: string }
): Promise<PublicMeeting | null> {
	const { db, tenant } = ctx;
	const { meetingId } = input;
	if (!tenant.isPublic || !isUuid(meetingId)) return null;
	const [row] = await db
		.select({ meeting: meetings, body: bodies })
		.from(meetings)
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(and(eq(meetings.tenantId, tenant.id), eq(meetings.id, meetingId)));
	if (!row || row.body.visibility !== 'public') return null;
	const reader = minutesReader(null, row.body, false);
	if (!reader.canSeeBody) return null;
	const view = await buildMinutesView(db, row.meeting, row.body, {
		publicOnly: true,
		withSuggestions: false
	});
	const published = canReadMinutes(row.meeting.minutesState, reader);
	return {
		tenant: { id: tenant.id, name: tenant.name, slug: tenant.slug },
		meeting: await meetingFacts(db, row.meeting),
		body: view.body,
		agenda: view.items.map((i) => ({
			number: i.number,
			title: i.title,
			description: i.description,
			speakers: i.speakers.map((s) => s.affiliation).filter((a): a is string => !!a)
		})),
		minutes: published ? view : null
	};
}
