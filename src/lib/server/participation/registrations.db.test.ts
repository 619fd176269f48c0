/** Registrations for dialogues: capacity, waiting list, cancellation. */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outbox } from '../mail/schema';
import { NotFoundError, ValidationError } from '../errors';
import { addDays } from '../shared';
import { createDialogue } from './dialogues';
import { cancelRegistration, listRegistrations, registerForDialogue } from './registrations';
import { anon, participationFixture, spamFields, today } from './testing';

const { setup } = participationFixture();

describe('dialogue registration', () => {
	it('confirms within the capacity, puts the rest on the waiting list, moves up on cancellation', async () => {
		const { db, tenant, processId, staff } = await setup();
		const { id } = await createDialogue(staff, {
			processId,
			title: 'Integrations-Dialog für Seniorinnen und Senioren',
			targetGroup: 'seniors',
			startsAt: `${addDays(today, 5)}T15:00`,
			endsAt: `${addDays(today, 5)}T17:00`,
			place: 'Rathaus, Ratssaal',
			languages: ['de', 'tr'],
			registrationEnabled: 'on',
			capacity: '1'
		});
		const first = await registerForDialogue(anon(db, tenant), {
			processId,
			dialogueId: id,
			name: 'Erika',
			email: 'erika@example.org',
			...spamFields()
		});
		expect(first.status).toBe('confirmed');
		const dup = await registerForDialogue(anon(db, tenant), {
			processId,
			dialogueId: id,
			name: 'Erika',
			email: 'ERIKA@example.org',
			...spamFields()
		}).catch((e) => e);
		expect(dup.fieldErrors).toEqual({ email: 'participation_error_already_registered' });
		const second = await registerForDialogue(anon(db, tenant), {
			processId,
			dialogueId: id,
			name: 'Hans',
			email: 'hans@example.org',
			...spamFields()
		});
		expect(second.status).toBe('waiting');
		const honeypot = await registerForDialogue(anon(db, tenant), {
			processId,
			dialogueId: id,
			name: 'Bot',
			email: 'bot@example.org',
			...spamFields(),
			website: 'x'
		}).catch((e) => e);
		expect(honeypot.fieldErrors).toEqual({ form: 'inquiries_error_spam_honeypot' });

		const mails = await db.select().from(outbox).where(eq(outbox.tenantId, tenant.id));
		const confirm = mails.find((m) => m.payload.to === 'erika@example.org')!;
		expect(confirm.payload.attachments?.[0].content).toContain('BEGIN:VEVENT');
		expect(confirm.payload.text).toContain(`/beteiligung/abmelden/${first.token}`);

		await cancelRegistration(anon(db, tenant), { token: first.token });
		const regs = await listRegistrations(staff, { processId, dialogueId: id });
		expect(regs.map((r) => [r.email, r.status])).toEqual([
			['erika@example.org', 'cancelled'],
			['hans@example.org', 'confirmed']
		]);
		const after = await db.select().from(outbox).where(eq(outbox.tenantId, tenant.id));
		expect(
			after.some((m) => m.payload.to === 'hans@example.org' && m.payload.subject.includes('frei'))
		).toBe(true);
		// the old link of the person who moved up no longer works, cancelling twice is harmless
		await expect(
			cancelRegistration(anon(db, tenant), { token: second.token })
		).rejects.toBeInstanceOf(NotFoundError);
		await cancelRegistration(anon(db, tenant), { token: first.token });
	});

	it('is closed outside the phases that allow it and for past dialogues', async () => {
		const { db, tenant, processId, staff } = await setup({ phase: 'results' });
		const { id } = await createDialogue(staff, {
			processId,
			title: 'D',
			targetGroup: 'all',
			startsAt: `${addDays(today, 5)}T15:00`,
			registrationEnabled: 'on'
		});
		const err = await registerForDialogue(anon(db, tenant), {
			processId,
			dialogueId: id,
			name: 'A',
			email: 'a@example.org',
			...spamFields()
		}).catch((e) => e);
		expect(err.fieldErrors).toEqual({ form: 'participation_error_registration_closed' });
		const s2 = await setup();
		const past = await createDialogue(s2.staff, {
			processId: s2.processId,
			title: 'D',
			targetGroup: 'all',
			startsAt: `${addDays(today, -1)}T15:00`,
			registrationEnabled: 'on'
		});
		await expect(
			registerForDialogue(anon(db, s2.tenant), {
				processId: s2.processId,
				dialogueId: past.id,
				name: 'A',
				email: 'a@example.org',
				...spamFields()
			})
		).rejects.toBeInstanceOf(ValidationError);
	});
});
