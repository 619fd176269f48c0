/**
 * Demo papers (Vorlagen):
 * - Landkreis Gifhorn (seed 002): the four Arbeitskreise carry results and requests as papers
 *   into the Steuerungsgruppe Integration, which meets twice a year; two years of papers with
 *   consultations, decisions and instructions (Handlungsanweisungen) that became action items of
 *   the working groups; one paper submitted for the next meeting, one draft; and the status
 *   report (Sachstandsbericht) of the last half-year, frozen and filed as a paper of type report.
 * - Stadt Laatzen (seed 003): Mitteilung 144/2009 "Konsultationsprozess zur Integrationsarbeit"
 *   with its recommendations, and the council's Drucksache 047/2008 it follows up.
 *
 * Robust against the other demo parts: tenants, bodies, people and meetings are looked up first
 * (tenant by slug, body by tenant, kind and name) and only created when missing.
 */
import { and, asc, eq, gt, inArray, max, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client';
import { withTenant, type Ctx } from '../context';
import { tenants, type Tenant } from '../tenants/schema';
import { tenantMembers, users, type Role } from '../auth/schema';
import { bodies, bodyMemberships, type BodyKind, type MembershipRole } from '../bodies/schema';
import { agendaItems, meetings } from '../meetings/schema';
import { actionItems } from '../minutes/schema';
import { organizations } from '../organizations/schema';
import {
	consultations,
	instructions,
	paperAuthors,
	paperCounters,
	paperRelations,
	papers,
	type ConsultationRole,
	type ConsultationResult
} from '../papers/schema';
import { nextPaperNumber } from '../papers/paper-data';
import { formatReference } from '../papers/validation';
import { buildTenant, buildUser, grantRole } from '../factories';
import { loadActor } from '../auth/sessions';
import { createStatusReport, saveReportNotes } from '../reports/manage';
import { freezeStatusReport } from '../reports/freeze';
import { lastHalfYear } from '../reports/input';

const DAY = 86_400_000;

/** Sign-in account of the demo: deputy speaker of the Arbeitskreis Bildung in Gifhorn. */
export const DEMO_SPEAKER_GIFHORN = 'ak-bildung@gifhorn.example';

async function tenantBySlug(tx: Executor, ...slugs: string[]): Promise<Tenant | null> {
	const rows = await tx.select().from(tenants).where(inArray(tenants.slug, slugs));
	for (const s of slugs) {
		const row = rows.find((r) => r.slug === s);
		if (row) return row;
	}
	return null;
}

async function ensureBody(
	tx: Executor,
	tenantId: string,
	kind: BodyKind,
	name: string,
	extra: Partial<typeof bodies.$inferInsert> = {}
) {
	const [row] = await tx
		.select()
		.from(bodies)
		.where(and(eq(bodies.tenantId, tenantId), eq(bodies.kind, kind), eq(bodies.name, name)));
	if (row) return row;
	const [created] = await tx
		.insert(bodies)
		.values({ tenantId, kind, name, ...extra })
		.returning();
	return created;
}

async function ensureUser(
	tx: Executor,
	email: string,
	name: string,
	tenantId: string,
	role: Role,
	password: string | null
) {
	let [user] = await tx.select().from(users).where(eq(users.email, email));
	if (!user) user = await buildUser(tx, { email, name, password });
	const [membership] = await tx
		.select()
		.from(tenantMembers)
		.where(and(eq(tenantMembers.tenantId, tenantId), eq(tenantMembers.userId, user.id)));
	if (!membership) await grantRole(tx, tenantId, user.id, role);
	return user;
}

async function ensureMembership(
	tx: Executor,
	body: { id: string; tenantId: string },
	userId: string,
	role: MembershipRole,
	since: string
) {
	const [row] = await tx
		.select()
		.from(bodyMemberships)
		.where(and(eq(bodyMemberships.bodyId, body.id), eq(bodyMemberships.userId, userId)));
	if (row) return row;
	const [created] = await tx
		.insert(bodyMemberships)
		.values({ tenantId: body.tenantId, bodyId: body.id, userId, role, startDate: since })
		.returning();
	return created;
}

/** A meeting of the body within a week before that day, or a new one at 10:00 Berlin time. */
async function ensureMeeting(
	tx: Executor,
	body: { id: string; tenantId: string },
	day: Date,
	state: 'planned' | 'held',
	location: string
) {
	const start = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 8));
	const [row] = await tx
		.select()
		.from(meetings)
		.where(
			and(
				eq(meetings.bodyId, body.id),
				sql`${meetings.startsAt} >= ${new Date(start.getTime() - 7 * DAY - 8 * 3_600_000).toISOString()}::timestamptz`,
				sql`${meetings.startsAt} < ${new Date(start.getTime() + 16 * 3_600_000).toISOString()}::timestamptz`
			)
		);
	if (row) return row;
	const [created] = await tx
		.insert(meetings)
		.values({
			tenantId: body.tenantId,
			bodyId: body.id,
			startsAt: start,
			endsAt: new Date(start.getTime() + 2 * 3_600_000),
			location,
			state,
			minutesState: state === 'held' ? 'published' : 'none'
		})
		.returning();
	return created;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

