import { withTenant } from '../context';
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestSetup } from '../db/testing/test-db';
import type { Db } from '../db/client';
import { tenantScenario, type TestRole } from '../db/testing/test-actors';
import { buildFieldOfAction, buildNeed, buildOrganization, buildTenant } from '../factories';
import { auditLog } from '../audit/schema';
import { NotFoundError, ValidationError } from '../errors';
import { needs } from './schema';
import { createNeed, setNeedStatus, updateNeed } from './save-need';
import { getNeed, listNeeds, needFormOptions } from './list-needs';
import { needFilter, NEEDS_PAGE_SIZE } from './validation';

const setup = useTestSetup(async (db: Db, kind: 'city' | 'district' = 'city') => {
	const { tenant, other, ctxFor: actor } = await tenantScenario(db, { kind });
	const field = await buildFieldOfAction(db, tenant.id, {
		names: { de: 'Sprache', en: 'Language' }
	});
	const otherField = await buildFieldOfAction(db, other.id);
	const ctxFor = (role: TestRole, orgs: string[] = []) => actor(role, { orgs });
	return { db, tenant, other, field, otherField, ctxFor };
});

const valid = (extra: Record<string, unknown> = {}) => ({
	title: 'Sprachförderung in Kitas',
	description: 'Aus dem Arbeitskreis Bildung',
	fieldOfActionId: '',
	targetGroup: 'children',
	language: '',
	municipalityId: '',
	sourceKind: 'working_group',
	sourceNote: 'AK Bildung, Sitzung im März',
	urgency: 'high',
	status: '',
	...extra
});

describe('createNeed', () => {
	it('a coordinator records a need; it is stored for the tenant and audited', async () => {
		const { db, tenant, field, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		const { id } = await createNeed(withTenant(ctx, tenant), valid({ fieldOfActionId: field.id }));
		const [row] = await db.select().from(needs).where(eq(needs.id, id));
		expect(row).toMatchObject({
			tenantId: tenant.id,
			title: 'Sprachförderung in Kitas',
			fieldOfActionId: field.id,
			targetGroup: 'children',
			language: null,
			municipalityId: null,
			sourceKind: 'working_group',
			urgency: 'high',
			status: 'open',
			createdBy: ctx.actor!.userId
		});
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'need.create')));
		expect(audit).toMatchObject({ tenantId: tenant.id, actorId: ctx.actor!.userId });
		expect(audit.after).toMatchObject({ title: 'Sprachförderung in Kitas', urgency: 'high' });
	});

	it('answers bad input with message keys per field and writes nothing', async () => {
		const { db, tenant, otherField, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		const attempt = createNeed(
			withTenant(ctx, tenant),
			valid({
				title: '  ',
				sourceKind: '',
				targetGroup: 'aliens',
				language: 'xx',
				urgency: 'extreme',
				fieldOfActionId: 'not-a-uuid'
			})
		);
		await expect(attempt).rejects.toBeInstanceOf(ValidationError);
		await expect(attempt).rejects.toMatchObject({
			fieldErrors: {
				title: 'needs_error_title_required',
				sourceKind: 'needs_error_source_required',
				targetGroup: 'needs_error_target_group_invalid',
				language: 'needs_error_language_invalid',
				urgency: 'needs_error_urgency_invalid',
				fieldOfActionId: 'needs_error_field_invalid'
			}
		});
		// A field of action of another tenant is refused like an unknown one.
		await expect(
			createNeed(withTenant(ctx, tenant), valid({ fieldOfActionId: otherField.id }))
		).rejects.toMatchObject({ fieldErrors: { fieldOfActionId: 'needs_error_field_invalid' } });
		expect(await db.select().from(needs).where(eq(needs.tenantId, tenant.id))).toHaveLength(0);
	});

	it('a district places a need in one of its municipalities, never in another tenant', async () => {
		const { db, tenant, other, ctxFor } = await setup('district');
		const moosburg = await buildTenant(db, { kind: 'municipality', parentId: tenant.id });
		const ctx = await ctxFor('coordinator');
		const { id } = await createNeed(
			withTenant(ctx, tenant),
			valid({ municipalityId: moosburg.id })
		);
		expect((await getNeed(withTenant(ctx, tenant), { needId: id })).municipalityName).toBe(
			moosburg.name
		);
		await expect(
			createNeed(withTenant(ctx, tenant), valid({ municipalityId: other.id }))
		).rejects.toMatchObject({
			fieldErrors: { municipalityId: 'needs_error_municipality_invalid' }
		});
		const options = await needFormOptions(withTenant(ctx, tenant));
		expect(options.municipalities).toEqual([{ id: moosburg.id, name: moosburg.name }]);
	});
});

