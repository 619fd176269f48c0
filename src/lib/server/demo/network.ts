/**
 * The demo networks' actors, offers and needs, taken from what the seeds describe:
 * 000 (Landshut): Sprachschulen, Beratungsstellen, Bildungsträger, Jugendeinrichtungen, the
 * Stützpunktverein „Integration durch Sport“, Migrantenselbstorganisationen, interkulturelle
 * Initiativen; 002 (Gifhorn): the four Lebensfelder of its Arbeitskreise; 003 (Laatzen): language
 * support in day-care centres, special offers for women and mothers (language, education,
 * sport), affordable housing, intercultural events; 004 (Freising): Helferkreise, the Zentrum der
 * Familie with its „Mobile Elternbegleitung – Beratungsbus“ visiting the municipalities, the
 * tight housing market and language support in day-care centres and schools.
 *
 * Every name is generic and invented (no real private persons or companies); addresses name the
 * town only; e-mail addresses and websites use the reserved domain .example. Contact persons are
 * teams, not people. Dates are relative to the time of seeding.
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { offerTexts } from '../offers/schema';
import type { Tenant } from '../tenants/schema';
import type { organizations } from '../organizations/schema';
import type { TargetGroup } from '../offers/vocabulary';
import {
	buildContact,
	buildFieldOfAction,
	buildNeed,
	buildOffer,
	buildOrganization
} from '../factories';
import { berlinDateOf, fromBerlinLocal } from '../shared';

type Organization = typeof organizations.$inferSelect;
type Locale = 'de' | 'en' | 'ar' | 'uk' | 'tr' | 'ru' | 'fa';
type TranslationState = 'original' | 'draft' | 'reviewed' | 'outdated';

export interface DemoNetworkInput {
	landshut: Tenant;
	gifhorn: Tenant;
	freising: Tenant;
	/** municipalities of Landkreis Freising by slug: freising, moosburg, neufahrn, eching */
	municipalities: Record<string, Tenant>;
	/** organisation type ids per tenant id and type key */
	types: Record<string, Record<string, string>>;
	/** organisations seed.ts already created */
	existing: {
		landshutOffice: Organization;
		landshutSport: Organization;
		gifhornOffice: Organization;
		freisingOffice: Organization;
		familyCentre: Organization;
		healthRegion: Organization;
		youthWork: Organization;
	};
	/** coordinators, who recorded the needs and reviewed some offers */
	coordinators: { landshut: string; gifhorn: string; freising: string };
	now?: Date;
}

/** Fields of action as the seeds name them (key, German, English). */
const FIELDS: Record<string, [string, string, string][]> = {
	// 000 and 003: the topics of the Landshut network and the Laatzen recommendations.
	landshut: [
		['sprache', 'Sprache', 'Language'],
		['bildung', 'Bildung', 'Education'],
		['ausbildung-arbeit', 'Ausbildung und Arbeit', 'Training and work'],
		['familie', 'Familie', 'Family'],
		['wohnen', 'Wohnen', 'Housing'],
		['gesundheit', 'Gesundheit', 'Health'],
		['teilhabe', 'Gesellschaftliche Teilhabe', 'Participation in society'],
		['interkulturelle-oeffnung', 'Interkulturelle Öffnung', 'Intercultural opening'],
		['sport', 'Sport', 'Sport']
	],
	// 002: the four Lebensfelder of the Arbeitskreise.
	gifhorn: [
		['bildung', 'Bildung', 'Education'],
		['familienleben', 'Familienleben', 'Family life'],
		[
			'ausbildung-arbeit',
			'Integration in Ausbildung und Arbeit',
			'Integration into training and work'
		],
		['teilhabe', 'Gesellschaftliche Teilhabe', 'Participation in society']
	],
	// 004: what the Vernetzungstreffen discussed.
	freising: [
		['sprache', 'Sprache', 'Language'],
		['bildung', 'Bildung', 'Education'],
		['ausbildung-arbeit', 'Ausbildung und Arbeit', 'Training and work'],
		['familie', 'Familie', 'Family'],
		['wohnen', 'Wohnen', 'Housing'],
		['gesundheit', 'Gesundheit', 'Health'],
		['teilhabe', 'Gesellschaftliche Teilhabe', 'Participation in society']
	]
};

