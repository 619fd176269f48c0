/**
 * Demo for the district and its municipalities (issue 17, seed 004): the contact persons for
 * integration of the Landratsamt Freising and of some municipalities, the same briefly for
 * Landkreis Gifhorn, and the district-funded „Mobile Elternbegleitung – Beratungsbus“ touring the
 * municipalities with stops from January 2021 (when the project started) and further stops in
 * 2027, so the finder shows a next stop; Eching's request for a stop waits for the district.
 * The people are invented, marked „(Demo)“, with recorded consent (one without, to show that
 * such a person never appears publicly); phone numbers are not real (no local number starts
 * with 0).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { tenants } from '../tenants/schema';
import { organizations } from '../organizations/schema';
import { tenantContacts } from '../tenant-contacts/schema';
import { DEFAULT_TENANT_CONSENT_TEXT } from '../tenant-contacts/contacts';
import { touringProjects, touringStops } from '../touring/schema';
import { fromBerlinLocal } from '../shared';

type Person = {
	name: string;
	role: string;
	unit: string;
	phone: string;
	email: string;
	languages: string[];
	officeHours: string;
	/** without consent the person is kept but never shown */
	consent?: boolean;
};

const FREISING_OFFICE: Person[] = [
	{
		name: 'Katrin Hallmayer (Demo)',
		role: 'Integrationsbeauftragte des Landkreises',
		unit: 'Landratsamt Freising, Stabsstelle Integration',
		phone: '08161 0000-101',
		email: 'integration@freising.example',
		languages: ['de', 'en', 'fr'],
		officeHours: 'Mo–Do 8:30–12:00 Uhr, Do 14:00–17:00 Uhr und nach Vereinbarung'
	},
	{
		name: 'Jonas Eberl (Demo)',
		role: 'Integrationslotse',
		unit: 'Landratsamt Freising, Sachgebiet Asyl und Integration',
		phone: '08161 0000-102',
		email: 'integrationslotse@freising.example',
		languages: ['de', 'en', 'ar'],
		officeHours: 'Di und Do 9:00–12:00 Uhr'
	},
	{
		name: 'Selin Aydın (Demo)',
		role: 'Bildungskoordination für Neuzugewanderte',
		unit: 'Landratsamt Freising, Bildungsbüro',
		phone: '08161 0000-103',
		email: 'bildungsbuero@freising.example',
		languages: ['de', 'tr', 'en'],
		officeHours: 'nach Vereinbarung'
	},
	{
		name: 'Olena Brandl (Demo)',
		role: 'Sachbearbeitung Aufenthalt und Einbürgerung',
		unit: 'Landratsamt Freising, Ausländerbehörde',
		phone: '08161 0000-104',
		email: 'auslaenderbehoerde@freising.example',
		languages: ['de', 'uk', 'ru'],
		officeHours: 'Mo, Di und Fr 8:00–12:00 Uhr (mit Termin)'
	},
	{
		name: 'Markus Vogl (Demo, ohne Einwilligung)',
		role: 'Jugendamt, Fachdienst Familie',
		unit: 'Landratsamt Freising, Amt für Jugend und Familie',
		phone: '08161 0000-105',
		email: 'jugendamt@freising.example',
		languages: ['de'],
		officeHours: 'nach Vereinbarung',
		consent: false
	}
];

const FREISING_TOWNS: Record<string, Person[]> = {
	moosburg: [
		{
			name: 'Theresa Gruber (Demo)',
			role: 'Integrationsbeauftragte der Stadt',
			unit: 'Stadt Moosburg a.d.Isar, Bürgerbüro',
			phone: '08761 0000-201',
			email: 'integration@moosburg.example',
			languages: ['de', 'en', 'tr'],
			officeHours: 'Mi 14:00–18:00 Uhr im Rathaus'
		}
	],
	neufahrn: [
		{
			name: 'Ahmad Rahimi (Demo)',
			role: 'Ansprechperson Asyl und Integration',
			unit: 'Gemeinde Neufahrn b.Freising, Hauptamt',
			phone: '08165 0000-301',
			email: 'integration@neufahrn.example',
			languages: ['de', 'fa', 'en'],
			officeHours: 'Mo und Do 9:00–12:00 Uhr'
		}
	],
	freising: [
		{
			name: 'Petra Huber (Demo)',
			role: 'Integrationsbeauftragte der Stadt',
			unit: 'Stadt Freising, Amt für Soziales',
			phone: '08161 0000-401',
			email: 'integration@stadt-freising.example',
			languages: ['de', 'en'],
			officeHours: 'Di 9:00–12:00 Uhr und Do 14:00–17:00 Uhr'
		}
	]
	// Eching keeps none yet: its page shows the district office's people.
};

const GIFHORN_OFFICE: Person[] = [
	{
		name: 'Birte Lüdeke (Demo)',
		role: 'Leitung der Stabsstelle Integration',
		unit: 'Landkreis Gifhorn, Stabsstelle Integration',
		phone: '05371 0000-101',
		email: 'integration@gifhorn.example',
		languages: ['de', 'en'],
		officeHours: 'Mo–Fr 9:00–12:00 Uhr'
	},
	{
		name: 'Yusuf Demir (Demo)',
		role: 'Koordination Netzwerk Integration und Arbeitskreise',
		unit: 'Landkreis Gifhorn, Stabsstelle Integration',
		phone: '05371 0000-102',
		email: 'netzwerk-integration@gifhorn.example',
		languages: ['de', 'tr', 'ar'],
		officeHours: 'Di und Do 13:00–16:00 Uhr'
	}
];

