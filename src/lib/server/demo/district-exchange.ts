/**
 * The exchange of Landkreis Freising's Vernetzungstreffen der Gemeinden (seed 004): "Gemeinsam
 * wurde u.a. diskutiert, was in den Gemeinden gut gelingt, was ausgebaut werden sollte und wie
 * das Landratsamt dabei unterstützen kann." The seed reports the discussion as a whole (the
 * situation differs with the size of the municipality, from individual help by single persons
 * to strategic structures; everywhere the Helferkreise are a pillar; housing and language
 * support in Kitas and schools); here each municipality's share of it is recorded with the
 * structured exchange (district/), one Moosburg answer became an action item, and the next
 * meeting of the half-yearly series is planned. Two municipality coordinators can sign in.
 * Runs after demo/meetings.ts (the body and its meeting).
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db, Executor } from '../db/client';
import type { Actor } from '../auth/actor';
import { tenants } from '../tenants/schema';
import { bodies } from '../bodies/schema';
import { meetings } from '../meetings/schema';
import { buildUser, grantRole } from '../factories';
import { insertActionItem } from '../minutes/action-item-input';
import { exchangeAnswers } from '../district/schema';
import { exchangeSourceNote } from '../district/exchange-actions';
import { berlinToday, addDays, berlinInstant } from '../shared';

/** Sign-in accounts this part of the demo adds (README lists them). */
export const DISTRICT_EXCHANGE_ACCOUNTS = [
	{ email: 'integration@moosburg.example', description: 'Koordination Stadt Moosburg a.d.Isar' },
	{ email: 'integration@eching.example', description: 'Koordination Gemeinde Eching' }
];

type Answers = { worksWell: string | null; expand: string | null; districtHelp: string | null };

/** What each municipality said in the first meeting (seed 004), by slug. */
const FIRST_MEETING: Record<string, Answers> = {
	freising: {
		worksWell:
			'Integration ist in der Stadtverwaltung strategisch verankert: feste Zuständigkeiten, enge Zusammenarbeit mit Beratungsstellen und dem Ehrenamt.',
		expand:
			'Sprachförderung in Kindertagesstätten und Schulen; weiterhin Lösungen für die angespannte Wohnungsmarktsituation suchen.',
		districtHelp:
			'Ansprechpartner:innen im Landratsamt nach Themen benennen und aktuelle Zahlen aus dem Bereich Asyl regelmäßig weitergeben.'
	},
	moosburg: {
		worksWell:
			'Der Helferkreis Asyl Moosburg begleitet Geflüchtete im Alltag – die ehrenamtliche Arbeit ist eine der Säulen der Integrationsarbeit.',
		expand: 'Wohnraum für anerkannte Geflüchtete; Sprachförderung in den Kitas.',
		districtHelp:
			'Den Beratungsbus „Mobile Elternbegleitung“ nach Moosburg bringen, damit Eltern wohnortnah Beratung finden.'
	},
	neufahrn: {
		worksWell: 'Individuelle Hilfestellung durch einzelne Engagierte und den Helferkreis Neufahrn.',
		expand:
			'Strukturen in der Gemeinde aufbauen, etwa eine feste Ansprechperson in der Verwaltung.',
		districtHelp:
			'Beim Aufbau von Strukturen beraten und die zuständigen Stellen im Landratsamt vermitteln.'
	},
	eching: {
		worksWell: 'Der Helferkreis Eching trägt die Integrationsarbeit vor Ort.',
		expand: 'Sprachförderung in Kindertagesstätten und Schulen ausbauen.',
		// Eching left this question open in the first meeting
		districtHelp: null
	}
};

/** Stadt Freising answered ahead of the next meeting already; the others have not yet. */
const NEXT_MEETING: Record<string, Answers> = {
	freising: {
		worksWell: 'Die Zusammenarbeit mit dem Beratungsbus ist angelaufen.',
		expand: 'Sprachförderung in den Kitas: der abgefragte Bedarf liegt vor.',
		districtHelp: 'Einen Überblick über die Angebote im ganzen Landkreis teilen.'
	}
};

