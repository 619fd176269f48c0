/**
 * Leichte Sprache in the demo: Landshut's start page in Leichte Sprache (the default text
 * adapted with what seed 000 says about the network), Leichte Sprache texts on two Landshut
 * offers and on Freising's news "Vernetzungstreffen der Gemeinden zum Thema Integration"
 * (seed 004). Written directly in the seed's transaction, like the other demo builders.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { tenants } from '../tenants/schema';
import { offers, offerTexts } from '../offers/schema';
import { newsItems } from '../news/schema';
import { newsEasyReadTexts, offerEasyReadTexts } from '../easy-read/schema';
import { defaultEasyReadText } from '../easy-read/default-text';

const LANDSHUT_INTRO = `## Willkommen
Das ist die Internet-Seite vom Netzwerk Integration in Landshut.
In Landshut leben Menschen aus vielen Ländern.
Das Netzwerk will: Alle leben gut zusammen.
Im Netzwerk arbeiten viele Gruppen mit.
Zum Beispiel: Sprach-Schulen, Beratungs-Stellen und Sport-Vereine.
Auch Menschen aus dem Stadt-Rat arbeiten mit.
Das Netzwerk trifft sich alle 6 bis 8 Wochen.
Jedes Mal ist das Treffen an einem anderen Ort.
Die Stadt Landshut hat eine Integrations-Beauftragte.
Sie leitet die Treffen.
Integration bedeutet:
Menschen kommen neu nach Deutschland.
Sie sollen überall mit-machen können.
Zum Beispiel: in der Schule, bei der Arbeit und in der Freizeit.

## Der Beirat
Landshut hat einen Beirat für Migration und Integration.
Den Beirat gibt es seit dem Jahr 2009.
Ein Beirat ist eine Gruppe von Menschen.
Die Gruppe gibt der Stadt Rat.
Im Beirat sind auch Menschen aus anderen Ländern.`;

/** Landshut's text: its own introduction, then the default text's other parts. */
export function landshutEasyReadText(tenant: { name: string; kind: string }): string {
	const rest = defaultEasyReadText(tenant).split('\n\n## ').slice(1);
	return [LANDSHUT_INTRO, ...rest.map((part) => `## ${part}`)].join('\n\n');
}

const OFFER_TEXTS: Record<string, string> = {
	'Integrationskurs (Vollzeit)': `In diesem Kurs lernen Sie Deutsch.
Der Kurs ist jeden Tag am Vormittag.
Von Montag bis Freitag.
Am Anfang machen Sie einen Test.
Der Test heißt: Einstufungs-Test.
Dann wissen wir: Welcher Kurs passt zu Ihnen?

Im Kurs lernen Sie auch etwas über Deutschland.
Zum Beispiel: Wie leben die Menschen hier zusammen?
Welche Gesetze gibt es?
Sie können jeden Monat mit dem Kurs an-fangen.`,
	'Frauenintegrationskurs mit Kinderbetreuung': `Dieser Kurs ist nur für Frauen.
Auch für Mütter.
In dem Kurs lernen Sie Deutsch.
Ihre Kinder können mit-kommen.
Während dem Kurs passt jemand auf Ihre Kinder auf.
Das ist im gleichen Haus.`
};

const FREISING_NEWS = 'Vernetzungstreffen der Gemeinden zum Thema Integration';
const FREISING_NEWS_TEXT = `## Ein Treffen zum Thema Integration
Im Land-Rats-Amt Freising war ein Treffen.
Das Land-Rats-Amt ist die Verwaltung vom Land-Kreis.
Viele Gemeinden vom Land-Kreis Freising waren da.
Zum Beispiel: Bürger-Meister und Bürger-Meisterinnen.
Auch Menschen aus der Verwaltung.
Und Menschen aus dem Ehren-Amt.
Ehren-Amt bedeutet: Menschen helfen ohne Geld.

## Worum ging es?
Die Frage war: Wie klappt Integration in den Gemeinden?
Die Gemeinden haben erzählt.
Was klappt gut?
Wo gibt es Probleme?
Alle haben voneinander gelernt.

## Wie geht es weiter?
Die Gemeinden wollen sich wieder treffen.
Das Treffen soll regelmäßig sein.
Dann können alle zusammen an Lösungen arbeiten.`;

export async function seedEasyRead(
	tx: Executor,
	input: {
		landshut: { id: string; name: string; kind: string; settings?: object | null };
		freising: { id: string };
	}
): Promise<void> {
	const { landshut, freising } = input;
	const [row] = await tx
		.select({ settings: tenants.settings })
		.from(tenants)
		.where(eq(tenants.id, landshut.id));
	await tx
		.update(tenants)
		.set({ settings: { ...row.settings, easyReadText: landshutEasyReadText(landshut) } })
		.where(eq(tenants.id, landshut.id));

	const found = await tx
		.select({ id: offers.id, title: offerTexts.title })
		.from(offers)
		.innerJoin(offerTexts, and(eq(offerTexts.offerId, offers.id), eq(offerTexts.locale, 'de')))
		.where(
			and(eq(offers.tenantId, landshut.id), inArray(offerTexts.title, Object.keys(OFFER_TEXTS)))
		);
	if (found.length > 0) {
		await tx
			.insert(offerEasyReadTexts)
			.values(
				found.map((o) => ({ offerId: o.id, tenantId: landshut.id, text: OFFER_TEXTS[o.title] }))
			);
	}

	const news = await tx
		.select({ id: newsItems.id })
		.from(newsItems)
		.where(and(eq(newsItems.tenantId, freising.id), eq(newsItems.title, FREISING_NEWS)));
	if (news.length > 0) {
		await tx
			.insert(newsEasyReadTexts)
			.values(news.map((n) => ({ newsId: n.id, tenantId: freising.id, text: FREISING_NEWS_TEXT })));
	}
}
