/**
 * The fifth demo network: Stadt Emmerich am Rhein, from seed 001 (Stabsstelle Asyl und
 * Integration, "Integrationskonzept: Weiteres Vorgehen", Sitzung des Integrationsrats am
 * 01.09.2016):
 *
 * - the Integrationsrat session of 01.09.2016 (Integrationskonzept: weiteres Vorgehen;
 *   Vorstellung und Diskussion der Leitlinien) with published minutes;
 * - the kick-off prepared with the Lenkungsgruppe, the first network meeting from which the first
 *   two working groups (AG Sprache, AG Arbeit und Ausbildung) came, their meetings;
 * - the six-month thematic exchange ("themenbezogener Austausch") as a participation process;
 * - the concept with the 16 guidelines as its frame, the guiding questions of the first guideline
 *   for the AG Sprache, goals, measures with milestones on the roadmap and indicators
 *   ("Integration messbar machen");
 * - the news Emmerich would publish to spread the results ("Informationen streuen"): EMMERICH_NEWS,
 *   text only, for the news domain to take over.
 *
 * What the seed does not say is invented and generic: people's names, addresses (town only),
 * e-mail addresses under .example, dates after 2016, indicator figures (marked as demo values).
 * Recent and coming dates are relative to the time of seeding.
 */
import type { Executor } from '../db/client';
import type { Tenant } from '../tenants/schema';
import type { User } from '../auth/schema';
import type { MembershipRole } from '../bodies/schema';
import type { TargetGroup } from '../offers/vocabulary';
import { meetingAttendance } from '../minutes/schema';
import { conceptGuidingQuestions } from '../concept/schema';
import { indicatorGoals, indicatorValues } from '../concept/indicator-schema';
import {
	consultationProcesses,
	contributions,
	dialogues,
	recommendationContributions,
	recommendations
} from '../participation/schema';
import type { organizations } from '../organizations/schema';
import {
	buildActionItem,
	buildAgendaItem,
	buildBody,
	buildContact,
	buildFieldOfAction,
	buildMeeting,
	buildMembership,
	buildOffer,
	buildOrganization,
	buildOrganizationType,
	buildTenant,
	buildUser,
	grantRole
} from '../factories';
import { addDays, berlinDateOf, fromBerlinLocal } from '../shared';
import {
	GUIDELINES_001,
	QUESTIONS_001,
	adoptIndicators,
	conceptLookups,
	fillEdition,
	insertEdition,
	yearEndValues,
	type GoalSpec
} from './concept';
import { linkFieldsAndPhases } from './participation';
import { DEFAULT_ORGANIZATION_TYPES } from './seed';

export const EMMERICH_SLUG = 'emmerich';
export const EMMERICH_COORDINATOR = 'koordination@emmerich.example';
export const EMMERICH_EXCHANGE_TITLE = 'Themenbezogener Austausch zum Integrationskonzept';

/** A news item Emmerich publishes; the news domain (issue 13) takes these over. */
export interface DemoNews {
	/** Berlin calendar day of publication, YYYY-MM-DD */
	date: string;
	title: string;
	summary: string;
	paragraphs: string[];
}

/**
 * "Informationen streuen": what the network tells everybody about its work, from the
 * Integrationsrat session to the results of the thematic exchange. Oldest first.
 */
export const EMMERICH_NEWS: DemoNews[] = [
	{
		date: '2016-09-02',
		title: 'Integrationsrat berät über das Integrationskonzept',
		summary:
			'Die Stabsstelle Asyl und Integration hat dem Integrationsrat das weitere Vorgehen zum Integrationskonzept und Vorschläge für 16 Leitlinien vorgestellt.',
		paragraphs: [
			'In seiner Sitzung am 1. September 2016 hat sich der Integrationsrat der Stadt Emmerich am Rhein mit dem Integrationskonzept befasst. Die Stabsstelle Asyl und Integration stellte die nächsten Schritte vor: Gemeinsam mit der Lenkungsgruppe wird ein Kick-Off vorbereitet. Dort wird zum ersten Netzwerktreffen eingeladen, aus dem die ersten beiden Arbeitsgruppen hervorgehen.',
			'Das Konzept verfolgt drei Ziele: ein sechsmonatiger themenbezogener Austausch, der den Status quo erhebt und Maßnahmen mit Blick auf selbst gesteckte Ziele entwickelt; die Weitergabe dieses Wissens an alle Akteur:innen im Netzwerk; und eine Roadmap mit Maßnahmen und Indikatoren, mit denen – soweit möglich – Integration messbar wird.',
			'Als Rahmen dienen Leitlinien, etwa „Integration bedeutet miteinander, nicht nebeneinander leben“. Der Integrationsrat hat die 16 Vorschläge diskutiert; sie sollen in den Arbeitsgruppen als Impulse dienen und bei der Priorisierung helfen.'
		]
	},
	{
		date: '2016-12-05',
		title: 'Erstes Netzwerktreffen: AG Sprache und AG Arbeit und Ausbildung gegründet',
		summary:
			'Rund 40 Akteur:innen aus Haupt- und Ehrenamt kamen zum ersten Netzwerktreffen Integration. Zwei Arbeitsgruppen starten im Januar.',
		paragraphs: [
			'Nach dem Kick-Off im Oktober trafen sich am 30. November 2016 Vertreter:innen von Beratungsstellen, Bildungsträgern, Vereinen, Ankommenstreffpunkten und Migrantenorganisationen zum ersten Netzwerktreffen Integration im Rathaus.',
			'Zwei Arbeitsgruppen wurden gegründet: die AG Sprache und die AG Arbeit und Ausbildung. Sie treffen sich in den kommenden sechs Monaten regelmäßig zum themenbezogenen Austausch.',
			'Mitmachen können alle, die in Emmerich mit Zugewanderten arbeiten oder selbst zugewandert sind. Beteiligung, insbesondere von denen, um die es geht, ist eine Voraussetzung des Konzepts: Bitte werben Sie auch in Ihren Netzwerken dafür.'
		]
	},
	{
		date: '2017-03-27',
		title: 'AG Sprache: Ankommenstreffpunkte sollen bekannter werden',
		summary:
			'Die AG Sprache hat Ideen gesammelt, wie mehr Gelegenheiten zum Deutschlernen im direkten Kontakt entstehen.',
		paragraphs: [
			'Ausgehend von der Leitlinie „Integration bedeutet miteinander, nicht nebeneinander leben“ hat sich die AG Sprache drei Fragen gestellt: Wie können mehr Gelegenheiten zum Lernen der deutschen Sprache in direktem Kontakt geschaffen werden? Wie machen wir die bestehenden Ankommenstreffpunkte bekannter? Wie erreichen wir bestimmte Zielgruppen?',
			'Erste Ergebnisse: Ein mehrsprachiger Flyer stellt alle Ankommenstreffpunkte vor, die Volkshochschule plant einen Deutschkurs mit Kinderbetreuung, und Sprachpat:innen aus dem Ehrenamt sollen Neuzugewanderte im Alltag begleiten.'
		]
	},
	{
		date: '2017-07-10',
		title: 'Ergebnisse des themenbezogenen Austauschs: Roadmap mit Maßnahmen und Indikatoren',
		summary:
			'Nach sechs Monaten Austausch legt das Netzwerk Integration eine Roadmap vor: Maßnahmen, Meilensteine und Kennzahlen, an denen sich Veränderungen ablesen lassen.',
		paragraphs: [
			'Sechs Monate lang haben die AG Sprache und die AG Arbeit und Ausbildung den Stand der Integration in Emmerich erhoben und Maßnahmen überlegt. Beim Netzwerktreffen am 5. Juli 2017 wurden die Ergebnisse vorgestellt.',
			'Die Roadmap enthält unter anderem: Ankommenstreffpunkte bekannter machen, Sprachpatenschaften, einen Deutschkurs mit Kinderbetreuung, eine Ausbildungsbörse mit Emmericher Betrieben und Jobpatenschaften.',
			'Damit Integration – soweit möglich – messbar wird, verfolgt das Netzwerk Kennzahlen wie die Einbürgerungsquote und die Beschäftigungsquote ausländischer Einwohner:innen. Die Zahlen werden jährlich fortgeschrieben und im Integrationskonzept veröffentlicht.'
		]
	},
	{
		date: '2026-11-16',
		title: 'Zehn Jahre Netzwerk Integration: Termine 2027',
		summary:
			'Das Netzwerk Integration trifft sich auch 2027 alle sechs bis acht Wochen. Neue Mitwirkende sind willkommen.',
		paragraphs: [
			'Aus dem Integrationskonzept von 2016 ist ein festes Netzwerk geworden: Die AG Sprache und die AG Arbeit und Ausbildung arbeiten weiter an ihren Maßnahmen, das Netzwerk Integration trifft sich alle sechs bis acht Wochen.',
			'Die nächsten Termine finden Sie im Kalender des Netzwerks. Wer mitmachen möchte, schreibt an die Stabsstelle Asyl und Integration: integration@emmerich.example.'
		]
	}
];

