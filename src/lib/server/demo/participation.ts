/**
 * Demo content of the participation and inquiries areas:
 *
 * - Stadt Laatzen (Region Hannover, seed 003): the Konsultationsprozess zur Integrationsarbeit
 *   with its three Integrations-Dialoge (13.11.2008 for the public, 25.03.2009 for young people,
 *   02.06.2009 for seniors), contributions from the dialogues and the Handlungsempfehlungen of the
 *   Mitteilung 144/2009 grouped by topic, with what became of them; plus a current process in
 *   its collecting phase (a six-month thematic exchange, as Emmerich's concept begins) with an
 *   upcoming dialogue that has a waiting list.
 * - Citizens' messages (Anliegen) in every state for Laatzen and Landkreis Freising, whose
 *   contact form (seed 004) the public form's wording follows, and answer templates.
 */
import { createHash } from 'node:crypto';
import type { Executor } from '../db/client';
import type { Tenant } from '../tenants/schema';
import {
	buildContact,
	buildFieldOfAction,
	buildNeed,
	buildOffer,
	buildOrganization,
	buildOrganizationType,
	buildTenant,
	buildUser,
	grantRole
} from '../factories';
import type { TargetGroup } from '../offers/vocabulary';
import { hashToken } from '../auth/tokens';
import { berlinLocalToDate } from '../offers/schedule';
import { addDays, berlinDateOf } from '../shared';
import {
	consultationProcesses,
	contributions,
	contributionSupports,
	dialogueRegistrations,
	dialogues,
	moderationLog,
	processFields,
	processPhases,
	recommendationContributions,
	recommendations
} from '../participation/schema';
import { inquiries, inquiryEntries, inquiryTemplates } from '../inquiries/schema';
import { INQUIRY_CONSENT_VERSION } from '../inquiries/validation';

/** The status link of one demo message, so that people (and the e2e tests) can open it. */
export const DEMO_INQUIRY_STATUS_TOKEN = 'demo-anliegen-status-laatzen-2026';

export const LAATZEN_PROCESS_TITLE = 'Integrationskonzept Laatzen – Beteiligungsprozess';

export interface DemoParticipationInput {
	password: string;
	freising: Tenant;
	freisingCoordinator: string;
	now?: Date;
}

const at = (local: string) => berlinLocalToDate(local)!;
const fakeHash = (s: string) => createHash('sha256').update(`demo:${s}`).digest('hex');

/** The four phases of a process, in this order. */
const PHASE_KINDS = ['information', 'collecting', 'evaluation', 'results'] as const;

/** One phase: its title (or none), first and last day. */
type PhaseRow = [title: string | null, startsOn: string, endsOn: string];

/** Links a process to its fields of action and gives it its four phases (PHASE_KINDS). */
export async function linkFieldsAndPhases(
	tx: Executor,
	tenantId: string,
	processId: string,
	fieldOfActionIds: string[],
	phases: [PhaseRow, PhaseRow, PhaseRow, PhaseRow]
): Promise<void> {
	await tx
		.insert(processFields)
		.values(fieldOfActionIds.map((fieldOfActionId) => ({ tenantId, processId, fieldOfActionId })));
	await tx.insert(processPhases).values(
		phases.map(([title, startsOn, endsOn], i) => ({
			tenantId,
			processId,
			kind: PHASE_KINDS[i],
			title,
			startsOn,
			endsOn
		}))
	);
}

