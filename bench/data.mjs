#!/usr/bin/env node
// `npm run bench:data -- --scale city|district|land [--seed 1] [--reset]`
//
// Fills a database with a reproducible, realistic Land of districts and municipalities for the
// benchmark (bench/run.mjs). Target: DATABASE_URL (PostgreSQL) or, without it, the PGlite folder
// DATA_DIR (default bench/.data/<scale>).
//
// 1. The production server starts once against the database (it builds first when the build is
//    stale): it applies the migrations and creates the demo network, exactly as on a first start.
//    The demo tenants (Landshut, Landkreis Gifhorn …) are the same at every scale, so their pages
//    can be compared between scales.
// 2. Bulk SQL (INSERT … SELECT over generate_series) adds the generated tenants and their data.
//    Every id is md5(seed:kind:tenant:index) and every choice hashint8(index, column, seed): the
//    same seed gives the same rows (relative to the day of generation). Tenant number n's data
//    depends only on n, so "bench-kreis-01" is identical at city, district and land scale.
//
// Scales: city = 1 district with 4 municipalities, district = 1 district with 24 municipalities,
// land = 80 districts with 24 municipalities each (2,000 tenants, ~100k organisations, ~500k
// offers with ~1M texts in several languages, ~21k bodies, ~208k meetings with 3 agenda items
// each and published minutes, ~50k papers with consultations, ~1k indicators with ~100k values,
// ~100k citizens' messages, ~50k accounts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const SCALES = {
	city: { districts: 1, municipalities: 4 },
	district: { districts: 1, municipalities: 24 },
	land: { districts: 80, municipalities: 24 }
};

/** Per tenant: [district, municipality]. */
const PER = {
	orgs: [360, 37],
	offers: [1800, 185],
	fields: [8, 8],
	bodies: [20, 10],
	papers: [100, 22],
	indicators: [13, 0],
	inquiries: [250, 42],
	users: [100, 22]
};
const MEETINGS_PER_BODY = 10;
const AGENDA_PER_MEETING = 3;
const VALUES_PER_INDICATOR = 100;

function parseArgs(argv) {
	const out = { scale: 'city', seed: 1, reset: false, dataDir: undefined, port: 3290 };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--scale') out.scale = argv[++i];
		else if (a === '--seed') out.seed = Number(argv[++i]);
		else if (a === '--reset') out.reset = true;
		else if (a === '--data-dir') out.dataDir = argv[++i];
		else if (a === '--port') out.port = Number(argv[++i]);
		else if (a === '--no-server') out.noServer = true;
		else throw new Error(`unknown argument ${a}`);
	}
	if (!SCALES[out.scale])
		throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
	if (!Number.isInteger(out.seed) || out.seed < 0) throw new Error('--seed must be an integer ≥ 0');
	return out;
}

const q = (s) => `'${String(s).replace(/'/g, "''")}'`;
const arr = (list) => `ARRAY[${list.map(q).join(',')}]`;