export async function seedDistrictExchange(
	tx: Executor,
	args: { freising: { id: string }; koFreising: { id: string }; password: string }
): Promise<void> {
	const input = {
		freisingId: args.freising.id,
		coordinatorId: args.koFreising.id,
		password: args.password
	};
	const [body] = await tx
		.select()
		.from(bodies)
		.where(and(eq(bodies.tenantId, input.freisingId), eq(bodies.kind, 'municipal_network')));
	if (!body) throw new Error('demo: the Freising networking body is missing');
	const [first] = await tx
		.select()
		.from(meetings)
		.where(and(eq(meetings.tenantId, input.freisingId), eq(meetings.bodyId, body.id)))
		.orderBy(desc(meetings.startsAt))
		.limit(1);
	if (!first) throw new Error('demo: the first Vernetzungstreffen is missing');
	const municipalities = await tx
		.select()
		.from(tenants)
		.where(
			and(eq(tenants.parentId, input.freisingId), inArray(tenants.slug, Object.keys(FIRST_MEETING)))
		);
	const bySlug = new Map(municipalities.map((m) => [m.slug, m]));

	// the next meeting of the half-yearly series: a Tuesday at 17:00 about three weeks ahead
	let day = addDays(berlinToday(), 21);
	while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 2) day = addDays(day, 1);
	const startsAt = berlinInstant(day, '17:00');
	const [next] = await tx
		.insert(meetings)
		.values({
			tenantId: input.freisingId,
			bodyId: body.id,
			title: 'Wie gelingt Integration aktuell in Ihren Gemeinden? (2. Treffen)',
			startsAt,
			endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
			location: 'Landratsamt Freising, Großer Sitzungssaal',
			state: 'planned',
			createdBy: input.coordinatorId
		})
		.returning();

	const insertAnswers = async (meetingId: string, all: Record<string, Answers>) => {
		const ids: Record<string, string> = {};
		for (const [slug, answers] of Object.entries(all)) {
			const municipality = bySlug.get(slug);
			if (!municipality) throw new Error(`demo: municipality ${slug} missing`);
			const [row] = await tx
				.insert(exchangeAnswers)
				.values({
					tenantId: input.freisingId,
					meetingId,
					municipalityId: municipality.id,
					...answers,
					updatedBy: input.coordinatorId,
					createdAt: first.startsAt,
					updatedAt: first.startsAt
				})
				.returning();
			ids[slug] = row.id;
		}
		return ids;
	};
	const firstIds = await insertAnswers(first.id, FIRST_MEETING);
	await insertAnswers(next.id, NEXT_MEETING);

	// Moosburg's wish became an action item of the body (through the minutes domain)
	const actor: Actor = {
		userId: input.coordinatorId,
		email: 'koordination@freising.example',
		name: 'Integrationsbeauftragte Landkreis Freising',
		isPlatformAdmin: false,
		roles: { [input.freisingId]: 'coordinator' },
		editorOf: {},
		bodyRoles: {}
	};
	const moosburg = bySlug.get('moosburg')!;
	const item = await insertActionItem(
		tx,
		{ db: tx as unknown as Db, actor, locale: 'de', origin: '' },
		{ tenantId: input.freisingId, bodyId: body.id, meetingId: first.id, agendaItemId: null },
		{
			title: 'Beratungsbus: Haltestelle in Moosburg mit dem Zentrum der Familie abstimmen',
			description: `${FIRST_MEETING.moosburg.districtHelp}\n\n${exchangeSourceNote(moosburg.name, 'districtHelp')}`,
			assigneeUserId: input.coordinatorId,
			dueDate: day
		}
	);
	await tx
		.update(exchangeAnswers)
		.set({ actionItemId: item.id })
		.where(eq(exchangeAnswers.id, firstIds.moosburg));

	// the municipalities' coordinators who record their answers
	for (const [slug, name] of [
		['moosburg', 'Integration Stadt Moosburg'],
		['eching', 'Integration Gemeinde Eching']
	] as const) {
		const user = await buildUser(tx, {
			email: `integration@${slug}.example`,
			name,
			password: input.password
		});
		await grantRole(tx, bySlug.get(slug)!.id, user.id, 'coordinator');
	}
}
