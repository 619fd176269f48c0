import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDb } from '../db/testing/test-db';
import { buildTenant } from '../factories';
import { outbox } from './schema';
import { OUTBOX_RETENTION_DAYS, purgeDeliveredMails } from './retention';
import { RETENTION_JOBS } from '../privacy/retention';

const database = useTestDb();
const DAY = 24 * 3600 * 1000;

describe('purgeDeliveredMails', () => {
	it('deletes sent and failed mails after the period and keeps everything still to do', async () => {
		const db = database.db;
		const tenant = await buildTenant(db);
		const now = new Date('2026-12-01T12:00:00Z');
		const old = new Date(now.getTime() - (OUTBOX_RETENTION_DAYS + 1) * DAY);
		const recent = new Date(now.getTime() - (OUTBOX_RETENTION_DAYS - 1) * DAY);
		const payload = (subject: string) => ({ to: 'a@example.org', subject, text: 'Hallo' });
		await db.insert(outbox).values([
			{
				tenantId: tenant.id,
				payload: payload('old sent'),
				status: 'sent',
				sentAt: old,
				createdAt: old
			},
			{
				tenantId: tenant.id,
				payload: payload('recent sent'),
				status: 'sent',
				sentAt: recent,
				createdAt: old
			},
			{ tenantId: tenant.id, payload: payload('old failed'), status: 'failed', createdAt: old },
			{ tenantId: tenant.id, payload: payload('old pending'), status: 'pending', createdAt: old },
			{
				tenantId: tenant.id,
				payload: payload('recent failed'),
				status: 'failed',
				createdAt: recent
			}
		]);
		expect(await purgeDeliveredMails(db, now)).toBe(2);
		const left = await db.select().from(outbox).where(eq(outbox.tenantId, tenant.id));
		expect(left.map((row) => row.payload.subject).sort()).toEqual([
			'old pending',
			'recent failed',
			'recent sent'
		]);
	});

	it('is one of the platform’s listed retention jobs', () => {
		const job = RETENTION_JOBS.find((j) => j.key === 'outbox');
		expect(job).toMatchObject({ days: OUTBOX_RETENTION_DAYS, perTenant: false });
	});
});
