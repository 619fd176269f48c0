/** Test fixtures of the GDPR access and erasure tests (not used by the app). */
import type { Db } from '../db/client';
import { buildActionItem, buildContact, buildOrganization } from '../factories';
import { setupSpeakerMeeting } from '../minutes/testing';
import { loadActor } from '../auth/sessions';
import { recordAudit } from '../audit/record';
import { meetingInvitations } from '../invitations/schema';
import { meetingAttendance } from '../minutes/schema';
import { personPublications } from '../oparl/schema';
import { CONSENT_TEXT_VERSION } from '../oparl/consent';
import { consultationProcesses, contributions } from '../participation/schema';
import { inquiries, inquiryEntries } from '../inquiries/schema';
import { paperComments, papers } from '../papers/schema';

/**
 * One person's data in every domain the export covers, each text carrying `marker`, so that a
 * search of the export for another person's marker finds any leak.
 */
export async function buildPersonWithData(db: Db, tenantName: string, marker: string) {
	const { tenant, user, body, meeting } = await setupSpeakerMeeting(db, {
		tenant: tenantName,
		email: `${marker.toLowerCase()}@example.org`,
		user: `Name ${marker}`,
		body: `Arbeitskreis ${marker}`,
		meeting: `Sitzung ${marker}`
	});
	await db.insert(meetingInvitations).values({
		tenantId: tenant.id,
		meetingId: meeting.id,
		userId: user.id,
		tokenHash: `token-${marker}`,
		response: 'yes',
		comment: `Zusage ${marker}`,
		respondedAt: new Date()
	});
	await db
		.insert(meetingAttendance)
		.values({ tenantId: tenant.id, meetingId: meeting.id, userId: user.id, status: 'present' });
	await buildActionItem(db, body, { title: `Aufgabe ${marker}`, assigneeUserId: user.id });
	const organization = await buildOrganization(db, tenant.id, { name: `Verein ${marker}` });
	await buildContact(db, tenant.id, organization.id, {
		name: `Kontakt ${marker}`,
		email: user.email.toUpperCase(),
		consent: true
	});
	await db.insert(personPublications).values({
		tenantId: tenant.id,
		userId: user.id,
		consentedAt: new Date(),
		consentTextVersion: CONSENT_TEXT_VERSION
	});
	const [process] = await db
		.insert(consultationProcesses)
		.values({ tenantId: tenant.id, title: `Verfahren ${marker}` })
		.returning();
	await db.insert(contributions).values({
		tenantId: tenant.id,
		processId: process.id,
		body: `Beitrag ${marker}`,
		source: 'online',
		authorId: user.id
	});
	const [inquiry] = await db
		.insert(inquiries)
		.values({
			tenantId: tenant.id,
			reference: `A-${marker}`,
			kind: 'question',
			body: `Anliegen ${marker}`,
			name: `Name ${marker}`,
			email: user.email,
			consentVersion: '1',
			consentAt: new Date()
		})
		.returning();
	await db.insert(inquiryEntries).values({
		tenantId: tenant.id,
		inquiryId: inquiry.id,
		kind: 'note',
		body: `Notiz ${marker}`,
		authorId: user.id
	});
	const [paper] = await db
		.insert(papers)
		.values({
			tenantId: tenant.id,
			number: 1,
			year: 2026,
			reference: `001/2026`,
			type: 'proposal',
			title: `Vorlage ${marker}`,
			date: '2026-12-01'
		})
		.returning();
	await db.insert(paperComments).values({
		tenantId: tenant.id,
		paperId: paper.id,
		bodyId: body.id,
		authorId: user.id,
		text: `Kommentar ${marker}`
	});
	await recordAudit(
		db,
		{ actor: { userId: user.id } },
		{
			tenantId: tenant.id,
			action: 'user.rename',
			entityType: 'user',
			entityId: user.id,
			before: { name: `Alt ${marker}` },
			after: { name: `Name ${marker}` }
		}
	);
	const actor = (await loadActor(db, user.id))!;
	return { tenant, user, actor, body, marker };
}