describe('updateNeed / setNeedStatus', () => {
	it('changes a need and audits before and after', async () => {
		const { db, tenant, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		const need = await buildNeed(db, tenant.id, { title: 'Alt', urgency: 'low' });
		await updateNeed(withTenant(ctx, tenant), {
			...valid({ title: 'Neu', urgency: 'medium' }),
			needId: need.id
		});
		const [row] = await db.select().from(needs).where(eq(needs.id, need.id));
		expect(row).toMatchObject({ title: 'Neu', urgency: 'medium', targetGroup: 'children' });
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, need.id), eq(auditLog.action, 'need.update')));
		expect(audit.before).toMatchObject({ title: 'Alt', urgency: 'low' });
		expect(audit.after).toMatchObject({ title: 'Neu', urgency: 'medium' });
	});

	it('closes and reopens a need, audited; a bad status is refused', async () => {
		const { db, tenant, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		const need = await buildNeed(db, tenant.id);
		await setNeedStatus(withTenant(ctx, tenant), { needId: need.id, status: 'closed' });
		expect((await getNeed(withTenant(ctx, tenant), { needId: need.id })).status).toBe('closed');
		await setNeedStatus(withTenant(ctx, tenant), { needId: need.id, status: 'open' });
		expect((await getNeed(withTenant(ctx, tenant), { needId: need.id })).status).toBe('open');
		const audits = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, need.id), eq(auditLog.action, 'need.status_change')));
		expect(audits.map((a) => (a.after as { status: string }).status).sort()).toEqual([
			'closed',
			'open'
		]);
		await expect(
			setNeedStatus(withTenant(ctx, tenant), { needId: need.id, status: 'done' })
		).rejects.toMatchObject({
			fieldErrors: { status: 'needs_error_status_invalid' }
		});
		await expect(
			setNeedStatus(withTenant(ctx, tenant), { needId: need.id, status: '' })
		).rejects.toBeInstanceOf(ValidationError);
	});

	it('treats needs of other tenants, unknown and malformed ids as not found', async () => {
		const { db, tenant, other, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		const foreign = await buildNeed(db, other.id, { title: 'Fremd' });
		for (const id of [foreign.id, '00000000-0000-4000-8000-000000000000', 'kaputt', "1' OR 1=1"]) {
			await expect(getNeed(withTenant(ctx, tenant), { needId: id })).rejects.toBeInstanceOf(
				NotFoundError
			);
			await expect(
				updateNeed(withTenant(ctx, tenant), { ...valid(), needId: id })
			).rejects.toBeInstanceOf(NotFoundError);
			await expect(
				setNeedStatus(withTenant(ctx, tenant), { needId: id, status: 'closed' })
			).rejects.toBeInstanceOf(NotFoundError);
		}
		const [row] = await db.select().from(needs).where(eq(needs.id, foreign.id));
		expect(row).toMatchObject({ title: 'Fremd', status: 'open' });
	});
});