export async function seedParticipation(
	tx: Executor,
	input: DemoParticipationInput
): Promise<void> {
	const now = input.now ?? new Date();
	const today = berlinDateOf(now);
	const day = 24 * 3600 * 1000;

	const laatzen = await buildTenant(tx, {
		name: 'Stadt Laatzen',
		slug: 'laatzen',
		kind: 'city',
		land: 'NI',
		ags: '03241010',
		settings: {
			publicContactEmail: 'integration@laatzen.example',
			publicDescription: [
				'Die Stadt strebt die strategische Weiterentwicklung der Integrationsarbeit mit dem Ziel an, die verschiedenen Bereiche der Integrationsarbeit zu beleuchten, gemeinsame Ziele für die Weiterarbeit zu formulieren, Synergie-Effekte zu verbessern und ggf. neue Kooperationen und Projekte anzustoßen.',
				'Beteiligt werden neben dem Stadtteilbüro im Projekt „Laatzen-Mitte wird top“ alle Einrichtungen, Vereine und Verbände in der Stadt, die sich im Rahmen ihrer Tätigkeit mit Integrationsfragen beschäftigen.'
			].join('\n\n'),
			inquiryRetentionDays: 180
		}
	});
	const coordinator = await buildUser(tx, {
		email: 'koordination@laatzen.example',
		name: 'Koordination Integration Laatzen',
		password: input.password
	});
	await grantRole(tx, laatzen.id, coordinator.id, 'coordinator');

	// The topics of the Handlungsempfehlungen (seed 003).
	const fieldSpecs: [string, string, string][] = [
		['sprache-bildung', 'Information, Sprache und Bildung', 'Information, language and education'],
		[
			'chancengleichheit',
			'Chancengleichheit und Partizipation',
			'Equal opportunities and participation'
		],
		['interkulturelle-oeffnung', 'Interkulturelle Öffnung', 'Intercultural opening']
	];
	const field: Record<string, string> = {};
	for (const [i, [key, de, en]] of fieldSpecs.entries())
		field[key] = (
			await buildFieldOfAction(tx, laatzen.id, { key, names: { de, en }, position: i + 1 })
		).id;

	// 0. The actors (seed 003: the Stadtteilbüro "Laatzen-Mitte wird top", the city's Team für
	// Kinder, Jugend, Familie, Senioren und Soziale Sicherung that coordinates integration, and
	// "alle Einrichtungen, Vereine und Verbände … die sich mit Integrationsfragen beschäftigen",
	// here two of them) with public offers following the Handlungsempfehlungen -----------------
	const type: Record<string, string> = {};
	for (const [key, name] of [
		['verwaltung', 'Verwaltung / Integrationsbeauftragte'],
		['beratungsstelle', 'Beratungsstelle'],
		['familienzentrum', 'Familienzentrum'],
		['interkulturelle-initiative', 'Interkulturelle Initiative']
	])
		type[key] = (await buildOrganizationType(tx, laatzen.id, { key, name })).id;
	const actor = async (
		values: { name: string; type: string; description: string; languages?: string[] },
		contact: { name: string; role: string; email: string; phone: string }
	) => {
		const org = await buildOrganization(tx, laatzen.id, {
			name: values.name,
			typeId: type[values.type],
			description: values.description,
			city: 'Laatzen',
			postalCode: '30880',
			languages: values.languages ?? ['de']
		});
		const person = await buildContact(tx, laatzen.id, org.id, { ...contact, consent: true });
		return { org, contactId: person.id };
	};
	const laatzenOffer = (
		by: { org: { id: string }; contactId: string },
		spec: {
			field: string;
			title: string;
			description: string;
			targetGroups: TargetGroup[];
			languages: string[];
			childcare?: boolean;
		}
	) =>
		buildOffer(tx, laatzen.id, by.org.id, {
			title: spec.title,
			description: spec.description,
			fieldOfActionId: field[spec.field],
			targetGroups: spec.targetGroups,
			languages: spec.languages,
			childcare: spec.childcare ?? false,
			contactId: by.contactId,
			publishedAt: new Date(now.getTime() - 30 * day),
			lastConfirmedAt: new Date(now.getTime() - 20 * day)
		});
	const team = await actor(
		{
			name: 'Stadt Laatzen – Team für Kinder, Jugend, Familie, Senioren und Soziale Sicherung',
			type: 'verwaltung',
			description:
				'Koordiniert die Integrationsfragen der Stadt: Seit dem Konsultationsprozess kümmert sich ein Sachbearbeiter für Aufgaben von grundsätzlicher Bedeutung auch um die Koordination der Integrationsarbeit.'
		},
		{
			name: 'Koordination Integration',
			role: 'Sachbearbeitung Integrationsfragen',
			email: 'integration@laatzen.example',
			phone: '0511 8205-0000'
		}
	);
	const stadtteilbuero = await actor(
		{
			name: 'Stadtteilbüro „Laatzen-Mitte wird top“',
			type: 'beratungsstelle',
			description:
				'Anlaufstelle im Stadtteil Laatzen-Mitte; am Konsultationsprozess zur Integrationsarbeit beteiligt.',
			languages: ['de', 'tr', 'ru']
		},
		{
			name: 'Team Stadtteilbüro',
			role: 'Stadtteilarbeit',
			email: 'stadtteilbuero@laatzen.example',
			phone: '0511 8205-0001'
		}
	);
	const familienzentrum = await actor(
		{
			name: 'Familienzentrum Laatzen-Mitte',
			type: 'familienzentrum',
			description:
				'Kita und Familienzentrum mit Sprachförderung und Angeboten für Eltern (Demo-Organisation).',
			languages: ['de', 'ar', 'tr']
		},
		{
			name: 'Team Familienzentrum',
			role: 'Leitung',
			email: 'familienzentrum@laatzen.example',
			phone: '0511 8205-0002'
		}
	);
	const dialogkreis = await actor(
		{
			name: 'Interkultureller Dialogkreis Laatzen',
			type: 'interkulturelle-initiative',
			description:
				'Ehrenamtliche Initiative für interkulturelle und interreligiöse Dialoge in Laatzen (Demo-Organisation).',
			languages: ['de', 'tr', 'ar', 'ru']
		},
		{
			name: 'Team Dialogkreis',
			role: 'Ehrenamtliche Koordination',
			email: 'dialogkreis@laatzen.example',
			phone: '0511 8205-0003'
		}
	);
	await laatzenOffer(team, {
		field: 'interkulturelle-oeffnung',
		title: 'Beratung zu Integrationsfragen',
		description:
			'Die Stadt berät Zugewanderte, Einrichtungen und Vereine zu Fragen der Integration und vermittelt an die zuständigen Stellen. Termine nach Vereinbarung.',
		targetGroups: ['newcomers', 'refugees', 'volunteers'],
		languages: ['de', 'en']
	});
	await laatzenOffer(stadtteilbuero, {
		field: 'chancengleichheit',
		title: 'Sprechstunde im Stadtteilbüro Laatzen-Mitte',
		description:
			'Hilfe bei Formularen, Fragen zum Wohnen im Stadtteil und Hinweise auf Angebote in Laatzen. Termine nach Vereinbarung.',
		targetGroups: ['all'],
		languages: ['de', 'tr', 'ru']
	});
	await laatzenOffer(familienzentrum, {
		field: 'sprache-bildung',
		title: 'Deutsch für Mütter mit Kinderbetreuung',
		description:
			'Sprachkurs für Frauen und Mütter mit Alltagsthemen rund um Kita, Schule und Gesundheit; die Kinder werden währenddessen betreut.',
		targetGroups: ['women', 'parents'],
		languages: ['de', 'ar', 'tr'],
		childcare: true
	});
	await laatzenOffer(dialogkreis, {
		field: 'chancengleichheit',
		title: 'Interkulturelles und interreligiöses Gespräch',
		description:
			'Offene Gesprächsrunde, in der Menschen verschiedener Herkunft und Religion einander kennenlernen und über das Zusammenleben in Laatzen sprechen.',
		targetGroups: ['all'],
		languages: ['de', 'tr', 'ar']
	});

	// 1. The consultation process 2008/2009 (archived, with its results) -----------------------
	const [process] = await tx
		.insert(consultationProcesses)
		.values({
			tenantId: laatzen.id,
			title: LAATZEN_PROCESS_TITLE,
			purpose:
				'Der Rat der Stadt Laatzen hat am 15.04.2008 (Drucksache 047/2008) beschlossen: Die Verwaltung führt einen Konsultationsprozess zur strategischen Weiterentwicklung der Integrationsarbeit durch. Die verwaltungsinterne Projektgruppe „Integration“ hat ihn vorbereitet und begleitet, drei Integrations-Dialoge durchgeführt und ein Thesenpapier als Basis der Diskussion formuliert.',
			status: 'archived',
			allowAnonymous: true,
			resultsIntro: [
				'Auf Grundlage der Empfehlungen der Projektgruppe, in die auch die Ergebnisse der drei Integrations-Dialoge eingeflossen sind, werden nachstehende Handlungsempfehlungen gegeben (Mitteilung 144/2009).',
				'Integration und Partizipation von Migrantinnen und Migranten kann nur gelingen, wenn sie als wesentliche Aufgabe aller kommunalen Akteure verstanden wird, d. h. aller gesellschaftlicher Organisationen und Institutionen. Integrationspolitik wird eine wachsende Herausforderung und dauerhafte Aufgabe sein.',
				'Integration und Partizipation setzen Information und Sprachkenntnisse voraus. Für die Zukunftschancen der Menschen mit Migrationshintergrund und für ein verständnisvolles Miteinander ist es daher von zentraler Bedeutung, dass sie die deutsche Sprache lernen. Insbesondere den Kindern ist die Möglichkeit zum Erwerb der deutschen Sprache einzuräumen.',
				'Das friedliche Zusammenleben verschiedener Nationalitäten wird durch eine tatsächlich vorhandene Chancengleichheit und Partizipation erheblich erleichtert. Dabei geht es um die rechtliche und faktische Chancengleichheit, die gleiche Rechte und Pflichten für alle ermöglicht.',
				'Die kulturelle Vielfalt ist als Ressource, aber auch als Auftrag zu verstehen, um Chancengleichheit in Beruf und Gesellschaft durch eine interkulturelle Öffnung des städtischen Lebens und eine interkulturelle Ausrichtung von öffentlichen Dienstleistungen zu erreichen.'
			].join('\n\n'),
			createdBy: coordinator.id,
			createdAt: at('2008-04-20T09:00'),
			updatedAt: at('2009-10-01T09:00')
		})
		.returning();
	await linkFieldsAndPhases(tx, laatzen.id, process.id, Object.values(field), [
		['Projektgruppe „Integration“ und Thesenpapier', '2008-04-15', '2008-11-12'],
		['Drei Integrations-Dialoge', '2008-11-13', '2009-06-02'],
		['Empfehlungen der Projektgruppe', '2009-06-03', '2009-09-30'],
		['Mitteilung 144/2009 an den Rat', '2009-10-01', '2010-12-31']
	]);

	const dialogueSpecs = [
		{
			key: 'public',
			title: 'Integrations-Dialog für die Allgemeinheit',
			targetGroup: 'all',
			start: '2008-11-13T18:00',
			end: '2008-11-13T21:00',
			languages: ['de', 'tr', 'ru']
		},
		{
			key: 'youth',
			title: 'Integrations-Dialog für Jugendliche',
			targetGroup: 'youth',
			start: '2009-03-25T16:00',
			end: '2009-03-25T19:00',
			languages: ['de', 'tr', 'ar']
		},
		{
			key: 'seniors',
			title: 'Integrations-Dialog für Seniorinnen und Senioren',
			targetGroup: 'seniors',
			start: '2009-06-02T15:00',
			end: '2009-06-02T17:30',
			languages: ['de', 'ru']
		}
	];
	const dlg: Record<string, string> = {};
	for (const d of dialogueSpecs) {
		const [row] = await tx
			.insert(dialogues)
			.values({
				tenantId: laatzen.id,
				processId: process.id,
				title: d.title,
				description:
					'Durchgeführt von der Projektgruppe „Integration“; die Ergebnisse sind in die Handlungsempfehlungen eingeflossen.',
				targetGroup: d.targetGroup,
				startsAt: at(d.start),
				endsAt: at(d.end),
				place: 'Rathaus Laatzen, Ratssaal',
				languages: d.languages,
				accessibilityNote:
					'Stufenloser Zugang über den Seiteneingang; Induktionsschleife im Ratssaal.',
				registrationEnabled: false
			})
			.returning({ id: dialogues.id });
		dlg[d.key] = row.id;
	}

	// What was said at the dialogues (cards and flip charts, entered by the coordination).
	const cards: {
		dialogue: string;
		field: string;
		body: string;
		target?: string;
		language?: string;
	}[] = [
		{
			dialogue: 'public',
			field: 'sprache-bildung',
			body: 'Deutschkurse sollten auch am Abend und mit Kinderbetreuung stattfinden.'
		},
		{
			dialogue: 'public',
			field: 'sprache-bildung',
			body: 'Neu Zugezogene wissen oft nicht, welche Rechte und Pflichten sie haben – Informationsabende zu Grundgesetz und Demokratie.'
		},
		{
			dialogue: 'public',
			field: 'chancengleichheit',
			body: 'In einigen Ortsteilen gibt es kaum bezahlbare Wohnungen; Familien ziehen deshalb alle nach Laatzen-Mitte.'
		},
		{
			dialogue: 'public',
			field: 'chancengleichheit',
			body: 'Ein gemeinsames Fest der Kulturen im Park der Sinne.'
		},
		{
			dialogue: 'public',
			field: 'interkulturelle-oeffnung',
			body: 'Im Rathaus sollte es Mitarbeitende geben, die Türkisch oder Russisch sprechen.'
		},
		{
			dialogue: 'public',
			field: 'interkulturelle-oeffnung',
			body: 'Die Stadt muss sofort reagieren, wenn es ausländerfeindliche Schmierereien gibt.'
		},
		{
			dialogue: 'youth',
			field: 'sprache-bildung',
			body: 'Mehr Hausaufgabenhilfe und Sprachförderung an der Schule, nicht erst wenn es schon Probleme gibt.',
			target: 'youth'
		},
		{
			dialogue: 'youth',
			field: 'sprache-bildung',
			body: 'Praktikumsplätze und Bewerbungstraining zusammen mit Betrieben aus Laatzen.',
			target: 'youth'
		},
		{
			dialogue: 'youth',
			field: 'sprache-bildung',
			body: 'Bei der Einschulung sollten Eltern Informationen in ihrer Sprache bekommen.',
			target: 'parents'
		},
		{
			dialogue: 'youth',
			field: 'chancengleichheit',
			body: 'Ein Jugendtreff, in dem sich alle treffen können, egal woher sie kommen.',
			target: 'youth'
		},
		{
			dialogue: 'youth',
			field: 'chancengleichheit',
			body: 'Sportangebote für Mädchen, auch in geschützten Räumen.',
			target: 'women'
		},
		{
			dialogue: 'seniors',
			field: 'chancengleichheit',
			body: 'Ältere Migrantinnen und Migranten brauchen Orte, an denen sie ihre Traditionen pflegen können.',
			target: 'seniors'
		},
		{
			dialogue: 'seniors',
			field: 'chancengleichheit',
			body: 'Gesprächskreise zwischen Kirchengemeinden und Moscheegemeinde.',
			target: 'seniors'
		},
		{
			dialogue: 'seniors',
			field: 'sprache-bildung',
			body: 'Deutschkurse für Mütter, gern zusammen mit Sport- oder Bewegungsangeboten.',
			target: 'women'
		},
		{
			dialogue: 'seniors',
			field: 'interkulturelle-oeffnung',
			body: 'Die Beratungsstellen und der Seniorenbeirat sollten sich für Zugewanderte öffnen.',
			target: 'seniors'
		},
		{
			dialogue: 'seniors',
			field: 'interkulturelle-oeffnung',
			body: 'Ein Leitfaden, was neu ankommende Geflüchtete in Laatzen als Erstes brauchen.',
			target: 'refugees'
		}
	];
	const card: string[] = [];
	for (const [i, c] of cards.entries()) {
		const d = dialogueSpecs.find((x) => x.key === c.dialogue)!;
		const [row] = await tx
			.insert(contributions)
			.values({
				tenantId: laatzen.id,
				processId: process.id,
				dialogueId: dlg[c.dialogue],
				body: c.body,
				fieldOfActionId: field[c.field],
				targetGroup: c.target ?? d.targetGroup,
				language: c.language ?? 'de',
				source: 'offline',
				enteredBy: coordinator.id,
				status: 'published',
				createdAt: new Date(at(d.end).getTime() + 3600_000 + i * 1000),
				updatedAt: new Date(at(d.end).getTime() + 3600_000 + i * 1000)
			})
			.returning({ id: contributions.id });
		card.push(row.id);
	}

	// The Handlungsempfehlungen of Mitteilung 144/2009, by topic, each traced to the cards.
	const needForWomen = await buildNeed(tx, laatzen.id, {
		title: 'Besondere Integrationsangebote für Frauen und Mütter (Sprache, Bildung, Sport)',
		description: 'Aus der Handlungsempfehlung des Beteiligungsprozesses 2008/2009.',
		fieldOfActionId: field['sprache-bildung'],
		targetGroup: 'women',
		sourceKind: 'dialogue',
		sourceNote: `Handlungsempfehlung aus „${LAATZEN_PROCESS_TITLE}“`,
		urgency: 'high',
		createdBy: coordinator.id
	});
	type Rec = [
		string,
		string,
		number[],
		{ kind: 'adopted' | 'need' | 'rejected'; note?: string; ref?: string }?
	];
	const recs: Record<string, Rec[]> = {
		'sprache-bildung': [
			[
				'Information der Migrantinnen und Migranten über die demokratischen Werte in Deutschland (Menschenrechte, Information über einschlägige Gesetze etc.)',
				'',
				[1]
			],
			['Sprachförderung in den Kindertagesstätten', '', [0]],
			['Verpflichtender Besuch der Kindertagesstätten', '', []],
			['Sprach- und Bildungsförderung an den Grund- und weiterführenden Schulen', '', [6]],
			['Integrationsberatung an den Schulen (mehrsprachige Einschulung etc.)', '', [8]],
			[
				'Berufliche Qualifikation in Zusammenarbeit mit Arbeitsverwaltung, Stadtverwaltung und Unternehmen',
				'',
				[7]
			],
			[
				'Besondere Integrationsangebote für Frauen und Mütter (Sprache, Bildung, Sport)',
				'',
				[10, 13],
				{ kind: 'need', ref: needForWomen.id, note: 'In die Angebotsprüfung übernommen.' }
			]
		],
		chancengleichheit: [
			['Zugang zu preiswerten Wohnungen in allen Ortsteilen', '', [2]],
			['Interkulturelle und interreligiöse Dialoge', '', [12]],
			['Interkulturelle Veranstaltungen', '', [3, 9]],
			['Raum für eigene Traditionen und Kulturen', '', [11]]
		],
		'interkulturelle-oeffnung': [
			[
				'Fachkraft für Integrationsfragen im Team für Kinder, Jugend, Familie, Senioren und Soziale Sicherung (Motor der kommunalen Bemühungen)',
				'',
				[],
				{
					kind: 'adopted',
					note: 'Das Team wurde um einen Sachbearbeiter ergänzt, zu dessen Aufgaben künftig auch die Koordination von Integrationsfragen gehören soll.'
				}
			],
			[
				'Erarbeitung eines Leitfadens zur Aufnahme neuer Flüchtlinge und Migranten',
				'',
				[15],
				{ kind: 'adopted', note: 'Für die Erarbeitung werden derzeit Drittmittel akquiriert.' }
			],
			[
				'Interkulturelle Ausrichtung (Leitbild, Fortbildungen in allen Bereichen, Einstellung mehrsprachiger Mitarbeiterinnen und Mitarbeiter)',
				'',
				[4, 14]
			],
			['Öffentlichkeitsarbeit zu Migrationsthemen (Befragungen, Pressearbeit etc.)', '', []],
			['Sofortige Reaktion auf ausländerfeindliche Aktivitäten', '', [5]]
		]
	};
	for (const [fieldKey, list] of Object.entries(recs)) {
		for (const [i, [title, body, cardIdx, outcome]] of list.entries()) {
			const [row] = await tx
				.insert(recommendations)
				.values({
					tenantId: laatzen.id,
					processId: process.id,
					fieldOfActionId: field[fieldKey],
					title,
					body: body || null,
					position: i + 1,
					outcomeKind: outcome?.kind ?? null,
					outcomeRef: outcome?.ref ?? null,
					outcomeNote: outcome?.note ?? null,
					outcomeAt: outcome ? at('2009-10-01T09:00') : null,
					createdBy: coordinator.id
				})
				.returning({ id: recommendations.id });
			if (cardIdx.length > 0)
				await tx.insert(recommendationContributions).values(
					cardIdx.map((n) => ({
						tenantId: laatzen.id,
						recommendationId: row.id,
						contributionId: card[n]
					}))
				);
		}
	}

	// 2. A current process: six months of thematic exchange (collecting now) ---------------
	const [current] = await tx
		.insert(consultationProcesses)
		.values({
			tenantId: laatzen.id,
			title: 'Fortschreibung des Integrationskonzepts: sechs Monate thematischer Austausch',
			purpose:
				'Das Integrationskonzept wird fortgeschrieben. Es beginnt mit einem sechsmonatigen thematischen Austausch: Bürgerinnen und Bürger, Vereine und Einrichtungen bringen ihre Erfahrungen und Ideen zu den Handlungsfeldern ein – online und in Integrations-Dialogen.',
			status: 'published',
			allowAnonymous: true,
			createdBy: coordinator.id
		})
		.returning();
	await linkFieldsAndPhases(tx, laatzen.id, current.id, Object.values(field), [
		[null, addDays(today, -45), addDays(today, -31)],
		['Thematischer Austausch', addDays(today, -30), addDays(today, 150)],
		[null, addDays(today, 151), addDays(today, 210)],
		[null, addDays(today, 211), addDays(today, 400)]
	]);
	const [upcoming] = await tx
		.insert(dialogues)
		.values({
			tenantId: laatzen.id,
			processId: current.id,
			title: 'Integrations-Dialog für Jugendliche 2026',
			description:
				'Was braucht ihr in Laatzen? Wir sammeln eure Ideen auf Karten und an Flipcharts.',
			targetGroup: 'youth',
			startsAt: at(`${addDays(today, 14)}T17:00`),
			endsAt: at(`${addDays(today, 14)}T19:30`),
			place: 'Jugendzentrum Laatzen',
			languages: ['de', 'ar', 'tr', 'uk'],
			accessibilityNote: 'Barrierefrei erreichbar; Getränke und Snacks.',
			registrationEnabled: true,
			capacity: 2
		})
		.returning();
	await tx.insert(dialogues).values({
		tenantId: laatzen.id,
		processId: current.id,
		title: 'Integrations-Dialog für Eltern',
		targetGroup: 'parents',
		startsAt: at(`${addDays(today, 35)}T10:00`),
		endsAt: at(`${addDays(today, 35)}T12:00`),
		place: 'Familienzentrum Laatzen-Mitte',
		languages: ['de', 'ar', 'ru'],
		accessibilityNote: 'Kinderbetreuung während der Veranstaltung.',
		registrationEnabled: true,
		capacity: null
	});
	await tx.insert(dialogueRegistrations).values(
		[
			{ name: 'Aylin K.', email: 'aylin@example.org', status: 'confirmed' as const, token: 'a' },
			{ name: 'Jonas M.', email: 'jonas@example.org', status: 'confirmed' as const, token: 'b' },
			{ name: 'Mariam S.', email: 'mariam@example.org', status: 'waiting' as const, token: 'c' }
		].map(({ token, ...r }) => ({
			tenantId: laatzen.id,
			dialogueId: upcoming.id,
			cancelTokenHash: fakeHash(`reg-${token}`),
			...r
		}))
	);
	const live = await tx
		.insert(contributions)
		.values(
			[
				{
					body: 'Ein Sprachcafé in der Stadtbibliothek, offen für alle.',
					field: 'sprache-bildung',
					status: 'published' as const,
					name: 'Helga'
				},
				{
					body: 'Mehr Informationen in einfacher Sprache auf der Webseite der Stadt.',
					field: 'interkulturelle-oeffnung',
					status: 'published' as const,
					name: null
				},
				{
					body: 'Sprachcafé in der Bibliothek, am besten auch samstags.',
					field: 'sprache-bildung',
					status: 'pending' as const,
					name: null
				}
			].map((c, i) => ({
				tenantId: laatzen.id,
				processId: current.id,
				body: c.body,
				fieldOfActionId: field[c.field],
				language: 'de',
				source: 'online' as const,
				authorName: c.name,
				status: c.status,
				trackTokenHash: fakeHash(`track-${i}`),
				createdAt: new Date(now.getTime() - (5 - i) * day)
			}))
		)
		.returning({ id: contributions.id });
	await tx.insert(contributionSupports).values([
		{ tenantId: laatzen.id, contributionId: live[0].id, supporterKey: `anon:${fakeHash('s1')}` },
		{ tenantId: laatzen.id, contributionId: live[0].id, supporterKey: `anon:${fakeHash('s2')}` },
		{ tenantId: laatzen.id, contributionId: live[1].id, supporterKey: `anon:${fakeHash('s3')}` }
	]);
	await tx.insert(moderationLog).values({
		tenantId: laatzen.id,
		contributionId: live[1].id,
		action: 'publish',
		actorId: coordinator.id
	});

	// 3. Citizens' messages in every state -------------------------------------------------
	await tx.insert(inquiryTemplates).values([
		{
			tenantId: laatzen.id,
			title: 'Sprachkurse',
			body: 'vielen Dank für Ihre Frage. Eine Übersicht der Sprachkurse – auch am Abend und mit Kinderbetreuung – finden Sie im Angebotsfinder auf unserer Seite. Gern beraten wir Sie auch persönlich.'
		},
		{
			tenantId: laatzen.id,
			title: 'Anregung aufgenommen',
			body: 'vielen Dank für Ihre Anregung. Wir haben sie in die Fortschreibung des Integrationskonzepts aufgenommen; unter Ihrem persönlichen Link sehen Sie, wie es weitergeht.'
		},
		{
			tenantId: input.freising.id,
			title: 'Beratungsbus',
			body: 'vielen Dank für Ihre Nachricht. Die Termine des Beratungsbusses „Mobile Elternbegleitung“ erfahren Sie beim Zentrum der Familie Freising.'
		}
	]);
	type Msg = {
		tenant: Tenant;
		reference: string;
		kind: 'question' | 'wish' | 'suggestion' | 'complaint';
		subject: string | null;
		body: string;
		name: string | null;
		email: string | null;
		state: 'new' | 'in_progress' | 'answered' | 'closed';
		daysAgo: number;
		token?: string;
		assignee?: string;
		due?: number;
		entries?: {
			kind: 'reply' | 'note' | 'followup';
			body: string;
			author?: string;
			daysAgo: number;
		}[];
		purged?: boolean;
	};
	const year = now.getUTCFullYear();
	const messages: Msg[] = [
		{
			tenant: laatzen,
			reference: `A-${year}-LZ7Q2M`,
			kind: 'question',
			subject: 'Deutschkurs am Abend',
			body: 'Guten Tag, gibt es in Laatzen einen Deutschkurs am Abend? Ich arbeite tagsüber.',
			name: 'Olena P.',
			email: 'olena@example.org',
			state: 'new',
			daysAgo: 1,
			token: DEMO_INQUIRY_STATUS_TOKEN
		},
		{
			tenant: laatzen,
			reference: `A-${year}-LZ4H8K`,
			kind: 'wish',
			subject: 'Treffpunkt für Seniorinnen',
			body: 'Ich wünsche mir einen Treffpunkt für ältere Frauen aus verschiedenen Ländern, vielleicht im Familienzentrum.',
			name: null,
			email: 'anon-senioren@example.org',
			state: 'in_progress',
			daysAgo: 6,
			assignee: coordinator.id,
			due: 7,
			entries: [
				{
					kind: 'note',
					body: 'Mit dem Seniorenbeirat und dem Familienzentrum sprechen.',
					author: coordinator.id,
					daysAgo: 5
				}
			]
		},
		{
			tenant: laatzen,
			reference: `A-${year}-LZ9C3P`,
			kind: 'suggestion',
			subject: 'Mehrsprachige Informationen',
			body: 'Die Informationen der Stadt sollten auch auf Türkisch, Arabisch und Ukrainisch verfügbar sein.',
			name: 'Kemal Y.',
			email: 'kemal@example.org',
			state: 'answered',
			daysAgo: 12,
			assignee: coordinator.id,
			entries: [
				{
					kind: 'reply',
					body: 'vielen Dank für Ihre Anregung. Wir haben sie in die Fortschreibung des Integrationskonzepts aufgenommen; das Handlungsfeld „Interkulturelle Öffnung“ sieht mehrsprachige Informationen vor.',
					author: coordinator.id,
					daysAgo: 9
				}
			]
		},
		{
			tenant: laatzen,
			reference: `A-${year}-LZ2W6T`,
			kind: 'complaint',
			subject: 'Schmiererei an der Bushaltestelle',
			body: 'An der Bushaltestelle Marktplatz steht seit Tagen eine ausländerfeindliche Schmiererei.',
			name: null,
			email: null,
			state: 'closed',
			daysAgo: 30,
			entries: [
				{
					kind: 'reply',
					body: 'vielen Dank für Ihren Hinweis. Die Schmiererei wurde am nächsten Tag entfernt und angezeigt.',
					author: coordinator.id,
					daysAgo: 29
				}
			]
		},
		{
			tenant: laatzen,
			reference: `A-${year - 1}-LZ5N1D`,
			kind: 'question',
			subject: null,
			body: '',
			name: null,
			email: null,
			state: 'closed',
			daysAgo: 400,
			purged: true
		},
		{
			tenant: input.freising,
			reference: `A-${year}-FS3K9R`,
			kind: 'question',
			subject: 'Beratungsbus in Eching',
			body: 'Wann hält der Beratungsbus „Mobile Elternbegleitung“ in Eching?',
			name: 'Familie B.',
			email: 'familie.b@example.org',
			state: 'in_progress',
			daysAgo: 3,
			assignee: input.freisingCoordinator,
			due: 4
		},
		{
			tenant: input.freising,
			reference: `A-${year}-FS8V2L`,
			kind: 'wish',
			subject: 'Helferkreis',
			body: 'Ich möchte mich in einem Helferkreis engagieren. An wen kann ich mich wenden?',
			name: 'T. Huber',
			email: 'huber@example.org',
			state: 'new',
			daysAgo: 0
		}
	];
	for (const [i, msg] of messages.entries()) {
		const created = new Date(now.getTime() - msg.daysAgo * day - i * 60_000);
		const lastReply = msg.entries?.filter((e) => e.kind === 'reply').at(-1);
		const [row] = await tx
			.insert(inquiries)
			.values({
				tenantId: msg.tenant.id,
				reference: msg.reference,
				kind: msg.kind,
				subject: msg.purged ? null : msg.subject,
				body: msg.purged ? null : msg.body,
				name: msg.name,
				email: msg.email,
				consentVersion: INQUIRY_CONSENT_VERSION,
				consentAt: created,
				statusTokenHash: msg.purged
					? null
					: hashToken(msg.token ?? `demo-inquiry-${msg.reference}`),
				state: msg.state,
				assigneeId: msg.assignee ?? null,
				dueOn: msg.due !== undefined ? addDays(today, msg.due) : null,
				proofOfWork: i % 2 === 0,
				answeredAt: lastReply ? new Date(now.getTime() - lastReply.daysAgo * day) : null,
				closedAt:
					msg.state === 'closed' ? new Date(now.getTime() - (msg.purged ? 200 : 29) * day) : null,
				purgedAt: msg.purged ? new Date(now.getTime() - 20 * day) : null,
				createdAt: created,
				updatedAt: created
			})
			.returning({ id: inquiries.id });
		for (const e of msg.entries ?? []) {
			await tx.insert(inquiryEntries).values({
				tenantId: msg.tenant.id,
				inquiryId: row.id,
				kind: e.kind,
				body: e.body,
				authorId: e.author ?? null,
				authorLabel: e.kind === 'reply' ? 'Koordination' : null,
				createdAt: new Date(now.getTime() - e.daysAgo * day)
			});
		}
	}
}
