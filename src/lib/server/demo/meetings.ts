/**
 * Bodies and meetings of the demo network (issue 4), from the seeds:
 * - Landshut (000): the Netzwerk Integration meets moderated every six to eight weeks with an
 *   alternating host and minutes; guests present topics; the Beirat für Migration und Integration.
 * - Gifhorn (002): four Arbeitskreise meeting quarterly, the Steuerungsgruppe twice a year, the
 *   network once a year.
 * - Freising (004): the Vernetzungstreffen der Gemeinden zum Thema Integration.
 * Past meetings have agendas, attendance, minutes and action items; the next dates are proposed
 * by each body's series (planning page), one Landshut meeting is already planned and invited.
 */
import { and, eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Executor } from '../db/client';
import type { Tenant } from '../tenants/schema';
import type { User } from '../auth/schema';
import { organizations } from '../organizations/schema';
import { fieldsOfAction } from '../fields-of-action/schema';
import {
	bodies,
	bodyHosts,
	bodyMemberships,
	type BodyKind,
	type MembershipRole
} from '../bodies/schema';
import { agendaItems, agendaItemSpeakers, meetings, type MinutesState } from '../meetings/schema';
import { meetingInvitations } from '../invitations/schema';
import { actionItems, meetingAttendance } from '../minutes/schema';
import { buildUser, grantRole } from '../factories';
import { hashToken } from '../auth/tokens';
import { berlinLocal, fromBerlinLocal } from '../shared';

export interface DemoMeetingsInput {
	now?: Date;
	/** password of the Landshut network's speaker (sprecherin@landshut.example), a demo account */
	speakerPassword: string;
	landshut: Tenant;
	gifhorn: Tenant;
	freising: Tenant;
	accounts: {
		koLandshut: User;
		koGifhorn: User;
		koFreising: User;
		member: User;
		editor: User;
	};
}

const DAY = 86_400_000;

/** Berlin calendar date of an instant, as [year, month, day]. */
function berlinYmd(date: Date): [number, number, number] {
	const s = berlinLocal(date);
	return [Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8))];
}

/** The given ISO weekday (1 = Monday) on or before the Berlin date `daysAgo` days before now. */
function pastWeekday(now: Date, daysAgo: number, weekday: number, time: string): Date {
	let d = new Date(now.getTime() - daysAgo * DAY);
	for (let i = 0; i < 7; i++) {
		const [y, m, day] = berlinYmd(d);
		const iso = ((new Date(Date.UTC(y, m - 1, day)).getUTCDay() + 6) % 7) + 1;
		if (iso === weekday) break;
		d = new Date(d.getTime() - DAY);
	}
	const [y, m, day] = berlinYmd(d);
	const [h, min] = time.split(':').map(Number);
	return fromBerlinLocal(y, m, day, h, min);
}

/** As pastWeekday, but on or after the date `daysAhead` days from now. */
function futureWeekday(now: Date, daysAhead: number, weekday: number, time: string): Date {
	let d = new Date(now.getTime() + daysAhead * DAY);
	for (let i = 0; i < 7; i++) {
		const [y, m, day] = berlinYmd(d);
		const iso = ((new Date(Date.UTC(y, m - 1, day)).getUTCDay() + 6) % 7) + 1;
		if (iso === weekday) break;
		d = new Date(d.getTime() + DAY);
	}
	const [y, m, day] = berlinYmd(d);
	const [h, min] = time.split(':').map(Number);
	return fromBerlinLocal(y, m, day, h, min);
}

/** `date`, or `days` days before now when `date` is later than that. */
function earlier(date: Date, now: Date, days: number): Date {
	return new Date(Math.min(date.getTime(), now.getTime() - days * DAY));
}

