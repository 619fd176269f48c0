import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDb, testTenantCtx } from '../db/testing/test-db';
import { withTenant } from '../context';
import {
	buildActionItem,
	buildBody,
	buildFieldOfAction,
	buildMeeting,
	buildMembership,
	buildOrganization,
	buildUser,
	grantRole
} from '../factories';
import { inBody, tenantScenario } from '../db/testing/test-actors';
import { auditLog } from '../audit/schema';
import { NotFoundError, ValidationError } from '../errors';
import { bodies } from './schema';
import { createBody, setBodyArchived, updateBody } from './bodies';
import { getBodyForEdit, getBodyPage } from './views';
import { listBodies } from './list';
import { getPublicBody, listPublicBodies } from './public';
import { bodyFilter } from './validation';

const database = useTestDb();

async function setup() {
	const { db, tenant, other, ctxFor } = await tenantScenario(database.db, { isPublic: true });
	const field = await buildFieldOfAction(db, tenant.id, { names: { de: 'Bildung' } });
	const otherField = await buildFieldOfAction(db, other.id);
	return { db, tenant, other, field, otherField, ctxFor };
}

const valid = (extra: Record<string, unknown> = {}) => ({
	kind: 'working_group',
	name: 'Arbeitskreis Bildung',
	shortName: 'AK Bildung',
	description: 'Sprachförderung, Schule, Ausbildung',
	fieldOfActionId: '',
	guidingQuestions: 'Wie erreichen wir Eltern?\n\n  Welche Angebote fehlen?  \n',
	visibility: 'network',
	cadenceKind: 'weeks',
	cadenceMinWeeks: '6',
	cadenceMaxWeeks: '8',
	preferredWeekday: '2',
	preferredTime: '14:00',
	durationMinutes: '120',
	defaultLocation: 'Rathaus, Raum 2',
	rotateHost: 'on',
	reminderDays: '3',
	...extra
});

const all = bodyFilter.parse({});

