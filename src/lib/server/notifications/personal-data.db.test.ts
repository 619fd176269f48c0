import { describe, expect, it } from 'vitest';
import { testCtx, useTestDb } from '../db/testing/test-db';
import { buildTenant, buildUser } from '../factories';
import { loadActor } from '../auth/sessions';
import { exportMyData } from '../privacy/export';
import { notifications, notificationSettings } from './schema';

const database = useTestDb();

describe('GDPR access: notifications (issue 16 item 4)', () => {
	it('exports the person’s notification settings and notifications, not another person’s', async () => {
		const tenant = await buildTenant(database.db);
		const me = await buildUser(database.db);
		const other = await buildUser(database.db);
		await database.db.insert(notificationSettings).values([
			{ userId: me.id, kind: 'minutes', mode: 'weekly' },
			{ userId: other.id, kind: 'minutes', mode: 'off' }
		]);
		await database.db.insert(notifications).values([
			{
				tenantId: tenant.id,
				userId: me.id,
				kind: 'action_item',
				key: 'action_item.assigned:mine',
				mode: 'immediate',
				subject: 'Neue Aufgabe für Sie',
				link: '/app/x/aufgaben'
			},
			{
				tenantId: tenant.id,
				userId: other.id,
				kind: 'action_item',
				key: 'action_item.assigned:theirs',
				mode: 'immediate',
				subject: 'Aufgabe der anderen Person',
				link: '/app/x/aufgaben'
			}
		]);
		const actor = (await loadActor(database.db, me.id))!;
		const exported = await exportMyData(testCtx(database.db, actor));
		expect(exported.data.notification_settings).toEqual([
			expect.objectContaining({ kind: 'minutes', mode: 'weekly' })
		]);
		expect(exported.data.notifications).toEqual([
			expect.objectContaining({ subject: 'Neue Aufgabe für Sie', digestedAt: null })
		]);
		expect(JSON.stringify(exported)).not.toContain('Aufgabe der anderen Person');
		expect(exported.summary.sections.map((s) => s.key)).toContain('notifications');
	});
});
