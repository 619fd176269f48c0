/**
 * What the authorisation crawl (authorisation-crawl.db.test.ts) puts into each route's
 * parameters: every route of src/routes must be listed here, with the kind of object each of its
 * parameters names (`[tenant]` is always the tenant). A route that is missing fails the crawl, so
 * a new route gets crawled from its first commit on.
 */

/** What a route parameter names; the crawl fills it with another tenant's object of that kind. */
export type ParamKind =
	| 'offer'
	| 'news'
	| 'event'
	| 'measure'
	| 'indicator'
	| 'round'
	| 'body'
	| 'meeting'
	| 'need'
	| 'paper'
	| 'paperFile'
	| 'report'
	| 'reportVersion'
	| 'process'
	| 'dialogue'
	| 'inquiry'
	| 'organization'
	| 'revision'
	| 'file'
	| 'translationType'
	| 'locale'
	| 'token'
	| 'oparlPath'
	| 'tenantContact'
	| 'touringStop';

const A = '/(app)/app/[tenant]';
const P = '/(public)/[tenant]';

/** Route id → kind of each parameter besides `[tenant]` ({} when it has none). */
export const CRAWLED_ROUTES: Record<string, Record<string, ParamKind>> = {
	'/': {},
	'/(app)': {},
	'/(app)/admin/mandanten': {},
	'/(app)/admin/postfach': {},
	'/(app)/app': {},
	[A]: {},
	[`${A}/abdeckung`]: {},
	[`${A}/abdeckung/angebote`]: {},
	[`${A}/abdeckung/export.csv`]: {},
	[`${A}/aenderungen`]: {},
	[`${A}/angebote`]: {},
	[`${A}/angebote/[id]`]: { id: 'offer' },
	[`${A}/angebote/kontakt`]: {},
	[`${A}/angebote/neu`]: {},
	[`${A}/anliegen`]: {},
	[`${A}/anliegen/[id]`]: { id: 'inquiry' },
	[`${A}/anliegen/vorlagen`]: {},
	[`${A}/aufgaben`]: {},
	[`${A}/austausch`]: {},
	[`${A}/austausch/angebote.csv`]: {},
	[`${A}/austausch/organisationen.csv`]: {},
	[`${A}/bedarfe`]: {},
	[`${A}/bedarfe/[id]`]: { id: 'need' },
	[`${A}/bedarfe/neu`]: {},
	[`${A}/berichte`]: {},
	[`${A}/berichte/[id]`]: { id: 'report' },
	[`${A}/berichte/[id]/html/[version]`]: { id: 'report', version: 'reportVersion' },
	[`${A}/berichte/[id]/pdf/[version]`]: { id: 'report', version: 'reportVersion' },
	[`${A}/beteiligung`]: {},
	[`${A}/beteiligung/[id]`]: { id: 'process' },
	[`${A}/beteiligung/[id]/beitraege`]: { id: 'process' },
	[`${A}/beteiligung/[id]/dialoge/[dialogue]`]: { id: 'process', dialogue: 'dialogue' },
	[`${A}/beteiligung/[id]/dialoge/neu`]: { id: 'process' },
	[`${A}/beteiligung/[id]/empfehlungen`]: { id: 'process' },
	[`${A}/beteiligung/neu`]: {},
	[`${A}/dateien/[file]`]: { file: 'file' },
	[`${A}/datenschutz`]: {},
	[`${A}/datenschutz/auskunft`]: {},
	[`${A}/datenschutz/verarbeitung`]: {},
	[`${A}/einstellungen`]: {},
	[`${A}/einstellungen/rechtliches`]: {},
	[`${A}/einstellungen/anmeldung`]: {},
	[`${A}/gremien`]: {},
	[`${A}/gremien/[body]`]: { body: 'body' },
	[`${A}/gremien/[body]/aufgaben`]: { body: 'body' },
	[`${A}/gremien/[body]/bearbeiten`]: { body: 'body' },
	[`${A}/gremien/[body]/mitglieder`]: { body: 'body' },
	[`${A}/gremien/[body]/planung`]: { body: 'body' },
	[`${A}/gremien/neu`]: {},
	[`${A}/kalender`]: {},
	[`${A}/konzept`]: {},
	[`${A}/konzept/ausgaben`]: {},
	[`${A}/konzept/export.html`]: {},
	[`${A}/konzept/export.pdf`]: {},
	[`${A}/konzept/indikatoren`]: {},
	[`${A}/konzept/indikatoren/[id]`]: { id: 'indicator' },
	[`${A}/konzept/indikatoren/neu`]: {},
	[`${A}/konzept/massnahmen/[id]`]: { id: 'measure' },
	[`${A}/konzept/massnahmen/neu`]: {},
	[`${A}/konzept/priorisierung`]: {},
	[`${A}/konzept/priorisierung/[id]`]: { id: 'round' },
	[`${A}/konzept/roadmap`]: {},
	[`${A}/konzept/struktur`]: {},
	[`${A}/konzept/zustaende`]: {},
	[`${A}/neuigkeiten`]: {},
	[`${A}/neuigkeiten/[id]`]: { id: 'news' },
	[`${A}/neuigkeiten/[id]/bild`]: { id: 'news' },
	[`${A}/neuigkeiten/[id]/vorschau`]: { id: 'news' },
	[`${A}/neuigkeiten/neu`]: {},
	[`${A}/organisationen`]: {},
	[`${A}/organisationen/[id]`]: { id: 'organization' },
	[`${A}/organisationen/[id]/logo`]: { id: 'organization' },
	[`${A}/organisationen/neu`]: {},
	[`${A}/personen`]: {},
	[`${A}/pruefung`]: {},
	[`${A}/pruefung/[id]`]: { id: 'revision' },
	[`${A}/sitzungen/[meeting]`]: { meeting: 'meeting' },
	[`${A}/sitzungen/[meeting]/bearbeiten`]: { meeting: 'meeting' },
	[`${A}/sitzungen/[meeting]/einladung`]: { meeting: 'meeting' },
	[`${A}/sitzungen/[meeting]/protokoll`]: { meeting: 'meeting' },
	[`${A}/sitzungen/[meeting]/protokoll.pdf`]: { meeting: 'meeting' },
	[`${A}/sitzungen/[meeting]/protokoll/druck`]: { meeting: 'meeting' },
	[`${A}/sitzungen/[meeting]/tagesordnung`]: { meeting: 'meeting' },
	[`${A}/sitzungen/[meeting]/tagesordnung.pdf`]: { meeting: 'meeting' },
	[`${A}/sitzungen/[meeting]/termin.ics`]: { meeting: 'meeting' },
	[`${A}/sitzungen/neu`]: {},
	[`${A}/suchbegriffe`]: {},
	[`${A}/uebersetzungen`]: {},
	[`${A}/uebersetzungen/[type]/[id]/[locale]`]: {
		type: 'translationType',
		id: 'offer',
		locale: 'locale'
	},
	[`${A}/veranstaltungen`]: {},
	[`${A}/veranstaltungen/[id]`]: { id: 'event' },
	[`${A}/veranstaltungen/neu`]: {},
	[`${A}/vorlagen`]: {},
	[`${A}/vorlagen/[id]`]: { id: 'paper' },
	[`${A}/vorlagen/[id]/anlagen/[file]`]: { id: 'paper', file: 'paperFile' },
	[`${A}/vorlagen/[id]/bearbeiten`]: { id: 'paper' },
	[`${A}/vorlagen/anweisungen`]: {},
	[`${A}/vorlagen/einstellungen`]: {},
	[`${A}/vorlagen/neu`]: {},
	[`${A}/vorlagen/sitzung/[meeting]`]: { meeting: 'meeting' },
	'/(app)/konto': {},
	'/(app)/konto/daten': {},
	'/(app)/konto/kalender': {},
	'/(app)/konto/oeffentlich': {},
	'/(auth)/abmelden': {},
	'/(auth)/anmelden': {},
	'/(auth)/anmelden/sso': {},
	'/(auth)/anmelden/sso/callback': {},
	// a network's own sign-on, by the network's address (the crawl names an unknown one: 404)
	'/(auth)/anmelden/sso/netzwerk/[slug]': { slug: 'token' },
	'/(auth)/anmelden/sso/netzwerk/[slug]/callback': { slug: 'token' },
	'/(auth)/einladung/[token]': { token: 'token' },
	'/(auth)/passwort-vergessen': {},
	'/(auth)/passwort-zuruecksetzen/[token]': { token: 'token' },
	'/(platform)': {},
	[P]: {},
	[`${P}/(legal)`]: {},
	[`${P}/angebote`]: {},
	[`${P}/angebote/[id]`]: { id: 'offer' },
	[`${P}/angebote/[id]/kalender.ics`]: { id: 'offer' },
	[`${P}/anliegen`]: {},
	[`${P}/anliegen/status/[token]`]: { token: 'token' },
	[`${P}/beteiligung`]: {},
	[`${P}/beteiligung/[id]`]: { id: 'process' },
	[`${P}/beteiligung/[id]/dialoge/[dialogue]`]: { id: 'process', dialogue: 'dialogue' },
	[`${P}/beteiligung/[id]/dialoge/[dialogue]/kalender.ics`]: {
		id: 'process',
		dialogue: 'dialogue'
	},
	[`${P}/beteiligung/[id]/ergebnisse`]: { id: 'process' },
	[`${P}/beteiligung/[id]/ergebnisse.pdf`]: { id: 'process' },
	[`${P}/beteiligung/abmelden/[token]`]: { token: 'token' },
	[`${P}/beteiligung/beitrag/[token]`]: { token: 'token' },
	[`${P}/dateien/[file]`]: { file: 'file' },
	[`${P}/gremien`]: {},
	[`${P}/gremien/[body]`]: { body: 'body' },
	[`${P}/gremien/[body]/kalender.ics`]: { body: 'body' },
	[`${P}/kalender.ics`]: {},
	[`${P}/konzept`]: {},
	[`${P}/konzept/export.html`]: {},
	[`${P}/konzept/export.pdf`]: {},
	[`${P}/neuigkeiten`]: {},
	[`${P}/neuigkeiten.atom`]: {},
	[`${P}/neuigkeiten/[id]`]: { id: 'news' },
	[`${P}/neuigkeiten/[id]/bild`]: { id: 'news' },
	[`${P}/organisationen/[id]`]: { id: 'organization' },
	[`${P}/sitemap.xml`]: {},
	[`${P}/sitzungen/[meeting]`]: { meeting: 'meeting' },
	[`${P}/sitzungen/[meeting]/protokoll.pdf`]: { meeting: 'meeting' },
	[`${P}/termine`]: {},
	[`${P}/termine.ics`]: {},
	[`${P}/termine/[id]`]: { id: 'event' },
	[`${P}/termine/[id]/termin.ics`]: { id: 'event' },
	[`${P}/vorlagen`]: {},
	[`${P}/vorlagen/[id]`]: { id: 'paper' },
	[`${P}/vorlagen/[id]/anlagen/[file]`]: { id: 'paper', file: 'paperFile' },
	'/antwort/[token]': { token: 'token' },
	'/healthz': {},
	'/kalender/[token]': { token: 'token' },
	'/oparl/v1.1/[...path]': { path: 'oparlPath' },
	'/robots.txt': {},
	'/sitemap.xml': {},
	'/sprache': {},
	// issue 13 (Leichte Sprache) and issue 17 (district: contacts, touring, exchange, figures)
	[`${A}/ansprechpersonen`]: {},
	[`${A}/ansprechpersonen/[id]`]: { id: 'tenantContact' },
	[`${A}/ansprechpersonen/gemeinden`]: {},
	[`${A}/einstellungen/leichte-sprache`]: {},
	[`${A}/kennzahlen`]: {},
	[`${A}/konzept/gemeinden`]: {},
	[`${A}/landkreis`]: {},
	[`${A}/landkreis/bericht`]: {},
	[`${A}/landkreis/bericht/html`]: {},
	[`${A}/landkreis/bericht/pdf`]: {},
	[`${A}/unterwegs`]: {},
	[`${A}/vernetzung`]: {},
	'/(platform)/leichte-sprache': {},
	[`${P}/leichte-sprache`]: {},
	[`${P}/leichte-sprache/untertitel.vtt`]: {},
	[`${P}/leichte-sprache/video`]: {},
	[`${P}/unterwegs`]: {},
	[`${P}/unterwegs.ics`]: {},
	[`${P}/unterwegs/[id]/termin.ics`]: { id: 'touringStop' },
	// issue 13 (offline and installable)
	[`${P}/manifest.webmanifest`]: {},
	[`${P}/offline`]: {},
	'/sw.js': {},
	// issue 13, item 9 (the network's logo)
	[`${P}/logo`]: {}
};

/** The parameter names of a route id, in order (`[tenant]`, `[id]`, `[...path]`). */
export function paramNames(routeId: string): string[] {
	return [...routeId.matchAll(/\[(?:\.\.\.)?([a-z]+)\]/g)].map((m) => m[1]);
}

/** The address of a route with its parameters filled in (groups like `(app)` dropped). */
export function concretePath(routeId: string, params: Record<string, string>): string {
	const path = routeId
		.split('/')
		.filter((s) => !/^\(.+\)$/.test(s))
		.map((s) => {
			const m = /^\[(?:\.\.\.)?([a-z]+)\]$/.exec(s);
			return m ? encodeURIComponent(params[m[1]]).replace(/%2F/g, '/') : s;
		})
		.join('/');
	return path === '' ? '/' : path;
}

/** The route id of a file under src/routes (as import.meta.glob names it). */
export function routeIdOf(file: string): string {
	const id = file
		.replace(/^.*\/src\/routes/, '')
		.replace(/\/?\+(page\.server|layout\.server|server)\.ts$/, '');
	return id === '' ? '/' : id;
}