describe('createBody and updateBody', () => {
	it('a coordinator creates a body with its meeting series; it is stored and audited', async () => {
		const { db, tenant, field, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		const { id } = await createBody(withTenant(ctx, tenant), valid({ fieldOfActionId: field.id }));
		const [row] = await db.select().from(bodies).where(eq(bodies.id, id));
		expect(row).toMatchObject({
			tenantId: tenant.id,
			kind: 'working_group',
			name: 'Arbeitskreis Bildung',
			shortName: 'AK Bildung',
			fieldOfActionId: field.id,
			guidingQuestions: 'Wie erreichen wir Eltern?\nWelche Angebote fehlen?',
			visibility: 'network',
			cadenceKind: 'weeks',
			cadenceMinWeeks: 6,
			cadenceMaxWeeks: 8,
			preferredWeekday: 2,
			preferredTime: '14:00',
			durationMinutes: 120,
			rotateHost: true,
			reminderDays: 3,
			archivedAt: null
		});
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'body.create')));
		expect(audit).toMatchObject({ tenantId: tenant.id, actorId: ctx.actor!.userId });
		expect(audit.after).toMatchObject({ name: 'Arbeitskreis Bildung', cadenceMinWeeks: 6 });
	});

	it('answers bad input with a message key per field and writes nothing', async () => {
		const { db, tenant, otherField, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		const attempt = createBody(
			withTenant(ctx, tenant),
			valid({
				kind: '',
				name: ' ',
				visibility: 'secret',
				cadenceMinWeeks: '8',
				cadenceMaxWeeks: '6',
				preferredTime: '25:00',
				preferredWeekday: '9',
				durationMinutes: 'lang'
			})
		);
		await expect(attempt).rejects.toBeInstanceOf(ValidationError);
		await expect(attempt).rejects.toMatchObject({
			fieldErrors: {
				kind: 'bodies_error_kind_required',
				name: 'bodies_error_name_required',
				visibility: 'bodies_error_visibility_required',
				preferredTime: 'bodies_error_time_invalid',
				preferredWeekday: 'bodies_error_weekday_invalid',
				durationMinutes: 'bodies_error_duration_invalid'
			}
		});
		// max weeks below min weeks, on otherwise valid input
		await expect(
			createBody(withTenant(ctx, tenant), valid({ cadenceMinWeeks: '8', cadenceMaxWeeks: '6' }))
		).rejects.toMatchObject({ fieldErrors: { cadenceMaxWeeks: 'bodies_error_max_below_min' } });
		await expect(
			createBody(withTenant(ctx, tenant), valid({ cadenceMinWeeks: '', cadenceMaxWeeks: '' }))
		).rejects.toMatchObject({
			fieldErrors: {
				cadenceMinWeeks: 'bodies_error_min_weeks_required',
				cadenceMaxWeeks: 'bodies_error_max_weeks_required'
			}
		});
		// a field of action of another tenant is refused like an unknown one
		await expect(
			createBody(withTenant(ctx, tenant), valid({ fieldOfActionId: otherField.id }))
		).rejects.toMatchObject({ fieldErrors: { fieldOfActionId: 'bodies_error_field_invalid' } });
		expect(await db.select().from(bodies).where(eq(bodies.tenantId, tenant.id))).toHaveLength(0);
	});

	it('clears the week range when the cadence is not "weeks"', async () => {
		const { db, tenant, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		const { id } = await createBody(
			withTenant(ctx, tenant),
			valid({ cadenceKind: 'quarterly', rotateHost: '', reminderDays: '' })
		);
		const [row] = await db.select().from(bodies).where(eq(bodies.id, id));
		expect(row).toMatchObject({
			cadenceKind: 'quarterly',
			cadenceMinWeeks: null,
			cadenceMaxWeeks: null,
			rotateHost: false,
			reminderDays: null
		});
	});

	it('only coordinators create, edit and archive: others get NotFoundError', async () => {
		const { db, tenant, ctxFor } = await setup();
		const body = await buildBody(db, tenant.id, { name: 'AK Integration' });
		for (const role of ['member', 'editor', 'steering', 'guest', 'other', 'none'] as const) {
			const ctx = await ctxFor(role);
			await expect(createBody(withTenant(ctx, tenant), valid())).rejects.toBeInstanceOf(
				NotFoundError
			);
			await expect(
				updateBody(withTenant(ctx, tenant), { bodyId: body.id, ...valid() })
			).rejects.toBeInstanceOf(NotFoundError);
			await expect(
				setBodyArchived(withTenant(ctx, tenant), { bodyId: body.id, archived: true })
			).rejects.toBeInstanceOf(NotFoundError);
			await expect(
				getBodyForEdit(withTenant(ctx, tenant), { bodyId: body.id })
			).rejects.toBeInstanceOf(NotFoundError);
		}
		// a speaker of the body may plan meetings but not change the body itself
		const speakerCtx = await ctxFor('member', inBody(body, 'speaker'));
		await expect(
			updateBody(withTenant(speakerCtx, tenant), { bodyId: body.id, ...valid() })
		).rejects.toBeInstanceOf(NotFoundError);
		const [row] = await db.select().from(bodies).where(eq(bodies.id, body.id));
		expect(row).toMatchObject({ name: 'AK Integration', archivedAt: null });
	});

	it('a coordinator of another tenant can neither see nor change the body, even with its id', async () => {
		const { db, tenant, other, ctxFor } = await setup();
		const body = await buildBody(db, tenant.id, { visibility: 'network' });
		const foreign = await ctxFor('other');
		// through the other tenant's id: the body is not found there
		await expect(
			updateBody(withTenant(foreign, other), { bodyId: body.id, ...valid() })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			setBodyArchived(withTenant(foreign, other), { bodyId: body.id, archived: true })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			getBodyPage(withTenant(foreign, other), { bodyId: body.id })
		).rejects.toBeInstanceOf(NotFoundError);
		// through this tenant's id: no role here
		await expect(
			getBodyPage(withTenant(foreign, tenant), { bodyId: body.id })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(listBodies(withTenant(foreign, tenant), all)).rejects.toBeInstanceOf(
			NotFoundError
		);
		expect((await listBodies(withTenant(foreign, other), all)).rows).toHaveLength(0);
	});

	it('updates a body and records before and after', async () => {
		const { db, tenant, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		const { id } = await createBody(withTenant(ctx, tenant), valid());
		await updateBody(withTenant(ctx, tenant), {
			bodyId: id,
			...valid({ name: 'AK Bildung und Sprache', cadenceKind: 'half_yearly', visibility: 'public' })
		});
		const [row] = await db.select().from(bodies).where(eq(bodies.id, id));
		expect(row).toMatchObject({
			name: 'AK Bildung und Sprache',
			cadenceKind: 'half_yearly',
			visibility: 'public'
		});
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'body.update')));
		expect(audit.before).toMatchObject({ name: 'Arbeitskreis Bildung' });
		expect(audit.after).toMatchObject({ name: 'AK Bildung und Sprache' });
	});

	it('archives and restores; archived bodies are hidden from the list unless asked for', async () => {
		const { db, tenant, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		const { id } = await createBody(withTenant(ctx, tenant), valid());
		await setBodyArchived(withTenant(ctx, tenant), { bodyId: id, archived: true });
		const [row] = await db.select().from(bodies).where(eq(bodies.id, id));
		expect(row.archivedAt).toBeInstanceOf(Date);
		expect((await listBodies(withTenant(ctx, tenant), all)).rows.map((r) => r.id)).not.toContain(
			id
		);
		const withArchived = await listBodies(
			withTenant(ctx, tenant),
			bodyFilter.parse({ archived: '1' })
		);
		expect(withArchived.rows.find((r) => r.id === id)).toMatchObject({ archived: true });
		await setBodyArchived(withTenant(ctx, tenant), { bodyId: id, archived: false });
		expect((await listBodies(withTenant(ctx, tenant), all)).rows.map((r) => r.id)).toContain(id);
		const actions = await db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.entityId, id));
		expect(actions.map((a) => a.action)).toEqual(
			expect.arrayContaining(['body.archive', 'body.unarchive'])
		);
	});
});

