/**
 * Who Landkreis Freising's Vernetzungstreffen der Gemeinden is sent to from the municipalities
 * (issue 17, item 3; seed 004: "die Bürgermeister, Gemeinde- und Stadtratsmitglieder sowie
 * Vertreter aus Verwaltung und Ehrenamt"). The seed names no mayor, so the mayors here are
 * invented and marked „(Demo)“, with @<gemeinde>.example addresses; only name, function and the
 * official address are kept. Moosburg's and Neufahrn's contact persons are marked for the
 * meetings; Stadt Freising's is not (to show that an unmarked person gets no mail). Eching's
 * mayor has not consented to being shown publicly: the invitation still reaches her, and Eching's
 * page still shows only the district office's people. Runs after demo/district-contacts-touring.ts.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { tenants } from '../tenants/schema';
import { tenantContacts } from '../tenant-contacts/schema';
import { DEFAULT_TENANT_CONSENT_TEXT } from '../tenant-contacts/contacts';
import { fromBerlinLocal } from '../shared';

type Mayor = { name: string; role: string; unit: string; email: string; consent: boolean };

/** The mayors, by municipality slug (all invented). */
export const FREISING_MAYORS: Record<string, Mayor> = {
	freising: {
		name: 'Tobias Reindl (Demo)',
		role: 'Oberbürgermeister',
		unit: 'Stadt Freising',
		email: 'oberbuergermeister@stadt-freising.example',
		consent: true
	},
	moosburg: {
		name: 'Claudia Obermaier (Demo)',
		role: 'Erste Bürgermeisterin',
		unit: 'Stadt Moosburg a.d.Isar',
		email: 'buergermeisterin@moosburg.example',
		consent: true
	},
	neufahrn: {
		name: 'Florian Wimmer (Demo)',
		role: 'Erster Bürgermeister',
		unit: 'Gemeinde Neufahrn b.Freising',
		email: 'buergermeister@neufahrn.example',
		consent: true
	},
	eching: {
		name: 'Sabine Kerschl (Demo)',
		role: 'Erste Bürgermeisterin',
		unit: 'Gemeinde Eching',
		email: 'buergermeisterin@eching.example',
		consent: false
	}
};

/** The contact persons (demo/district-contacts-touring.ts) invited to the meetings. */
export const FREISING_NETWORK_CONTACTS = [
	'integration@moosburg.example',
	'integration@neufahrn.example'
];

export async function seedDistrictInvitees(tx: Executor): Promise<void> {
	const [district] = await tx
		.select({ id: tenants.id })
		.from(tenants)
		.where(eq(tenants.slug, 'landkreis-freising'));
	if (!district) return;
	const towns = await tx
		.select({ id: tenants.id, slug: tenants.slug })
		.from(tenants)
		.where(
			and(eq(tenants.parentId, district.id), inArray(tenants.slug, Object.keys(FREISING_MAYORS)))
		);
	const consentOn = fromBerlinLocal(2024, 3, 1, 12, 0);
	for (const town of towns) {
		const { consent, ...mayor } = FREISING_MAYORS[town.slug];
		await tx.insert(tenantContacts).values({
			tenantId: town.id,
			...mayor,
			languages: ['de'],
			isMayor: true,
			// after the integration contact persons on the public page
			position: 10,
			...(consent ? { consentText: DEFAULT_TENANT_CONSENT_TEXT, consentGivenAt: consentOn } : {})
		});
	}
	await tx
		.update(tenantContacts)
		.set({ networkInvite: true })
		.where(
			and(
				inArray(
					tenantContacts.tenantId,
					towns.map((t) => t.id)
				),
				inArray(tenantContacts.email, FREISING_NETWORK_CONTACTS)
			)
		);
}