interface PaperSpec {
	type: string;
	title: string;
	text: string;
	date: string;
	origin: { id: string } | null;
	addressed: { id: string } | null;
	state: string;
	visibility?: 'public' | 'network' | 'internal';
	authors: ({ userId: string } | { name: string })[];
	createdBy: string | null;
	/** a fixed number (historic papers); otherwise the next number of the year */
	number?: number;
	parentId?: string;
}

async function insertPaper(tx: Executor, tenantId: string, spec: PaperSpec) {
	const year = Number(spec.date.slice(0, 4));
	let number = spec.number;
	if (number === undefined) number = await nextPaperNumber(tx, tenantId, year);
	else
		await tx
			.insert(paperCounters)
			.values({ tenantId, year, last: number })
			.onConflictDoUpdate({
				target: [paperCounters.tenantId, paperCounters.year],
				set: { last: sql`greatest(${paperCounters.last}, ${number})` }
			});
	const at = new Date(`${spec.date}T09:00:00Z`);
	const [row] = await tx
		.insert(papers)
		.values({
			tenantId,
			number,
			year,
			reference: formatReference(number, year),
			type: spec.type,
			title: spec.title,
			text: spec.text,
			date: spec.date,
			originatingBodyId: spec.origin?.id ?? null,
			addressedBodyId: spec.addressed?.id ?? null,
			state: spec.state,
			visibility: spec.visibility ?? 'network',
			submittedAt: spec.state === 'draft' ? null : at,
			createdBy: spec.createdBy,
			createdAt: at,
			updatedAt: at
		})
		.returning();
	if (spec.authors.length)
		await tx.insert(paperAuthors).values(
			spec.authors.map((a, position) => ({
				tenantId,
				paperId: row.id,
				position,
				userId: 'userId' in a ? a.userId : null,
				name: 'name' in a ? a.name : null
			}))
		);
	if (spec.parentId)
		await tx
			.insert(paperRelations)
			.values({ tenantId, parentPaperId: spec.parentId, childPaperId: row.id });
	return row;
}

/** Puts a paper on a meeting's agenda, with its result and instructions (as action items). */
async function consult(
	tx: Executor,
	paper: { id: string; tenantId: string; reference: string; title: string; visibility: string },
	meeting: { id: string; bodyId: string; startsAt: Date },
	role: ConsultationRole,
	result: ConsultationResult | null,
	resultText: string | null,
	by: string | null,
	given: {
		body: { id: string };
		text: string;
		dueInDays: number;
		organizationId?: string | null;
		done?: boolean;
	}[] = []
) {
	const tenantId = paper.tenantId;
	const [{ last }] = await tx
		.select({ last: max(agendaItems.position) })
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, meeting.id));
	const label = {
		decided: 'Beschlossen',
		noted: 'Zur Kenntnis genommen',
		deferred: 'Zurückgestellt',
		rejected: 'Abgelehnt'
	};
	const [item] = await tx
		.insert(agendaItems)
		.values({
			tenantId,
			meetingId: meeting.id,
			position: (last ?? 0) + 1,
			title: `${paper.title} (Vorlage ${paper.reference})`,
			// as papers/schedule.ts does: a public paper is dealt with in public
			isPublic: paper.visibility === 'public',
			decision: result ? (resultText ? `${label[result]}: ${resultText}` : label[result]) : null
		})
		.returning();
	const decidedAt = result ? new Date(meeting.startsAt.getTime() + 3_600_000) : null;
	const [c] = await tx
		.insert(consultations)
		.values({
			tenantId,
			paperId: paper.id,
			meetingId: meeting.id,
			agendaItemId: item.id,
			bodyId: meeting.bodyId,
			role,
			result,
			resultText,
			decidedAt,
			decidedBy: result ? by : null,
			createdAt: meeting.startsAt,
			updatedAt: decidedAt ?? meeting.startsAt
		})
		.returning();
	for (const g of given) {
		const due = isoDay(new Date(meeting.startsAt.getTime() + g.dueInDays * DAY));
		const [action] = await tx
			.insert(actionItems)
			.values({
				tenantId,
				bodyId: g.body.id,
				meetingId: meeting.id,
				agendaItemId: item.id,
				title: g.text,
				description: `${g.text}\n\nHandlungsanweisung aus Vorlage ${paper.reference} „${paper.title}“`,
				assigneeOrganizationId: g.organizationId ?? null,
				dueDate: due,
				state: g.done ? 'done' : 'open',
				completedAt: g.done
					? new Date(meeting.startsAt.getTime() + (g.dueInDays - 10) * DAY)
					: null,
				createdBy: by,
				createdAt: decidedAt ?? meeting.startsAt
			})
			.returning();
		await tx.insert(instructions).values({
			tenantId,
			paperId: paper.id,
			consultationId: c.id,
			bodyId: g.body.id,
			organizationId: g.organizationId ?? null,
			text: g.text,
			dueDate: due,
			actionItemId: action.id,
			createdBy: by,
			createdAt: decidedAt ?? meeting.startsAt
		});
	}
	return c;
}