describe('visibility', () => {
	it('members-only bodies are hidden from non-members, in the list and by id', async () => {
		const { db, tenant, ctxFor } = await setup();
		const open = await buildBody(db, tenant.id, { name: 'Netzwerk', visibility: 'network' });
		const closed = await buildBody(db, tenant.id, {
			name: 'Steuerungsgruppe',
			kind: 'steering_group',
			visibility: 'members'
		});
		const outsider = await ctxFor('member');
		const ids = (await listBodies(withTenant(outsider, tenant), all)).rows.map((r) => r.id);
		expect(ids).toContain(open.id);
		expect(ids).not.toContain(closed.id);
		await expect(
			getBodyPage(withTenant(outsider, tenant), { bodyId: closed.id })
		).rejects.toBeInstanceOf(NotFoundError);
		// a member of the closed body sees it, with themselves as member
		const insiderCtx = await ctxFor('member', inBody(closed, 'member'));
		expect((await listBodies(withTenant(insiderCtx, tenant), all)).rows.map((r) => r.id)).toContain(
			closed.id
		);
		const page = await getBodyPage(withTenant(insiderCtx, tenant), { bodyId: closed.id });
		expect(page.isMember).toBe(true);
		expect(page.members.current.map((x) => x.userId)).toEqual([insiderCtx.actor!.userId]);
		// coordinators see every body
		const coordinator = await ctxFor('coordinator');
		expect((await listBodies(withTenant(coordinator, tenant), all)).rows.map((r) => r.id)).toEqual(
			expect.arrayContaining([open.id, closed.id])
		);
		// nobody signed in: not even the network body
		await expect(listBodies(withTenant(await ctxFor('none'), tenant), all)).rejects.toBeInstanceOf(
			NotFoundError
		);
	});

	it('the list shows the next planned or invited meeting, not past or cancelled ones', async () => {
		const { db, tenant, ctxFor } = await setup();
		const body = await buildBody(db, tenant.id);
		const day = 86_400_000;
		await buildMeeting(db, body, { startsAt: new Date(Date.now() - 3 * day), state: 'held' });
		await buildMeeting(db, body, { startsAt: new Date(Date.now() + 2 * day), state: 'cancelled' });
		const next = await buildMeeting(db, body, {
			startsAt: new Date(Date.now() + 5 * day),
			state: 'invited'
		});
		await buildMeeting(db, body, { startsAt: new Date(Date.now() + 40 * day) });
		const ctx = await ctxFor('member');
		const row = (await listBodies(withTenant(ctx, tenant), all)).rows.find((r) => r.id === body.id);
		expect(row?.nextMeeting?.toISOString()).toBe(next.startsAt.toISOString());
		expect(row?.canJoin).toBe(true);
	});

	it('the body page lists meetings, minutes state and open action items, overdue ones marked', async () => {
		const { db, tenant, ctxFor } = await setup();
		const body = await buildBody(db, tenant.id);
		const org = await buildOrganization(db, tenant.id, { name: 'Caritas' });
		const day = 86_400_000;
		const past = await buildMeeting(db, body, {
			startsAt: new Date(Date.now() - 10 * day),
			state: 'held',
			minutesState: 'approved'
		});
		const upcoming = await buildMeeting(db, body, { startsAt: new Date(Date.now() + 10 * day) });
		await buildActionItem(db, body, { title: 'Flyer drucken', dueDate: '2000-01-01' });
		await buildActionItem(db, body, {
			title: 'Raum anfragen',
			state: 'in_progress',
			assigneeOrganizationId: org.id
		});
		await buildActionItem(db, body, { title: 'Erledigt', state: 'done' });
		const otherBody = await buildBody(db, tenant.id);
		await buildActionItem(db, otherBody, { title: 'Fremde Aufgabe' });
		const page = await getBodyPage(withTenant(await ctxFor('member'), tenant), { bodyId: body.id });
		expect(page.upcoming.map((x) => x.id)).toEqual([upcoming.id]);
		expect(page.past).toMatchObject([{ id: past.id, minutesState: 'approved' }]);
		expect(page.actionItems.map((a) => a.title)).toEqual(['Flyer drucken', 'Raum anfragen']);
		expect(page.actionItems[0].overdue).toBe(true);
		expect(page.actionItems[1]).toMatchObject({
			overdue: false,
			assigneeOrganization: 'Caritas',
			state: 'in_progress'
		});
		expect(page.actionItemsTotal).toBe(2);
		expect(page.canManageBody).toBe(false);
		expect(page.canPlan).toBe(false);
	});

	it('public pages show public bodies with member organisations, never persons', async () => {
		const { db, tenant } = await setup();
		const pub = await buildBody(db, tenant.id, {
			name: 'Integrationsbeirat',
			visibility: 'public'
		});
		const net = await buildBody(db, tenant.id, { visibility: 'network' });
		const archived = await buildBody(db, tenant.id, {
			visibility: 'public',
			archivedAt: new Date()
		});
		const org = await buildOrganization(db, tenant.id, { name: 'Diakonie' });
		const hidden = await buildOrganization(db, tenant.id, { name: 'Verdeckt', isPublic: false });
		const person = await buildUser(db, { name: 'Erika Mustermann' });
		await grantRole(db, tenant.id, person.id, 'member');
		await buildMembership(db, pub, person.id, 'speaker', { organizationId: org.id });
		const second = await buildUser(db);
		await buildMembership(db, pub, second.id, 'member', { organizationId: hidden.id });
		const held = await buildMeeting(db, pub, {
			startsAt: new Date(Date.now() - 20 * 86_400_000),
			state: 'held',
			minutesState: 'published'
		});
		expect((await listPublicBodies(testTenantCtx(db, tenant))).map((b) => b.id)).toEqual([pub.id]);
		await expect(
			getPublicBody(testTenantCtx(db, tenant), { bodyId: net.id })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			getPublicBody(testTenantCtx(db, tenant), { bodyId: archived.id })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			getPublicBody(testTenantCtx(db, tenant), { bodyId: 'nonsense' })
		).rejects.toBeInstanceOf(NotFoundError);
		const page = await getPublicBody(testTenantCtx(db, tenant), { bodyId: pub.id });
		expect(page?.organizations).toEqual([{ id: org.id, name: 'Diakonie' }]);
		expect(page?.past).toMatchObject([{ id: held.id, minutesState: 'published' }]);
		expect(JSON.stringify(page)).not.toContain('Erika');
		// another tenant's id does not open it
		const { other } = await setup();
		await expect(
			getPublicBody(testTenantCtx(db, other), { bodyId: pub.id })
		).rejects.toBeInstanceOf(NotFoundError);
	});
});
