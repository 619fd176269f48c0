/**
 * The demo network, built from the five source documents in shared/seeds:
 * Stadt Landshut (000: Netzwerk Integration), Landkreis Gifhorn (002: Netzwerk Integration with
 * four Arbeitskreise and a Steuerungsgruppe) and Landkreis Freising with some of its
 * municipalities (004: Vernetzungstreffen der Gemeinden). Uses the same factories as the tests.
 */
import { seedBranding } from './branding';
import { seedLogos } from './logos';
import { count } from 'drizzle-orm';
import type { Db, Executor } from '../db/client';
import { tenants } from '../tenants/schema';
import { invitations } from '../auth/schema';
import { hashToken } from '../auth/tokens';
import { seedPapers } from './papers';
import { seedAccountDeletion } from './account-deletion';
import {
	buildOrganization,
	buildOrganizationType,
	buildTenant,
	buildUser,
	grantRole
} from '../factories';
import { seedNetwork } from './network';
import { seedTranslations } from './translations';
import { LANDSHUT_LEGAL, seedContentTranslations } from './content-translations';
import { seedMeetings } from './meetings';
import { seedEmmerichNews, seedNewsAndEvents } from './news';
import { seedConcepts } from './concept';
import { seedParticipation } from './participation';
import { seedWorkspaceTasks } from './workspace';
import { seedEmmerich } from './emmerich';
import { seedDistrictContactsTouring } from './district-contacts-touring';
import { seedDistrictExchange } from './district-exchange';
import { seedDistrictInvitees } from './district-invitees';
import { seedEasyRead } from './easy-read';
import { seedDistrictFigures } from './district-figures';
import { FREISING_MUNICIPALITIES, GIFHORN_MUNICIPALITIES } from './municipalities';

export const DEMO_PASSWORD = 'miteinander-demo';

/**
 * The demo keeps one invitation that has already expired, so that coordinators (and the
 * end-to-end tests) can see how an expired link behaves: /einladung/<this token>.
 */
export const DEMO_EXPIRED_INVITATION_TOKEN = 'demo-abgelaufene-einladung';

export interface DemoAccount {
	email: string;
	description: string;
}

/** The sign-in accounts of the demo (README lists the same). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
	{ email: 'admin@miteinander.example', description: 'Plattform-Administration / platform admin' },
	{ email: 'koordination@landshut.example', description: 'Koordination Stadt Landshut' },
	{ email: 'koordination@gifhorn.example', description: 'Koordination Landkreis Gifhorn' },
	{ email: 'koordination@freising.example', description: 'Koordination Landkreis Freising' },
	{ email: 'koordination@laatzen.example', description: 'Koordination Stadt Laatzen' },
	{ email: 'koordination@emmerich.example', description: 'Koordination Stadt Emmerich am Rhein' },
	{
		email: 'rathaus@moosburg.example',
		description: 'Koordination Stadt Moosburg a.d.Isar (Gemeinde im Landkreis Freising)'
	},
	{ email: 'mitglied@landshut.example', description: 'Mitglied Stadt Landshut' },
	{
		email: 'sprecherin@landshut.example',
		description: 'Sprecherin des Netzwerks Integration Landshut'
	},
	{
		email: 'redaktion@landshut.example',
		description: 'Redaktion einer Organisation, Stadt Landshut'
	}
];

/** Organisation types the seeds name (000 "Beteiligte", 004 Helferkreise, Zentrum der Familie). */
export const DEFAULT_ORGANIZATION_TYPES: { key: string; name: string }[] = [
	{ key: 'sprachschule', name: 'Sprachschule' },
	{ key: 'beratungsstelle', name: 'Beratungsstelle' },
	{ key: 'bildungstraeger', name: 'Bildungsträger' },
	{ key: 'jugendeinrichtung', name: 'Jugendeinrichtung' },
	{ key: 'sportverein', name: 'Sportverein' },
	{ key: 'migrantenselbstorganisation', name: 'Migrantenselbstorganisation' },
	{ key: 'interkulturelle-initiative', name: 'Interkulturelle Initiative' },
	{ key: 'verwaltung', name: 'Verwaltung / Integrationsbeauftragte' },
	{ key: 'politik', name: 'Stadtrat / Kreistag / Fraktion' },
	{ key: 'behoerde', name: 'Behörde' },
	{ key: 'helferkreis', name: 'Helferkreis (Ehrenamt)' },
	{ key: 'familienzentrum', name: 'Familienzentrum' }
];