const DAY = 24 * 60 * 60 * 1000;
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** ISO weekday (1 = Monday) of a Berlin calendar day "YYYY-MM-DD". */
function isoWeekday(day: string): number {
	const [y, m, d] = day.split('-').map(Number);
	return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

function addDays(day: string, n: number): string {
	const [y, m, d] = day.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The instant of "HH:MM" on a Berlin calendar day. */
function at(day: string, time: string): Date {
	const [y, m, d] = day.split('-').map(Number);
	const [h, min] = time.split(':').map(Number);
	return fromBerlinLocal(y, m, d, h, min);
}

type Schedule =
	| { kind: 'recurring'; weekdays: number[]; from: string; to: string; note: string; interval?: 2 }
	| { kind: 'once'; inDays: number; from: string; to: string; note?: string }
	| { kind: 'appointment'; note?: string };

interface Translation {
	locale: Exclude<Locale, 'de'>;
	title: string;
	description: string;
	state: TranslationState;
}

interface OfferSpec {
	org: Organization;
	field: string;
	title: string;
	description: string;
	targetGroups: TargetGroup[];
	languages: string[];
	schedule: Schedule;
	place?: { name: string; city: string; postalCode?: string; room?: string };
	location?: 'place' | 'mobile' | 'online';
	onlineUrl?: string;
	cost?: string;
	registration?: string;
	childcare?: boolean;
	accessible?: boolean;
	accessibilityNote?: string;
	municipalities?: Tenant[];
	translations?: Translation[];
	contactId?: string;
	status?: 'draft' | 'published';
	validTo?: string;
	reviewed?: { daysAgo: number; note: string; by: string };
}

export async function seedNetwork(tx: Executor, input: DemoNetworkInput): Promise<void> {
	const now = input.now ?? new Date();
	const today = berlinDateOf(now);
	const { landshut, gifhorn, freising, municipalities: mu, types, existing } = input;

	const fields: Record<string, Record<string, string>> = {};
	for (const [tenant, list] of [
		[landshut, FIELDS.landshut],
		[gifhorn, FIELDS.gifhorn],
		[freising, FIELDS.freising]
	] as const) {
		fields[tenant.id] = {};
		for (const [i, [key, de, en]] of list.entries()) {
			const row = await buildFieldOfAction(tx, tenant.id, {
				key,
				names: { de, en },
				position: i + 1
			});
			fields[tenant.id][key] = row.id;
		}
	}

	const org = (
		tenant: Tenant,
		type: string,
		values: Partial<typeof organizations.$inferInsert> & { name: string; alsoIn?: string[] }
	) => buildOrganization(tx, tenant.id, { typeId: types[tenant.id][type], ...values });

	const team = (tenant: Tenant, o: Organization, name: string, role: string, email: string) =>
		buildContact(tx, tenant.id, o.id, { name, role, email, consent: true });

	async function offer(tenant: Tenant, spec: OfferSpec) {
		const s = spec.schedule;
		let schedule: Record<string, unknown> = { scheduleKind: 'appointment' };
		const scheduleNote = s.note ?? null;
		if (s.kind === 'recurring') {
			let first = today;
			while (!s.weekdays.includes(isoWeekday(first))) first = addDays(first, 1);
			const byday = s.weekdays.map((d) => BYDAY[d - 1]).join(',');
			schedule = {
				scheduleKind: 'recurring',
				weekdays: s.weekdays,
				rrule: `FREQ=WEEKLY;${s.interval ? `INTERVAL=${s.interval};` : ''}BYDAY=${byday}`,
				startsAt: at(first, s.from),
				endsAt: at(first, s.to)
			};
		} else if (s.kind === 'once') {
			const day = addDays(today, s.inDays);
			schedule = {
				scheduleKind: 'once',
				weekdays: [isoWeekday(day)],
				startsAt: at(day, s.from),
				endsAt: at(day, s.to),
				validTo: day
			};
		}
		const status = spec.status ?? 'published';
		const row = await buildOffer(tx, tenant.id, spec.org.id, {
			title: spec.title,
			description: spec.description,
			fieldOfActionId: fields[tenant.id][spec.field],
			targetGroups: spec.targetGroups,
			languages: spec.languages,
			municipalityIds: (spec.municipalities ?? []).map((m) => m.id),
			locationKind: spec.location ?? 'place',
			onlineUrl: spec.onlineUrl ?? null,
			costKind: spec.cost ? 'paid' : 'free',
			registrationRequired: !!spec.registration,
			childcare: spec.childcare ?? false,
			accessible: spec.accessible ?? false,
			contactId: spec.contactId ?? null,
			status,
			publishedAt: status === 'published' ? new Date(now.getTime() - 30 * DAY) : null,
			lastConfirmedAt: new Date(now.getTime() - 20 * DAY),
			...(spec.validTo ? { validTo: spec.validTo } : {}),
			...(spec.reviewed
				? {
						needsReviewedAt: new Date(now.getTime() - spec.reviewed.daysAgo * DAY),
						needsReviewNote: spec.reviewed.note,
						needsReviewedBy: spec.reviewed.by
					}
				: {}),
			...schedule,
			texts: [
				...(spec.translations ?? []).map((t) => ({
					locale: t.locale,
					title: t.title,
					description: t.description,
					state: t.state
				}))
			],
			places: spec.place
				? [
						{
							name: spec.place.name,
							city: spec.place.city,
							postalCode: spec.place.postalCode,
							room: spec.place.room ?? null
						}
					]
				: []
		});
		// The German notes of the offer (cost, registration, schedule, accessibility).
		if (scheduleNote || spec.cost || spec.registration || spec.accessibilityNote) {
			await tx
				.update(offerTexts)
				.set({
					scheduleNote,
					costNote: spec.cost ?? null,
					registrationNote: spec.registration ?? null,
					accessibilityNote: spec.accessibilityNote ?? null
				})
				.where(and(eq(offerTexts.offerId, row.id), eq(offerTexts.locale, 'de')));
		}
	}

	await seedLandshut();
	await seedGifhorn();
	await seedFreising();

	// ───────────────────────────── Landshut (seed 000) ─────────────────────────────
	async function seedLandshut() {
		const t = landshut;
		const place = (name: string) => ({ name, city: 'Landshut', postalCode: '84028' });
		const school = await org(t, 'sprachschule', {
			name: 'Sprachschule Landshut – Deutsch und Integration',
			description:
				'Zugelassener Träger von Integrationskursen: Allgemeine Kurse, Frauenkurse mit Kinderbetreuung und Alphabetisierung.',
			city: 'Landshut',
			postalCode: '84028',
			languages: ['de', 'en', 'ar', 'uk', 'tr'],
			wheelchairAccessible: true,
			email: 'kurse@sprachschule-landshut.example',
			website: 'https://sprachschule-landshut.example/'
		});
		const mbe = await org(t, 'beratungsstelle', {
			name: 'Migrationsberatung für Erwachsene Landshut',
			description:
				'Beratung für zugewanderte Erwachsene zu Aufenthalt, Sprache, Arbeit, Wohnen und Familie.',
			city: 'Landshut',
			postalCode: '84028',
			languages: ['de', 'ar', 'fa', 'ru', 'uk'],
			wheelchairAccessible: true,
			email: 'mbe@beratung-landshut.example'
		});
		const jmd = await org(t, 'beratungsstelle', {
			name: 'Jugendmigrationsdienst Landshut',
			description:
				'Begleitet junge Zugewanderte von 12 bis 27 Jahren in Schule, Ausbildung und Beruf.',
			city: 'Landshut',
			postalCode: '84028',
			languages: ['de', 'en', 'ar', 'uk'],
			email: 'jmd@beratung-landshut.example'
		});
		const training = await org(t, 'bildungstraeger', {
			name: 'Bildungswerk Beruf und Integration Landshut',
			description: 'Berufsbezogene Sprachkurse, Anerkennungsberatung und Bewerbungstrainings.',
			city: 'Landshut',
			postalCode: '84028',
			languages: ['de', 'en', 'ru'],
			wheelchairAccessible: true,
			website: 'https://bildungswerk-landshut.example/'
		});
		const youth = await org(t, 'jugendeinrichtung', {
			name: 'Offener Jugendtreff Landshut-West',
			description:
				'Offener Treff, Hausaufgabenhilfe und Ferienprogramme für Kinder und Jugendliche.',
			city: 'Landshut',
			postalCode: '84028',
			languages: ['de', 'en'],
			wheelchairAccessible: false,
			accessibilityNote: 'Eingang mit zwei Stufen; eine mobile Rampe ist vorhanden.'
		});
		const ukrainian = await org(t, 'migrantenselbstorganisation', {
			name: 'Ukrainische Gemeinschaft Landshut',
			description:
				'Migrantenselbstorganisation: Begegnung, Beratung unter Landsleuten, Kulturabende.',
			city: 'Landshut',
			languages: ['uk', 'ru', 'de']
		});
		const arabic = await org(t, 'migrantenselbstorganisation', {
			name: 'Arabischsprachiger Elternverein Landshut',
			description: 'Eltern unterstützen Eltern: Austausch über Kita, Schule und Erziehung.',
			city: 'Landshut',
			languages: ['ar', 'de']
		});
		const initiative = await org(t, 'interkulturelle-initiative', {
			name: 'Interkulturelle Initiative Landshut',
			description: 'Ehrenamtliche Initiative für Begegnung: Sprachcafé, Kochabende, Feste.',
			city: 'Landshut',
			postalCode: '84028',
			languages: ['de', 'en', 'ar', 'uk']
		});
		const helpers = await org(t, 'helferkreis', {
			name: 'Helferkreis Asyl Landshut',
			description: 'Ehrenamtliche begleiten Geflüchtete im Alltag, zu Ämtern und Ärzten.',
			city: 'Landshut',
			languages: ['de', 'en', 'fa', 'ar']
		});
		const kita = await org(t, 'bildungstraeger', {
			name: 'Sprach-Kita-Verbund Landshut',
			description:
				'Alltagsintegrierte Sprachbildung in Kindertagesstätten und Zusammenarbeit mit Familien.',
			city: 'Landshut',
			languages: ['de']
		});
		const healthGuides = await org(t, 'interkulturelle-initiative', {
			name: 'Gesundheitslotsen Landshut',
			description:
				'Geschulte Lotsinnen und Lotsen erklären das Gesundheitssystem in der Muttersprache.',
			city: 'Landshut',
			languages: ['de', 'ar', 'tr', 'ru', 'uk', 'fa']
		});

		const mbeTeam = await team(
			t,
			mbe,
			'Team Migrationsberatung',
			'Beratung',
			'mbe@beratung-landshut.example'
		);
		const jmdTeam = await team(
			t,
			jmd,
			'Team Jugendmigrationsdienst',
			'Beratung',
			'jmd@beratung-landshut.example'
		);
		const schoolTeam = await team(
			t,
			school,
			'Kursbüro',
			'Anmeldung und Einstufung',
			'kurse@sprachschule-landshut.example'
		);
		const sportTeam = await team(
			t,
			existing.landshutSport,
			'Übungsleitung Integration durch Sport',
			'Übungsleitung',
			'sport@verein-landshut.example'
		);
		// Without consent: shown only in the signed-in area.
		await buildContact(tx, t.id, initiative.id, {
			name: 'Koordination Sprachcafé',
			role: 'Ehrenamtliche Koordination',
			email: 'sprachcafe@initiative-landshut.example'
		});
		const by = input.coordinators.landshut;

		await offer(t, {
			org: school,
			field: 'sprache',
			title: 'Integrationskurs (Vollzeit)',
			description:
				'Deutsch von A1 bis B1 und ein Orientierungskurs zu Geschichte, Recht und Zusammenleben in Deutschland. Vor Kursbeginn gibt es einen Einstufungstest.',
			targetGroups: ['newcomers', 'refugees'],
			languages: ['de'],
			schedule: {
				kind: 'recurring',
				weekdays: [1, 2, 3, 4, 5],
				from: '08:30',
				to: '12:45',
				note: 'Montag bis Freitag vormittags, Einstieg jeden Monat.'
			},
			place: place('Sprachschule, Unterrichtsräume'),
			cost: 'Kostenbeitrag 2,29 € je Unterrichtsstunde; Befreiung durch das BAMF möglich.',
			registration: 'Anmeldung und Einstufung im Kursbüro.',
			accessible: true,
			contactId: schoolTeam.id,
			reviewed: {
				daysAgo: 40,
				note: 'Deckt den Bedarf an Vormittagskursen; Abendkurse fehlen weiterhin.',
				by
			},
			translations: [
				{
					locale: 'en',
					title: 'Integration course (full-time)',
					description:
						'German from A1 to B1 and an orientation course on history, law and living together in Germany. A placement test comes first.',
					state: 'reviewed'
				},
				{
					locale: 'ar',
					title: 'دورة الاندماج (دوام كامل)',
					description:
						'اللغة الألمانية من المستوى A1 إلى B1 ودورة توجيهية عن التاريخ والقانون والعيش المشترك في ألمانيا.',
					state: 'reviewed'
				},
				{
					locale: 'uk',
					title: 'Інтеграційний курс (денний)',
					description:
						'Німецька мова від A1 до B1 та орієнтаційний курс про історію, право і спільне життя в Німеччині.',
					state: 'draft'
				}
			]
		});
		await offer(t, {
			org: school,
			field: 'sprache',
			title: 'Frauenintegrationskurs mit Kinderbetreuung',
			description:
				'Integrationskurs nur für Frauen und Mütter. Während des Unterrichts werden die Kinder im Haus betreut.',
			targetGroups: ['women'],
			languages: ['de'],
			schedule: {
				kind: 'recurring',
				weekdays: [2, 4],
				from: '09:00',
				to: '12:00',
				note: 'Dienstag und Donnerstag vormittags.'
			},
			place: place('Sprachschule, Raum mit Spielecke'),
			cost: 'Wie Integrationskurs; Kinderbetreuung kostenlos.',
			registration: 'Anmeldung im Kursbüro.',
			childcare: true,
			accessible: true,
			contactId: schoolTeam.id,
			translations: [
				{
					locale: 'ar',
					title: 'دورة اندماج للنساء مع رعاية الأطفال',
					description: 'دورة اندماج للنساء والأمهات فقط. يتم الاعتناء بالأطفال أثناء الدرس.',
					state: 'reviewed'
				},
				{
					locale: 'tr',
					title: 'Çocuk bakımlı kadın uyum kursu',
					description:
						'Sadece kadınlar ve anneler için uyum kursu. Ders sırasında çocuklara bakılır.',
					state: 'draft'
				}
			]
		});
		await offer(t, {
			org: school,
			field: 'sprache',
			title: 'Alphabetisierungskurs',
			description:
				'Lesen und Schreiben lernen in lateinischer Schrift – für Menschen, die in ihrer Erstsprache wenig oder nicht lesen und schreiben gelernt haben.',
			targetGroups: ['newcomers'],
			languages: ['de'],
			schedule: {
				kind: 'recurring',
				weekdays: [1, 3],
				from: '13:30',
				to: '16:30',
				note: 'Montag und Mittwoch nachmittags.'
			},
			place: place('Sprachschule'),
			registration: 'Beratung und Anmeldung im Kursbüro.',
			contactId: schoolTeam.id
		});
		await offer(t, {
			org: initiative,
			field: 'sprache',
			title: 'Sprachcafé „Miteinander reden“',
			description:
				'Deutsch sprechen üben bei Tee und Kaffee, mit Ehrenamtlichen aus der Nachbarschaft. Ohne Anmeldung, jedes Sprachniveau ist willkommen.',
			targetGroups: ['all'],
			languages: ['de', 'en', 'ar', 'uk'],
			schedule: {
				kind: 'recurring',
				weekdays: [4],
				from: '17:00',
				to: '19:00',
				note: 'Jeden Donnerstag, auch in den Ferien.'
			},
			place: place('Begegnungsraum der Interkulturellen Initiative'),
			accessible: true,
			reviewed: { daysAgo: 100, note: 'Gut besucht; viele Teilnehmende aus der Ukraine.', by },
			translations: [
				{
					locale: 'en',
					title: 'Language café “Let’s talk”',
					description:
						'Practise speaking German over tea and coffee with volunteers from the neighbourhood. No registration; every level is welcome.',
					state: 'reviewed'
				},
				{
					locale: 'uk',
					title: 'Мовне кафе «Говоримо разом»',
					description:
						'Практика німецької за чаєм і кавою з волонтерами. Без реєстрації, будь-який рівень.',
					state: 'reviewed'
				},
				{
					locale: 'ar',
					title: 'مقهى اللغة «نتحدث معًا»',
					description: 'تدرّب على التحدث بالألمانية مع متطوعين من الحي. بدون تسجيل.',
					state: 'draft'
				}
			]
		});
		await offer(t, {
			org: mbe,
			field: 'teilhabe',
			title: 'Migrationsberatung für Erwachsene',
			description:
				'Kostenlose, vertrauliche Beratung zu Aufenthalt, Sprachkursen, Arbeit, Wohnen, Gesundheit und Familie – auch mit Dolmetschenden.',
			targetGroups: ['newcomers', 'refugees', 'families'],
			languages: ['de', 'ar', 'fa', 'ru', 'uk'],
			schedule: {
				kind: 'appointment',
				note: 'Offene Sprechstunde dienstags 9–12 Uhr, sonst nach Vereinbarung.'
			},
			place: place('Beratungsstelle, 1. Stock (Aufzug)'),
			accessible: true,
			contactId: mbeTeam.id,
			translations: [
				{
					locale: 'en',
					title: 'Migration counselling for adults',
					description:
						'Free, confidential advice on residence, language courses, work, housing, health and family – interpreters available.',
					state: 'reviewed'
				},
				{
					locale: 'ar',
					title: 'استشارات الهجرة للبالغين',
					description:
						'استشارة مجانية وسرية حول الإقامة ودورات اللغة والعمل والسكن والصحة والأسرة.',
					state: 'reviewed'
				},
				{
					locale: 'uk',
					title: 'Міграційна консультація для дорослих',
					description:
						'Безкоштовні конфіденційні консультації щодо перебування, мовних курсів, роботи, житла, здоров’я та сім’ї.',
					state: 'reviewed'
				},
				{
					locale: 'tr',
					title: 'Yetişkinler için göç danışmanlığı',
					description:
						'Oturum, dil kursları, iş, konut, sağlık ve aile konularında ücretsiz ve gizli danışmanlık.',
					state: 'outdated'
				}
			]
		});
		await offer(t, {
			org: mbe,
			field: 'wohnen',
			title: 'Beratung zur Wohnungssuche',
			description:
				'Hilfe beim Lesen von Wohnungsanzeigen, beim Bewerben um eine Wohnung und beim Antrag auf Wohnberechtigungsschein.',
			targetGroups: ['refugees', 'families'],
			languages: ['de', 'ar', 'uk'],
			schedule: {
				kind: 'recurring',
				weekdays: [3],
				from: '14:00',
				to: '16:00',
				note: 'Mittwochs 14–16 Uhr ohne Termin.'
			},
			place: place('Beratungsstelle'),
			accessible: true,
			contactId: mbeTeam.id
		});
		await offer(t, {
			org: jmd,
			field: 'bildung',
			title: 'Jugendmigrationsdienst – Beratung für junge Menschen',
			description:
				'Beratung für 12- bis 27-Jährige: Schule, Anerkennung von Zeugnissen, Ausbildung, Studium und persönliche Fragen.',
			targetGroups: ['youth', 'young_adults'],
			languages: ['de', 'en', 'ar', 'uk'],
			schedule: { kind: 'appointment', note: 'Termine nach Vereinbarung, auch per Videoanruf.' },
			place: place('Jugendmigrationsdienst'),
			contactId: jmdTeam.id,
			translations: [
				{
					locale: 'en',
					title: 'Youth migration service – advice for young people',
					description:
						'Advice for 12 to 27-year-olds: school, recognition of certificates, vocational training, studies and personal questions.',
					state: 'reviewed'
				}
			]
		});
		await offer(t, {
			org: jmd,
			field: 'ausbildung-arbeit',
			title: 'Bewerbungstraining für junge Zugewanderte',
			description:
				'Lebenslauf, Anschreiben und Vorstellungsgespräch üben – an einem Tag, in kleiner Gruppe.',
			targetGroups: ['young_adults', 'youth'],
			languages: ['de'],
			schedule: { kind: 'once', inDays: 30, from: '09:00', to: '15:00' },
			place: place('Jugendmigrationsdienst, Seminarraum'),
			registration: 'Anmeldung bis eine Woche vorher.',
			contactId: jmdTeam.id
		});
		await offer(t, {
			org: training,
			field: 'ausbildung-arbeit',
			title: 'Berufssprachkurs B2',
			description:
				'Deutsch für den Beruf: Fachsprache, Telefonieren, E-Mails und Gespräche im Betrieb. Abends, neben der Arbeit.',
			targetGroups: ['skilled_workers', 'newcomers'],
			languages: ['de'],
			schedule: {
				kind: 'recurring',
				weekdays: [1, 2, 3, 4],
				from: '17:30',
				to: '20:45',
				note: 'Montag bis Donnerstag abends.'
			},
			place: place('Bildungswerk, Raum 2'),
			registration: 'Berechtigung über Jobcenter, Agentur für Arbeit oder BAMF.',
			accessible: true
		});
		await offer(t, {
			org: training,
			field: 'ausbildung-arbeit',
			title: 'Anerkennungsberatung für ausländische Berufsabschlüsse',
			description:
				'Welche Stelle ist zuständig, welche Unterlagen brauche ich, was kostet es? Wir begleiten Sie durch das Anerkennungsverfahren.',
			targetGroups: ['skilled_workers'],
			languages: ['de', 'en', 'ru'],
			schedule: { kind: 'appointment' },
			place: place('Bildungswerk'),
			translations: [
				{
					locale: 'ru',
					title: 'Консультация по признанию иностранных дипломов',
					description:
						'Какая инстанция отвечает, какие документы нужны, сколько это стоит? Мы сопровождаем вас.',
					state: 'reviewed'
				}
			]
		});
		await offer(t, {
			org: youth,
			field: 'bildung',
			title: 'Hausaufgabenhilfe im Jugendtreff',
			description:
				'Ehrenamtliche und Fachkräfte helfen bei Hausaufgaben und beim Lernen für Proben.',
			targetGroups: ['children', 'youth'],
			languages: ['de'],
			schedule: {
				kind: 'recurring',
				weekdays: [1, 2, 3, 4],
				from: '14:30',
				to: '16:30',
				note: 'Montag bis Donnerstag, nicht in den Schulferien.'
			},
			place: place('Offener Jugendtreff Landshut-West')
		});
		await offer(t, {
			org: youth,
			field: 'teilhabe',
			title: 'Offener Treff für Jugendliche',
			description: 'Kicker, Musik, Gespräche – ein Ort zum Ankommen und Freundschaften schließen.',
			targetGroups: ['youth'],
			languages: ['de', 'en'],
			schedule: {
				kind: 'recurring',
				weekdays: [5],
				from: '16:00',
				to: '20:00',
				note: 'Freitags ab 16 Uhr.'
			},
			place: place('Offener Jugendtreff Landshut-West')
		});
		await offer(t, {
			org: existing.landshutSport,
			field: 'sport',
			title: 'Frauenschwimmen mit weiblicher Aufsicht',
			description:
				'Schwimmen lernen und üben in geschütztem Rahmen: nur Frauen, Aufsicht und Trainerin sind Frauen. Badekleidung nach eigener Wahl.',
			targetGroups: ['women'],
			languages: ['de', 'ar', 'tr'],
			schedule: {
				kind: 'recurring',
				weekdays: [7],
				from: '17:00',
				to: '18:30',
				note: 'Sonntags, Frauenzeit im Hallenbad.'
			},
			place: place('Hallenbad, Frauenzeit'),
			cost: '2 € Eintritt; ermäßigt mit Sozialpass.',
			accessible: true,
			contactId: sportTeam.id,
			reviewed: {
				daysAgo: 15,
				note: 'Bedarf aus dem Frauendialog: zusätzlicher Termin am Samstag wird geprüft.',
				by
			},
			translations: [
				{
					locale: 'ar',
					title: 'سباحة للنساء بإشراف نسائي',
					description: 'تعلم السباحة في إطار محمي: للنساء فقط، والمشرفة والمدربة من النساء.',
					state: 'reviewed'
				},
				{
					locale: 'tr',
					title: 'Kadın gözetiminde kadınlara özel yüzme',
					description:
						'Korunaklı ortamda yüzme öğrenin: sadece kadınlar, gözetmen ve antrenör kadındır.',
					state: 'reviewed'
				}
			]
		});
		await offer(t, {
			org: existing.landshutSport,
			field: 'sport',
			title: 'Fußball für alle',
			description:
				'Offenes Training für junge Menschen, egal woher sie kommen. Schuhe können ausgeliehen werden.',
			targetGroups: ['youth', 'young_adults', 'refugees'],
			languages: ['de'],
			schedule: {
				kind: 'recurring',
				weekdays: [3],
				from: '18:00',
				to: '19:30',
				note: 'Mittwochs auf dem Vereinsgelände.'
			},
			place: place('Sportplatz des Vereins'),
			contactId: sportTeam.id
		});
		await offer(t, {
			org: existing.landshutSport,
			field: 'sport',
			title: 'Frauensport und Gymnastik mit Kinderbetreuung',
			description: 'Bewegung, Gymnastik und Entspannung für Frauen; die Kinder spielen nebenan.',
			targetGroups: ['women'],
			languages: ['de', 'ar', 'fa'],
			schedule: {
				kind: 'recurring',
				weekdays: [1],
				from: '10:00',
				to: '11:00',
				note: 'Montags vormittags.'
			},
			place: place('Turnhalle der Grundschule'),
			childcare: true,
			contactId: sportTeam.id
		});
		await offer(t, {
			org: ukrainian,
			field: 'teilhabe',
			title: 'Begegnung und Beratung auf Ukrainisch',
			description:
				'Landsleute helfen bei Fragen zu Schule, Behörden und Alltag; danach gemeinsames Frühstück.',
			targetGroups: ['families', 'refugees'],
			languages: ['uk', 'ru', 'de'],
			schedule: {
				kind: 'recurring',
				weekdays: [6],
				from: '10:00',
				to: '12:00',
				note: 'Samstags vormittags.'
			},
			place: place('Gemeindesaal'),
			translations: [
				{
					locale: 'uk',
					title: 'Зустрічі та консультації українською',
					description:
						'Земляки допомагають з питаннями щодо школи, установ і побуту; потім спільний сніданок.',
					state: 'reviewed'
				}
			]
		});
		await offer(t, {
			org: arabic,
			field: 'familie',
			title: 'Elterncafé auf Arabisch und Deutsch',
			description:
				'Eltern tauschen sich über Kita, Schule und Erziehung aus; manchmal mit Gästen aus Schule oder Erziehungsberatung.',
			targetGroups: ['parents'],
			languages: ['ar', 'de'],
			schedule: {
				kind: 'recurring',
				weekdays: [2],
				from: '15:30',
				to: '17:00',
				note: 'Dienstags, Kinder sind willkommen.'
			},
			place: place('Familienraum im Stadtteilzentrum'),
			childcare: true,
			translations: [
				{
					locale: 'ar',
					title: 'مقهى الأهل بالعربية والألمانية',
					description: 'يتبادل الأهل الخبرات حول الروضة والمدرسة والتربية.',
					state: 'reviewed'
				}
			]
		});
		await offer(t, {
			org: helpers,
			field: 'teilhabe',
			title: 'Begleitung zu Ämtern und Arztterminen',
			description:
				'Ehrenamtliche begleiten zu Terminen, helfen beim Verstehen von Briefen und beim Ausfüllen von Formularen.',
			targetGroups: ['refugees', 'newcomers'],
			languages: ['de', 'en', 'fa', 'ar'],
			schedule: { kind: 'appointment', note: 'Bitte mindestens drei Tage vorher melden.' }
		});
		await offer(t, {
			org: kita,
			field: 'sprache',
			title: 'Sprachförderung in Kindertagesstätten',
			description:
				'Alltagsintegrierte Sprachbildung in teilnehmenden Kitas, dazu Elternabende zur Mehrsprachigkeit.',
			targetGroups: ['children', 'parents'],
			languages: ['de'],
			schedule: {
				kind: 'recurring',
				weekdays: [1, 2, 3, 4, 5],
				from: '08:00',
				to: '12:00',
				note: 'Im Kita-Alltag; Elternabende werden in der Kita angekündigt.'
			},
			place: place('In den teilnehmenden Kindertagesstätten'),
			registration: 'Über die Kita-Leitung.'
		});
		await offer(t, {
			org: healthGuides,
			field: 'gesundheit',
			title: 'Infoabend: Das deutsche Gesundheitssystem',
			description:
				'Gesundheitslotsinnen und -lotsen erklären Hausarzt, Facharzt, Notdienst und Krankenversicherung – mit Übersetzung in mehrere Sprachen.',
			targetGroups: ['all'],
			languages: ['de', 'ar', 'tr', 'ru', 'uk', 'fa'],
			schedule: { kind: 'once', inDays: 21, from: '18:00', to: '20:00' },
			place: place('Stadtteilzentrum, großer Saal'),
			registration: 'Bitte anmelden, damit genug Dolmetschende da sind.',
			accessible: true,
			translations: [
				{
					locale: 'tr',
					title: 'Bilgi akşamı: Alman sağlık sistemi',
					description:
						'Sağlık rehberleri aile hekimi, uzman doktor, acil servis ve sağlık sigortasını anlatıyor.',
					state: 'reviewed'
				},
				{
					locale: 'ru',
					title: 'Информационный вечер: система здравоохранения Германии',
					description:
						'Лоцманы здоровья объясняют: семейный врач, специалисты, неотложная помощь, страховка.',
					state: 'draft'
				}
			]
		});
		await offer(t, {
			org: existing.landshutOffice,
			field: 'interkulturelle-oeffnung',
			title: 'Fest der Begegnung zur Interkulturellen Woche',
			description:
				'Vereine und Initiativen des Netzwerks stellen sich vor: Musik, Essen aus vielen Ländern, Mitmachaktionen für Kinder.',
			targetGroups: ['all'],
			languages: ['de'],
			schedule: { kind: 'once', inDays: 60, from: '14:00', to: '18:00' },
			place: place('Innenhof des Rathauses'),
			accessible: true
		});
		await offer(t, {
			org: existing.landshutOffice,
			field: 'interkulturelle-oeffnung',
			title: 'Interkulturelle Kompetenz für Ehrenamtliche',
			description:
				'Halbtägige Schulung: Kommunikation, Rollenbilder, Umgang mit Missverständnissen.',
			targetGroups: ['volunteers'],
			languages: ['de'],
			schedule: { kind: 'once', inDays: 45, from: '09:00', to: '13:00' },
			place: place('Rathaus, Sitzungssaal'),
			registration: 'Anmeldung bei der Integrationsbeauftragten.'
		});
		// Not public: a draft, and a summer programme that has ended.
		await offer(t, {
			org: initiative,
			field: 'interkulturelle-oeffnung',
			title: 'Interkultureller Kochabend',
			description:
				'Gemeinsam kochen und essen; jede Woche stellt eine andere Familie ein Gericht vor.',
			targetGroups: ['all'],
			languages: ['de'],
			schedule: {
				kind: 'recurring',
				weekdays: [5],
				from: '18:00',
				to: '21:00',
				note: 'Freitags, Termine folgen.'
			},
			status: 'draft'
		});
		await offer(t, {
			org: youth,
			field: 'teilhabe',
			title: 'Ferienprogramm im Sommer',
			description: 'Ausflüge und Workshops in den Sommerferien.',
			targetGroups: ['children'],
			languages: ['de'],
			schedule: { kind: 'appointment' },
			validTo: addDays(today, -10)
		});

		const f = fields[t.id];
		const recordedBy = input.coordinators.landshut;
		for (const need of [
			{
				title: 'Hausaufgabenhilfe auf Ukrainisch für Grundschulkinder',
				fieldOfActionId: f.bildung,
				targetGroup: 'children',
				language: 'uk',
				sourceKind: 'inquiry' as const,
				sourceNote: 'Anliegen einer Mutter über das Kontaktformular.',
				urgency: 'medium' as const
			},
			{
				title: 'Psychosoziale Beratung auf Paschtu',
				fieldOfActionId: f.gesundheit,
				targetGroup: 'refugees',
				language: 'ps',
				sourceKind: 'counselling' as const,
				sourceNote: 'Rückmeldung aus der Migrationsberatung.',
				urgency: 'high' as const
			},
			{
				title: 'Bezahlbare Wohnungen für große Familien',
				fieldOfActionId: f.wohnen,
				targetGroup: 'families',
				sourceKind: 'statistics' as const,
				sourceNote: 'Wartezeiten beim Wohnungsamt.',
				urgency: 'high' as const
			},
			{
				title: 'Frauenschwimmen auch am Samstag',
				fieldOfActionId: f.sport,
				targetGroup: 'women',
				sourceKind: 'dialogue' as const,
				sourceNote: 'Dialog „Frauen im Quartier“.',
				urgency: 'low' as const
			},
			{
				title: 'Deutschkurs am Abend mit Kinderbetreuung',
				fieldOfActionId: f.sprache,
				targetGroup: 'parents',
				sourceKind: 'working_group' as const,
				sourceNote: 'Netzwerktreffen, TOP Sprachkurse.',
				urgency: 'medium' as const
			},
			{
				title: 'Sprachcafé im Stadtteil West',
				fieldOfActionId: f.sprache,
				targetGroup: 'all',
				sourceKind: 'working_group' as const,
				urgency: 'low' as const,
				status: 'covered' as const
			},
			{
				title: 'Willkommensflyer in leichter Sprache',
				fieldOfActionId: f.teilhabe,
				sourceKind: 'other' as const,
				urgency: 'low' as const,
				status: 'closed' as const
			}
		])
			await buildNeed(tx, t.id, { ...need, createdBy: recordedBy });
	}

	// ───────────────────────────── Gifhorn (seed 002) ─────────────────────────────
	async function seedGifhorn() {
		const t = gifhorn;
		const gifhornPlace = (name: string) => ({ name, city: 'Gifhorn', postalCode: '38518' });
		const mbe = await org(t, 'beratungsstelle', {
			name: 'Migrationsberatung im Landkreis Gifhorn',
			description: 'Beratung für Zugewanderte in Gifhorn und mit Außensprechstunden im Landkreis.',
			city: 'Gifhorn',
			postalCode: '38518',
			languages: ['de', 'ar', 'ru', 'fa', 'ku'],
			wheelchairAccessible: true,
			email: 'migrationsberatung@gifhorn-beratung.example'
		});
		const jmd = await org(t, 'beratungsstelle', {
			name: 'Jugendmigrationsdienst Gifhorn',
			city: 'Gifhorn',
			languages: ['de', 'ar', 'fa'],
			email: 'jmd@gifhorn-beratung.example'
		});
		const centre = await org(t, 'bildungstraeger', {
			name: 'Bildungsträger Sprache und Beruf Gifhorn',
			description: 'Integrationskurse, Berufssprachkurse, Jobcoaching.',
			city: 'Gifhorn',
			postalCode: '38518',
			languages: ['de', 'en'],
			wheelchairAccessible: true,
			website: 'https://sprache-beruf-gifhorn.example/'
		});
		const family = await org(t, 'familienzentrum', {
			name: 'Familienzentrum Gifhorn',
			description: 'Treffpunkt und Bildungsort für Familien; transkulturelle Elternarbeit.',
			city: 'Gifhorn',
			languages: ['de', 'ar', 'tr', 'ru']
		});
		const sport = await org(t, 'sportverein', {
			name: 'Stützpunktverein „Integration durch Sport“ Gifhorn',
			city: 'Gifhorn',
			languages: ['de', 'ar']
		});
		const helpers = await org(t, 'helferkreis', {
			name: 'Helferkreis Wittingen',
			description: 'Ehrenamtliche im Norden des Landkreises.',
			city: 'Wittingen',
			postalCode: '29378',
			languages: ['de', 'uk', 'ar']
		});
		const initiative = await org(t, 'interkulturelle-initiative', {
			name: 'Interkulturelle Initiative Gifhorn',
			city: 'Gifhorn',
			languages: ['de', 'tr', 'ar']
		});
		const mbeTeam = await team(
			t,
			mbe,
			'Team Migrationsberatung Gifhorn',
			'Beratung',
			'migrationsberatung@gifhorn-beratung.example'
		);
		const by = input.coordinators.gifhorn;

		await offer(t, {
			org: mbe,
			field: 'teilhabe',
			title: 'Migrationsberatung',
			description:
				'Beratung zu Aufenthalt, Familiennachzug, Sprachkursen, Arbeit und Wohnen – vertraulich und kostenlos.',
			targetGroups: ['newcomers', 'families'],
			languages: ['de', 'ar', 'ru', 'fa'],
			schedule: {
				kind: 'appointment',
				note: 'Außensprechstunde in Wittingen jeden zweiten Mittwoch.'
			},
			place: gifhornPlace('Beratungsstelle'),
			accessible: true,
			contactId: mbeTeam.id,
			translations: [
				{
					locale: 'ar',
					title: 'استشارات الهجرة',
					description: 'استشارة حول الإقامة ولمّ الشمل ودورات اللغة والعمل والسكن – سرية ومجانية.',
					state: 'reviewed'
				},
				{
					locale: 'ru',
					title: 'Миграционная консультация',
					description:
						'Консультации по вопросам пребывания, воссоединения семьи, языковых курсов, работы и жилья.',
					state: 'reviewed'
				}
			]
		});
		await offer(t, {
			org: mbe,
			field: 'teilhabe',
			title: 'Ausfüllhilfe für Formulare und Anträge',
			description:
				'Unverständliche Formulare? Wir helfen beim Lesen und Ausfüllen von Anträgen und Briefen.',
			targetGroups: ['all'],
			languages: ['de', 'ar', 'ru', 'uk', 'ku'],
			schedule: {
				kind: 'recurring',
				weekdays: [4],
				from: '09:00',
				to: '12:00',
				note: 'Donnerstags ohne Termin.'
			},
			place: gifhornPlace('Beratungsstelle'),
			contactId: mbeTeam.id,
			reviewed: {
				daysAgo: 60,
				note: 'Aus dem AK gesellschaftliche Teilhabe: Nachfrage hoch, zweiter Termin nötig.',
				by
			}
		});
		await offer(t, {
			org: jmd,
			field: 'bildung',
			title: 'Jugendmigrationsdienst: Schule, Ausbildung, Studium',
			description:
				'Begleitung für junge Zugewanderte bis 27 Jahre – vom Schulabschluss bis zur Ausbildung.',
			targetGroups: ['youth', 'young_adults'],
			languages: ['de', 'ar', 'fa'],
			schedule: { kind: 'appointment' },
			place: gifhornPlace('Jugendmigrationsdienst')
		});
		await offer(t, {
			org: centre,
			field: 'bildung',
			title: 'Integrationskurs mit Kinderbetreuung',
			description:
				'Allgemeiner Integrationskurs am Vormittag, mit Betreuung für Kinder ab einem Jahr.',
			targetGroups: ['newcomers', 'women'],
			languages: ['de'],
			schedule: {
				kind: 'recurring',
				weekdays: [1, 2, 3, 4, 5],
				from: '08:30',
				to: '12:45',
				note: 'Montag bis Freitag.'
			},
			place: gifhornPlace('Schulungsräume des Bildungsträgers'),
			cost: 'Kostenbeitrag nach BAMF-Vorgaben; Befreiung möglich.',
			registration: 'Einstufung nach Terminvereinbarung.',
			childcare: true,
			accessible: true,
			translations: [
				{
					locale: 'en',
					title: 'Integration course with childcare',
					description:
						'General integration course in the mornings, with care for children from the age of one.',
					state: 'reviewed'
				}
			]
		});
		await offer(t, {
			org: centre,
			field: 'ausbildung-arbeit',
			title: 'Jobcoaching und Bewerbungstraining',
			description:
				'Einzelcoaching und Gruppentraining: Lebenslauf, Bewerbung, Vorstellungsgespräch, Praktikumssuche.',
			targetGroups: ['young_adults', 'skilled_workers'],
			languages: ['de', 'en'],
			schedule: {
				kind: 'recurring',
				weekdays: [2],
				from: '13:00',
				to: '16:00',
				note: 'Dienstags nachmittags.'
			},
			place: gifhornPlace('Schulungsräume des Bildungsträgers')
		});
		await offer(t, {
			org: centre,
			field: 'ausbildung-arbeit',
			title: 'Infotag Ausbildung für Geflüchtete',
			description:
				'Betriebe aus dem Landkreis stellen Ausbildungsberufe vor; Beratung zu Praktikum und Ausbildungsduldung.',
			targetGroups: ['refugees'],
			languages: ['de', 'ar', 'fa'],
			schedule: { kind: 'once', inDays: 40, from: '10:00', to: '14:00' },
			place: gifhornPlace('Schulungsräume des Bildungsträgers, Foyer'),
			accessible: true
		});
		await offer(t, {
			org: family,
			field: 'familienleben',
			title: 'Elterncafé',
			description:
				'Eltern aus vielen Ländern treffen sich, Kinder spielen; Fachkräfte beantworten Fragen zu Kita und Schule.',
			targetGroups: ['parents'],
			languages: ['de', 'ar', 'tr'],
			schedule: {
				kind: 'recurring',
				weekdays: [3],
				from: '09:30',
				to: '11:00',
				note: 'Mittwochs.'
			},
			place: gifhornPlace('Familienzentrum'),
			childcare: true
		});
		await offer(t, {
			org: family,
			field: 'familienleben',
			title: 'Gesprächsabend: Erziehung zwischen zwei Kulturen',
			description:
				'Werte, Rollen, Traditionen: Eltern sprechen über den Alltag zwischen mitgebrachten und deutschen Verständnissen.',
			targetGroups: ['parents', 'families'],
			languages: ['de', 'ar'],
			schedule: { kind: 'once', inDays: 25, from: '18:00', to: '20:00' },
			place: gifhornPlace('Familienzentrum'),
			registration: 'Bitte anmelden; Kinderbetreuung auf Anfrage.'
		});
		await offer(t, {
			org: family,
			field: 'familienleben',
			title: 'Internationales Frauenfrühstück',
			description: 'Frauen frühstücken gemeinsam und sprechen über Themen, die sie selbst wählen.',
			targetGroups: ['women'],
			languages: ['de', 'ar', 'ru', 'tr'],
			schedule: {
				kind: 'recurring',
				weekdays: [5],
				from: '09:00',
				to: '11:00',
				note: 'Jeden zweiten Freitag.',
				interval: 2
			},
			place: gifhornPlace('Familienzentrum'),
			childcare: true,
			translations: [
				{
					locale: 'tr',
					title: 'Uluslararası kadın kahvaltısı',
					description:
						'Kadınlar birlikte kahvaltı yapar ve kendi seçtikleri konular hakkında konuşur.',
					state: 'reviewed'
				}
			]
		});
		await offer(t, {
			org: sport,
			field: 'teilhabe',
			title: 'Schwimmkurs für Frauen',
			description: 'Schwimmen lernen in kleiner Gruppe, nur für Frauen, mit Trainerin.',
			targetGroups: ['women'],
			languages: ['de', 'ar'],
			schedule: {
				kind: 'recurring',
				weekdays: [6],
				from: '16:00',
				to: '17:30',
				note: 'Samstags, zehn Termine.'
			},
			place: gifhornPlace('Hallenbad'),
			cost: '20 € für zehn Termine; Ermäßigung möglich.',
			registration: 'Anmeldung beim Verein.',
			translations: [
				{
					locale: 'ar',
					title: 'دورة سباحة للنساء',
					description: 'تعلم السباحة في مجموعة صغيرة، للنساء فقط، مع مدربة.',
					state: 'reviewed'
				}
			]
		});
		await offer(t, {
			org: helpers,
			field: 'bildung',
			title: 'Sprachcafé Wittingen',
			description: 'Deutsch sprechen, Fragen stellen, Leute kennenlernen.',
			targetGroups: ['all'],
			languages: ['de', 'uk', 'ar'],
			schedule: {
				kind: 'recurring',
				weekdays: [2],
				from: '16:00',
				to: '18:00',
				note: 'Dienstags.'
			},
			place: { name: 'Gemeindehaus', city: 'Wittingen', postalCode: '29378' }
		});
		await offer(t, {
			org: helpers,
			field: 'bildung',
			title: 'Hausaufgabenhilfe Wittingen',
			description: 'Ehrenamtliche helfen Grundschulkindern bei den Hausaufgaben.',
			targetGroups: ['children'],
			languages: ['de'],
			schedule: {
				kind: 'recurring',
				weekdays: [1, 4],
				from: '15:00',
				to: '17:00',
				note: 'Montag und Donnerstag, nicht in den Ferien.'
			},
			place: { name: 'Grundschule, Raum 3', city: 'Wittingen', postalCode: '29378' }
		});
		await offer(t, {
			org: initiative,
			field: 'teilhabe',
			title: 'Interkulturelles Fest im Park',
			description: 'Musik, Tanz und Essen aus vielen Ländern – zum Mitfeiern und Mitmachen.',
			targetGroups: ['all'],
			languages: ['de'],
			schedule: { kind: 'once', inDays: 75, from: '13:00', to: '19:00' },
			place: gifhornPlace('Stadtpark'),
			accessible: true
		});
		await offer(t, {
			org: existing.gifhornOffice,
			field: 'teilhabe',
			title: 'Einstieg in die Integrationsarbeit – Schulung für Ehrenamtliche',
			description:
				'Rechtliche Grundlagen, Angebote im Landkreis, Rollen im Ehrenamt; mit Austausch im Netzwerk.',
			targetGroups: ['volunteers'],
			languages: ['de'],
			schedule: { kind: 'once', inDays: 35, from: '17:00', to: '20:00' },
			place: gifhornPlace('Kreishaus, Sitzungsraum'),
			registration: 'Anmeldung bei der Stabsstelle Integration.'
		});

		const f = fields[t.id];
		for (const need of [
			{
				title: 'Mentoring für Auszubildende mit Fluchtgeschichte auf Dari/Farsi',
				fieldOfActionId: f['ausbildung-arbeit'],
				targetGroup: 'young_adults',
				language: 'fa',
				sourceKind: 'working_group' as const,
				sourceNote:
					'AK Integration in Ausbildung und Arbeit: Ausbildungsabbrüche im ersten Lehrjahr.',
				urgency: 'high' as const
			},
			{
				title: 'Ausfüllhilfe auch im Nordkreis',
				fieldOfActionId: f.teilhabe,
				targetGroup: 'all',
				sourceKind: 'working_group' as const,
				sourceNote: 'AK gesellschaftliche Teilhabe.',
				urgency: 'medium' as const
			},
			{
				title: 'Transkulturelle Elternabende in Kitas',
				fieldOfActionId: f.familienleben,
				targetGroup: 'parents',
				sourceKind: 'working_group' as const,
				sourceNote: 'AK Familienleben.',
				urgency: 'low' as const
			},
			{
				title: 'Lernförderung für Seiteneinsteiger in weiterführenden Schulen',
				fieldOfActionId: f.bildung,
				targetGroup: 'youth',
				language: 'uk',
				sourceKind: 'statistics' as const,
				sourceNote: 'Schulstatistik: Seiteneinsteiger aus der Ukraine.',
				urgency: 'high' as const
			}
		])
			await buildNeed(tx, t.id, { ...need, createdBy: input.coordinators.gifhorn });
	}

	// ───────────────────────────── Freising (seed 004) ─────────────────────────────
	async function seedFreising() {
		const t = freising;
		const townPlace = (m: Tenant, name: string) => ({
			name,
			city: m.name.replace(/^(Stadt|Gemeinde) /, ''),
			postalCode: { freising: '85354', moosburg: '85368', neufahrn: '85375', eching: '85386' }[
				m.slug
			]
		});
		const mbe = await org(t, 'beratungsstelle', {
			name: 'Migrationsberatung im Landkreis Freising',
			description: 'Beratung für Zugewanderte; Sprechstunden in Freising und in den Gemeinden.',
			city: 'Freising',
			postalCode: '85354',
			languages: ['de', 'ar', 'fa', 'uk', 'ru'],
			wheelchairAccessible: true,
			email: 'migrationsberatung@freising-beratung.example',
			alsoIn: [mu.freising.id, mu.moosburg.id, mu.neufahrn.id, mu.eching.id]
		});
		const school = await org(t, 'sprachschule', {
			name: 'Sprachschule Freising – Integrationskurse',
			city: 'Freising',
			postalCode: '85354',
			languages: ['de', 'en'],
			wheelchairAccessible: true,
			alsoIn: [mu.freising.id, mu.moosburg.id]
		});
		const moosburgHelpers = await org(t, 'helferkreis', {
			name: 'Helferkreis Asyl Moosburg',
			city: 'Moosburg a.d.Isar',
			postalCode: '85368',
			languages: ['de', 'en', 'fa', 'ar', 'uk'],
			alsoIn: [mu.moosburg.id]
		});
		const neufahrnHelpers = await org(t, 'helferkreis', {
			name: 'Helferkreis Neufahrn',
			city: 'Neufahrn b.Freising',
			postalCode: '85375',
			languages: ['de', 'en'],
			alsoIn: [mu.neufahrn.id]
		});
		const echingHelpers = await org(t, 'helferkreis', {
			name: 'Helferkreis Eching',
			city: 'Eching',
			postalCode: '85386',
			languages: ['de'],
			alsoIn: [mu.eching.id]
		});
		const jmd = await org(t, 'beratungsstelle', {
			name: 'Jugendmigrationsdienst Freising',
			city: 'Freising',
			languages: ['de', 'en', 'ar', 'fa']
		});
		const busTeam = await team(
			t,
			existing.familyCentre,
			'Team Mobile Elternbegleitung',
			'Beratung im Beratungsbus',
			'beratungsbus@familienzentrum-freising.example'
		);
		const mbeTeam = await team(
			t,
			mbe,
			'Team Migrationsberatung Freising',
			'Beratung',
			'migrationsberatung@freising-beratung.example'
		);
		const by = input.coordinators.freising;

		// „Mobile Elternbegleitung – Beratungsbus“: one stop per municipality and weekday.
		const stops: [Tenant, number, string, string[], Translation[]][] = [
			[
				mu.freising,
				1,
				'am Marktplatz',
				['de', 'en'],
				[
					{
						locale: 'en',
						title: 'Mobile parent support – advice bus in Freising',
						description:
							'The advice bus of the family centre comes to your town: advice and help for all parents, close to home.',
						state: 'reviewed'
					}
				]
			],
			[mu.moosburg, 2, 'am Stadtplatz', ['de', 'tr'], []],
			[
				mu.neufahrn,
				3,
				'vor dem Rathaus',
				['de', 'ar'],
				[
					{
						locale: 'ar',
						title: 'مرافقة الأهل المتنقلة – حافلة الاستشارة في نويفارن',
						description:
							'حافلة الاستشارة تأتي إلى بلدتك: مساعدة واستشارة لجميع الأهل بالقرب من السكن.',
						state: 'reviewed'
					}
				]
			],
			[mu.eching, 4, 'am Bürgerplatz', ['de'], []]
		];
		for (const [m, weekday, spot, languages, translations] of stops) {
			const town = townPlace(m, `Beratungsbus ${spot}`);
			await offer(t, {
				org: existing.familyCentre,
				field: 'familie',
				title: `Mobile Elternbegleitung – Beratungsbus in ${town.city}`,
				description:
					'Der Beratungsbus des Zentrums der Familie kommt in die Gemeinde: ein Ort der Begegnung mit Hilfe und Beratung für alle Eltern, wohnortnah. Gerade Eltern mit Migrationsgeschichte sind herzlich willkommen.',
				targetGroups: ['parents', 'families'],
				languages,
				schedule: {
					kind: 'recurring',
					weekdays: [weekday],
					from: '09:30',
					to: '12:30',
					note: 'Wöchentlich vormittags, ohne Anmeldung.'
				},
				location: 'mobile',
				place: town,
				municipalities: [m],
				contactId: busTeam.id,
				translations,
				reviewed:
					m.slug === 'neufahrn'
						? {
								daysAgo: 20,
								note: 'Arabischsprachige Beratung deckt den Bedarf aus der Beratungspraxis.',
								by
							}
						: undefined
			});
		}
		await offer(t, {
			org: existing.familyCentre,
			field: 'familie',
			title: 'Elterncafé im Zentrum der Familie',
			description:
				'Offener Treff für Eltern mit Babys und Kleinkindern; Fachkräfte beantworten Fragen rund um Erziehung und Gesundheit.',
			targetGroups: ['parents'],
			languages: ['de', 'en', 'ar'],
			schedule: { kind: 'recurring', weekdays: [5], from: '09:30', to: '11:30', note: 'Freitags.' },
			place: townPlace(mu.freising, 'Zentrum der Familie'),
			municipalities: [mu.freising],
			childcare: true,
			accessible: true,
			contactId: busTeam.id
		});
		await offer(t, {
			org: mbe,
			field: 'teilhabe',
			title: 'Migrationsberatung im Landkreis',
			description:
				'Beratung zu Aufenthalt, Sprache, Arbeit und Familie; Sprechstunden in Freising, Moosburg, Neufahrn und Eching.',
			targetGroups: ['newcomers', 'refugees'],
			languages: ['de', 'ar', 'fa', 'uk', 'ru'],
			schedule: { kind: 'appointment', note: 'Termine telefonisch oder per E-Mail.' },
			place: townPlace(mu.freising, 'Beratungsstelle'),
			contactId: mbeTeam.id,
			translations: [
				{
					locale: 'uk',
					title: 'Міграційна консультація в районі',
					description:
						'Консультації щодо перебування, мови, роботи та сім’ї у Фрайзінгу, Моосбурзі, Нойфарні та Ехінгу.',
					state: 'reviewed'
				},
				{
					locale: 'fa',
					title: 'مشاوره مهاجرت در شهرستان',
					description: 'مشاوره درباره اقامت، زبان، کار و خانواده.',
					state: 'draft'
				}
			]
		});
		await offer(t, {
			org: mbe,
			field: 'wohnen',
			title: 'Beratung bei der Wohnungssuche',
			description:
				'Angesichts des angespannten Wohnungsmarkts: Hilfe bei Wohnungsanzeigen, Bewerbungen, Wohngeld und Wohnberechtigungsschein.',
			targetGroups: ['refugees', 'families'],
			languages: ['de', 'ar', 'uk'],
			schedule: { kind: 'appointment' },
			place: townPlace(mu.freising, 'Beratungsstelle'),
			municipalities: [mu.freising],
			contactId: mbeTeam.id
		});
		await offer(t, {
			org: school,
			field: 'sprache',
			title: 'Integrationskurs in Freising',
			description: 'Allgemeiner Integrationskurs mit Orientierungskurs, vormittags.',
			targetGroups: ['newcomers'],
			languages: ['de'],
			schedule: {
				kind: 'recurring',
				weekdays: [1, 2, 3, 4, 5],
				from: '08:30',
				to: '12:45',
				note: 'Montag bis Freitag.'
			},
			place: townPlace(mu.freising, 'Sprachschule'),
			municipalities: [mu.freising],
			cost: 'Kostenbeitrag nach BAMF-Vorgaben; Befreiung möglich.',
			registration: 'Einstufungstest nach Terminvereinbarung.'
		});
		await offer(t, {
			org: school,
			field: 'sprache',
			title: 'Integrationskurs am Abend in Moosburg',
			description: 'Integrationskurs für Berufstätige, zweimal die Woche abends.',
			targetGroups: ['newcomers', 'skilled_workers'],
			languages: ['de'],
			schedule: {
				kind: 'recurring',
				weekdays: [1, 3],
				from: '18:00',
				to: '21:00',
				note: 'Montag und Mittwoch abends.'
			},
			place: townPlace(mu.moosburg, 'Grundschule, Raum 12'),
			municipalities: [mu.moosburg],
			cost: 'Kostenbeitrag nach BAMF-Vorgaben; Befreiung möglich.',
			registration: 'Anmeldung bei der Sprachschule.'
		});
		await offer(t, {
			org: moosburgHelpers,
			field: 'sprache',
			title: 'Sprachcafé Moosburg',
			description: 'Deutsch üben mit Ehrenamtlichen des Helferkreises, dazu Hilfe bei Briefen.',
			targetGroups: ['all'],
			languages: ['de', 'uk', 'ar'],
			schedule: {
				kind: 'recurring',
				weekdays: [2],
				from: '16:00',
				to: '18:00',
				note: 'Dienstags.'
			},
			place: townPlace(mu.moosburg, 'Pfarrheim'),
			municipalities: [mu.moosburg]
		});
		await offer(t, {
			org: moosburgHelpers,
			field: 'teilhabe',
			title: 'Fahrradwerkstatt für alle',
			description:
				'Gemeinsam Fahrräder reparieren; gespendete Räder werden gegen eine kleine Spende abgegeben.',
			targetGroups: ['all'],
			languages: ['de', 'fa', 'ar'],
			schedule: { kind: 'recurring', weekdays: [6], from: '10:00', to: '13:00', note: 'Samstags.' },
			place: townPlace(mu.moosburg, 'Werkstatt im Bauhof'),
			municipalities: [mu.moosburg]
		});
		await offer(t, {
			org: neufahrnHelpers,
			field: 'bildung',
			title: 'Hausaufgabenhilfe Neufahrn',
			description: 'Ehrenamtliche helfen Kindern der Grund- und Mittelschule bei den Hausaufgaben.',
			targetGroups: ['children'],
			languages: ['de'],
			schedule: {
				kind: 'recurring',
				weekdays: [1, 3],
				from: '15:00',
				to: '17:00',
				note: 'Montag und Mittwoch.'
			},
			place: townPlace(mu.neufahrn, 'Jugendzentrum'),
			municipalities: [mu.neufahrn]
		});
		await offer(t, {
			org: echingHelpers,
			field: 'sprache',
			title: 'Sprachpatenschaften in Eching',
			description:
				'Eine Patin oder ein Pate übt mit Ihnen Deutsch im Alltag – beim Einkaufen, beim Arzt, beim Elternabend.',
			targetGroups: ['newcomers', 'volunteers'],
			languages: ['de'],
			schedule: { kind: 'appointment', note: 'Vermittlung über den Helferkreis.' },
			municipalities: [mu.eching]
		});
		await offer(t, {
			org: existing.healthRegion,
			field: 'gesundheit',
			title: 'Infoabend „Gesund im Landkreis“',
			description:
				'Wie finde ich eine Hausärztin, was tun im Notfall, welche Vorsorge gibt es für Kinder? Mit Dolmetschenden.',
			targetGroups: ['all'],
			languages: ['de', 'ar', 'uk', 'tr', 'ru'],
			schedule: { kind: 'once', inDays: 20, from: '18:30', to: '20:30' },
			place: townPlace(mu.freising, 'Landratsamt, großer Sitzungssaal'),
			registration: 'Anmeldung erbeten.',
			accessible: true,
			translations: [
				{
					locale: 'uk',
					title: 'Інформаційний вечір «Здоровими в районі»',
					description:
						'Як знайти сімейного лікаря, що робити в екстреному випадку, які профілактичні огляди є для дітей?',
					state: 'reviewed'
				},
				{
					locale: 'ar',
					title: 'أمسية معلومات «بصحة جيدة في المقاطعة»',
					description:
						'كيف أجد طبيبة عائلة، ماذا أفعل في حالة الطوارئ، ما الفحوصات الوقائية للأطفال؟',
					state: 'reviewed'
				},
				{
					locale: 'tr',
					title: 'Bilgi akşamı “İlçede sağlıklı”',
					description:
						'Aile hekimi nasıl bulunur, acil durumda ne yapılır, çocuklar için hangi kontroller var?',
					state: 'draft'
				}
			]
		});
		await offer(t, {
			org: existing.youthWork,
			field: 'teilhabe',
			title: 'Interkulturelle Jugendwerkstatt in den Ferien',
			description: 'Drei Tage Film, Musik und Graffiti für Jugendliche aus Neufahrn und Eching.',
			targetGroups: ['youth'],
			languages: ['de', 'en'],
			schedule: {
				kind: 'once',
				inDays: 50,
				from: '10:00',
				to: '16:00',
				note: 'Drei Tage; Mittagessen inklusive.'
			},
			place: townPlace(mu.neufahrn, 'Jugendzentrum'),
			municipalities: [mu.neufahrn, mu.eching],
			registration: 'Anmeldung über die Kommunale Jugendarbeit.'
		});
		await offer(t, {
			org: jmd,
			field: 'ausbildung-arbeit',
			title: 'Jugendmigrationsdienst: Wege in Ausbildung und Beruf',
			description:
				'Beratung für junge Menschen bis 27 Jahre zu Schulabschluss, Ausbildung und Arbeit.',
			targetGroups: ['youth', 'young_adults'],
			languages: ['de', 'en', 'ar', 'fa'],
			schedule: { kind: 'appointment' },
			place: townPlace(mu.freising, 'Jugendmigrationsdienst')
		});
		await offer(t, {
			org: existing.freisingOffice,
			field: 'teilhabe',
			title: 'Sprechstunde der Integrationsbeauftragten',
			description:
				'Fragen, Ideen und Anliegen rund um Integration im Landkreis – für Zugewanderte, Ehrenamtliche und Gemeinden.',
			targetGroups: ['all'],
			languages: ['de', 'en'],
			schedule: { kind: 'appointment', note: 'Auch telefonisch.' },
			place: townPlace(mu.freising, 'Landratsamt'),
			accessible: true
		});

		const f = fields[t.id];
		for (const need of [
			{
				title: 'Sprachförderung in Kindertagesstätten in Eching',
				description:
					'Beim Vernetzungstreffen der Gemeinden genannt: Sprachförderung insbesondere in Kitas ausbauen.',
				fieldOfActionId: f.sprache,
				targetGroup: 'children',
				municipalityId: mu.eching.id,
				sourceKind: 'dialogue' as const,
				sourceNote: 'Vernetzungstreffen der Gemeinden zum Thema Integration.',
				urgency: 'high' as const
			},
			{
				title: 'Unterstützung bei der Wohnungssuche in Moosburg',
				description: 'Angespannte Wohnungsmarktsituation; bisher nur Beratung in Freising.',
				fieldOfActionId: f.wohnen,
				targetGroup: 'families',
				municipalityId: mu.moosburg.id,
				sourceKind: 'dialogue' as const,
				sourceNote: 'Vernetzungstreffen der Gemeinden zum Thema Integration.',
				urgency: 'high' as const
			},
			{
				title: 'Hausaufgabenhilfe in Moosburg',
				fieldOfActionId: f.bildung,
				targetGroup: 'children',
				municipalityId: mu.moosburg.id,
				sourceKind: 'working_group' as const,
				sourceNote: 'Helferkreis Asyl Moosburg.',
				urgency: 'medium' as const
			},
			{
				title: 'Elternberatung auf Arabisch in Neufahrn',
				fieldOfActionId: f.familie,
				targetGroup: 'parents',
				language: 'ar',
				municipalityId: mu.neufahrn.id,
				sourceKind: 'counselling' as const,
				sourceNote: 'Beratungspraxis der Migrationsberatung.',
				urgency: 'medium' as const
			},
			{
				title: 'Sprachförderung an Schulen ausbauen',
				fieldOfActionId: f.sprache,
				targetGroup: 'youth',
				sourceKind: 'dialogue' as const,
				sourceNote: 'Vernetzungstreffen der Gemeinden.',
				urgency: 'medium' as const
			},
			{
				title: 'Gesundheitsinformation auf Ukrainisch',
				fieldOfActionId: f.gesundheit,
				targetGroup: 'refugees',
				language: 'uk',
				sourceKind: 'inquiry' as const,
				urgency: 'low' as const,
				status: 'covered' as const
			}
		])
			await buildNeed(tx, t.id, { ...need, createdBy: input.coordinators.freising });
	}
}