export interface DemoEmmerichInput {
	password: string;
	now?: Date;
}

const DAY = 86_400_000;
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** The instant of "HH:MM" on a Berlin calendar day "YYYY-MM-DD". */
function at(day: string, time: string): Date {
	const [y, m, d] = day.split('-').map(Number);
	const [h, min] = time.split(':').map(Number);
	return fromBerlinLocal(y, m, d, h, min);
}

/** ISO weekday (1 = Monday) of a calendar day. */
function isoWeekday(day: string): number {
	const [y, m, d] = day.split('-').map(Number);
	return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/** The first day on or after `day` that falls on the ISO weekday. */
function onOrAfter(day: string, weekday: number): string {
	let d = day;
	while (isoWeekday(d) !== weekday) d = addDays(d, 1);
	return d;
}

/** The last day on or before `day` that falls on the ISO weekday. */
function onOrBefore(day: string, weekday: number): string {
	let d = day;
	while (isoWeekday(d) !== weekday) d = addDays(d, -1);
	return d;
}

interface Item {
	title: string;
	description?: string;
	notes?: string;
	decision?: string;
	speaker?: string;
	actions?: { title: string; dueInDays: number; assignee?: User; done?: boolean }[];
}

export async function seedEmmerich(tx: Executor, input: DemoEmmerichInput): Promise<Tenant> {
	const now = input.now ?? new Date();
	const today = berlinDateOf(now);

	const emmerich = await buildTenant(tx, {
		name: 'Stadt Emmerich am Rhein',
		slug: EMMERICH_SLUG,
		kind: 'city',
		land: 'NW',
		ags: '05154012',
		settings: {
			publicContactEmail: 'integration@emmerich.example',
			publicDescription: [
				'Mit dem Integrationskonzept verfolgt die Stadt Emmerich am Rhein drei Ziele: einen sechsmonatigen themenbezogenen Austausch, der den Status quo erhebt und Maßnahmen zur Verbesserung der Gesamtsituation mit Blick auf selbst gesteckte Ziele überlegt; die Weitergabe dieses Wissens an alle im Bereich Integration wichtigen, im Netzwerk zusammengefassten Akteur:innen („Informationen streuen“); und eine Roadmap mit Maßnahmen und Indikatoren, anhand derer überprüfbar wird, ob sich etwas verändert – soweit möglich wird Integration messbar.',
				'Voraussetzung ist die Beteiligung, insbesondere von denen, um die es geht: Sie sind eingeladen, mitzumachen und in Ihren Netzwerken dafür zu werben. Den Rahmen bilden Leitlinien zur Integration in Emmerich, zum Beispiel: „Integration bedeutet miteinander, nicht nebeneinander leben.“',
				'Das Netzwerk Integration wird von der Stabsstelle Asyl und Integration koordiniert und trifft sich alle sechs bis acht Wochen; die AG Sprache und die AG Arbeit und Ausbildung arbeiten zu ihren Themen.'
			].join('\n\n')
		}
	});
	const tenantId = emmerich.id;

	const coordinator = await buildUser(tx, {
		email: EMMERICH_COORDINATOR,
		name: 'Stabsstelle Asyl und Integration Emmerich',
		password: input.password
	});
	await grantRole(tx, tenantId, coordinator.id, 'coordinator');

	const type: Record<string, string> = {};
	for (const t of DEFAULT_ORGANIZATION_TYPES)
		type[t.key] = (await buildOrganizationType(tx, tenantId, t)).id;

	const field: Record<string, string> = {};
	for (const [i, [key, de, en]] of [
		['sprache', 'Sprache', 'Language'],
		['arbeit-ausbildung', 'Arbeit und Ausbildung', 'Work and vocational training'],
		['begegnung', 'Begegnung und Teilhabe', 'Encounter and participation'],
		['beratung', 'Beratung und Information', 'Counselling and information']
	].entries())
		field[key] = (
			await buildFieldOfAction(tx, tenantId, { key, names: { de, en }, position: i + 1 })
		).id;

	// ---- the network's actors ----------------------------------------------------------------
	const org = (
		key: string,
		values: Partial<typeof organizations.$inferInsert> & { name: string }
	) => buildOrganization(tx, tenantId, { typeId: type[key], city: 'Emmerich am Rhein', ...values });
	const office = await org('verwaltung', {
		name: 'Stadt Emmerich am Rhein – Stabsstelle Asyl und Integration',
		description:
			'Koordiniert das Integrationskonzept und das Netzwerk Integration, bereitet die Sitzungen des Integrationsrats vor und ist Ansprechstelle für alle Fragen rund um Asyl und Integration.',
		email: 'integration@emmerich.example',
		postalCode: '46446',
		languages: ['de', 'en']
	});
	const vhs = await org('bildungstraeger', {
		name: 'Volkshochschule Emmerich-Rees',
		description: 'Integrations- und Deutschkurse, auch mit Kinderbetreuung.',
		postalCode: '46446',
		languages: ['de', 'en'],
		wheelchairAccessible: true
	});
	const mbe = await org('beratungsstelle', {
		name: 'Migrationsberatung für Erwachsene Emmerich',
		description:
			'Beratung zu Aufenthalt, Sprachkursen, Arbeit, Wohnen und Familie für Zugewanderte ab 27 Jahren.',
		postalCode: '46446',
		languages: ['de', 'ar', 'fa', 'tr', 'ru']
	});
	const cafe = await org('helferkreis', {
		name: 'Ankommenstreffpunkt Begegnungscafé',
		description:
			'Ehrenamtlich getragener Ankommenstreffpunkt: Deutsch im direkten Kontakt, Begegnung bei Kaffee und Tee, Hilfe bei Alltagsfragen.',
		languages: ['de', 'ar', 'uk', 'fa']
	});
	const sport = await org('sportverein', {
		name: 'Sportverein Emmerich 1920 e. V. (Demo)',
		description:
			'Fußball, Schwimmen und Gymnastik – offen für alle, mit Angeboten für Neuzugewanderte.',
		languages: ['de', 'tr']
	});
	const msoName = 'Internationaler Kulturverein Emmerich';
	const mso = await org('migrantenselbstorganisation', {
		name: msoName,
		description:
			'Migrantenorganisation: Treffpunkt, Hausaufgabenhilfe und Dolmetschen im Ehrenamt; vertreten im Integrationsrat.',
		languages: ['de', 'tr', 'ar', 'ku']
	});
	const jobcenter = await org('behoerde', {
		name: 'Jobcenter Emmerich am Rhein',
		description:
			'Arbeitsvermittlung und Leistungen nach dem SGB II; in der AG Arbeit und Ausbildung.'
	});

	const team = (o: { id: string }, name: string, role: string, email: string, phone?: string) =>
		buildContact(tx, tenantId, o.id, { name, role, email, phone: phone ?? null, consent: true });
	const officeTeam = await team(
		office,
		'Team Stabsstelle Asyl und Integration',
		'Koordination',
		'integration@emmerich.example'
	);
	const vhsTeam = await team(
		vhs,
		'Team Deutsch und Integration',
		'Kursberatung',
		'deutsch@vhs-emmerich.example',
		'02822 000 100'
	);
	const mbeTeam = await team(
		mbe,
		'Team Migrationsberatung',
		'Beratung',
		'mbe@emmerich.example',
		'02822 000 200'
	);
	const cafeTeam = await team(
		cafe,
		'Team Ankommenstreffpunkt (Ehrenamt)',
		'Ansprechpartner:innen',
		'ankommen@emmerich.example'
	);
	const sportTeam = await team(
		sport,
		'Team Integration durch Sport',
		'Übungsleitung',
		'sport@emmerich.example'
	);
	// a contact without consent: stays internal
	await buildContact(tx, tenantId, mso.id, {
		name: 'Team Vorstand',
		role: 'Vorstand',
		email: 'vorstand@kulturverein-emmerich.example'
	});

	// ---- public offers, each reachable by a contact -----------------------------------------
	type Offer = {
		org: { id: string };
		contactId: string;
		field: string;
		title: string;
		description: string;
		targetGroups: TargetGroup[];
		languages: string[];
		weekly?: { weekdays: number[]; from: string; to: string };
		place: string;
		paid?: boolean;
		registration?: boolean;
		childcare?: boolean;
		accessible?: boolean;
	};
	const offerSpecs: Offer[] = [
		{
			org: vhs,
			contactId: vhsTeam.id,
			field: 'sprache',
			title: 'Deutschkurs mit Kinderbetreuung',
			description:
				'Integrationskurs am Vormittag, während die Kinder im Nebenraum betreut werden. Einstufung nach Termin.',
			targetGroups: ['parents', 'women', 'newcomers'],
			languages: ['de'],
			weekly: { weekdays: [1, 3], from: '09:00', to: '12:15' },
			place: 'Volkshochschule Emmerich-Rees',
			registration: true,
			childcare: true,
			accessible: true
		},
		{
			org: cafe,
			contactId: cafeTeam.id,
			field: 'sprache',
			title: 'Sprachcafé im Ankommenstreffpunkt',
			description:
				'Deutsch sprechen im direkten Kontakt: Ehrenamtliche und Neuzugewanderte treffen sich bei Kaffee und Tee. Ohne Anmeldung, kostenlos.',
			targetGroups: ['all', 'newcomers', 'refugees'],
			languages: ['de', 'ar', 'uk', 'fa'],
			weekly: { weekdays: [2], from: '15:00', to: '17:00' },
			place: 'Ankommenstreffpunkt Begegnungscafé'
		},
		{
			org: mbe,
			contactId: mbeTeam.id,
			field: 'beratung',
			title: 'Migrationsberatung für Erwachsene',
			description:
				'Persönliche Beratung zu Aufenthalt, Sprachkursen, Anerkennung von Abschlüssen, Arbeit und Wohnen. Termine nach Vereinbarung.',
			targetGroups: ['newcomers', 'refugees', 'skilled_workers'],
			languages: ['de', 'ar', 'fa', 'tr', 'ru'],
			place: 'Migrationsberatung für Erwachsene Emmerich'
		},
		{
			org: office,
			contactId: officeTeam.id,
			field: 'arbeit-ausbildung',
			title: 'Sprechstunde Ausbildung und Arbeit',
			description:
				'Die Stabsstelle Asyl und Integration und das Jobcenter beraten gemeinsam zu Praktikum, Ausbildung und Arbeit.',
			targetGroups: ['young_adults', 'refugees', 'skilled_workers'],
			languages: ['de', 'en'],
			weekly: { weekdays: [4], from: '14:00', to: '16:00' },
			place: 'Rathaus Emmerich am Rhein'
		},
		{
			org: sport,
			contactId: sportTeam.id,
			field: 'begegnung',
			title: 'Offenes Fußballtraining für alle',
			description:
				'Jede Woche offenes Training für Jugendliche und junge Erwachsene, ob neu in Emmerich oder schon lange hier.',
			targetGroups: ['youth', 'young_adults'],
			languages: ['de', 'tr', 'ar'],
			weekly: { weekdays: [5], from: '17:00', to: '18:30' },
			place: 'Sportplatz Emmerich'
		}
	];
	for (const o of offerSpecs) {
		let schedule: Record<string, unknown> = { scheduleKind: 'appointment' };
		if (o.weekly) {
			const first = onOrAfter(today, o.weekly.weekdays[0]);
			schedule = {
				scheduleKind: 'recurring',
				weekdays: o.weekly.weekdays,
				rrule: `FREQ=WEEKLY;BYDAY=${o.weekly.weekdays.map((d) => BYDAY[d - 1]).join(',')}`,
				startsAt: at(first, o.weekly.from),
				endsAt: at(first, o.weekly.to)
			};
		}
		await buildOffer(tx, tenantId, o.org.id, {
			title: o.title,
			description: o.description,
			fieldOfActionId: field[o.field],
			targetGroups: o.targetGroups,
			languages: o.languages,
			costKind: o.paid ? 'paid' : 'free',
			registrationRequired: o.registration ?? false,
			childcare: o.childcare ?? false,
			accessible: o.accessible ?? false,
			contactId: o.contactId,
			publishedAt: new Date(now.getTime() - 40 * DAY),
			lastConfirmedAt: new Date(now.getTime() - 14 * DAY),
			...schedule,
			places: [{ name: o.place, city: 'Emmerich am Rhein', postalCode: '46446' }]
		});
	}

	// ---- people of the network (no password: they cannot sign in) ----------------------------
	const person = async (name: string, local: string) => {
		const user = await buildUser(tx, { name, email: `${local}@emmerich.example`, password: null });
		await grantRole(tx, tenantId, user.id, 'member');
		return user;
	};
	const p = {
		chair: await person('Ratsmitglied Hatice Yılmaz (Vorsitz Integrationsrat)', 'h.yilmaz'),
		council: await person('Ratsmitglied Peter Janssen', 'p.janssen'),
		mso: await person('Samir Haddad', 's.haddad'),
		vhs: await person('Anke van de Loo', 'a.vandeloo'),
		mbe: await person('Olga Schmidt', 'o.schmidt'),
		cafe: await person('Gisela Hendricks', 'g.hendricks'),
		sport: await person('Mehmet Aydın', 'm.aydin'),
		jobcenter: await person('Jan Terhorst', 'j.terhorst')
	};

	// ---- bodies -------------------------------------------------------------------------------
	const since2014 = '2014-06-01';
	const since2016 = '2016-06-01';
	const agSince = '2016-11-30';
	const rathaus = 'Rathaus Emmerich am Rhein, Ratssaal';
	const council = await buildBody(tx, tenantId, {
		kind: 'advisory_council',
		name: 'Integrationsrat der Stadt Emmerich am Rhein',
		shortName: 'Integrationsrat',
		description:
			'Vertretung der Einwohner:innen mit Migrationsgeschichte und Ratsmitglieder; berät den Rat in allen Fragen der Integration. Die Stabsstelle Asyl und Integration berichtet hier über das Integrationskonzept.',
		visibility: 'public',
		cadenceKind: 'quarterly',
		preferredWeekday: 4,
		preferredTime: '17:00',
		defaultLocation: rathaus,
		createdAt: at(since2014, '09:00')
	});
	const steering = await buildBody(tx, tenantId, {
		kind: 'steering_group',
		name: 'Lenkungsgruppe Integrationskonzept',
		shortName: 'Lenkungsgruppe',
		description:
			'Bereitet gemeinsam mit der Stabsstelle Asyl und Integration den Kick-Off und die Netzwerktreffen vor und steuert den Prozess des Integrationskonzepts.',
		visibility: 'network',
		cadenceKind: 'half_yearly',
		preferredWeekday: 3,
		preferredTime: '10:00',
		defaultLocation: 'Rathaus Emmerich am Rhein, Besprechungsraum',
		createdAt: at(since2016, '09:00')
	});
	const network = await buildBody(tx, tenantId, {
		kind: 'network',
		name: 'Netzwerk Integration Emmerich am Rhein',
		shortName: 'Netzwerk Integration',
		description:
			'Alle im Bereich Integration wichtigen Akteur:innen, haupt- und ehrenamtlich, und die, um die es geht. Das Netzwerk gibt das Wissen aus den Arbeitsgruppen weiter („Informationen streuen“) und trifft sich alle sechs bis acht Wochen.',
		visibility: 'public',
		cadenceKind: 'weeks',
		cadenceMinWeeks: 6,
		cadenceMaxWeeks: 8,
		preferredWeekday: 3,
		preferredTime: '15:00',
		defaultLocation: rathaus,
		createdAt: at('2016-10-26', '09:00')
	});
	const agSprache = await buildBody(tx, tenantId, {
		kind: 'working_group',
		name: 'AG Sprache',
		description:
			'Aus dem ersten Netzwerktreffen hervorgegangen. Leitfrage: Wie entstehen mehr Gelegenheiten, Deutsch im direkten Kontakt zu lernen?',
		fieldOfActionId: field.sprache,
		guidingQuestions: QUESTIONS_001.join('\n'),
		visibility: 'public',
		cadenceKind: 'weeks',
		cadenceMinWeeks: 6,
		cadenceMaxWeeks: 8,
		preferredWeekday: 3,
		preferredTime: '16:00',
		defaultLocation: 'Volkshochschule Emmerich-Rees',
		createdAt: at(agSince, '18:00')
	});
	const agArbeit = await buildBody(tx, tenantId, {
		kind: 'working_group',
		name: 'AG Arbeit und Ausbildung',
		description:
			'Aus dem ersten Netzwerktreffen hervorgegangen: Wege in Praktikum, Ausbildung und Arbeit für Zugewanderte.',
		fieldOfActionId: field['arbeit-ausbildung'],
		visibility: 'public',
		cadenceKind: 'weeks',
		cadenceMinWeeks: 6,
		cadenceMaxWeeks: 8,
		preferredWeekday: 3,
		preferredTime: '10:00',
		defaultLocation: 'Jobcenter Emmerich am Rhein',
		createdAt: at(agSince, '18:00')
	});

	const join = (
		b: { id: string; tenantId: string },
		user: User,
		role: MembershipRole,
		organizationId: string | null,
		startDate: string
	) => buildMembership(tx, b, user.id, role, { organizationId, startDate });
	await join(council, p.chair, 'speaker', null, since2014);
	await join(council, p.council, 'member', null, since2014);
	await join(council, p.mso, 'member', mso.id, since2014);
	await join(council, coordinator, 'guest', office.id, since2016);
	await join(steering, coordinator, 'moderator', office.id, since2016);
	await join(steering, p.chair, 'member', null, since2016);
	await join(steering, p.mbe, 'member', mbe.id, since2016);
	await join(steering, p.vhs, 'member', vhs.id, since2016);
	await join(network, coordinator, 'moderator', office.id, '2016-10-26');
	for (const [u, o] of [
		[p.vhs, vhs],
		[p.mbe, mbe],
		[p.cafe, cafe],
		[p.sport, sport],
		[p.mso, mso],
		[p.jobcenter, jobcenter]
	] as const)
		await join(network, u, 'member', o.id, '2016-10-26');
	await join(agSprache, p.vhs, 'speaker', vhs.id, agSince);
	await join(agSprache, p.cafe, 'deputy', cafe.id, agSince);
	await join(agSprache, p.mso, 'member', mso.id, agSince);
	await join(agSprache, p.mbe, 'member', mbe.id, agSince);
	await join(agSprache, coordinator, 'member', office.id, agSince);
	await join(agArbeit, p.jobcenter, 'speaker', jobcenter.id, agSince);
	await join(agArbeit, p.mbe, 'deputy', mbe.id, agSince);
	await join(agArbeit, p.sport, 'member', sport.id, agSince);
	await join(agArbeit, coordinator, 'member', office.id, agSince);

	// ---- meetings -------------------------------------------------------------------------------
	/** A held meeting with its agenda and published minutes (published a couple of weeks later). */
	async function held(
		b: { id: string; tenantId: string },
		day: string,
		time: string,
		spec: { title?: string; location?: string; intro?: string; items: Item[]; present: User[] }
	) {
		const startsAt = at(day, time);
		const endsAt = new Date(startsAt.getTime() + 2 * 3_600_000);
		const shared = new Date(endsAt.getTime() + 5 * DAY);
		const m = await buildMeeting(tx, b, {
			title: spec.title ?? null,
			startsAt,
			endsAt,
			location: spec.location ?? rathaus,
			state: 'held',
			invitedAt: new Date(startsAt.getTime() - 21 * DAY),
			minutesState: 'published',
			minutesIntro: spec.intro ?? null,
			minutesSharedAt: shared,
			minutesApprovedAt: new Date(shared.getTime() + 7 * DAY),
			minutesPublishedAt: new Date(shared.getTime() + 8 * DAY),
			createdAt: new Date(startsAt.getTime() - 30 * DAY),
			updatedAt: new Date(shared.getTime() + 8 * DAY)
		});
		for (const [i, item] of spec.items.entries()) {
			const row = await buildAgendaItem(tx, m, i + 1, {
				title: item.title,
				description: item.description ?? null,
				notes: item.notes ?? null,
				decision: item.decision ?? null
			});
			for (const a of item.actions ?? [])
				await buildActionItem(tx, b, {
					meetingId: m.id,
					agendaItemId: row.id,
					title: a.title,
					assigneeUserId: a.assignee?.id ?? null,
					dueDate: addDays(day, a.dueInDays),
					state: a.done ? 'done' : 'open',
					// done some days before it was due, but never before the minutes recorded it
					completedAt: a.done ? at(addDays(day, Math.max(a.dueInDays - 3, 6)), '12:00') : null,
					createdAt: shared
				});
		}
		for (const u of spec.present)
			await tx
				.insert(meetingAttendance)
				.values({ tenantId, meetingId: m.id, userId: u.id, status: 'present' });
		return m;
	}
	/** A meeting ahead, planned (not yet invited) with a draft agenda. */
	async function planned(
		b: { id: string; tenantId: string },
		day: string,
		time: string,
		items: string[],
		location = rathaus
	) {
		const startsAt = at(day, time);
		const m = await buildMeeting(tx, b, {
			startsAt,
			endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
			location,
			state: 'planned',
			createdAt: new Date(now.getTime() - 7 * DAY),
			updatedAt: new Date(now.getTime() - 7 * DAY)
		});
		for (const [i, title] of items.entries()) await buildAgendaItem(tx, m, i + 1, { title });
		return m;
	}

	// 01.09.2016: the Integrationsrat session of seed 001
	await held(council, '2016-09-01', '17:00', {
		intro:
			'Die Stabsstelle Asyl und Integration stellt das weitere Vorgehen zum Integrationskonzept vor. Die Vorlage liegt allen Mitgliedern vor.',
		present: [p.chair, p.council, p.mso, coordinator],
		items: [
			{
				title: 'Eröffnung, Feststellung der Beschlussfähigkeit, Genehmigung der Tagesordnung',
				notes: 'Die Vorsitzende eröffnet die Sitzung; der Integrationsrat ist beschlussfähig.'
			},
			{
				title: 'Integrationskonzept: Weiteres Vorgehen',
				description:
					'Bericht der Stabsstelle Asyl und Integration: nächste Schritte, Ziele und Voraussetzungen.',
				notes: [
					'Nächste Schritte: 1. Vorbereitung des Kick-Offs zusammen mit der Lenkungsgruppe; 2. dort Einladung zum ersten Netzwerktreffen, aus dem die ersten beiden AGs hervorgehen; 3. in dieser Sitzung: Vorstellung und Diskussion von Leitlinien.',
					'Ziele: 1. sechsmonatiger Austauschprozess (themenbezogener Austausch) zur Erhebung des Status quo und zum Überlegen von Maßnahmen zur Verbesserung der Gesamtsituation mit Blick auf selbst gesteckte Ziele; 2. Transfer dieses Wissens an alle im Bereich Integration wichtigen, im Netzwerk zusammengefassten Akteur:innen (Informationen streuen dank Netzwerk); 3. als Produkt der Treffen im besten Falle eine Roadmap bzw. Sammlung von Maßnahmen und Indikatoren, anhand derer bei vorhandenen Informationen und Zahlen überprüfbar wird, ob es Veränderungen gibt (soweit möglich Integration messbar machen).',
					'Voraussetzungen: 1. Beteiligung, insbesondere von denen, um die es geht – die Mitglieder des Integrationsrats sind zur Teilnahme eingeladen und gebeten, in ihren Netzwerken dafür zu werben; 2. Leitlinien als Rahmen.'
				].join('\n\n'),
				decision:
					'Der Integrationsrat nimmt den Bericht zur Kenntnis und unterstützt das Vorgehen.',
				actions: [
					{
						title: 'Kick-Off mit der Lenkungsgruppe vorbereiten',
						assignee: coordinator,
						dueInDays: 50,
						done: true
					},
					{
						title: 'In den eigenen Netzwerken für die Teilnahme am Netzwerktreffen werben',
						assignee: p.mso,
						dueInDays: 80,
						done: true
					}
				]
			},
			{
				title: 'Vorstellung und Diskussion der Leitlinien zur Integration in Emmerich',
				description:
					'Vorschläge für Leitlinien zur Eingrenzung und Akzentuierung des Integrationsbegriffs.',
				notes: [
					'Die Stabsstelle stellt 16 Vorschläge für Leitlinien vor. Funktion: Sie sollen in den AGs in Erinnerung gerufen werden, wenn über Ziele, Indikatoren und Maßnahmen nachgedacht wird (als Impulse), und bei der Priorisierung helfen.',
					'Beispiel: Leitlinie „Integration bedeutet miteinander statt nebeneinander leben“ – daraus ergeben sich Fragen für die AG Sprache, z. B. wie mehr Gelegenheiten zum Lernen der deutschen Sprache in direktem Kontakt geschaffen werden können, wie die bestehenden Ankommenstreffpunkte bekannter werden und wie bestimmte Zielgruppen erreicht werden.',
					'In der Diskussion wird betont, dass die Herkunftssprachen neben der gemeinsamen Sprache Deutsch nicht vernachlässigt werden dürfen und Migrant:innen als Akteur:innen beteiligt werden.'
				].join('\n\n'),
				decision:
					'Der Integrationsrat empfiehlt, die 16 Leitlinien als Rahmen des Integrationskonzepts zu verwenden.'
			},
			{ title: 'Mitteilungen und Verschiedenes', notes: 'Keine weiteren Mitteilungen.' }
		]
	});
	// the Lenkungsgruppe prepares the kick-off
	await held(steering, '2016-10-12', '10:00', {
		location: 'Rathaus Emmerich am Rhein, Besprechungsraum',
		present: [coordinator, p.chair, p.mbe, p.vhs],
		items: [
			{
				title: 'Vorbereitung des Kick-Offs zum Integrationskonzept',
				notes:
					'Ablauf, Einladungsliste (alle im Bereich Integration wichtigen Akteur:innen, Migrantenorganisationen, Ankommenstreffpunkte) und Moderation werden abgestimmt. Einladungen auch in einfacher Sprache und mehrsprachig.',
				decision: 'Der Kick-Off findet am 26.10.2016 im Ratssaal statt.',
				actions: [
					{
						title: 'Einladungen zum Kick-Off versenden',
						assignee: coordinator,
						dueInDays: 3,
						done: true
					}
				]
			},
			{
				title: 'Themen der ersten Arbeitsgruppen',
				notes: 'Vorschlag: Sprache sowie Arbeit und Ausbildung als erste Themen.'
			}
		]
	});
	// the kick-off: invitation to the first network meeting
	await held(network, '2016-10-26', '17:00', {
		title: 'Kick-Off Integrationskonzept',
		present: [coordinator, p.vhs, p.mbe, p.cafe, p.sport, p.mso, p.jobcenter],
		items: [
			{
				title: 'Begrüßung und Vorstellung des Integrationskonzepts',
				notes: 'Ziele, Leitlinien und Ablauf des sechsmonatigen themenbezogenen Austauschs.'
			},
			{
				title: 'Einladung zum ersten Netzwerktreffen',
				notes: 'Alle Anwesenden sind eingeladen und werben in ihren Netzwerken für die Teilnahme.',
				decision: 'Das erste Netzwerktreffen findet am 30.11.2016 statt.'
			}
		]
	});
	// the first network meeting: the first two working groups
	await held(network, '2016-11-30', '15:00', {
		title: 'Erstes Netzwerktreffen Integration',
		intro:
			'Rund 40 Teilnehmende aus Haupt- und Ehrenamt, darunter Vertreter:innen von Migrantenorganisationen.',
		present: [coordinator, p.vhs, p.mbe, p.cafe, p.sport, p.mso, p.jobcenter],
		items: [
			{
				title: 'Leitlinien als Rahmen',
				notes:
					'Die 16 Leitlinien werden vorgestellt; sie dienen den AGs als Impulse und bei der Priorisierung.'
			},
			{
				title: 'Gründung der ersten Arbeitsgruppen',
				notes:
					'In Kleingruppen werden Themen gesammelt und gewichtet. Für die ersten beiden AGs finden sich ausreichend Mitwirkende.',
				decision:
					'Gegründet werden die AG Sprache (Sprecherin: Volkshochschule) und die AG Arbeit und Ausbildung (Sprecher: Jobcenter). Beide treffen sich ab Januar 2017 zum sechsmonatigen themenbezogenen Austausch.',
				actions: [
					{
						title: 'Erste Sitzung der AG Sprache einberufen',
						assignee: p.vhs,
						dueInDays: 30,
						done: true
					},
					{
						title: 'Erste Sitzung der AG Arbeit und Ausbildung einberufen',
						assignee: p.jobcenter,
						dueInDays: 30,
						done: true
					}
				]
			}
		]
	});
	await held(agSprache, '2017-01-18', '16:00', {
		location: 'Volkshochschule Emmerich-Rees',
		present: [p.vhs, p.cafe, p.mso, p.mbe, coordinator],
		items: [
			{
				title: 'Status quo: Sprachangebote in Emmerich',
				notes:
					'Bestandsaufnahme der Integrations- und Deutschkurse, der Ankommenstreffpunkte und Sprachcafés. Kurse mit Kinderbetreuung fehlen.'
			},
			{
				title: 'Leitfragen zur Leitlinie „miteinander, nicht nebeneinander leben“',
				notes: QUESTIONS_001.map((q, i) => `${i + 1}. ${q}`).join('\n'),
				actions: [
					{
						title: 'Übersicht aller Ankommenstreffpunkte zusammenstellen',
						assignee: p.cafe,
						dueInDays: 42,
						done: true
					}
				]
			}
		]
	});
	await held(agArbeit, '2017-01-25', '10:00', {
		location: 'Jobcenter Emmerich am Rhein',
		present: [p.jobcenter, p.mbe, p.sport, coordinator],
		items: [
			{
				title: 'Status quo: Wege in Ausbildung und Arbeit',
				notes:
					'Viele Geflüchtete haben Berufserfahrung, aber keine anerkannten Abschlüsse. Betriebe berichten von offenen Ausbildungsplätzen.'
			},
			{
				title: 'Ideen für Maßnahmen',
				notes: 'Ausbildungsbörse mit Emmericher Betrieben; Jobpatenschaften aus dem Ehrenamt.',
				actions: [
					{
						title: 'Betriebe für eine Ausbildungsbörse ansprechen',
						assignee: p.jobcenter,
						dueInDays: 60,
						done: true
					}
				]
			}
		]
	});
	await held(agSprache, '2017-03-15', '16:00', {
		location: 'Volkshochschule Emmerich-Rees',
		present: [p.vhs, p.cafe, p.mso, coordinator],
		items: [
			{
				title: 'Ankommenstreffpunkte bekannter machen',
				notes:
					'Ein mehrsprachiger Flyer und eine Liste im Angebotsfinder stellen alle Treffpunkte vor.',
				decision:
					'Die AG schlägt die Maßnahme „Ankommenstreffpunkte bekannter machen“ für die Roadmap vor.'
			},
			{
				title: 'Zielgruppen erreichen',
				notes: 'Mütter über Kitas und Schulen, junge Männer über Sportvereine und den Kulturverein.'
			}
		]
	});
	await held(network, '2017-07-05', '15:00', {
		title: 'Netzwerktreffen: Ergebnisse des themenbezogenen Austauschs',
		present: [coordinator, p.vhs, p.mbe, p.cafe, p.sport, p.mso, p.jobcenter],
		items: [
			{
				title: 'Ergebnisse der AG Sprache und der AG Arbeit und Ausbildung',
				notes: 'Beide AGs stellen Status quo, Ziele und vorgeschlagene Maßnahmen vor.'
			},
			{
				title: 'Roadmap mit Maßnahmen und Indikatoren',
				notes:
					'Die Maßnahmen werden anhand der Leitlinien priorisiert; für jedes Ziel werden Indikatoren benannt, soweit Zahlen vorhanden sind.',
				decision:
					'Das Netzwerk beschließt die Roadmap und bittet die Stabsstelle, die Ergebnisse an alle Akteur:innen weiterzugeben.'
			}
		]
	});

	// recent meetings of the network and the AGs (relative to now) and the next ones ahead
	const lastNetwork = onOrBefore(addDays(today, -35), 3);
	await held(network, lastNetwork, '15:00', {
		title: 'Netzwerktreffen Integration',
		present: [coordinator, p.vhs, p.mbe, p.cafe, p.mso],
		items: [
			{
				title: 'Berichte aus der AG Sprache und der AG Arbeit und Ausbildung',
				notes: 'Stand der Maßnahmen auf der Roadmap; die Kennzahlen des Vorjahres liegen vor.'
			},
			{
				title: 'Informationen streuen: Termine und Neuigkeiten',
				notes: 'Die Termine für das kommende Jahr werden im Kalender des Netzwerks veröffentlicht.',
				actions: [
					{
						title: 'Kennzahlen des laufenden Jahres in das Integrationskonzept eintragen',
						assignee: coordinator,
						dueInDays: 90
					}
				]
			}
		]
	});
	await held(agSprache, onOrBefore(addDays(today, -20), 3), '16:00', {
		location: 'Volkshochschule Emmerich-Rees',
		present: [p.vhs, p.cafe, p.mso],
		items: [
			{
				title: 'Sprachpatenschaften: Stand und nächste Schritte',
				notes: 'Zwölf Patenschaften laufen; weitere Ehrenamtliche werden gesucht.'
			}
		]
	});
	// every six to eight weeks ahead: the network, and each AG once before the next network meeting
	let next = addDays(lastNetwork, 7 * 7);
	const networkItems = [
		'Begrüßung, Protokoll der letzten Sitzung',
		'Berichte aus den Arbeitsgruppen',
		'Roadmap: Stand der Maßnahmen und Indikatoren',
		'Verschiedenes'
	];
	for (let i = 0; i < 3; i++) {
		await planned(network, next, '15:00', networkItems);
		next = onOrAfter(addDays(next, 7 * (i % 2 === 0 ? 6 : 8)), 3);
	}
	await planned(council, onOrAfter(addDays(today, 70), 4), '17:00', [
		'Eröffnung, Feststellung der Beschlussfähigkeit, Genehmigung der Tagesordnung',
		'Integrationskonzept: Bericht der Stabsstelle Asyl und Integration zu Maßnahmen und Indikatoren',
		'Mitteilungen und Verschiedenes'
	]);
	await planned(
		agSprache,
		onOrAfter(addDays(today, 28), 3),
		'16:00',
		['Ankommenstreffpunkte: neue Orte', 'Sprachpatenschaften'],
		'Volkshochschule Emmerich-Rees'
	);
	await planned(
		agArbeit,
		onOrAfter(addDays(today, 35), 3),
		'10:00',
		['Ausbildungsbörse: Planung', 'Jobpatenschaften'],
		'Jobcenter Emmerich am Rhein'
	);

	// ---- the concept: guidelines, questions, goals, measures, roadmap, indicators -------------
	const { states, fields } = await conceptLookups(tx, tenantId);
	const edition = await insertEdition(tx, tenantId, {
		title: 'Integrationskonzept der Stadt Emmerich am Rhein',
		leitbild:
			'Leitlinien zur Integration in Emmerich: Sie werden in den Arbeitsgruppen in Erinnerung gerufen, wenn über Ziele, Indikatoren und Maßnahmen nachgedacht wird (als Impulse), und helfen bei der Priorisierung. „Integration bedeutet miteinander, nicht nebeneinander leben.“',
		state: 'adopted',
		adoptedOn: '2017-09-21',
		adoptedBy: 'Rat der Stadt Emmerich am Rhein',
		createdBy: coordinator.id,
		createdAt: at('2016-08-15', '09:00')
	});
	const soon = (days: number) => addDays(today, days);
	const goals: GoalSpec[] = [
		{
			field: 'sprache',
			title: 'Mehr Gelegenheiten, Deutsch im direkten Kontakt zu lernen',
			description:
				'Aus den Leitfragen der AG Sprache zur Leitlinie „Integration bedeutet miteinander, nicht nebeneinander leben“.',
			measures: [
				{
					title: 'Ankommenstreffpunkte bekannter machen',
					description:
						'Mehrsprachiger Flyer, Einträge im Angebotsfinder und Vorstellung in Kitas, Schulen und Vereinen.',
					state: 'umsetzung',
					progress: 70,
					start: '2017-09-01',
					end: soon(180),
					partners: 'Ankommenstreffpunkte, Internationaler Kulturverein',
					targetGroups: ['newcomers', 'refugees'],
					guideline: 0,
					milestones: [
						['Flyer in sechs Sprachen', '2018-03-31', '2018-03-20'],
						['Alle Treffpunkte im Angebotsfinder', soon(-60), soon(-75)],
						['Vorstellung in allen Kitas und Grundschulen', soon(120), null]
					]
				},
				{
					title: 'Sprachpatenschaften mit Ehrenamtlichen',
					description:
						'Ehrenamtliche begleiten Neuzugewanderte im Alltag und sprechen Deutsch mit ihnen.',
					state: 'umsetzung',
					progress: 40,
					start: '2019-01-01',
					partners: 'Ankommenstreffpunkt Begegnungscafé',
					guideline: 13,
					milestones: [
						['Zehn Patenschaften', '2020-06-30', '2020-05-12'],
						['20 Patenschaften', soon(150), null]
					]
				},
				{
					title: 'Deutschkurs mit Kinderbetreuung an der Volkshochschule',
					state: 'abgeschlossen',
					start: '2018-01-08',
					end: '2018-12-31',
					targetGroups: ['parents', 'women'],
					guideline: 8,
					milestones: [['Erster Kurs startet', '2018-01-08', '2018-01-08']]
				}
			]
		},
		{
			field: 'arbeit-ausbildung',
			title: 'Zugewanderte finden Wege in Ausbildung und Arbeit',
			description: 'Ergebnis der AG Arbeit und Ausbildung im themenbezogenen Austausch.',
			measures: [
				{
					title: 'Ausbildungsbörse mit Emmericher Betrieben',
					description:
						'Jährliche Börse, auf der Betriebe Praktikums- und Ausbildungsplätze vorstellen.',
					state: 'umsetzung',
					progress: 60,
					start: '2018-03-01',
					partners: 'Jobcenter, Betriebe vor Ort',
					targetGroups: ['young_adults', 'refugees'],
					guideline: 7,
					milestones: [
						['Erste Ausbildungsbörse', '2018-04-25', '2018-04-25'],
						['Ausbildungsbörse 2027', soon(130), null]
					]
				},
				{
					title: 'Jobpatenschaften',
					description: 'Ehrenamtliche mit Berufserfahrung begleiten Bewerbungen und den Einstieg.',
					state: 'vorgeschlagen',
					guideline: 9
				}
			]
		},
		{
			field: 'beratung',
			title: 'Informationen erreichen alle Akteur:innen im Netzwerk',
			description:
				'Informationen streuen dank Netzwerk: das Wissen aus den AGs wird weitergegeben.',
			measures: [
				{
					title: 'Neuigkeiten nach jedem Netzwerktreffen veröffentlichen',
					state: 'umsetzung',
					progress: 80,
					start: '2017-07-05',
					guideline: 14,
					milestones: [['Termine des Folgejahres veröffentlicht', soon(-20), soon(-25)]]
				}
			]
		}
	];
	const { guidelineIds, goalIds } = await fillEdition(
		tx,
		tenantId,
		edition.id,
		GUIDELINES_001,
		goals,
		states,
		fields,
		office.id,
		coordinator.id
	);
	for (const [i, question] of QUESTIONS_001.entries())
		await tx.insert(conceptGuidingQuestions).values({
			tenantId,
			guidelineId: guidelineIds[0],
			bodyId: agSprache.id,
			position: i + 1,
			question
		});
	const ids = await adoptIndicators(
		tx,
		tenantId,
		['auslaenderanteil', 'einbuergerungsquote', 'sv-beschaeftigungsquote-auslaender'],
		{ auslaenderanteil: { level: 'tenant' } }
	);
	const lastYear = Number(today.slice(0, 4)) - 1;
	const series = (start: number, step: number) =>
		Object.fromEntries(
			Array.from({ length: lastYear - 2016 + 1 }, (_, i) => [
				String(2016 + i),
				Math.round((start + step * i) * 10) / 10
			])
		);
	await tx
		.insert(indicatorValues)
		.values([
			...yearEndValues(tenantId, ids.auslaenderanteil, series(21.4, 0.4)),
			...yearEndValues(tenantId, ids.einbuergerungsquote, series(1.1, 0.08)),
			...yearEndValues(tenantId, ids['sv-beschaeftigungsquote-auslaender'], series(41.5, 1.3))
		]);
	await tx.insert(indicatorGoals).values([
		{
			tenantId,
			indicatorId: ids['sv-beschaeftigungsquote-auslaender'],
			goalId: goalIds['arbeit-ausbildung']
		},
		{ tenantId, indicatorId: ids.einbuergerungsquote, goalId: goalIds.beratung }
	]);

	// ---- the six-month thematic exchange (participation process) ------------------------------
	const [process] = await tx
		.insert(consultationProcesses)
		.values({
			tenantId,
			title: EMMERICH_EXCHANGE_TITLE,
			purpose:
				'Sechsmonatiger Austauschprozess zur Erhebung des Status quo und zum Überlegen von Maßnahmen zur Verbesserung der Gesamtsituation mit Blick auf selbst gesteckte Ziele. Beteiligt sind alle im Netzwerk zusammengefassten Akteur:innen und insbesondere die, um die es geht.',
			status: 'archived',
			allowAnonymous: true,
			resultsIntro: [
				'Als Produkt der Treffen liegt eine Roadmap mit Maßnahmen und Indikatoren vor, anhand derer bei vorhandenen Informationen und Zahlen überprüfbar wird, ob es Veränderungen gibt.',
				'Die Leitlinien zur Integration in Emmerich waren dabei der Rahmen: Sie wurden als Impulse in Erinnerung gerufen und halfen bei der Priorisierung.'
			].join('\n\n'),
			createdBy: coordinator.id,
			createdAt: at('2016-09-02', '09:00'),
			updatedAt: at('2017-07-10', '09:00')
		})
		.returning();
	await linkFieldsAndPhases(
		tx,
		tenantId,
		process.id,
		[field.sprache, field['arbeit-ausbildung']],
		[
			['Kick-Off und erstes Netzwerktreffen', '2016-09-02', '2016-11-30'],
			['Themenbezogener Austausch in den AGs', '2016-12-01', '2017-05-31'],
			['Maßnahmen und Indikatoren priorisieren', '2017-06-01', '2017-07-05'],
			['Roadmap und Informationen streuen', '2017-07-06', '2017-12-31']
		]
	);
	const [kickoff] = await tx
		.insert(dialogues)
		.values({
			tenantId,
			processId: process.id,
			title: 'Erstes Netzwerktreffen Integration',
			description:
				'Aus diesem Treffen gingen die AG Sprache und die AG Arbeit und Ausbildung hervor.',
			targetGroup: 'all',
			startsAt: at('2016-11-30', '15:00'),
			endsAt: at('2016-11-30', '17:00'),
			place: rathaus,
			languages: ['de', 'ar', 'tr'],
			accessibilityNote: 'Stufenloser Zugang über den Seiteneingang.',
			registrationEnabled: false,
			createdAt: at('2016-10-27', '09:00'),
			updatedAt: at('2016-10-27', '09:00')
		})
		.returning({ id: dialogues.id });
	const cards: [string, string, string, TargetGroup][] = [
		['2016-11-30', 'sprache', 'Es gibt zu wenige Deutschkurse mit Kinderbetreuung.', 'parents'],
		[
			'2016-11-30',
			'sprache',
			'Viele Neuzugewanderte kennen die Ankommenstreffpunkte nicht.',
			'newcomers'
		],
		[
			'2017-01-18',
			'sprache',
			'Deutsch lernt man am besten im Gespräch – mehr Sprachcafés und Patenschaften.',
			'refugees'
		],
		[
			'2017-01-25',
			'arbeit-ausbildung',
			'Abschlüsse aus dem Herkunftsland werden selten anerkannt.',
			'skilled_workers'
		],
		[
			'2017-01-25',
			'arbeit-ausbildung',
			'Betriebe und junge Geflüchtete sollten sich direkt kennenlernen können.',
			'young_adults'
		],
		['2017-03-15', 'sprache', 'Mütter erreicht man über Kitas und Schulen.', 'women']
	];
	const card: string[] = [];
	for (const [i, [day, f, body, target]] of cards.entries()) {
		const created = new Date(at(day, '19:00').getTime() + i * 1000);
		const [row] = await tx
			.insert(contributions)
			.values({
				tenantId,
				processId: process.id,
				dialogueId: day === '2016-11-30' ? kickoff.id : null,
				body,
				fieldOfActionId: field[f],
				targetGroup: target,
				language: 'de',
				source: 'offline',
				enteredBy: coordinator.id,
				status: 'published',
				createdAt: created,
				updatedAt: created
			})
			.returning({ id: contributions.id });
		card.push(row.id);
	}
	const recs: [string, string, string, number[]][] = [
		[
			'sprache',
			'Ankommenstreffpunkte bekannter machen',
			'Als Maßnahme in die Roadmap übernommen.',
			[1, 5]
		],
		[
			'sprache',
			'Deutschkurs mit Kinderbetreuung anbieten',
			'Von der Volkshochschule 2018 umgesetzt.',
			[0]
		],
		[
			'arbeit-ausbildung',
			'Ausbildungsbörse mit Emmericher Betrieben',
			'Als Maßnahme in die Roadmap übernommen.',
			[3, 4]
		]
	];
	for (const [i, [f, title, note, from]] of recs.entries()) {
		const [rec] = await tx
			.insert(recommendations)
			.values({
				tenantId,
				processId: process.id,
				fieldOfActionId: field[f],
				title,
				position: i + 1,
				outcomeKind: 'adopted',
				outcomeNote: note,
				outcomeAt: at('2017-07-05', '18:00'),
				createdBy: coordinator.id,
				createdAt: at('2017-06-14', '10:00'),
				updatedAt: at('2017-07-05', '18:00')
			})
			.returning({ id: recommendations.id });
		await tx
			.insert(recommendationContributions)
			.values(from.map((n) => ({ tenantId, recommendationId: rec.id, contributionId: card[n] })));
	}

	return emmerich;
}