async function orgByName(tx: Executor, tenantId: string, name: string) {
	const [row] = await tx
		.select({ id: organizations.id })
		.from(organizations)
		.where(and(eq(organizations.tenantId, tenantId), eq(organizations.name, name)));
	return row?.id ?? null;
}

async function seedGifhorn(tx: Executor, now: Date) {
	const gifhorn = await tenantBySlug(tx, 'landkreis-gifhorn', 'gifhorn');
	if (!gifhorn) return;
	const [coordinator] = await tx
		.select()
		.from(users)
		.where(eq(users.email, 'koordination@gifhorn.example'));
	if (!coordinator) return;
	const since = isoDay(new Date(now.getTime() - 800 * DAY));
	const ak = async (name: string, description: string) =>
		ensureBody(tx, gifhorn.id, 'working_group', name, {
			shortName: name.replace('Arbeitskreis', 'AK'),
			description,
			cadenceKind: 'quarterly'
		});
	const bildung = await ak(
		'Arbeitskreis Bildung',
		'Welche Förderinstrumente können verankert werden, um allen für ihre Zukunft eine Chance zu geben?'
	);
	const familie = await ak(
		'Arbeitskreis Familienleben',
		'Wie gelingen transkulturelle Dialoge innerhalb und zwischen Familien, mit Kitas, Schulen und Gesellschaft?'
	);
	const arbeit = await ak(
		'Arbeitskreis Integration in Ausbildung und Arbeit',
		'Welche Wege führen aus dem Dilemma heraus?'
	);
	const teilhabe = await ak(
		'Arbeitskreis gesellschaftliche Teilhabe',
		'Wie schafft man vor Ort für alle mit und ohne Zuwanderungsgeschichte geeignete Strukturen?'
	);
	const steering = await ensureBody(
		tx,
		gifhorn.id,
		'steering_group',
		'Steuerungsgruppe Integration',
		{
			shortName: 'Steuerungsgruppe',
			description:
				'Berichts- und Kontrollgremium des Netzwerks Integration, vom Landrat geführt. Zweimal im Jahr über die Lage der Integrationsarbeit informiert; spricht ggf. Handlungsanweisungen aus.',
			visibility: 'public',
			cadenceKind: 'half_yearly'
		}
	);
	await ensureBody(tx, gifhorn.id, 'network', 'Netzwerk Integration Landkreis Gifhorn', {
		shortName: 'Netzwerktreffen',
		visibility: 'public',
		cadenceKind: 'yearly'
	});

	// people: the demo's sign-in speaker of the AK Bildung (deputy when the AK has a speaker)
	const hasSpeaker = async (bodyId: string) =>
		(
			await tx
				.select({ id: bodyMemberships.id })
				.from(bodyMemberships)
				.where(and(eq(bodyMemberships.bodyId, bodyId), eq(bodyMemberships.role, 'speaker')))
		).length > 0;
	const speaker = await ensureUser(
		tx,
		DEMO_SPEAKER_GIFHORN,
		'Sprecher:in Arbeitskreis Bildung (Demo)',
		gifhorn.id,
		'member',
		'miteinander-demo'
	);
	await ensureMembership(
		tx,
		bildung,
		speaker.id,
		(await hasSpeaker(bildung.id)) ? 'deputy' : 'speaker',
		since
	);
	await ensureMembership(tx, steering, speaker.id, 'member', since);
	await ensureMembership(tx, steering, coordinator.id, 'moderator', since);
	/** the speaker of a working group (from the bodies demo), or a named person without sign-in */
	const speakerOf = async (body: { id: string; tenantId: string }, name: string, local: string) => {
		const [s] = await tx
			.select({ userId: bodyMemberships.userId })
			.from(bodyMemberships)
			.where(and(eq(bodyMemberships.bodyId, body.id), eq(bodyMemberships.role, 'speaker')))
			.orderBy(asc(bodyMemberships.createdAt));
		if (s) return s.userId;
		const u = await ensureUser(
			tx,
			`${local}@${gifhorn.slug}.example`,
			name,
			gifhorn.id,
			'member',
			null
		);
		await ensureMembership(tx, body, u.id, 'speaker', since);
		await ensureMembership(tx, steering, u.id, 'member', since);
		return u.id;
	};
	const sFamilie = await speakerOf(familie, 'Leyla Aksoy', 'l.aksoy');
	const sArbeit = await speakerOf(arbeit, 'Dirk Neumann', 'd.neumann');
	const sTeilhabe = await speakerOf(teilhabe, 'Anke Vogel', 'a.vogel');
	const stabsstelle = await orgByName(
		tx,
		gifhorn.id,
		'Landkreis Gifhorn – Stabsstelle Integration'
	);

	// the Steuerungsgruppe's half-yearly meetings over two years, and the next one: more than
	// half a year apart, so that no calendar year has more than two (demo/meetings.ts holds the
	// last one in the week before `ago(45)`, which ensureMeeting finds)
	const location = 'Kreishaus Gifhorn, Sitzungsraum';
	const ago = (days: number) => new Date(now.getTime() - days * DAY);
	const m1 = await ensureMeeting(tx, steering, ago(610), 'held', location);
	const m2 = await ensureMeeting(tx, steering, ago(425), 'held', location);
	const m3 = await ensureMeeting(tx, steering, ago(240), 'held', location);
	const m4 = await ensureMeeting(tx, steering, ago(45), 'held', location);
	const [upcoming] = await tx
		.select()
		.from(meetings)
		.where(
			and(
				eq(meetings.bodyId, steering.id),
				gt(meetings.startsAt, now),
				inArray(meetings.state, ['planned', 'invited'])
			)
		)
		.orderBy(asc(meetings.startsAt));
	if (!upcoming)
		await ensureMeeting(tx, steering, new Date(now.getTime() + 140 * DAY), 'planned', location);

	const day = (m: { startsAt: Date }, before: number) =>
		isoDay(new Date(m.startsAt.getTime() - before * DAY));
	const by = coordinator.id;

	// 1) AK Bildung: Sprachförderung an Schulen — decided with an instruction (done)
	const p1 = await insertPaper(tx, gifhorn.id, {
		type: 'resolution_proposal',
		title: 'Sprachförderung für neu zugewanderte Schulkinder verankern',
		text: [
			'Nicht nur das Erfordernis der deutschen Sprache erschwert die Teilhabe am Bildungssystem. Die mitgebrachten Kenntnisse von Zugewanderten und ihren Kindern sind von überaus unterschiedlichem Niveau.',
			'## Beschlussvorschlag',
			'Die Steuerungsgruppe bittet den Arbeitskreis Bildung, gemeinsam mit den Schulen eine **Bestandsaufnahme der Sprachförderangebote** an Grund- und weiterführenden Schulen im Landkreis zu erstellen und Lücken zu benennen.',
			'## Begründung',
			'- Sprachförderangebote sind je nach Schule und Gemeinde sehr unterschiedlich ausgebaut.\n- Eltern und Ehrenamtliche finden die Angebote schwer.\n- Ohne Überblick lassen sich Förderinstrumente nicht gezielt verankern.'
		].join('\n\n'),
		date: day(m1, 30),
		origin: bildung,
		addressed: steering,
		state: 'decided',
		visibility: 'public',
		authors: [{ userId: speaker.id }],
		createdBy: speaker.id
	});
	await consult(
		tx,
		p1,
		m1,
		'decision',
		'decided',
		'Die Steuerungsgruppe stimmt dem Beschlussvorschlag zu.',
		by,
		[
			{
				body: bildung,
				text: 'Bestandsaufnahme der Sprachförderangebote an Grund- und weiterführenden Schulen vorlegen',
				dueInDays: 150,
				done: true
			}
		]
	);

	// 2) AK Familienleben: Mitteilung — taken note of
	const p2 = await insertPaper(tx, gifhorn.id, {
		type: 'notice',
		title: 'Transkulturelle Dialoge mit Kitas und Schulen: Ergebnisse des Fachaustauschs',
		text: [
			'Zugewanderte Familien bewegen sich im Alltag in einem Feld zwischen mitgebrachten und deutschen Verständnissen. Der Arbeitskreis Familienleben hat mit Kitas, Schulen und Familienzentren über gelingende transkulturelle Dialoge gesprochen.',
			'## Ergebnisse',
			'- Elterncafés in Kitas erreichen Familien, die andere Angebote nicht wahrnehmen.\n- Sprachmittler:innen bei Elterngesprächen schaffen Vertrauen.\n- Themen wie Kindererziehung und Geschlechterrollen brauchen geschützte Gesprächsräume.'
		].join('\n\n'),
		date: day(m1, 25),
		origin: familie,
		addressed: steering,
		state: 'noted',
		authors: [{ userId: sFamilie }],
		createdBy: sFamilie
	});
	await consult(tx, p2, m1, 'information', 'noted', null, by);

	// 3) AK Ausbildung und Arbeit: Antrag — deferred, then decided with instructions
	const p3 = await insertPaper(tx, gifhorn.id, {
		type: 'motion',
		title: 'Lotsenstelle für die Anerkennung ausländischer Berufsabschlüsse',
		text: [
			'Einerseits werden für die deutsche Wirtschaft und den lokalen Arbeitsmarkt Einwandernde dringend gebraucht, andererseits bestehen durch Gesetze, unterschiedliche Bildungswege und die Herausforderung des Deutscherwerbs bei der Integration in die Betriebe große Hürden.',
			'## Antrag',
			'Der Arbeitskreis beantragt, eine **Lotsenstelle** einzurichten, die Zugewanderte und Betriebe durch das Anerkennungsverfahren begleitet und an die zuständigen Stellen vermittelt.'
		].join('\n\n'),
		date: day(m2, 28),
		origin: arbeit,
		addressed: steering,
		state: 'decided',
		visibility: 'network',
		authors: [{ userId: sArbeit }],
		createdBy: sArbeit
	});
	await consult(
		tx,
		p3,
		m2,
		'decision',
		'deferred',
		'Zurückgestellt, bis die Finanzierung durch Drittmittel geklärt ist.',
		by
	);
	await consult(
		tx,
		p3,
		m3,
		'decision',
		'decided',
		'Die Lotsenstelle wird als Modell für zwei Jahre bei der Stabsstelle Integration eingerichtet.',
		by,
		[
			{
				body: arbeit,
				text: 'Kooperationspartner:innen aus Betrieben und Kammern für die Lotsenstelle gewinnen',
				dueInDays: 120,
				organizationId: null
			},
			{
				body: arbeit,
				text: 'Nach einem Jahr über die Erfahrungen der Lotsenstelle berichten',
				dueInDays: 365,
				organizationId: stabsstelle
			}
		]
	);

	// 4) AK Teilhabe: Formularlotsen — decided with an open instruction
	const p4 = await insertPaper(tx, gifhorn.id, {
		type: 'resolution_proposal',
		title: 'Formularlotsen: ehrenamtliche Hilfe bei Anträgen in allen Samt- und Einheitsgemeinden',
		text: [
			'Oft stehen am Anfang unverständliche Formulare, das Nicht-Wissen, wo man Hilfe bekommt oder wie man sich aktiv in das gesellschaftliche Leben im Landkreis Gifhorn einbringen kann. Teilhabe heißt Mit-Wissen, Mit-Gestalten, Mit-Machen.',
			'## Beschlussvorschlag',
			'1. In jeder Samt- und Einheitsgemeinde gibt es eine feste Sprechstunde ehrenamtlicher Formularlotsen.\n2. Die Stabsstelle Integration schult die Ehrenamtlichen zweimal im Jahr.\n3. Die Sprechstunden werden im Angebotsfinder veröffentlicht.'
		].join('\n\n'),
		date: day(m3, 30),
		origin: teilhabe,
		addressed: steering,
		state: 'decided',
		visibility: 'public',
		authors: [{ userId: sTeilhabe }],
		createdBy: sTeilhabe
	});
	await consult(
		tx,
		p4,
		m3,
		'decision',
		'decided',
		'Zugestimmt; die Schulungen beginnen im nächsten Halbjahr.',
		by,
		[
			{
				body: teilhabe,
				text: 'Ehrenamtliche Formularlotsen in allen Gemeinden gewinnen und die Sprechstunden veröffentlichen',
				dueInDays: 270
			}
		]
	);

	// 5) AK Bildung: follow-up Mitteilung (subordinate to 1) — taken note of in the last meeting
	const p5 = await insertPaper(tx, gifhorn.id, {
		type: 'notice',
		title: 'Bestandsaufnahme der Sprachförderangebote an Schulen',
		text: [
			'Der Arbeitskreis Bildung legt die erbetene Bestandsaufnahme vor (siehe Vorlage zur Sprachförderung).',
			'- 31 Schulen haben geantwortet.\n- An 12 Schulen gibt es Sprachlernklassen oder feste Förderstunden.\n- In den ländlichen Gemeinden fehlen Angebote für Quereinsteiger:innen ab Klasse 7.'
		].join('\n\n'),
		date: day(m4, 21),
		origin: bildung,
		addressed: steering,
		state: 'noted',
		visibility: 'public',
		authors: [{ userId: speaker.id }],
		createdBy: speaker.id,
		parentId: p1.id
	});
	await consult(
		tx,
		p5,
		m4,
		'information',
		'noted',
		'Die Steuerungsgruppe dankt für die Bestandsaufnahme.',
		by
	);

	// 6) AK Bildung: Anfrage — decided with an instruction to the AK in the last meeting
	const p6 = await insertPaper(tx, gifhorn.id, {
		type: 'inquiry',
		title: 'Schulbegleitung für Kinder ohne Deutschkenntnisse: Zuständigkeiten klären',
		text: 'Welche Stelle ist zuständig, wenn Kinder ohne Deutschkenntnisse im laufenden Schuljahr zuziehen und eine Schulbegleitung brauchen?',
		date: day(m4, 20),
		origin: bildung,
		addressed: steering,
		state: 'decided',
		authors: [{ userId: speaker.id }],
		createdBy: speaker.id
	});
	await consult(
		tx,
		p6,
		m4,
		'decision',
		'decided',
		'Die Zuständigkeit liegt beim Schulträger; der Arbeitskreis erstellt eine Übersicht der Ansprechpersonen.',
		by,
		[
			{
				body: bildung,
				text: 'Übersicht der Ansprechpersonen für Schulbegleitung erstellen und an die Schulen verteilen',
				dueInDays: 90
			}
		]
	);

	// 7) AK Familienleben: submitted, waiting for the next meeting's agenda
	await insertPaper(tx, gifhorn.id, {
		type: 'resolution_proposal',
		title: 'Elterncafés in allen Familienzentren des Landkreises',
		text: 'Der Arbeitskreis Familienleben schlägt vor, Elterncafés mit Sprachmittlung in allen Familienzentren des Landkreises anzubieten.\n\n## Beschlussvorschlag\n\nDie Steuerungsgruppe empfiehlt den Trägern der Familienzentren, monatliche Elterncafés einzurichten.',
		date: isoDay(ago(10)),
		origin: familie,
		addressed: steering,
		state: 'submitted',
		authors: [{ userId: sFamilie }],
		createdBy: sFamilie
	});

	// 8) AK Teilhabe: a draft
	await insertPaper(tx, gifhorn.id, {
		type: 'motion',
		title: 'Mehrsprachige Willkommensmappe für Neuzugezogene',
		text: 'Entwurf: Der Arbeitskreis prüft, welche Informationen eine Willkommensmappe enthalten soll.',
		date: isoDay(ago(3)),
		origin: teilhabe,
		addressed: steering,
		state: 'draft',
		authors: [{ userId: sTeilhabe }],
		createdBy: sTeilhabe
	});

	// the status report of the last half-year, frozen and filed as a paper of type report
	const actor = await loadActor(tx as unknown as Db, coordinator.id);
	const base: Ctx = { db: tx as unknown as Db, actor, locale: 'de', origin: '' };
	const ctx = withTenant(base, gifhorn);
	const half = lastHalfYear(now);
	const { id: reportId } = await createStatusReport(ctx, {
		title: `Sachstandsbericht ${half.label}`,
		periodStart: half.start,
		periodEnd: half.end,
		bodyId: steering.id
	});
	await saveReportNotes(ctx, {
		reportId,
		introduction:
			'Die Stabsstelle Integration informiert die Steuerungsgruppe Integration wie zweimal im Jahr über den Stand der Integrationsarbeit im Landkreis Gifhorn: über die Arbeit der vier Arbeitskreise, die Vorlagen an die Steuerungsgruppe und ihre Beschlüsse sowie über die offenen Handlungsanweisungen.',
		remarks: {
			papers: 'Die Arbeitskreise haben ihre Ergebnisse und Anfragen als Vorlagen eingebracht.',
			actions: 'Offene Handlungsanweisungen werden in den Arbeitskreissitzungen nachgehalten.'
		}
	});
	await freezeStatusReport(ctx, { reportId });
}