/** The SQL of the generated rows, per table; `T` is the temp table of this batch's tenants. */
export function statements(seed) {
	const S = Number(seed);
	/** deterministic pseudo-random integer in [0, mod) from an integer SQL expression and a salt */
	const r = (expr, salt, mod) =>
		`(abs(hashint8((${expr})::bigint * 1000003 + ${salt * 7919 + S * 104729})) % ${mod})`;
	const id = (kind, t, j) => `md5(${q(`${S}:${kind}:`)} || ${t} || ':' || ${j})::uuid`;
	const pick = (list, expr, salt) => `(${arr(list)})[1 + ${r(expr, salt, list.length)}]`;
	const per = (key) =>
		`(CASE WHEN T.kind = 'district' THEN ${PER[key][0]} ELSE ${PER[key][1]} END)`;
	const key = (t, j) => `(${t}::bigint * 100000 + ${j})`;

	const topics = [
		['Deutschkurs für Anfänger:innen', 'German course for beginners'],
		['Sprachcafé', 'Language café'],
		['Hausaufgabenhilfe', 'Homework help'],
		['Beratung für Geflüchtete', 'Counselling for refugees'],
		['Bewerbungstraining', 'Job application training'],
		['Integrationskurs', 'Integration course'],
		['Frauentreff', "Women's meeting"],
		['Elterncafé', 'Parents’ café'],
		['Fahrradwerkstatt', 'Bicycle workshop'],
		['Gemeinsam kochen', 'Cooking together'],
		['Nähwerkstatt', 'Sewing workshop'],
		['Sportgruppe für Jugendliche', 'Sports group for young people'],
		['Begleitung zu Behörden', 'Accompaniment to public offices'],
		['Wohnungssuche: Sprechstunde', 'Housing search: office hours'],
		['Kleiderkammer', 'Clothing store'],
		['Computerkurs für Senior:innen', 'Computer course for seniors'],
		['Lernpatenschaften', 'Learning mentorships'],
		['Mutter-Kind-Gruppe', 'Mother and child group'],
		['Migrationsberatung', 'Migration counselling'],
		['Ehrenamtsbörse', 'Volunteer exchange']
	];
	const deTitles = topics.map((t) => t[0]);
	const enTitles = topics.map((t) => t[1]);
	const places = [
		'im Bürgerhaus',
		'in der Stadtbücherei',
		'im Jugendzentrum',
		'im Pfarrheim',
		'in der Volkshochschule',
		'im Familienzentrum',
		'im Mehrgenerationenhaus',
		'online'
	];
	const sentences = [
		'Das Angebot ist offen für alle Interessierten, eine Anmeldung ist nicht nötig.',
		'Wir treffen uns in kleinen Gruppen und lernen gemeinsam mit Ehrenamtlichen.',
		'Kinder können mitgebracht werden; eine Betreuung ist vorhanden.',
		'Die Räume sind barrierefrei erreichbar.',
		'Bitte bringen Sie, wenn vorhanden, Ihre Unterlagen mit.',
		'Wir sprechen Deutsch, Englisch, Arabisch und Ukrainisch.',
		'Die Teilnahme ist kostenlos.',
		'Ein Einstieg ist jederzeit möglich.'
	];
	const orgStems = [
		'Caritas',
		'Diakonie',
		'AWO',
		'Volkshochschule',
		'Sportverein',
		'Kulturverein',
		'Helferkreis Asyl',
		'Jugendzentrum',
		'Familienzentrum',
		'Mehrgenerationenhaus',
		'Integrationsbeirat',
		'Bildungswerk',
		'Frauennetzwerk',
		'Nachbarschaftshilfe',
		'Stadtbücherei'
	];
	const bodyNames = [
		'Netzwerktreffen Integration',
		'AG Sprache',
		'AG Arbeit und Ausbildung',
		'AG Wohnen',
		'AG Gesundheit',
		'Steuerungsgruppe',
		'Integrationsbeirat',
		'Projektgruppe Willkommen',
		'AG Bildung',
		'AG Frauen',
		'Runder Tisch Ehrenamt',
		'AG Kinder und Familie'
	];
	const agendaTitles = [
		'Begrüßung und Feststellung der Tagesordnung',
		'Bericht aus den Arbeitsgruppen',
		'Planung der Interkulturellen Woche',
		'Sprachkursangebote im Landkreis',
		'Verschiedenes',
		'Genehmigung des Protokolls',
		'Fördermittel für Ehrenamtsprojekte',
		'Wohnraum für Geflüchtete'
	];
	const paperTitles = [
		'Fortschreibung des Integrationskonzepts',
		'Förderung von Sprachcafés',
		'Bericht zur Lage der Geflüchteten',
		'Antrag auf Einrichtung einer Ehrenamtsbörse',
		'Anfrage zur Kita-Versorgung',
		'Mitteilung zu Integrationskursen',
		'Beschluss zur Interkulturellen Woche'
	];
	const indicatorNames = [
		'Anteil der Kinder mit Sprachförderbedarf',
		'Beschäftigungsquote von Geflüchteten',
		'Teilnehmende an Integrationskursen',
		'Einbürgerungen je 1.000 Einwohner:innen',
		'Anteil Ausbildungsverträge',
		'Ehrenamtliche in der Integrationsarbeit',
		'Wohnungslose Geflüchtete',
		'Kita-Besuchsquote unter drei Jahren',
		'Schulabschlüsse ohne Abschluss',
		'Beratungsfälle Migrationsberatung',
		'Anteil mit anerkanntem Berufsabschluss',
		'Sprachkursplätze je 1.000',
		'Teilnehmende an Beteiligungsformaten'
	];
	const inquirySubjects = [
		'Frage zu Deutschkursen',
		'Wunsch: mehr Sprachcafés',
		'Vorschlag für ein Begegnungsfest',
		'Beschwerde über Wartezeiten',
		'Rampe am Bürgerhaus fehlt',
		'Wo finde ich Hilfe bei der Wohnungssuche?'
	];
	const first = [
		'Anna',
		'Mehmet',
		'Olena',
		'Ahmad',
		'Sophie',
		'Lukas',
		'Fatima',
		'Jonas',
		'Maria',
		'Yusuf',
		'Iryna',
		'Paul'
	];
	const last = [
		'Huber',
		'Yılmaz',
		'Schmidt',
		'Kovalenko',
		'Haddad',
		'Bauer',
		'Wagner',
		'Rahimi',
		'Maier',
		'Fischer'
	];
	const fields = [
		['sprache', 'Sprache', 'Language'],
		['bildung', 'Bildung', 'Education'],
		['arbeit', 'Arbeit und Ausbildung', 'Work and training'],
		['wohnen', 'Wohnen', 'Housing'],
		['gesundheit', 'Gesundheit', 'Health'],
		['familie', 'Kinder und Familie', 'Children and families'],
		['teilhabe', 'Teilhabe und Ehrenamt', 'Participation and volunteering'],
		['kultur', 'Kultur und Sport', 'Culture and sport']
	];
	const targetGroups = [
		'all',
		'children',
		'youth',
		'young_adults',
		'women',
		'men',
		'parents',
		'families',
		'seniors',
		'refugees',
		'newcomers',
		'skilled_workers',
		'volunteers'
	];
	const spoken = ['de', 'en', 'ar', 'uk', 'tr', 'ru', 'fa'];

	const gs = (n) => `generate_series(1, ${n}) AS j`;
	const textLangs = [
		// [locale, share (1 in n), state]
		['en', 2, 'machine'],
		['ar', 4, 'reviewed'],
		['uk', 5, 'machine'],
		['tr', 7, 'reviewed']
	];
	const offerKey = key('T.n', 'j');
	const nMeet = `(${per('bodies')} * ${MEETINGS_PER_BODY})`;

	return [
		{
			table: 'organizations',
			sql: `INSERT INTO organizations (id, tenant_id, name, description, website, phone, email, street, postal_code, city, latitude, longitude, languages, trusted, is_public, created_at)
SELECT ${id('org', 'T.n', 'j')}, T.id, ${pick(orgStems, offerKey, 1)} || ' ' || T.short || CASE WHEN j > 15 THEN ' ' || j ELSE '' END,
  ${pick(sentences, offerKey, 2)} || ' ' || ${pick(sentences, offerKey, 3)},
  'https://verein-' || T.n || '-' || j || '.example', '0871 ' || (100000 + ${r(offerKey, 4, 899999)}), 'kontakt-' || T.n || '-' || j || '@verein.example',
  'Hauptstraße ' || (1 + ${r(offerKey, 5, 120)}), lpad((80000 + T.n)::text, 5, '0'), T.short, 48.5 + ${r(offerKey, 6, 1000)} / 5000.0, 12.1 + ${r(offerKey, 7, 1000)} / 5000.0,
  ARRAY['de', ${pick(spoken, offerKey, 8)}]::text[], ${r(offerKey, 9, 3)} = 0, true, now() - (${r(offerKey, 10, 900)} || ' days')::interval
FROM T, ${gs(per('orgs'))}`
		},
		{
			table: 'organization_tenants',
			sql: `INSERT INTO organization_tenants (organization_id, tenant_id)
SELECT ${id('org', 'T.n', 'j')}, T.parent FROM T, ${gs(per('orgs'))} WHERE T.kind = 'municipality' AND j % 5 = 0`
		},
		{
			table: 'fields_of_action',
			sql: `INSERT INTO fields_of_action (id, tenant_id, key, names, position)
SELECT ${id('field', 'T.n', 'j')}, T.id, (${arr(fields.map((f) => f[0]))})[j],
  jsonb_build_object('de', (${arr(fields.map((f) => f[1]))})[j], 'en', (${arr(fields.map((f) => f[2]))})[j]), j
FROM T, ${gs(per('fields'))}`
		},
		{
			table: 'users',
			sql: `INSERT INTO users (id, email, name, locale, created_at)
SELECT ${id('user', 'T.n', 'j')}, 'person-' || ${S} || '-' || T.n || '-' || j || '@bench.example',
  ${pick(first, key('T.n', 'j'), 11)} || ' ' || ${pick(last, key('T.n', 'j'), 12)}, 'de', now() - (${r(key('T.n', 'j'), 13, 700)} || ' days')::interval
FROM T, ${gs(per('users'))}`
		},
		{
			table: 'tenant_members',
			sql: `INSERT INTO tenant_members (tenant_id, user_id, role)
SELECT T.id, ${id('user', 'T.n', 'j')}, CASE WHEN j = 1 THEN 'coordinator' WHEN j % 10 = 0 THEN 'editor' ELSE 'member' END
FROM T, ${gs(per('users'))}`
		},
		{
			table: 'offers',
			sql: `INSERT INTO offers (id, tenant_id, organization_id, field_of_action_id, target_groups, languages, location_kind, online_url, schedule_kind, starts_at, ends_at, weekdays, cost_kind, registration_required, childcare, accessible, valid_from, status, published_at, last_confirmed_at, created_at, updated_at)
SELECT ${id('offer', 'T.n', 'j')}, T.id, ${id('org', 'T.n', `1 + ${r(offerKey, 20, per('orgs'))}`)}, ${id('field', 'T.n', `1 + ${r(offerKey, 21, 8)}`)},
  ARRAY[${pick(targetGroups, offerKey, 22)}]::text[] || CASE WHEN ${r(offerKey, 23, 2)} = 0 THEN ARRAY[${pick(targetGroups, offerKey, 24)}]::text[] ELSE '{}'::text[] END,
  ARRAY['de']::text[] || CASE WHEN ${r(offerKey, 25, 2)} = 0 THEN ARRAY[${pick(spoken.slice(1), offerKey, 26)}]::text[] ELSE '{}'::text[] END,
  CASE WHEN ${r(offerKey, 27, 10)} = 0 THEN 'online' ELSE 'place' END,
  CASE WHEN ${r(offerKey, 27, 10)} = 0 THEN 'https://treffen.example/' || T.n || '-' || j END,
  (ARRAY['recurring','recurring','once','appointment'])[1 + ${r(offerKey, 28, 4)}],
  CASE WHEN ${r(offerKey, 28, 4)} = 2 THEN date_trunc('day', now()) + ((${r(offerKey, 29, 120)}) || ' days 17 hours')::interval END,
  CASE WHEN ${r(offerKey, 28, 4)} = 2 THEN date_trunc('day', now()) + ((${r(offerKey, 29, 120)}) || ' days 19 hours')::interval END,
  CASE WHEN ${r(offerKey, 28, 4)} < 2 THEN ARRAY[1 + ${r(offerKey, 30, 5)}]::int[] ELSE '{}'::int[] END,
  CASE WHEN ${r(offerKey, 31, 5)} = 0 THEN 'paid' ELSE 'free' END, ${r(offerKey, 32, 3)} = 0, ${r(offerKey, 33, 4)} = 0, ${r(offerKey, 34, 2)} = 0,
  (now() - (${r(offerKey, 35, 400)} || ' days')::interval)::date,
  CASE ${r(offerKey, 36, 20)} WHEN 0 THEN 'draft' WHEN 1 THEN 'in_review' WHEN 2 THEN 'archived' ELSE 'published' END,
  CASE WHEN ${r(offerKey, 36, 20)} >= 2 THEN now() - (${r(offerKey, 35, 400)} || ' days')::interval END,
  now() - (${r(offerKey, 37, 60)} || ' days')::interval,
  now() - (${r(offerKey, 35, 400)} + 1 || ' days')::interval, now() - (${r(offerKey, 37, 60)} || ' days')::interval
FROM T, ${gs(per('offers'))}`
		},
		{
			table: 'offer_places',
			sql: `INSERT INTO offer_places (id, offer_id, name, street, postal_code, city, latitude, longitude)
SELECT ${id('place', 'T.n', 'j')}, ${id('offer', 'T.n', 'j')}, ${pick(places.slice(0, -1), offerKey, 40)}, 'Marktplatz ' || (1 + ${r(offerKey, 41, 40)}),
  lpad((80000 + T.n)::text, 5, '0'), T.short, 48.5 + ${r(offerKey, 42, 1000)} / 5000.0, 12.1 + ${r(offerKey, 43, 1000)} / 5000.0
FROM T, ${gs(per('offers'))} WHERE ${r(offerKey, 27, 10)} <> 0`
		},
		{
			table: 'offer_texts',
			sql: `INSERT INTO offer_texts (offer_id, locale, title, description, schedule_note, state)
SELECT ${id('offer', 'T.n', 'j')}, 'de', ${pick(deTitles, offerKey, 50)} || ' ' || ${pick(places, offerKey, 51)},
  ${pick(sentences, offerKey, 52)} || ' ' || ${pick(sentences, offerKey, 53)} || ' ' || ${pick(sentences, offerKey, 54)},
  'Jeden ' || (ARRAY['Montag','Dienstag','Mittwoch','Donnerstag','Freitag'])[1 + ${r(offerKey, 30, 5)}] || ', 17 bis 19 Uhr', 'original'
FROM T, ${gs(per('offers'))}
${textLangs
	.map(
		([locale, share, state], i) => `UNION ALL
SELECT ${id('offer', 'T.n', 'j')}, ${q(locale)}, ${pick(enTitles, offerKey, 50)} || ' (${locale})',
  'Open to everyone. We meet in small groups with volunteers. Participation is free of charge.', NULL, ${q(state)}
FROM T, ${gs(per('offers'))} WHERE ${r(offerKey, 60 + i, share)} = 0`
	)
	.join('\n')}`
		},
		{
			table: 'bodies',
			sql: `INSERT INTO bodies (id, tenant_id, kind, name, short_name, description, field_of_action_id, visibility, cadence_kind, duration_minutes, default_location, reminder_days)
SELECT ${id('body', 'T.n', 'j')}, T.id, CASE WHEN j = 1 THEN 'network' WHEN j = 2 THEN 'steering_group' ELSE 'working_group' END,
  (${arr(bodyNames)})[1 + (j - 1) % ${bodyNames.length}] || CASE WHEN j > ${bodyNames.length} THEN ' ' || j ELSE '' END, 'G' || j,
  'Gremium des Integrationsnetzwerks ' || T.short || '.', ${id('field', 'T.n', `1 + (j % 8)`)},
  CASE WHEN ${r(key('T.n', 'j'), 70, 5)} < 3 THEN 'public' ELSE 'network' END, 'none', 120, 'Rathaus, Sitzungssaal', NULL
FROM T, ${gs(per('bodies'))}`
		},
		{
			// meeting j belongs to body 1 + (j-1) % bodies; its k = (j-1) / bodies spreads the
			// meetings from 60 days ahead to about 9 months back (past ones held, minutes published)
			table: 'meetings',
			sql: `INSERT INTO meetings (id, tenant_id, body_id, title, starts_at, ends_at, location_kind, location, state, invited_at, reminded_at, minutes_state, minutes_intro, minutes_shared_at, minutes_approved_at, minutes_published_at)
SELECT ${id('meeting', 'T.n', 'j')}, T.id, ${id('body', 'T.n', `1 + (j - 1) % ${per('bodies')}`)}, (j - 1) / ${per('bodies')} + 1 || '. Sitzung',
  M.starts, M.starts + interval '2 hours', 'room', 'Rathaus, Sitzungssaal',
  CASE WHEN M.k >= 2 THEN 'held' WHEN M.k = 1 THEN 'invited' ELSE 'planned' END,
  CASE WHEN M.k >= 1 THEN M.starts - interval '21 days' END, CASE WHEN M.k < 2 THEN now() END,
  CASE WHEN M.k >= 2 THEN 'published' ELSE 'none' END,
  CASE WHEN M.k >= 2 THEN 'Die Sitzung wurde ordnungsgemäß eingeladen; die Versammlung ist beschlussfähig.' END,
  CASE WHEN M.k >= 2 THEN M.starts + interval '3 days' END, CASE WHEN M.k >= 2 THEN M.starts + interval '10 days' END,
  CASE WHEN M.k >= 2 THEN M.starts + interval '11 days' END
FROM T, ${gs(nMeet)},
  LATERAL (SELECT (j - 1) / ${per('bodies')} AS k,
    date_trunc('day', now()) + ((60 - ((j - 1) / ${per('bodies')}) * 30 - ${r(key('T.n', 'j'), 71, 20)}) || ' days 18 hours')::interval AS starts) M`
		},
		{
			table: 'agenda_items',
			sql: `INSERT INTO agenda_items (id, tenant_id, meeting_id, position, title, description, planned_minutes, is_public, notes, decision)
SELECT ${id('agenda', 'T.n', `j * 10 + p`)}, T.id, ${id('meeting', 'T.n', 'j')}, p, ${pick(agendaTitles, key('T.n', 'j * 10 + p'), 72)},
  'Vorstellung und Aussprache.', 20, p <> 3,
  CASE WHEN (j - 1) / ${per('bodies')} >= 2 THEN 'Die Anwesenden tauschen sich aus; Rückfragen werden beantwortet.' END,
  CASE WHEN (j - 1) / ${per('bodies')} >= 2 AND p = 2 THEN 'Einstimmig beschlossen.' END
FROM T, ${gs(nMeet)}, generate_series(1, ${AGENDA_PER_MEETING}) AS p`
		},
		{
			table: 'papers',
			sql: `INSERT INTO papers (id, tenant_id, number, year, reference, type, title, text, date, originating_body_id, state, visibility, submitted_at)
SELECT ${id('paper', 'T.n', 'j')}, T.id, j, 2026, lpad(j::text, 3, '0') || '/2026',
  (ARRAY['resolution_proposal','notice','motion','report','inquiry'])[1 + ${r(key('T.n', 'j'), 80, 5)}],
  ${pick(paperTitles, key('T.n', 'j'), 81)}, 'Sachverhalt: ' || ${pick(sentences, key('T.n', 'j'), 82)} || ' Beschlussvorschlag: Der Ausschuss nimmt den Bericht zur Kenntnis.',
  date '2026-01-05' + (j * 3 % 320), ${id('body', 'T.n', `1 + j % ${per('bodies')}`)},
  (ARRAY['decided','decided','noted','scheduled','submitted','draft'])[1 + ${r(key('T.n', 'j'), 83, 6)}],
  CASE WHEN ${r(key('T.n', 'j'), 84, 10)} < 7 THEN 'public' ELSE 'network' END,
  CASE WHEN ${r(key('T.n', 'j'), 83, 6)} < 5 THEN (date '2026-01-05' + (j * 3 % 320))::timestamptz END
FROM T, ${gs(per('papers'))}`
		},
		{
			table: 'paper_counters',
			sql: `INSERT INTO paper_counters (tenant_id, year, last) SELECT T.id, 2026, ${per('papers')} FROM T`
		},
		{
			// each paper (not a draft) is consulted in its own held meeting (papers ≤ held meetings),
			// as item 2 of the agenda
			table: 'consultations',
			sql: `INSERT INTO consultations (id, tenant_id, paper_id, meeting_id, agenda_item_id, body_id, role, result, decided_at)
SELECT ${id('consultation', 'T.n', 'j')}, T.id, ${id('paper', 'T.n', 'j')}, ${id('meeting', 'T.n', 'C.m')}, ${id('agenda', 'T.n', 'C.m * 10 + 2')},
  ${id('body', 'T.n', `1 + (C.m - 1) % ${per('bodies')}`)}, 'decision',
  CASE WHEN C.state = 0 THEN 'decided' WHEN C.state = 2 THEN 'noted' END,
  CASE WHEN C.state IN (0, 2) THEN now() - interval '30 days' END
FROM T, ${gs(per('papers'))},
  LATERAL (SELECT 2 * ${per('bodies')} + j AS m,
    CASE WHEN ${r(key('T.n', 'j'), 83, 6)} < 2 THEN 0 ELSE ${r(key('T.n', 'j'), 83, 6)} END AS state) C
WHERE ${r(key('T.n', 'j'), 83, 6)} < 5`
		},
		{
			table: 'concept_indicators',
			sql: `INSERT INTO concept_indicators (id, tenant_id, name, definition, unit, source, direction, level, baseline_value, baseline_date, target_value, target_date, is_public)
SELECT ${id('indicator', 'T.n', 'j')}, T.id, (${arr(indicatorNames)})[j], 'Jährliche Erhebung der Integrationsberichterstattung.', '%',
  'Statistisches Landesamt', CASE WHEN j % 3 = 0 THEN 'lower' ELSE 'higher' END, 'tenant', 10 + j, date '2018-01-01', 20 + j, date '2030-12-31', true
FROM T, ${gs(per('indicators'))}`
		},
		{
			table: 'concept_indicator_values',
			sql: `INSERT INTO concept_indicator_values (id, tenant_id, indicator_id, date, value, source_note)
SELECT ${id('value', 'T.n', 'j * 1000 + v')}, T.id, ${id('indicator', 'T.n', 'j')}, (date '2018-01-01' + (v - 1) * interval '1 month')::date,
  10 + j + v / 10.0 + ${r(key('T.n', 'j * 1000 + v'), 90, 50)} / 10.0, 'Erhebung'
FROM T, ${gs(per('indicators'))}, generate_series(1, ${VALUES_PER_INDICATOR}) AS v`
		},
		{
			table: 'inquiries',
			sql: `INSERT INTO inquiries (id, tenant_id, reference, kind, subject, body, name, email, locale, consent_version, consent_at, state, due_on, answered_at, created_at, updated_at)
SELECT ${id('inquiry', 'T.n', 'j')}, T.id, 'A-2026-B' || lpad(j::text, 5, '0'),
  (ARRAY['question','wish','suggestion','complaint','accessibility'])[1 + ${r(key('T.n', 'j'), 95, 5)}],
  ${pick(inquirySubjects, key('T.n', 'j'), 96)}, 'Guten Tag, ' || ${pick(sentences, key('T.n', 'j'), 97)} || ' Mit freundlichen Grüßen',
  ${pick(first, key('T.n', 'j'), 98)}, 'buerger-' || T.n || '-' || j || '@post.example', 'de', '2026-11-01', I.at,
  (ARRAY['new','in_progress','answered'])[1 + ${r(key('T.n', 'j'), 99, 3)}], (I.at + interval '30 days')::date,
  CASE WHEN ${r(key('T.n', 'j'), 99, 3)} = 2 THEN I.at + interval '5 days' END, I.at, I.at
FROM T, ${gs(per('inquiries'))}, LATERAL (SELECT now() - (${r(key('T.n', 'j'), 100, 60)} || ' days')::interval AS at) I`
		}
	];
}

