/**
 * Open tasks of the demo's Landshut accounts, so that every demo role finds real work on its
 * start page (/app/landshut): a change proposed by the editor waiting for review, an offer of the
 * editor's organisation due for confirmation, and two citizens' messages (one due tomorrow).
 * Everything lies in the past except due dates; nothing is answered before it was sent.
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Tenant } from '../tenants/schema';
import type { organizations } from '../organizations/schema';
import { hashToken } from '../auth/tokens';
import { offers, offerTexts, revisions } from '../offers/schema';
import { loadOfferState } from '../offers/state';
import { inquiries } from '../inquiries/schema';
import { INQUIRY_CONSENT_VERSION } from '../inquiries/validation';
import { addDays, berlinDateOf } from '../shared';

const DAY = 24 * 60 * 60 * 1000;

async function officeOffer(tx: Executor, office: typeof organizations.$inferSelect, title: string) {
	const [row] = await tx
		.select({ offer: offers })
		.from(offers)
		.innerJoin(offerTexts, and(eq(offerTexts.offerId, offers.id), eq(offerTexts.locale, 'de')))
		.where(and(eq(offers.organizationId, office.id), eq(offerTexts.title, title)));
	if (!row) throw new Error(`demo offer missing: ${title}`);
	return row.offer;
}

export async function seedWorkspaceTasks(
	tx: Executor,
	input: {
		landshut: Tenant;
		office: typeof organizations.$inferSelect;
		coordinatorId: string;
		editorId: string;
	},
	now: Date = new Date()
): Promise<void> {
	const { landshut, office } = input;

	// The editor proposed a change to a published offer two days ago; it waits for review.
	const training = await officeOffer(tx, office, 'Interkulturelle Kompetenz für Ehrenamtliche');
	const state = await loadOfferState(tx, training);
	await tx.insert(revisions).values({
		tenantId: landshut.id,
		entityType: 'offer',
		entityId: training.id,
		proposed: {
			state: {
				...state,
				texts: state.texts.map((t) =>
					t.locale === 'de'
						? {
								...t,
								description: `${t.description} Neu: mit Übungen zu Gesprächen mit Dolmetscher:innen.`
							}
						: t
				)
			}
		},
		submittedBy: input.editorId,
		submittedAt: new Date(now.getTime() - 2 * DAY)
	});

	// Published eight months ago and confirmed seven months ago: the six-month confirmation is due.
	const festival = await officeOffer(tx, office, 'Fest der Begegnung zur Interkulturellen Woche');
	await tx
		.update(offers)
		.set({
			createdAt: new Date(now.getTime() - 245 * DAY),
			publishedAt: new Date(now.getTime() - 240 * DAY),
			lastConfirmedAt: new Date(now.getTime() - 210 * DAY),
			updatedAt: new Date(now.getTime() - 210 * DAY)
		})
		.where(eq(offers.id, festival.id));

	// Two citizens' messages: one in progress with the coordinator, due tomorrow; one new.
	const today = berlinDateOf(now);
	const year = now.getUTCFullYear();
	const messages = [
		{
			reference: `A-${year}-LA4T7Q`,
			kind: 'question' as const,
			subject: 'Sprachkurs mit Kinderbetreuung',
			body: 'Gibt es in Landshut einen Deutschkurs am Vormittag, bei dem meine zweijährige Tochter betreut wird?',
			name: 'Frau N.',
			email: 'n.demo@example.org',
			state: 'in_progress' as const,
			daysAgo: 6,
			assigneeId: input.coordinatorId,
			due: 1
		},
		{
			reference: `A-${year}-LA9K2M`,
			kind: 'suggestion' as const,
			subject: 'Patenschaften für neu Zugezogene',
			body: 'Könnte das Netzwerk Patenschaften zwischen Alteingesessenen und neu Zugezogenen vermitteln?',
			name: 'R. Meier',
			email: 'r.meier.demo@example.org',
			state: 'new' as const,
			daysAgo: 1,
			assigneeId: null,
			due: 13
		}
	];
	for (const msg of messages) {
		const created = new Date(now.getTime() - msg.daysAgo * DAY);
		await tx.insert(inquiries).values({
			tenantId: landshut.id,
			reference: msg.reference,
			kind: msg.kind,
			subject: msg.subject,
			body: msg.body,
			name: msg.name,
			email: msg.email,
			consentVersion: INQUIRY_CONSENT_VERSION,
			consentAt: created,
			statusTokenHash: hashToken(`demo-inquiry-${msg.reference}`),
			state: msg.state,
			assigneeId: msg.assigneeId,
			dueOn: addDays(today, msg.due),
			proofOfWork: true,
			createdAt: created,
			updatedAt: created
		});
	}
}