async function seedLaatzen(tx: Executor) {
	let laatzen = await tenantBySlug(tx, 'laatzen', 'stadt-laatzen');
	if (!laatzen)
		laatzen = await buildTenant(tx, {
			name: 'Stadt Laatzen',
			slug: 'laatzen',
			kind: 'city',
			land: 'NI',
			ags: '03241010'
		});
	const [existing] = await tx
		.select({ id: papers.id })
		.from(papers)
		.where(and(eq(papers.tenantId, laatzen.id), eq(papers.reference, '144/2009')));
	if (existing) return;
	const projektgruppe = await ensureBody(
		tx,
		laatzen.id,
		'project_group',
		'Projektgruppe „Integration“',
		{
			description:
				'Verwaltungsinterne Projektgruppe, vom Bürgermeister eingerichtet: Vernetzung in der Verwaltung, Konsultationsprozess zur strategischen Weiterentwicklung der Integrationsarbeit, Laatzener Integrationskonvent, Thesenpapier.',
			visibility: 'public'
		}
	);
	const drucksache = await insertPaper(tx, laatzen.id, {
		type: 'motion',
		title: 'Strategische Weiterentwicklung der Integrationsarbeit',
		text: [
			'Antrag der SPD-Fraktion; vom Rat der Stadt Laatzen am 15.04.2008 u. a. beschlossen:',
			'> Die Stadt strebt die strategische Weiterentwicklung der Integrationsarbeit in der Stadt mit dem Ziel an, die verschiedenen Bereiche der Integrationsarbeit zu beleuchten, gemeinsame Ziele für die Weiterarbeit zu formulieren, Synergie-Effekte zu verbessern und ggf. neue Kooperationen und Projekte anzustoßen.',
			'> Die Verwaltung führt dazu einen Konsultationsprozess durch. Daran beteiligt werden neben dem Stadtteilbüro im Projekt "Laatzen-Mitte wird top" alle Einrichtungen, Vereine und Verbände in der Stadt, die sich im Rahmen ihrer Tätigkeit mit Integrationsfragen beschäftigen.',
			'> Im Rahmen des Prozesses ist zu prüfen, ob und wie eine personelle Aufstockung für die Integrationsarbeit im Team Soziales der Verwaltung sinnvoll und nötig ist.'
		].join('\n\n'),
		date: '2008-04-15',
		origin: null,
		addressed: null,
		state: 'decided',
		visibility: 'public',
		authors: [{ name: 'SPD-Fraktion im Rat der Stadt Laatzen' }],
		createdBy: null,
		number: 47
	});
	const bullets = (items: string[]) => items.map((i) => `- ${i}`).join('\n');
	// the council the Verwaltung informs with its Mitteilung
	const rat = await ensureBody(tx, laatzen.id, 'steering_group', 'Rat der Stadt Laatzen', {
		shortName: 'Rat',
		description:
			'Der Rat der Stadt Laatzen hat am 15.04.2008 mit der Drucksache 047/2008 den Konsultationsprozess zur Integrationsarbeit beschlossen und wird mit der Mitteilung 144/2009 über sein Ergebnis unterrichtet.',
		visibility: 'public'
	});
	const mitteilung = await insertPaper(tx, laatzen.id, {
		type: 'notice',
		title: 'Konsultationsprozess zur Integrationsarbeit',
		text: [
			'Der Rat der Stadt Laatzen hatte auf Antrag der SPD-Fraktion am 15.04.2008 mit der Drucksache 047/2008 u. a. beschlossen, die Integrationsarbeit strategisch weiterzuentwickeln und dazu einen Konsultationsprozess durchzuführen.',
			'Daraufhin hat der Bürgermeister eine verwaltungsinterne Projektgruppe „Integration“ eingerichtet. Aufgaben der Projektgruppe waren die',
			bullets([
				'Überprüfung der Vernetzung in der Verwaltung,',
				'Vorbereitung und Begleitung des Konsultationsprozesses zur strategischen Weiterentwicklung der Integrationsarbeit,',
				'Vorbereitung eines Laatzener Integrationskonvents, der die Träger der Integrationsarbeit zusammenbringt und Empfehlungen für die zukünftige Integrationsarbeit formuliert, und',
				'Formulierung eines Thesenpapiers als Basis der Diskussion.'
			]),
			'Die Projektgruppe hat drei Integrations-Dialoge durchgeführt: am 13.11.2008 (für die Allgemeinheit), am 25.03.2009 (für Jugendliche) und am 02.06.2009 (für Seniorinnen und Senioren).',
			'## Handlungsempfehlungen',
			'Auf Grundlage der Empfehlungen der Projektgruppe, in die auch die Ergebnisse der drei Integrations-Dialoge eingeflossen sind, werden nachstehende Handlungsempfehlungen gegeben:',
			'Integration und Partizipation von Migrantinnen und Migranten kann nur gelingen, wenn sie als wesentliche Aufgabe aller kommunalen Akteure verstanden wird, d. h. aller gesellschaftlicher Organisationen und Institutionen. Integrationspolitik wird eine wachsende Herausforderung und dauerhafte Aufgabe sein.',
			'### Information und Sprache',
			'Integration und Partizipation setzen Information und Sprachkenntnisse voraus. Für die Zukunftschancen der Menschen mit Migrationshintergrund und für ein verständnisvolles Miteinander ist es daher von zentraler Bedeutung, dass sie die deutsche Sprache lernen. Insbesondere den Kindern ist die Möglichkeit zum Erwerb der deutschen Sprache einzuräumen.',
			bullets([
				'Information der Migrantinnen und Migranten über die demokratischen Werte in Deutschland (Menschenrechte, Information über einschlägige Gesetze etc.),',
				'Sprachförderung in den Kindertagesstätten,',
				'Verpflichtender Besuch der Kindertagesstätten,',
				'Sprach- und Bildungsförderung an den Grund- und weiterführenden Schulen,',
				'Integrationsberatung an den Schulen (mehrsprachige Einschulung etc.),',
				'Berufliche Qualifikation in Zusammenarbeit mit Arbeitsverwaltung, Stadtverwaltung und Unternehmen,',
				'Besondere Integrationsangebote für Frauen und Mütter (Sprache, Bildung, Sport).'
			]),
			'### Chancengleichheit und Partizipation',
			'Das friedliche Zusammenleben verschiedener Nationalitäten wird durch eine tatsächlich vorhandene Chancengleichheit und Partizipation erheblich erleichtert. Dabei geht es um die rechtliche und faktische Chancengleichheit, die gleiche Rechte und Pflichten für alle ermöglicht.',
			bullets([
				'Zugang zu preiswerten Wohnungen in allen Ortsteilen,',
				'Interkulturelle und interreligiöse Dialoge,',
				'Interkulturelle Veranstaltungen,',
				'Raum für eigene Traditionen und Kulturen.'
			]),
			'### Interkulturelle Öffnung',
			'Die kulturelle Vielfalt ist als Ressource, aber auch als Auftrag zu verstehen, um Chancengleichheit in Beruf und Gesellschaft durch eine interkulturelle Öffnung des städtischen Lebens und eine interkulturelle Ausrichtung von öffentlichen Dienstleistungen zu erreichen.',
			bullets([
				'Fachkraft für Integrationsfragen im Team für Kinder, Jugend, Familie, Senioren und Soziale Sicherung (Motor der kommunalen Bemühungen),',
				'Erarbeitung eines Leitfadens zur Aufnahme neuer Flüchtlinge und Migranten,',
				'Interkulturelle Ausrichtung (Leitbild, Fortbildungen in allen Bereichen, Einstellung mehrsprachiger Mitarbeiterinnen und Mitarbeiter),',
				'Öffentlichkeitsarbeit zu Migrationsthemen (Befragungen, Pressearbeit etc.),',
				'Sofortige Reaktion auf ausländerfeindliche Aktivitäten.'
			]),
			'Die zudem von der Projektgruppe erarbeiteten Thesen und Standpunkte sind in der beiliegenden Anlage dargestellt.',
			'Mittlerweile wurde das Team für Kinder, Jugend, Familie, Senioren und Soziale Sicherung um einen Sachbearbeiter ergänzt, der sich um Aufgaben von grundsätzlicher Bedeutung kümmert. Dazu soll zukünftig auch die Koordination von Integrationsfragen gehören. Für die Erarbeitung eines Leitfadens zur Aufnahme neuer Flüchtlinge und Migranten werden derzeit Drittmittel akquiriert.',
			'in Vertretung\nArne Schneider'
		].join('\n\n'),
		// the source gives no date; the last Integrations-Dialog was on 02.06.2009
		date: '2009-06-30',
		origin: projektgruppe,
		addressed: rat,
		state: 'noted',
		visibility: 'public',
		authors: [{ name: 'Arne Schneider (in Vertretung)' }],
		createdBy: null,
		number: 144,
		parentId: drucksache.id
	});
	// its Anlage: the Thesenpapier the Projektgruppe formulated as the basis of the discussion
	const thesen = await insertPaper(tx, laatzen.id, {
		type: 'report',
		title: 'Thesenpapier der Projektgruppe „Integration“ (Anlage zur Mitteilung 144/2009)',
		text: [
			'Die Projektgruppe „Integration“ hat als Basis der Diskussion im Konsultationsprozess ein Thesenpapier formuliert; die Thesen und Standpunkte sind der Mitteilung 144/2009 als Anlage beigefügt. Ihre Kernaussagen, wie die Mitteilung sie wiedergibt:',
			'1. Integration und Partizipation von Migrantinnen und Migranten kann nur gelingen, wenn sie als wesentliche Aufgabe aller kommunalen Akteure verstanden wird. Integrationspolitik wird eine wachsende Herausforderung und dauerhafte Aufgabe sein.\n2. Integration und Partizipation setzen Information und Sprachkenntnisse voraus; insbesondere den Kindern ist die Möglichkeit zum Erwerb der deutschen Sprache einzuräumen.\n3. Das friedliche Zusammenleben verschiedener Nationalitäten wird durch eine tatsächlich vorhandene Chancengleichheit und Partizipation erheblich erleichtert.\n4. Die kulturelle Vielfalt ist als Ressource, aber auch als Auftrag zu verstehen: durch eine interkulturelle Öffnung des städtischen Lebens und eine interkulturelle Ausrichtung von öffentlichen Dienstleistungen.',
			'Die Thesen wurden in den drei Integrations-Dialogen am 13.11.2008, 25.03.2009 und 02.06.2009 diskutiert; ihre Ergebnisse sind in die Handlungsempfehlungen der Mitteilung eingeflossen.'
		].join('\n\n'),
		date: '2009-06-30',
		origin: projektgruppe,
		addressed: rat,
		state: 'noted',
		visibility: 'public',
		authors: [{ name: 'Projektgruppe „Integration“' }],
		createdBy: null,
		number: 145,
		parentId: mitteilung.id
	});
	// taken note of by the council after the summer break (the source gives no date)
	const meeting = await ensureMeeting(
		tx,
		rat,
		new Date('2009-09-10T08:00:00Z'),
		'held',
		'Rathaus Laatzen, Ratssaal'
	);
	const result =
		'Der Rat nimmt die Mitteilung mit ihren Handlungsempfehlungen und das Thesenpapier der Projektgruppe zur Kenntnis.';
	await consult(tx, mitteilung, meeting, 'information', 'noted', result, null);
	await consult(tx, thesen, meeting, 'information', 'noted', null, null);
	// the council's decision of 15.04.2008 the Mitteilung follows up
	const decision = await ensureMeeting(
		tx,
		rat,
		new Date('2008-04-15T08:00:00Z'),
		'held',
		'Rathaus Laatzen, Ratssaal'
	);
	await consult(
		tx,
		drucksache,
		decision,
		'decision',
		'decided',
		'Der Rat beschließt die strategische Weiterentwicklung der Integrationsarbeit und einen Konsultationsprozess der Verwaltung.',
		null
	);
}

/** Adds the papers demo to a freshly seeded database (inside the seed's transaction). */
export async function seedPapers(tx: Executor, now = new Date()): Promise<void> {
	await seedGifhorn(tx, now);
	await seedLaatzen(tx);
}
