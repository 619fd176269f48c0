/**
 * Notifications of the minutes domain (through notifications/notify.ts, which applies each
 * person's setting and gives every key once): an action item given to a person, and published
 * minutes that name a person (present at the meeting or assigned an action item in it).
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { tenants } from '../tenants/schema';
import { bodies } from '../bodies/schema';
import type { Meeting } from '../meetings/schema';
import { composeMail } from '../mail/compose';
import { notify } from '../notifications/notify';
import { dateText } from '../shared/date-text';
import { actionItems, meetingAttendance, type ActionItem } from './schema';

async function slugAndBody(tx: Executor, tenantId: string, bodyId: string) {
	const [row] = await tx
		.select({ slug: tenants.slug, bodyName: bodies.name })
		.from(bodies)
		.innerJoin(tenants, eq(tenants.id, bodies.tenantId))
		.where(and(eq(bodies.tenantId, tenantId), eq(bodies.id, bodyId)));
	return row;
}

/** The assignee of a new or reassigned item hears of it (not when they assigned it themselves). */
export async function notifyActionItemAssigned(
	tx: Executor,
	ctx: Ctx,
	item: ActionItem
): Promise<void> {
	const userId = item.assigneeUserId;
	if (!userId || userId === ctx.actor?.userId) return;
	const { slug, bodyName } = await slugAndBody(tx, item.tenantId, item.bodyId);
	const link = `${ctx.origin}/app/${slug}/aufgaben#task-${item.id}`;
	await notify(tx, {
		origin: ctx.origin,
		tenantId: item.tenantId,
		userId,
		kind: 'action_item',
		key: `action_item.assigned:${item.id}:${userId}`,
		link,
		mail: (r) => {
			const { locale } = r;
			const due = item.dueDate
				? m.workspace_mail_due_on({ date: dateText(item.dueDate, locale) }, { locale })
				: m.workspace_mail_no_due({}, { locale });
			return composeMail(
				r,
				m.workspace_mail_assigned_subject({ title: item.title }, { locale }),
				m.workspace_mail_assigned_body(
					{ name: r.name, body: bodyName, title: item.title, due, link },
					{ locale }
				)
			);
		}
	});
}

/** Everyone the published minutes name: present members and assignees of its action items. */
export async function notifyMinutesPublished(
	tx: Executor,
	ctx: Ctx,
	meeting: Meeting
): Promise<void> {
	const tenantId = meeting.tenantId;
	const [present, assigned] = await Promise.all([
		tx
			.select({ userId: meetingAttendance.userId })
			.from(meetingAttendance)
			.where(
				and(
					eq(meetingAttendance.tenantId, tenantId),
					eq(meetingAttendance.meetingId, meeting.id),
					eq(meetingAttendance.status, 'present'),
					isNotNull(meetingAttendance.userId)
				)
			),
		tx
			.select({ userId: actionItems.assigneeUserId })
			.from(actionItems)
			.where(
				and(
					eq(actionItems.tenantId, tenantId),
					eq(actionItems.meetingId, meeting.id),
					isNotNull(actionItems.assigneeUserId)
				)
			)
	]);
	const people = new Set(
		[...present, ...assigned].map((r) => r.userId).filter((id): id is string => !!id)
	);
	people.delete(ctx.actor?.userId ?? '');
	if (people.size === 0) return;
	const { slug, bodyName } = await slugAndBody(tx, tenantId, meeting.bodyId);
	const link = `${ctx.origin}/app/${slug}/sitzungen/${meeting.id}/protokoll`;
	for (const userId of people) {
		await notify(tx, {
			origin: ctx.origin,
			tenantId,
			userId,
			kind: 'minutes',
			key: `minutes.published:${meeting.id}`,
			link,
			mail: (r) => {
				const { locale } = r;
				const date = dateText(meeting.startsAt, locale);
				return composeMail(
					r,
					m.workspace_mail_minutes_subject({ body: bodyName, date }, { locale }),
					m.workspace_mail_minutes_body({ name: r.name, body: bodyName, date, link }, { locale })
				);
			}
		});
	}
}
