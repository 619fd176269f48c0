/**
 * Demo news and events: the Landshut network's joint press work (seed 000), the Freising report
 * "Vernetzungstreffen der Gemeinden zum Thema Integration" (seed 004), and network events such
 * as the Interkulturelle Woche. Written as the coordinators would (sanitised like every save).
 */
import type { Executor } from '../db/client';
import { newsItems } from '../news/schema';
import { networkEvents } from '../events/schema';
import { sanitizeNewsHtml } from '../news/rich-text';
import { berlinDateOf, fromBerlinLocal } from '../shared/dates';
import { eq } from 'drizzle-orm';
import { tenants } from '../tenants/schema';
import { users } from '../auth/schema';
import { EMMERICH_NEWS } from './emmerich';

interface DemoNewsInput {
	landshut: { id: string };
	freising: { id: string };
	coordinators: { landshut: string; freising: string };
	now?: Date;
}

const DAY = 86_400_000;

/** 10:00 (or the given hour) in Berlin, `days` days from now. */
function berlinAt(now: Date, days: number, hour: number, minute = 0): Date {
	const [y, m, d] = berlinDateOf(new Date(now.getTime() + days * DAY))
		.split('-')
		.map(Number);
	return fromBerlinLocal(y, m, d, hour, minute);
}

const LANDSHUT_PRESS = `<p>Das Netzwerk Integration Landshut tritt künftig gemeinsam an die Öffentlichkeit: Sprachschulen, Beratungsstellen, Bildungsträger, Jugendeinrichtungen, Migrantenselbstorganisationen und die Integrationsbeauftragte stimmen ihre Presse- und Öffentlichkeitsarbeit ab.</p>
<h2>Integration ist Querschnittsaufgabe</h2>
<p>Ziel ist, die Themen Zuwanderung und Integration <strong>positiv darzustellen</strong> und zu zeigen, was vor Ort gelingt. Geplant sind:</p>
<ul>
<li>regelmäßige Neuigkeiten aus den Treffen des Netzwerks auf dieser Seite,</li>
<li>gemeinsame Pressemitteilungen zu Angeboten und Veranstaltungen,</li>
<li>ein gemeinsamer Auftritt bei der Interkulturellen Woche.</li>
</ul>
<blockquote>„Integration auf Gegenseitigkeit gelingt dort, wo man voneinander weiß.“</blockquote>
<p>Anregungen nimmt die Integrationsbeauftragte gern entgegen: <a href="mailto:integration@landshut.example">integration@landshut.example</a>.</p>`;

const FREISING_REPORT = `<p>Im Landratsamt Freising fand das erste Vernetzungstreffen der Kommunen zum Thema „Wie gelingt Integration aktuell in Ihren Gemeinden?“ statt. Eingeladen hatte die Integrationsbeauftragte; die stellvertretende Landrätin begrüßte Bürgermeister:innen, Gemeinde- und Stadtratsmitglieder sowie Vertreter:innen aus Verwaltung und Ehrenamt.</p>
<h2>Vorgestellt</h2>
<ul>
<li>das LEADER-Projekt „Vernetzungsplattform für die Integration von Migranten“ – langfristig soll ein Integrationskonzept für den Landkreis entstehen,</li>
<li>Ansprechpartner:innen im Landratsamt und aktuelle Zahlen aus dem Bereich Asyl,</li>
<li>das Projekt „Mobile Elternbegleitung – Beratungsbus“ des Zentrums der Familie, das Eltern wohnortnah Hilfe und Beratung bringt.</li>
</ul>
<h2>Erfahrungsaustausch</h2>
<p>Die Situation unterscheidet sich von Gemeinde zu Gemeinde. Überall gleich dagegen: <em>„Die ehrenamtliche Arbeit der Helferkreise ist eine der Säulen in der Integrationsarbeit.“</em> Weitere Ansätze: Lösungen für den angespannten Wohnungsmarkt suchen und die Sprachförderung in Kindertagesstätten und Schulen ausbauen.</p>
<h3>Resümee</h3>
<p>Die Vernetzungstreffen der Gemeinden sollen regelmäßig stattfinden, um voneinander zu lernen und Herausforderungen gemeinsam anzugehen.</p>`;

