/**
 * The default start page in Leichte Sprache (BITV 2.0 § 4) of a network, and the small text
 * format the coordinator writes it in: blocks separated by blank lines; a block starting with
 * "## " is a heading, a block of lines starting with "- " a list, any other block a paragraph
 * (one sentence a line, as Leichte Sprache is usually set).
 */

export type EasyReadBlock =
	| { kind: 'heading'; text: string }
	| { kind: 'list'; items: string[] }
	| { kind: 'paragraph'; lines: string[] };

/** The text format above as blocks (pure; the page renders them as HTML, escaped by Svelte). */
export function easyReadBlocks(text: string): EasyReadBlock[] {
	return text
		.replace(/\r\n?/g, '\n')
		.split(/\n\s*\n/)
		.map((block) =>
			block
				.split('\n')
				.map((line) => line.trim())
				.filter(Boolean)
		)
		.filter((lines) => lines.length > 0)
		.flatMap((lines): EasyReadBlock[] => {
			if (lines[0].startsWith('## ')) {
				const heading: EasyReadBlock = { kind: 'heading', text: lines[0].slice(3).trim() };
				const rest = lines.slice(1);
				return rest.length ? [heading, ...easyReadBlocks(rest.join('\n'))] : [heading];
			}
			if (lines.every((line) => line.startsWith('- ')))
				return [{ kind: 'list', items: lines.map((line) => line.slice(2).trim()) }];
			return [{ kind: 'paragraph', lines }];
		});
}

/** The name of the network as a Leichte Sprache sentence part, by the kind of tenant. */
function place(kind: string, name: string): string {
	if (kind === 'district') return `im ${name}`;
	return `in ${name}`;
}

/**
 * A sound default: what the site offers, how to find one's way, the accessibility statement and
 * where more Leichte Sprache is. Short sentences, one statement each, no subordinate clauses,
 * long words with a hyphen, hard words explained.
 */
export function defaultEasyReadText(tenant: { name: string; kind: string }): string {
	const where = place(tenant.kind, tenant.name);
	return `## Willkommen
Das ist die Internet-Seite vom Netzwerk Integration ${where}.
In dem Netzwerk arbeiten viele Gruppen zusammen.
Zum Beispiel: Vereine, Beratungs-Stellen und die Verwaltung.
Alle wollen gut zusammen-leben.
Neue Menschen sollen hier gut an-kommen.

## Was gibt es auf dieser Internet-Seite?
- Angebote. Ein Angebot ist eine Hilfe oder ein Kurs. Zum Beispiel: ein Deutsch-Kurs.
- Neuigkeiten. Das sind Nachrichten vom Netzwerk.
- Termine. Dort steht: Wann ist ein Treffen? Wo ist das Treffen?
- Kontakt. Sie können uns eine Nachricht schreiben.

## So finden Sie sich zurecht
Oben auf jeder Seite können Sie die Sprache wählen.
Auf der Start-Seite können Sie nach einem Wort suchen.
Zum Beispiel: Deutsch-Kurs.
Dann sehen Sie passende Angebote.
Bei jedem Angebot steht ein Kontakt.
Dort können Sie fragen.
Ganz unten auf jeder Seite sind wichtige Links.
Ein Link heißt: Leichte Sprache.
Der Link führt immer zu dieser Seite.

## Barriere-Freiheit
Barriere-Freiheit bedeutet:
Alle Menschen können die Internet-Seite gut benutzen.
Auch Menschen mit Behinderung.
Wir wollen eine barriere-freie Internet-Seite.
Manche Teile sind noch nicht barriere-frei.
Das steht in der Erklärung zur Barriere-Freiheit.
Haben Sie ein Problem mit der Internet-Seite?
Dann schreiben Sie uns bitte eine Nachricht.

## Mehr Leichte Sprache
Manche Angebote haben einen Text in Leichter Sprache.
Manche Neuigkeiten auch.
Sie finden den Text dann unter der Überschrift: Leichte Sprache.
Sie können sich Texte auch vor-lesen lassen.
Dafür gibt es den Knopf: Vorlesen.
Ein Browser ist ein Programm für das Internet.
Manche Browser können nicht vor-lesen.
Dann sehen Sie den Knopf nicht.`;
}