/** The generated tenants: districts, each followed by its municipalities. */
export function tenantRows(scale, seed) {
	const { districts, municipalities } = SCALES[scale];
	const a = [
		'Ammer',
		'Eichen',
		'Linden',
		'Wald',
		'Rot',
		'Mühl',
		'Stein',
		'Birken',
		'Hasel',
		'Buchen',
		'Erlen',
		'Kirch'
	];
	const b = [
		'bach',
		'berg',
		'dorf',
		'feld',
		'hausen',
		'heim',
		'hofen',
		'kirchen',
		'stadt',
		'wang',
		'zell',
		'au'
	];
	const rows = [];
	let n = 0;
	for (let d = 1; d <= districts; d++) {
		const dn = ++n;
		const dd = String(d).padStart(2, '0');
		const short = `${a[(d * 7) % a.length]}${b[(d * 5) % b.length]}`;
		rows.push({
			n: dn,
			d,
			m: 0,
			kind: 'district',
			slug: `bench-kreis-${dd}`,
			name: `Landkreis ${short}`,
			short,
			ags: `99${String(d).padStart(3, '0')}000`,
			parent: null
		});
		for (let m = 1; m <= municipalities; m++) {
			const mn = ++n;
			const mshort = `${a[(d * 3 + m * 7 + seed) % a.length]}${b[(d + m * 5) % b.length]}`;
			rows.push({
				n: mn,
				d,
				m,
				kind: 'municipality',
				slug: `bench-kreis-${dd}-gemeinde-${String(m).padStart(2, '0')}`,
				name: `Gemeinde ${mshort}`,
				short: mshort,
				ags: `99${String(d).padStart(3, '0')}${String(m).padStart(3, '0')}`,
				parent: dn
			});
		}
	}
	return rows;
}