function ymd(date: Date): string {
	const [y, m, d] = berlinYmd(date);
	return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

interface ItemSpec {
	title: string;
	description?: string;
	minutes?: number;
	isPublic?: boolean;
	speakers?: { name: string; affiliation?: string }[];
	notes?: string;
	decision?: string;
	actions?: {
		title: string;
		assignee?: User;
		organization?: string;
		dueInDays: number;
		state?: 'open' | 'in_progress' | 'done';
	}[];
}

interface MeetingSpec {
	startsAt: Date;
	durationMinutes?: number;
	host?: string;
	location?: string;
	onlineUrl?: string;
	title?: string;
	state: 'planned' | 'invited' | 'held';
	minutes?: MinutesState;
	minutesIntro?: string;
	items: ItemSpec[];
}

export async function seedMeetings(tx: Executor, input: DemoMeetingsInput): Promise<void> {
	const now = input.now ?? new Date();
	const { landshut, gifhorn, freising, accounts } = input;

	const orgId = async (tenant: { id: string }, name: string) => {
		const [row] = await tx
			.select({ id: organizations.id })
			.from(organizations)
			.where(and(eq(organizations.tenantId, tenant.id), eq(organizations.name, name)));
		if (!row) throw new Error(`demo: organisation "${name}" missing`);
		return row.id;
	};
	const orgAddress = async (id: string) => {
		const [row] = await tx
			.select({
				name: organizations.name,
				street: organizations.street,
				postalCode: organizations.postalCode,
				city: organizations.city
			})
			.from(organizations)
			.where(eq(organizations.id, id));
		return [row.name, row.street, [row.postalCode, row.city].filter(Boolean).join(' ')]
			.filter(Boolean)
			.join(', ');
	};
	const fieldId = async (tenant: Tenant, key: string) => {
		const [row] = await tx
			.select({ id: fieldsOfAction.id })
			.from(fieldsOfAction)
			.where(and(eq(fieldsOfAction.tenantId, tenant.id), eq(fieldsOfAction.key, key)));
		return row?.id ?? null;
	};
	/** A member of the tenant's network who appears in bodies; no password (cannot sign in). */
	const person = async (
		tenant: Tenant,
		name: string,
		local: string,
		password: string | null = null
	) => {
		const user = await buildUser(tx, { name, email: `${local}@${tenant.slug}.example`, password });
		await grantRole(tx, tenant.id, user.id, 'member');
		return user;
	};

	async function body(
		tenant: Tenant,
		values: Partial<typeof bodies.$inferInsert> & { kind: BodyKind; name: string }
	) {
		const [row] = await tx
			.insert(bodies)
			.values({ tenantId: tenant.id, ...values })
			.returning();
		return row;
	}
	async function member(
		b: { id: string; tenantId: string },
		user: User,
		role: MembershipRole,
		organizationId: string | null,
		since: Date
	) {
		await tx.insert(bodyMemberships).values({
			tenantId: b.tenantId,
			bodyId: b.id,
			userId: user.id,
			organizationId,
			role,
			startDate: ymd(since)
		});
	}
	async function meeting(
		b: { id: string; tenantId: string },
		spec: MeetingSpec,
		people: { present: User[]; excused?: User[]; guests?: { name: string; affiliation: string }[] }
	) {
		const hostId = spec.host ? await orgId({ id: b.tenantId }, spec.host) : null;
		const location = spec.location ?? (hostId ? await orgAddress(hostId) : null);
		const endsAt = new Date(spec.startsAt.getTime() + (spec.durationMinutes ?? 120) * 60_000);
		const minutes = spec.minutes ?? 'none';
		const held = spec.state === 'held';
		const after = new Date(endsAt.getTime() + 3 * DAY);
		// planned a month ahead and invited three weeks ahead, but never later than today: a
		// meeting a few weeks away was created and invited in the past, not on a future date
		const createdAt = earlier(new Date(spec.startsAt.getTime() - 30 * DAY), now, 10);
		const invitedAt = earlier(new Date(spec.startsAt.getTime() - 21 * DAY), now, 5);
		const [m] = await tx
			.insert(meetings)
			.values({
				tenantId: b.tenantId,
				bodyId: b.id,
				title: spec.title ?? null,
				startsAt: spec.startsAt,
				endsAt,
				locationKind: spec.onlineUrl ? 'online' : hostId ? 'host' : 'room',
				location,
				onlineUrl: spec.onlineUrl ?? null,
				hostOrganizationId: hostId,
				state: spec.state,
				invitedAt: spec.state === 'planned' ? null : invitedAt,
				minutesState: minutes,
				minutesIntro: spec.minutesIntro ?? null,
				minutesSharedAt: ['shared', 'approved', 'published'].includes(minutes) ? after : null,
				minutesApprovedAt: ['approved', 'published'].includes(minutes)
					? new Date(after.getTime() + 7 * DAY)
					: null,
				minutesPublishedAt: minutes === 'published' ? new Date(after.getTime() + 8 * DAY) : null,
				createdAt,
				updatedAt: held ? after : spec.state === 'planned' ? createdAt : invitedAt
			})
			.returning();
		for (const [i, item] of spec.items.entries()) {
			const [row] = await tx
				.insert(agendaItems)
				.values({
					tenantId: b.tenantId,
					meetingId: m.id,
					position: i + 1,
					title: item.title,
					description: item.description ?? null,
					plannedMinutes: item.minutes ?? null,
					isPublic: item.isPublic ?? true,
					notes: held && minutes !== 'none' ? (item.notes ?? null) : null,
					decision: held && minutes !== 'none' ? (item.decision ?? null) : null
				})
				.returning();
			for (const s of item.speakers ?? [])
				await tx.insert(agendaItemSpeakers).values({
					tenantId: b.tenantId,
					agendaItemId: row.id,
					name: s.name,
					affiliation: s.affiliation ?? null
				});
			if (!held) continue;
			for (const a of item.actions ?? []) {
				const state = a.state ?? 'open';
				await tx.insert(actionItems).values({
					tenantId: b.tenantId,
					bodyId: b.id,
					meetingId: m.id,
					agendaItemId: row.id,
					title: a.title,
					assigneeUserId: a.assignee?.id ?? null,
					assigneeOrganizationId: a.organization
						? await orgId({ id: b.tenantId }, a.organization)
						: null,
					dueDate: ymd(new Date(spec.startsAt.getTime() + a.dueInDays * DAY)),
					state,
					completedAt:
						state === 'done' ? new Date(spec.startsAt.getTime() + (a.dueInDays - 2) * DAY) : null,
					createdAt: after
				});
			}
		}
		if (held) {
			for (const p of people.present)
				await tx
					.insert(meetingAttendance)
					.values({ tenantId: b.tenantId, meetingId: m.id, userId: p.id, status: 'present' });
			for (const p of people.excused ?? [])
				await tx
					.insert(meetingAttendance)
					.values({ tenantId: b.tenantId, meetingId: m.id, userId: p.id, status: 'excused' });
			for (const g of people.guests ?? [])
				await tx.insert(meetingAttendance).values({
					tenantId: b.tenantId,
					meetingId: m.id,
					guestName: g.name,
					affiliation: g.affiliation,
					status: 'present'
				});
		}
		return m;
	}
	/** Invitation rows as if the mails had gone out (answer links are not known to anyone). */
	async function invited(
		m: { id: string; tenantId: string; sequence: number; invitedAt: Date | null },
		answers: [User, 'yes' | 'no' | 'maybe' | null][]
	) {
		// the mails went out when the meeting was invited; answers came in after that
		const sentAt = m.invitedAt ?? now;
		for (const [i, [u, response]] of answers.entries())
			await tx.insert(meetingInvitations).values({
				tenantId: m.tenantId,
				meetingId: m.id,
				userId: u.id,
				tokenHash: hashToken(randomBytes(24).toString('base64url')),
				response,
				respondedAt: response
					? new Date(
							Math.min(sentAt.getTime() + (i + 1) * DAY, now.getTime() - 3_600_000 * (i + 1))
						)
					: null,
				mailedSequence: m.sequence,
				createdAt: sentAt
			});
	}

	// ---------------------------------------------------------------- Landshut (seed 000)
	const lsSince = new Date(now.getTime() - 400 * DAY);
	const lsSchool = 'Sprachschule Landshut – Deutsch und Integration';
	const lsMbe = 'Migrationsberatung für Erwachsene Landshut';
	const lsJmd = 'Jugendmigrationsdienst Landshut';
	const lsYouth = 'Offener Jugendtreff Landshut-West';
	const lsInitiative = 'Interkulturelle Initiative Landshut';
	const lsSport = 'Stützpunktverein „Integration durch Sport“';
	const lsOffice = 'Stadt Landshut – Integrationsbeauftragte';
	const network = await body(landshut, {
		kind: 'network',
		name: 'Netzwerk Integration Landshut',
		shortName: 'Netzwerk Integration',
		description:
			'Moderierte Treffen der Akteur:innen, die haupt- oder ehrenamtlich mit Zugewanderten arbeiten, im Abstand von sechs bis acht Wochen bei abwechselnder Gastgeberrolle, mit Protokoll. Als Gäste sind je nach Thema Vertreter:innen von Institutionen vor Ort und von Modellprojekten als Referent:innen eingeladen.',
		guidingQuestions: [
			'Sind die Angebote vor Ort bedarfsgerecht?',
			'Welche Ideen und Anstöße für Verbesserungen oder weitere Angebote gibt es?',
			'Wie stellen wir die Themen Zuwanderung und Integration gemeinsam positiv dar?'
		].join('\n'),
		visibility: 'public',
		cadenceKind: 'weeks',
		cadenceMinWeeks: 6,
		cadenceMaxWeeks: 8,
		preferredWeekday: 3,
		preferredTime: '14:00',
		durationMinutes: 120,
		rotateHost: true,
		reminderDays: 3,
		createdAt: lsSince
	});
	const lsPeople = {
		school: await person(landshut, 'Aylin Demir', 'sprecherin', input.speakerPassword),
		mbe: await person(landshut, 'Thomas Huber', 't.huber'),
		jmd: await person(landshut, 'Mariana Kovalenko', 'm.kovalenko'),
		sport: await person(landshut, 'Stefan Maier', 's.maier'),
		council: await person(landshut, 'Stadträtin Claudia Wagner', 'c.wagner')
	};
	await member(network, accounts.koLandshut, 'moderator', await orgId(landshut, lsOffice), lsSince);
	await member(network, accounts.editor, 'deputy', await orgId(landshut, lsOffice), lsSince);
	await member(network, accounts.member, 'member', await orgId(landshut, lsInitiative), lsSince);
	await member(network, lsPeople.school, 'speaker', await orgId(landshut, lsSchool), lsSince);
	await member(network, lsPeople.mbe, 'member', await orgId(landshut, lsMbe), lsSince);
	await member(network, lsPeople.jmd, 'member', await orgId(landshut, lsJmd), lsSince);
	await member(network, lsPeople.sport, 'member', await orgId(landshut, lsSport), lsSince);
	await member(network, lsPeople.council, 'guest', null, lsSince);
	for (const host of [lsSchool, lsMbe, lsJmd, lsYouth, lsInitiative])
		await tx.insert(bodyHosts).values({
			tenantId: landshut.id,
			bodyId: network.id,
			organizationId: await orgId(landshut, host)
		});

	const lsPresent = [
		accounts.koLandshut,
		accounts.member,
		lsPeople.school,
		lsPeople.mbe,
		lsPeople.jmd
	];
	await meeting(
		network,
		{
			startsAt: pastWeekday(now, 150, 3, '14:00'),
			host: lsMbe,
			state: 'held',
			minutes: 'published',
			items: [
				{
					title: 'Begrüßung, Protokoll der letzten Sitzung',
					minutes: 10,
					notes: 'Das Protokoll wurde ohne Änderungen genehmigt.'
				},
				{
					title: 'Überprüfung von Angeboten – sind sie bedarfsgerecht?',
					description: 'Bestandsaufnahme der Sprachkurse mit Kinderbetreuung.',
					minutes: 45,
					notes:
						'Die Wartelisten für Integrationskurse mit Kinderbetreuung sind lang. Abendkurse werden vor allem von Berufstätigen nachgefragt.',
					decision:
						'Das Netzwerk sammelt bis zur nächsten Sitzung alle Kursangebote mit Kinderbetreuung.',
					actions: [
						{
							title: 'Übersicht der Kurse mit Kinderbetreuung erstellen',
							assignee: lsPeople.school,
							organization: lsSchool,
							dueInDays: 40,
							state: 'done'
						}
					]
				},
				{
					title: 'Verschiedenes',
					minutes: 10,
					notes: 'Hinweis auf die Interkulturelle Woche im September.'
				}
			]
		},
		{ present: lsPresent, excused: [lsPeople.sport] }
	);
	await meeting(
		network,
		{
			startsAt: pastWeekday(now, 100, 3, '14:00'),
			host: lsJmd,
			state: 'held',
			minutes: 'published',
			items: [
				{ title: 'Begrüßung, Protokoll der letzten Sitzung', minutes: 10, notes: 'Genehmigt.' },
				{
					title: 'Vorstellung Modellprojekt „Ankommenspat:innen“',
					minutes: 40,
					speakers: [
						{ name: 'Julia Berger', affiliation: 'Modellprojekt Ankommenspat:innen, Regensburg' }
					],
					notes:
						'Ehrenamtliche begleiten neu Zugewanderte in den ersten Monaten bei Behördengängen. Interesse bei Helferkreis und Interkultureller Initiative.',
					decision: 'Die Interkulturelle Initiative prüft eine Übertragung nach Landshut.',
					actions: [
						{
							title: 'Gespräch mit dem Modellprojekt über eine Übertragung nach Landshut führen',
							assignee: accounts.member,
							organization: lsInitiative,
							dueInDays: 60,
							state: 'in_progress'
						}
					]
				},
				{
					title: 'Gemeinsame Öffentlichkeitsarbeit: Interkulturelle Woche',
					minutes: 30,
					notes: 'Gemeinsamer Stand auf dem Marktplatz; Programmheft in Leichter Sprache.',
					actions: [
						{
							title: 'Programmheft für die Interkulturelle Woche zusammenstellen',
							assignee: accounts.koLandshut,
							dueInDays: 30,
							state: 'done'
						}
					]
				},
				{
					title: 'Personalangelegenheiten der Träger',
					minutes: 10,
					isPublic: false,
					notes: 'Vertraulich besprochen.'
				}
			]
		},
		{
			present: [...lsPresent, lsPeople.sport],
			guests: [{ name: 'Julia Berger', affiliation: 'Modellprojekt Ankommenspat:innen' }]
		}
	);
	await meeting(
		network,
		{
			startsAt: pastWeekday(now, 50, 3, '14:00'),
			host: lsYouth,
			state: 'held',
			minutes: 'published',
			items: [
				{ title: 'Begrüßung, Protokoll der letzten Sitzung', minutes: 10, notes: 'Genehmigt.' },
				{
					title: 'Kooperation mit dem Beirat für Migration und Integration',
					minutes: 40,
					speakers: [{ name: 'Vorsitz des Beirats für Migration und Integration' }],
					notes:
						'Der Beirat berichtet über seine Empfehlungen an den Stadtrat zur Sprachförderung in Kitas.',
					decision: 'Netzwerk und Beirat treffen sich einmal im Jahr gemeinsam.',
					actions: [
						{
							title: 'Gemeinsamen Termin mit dem Beirat abstimmen',
							assignee: accounts.koLandshut,
							dueInDays: 70,
							state: 'open'
						}
					]
				},
				{
					title: 'Jugendliche ohne Ausbildungsplatz',
					minutes: 40,
					notes:
						'Der Jugendmigrationsdienst berichtet von steigender Nachfrage nach Bewerbungstrainings.',
					actions: [
						{
							title: 'Bewerbungstraining mit dem Bildungswerk planen',
							assignee: lsPeople.jmd,
							organization: lsJmd,
							dueInDays: 35,
							state: 'open'
						}
					]
				}
			]
		},
		{
			present: lsPresent.filter((p) => p !== lsPeople.mbe),
			excused: [lsPeople.mbe],
			guests: [{ name: 'Vorsitz des Beirats', affiliation: 'Beirat für Migration und Integration' }]
		}
	);
	const lsLast = await meeting(
		network,
		{
			startsAt: pastWeekday(now, 8, 3, '14:00'),
			host: lsInitiative,
			state: 'held',
			minutes: 'draft',
			// the draft notice comes from the minutes' state, never from the text
			minutesIntro: 'Begrüßung durch die Gastgebenden; die Tagesordnung wird angenommen.',
			items: [
				{ title: 'Begrüßung, Protokoll der letzten Sitzung', minutes: 10, notes: 'Genehmigt.' },
				{
					title: 'Wohnraum für Geflüchtete – Lage in Landshut',
					minutes: 45,
					notes:
						'Die Lage auf dem Wohnungsmarkt bleibt angespannt; Vorschlag einer Wohnungsbörse mit Patenschaften.',
					actions: [
						{
							title: 'Kontakt zur Wohnungsbaugesellschaft aufnehmen',
							assignee: lsPeople.mbe,
							organization: lsMbe,
							dueInDays: 21,
							state: 'open'
						}
					]
				},
				{ title: 'Verschiedenes', minutes: 10 }
			]
		},
		{ present: lsPresent }
	);
	void lsLast;
	const lsNext = await meeting(
		network,
		{
			startsAt: futureWeekday(now, 40, 3, '14:00'),
			host: lsSchool,
			state: 'invited',
			items: [
				{ title: 'Begrüßung, Genehmigung des Protokolls vom letzten Treffen', minutes: 10 },
				{
					title: 'Sprachförderung in Kitas und Schulen',
					minutes: 45,
					speakers: [{ name: 'Sprach-Kita-Verbund Landshut', affiliation: 'Fachberatung' }]
				},
				{ title: 'Planung der gemeinsamen Öffentlichkeitsarbeit im nächsten Jahr', minutes: 30 }
			]
		},
		{ present: [] }
	);
	await invited(lsNext, [
		[accounts.koLandshut, 'yes'],
		[lsPeople.school, 'yes'],
		[lsPeople.mbe, 'maybe'],
		[lsPeople.sport, 'no'],
		[accounts.member, null],
		[accounts.editor, null],
		[lsPeople.jmd, null],
		[lsPeople.council, null]
	]);

	const beirat = await body(landshut, {
		kind: 'advisory_council',
		name: 'Beirat für Migration und Integration Landshut',
		shortName: 'Beirat',
		description:
			'Seit 01.03.2009 vertritt der Beirat für Migration und Integration die Interessen der Zugewanderten gegenüber Stadtrat und Verwaltung. Enge Kooperation mit dem Netzwerk Integration.',
		visibility: 'public',
		cadenceKind: 'quarterly',
		preferredWeekday: 4,
		preferredTime: '18:00',
		defaultLocation: 'Rathaus Landshut, Sitzungssaal',
		createdAt: lsSince
	});
	await member(beirat, lsPeople.council, 'speaker', null, lsSince);
	await member(beirat, accounts.koLandshut, 'guest', await orgId(landshut, lsOffice), lsSince);

	// ---------------------------------------------------------------- Gifhorn (seed 002)
	const gfSince = new Date(now.getTime() - 800 * DAY);
	const gfOffice = 'Landkreis Gifhorn – Stabsstelle Integration';
	const gfGroups: {
		key: string;
		name: string;
		question: string;
		speaker: [string, string, string];
		hosts: string[];
		topics: [string, string, string][];
	}[] = [
		{
			key: 'bildung',
			name: 'Arbeitskreis Bildung',
			question:
				'Welche Förderinstrumente können verankert werden, um allen für ihre Zukunft eine Chance zu geben?',
			speaker: ['Katrin Schulze', 'k.schulze', 'Bildungsträger Sprache und Beruf Gifhorn'],
			hosts: [
				'Bildungsträger Sprache und Beruf Gifhorn',
				'Migrationsberatung im Landkreis Gifhorn'
			],
			topics: [
				[
					'Anerkennung mitgebrachter Schulabschlüsse',
					'Viele Jugendliche warten lange auf die Anerkennung; die Beratung ist wenig bekannt.',
					'Flyer zur Anerkennungsberatung in fünf Sprachen erstellen'
				],
				[
					'Hausaufgabenhilfe an Grundschulen',
					'Drei Grundschulen wünschen ehrenamtliche Unterstützung am Nachmittag.',
					'Ehrenamtliche für die Hausaufgabenhilfe gewinnen'
				]
			]
		},
		{
			key: 'familienleben',
			name: 'Arbeitskreis Familienleben',
			question:
				'Wie gelingen transkulturelle Dialoge innerhalb und zwischen Familien, mit Kitas, Schulen und Gesellschaft?',
			speaker: ['Leyla Aksoy', 'l.aksoy', 'Familienzentrum Gifhorn'],
			hosts: ['Familienzentrum Gifhorn', 'Interkulturelle Initiative Gifhorn'],
			topics: [
				[
					'Elterncafés in Kitas',
					'Elterncafés mit Sprachmittlung werden gut angenommen.',
					'Leitfaden für Elterncafés an alle Kitas senden'
				],
				[
					'Väterarbeit',
					'Väter werden bisher kaum erreicht; Idee eines Vätertreffs beim Sportverein.',
					'Vätertreff mit dem Stützpunktverein planen'
				]
			]
		},
		{
			key: 'ausbildung-arbeit',
			name: 'Arbeitskreis Integration in Ausbildung und Arbeit',
			question:
				'Welche Wege führen aus dem Dilemma zwischen Fachkräftebedarf und hohen Hürden heraus?',
			speaker: ['Dirk Neumann', 'd.neumann', 'Jugendmigrationsdienst Gifhorn'],
			hosts: ['Jugendmigrationsdienst Gifhorn', 'Bildungsträger Sprache und Beruf Gifhorn'],
			topics: [
				[
					'Berufsbezogene Sprachkurse (DeuFöV)',
					'Zu wenige Plätze in Teilzeitkursen für Berufstätige.',
					'Bedarf an Teilzeitkursen bei den Trägern erheben'
				],
				[
					'Ausbildungsmesse für Zugewanderte',
					'Betriebe aus dem Landkreis zeigen Interesse an einer eigenen Messe.',
					'Betriebe für die Ausbildungsmesse ansprechen'
				]
			]
		},
		{
			key: 'teilhabe',
			name: 'Arbeitskreis gesellschaftliche Teilhabe',
			question:
				'Wie schafft man vor Ort für alle mit und ohne Zuwanderungsgeschichte geeignete Strukturen?',
			speaker: ['Anke Vogel', 'a.vogel', 'Helferkreis Wittingen'],
			hosts: ['Helferkreis Wittingen', 'Interkulturelle Initiative Gifhorn'],
			topics: [
				[
					'Unverständliche Formulare',
					'Eine Formularlotsen-Sprechstunde in Wittingen hilft; Bedarf auch in anderen Gemeinden.',
					'Formularlotsen-Sprechstunde in zwei weiteren Gemeinden anbieten'
				],
				[
					'Engagement von Zugewanderten in Vereinen',
					'Vereine wünschen sich Ansprechpersonen in den Communities.',
					'Vereinsvorstände zu einem Austausch einladen'
				]
			]
		}
	];
	const gfMembers: User[] = [];
	for (const g of gfGroups) {
		const ak = await body(gifhorn, {
			kind: 'working_group',
			name: g.name,
			shortName: g.name.replace('Arbeitskreis', 'AK'),
			description:
				'Tagt einmal im Quartal; Anlaufpunkt für Ehrenamtliche und Hauptamtliche sowie Ideengeber für neue Projekte.',
			fieldOfActionId: await fieldId(gifhorn, g.key),
			guidingQuestions: g.question,
			visibility: 'network',
			cadenceKind: 'quarterly',
			preferredWeekday: 2,
			preferredTime: '15:00',
			rotateHost: true,
			createdAt: gfSince
		});
		const speaker = await person(gifhorn, g.speaker[0], g.speaker[1]);
		gfMembers.push(speaker);
		await member(ak, speaker, 'speaker', await orgId(gifhorn, g.speaker[2]), gfSince);
		await member(ak, accounts.koGifhorn, 'moderator', await orgId(gifhorn, gfOffice), gfSince);
		for (const h of g.hosts)
			await tx
				.insert(bodyHosts)
				.values({ tenantId: gifhorn.id, bodyId: ak.id, organizationId: await orgId(gifhorn, h) });
		for (const [i, [topic, notes, action]] of g.topics.entries()) {
			await meeting(
				ak,
				{
					startsAt: pastWeekday(now, 150 - i * 91, 2, '15:00'),
					host: g.hosts[i % g.hosts.length],
					state: 'held',
					minutes: 'published',
					items: [
						{ title: 'Begrüßung und Vorstellungsrunde', minutes: 15 },
						{
							title: 'Neue Angebote der Arbeitskreismitglieder',
							minutes: 20,
							notes:
								'Die Mitglieder stellen neue Angebote vor; sie sind im Angebotsfinder eingetragen.'
						},
						{
							title: topic,
							minutes: 50,
							notes,
							actions: [
								{
									title: action,
									assignee: speaker,
									organization: g.speaker[2],
									dueInDays: 60 + i * 30,
									state: i === 0 ? 'done' : 'open'
								}
							]
						},
						{
							title: 'Themen für die Steuerungsgruppe',
							minutes: 15,
							notes: i === 1 ? 'Eine Vorlage an die Steuerungsgruppe wird vorbereitet.' : 'Keine.'
						}
					]
				},
				{ present: [speaker, accounts.koGifhorn] }
			);
		}
		// the next quarterly meeting, planned about three months after the last one
		const last = g.topics.length - 1;
		await meeting(
			ak,
			{
				startsAt: futureWeekday(now, Math.max(7, 91 - (150 - last * 91)), 2, '15:00'),
				host: g.hosts[(last + 1) % g.hosts.length],
				state: 'planned',
				items: [
					{ title: 'Begrüßung und Vorstellungsrunde', minutes: 15 },
					{ title: 'Neue Angebote der Arbeitskreismitglieder', minutes: 20 },
					{ title: 'Themen für die Steuerungsgruppe', minutes: 15 }
				]
			},
			{ present: [] }
		);
	}
	const steering = await body(gifhorn, {
		kind: 'steering_group',
		name: 'Steuerungsgruppe Integration',
		shortName: 'Steuerungsgruppe',
		description:
			'Berichts- und Kontrollgremium des Netzwerks Integration, vom Landrat geführt; Fraktionsvorsitzende, Fachbereichsleitungen, die Arbeitskreissprecher:innen und weitere Entscheidungsträger:innen. Zweimal im Jahr über die Lage der Integrationsarbeit informiert; spricht ggf. Handlungsanweisungen aus.',
		visibility: 'public',
		cadenceKind: 'half_yearly',
		preferredWeekday: 4,
		preferredTime: '10:00',
		defaultLocation: 'Kreishaus Gifhorn, Sitzungsraum',
		createdAt: gfSince
	});
	const landrat = await person(gifhorn, 'Landrat (Vorsitz)', 'landrat');
	await member(steering, landrat, 'speaker', null, gfSince);
	await member(steering, accounts.koGifhorn, 'moderator', await orgId(gifhorn, gfOffice), gfSince);
	for (const s of gfMembers) await member(steering, s, 'member', null, gfSince);
	await meeting(
		steering,
		{
			// the last of the half-yearly meetings (demo/papers.ts adds the earlier ones and the next)
			startsAt: pastWeekday(now, 45, 4, '10:00'),
			location: 'Kreishaus Gifhorn, Sitzungsraum',
			state: 'held',
			minutes: 'published',
			items: [
				{
					title: 'Sachstandsbericht der Stabsstelle Integration',
					minutes: 30,
					notes: 'Bericht über das erste Halbjahr.'
				},
				{
					title: 'Vorlagen der Arbeitskreise',
					minutes: 45,
					notes: 'Vorlage des AK Bildung zur Anerkennungsberatung beraten.',
					decision:
						'Die Stabsstelle wird beauftragt, die Anerkennungsberatung im Landkreis bekannter zu machen.'
				},
				{ title: 'Aktuelle Herausforderungen und Bedarfe', minutes: 30 }
			]
		},
		{ present: [landrat, accounts.koGifhorn, ...gfMembers] }
	);
	const gfNetwork = await body(gifhorn, {
		kind: 'network',
		name: 'Netzwerk Integration Landkreis Gifhorn',
		shortName: 'Netzwerktreffen',
		description:
			'Einmal im Jahr findet ein übergreifendes Netzwerktreffen für Akteur:innen und Interessierte der Integrationsarbeit mit wechselnden Themenschwerpunkten statt.',
		visibility: 'public',
		cadenceKind: 'yearly',
		preferredWeekday: 3,
		preferredTime: '09:30',
		durationMinutes: 240,
		defaultLocation: 'Kreishaus Gifhorn, Großer Saal',
		createdAt: gfSince
	});
	await member(gfNetwork, accounts.koGifhorn, 'speaker', await orgId(gifhorn, gfOffice), gfSince);
	for (const s of gfMembers) await member(gfNetwork, s, 'member', null, gfSince);
	await meeting(
		gfNetwork,
		{
			startsAt: pastWeekday(now, 240, 3, '09:30'),
			durationMinutes: 240,
			location: 'Kreishaus Gifhorn, Großer Saal',
			title: 'Netzwerktreffen: Fortschreibung des Integrationskonzepts',
			state: 'held',
			minutes: 'published',
			items: [
				{ title: 'Begrüßung durch den Landrat', minutes: 15 },
				{
					title: 'Berichte aus den vier Arbeitskreisen',
					minutes: 60,
					notes: 'Die Sprecher:innen stellen Ergebnisse und Vorhaben vor.'
				},
				{
					title: 'Workshop: Empfehlungen für die Fortschreibung des Integrationskonzepts',
					minutes: 90,
					notes: 'In vier Gruppen wurden Empfehlungen nach Lebensfeldern gesammelt.',
					decision: 'Die Empfehlungen gehen als Vorlage an die Steuerungsgruppe.',
					actions: [
						{
							title: 'Empfehlungen als Vorlage für die Steuerungsgruppe aufbereiten',
							assignee: accounts.koGifhorn,
							dueInDays: 45,
							state: 'done'
						}
					]
				}
			]
		},
		{ present: [accounts.koGifhorn, ...gfMembers] }
	);

	// ---------------------------------------------------------------- Freising (seed 004)
	const frSince = new Date(now.getTime() - 200 * DAY);
	const vernetzung = await body(freising, {
		kind: 'municipal_network',
		name: 'Vernetzungstreffen der Gemeinden zum Thema Integration',
		shortName: 'Vernetzungstreffen',
		description:
			'Bürgermeister:innen, Gemeinde- und Stadtratsmitglieder sowie Vertreter:innen aus Verwaltung und Ehrenamt der Kommunen im Landkreis tauschen sich aus: Was gelingt in den Gemeinden gut, was sollte ausgebaut werden, und wie kann das Landratsamt unterstützen? Die Treffen sollen regelmäßig stattfinden, um voneinander zu lernen und gemeinsam Herausforderungen anzugehen.',
		guidingQuestions: 'Wie gelingt Integration aktuell in Ihren Gemeinden?',
		visibility: 'public',
		cadenceKind: 'half_yearly',
		preferredWeekday: 2,
		preferredTime: '17:00',
		defaultLocation: 'Landratsamt Freising, Großer Sitzungssaal',
		createdAt: frSince
	});
	await member(
		vernetzung,
		accounts.koFreising,
		'speaker',
		await orgId(freising, 'Landratsamt Freising – Integrationsbeauftragte'),
		frSince
	);
	const frPeople = [
		[
			await person(freising, 'Bürgermeisterei Neufahrn (Vertretung)', 'vertretung.neufahrn'),
			'Helferkreis Neufahrn'
		],
		[
			await person(freising, 'Bürgermeisterei Eching (Vertretung)', 'vertretung.eching'),
			'Helferkreis Eching'
		],
		[
			await person(freising, 'Stadt Moosburg (Vertretung)', 'vertretung.moosburg'),
			'Helferkreis Asyl Moosburg'
		]
	] as const;
	for (const [p, o] of frPeople)
		await member(vernetzung, p, 'member', await orgId(freising, o), frSince);
	await meeting(
		vernetzung,
		{
			startsAt: pastWeekday(now, 160, 2, '17:00'),
			location: 'Landratsamt Freising, Großer Sitzungssaal',
			title: 'Wie gelingt Integration aktuell in Ihren Gemeinden?',
			state: 'held',
			minutes: 'published',
			minutesIntro:
				'Die stellvertretende Landrätin begrüßte die Bürgermeister:innen, Gemeinde- und Stadtratsmitglieder sowie Vertreter:innen aus Verwaltung und Ehrenamt.',
			items: [
				{
					title: 'Begrüßung',
					minutes: 10,
					speakers: [{ name: 'Anita Meinelt', affiliation: 'stellvertretende Landrätin' }]
				},
				{
					title: 'LEADER-Projekt „Vernetzungsplattform für die Integration von Migranten“',
					minutes: 20,
					speakers: [{ name: 'Nathalie von Pressentin', affiliation: 'Integrationsbeauftragte' }],
					notes:
						'Aufgaben und Ziele des Projekts; langfristig soll ein Integrationskonzept für den Landkreis entstehen.'
				},
				{
					title: 'Ansprechpartner:innen im Landratsamt',
					minutes: 15,
					speakers: [{ name: 'Anna-Lena Seisenberger', affiliation: 'Landratsamt Freising' }]
				},
				{
					title: 'Aktuelle Zahlen aus dem Bereich Asyl',
					minutes: 15,
					speakers: [{ name: 'Michael Büttner', affiliation: 'Integrationslotse' }]
				},
				{
					title: 'Projekt „Mobile Elternbegleitung – Beratungsbus“',
					minutes: 20,
					speakers: [
						{ name: 'Veronika Unterreithmeier', affiliation: 'Zentrum der Familie Freising' }
					],
					notes:
						'Der Beratungsbus bringt wohnortnahe Hilfe und Beratung für alle Eltern in die Kommunen. Viele Kommunen zeigten Interesse.',
					actions: [
						{
							title: 'Interessierte Kommunen für den Beratungsbus sammeln',
							organization: 'Zentrum der Familie Freising',
							assignee: accounts.koFreising,
							dueInDays: 60,
							state: 'done'
						}
					]
				},
				{
					title: 'Erfahrungsaustausch: Was gelingt, was sollte ausgebaut werden?',
					minutes: 40,
					notes:
						'„Die ehrenamtliche Arbeit der Helferkreise ist eine der Säulen in der Integrationsarbeit.“ Weitere Ansätze: Lösungen für die angespannte Wohnungsmarktsituation, Ausbau der Sprachförderung in Kitas und Schulen.',
					decision: 'Vernetzungstreffen der Gemeinden sollen regelmäßig stattfinden.',
					actions: [
						{
							title: 'Sprachförderung in Kitas: Bedarf in den Gemeinden abfragen',
							assignee: accounts.koFreising,
							dueInDays: 200,
							state: 'open'
						}
					]
				}
			]
		},
		{ present: [accounts.koFreising, ...frPeople.map(([p]) => p)] }
	);
}
