/**
 * A person of the demo for the e2e test that deletes an account (e2e/privacy/member-deletes-
 * account.spec.ts), used by no other test: Jana Lorenz, a member of Landkreis Gifhorn and of its
 * small "Projektgruppe Patenschaften Nordkreis", present at its one held meeting, whose minutes are
 * approved (so her name stays there as recorded after the deletion).
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { tenants } from '../tenants/schema';
import { users } from '../auth/schema';
import { bodies, bodyMemberships } from '../bodies/schema';
import { agendaItems, meetings } from '../meetings/schema';
import { meetingAttendance } from '../minutes/schema';
import { buildUser, grantRole } from '../factories';

export const DELETION_DEMO = {
	email: 'j.lorenz@landkreis-gifhorn.example',
	name: 'Jana Lorenz',
	body: 'Projektgruppe Patenschaften Nordkreis',
	tenantSlug: 'landkreis-gifhorn'
} as const;

const DAY = 24 * 60 * 60 * 1000;

export async function seedAccountDeletion(
	tx: Executor,
	{ password }: { password: string }
): Promise<void> {
	const [gifhorn] = await tx
		.select({ id: tenants.id })
		.from(tenants)
		.where(eq(tenants.slug, DELETION_DEMO.tenantSlug));
	const [coordinator] = await tx
		.select({ id: users.id })
		.from(users)
		.where(eq(users.email, 'koordination@gifhorn.example'));
	if (!gifhorn || !coordinator) return;
	const jana = await buildUser(tx, {
		email: DELETION_DEMO.email,
		name: DELETION_DEMO.name,
		password
	});
	await grantRole(tx, gifhorn.id, jana.id, 'member');
	const since = new Date(Date.now() - 200 * DAY);
	const [body] = await tx
		.insert(bodies)
		.values({
			tenantId: gifhorn.id,
			kind: 'project_group',
			name: DELETION_DEMO.body,
			shortName: 'PG Patenschaften',
			description: 'Ehrenamtliche aus Wittingen und Hankensbüttel stimmen ihre Patenschaften ab.',
			visibility: 'network',
			createdAt: since
		})
		.returning();
	const startDate = since.toISOString().slice(0, 10);
	await tx.insert(bodyMemberships).values([
		{ tenantId: gifhorn.id, bodyId: body.id, userId: coordinator.id, role: 'moderator', startDate },
		{ tenantId: gifhorn.id, bodyId: body.id, userId: jana.id, role: 'member', startDate }
	]);
	const startsAt = new Date(Date.now() - 60 * DAY);
	startsAt.setUTCHours(15, 0, 0, 0);
	const endsAt = new Date(startsAt.getTime() + 2 * 60 * 60 * 1000);
	const [meeting] = await tx
		.insert(meetings)
		.values({
			tenantId: gifhorn.id,
			bodyId: body.id,
			startsAt,
			endsAt,
			locationKind: 'room',
			location: 'Rathaus Wittingen, Sitzungszimmer',
			state: 'held',
			invitedAt: new Date(startsAt.getTime() - 21 * DAY),
			minutesState: 'approved',
			minutesSharedAt: new Date(endsAt.getTime() + 3 * DAY),
			minutesApprovedAt: new Date(endsAt.getTime() + 10 * DAY),
			createdAt: new Date(startsAt.getTime() - 30 * DAY),
			updatedAt: new Date(endsAt.getTime() + 10 * DAY)
		})
		.returning();
	await tx.insert(agendaItems).values({
		tenantId: gifhorn.id,
		meetingId: meeting.id,
		position: 1,
		title: 'Patenschaften im Nordkreis',
		notes: 'Zwölf Patenschaften laufen; drei Familien warten auf eine Patin oder einen Paten.'
	});
	await tx.insert(meetingAttendance).values([
		{ tenantId: gifhorn.id, meetingId: meeting.id, userId: coordinator.id, status: 'present' },
		{ tenantId: gifhorn.id, meetingId: meeting.id, userId: jana.id, status: 'present' }
	]);
}