describe('listNeeds', () => {
	it('lists open before covered before closed, urgent first, and filters', async () => {
		const { db, tenant, field, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		await buildNeed(db, tenant.id, { title: 'geschlossen', status: 'closed', urgency: 'high' });
		await buildNeed(db, tenant.id, { title: 'offen niedrig', urgency: 'low' });
		await buildNeed(db, tenant.id, {
			title: 'offen hoch',
			urgency: 'high',
			fieldOfActionId: field.id
		});
		await buildNeed(db, tenant.id, { title: 'gedeckt', status: 'covered' });
		const all = await listNeeds(withTenant(ctx, tenant), needFilter.parse({}));
		expect(all.rows.map((r) => r.title)).toEqual([
			'offen hoch',
			'offen niedrig',
			'gedeckt',
			'geschlossen'
		]);
		expect(all.rows[0].fieldOfActionName).toBe('Sprache');
		const open = await listNeeds(withTenant(ctx, tenant), needFilter.parse({ status: 'open' }));
		expect(open.rows.map((r) => r.title)).toEqual(['offen hoch', 'offen niedrig']);
		const high = await listNeeds(withTenant(ctx, tenant), needFilter.parse({ urgency: 'high' }));
		expect(high.rows.map((r) => r.title)).toEqual(['offen hoch', 'geschlossen']);
		const byField = await listNeeds(withTenant(ctx, tenant), needFilter.parse({ field: field.id }));
		expect(byField.rows.map((r) => r.title)).toEqual(['offen hoch']);
		// Bad filter values are ignored rather than failing the page.
		expect(needFilter.parse({ status: 'x', field: 'y', urgency: 'z', page: '-3' })).toEqual({
			page: 1
		});
	});

	it('English names of fields of action when the request is in English', async () => {
		const { db, tenant, field, ctxFor } = await setup();
		const ctx = { ...(await ctxFor('coordinator')), locale: 'en' as const };
		await buildNeed(db, tenant.id, { fieldOfActionId: field.id });
		const { rows } = await listNeeds(withTenant(ctx, tenant), needFilter.parse({}));
		expect(rows[0].fieldOfActionName).toBe('Language');
	});

	it('paginates', async () => {
		const { db, tenant, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		for (let i = 0; i < NEEDS_PAGE_SIZE + 2; i++) await buildNeed(db, tenant.id);
		const first = await listNeeds(withTenant(ctx, tenant), needFilter.parse({}));
		expect(first.rows).toHaveLength(NEEDS_PAGE_SIZE);
		expect(first.hasMore).toBe(true);
		const second = await listNeeds(withTenant(ctx, tenant), needFilter.parse({ page: '2' }));
		expect(second.rows).toHaveLength(2);
		expect(second.hasMore).toBe(false);
		const ids = new Set([...first.rows, ...second.rows].map((r) => r.id));
		expect(ids.size).toBe(NEEDS_PAGE_SIZE + 2);
	});

	it('never shows another tenant’s needs', async () => {
		const { db, tenant, other, ctxFor } = await setup();
		await buildNeed(db, other.id, { title: 'Fremd' });
		const ctx = await ctxFor('coordinator');
		expect((await listNeeds(withTenant(ctx, tenant), needFilter.parse({}))).rows).toEqual([]);
	});
});

describe('authorisation', () => {
	it.each(['coordinator', 'steering', 'admin'] as const)('%s may manage needs', async (role) => {
		const { db, tenant, ctxFor } = await setup();
		const ctx = await ctxFor(role);
		const { id } = await createNeed(withTenant(ctx, tenant), valid());
		await updateNeed(withTenant(ctx, tenant), { ...valid({ title: 'geändert' }), needId: id });
		await setNeedStatus(withTenant(ctx, tenant), { needId: id, status: 'covered' });
		expect((await listNeeds(withTenant(ctx, tenant), needFilter.parse({}))).rows).toHaveLength(1);
		expect((await db.select().from(needs).where(eq(needs.id, id)))[0].status).toBe('covered');
	});

	it.each(['member', 'editor', 'guest', 'none', 'other'] as const)(
		'%s may do nothing with needs, and it looks like "not found"',
		async (role) => {
			const { db, tenant, ctxFor } = await setup();
			const org = await buildOrganization(db, tenant.id);
			const ctx = await ctxFor(role, role === 'editor' ? [org.id] : []);
			const need = await buildNeed(db, tenant.id, { title: 'bleibt' });
			const denied = [
				() => createNeed(withTenant(ctx, tenant), valid()),
				() => updateNeed(withTenant(ctx, tenant), { ...valid(), needId: need.id }),
				() => setNeedStatus(withTenant(ctx, tenant), { needId: need.id, status: 'closed' }),
				() => listNeeds(withTenant(ctx, tenant), needFilter.parse({})),
				() => getNeed(withTenant(ctx, tenant), { needId: need.id }),
				() => needFormOptions(withTenant(ctx, tenant))
			];
			for (const call of denied) await expect(call()).rejects.toBeInstanceOf(NotFoundError);
			const rows = await db.select().from(needs).where(eq(needs.tenantId, tenant.id));
			expect(rows).toHaveLength(1);
			expect(rows[0]).toMatchObject({ title: 'bleibt', status: 'open' });
		}
	);
});