async function typesFor(tx: Executor, tenantId: string) {
	const byKey: Record<string, string> = {};
	for (const t of DEFAULT_ORGANIZATION_TYPES) {
		byKey[t.key] = (await buildOrganizationType(tx, tenantId, t)).id;
	}
	return byKey;
}

export async function isEmpty(db: Db): Promise<boolean> {
	const [row] = await db.select({ n: count() }).from(tenants);
	return Number(row.n) === 0;
}

/** Fills an empty database with the demo network. One transaction: all or nothing. */
export async function seedDemo(db: Db): Promise<DemoAccount[]> {
	return db.transaction(async (tx) => {
		const landshut = await buildTenant(tx, {
			name: 'Stadt Landshut',
			slug: 'landshut',
			kind: 'city',
			land: 'BY',
			ags: '09261000',
			settings: {
				publicContactEmail: 'integration@landshut.example',
				publicDescription: [
					'Vor Ort entscheidet sich, wie das Zusammenleben von Menschen verschiedener Herkunft gelingt. Die Kommune ist der wichtigste konkrete Integrationsort. Es ist eine Integration auf Gegenseitigkeit.',
					'Im Netzwerk Integration arbeiten Akteur:innen, die haupt- oder ehrenamtlich mit Zugewanderten arbeiten: Sprachschulen, Beratungsstellen, Bildungsträger, Jugendeinrichtungen, der Stützpunktverein „Integration durch Sport“, Vertreter:innen von Migrantenselbstorganisationen, interkulturelle Initiativen, Integrationsbeauftragte, Stadträt:innen aller Fraktionen und das BAMF.',
					'Ziele: Abbau sozialer Distanz zwischen den Akteur:innen; Vernetzung und Kooperation aller vor Ort an Integration Beteiligten; Analyse und Konzeption von Maßnahmen zum Abbau von Integrationshemmnissen; Überprüfung von Angeboten – sind sie bedarfsgerecht?',
					'Form: Moderierte Treffen im Abstand von sechs bis acht Wochen bei abwechselnder Gastgeberrolle, mit Protokoll. Seit 01.03.09 gibt es einen Beirat für Migration und Integration in Landshut.'
				].join('\n\n'),
				// the network's own legal texts, kept per language (demo/content-translations.ts)
				legal: LANDSHUT_LEGAL
			}
		});
		const gifhorn = await buildTenant(tx, {
			name: 'Landkreis Gifhorn',
			slug: 'landkreis-gifhorn',
			kind: 'district',
			land: 'NI',
			ags: '03151000',
			settings: {
				publicContactEmail: 'integration@gifhorn.example',
				publicDescription: [
					'Interdisziplinärer Austausch und Vernetzung finden im besonderen Maße über das Netzwerk Integration statt. Vier themenspezifische Arbeitskreise – Bildung, Familienleben, Integration in Ausbildung und Arbeit sowie gesellschaftliche Teilhabe – treffen sich etwa einmal im Quartal mit Akteur:innen aus Haupt- und Ehrenamt.',
					'Die vom Landrat geführte Steuerungsgruppe ist Berichts- und Kontrollgremium des Netzwerks; die Ergebnisse und Anfragen der Arbeitskreise werden als Vorlage in die Steuerungsgruppe getragen. Einmal im Jahr findet ein übergreifendes Netzwerktreffen statt.',
					'Das Netzwerk lebt von den Ideen, Anregungen und dem Engagement der Mitglieder: Sie sind herzlich willkommen!'
				].join('\n\n')
			}
		});
		const freising = await buildTenant(tx, {
			name: 'Landkreis Freising',
			slug: 'landkreis-freising',
			kind: 'district',
			land: 'BY',
			ags: '09178000',
			settings: {
				// the coordination office every offer without a contact of its own falls back to
				publicContactEmail: 'integration@freising.example',
				publicDescription:
					'Vernetzungstreffen der Gemeinden zum Thema Integration: Bürgermeister:innen, Gemeinde- und Stadtratsmitglieder sowie Vertreter:innen aus Verwaltung und Ehrenamt lernen voneinander und gehen Herausforderungen gemeinsam an. „Die ehrenamtliche Arbeit der Helferkreise ist eine der Säulen in der Integrationsarbeit.“'
			}
		});
		// Municipalities of the districts with their verified keys (demo/municipalities.ts).
		const municipalities = [];
		for (const m of FREISING_MUNICIPALITIES)
			municipalities.push(await buildTenant(tx, { ...m, land: 'BY', parentId: freising.id }));
		for (const m of GIFHORN_MUNICIPALITIES)
			await buildTenant(tx, { ...m, land: 'NI', parentId: gifhorn.id });

		const lt = await typesFor(tx, landshut.id);
		const gt = await typesFor(tx, gifhorn.id);
		const ft = await typesFor(tx, freising.id);

		// Landshut (seed 000): the network's participants as the source names them.
		const landshutOffice = await buildOrganization(tx, landshut.id, {
			name: 'Stadt Landshut – Integrationsbeauftragte',
			typeId: lt.verwaltung,
			description:
				'Moderiert das Netzwerk Integration. Seit 01.09.16 gibt es eine städtische Integrationsbeauftragte.'
		});
		const landshutSport = await buildOrganization(tx, landshut.id, {
			name: 'Stützpunktverein „Integration durch Sport“',
			typeId: lt.sportverein,
			description: 'Sportverein im Programm „Integration durch Sport“.',
			city: 'Landshut',
			languages: ['de', 'ar', 'tr']
		});
		await buildOrganization(tx, landshut.id, {
			name: 'Bundesamt für Migration und Flüchtlinge (BAMF)',
			typeId: lt.behoerde,
			description: 'Bundesbehörde; im Netzwerk Integration vertreten.'
		});

		// Gifhorn (seed 002): the Stabsstelle Integration runs the network.
		const gifhornOffice = await buildOrganization(tx, gifhorn.id, {
			name: 'Landkreis Gifhorn – Stabsstelle Integration',
			typeId: gt.verwaltung,
			description:
				'Integration als Querschnittsaufgabe, verankert in der Stabsstelle Integration; koordiniert das Netzwerk Integration und seine vier Arbeitskreise.'
		});

		// Freising (seed 004): the district office and the actors of the Vernetzungstreffen.
		const freisingOffice = await buildOrganization(tx, freising.id, {
			name: 'Landratsamt Freising – Integrationsbeauftragte',
			typeId: ft.verwaltung,
			description: 'Lädt zum Vernetzungstreffen der Gemeinden zum Thema Integration ein.'
		});
		const familyCentre = await buildOrganization(tx, freising.id, {
			name: 'Zentrum der Familie Freising',
			typeId: ft.familienzentrum,
			description:
				'Projekt „Mobile Elternbegleitung – Beratungsbus“: wohnortnahe Hilfe und Beratung für alle Eltern in den Kommunen, gefördert vom Landkreis Freising.',
			city: 'Freising',
			postalCode: '85354',
			languages: ['de', 'en', 'ar', 'tr'],
			wheelchairAccessible: true,
			alsoIn: municipalities.map((m) => m.id)
		});
		const healthRegion = await buildOrganization(tx, freising.id, {
			name: 'Gesundheitsregionplus Landkreis Freising',
			typeId: ft.verwaltung,
			description: 'Netzwerk für Gesundheitsförderung und Prävention im Landkreis.',
			city: 'Freising'
		});
		const youthWork = await buildOrganization(tx, freising.id, {
			name: 'Kommunale Jugendarbeit Landkreis Freising',
			typeId: ft.jugendeinrichtung,
			description: 'Jugendarbeit des Landkreises in Zusammenarbeit mit den Gemeinden.',
			city: 'Freising'
		});

		const password = DEMO_PASSWORD;
		await buildUser(tx, {
			email: 'admin@miteinander.example',
			name: 'Plattform-Administration',
			isPlatformAdmin: true,
			password
		});
		const koLandshut = await buildUser(tx, {
			email: 'koordination@landshut.example',
			name: 'Integrationsbeauftragte Landshut',
			password
		});
		await grantRole(tx, landshut.id, koLandshut.id, 'coordinator');
		const koGifhorn = await buildUser(tx, {
			email: 'koordination@gifhorn.example',
			name: 'Stabsstelle Integration Gifhorn',
			password
		});
		await grantRole(tx, gifhorn.id, koGifhorn.id, 'coordinator');
		const koFreising = await buildUser(tx, {
			email: 'koordination@freising.example',
			name: 'Integrationsbeauftragte Landkreis Freising',
			password
		});
		await grantRole(tx, freising.id, koFreising.id, 'coordinator');
		const member = await buildUser(tx, {
			email: 'mitglied@landshut.example',
			name: 'Mitglied Netzwerk Landshut',
			password
		});
		await grantRole(tx, landshut.id, member.id, 'member');
		const editor = await buildUser(tx, {
			email: 'redaktion@landshut.example',
			name: 'Redaktion Integrationsbeauftragte',
			password
		});
		await grantRole(tx, landshut.id, editor.id, 'editor', [landshutOffice.id]);

		// Organisations, offers, fields of action and needs of the three networks (demo/network.ts).
		await seedNetwork(tx, {
			landshut,
			gifhorn,
			freising,
			municipalities: Object.fromEntries(municipalities.map((m) => [m.slug, m])),
			types: { [landshut.id]: lt, [gifhorn.id]: gt, [freising.id]: ft },
			existing: {
				landshutOffice,
				landshutSport,
				gifhornOffice,
				freisingOffice,
				familyCentre,
				healthRegion,
				youthWork
			},
			coordinators: { landshut: koLandshut.id, gifhorn: koGifhorn.id, freising: koFreising.id }
		});

		// Offers and organisation descriptions in further languages (demo/translations.ts).
		await seedTranslations(tx, { landshut, freising, municipalities });

		// Bodies, meetings, minutes and action items (demo/meetings.ts).
		await seedMeetings(tx, {
			speakerPassword: password,
			landshut,
			gifhorn,
			freising,
			accounts: { koLandshut, koGifhorn, koFreising, member, editor }
		});
		await seedDistrictExchange(tx, { freising, koFreising, password }); // demo/district-exchange.ts

		// The integration concept (demo/concept.ts), after the bodies it links to.
		await seedConcepts(tx, {
			coordinators: { landshut: koLandshut.id, gifhorn: koGifhorn.id, freising: koFreising.id }
		});
		// Figures per municipality of Freising and Gifhorn, and Freising's map (demo/district-figures.ts).
		await seedDistrictFigures(tx, { password });
		// Stadt Laatzen, its consultation process and citizens' messages (demo/participation.ts).
		await seedParticipation(tx, { password, freising, freisingCoordinator: koFreising.id });
		// Stadt Emmerich am Rhein (seed 001), the whole network in one place (demo/emmerich.ts).
		await seedEmmerich(tx, { password });

		const day = 24 * 60 * 60 * 1000;
		await tx.insert(invitations).values({
			tenantId: landshut.id,
			email: 'sprachschule@landshut.example',
			name: 'Sprachschule (Einladung abgelaufen)',
			role: 'member',
			tokenHash: hashToken(DEMO_EXPIRED_INVITATION_TOKEN),
			invitedBy: koLandshut.id,
			createdAt: new Date(Date.now() - 10 * day),
			expiresAt: new Date(Date.now() - 3 * day)
		});

		// News and network events of Landshut and Freising (demo/news.ts).
		await seedNewsAndEvents(tx, {
			landshut,
			freising,
			coordinators: { landshut: koLandshut.id, freising: koFreising.id }
		});
		await seedEmmerichNews(tx);
		// News and the Landshut about text in further languages (demo/content-translations.ts).
		await seedContentTranslations(tx, { landshut, freising });
		// Contact persons for integration and the touring Beratungsbus (demo/district-contacts-touring.ts).
		await seedDistrictContactsTouring(tx);
		await seedDistrictInvitees(tx); // mayors and invited contacts (demo/district-invitees.ts)
		await seedEasyRead(tx, { landshut, freising }); // Leichte Sprache (demo/easy-read.ts)
		await seedBranding(tx); // accent colours of the public header (demo/branding.ts)
		await seedLogos(tx); // logos of the public header (demo/logos.ts)

		// Open tasks for the Landshut accounts' start pages (demo/workspace.ts).
		await seedWorkspaceTasks(tx, {
			landshut,
			office: landshutOffice,
			coordinatorId: koLandshut.id,
			editorId: editor.id
		});

		// A person for the e2e test that deletes an account (demo/account-deletion.ts).
		await seedAccountDeletion(tx, { password });

		// Papers, decisions, instructions and a status report (demo/papers.ts); runs last.
		await seedPapers(tx);

		return DEMO_ACCOUNTS;
	});
}
