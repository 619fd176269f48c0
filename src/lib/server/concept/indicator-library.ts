/**
 * Starter library of indicators: common municipal integration indicators a tenant adopts and
 * then gives baseline and target itself.
 */
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { list } from '../shared';
import { indicators, type IndicatorDirection, type IndicatorLevel } from './indicator-schema';

export interface LibraryIndicator {
	key: string;
	name: string;
	definition: string;
	numerator: string;
	denominator: string;
	unit: string;
	source: string;
	direction: IndicatorDirection;
	level: IndicatorLevel;
}

/**
 * Starter library: common municipal integration indicators (after the KGSt integration
 * monitoring and the Länder integration monitors). A tenant adopts the ones it wants and sets
 * baseline and target itself.
 */
export const INDICATOR_LIBRARY: LibraryIndicator[] = [
	{
		key: 'auslaenderanteil',
		name: 'Anteil der Ausländer:innen an der Bevölkerung',
		definition: 'Anteil der Einwohner:innen ohne deutsche Staatsangehörigkeit',
		numerator: 'Einwohner:innen mit ausschließlich ausländischer Staatsangehörigkeit am Stichtag',
		denominator: 'Einwohner:innen insgesamt am Stichtag',
		unit: '%',
		source:
			'Statistisches Landesamt, Fortschreibung des Bevölkerungsstandes; Ausländerzentralregister',
		direction: 'higher',
		level: 'municipality'
	},
	{
		key: 'einbuergerungsquote',
		name: 'Einbürgerungsquote',
		definition: 'Einbürgerungen im Jahr je 100 Ausländer:innen mit mindestens 10 Jahren Aufenthalt',
		numerator: 'Einbürgerungen im Kalenderjahr',
		denominator:
			'Ausländer:innen mit einer Aufenthaltsdauer von mindestens 10 Jahren zum Jahresbeginn',
		unit: '%',
		source: 'Einbürgerungsstatistik des Statistischen Landesamts; Ausländerbehörde',
		direction: 'higher',
		level: 'tenant'
	},
	{
		key: 'betreuungsquote-u3-auslaendisch',
		name: 'Betreuungsquote unter 3-Jähriger mit ausländischer Staatsangehörigkeit',
		definition: 'Anteil der Kinder unter 3 Jahren in Kindertagesbetreuung, ausländische Kinder',
		numerator: 'ausländische Kinder unter 3 Jahren in Kita oder Tagespflege',
		denominator: 'ausländische Kinder unter 3 Jahren',
		unit: '%',
		source: 'Kinder- und Jugendhilfestatistik; Einwohnermeldeamt',
		direction: 'higher',
		level: 'municipality'
	},
	{
		key: 'betreuungsquote-3-6-auslaendisch',
		name: 'Betreuungsquote 3- bis unter 6-Jähriger mit ausländischer Staatsangehörigkeit',
		definition:
			'Anteil der Kinder von 3 bis unter 6 Jahren in Kindertagesbetreuung, ausländische Kinder',
		numerator: 'ausländische Kinder von 3 bis unter 6 Jahren in Kita oder Tagespflege',
		denominator: 'ausländische Kinder von 3 bis unter 6 Jahren',
		unit: '%',
		source: 'Kinder- und Jugendhilfestatistik; Einwohnermeldeamt',
		direction: 'higher',
		level: 'municipality'
	},
	{
		key: 'schulabgang-ohne-abschluss-auslaendisch',
		name: 'Schulabgänger:innen ohne Abschluss, ausländische Jugendliche',
		definition:
			'Anteil der Abgänger:innen allgemeinbildender Schulen ohne Hauptschulabschluss, ausländische Jugendliche',
		numerator: 'ausländische Schulabgänger:innen ohne Abschluss im Schuljahr',
		denominator: 'ausländische Schulabgänger:innen insgesamt im Schuljahr',
		unit: '%',
		source: 'Schulstatistik des Landes',
		direction: 'lower',
		level: 'tenant'
	},
	{
		key: 'arbeitslosenquote-auslaender',
		name: 'Arbeitslosenquote der Ausländer:innen',
		definition: 'Arbeitslose Ausländer:innen je 100 ausländische zivile Erwerbspersonen',
		numerator: 'arbeitslose Ausländer:innen (Jahresdurchschnitt)',
		denominator: 'ausländische zivile Erwerbspersonen',
		unit: '%',
		source: 'Statistik der Bundesagentur für Arbeit',
		direction: 'lower',
		level: 'tenant'
	},
	{
		key: 'sgb2-quote-auslaender',
		name: 'SGB-II-Quote der Ausländer:innen',
		definition: 'Anteil der Ausländer:innen unter 65 Jahren, die Bürgergeld (SGB II) beziehen',
		numerator: 'ausländische Leistungsberechtigte nach SGB II unter 65 Jahren',
		denominator: 'ausländische Einwohner:innen unter 65 Jahren',
		unit: '%',
		source: 'Statistik der Bundesagentur für Arbeit (Grundsicherung); Einwohnermeldeamt',
		direction: 'lower',
		level: 'tenant'
	},
	{
		key: 'sv-beschaeftigungsquote-auslaender',
		name: 'Beschäftigungsquote der Ausländer:innen',
		definition:
			'Sozialversicherungspflichtig Beschäftigte mit ausländischer Staatsangehörigkeit je 100 Ausländer:innen von 15 bis unter 65 Jahren',
		numerator: 'sozialversicherungspflichtig beschäftigte Ausländer:innen am Wohnort (30.6.)',
		denominator: 'ausländische Einwohner:innen von 15 bis unter 65 Jahren',
		unit: '%',
		source: 'Beschäftigungsstatistik der Bundesagentur für Arbeit',
		direction: 'higher',
		level: 'tenant'
	},
	// figures per municipality of a district (compared side by side, counts per 1,000 inhabitants)
	{
		key: 'bevoelkerung',
		name: 'Einwohner:innen',
		definition: 'Bevölkerung am Stichtag (Fortschreibung des Bevölkerungsstandes)',
		numerator: 'Einwohner:innen insgesamt am Stichtag',
		denominator: '–',
		unit: 'Personen',
		source: 'Statistisches Landesamt, Regionalstatistik (Tabelle 12411-01-01-5, Gemeinden)',
		direction: 'higher',
		level: 'municipality'
	},
	{
		key: 'auslaendische-bevoelkerung',
		name: 'Ausländische Einwohner:innen',
		definition: 'Einwohner:innen ohne deutsche Staatsangehörigkeit am Stichtag',
		numerator: 'Einwohner:innen mit ausschließlich ausländischer Staatsangehörigkeit',
		denominator: '–',
		unit: 'Personen',
		source: 'Statistisches Landesamt, Regionalstatistik; Ausländerzentralregister',
		direction: 'higher',
		level: 'municipality'
	},
	{
		key: 'asyl-untergebracht',
		name: 'Untergebrachte Asylsuchende und Geflüchtete',
		definition:
			'In der Gemeinde untergebrachte Asylsuchende und Geflüchtete am Stichtag, nach Status soweit bekannt',
		numerator: 'untergebrachte Personen (Gemeinschaftsunterkünfte und dezentrale Unterkünfte)',
		denominator: '–',
		unit: 'Personen',
		source: 'Landratsamt, Bereich Asyl; Meldungen der Gemeinden',
		direction: 'higher',
		level: 'municipality'
	},
	{
		key: 'sprachkursplaetze',
		name: 'Plätze in Sprachkursen',
		definition: 'Plätze in Integrations- und Deutschkursen mit Kursort in der Gemeinde',
		numerator: 'angebotene Kursplätze im Jahr',
		denominator: '–',
		unit: 'Plätze',
		source: 'Kursträger; BAMF-Kursstatistik',
		direction: 'higher',
		level: 'municipality'
	},
	{
		key: 'ehrenamtliche',
		name: 'Ehrenamtliche in Helferkreisen',
		definition:
			'Aktive Ehrenamtliche in den Helferkreisen und Integrationsinitiativen der Gemeinde',
		numerator: 'aktive Ehrenamtliche am Stichtag',
		denominator: '–',
		unit: 'Personen',
		source: 'Meldungen der Helferkreise an die Gemeinde',
		direction: 'higher',
		level: 'municipality'
	}
];

/** Adopts indicators of the starter library (those the tenant has already are left alone). */
export async function adoptLibraryIndicators(
	ctx: TenantCtx,
	input: { keys: string | string[] }
): Promise<number> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const keys = list(input.keys);
	const chosen = INDICATOR_LIBRARY.filter((l) => keys.includes(l.key));
	if (!chosen.length) throw new ValidationError({ keys: 'concept_error_library_choose' });
	return ctx.db.transaction(async (tx) => {
		const rows = await tx
			.insert(indicators)
			.values(chosen.map(({ key, ...rest }) => ({ tenantId, libraryKey: key, ...rest })))
			.onConflictDoNothing()
			.returning({ id: indicators.id, name: indicators.name });
		for (const r of rows)
			await recordAudit(tx, ctx, {
				tenantId,
				action: 'concept.indicator_create',
				entityType: 'concept_indicator',
				entityId: r.id,
				after: { name: r.name, fromLibrary: true }
			});
		return rows.length;
	});
}