/** Stops of the Beratungsbus: 2021 from January on, and the coming stops in 2027. */
const BUS_STOPS: [string, string, string, string][] = [
	// [municipality slug, YYYY-MM-DD, start HH:MM, place]
	['freising', '2021-01-12', '09:30', 'Marktplatz'],
	['moosburg', '2021-01-26', '09:30', 'Stadtplatz'],
	['neufahrn', '2021-02-09', '09:30', 'vor dem Rathaus'],
	['eching', '2021-02-23', '09:30', 'Bürgerplatz'],
	['freising', '2021-03-09', '09:30', 'Marktplatz'],
	['moosburg', '2021-03-23', '09:30', 'Stadtplatz'],
	['neufahrn', '2021-04-13', '09:30', 'vor dem Rathaus'],
	['moosburg', '2021-05-11', '14:00', 'Spielplatz am Aquarium'],
	['freising', '2021-06-08', '09:30', 'Marktplatz'],
	['neufahrn', '2021-07-06', '09:30', 'vor dem Rathaus'],
	['moosburg', '2021-09-14', '09:30', 'Stadtplatz'],
	['freising', '2021-10-12', '09:30', 'Marktplatz'],
	['moosburg', '2027-01-12', '09:30', 'Stadtplatz'],
	['freising', '2027-01-19', '09:30', 'Marktplatz'],
	['neufahrn', '2027-01-26', '09:30', 'vor dem Rathaus'],
	['moosburg', '2027-02-09', '14:00', 'Familienzentrum am Plan'],
	['freising', '2027-02-16', '09:30', 'Marktplatz'],
	['neufahrn', '2027-03-02', '09:30', 'vor dem Rathaus'],
	['moosburg', '2027-03-09', '09:30', 'Stadtplatz']
];

function at(date: string, time: string): Date {
	const [y, m, d] = date.split('-').map(Number);
	const [h, min] = time.split(':').map(Number);
	return fromBerlinLocal(y, m, d, h, min);
}

async function addPeople(tx: Executor, tenantId: string, people: Person[], consentOn: Date) {
	if (people.length === 0) return;
	await tx.insert(tenantContacts).values(
		people.map(({ consent = true, ...p }, position) => ({
			tenantId,
			...p,
			position,
			...(consent ? { consentText: DEFAULT_TENANT_CONSENT_TEXT, consentGivenAt: consentOn } : {})
		}))
	);
}

export async function seedDistrictContactsTouring(tx: Executor): Promise<void> {
	const rows = await tx
		.select()
		.from(tenants)
		.where(
			inArray(tenants.slug, [
				'landkreis-freising',
				'landkreis-gifhorn',
				'freising',
				'moosburg',
				'neufahrn',
				'eching'
			])
		);
	const bySlug = Object.fromEntries(rows.map((r) => [r.slug, r]));
	const district = bySlug['landkreis-freising'];
	if (!district) return;
	const consentOn = at('2024-03-01', '12:00');

	await addPeople(tx, district.id, FREISING_OFFICE, consentOn);
	for (const [slug, people] of Object.entries(FREISING_TOWNS))
		if (bySlug[slug]) await addPeople(tx, bySlug[slug].id, people, consentOn);
	if (bySlug['landkreis-gifhorn'])
		await addPeople(tx, bySlug['landkreis-gifhorn'].id, GIFHORN_OFFICE, consentOn);

	const [centre] = await tx
		.select({ id: organizations.id })
		.from(organizations)
		.where(
			and(
				eq(organizations.tenantId, district.id),
				eq(organizations.name, 'Zentrum der Familie Freising')
			)
		);
	const [project] = await tx
		.insert(touringProjects)
		.values({
			tenantId: district.id,
			title: 'Mobile Elternbegleitung – Beratungsbus',
			description:
				'Ein Projekt des Zentrums der Familie Freising, gefördert vom Landkreis Freising: Der Beratungsbus kommt in die Kommunen und schafft dort einen Ort der Begegnung, um allen Eltern wohnortnah Hilfe und Beratung anbieten zu können. Gerade für Eltern mit Migrationshintergrund soll dadurch Integration erleichtert werden. Ohne Anmeldung, kostenlos.',
			organizationId: centre?.id ?? null,
			status: 'published',
			createdAt: at('2020-10-20', '12:00')
		})
		.returning();
	const stops = BUS_STOPS.filter(([slug]) => bySlug[slug]).map(([slug, date, time, place]) => {
		const startsAt = at(date, time);
		return {
			tenantId: district.id,
			projectId: project.id,
			municipalityId: bySlug[slug].id,
			place,
			startsAt,
			endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
			status: 'confirmed' as const,
			decidedAt: startsAt < new Date() ? new Date(startsAt.getTime() - 30 * 86_400_000) : new Date()
		};
	});
	if (stops.length > 0) await tx.insert(touringStops).values(stops);
	// Eching's interest: a request with a wished date, waiting for the district's confirmation.
	if (bySlug.eching)
		await tx.insert(touringStops).values({
			tenantId: district.id,
			projectId: project.id,
			municipalityId: bySlug.eching.id,
			place: 'Bürgerplatz',
			startsAt: at('2027-03-16', '09:30'),
			endsAt: at('2027-03-16', '12:30'),
			status: 'requested',
			requestNote:
				'Eching möchte wieder dabei sein: gern dienstags am Vormittag, der Helferkreis Eching hilft beim Aufbau und übersetzt.'
		});
}