export async function seedNewsAndEvents(tx: Executor, input: DemoNewsInput): Promise<void> {
	const now = input.now ?? new Date();
	const { landshut, freising, coordinators } = input;
	await tx.insert(newsItems).values([
		{
			tenantId: landshut.id,
			authorId: coordinators.landshut,
			title: 'Netzwerk Integration startet gemeinsame Öffentlichkeitsarbeit',
			summary:
				'Die Akteur:innen des Netzwerks stellen Zuwanderung und Integration künftig gemeinsam dar – mit Neuigkeiten, Pressemitteilungen und einem Auftritt bei der Interkulturellen Woche.',
			body: sanitizeNewsHtml(LANDSHUT_PRESS),
			status: 'published',
			publishAt: berlinAt(now, -5, 9),
			publishedAt: new Date(now.getTime() - 6 * DAY)
		},
		{
			tenantId: landshut.id,
			authorId: coordinators.landshut,
			title: 'Rückblick: Netzwerktreffen mit dem Beirat für Migration und Integration',
			summary:
				'Das Netzwerk und der Beirat haben Angebote gemeinsam auf Bedarfsgerechtigkeit geprüft.',
			body: sanitizeNewsHtml(
				'Beim letzten Treffen hat das Netzwerk gemeinsam mit dem Beirat für Migration und Integration seine Angebote überprüft: Sind sie bedarfsgerecht?\n\nDie Ergebnisse fließen in die Arbeit der nächsten Monate ein.'
			),
			status: 'published',
			publishAt: berlinAt(now, -20, 10),
			publishedAt: new Date(now.getTime() - 21 * DAY)
		},
		{
			tenantId: freising.id,
			authorId: coordinators.freising,
			title: 'Vernetzungstreffen der Gemeinden zum Thema Integration',
			summary:
				'Bürgermeister:innen, Gemeinderät:innen, Verwaltung und Ehrenamt tauschten sich im Landratsamt aus, wie Integration in den Gemeinden gelingt.',
			body: sanitizeNewsHtml(FREISING_REPORT),
			status: 'published',
			publishAt: berlinAt(now, -3, 11),
			publishedAt: new Date(now.getTime() - 4 * DAY)
		}
	]);
	await tx.insert(networkEvents).values([
		{
			tenantId: landshut.id,
			authorId: coordinators.landshut,
			title: 'Interkulturelle Woche Landshut',
			description:
				'Eine Woche der Begegnung: Die Akteur:innen des Netzwerks Integration laden zu Festen, Gesprächen, Sport und Kultur ein. Das Programm mit allen Veranstaltungen erscheint hier rechtzeitig.',
			place: 'Innenstadt Landshut, verschiedene Orte',
			registrationNote: 'Die meisten Veranstaltungen sind ohne Anmeldung offen für alle.',
			startsAt: berlinAt(now, 21, 10),
			endsAt: berlinAt(now, 28, 18),
			status: 'published'
		},
		{
			tenantId: landshut.id,
			authorId: coordinators.landshut,
			title: 'Fest der Kulturen',
			description:
				'Zum Abschluss der Interkulturellen Woche: Musik, Essen aus vielen Ländern und Mitmachangebote für Kinder.',
			place: 'Ländtorplatz, Landshut',
			registrationNote: 'Keine Anmeldung nötig.',
			startsAt: berlinAt(now, 27, 14),
			endsAt: berlinAt(now, 27, 19),
			status: 'published'
		},
		{
			tenantId: freising.id,
			authorId: coordinators.freising,
			title: 'Zweites Vernetzungstreffen der Gemeinden zum Thema Integration',
			description:
				'Fortsetzung des Erfahrungsaustauschs der Gemeinden: Wohnungsmarkt, Sprachförderung in Kita und Schule, Unterstützung der Helferkreise.',
			place: 'Landratsamt Freising, Landshuter Straße 31, 85356 Freising',
			registrationNote: 'Anmeldung bei der Integrationsbeauftragten bis eine Woche vorher.',
			startsAt: berlinAt(now, 35, 17),
			endsAt: berlinAt(now, 35, 19, 30),
			status: 'published'
		}
	]);
}

/** Emmerich's news (seed 001, "Informationen streuen"), published on their days at 10:00. */
export async function seedEmmerichNews(tx: Executor): Promise<void> {
	const [tenant] = await tx
		.select({ id: tenants.id })
		.from(tenants)
		.where(eq(tenants.slug, 'emmerich'));
	const [author] = await tx
		.select({ id: users.id })
		.from(users)
		.where(eq(users.email, 'koordination@emmerich.example'));
	if (!tenant || !author) return;
	await tx.insert(newsItems).values(
		EMMERICH_NEWS.map((item) => {
			const [y, m, d] = item.date.split('-').map(Number);
			const at = fromBerlinLocal(y, m, d, 10, 0);
			return {
				tenantId: tenant.id,
				authorId: author.id,
				title: item.title,
				summary: item.summary,
				body: sanitizeNewsHtml(item.paragraphs.join('\n\n')),
				status: 'published' as const,
				publishAt: at,
				publishedAt: at
			};
		})
	);
}