async function openTarget(opts) {
	if (process.env.DATABASE_URL) {
		const { default: postgres } = await import('postgres');
		const client = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
		return {
			kind: 'postgres',
			exec: async (s) => (await client.unsafe(s)).count ?? 0,
			query: async (s) => [...(await client.unsafe(s))],
			close: () => client.end({ timeout: 5 })
		};
	}
	const { PGlite } = await import('@electric-sql/pglite');
	const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
	const pg = await PGlite.create(opts.dataDir, { extensions: { pg_trgm } });
	return {
		kind: 'pglite',
		exec: async (s) => (await pg.exec(s)).at(-1)?.affectedRows ?? 0,
		query: async (s) => (await pg.query(s)).rows,
		close: () => pg.close()
	};
}

/** Starts the production server once: migrations and the demo network, as on a first start. */
async function prepareWithServer(opts) {
	const env = {
		...process.env,
		PORT: String(opts.port),
		SEED_DEMO: '1',
		LOG_LEVEL: 'warn',
		WORKERS: '1',
		...(process.env.DATABASE_URL ? {} : { DATA_DIR: opts.dataDir })
	};
	const child = spawn(process.execPath, ['scripts/start.mjs'], {
		cwd: root,
		env,
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const started = Date.now();
	while (Date.now() - started < 600_000) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
		try {
			if ((await fetch(`http://127.0.0.1:${opts.port}/healthz`)).ok) break;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	child.kill('SIGTERM');
	await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
}

const fmt = (n) => Math.round(n).toLocaleString('en');

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	opts.dataDir ??= path.resolve(
		root,
		process.env.DATA_DIR ?? path.join('bench', '.data', opts.scale)
	);
	const target = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite ${opts.dataDir}`;
	console.log(`bench:data scale=${opts.scale} seed=${opts.seed} → ${target}`);
	const t0 = Date.now();

	if (opts.reset) {
		if (process.env.DATABASE_URL) {
			const db = await openTarget(opts);
			await db.exec(
				'DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;'
			);
			await db.close();
		} else fs.rmSync(opts.dataDir, { recursive: true, force: true });
		console.log('reset: database emptied');
	}
	if (!process.env.DATABASE_URL) fs.mkdirSync(opts.dataDir, { recursive: true });

	if (!opts.noServer) {
		console.log('migrations and demo network (production server, first start) …');
		await prepareWithServer(opts);
		console.log(`  ready after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	}

	const db = await openTarget(opts);
	try {
		const existing = await db.query(
			`SELECT count(*)::int AS n FROM tenants WHERE slug LIKE 'bench-kreis-%'`
		);
		if (existing[0].n > 0) {
			throw new Error(
				`the database already holds ${existing[0].n} generated tenants; run again with --reset`
			);
		}
		const tenants = tenantRows(opts.scale, opts.seed);
		const S = opts.seed;
		const tid = (n) => `md5('${S}:tenant:${n}')::uuid`;
		await db.exec(`INSERT INTO tenants (id, slug, name, kind, land, ags, parent_id, is_public) VALUES
${tenants.map((t) => `(${tid(t.n)}, ${q(t.slug)}, ${q(t.name)}, ${q(t.kind)}, 'BY', ${q(t.ags)}, ${t.parent ? tid(t.parent) : 'NULL'}, true)`).join(',\n')}`);
		console.log(`  tenants           ${fmt(tenants.length)} rows`);
		await db.exec(
			`CREATE TEMP TABLE bench_all (n int, id uuid, kind text, short text, parent uuid)`
		);
		await db.exec(
			`INSERT INTO bench_all VALUES ${tenants.map((t) => `(${t.n}, ${tid(t.n)}, ${q(t.kind)}, ${q(t.short)}, ${t.parent ? tid(t.parent) : 'NULL'})`).join(',')}`
		);
		const batch = 250;
		const total = { rows: 0 };
		for (const { table, sql } of statements(opts.seed)) {
			const started = Date.now();
			let rows = 0;
			for (let from = 1; from <= tenants.length; from += batch) {
				const to = Math.min(tenants.length, from + batch - 1);
				await db.exec(
					`DROP TABLE IF EXISTS T; CREATE TEMP TABLE T AS SELECT * FROM bench_all WHERE n BETWEEN ${from} AND ${to}`
				);
				rows += await db.exec(sql);
				const secs = (Date.now() - started) / 1000;
				process.stdout.write(
					`\r  ${table.padEnd(26)} ${fmt(rows).padStart(10)} rows  ${fmt(rows / Math.max(secs, 0.001)).padStart(9)} rows/s  tenants ${to}/${tenants.length}   `
				);
			}
			process.stdout.write('\n');
			total.rows += rows;
		}
		console.log('ANALYZE …');
		await db.exec('ANALYZE');
		const secs = (Date.now() - t0) / 1000;
		console.log(
			`done: ${fmt(total.rows)} rows in ${secs.toFixed(1)} s (${fmt(total.rows / secs)} rows/s overall)`
		);
	} finally {
		await db.close();
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main().catch((err) => {
		console.error(err instanceof Error ? err.message : err);
		process.exit(1);
	});
}
