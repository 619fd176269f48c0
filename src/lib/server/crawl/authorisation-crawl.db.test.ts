/**
 * Issue 16, item 3: the authorisation crawl. Every route of src/routes (pages with their server
 * layouts, endpoints, and each form action) is called through its real server code with a
 * constructed request event, the way the server hook prepares it (session actor, tenant resolved
 * by resolveRequestTenant), as anonymous, as each role of two tenants of the demo (Landshut and
 * Gifhorn: coordinator, editor, member, steering, guest, and the body roles speaker, deputy and
 * moderator; accounts the demo lacks are added) and as the platform admin, with the OTHER
 * tenant's ids in its parameters:
 *
 * - under the own tenant's address with another tenant's object, and (signed-in area) under the
 *   other tenant's address: the answer must be 404/403/401 or a redirect to sign-in, and must not
 *   contain the identifying text (title, name, subject, file name) of the object asked for;
 * - pages without an id (the own tenant's lists, the account) must not answer 500, and in the
 *   signed-in area must not show the other tenant's objects' texts;
 * - the platform admin may see every tenant (policy.ts), so for the admin alone the probe under
 *   the other tenant's own address with that tenant's objects is allowed (no 500 is the only
 *   rule, and most pages must answer 200); the admin's other probes keep every rule, as an id of
 *   another tenant under a tenant's address is a scoping error whoever asks.
 *
 * It prints a table route × role → status and fails on any leak, any 500, and any route of
 * src/routes missing from CRAWLED_ROUTES (routes.ts).
 */
import { isActionFailure, isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { createTestDb, testCtx } from '../db/testing/test-db';
import { seedDemo } from '../demo/seed';
import { loadActor } from '../auth/sessions';
import type { Actor } from '../auth/actor';
import { buildBody, buildMembership, buildOrganization, buildUser, grantRole } from '../factories';
import { resolveRequestTenant, tenantArea } from '../tenants/resolve';
import { requireActor } from '../guards';
import { createLogger } from '../log/logger';
import { conceptEditions } from '../concept/schema';
import { priorityRounds } from '../concept/prioritisation-schema';
import { revisions } from '../offers/schema';
import { statusReports, statusReportVersions } from '../reports/schema';
import { files as fileRows } from '../meetings/schema';
import { paperFiles } from '../papers/schema';
import { loadOrganizationState } from '../organizations/state';
import { CRAWLED_ROUTES, concretePath, paramNames, routeIdOf, type ParamKind } from './routes';
import { BUILT_IN_ENTRIES } from '../search/thesaurus';

type Module = Record<string, unknown>;
const files = import.meta.glob<Module>([
	'/src/routes/**/+page.server.ts',
	'/src/routes/**/+layout.server.ts',
	'/src/routes/**/+server.ts'
]);

interface RouteFiles {
	id: string;
	page?: () => Promise<Module>;
	layout?: () => Promise<Module>;
	endpoint?: () => Promise<Module>;
}
const routes = new Map<string, RouteFiles>();
for (const [file, load] of Object.entries(files)) {
	const id = routeIdOf(file);
	const entry = routes.get(id) ?? { id };
	if (file.endsWith('+page.server.ts')) entry.page = load;
	else if (file.endsWith('+layout.server.ts')) entry.layout = load;
	else entry.endpoint = load;
	routes.set(id, entry);
}

const ORIGIN = 'http://localhost:3000';
const silentLog = createLogger(
	'fatal',
	new Writable({
		write(_c, _e, done) {
			done();
		}
	})
);

let database: Database;
interface TenantInfo {
	id: string;
	slug: string;
}
let landshut: TenantInfo;
let gifhorn: TenantInfo;

interface Subject {
	label: string;
	tenant: TenantInfo | null;
	actor: Actor | null;
}
const subjects: Subject[] = [];

beforeAll(async () => {
	database = await createTestDb();
	const db = database.db;
	await seedDemo(db);
	const tenants = await query<{ id: string; slug: string }>(
		sql`SELECT id::text AS id, slug FROM tenants WHERE slug IN ('landshut', 'landkreis-gifhorn')`
	);
	landshut = tenants.find((t) => t.slug === 'landshut')!;
	gifhorn = tenants.find((t) => t.slug === 'landkreis-gifhorn')!;

	// Gifhorn gets the roles the demo gives only Landshut: member, editor, speaker of a body.
	const org = await buildOrganization(db, gifhorn.id, { name: 'Crawl-Träger Gifhorn' });
	const body =
		(
			await query<{ id: string; tenantId: string }>(
				sql`SELECT id::text AS id, tenant_id::text AS "tenantId" FROM bodies WHERE tenant_id = ${gifhorn.id} LIMIT 1`
			)
		)[0] ?? (await buildBody(db, gifhorn.id, { name: 'Crawl-Arbeitskreis Gifhorn' }));
	const member = await buildUser(db, { email: 'crawl-mitglied@gifhorn.example' });
	await grantRole(db, gifhorn.id, member.id, 'member');
	const editor = await buildUser(db, { email: 'crawl-redaktion@gifhorn.example' });
	await grantRole(db, gifhorn.id, editor.id, 'editor', [org.id]);
	const speaker = await buildUser(db, { email: 'crawl-sprecherin@gifhorn.example' });
	await grantRole(db, gifhorn.id, speaker.id, 'member');
	await buildMembership(db, body, speaker.id, 'speaker');
	// and both tenants the roles the demo gives neither: the steering group (Steuerungsgruppe),
	// guests, and the body roles deputy and moderator (on top of a member's tenant role)
	const landshutBody = (
		await query<{ id: string; tenantId: string }>(
			sql`SELECT id::text AS id, tenant_id::text AS "tenantId" FROM bodies WHERE tenant_id = ${landshut.id} ORDER BY id LIMIT 1`
		)
	)[0];
	for (const [tenant, place, tenantBody] of [
		[landshut, 'landshut', landshutBody],
		[gifhorn, 'gifhorn', body]
	] as const) {
		for (const role of ['steering', 'guest'] as const) {
			const user = await buildUser(db, { email: `crawl-${role}@${place}.example` });
			await grantRole(db, tenant.id, user.id, role);
		}
		for (const role of ['deputy', 'moderator'] as const) {
			const user = await buildUser(db, { email: `crawl-${role}@${place}.example` });
			await grantRole(db, tenant.id, user.id, 'member');
			await buildMembership(db, tenantBody, user.id, role);
		}
	}
	// kinds the demo has in Landshut only: a prioritisation round and a proposed change
	const [edition] = await db
		.insert(conceptEditions)
		.values({ tenantId: gifhorn.id, title: 'Crawl-Konzept Gifhorn' })
		.returning();
	await db.insert(priorityRounds).values({
		tenantId: gifhorn.id,
		editionId: edition.id,
		title: 'Crawl-Priorisierung Gifhorn',
		pointsPerMember: 5
	});
	await db.insert(revisions).values({
		tenantId: gifhorn.id,
		entityType: 'organization',
		entityId: org.id,
		// shaped as proposeRevision stores it (the review page and its actions read the state)
		proposed: {
			state: { ...(await loadOrganizationState(db, org)), name: 'Crawl-Änderung Gifhorn' }
		},
		submittedBy: editor.id
	});
	// and what the demo has in Gifhorn only: a status report with a frozen version, files
	const [report] = await db
		.insert(statusReports)
		.values({
			tenantId: landshut.id,
			title: 'Crawl-Sachstandsbericht Landshut',
			periodStart: '2025-01-01',
			periodEnd: '2025-06-30'
		})
		.returning();
	await db
		.insert(statusReportVersions)
		.values({ tenantId: landshut.id, reportId: report.id, version: 1, content: {} });
	// a paper attachment in each of the two tenants (the demo has none)
	// (Gifhorn's, and one of a tenant other than Gifhorn: Landshut has no papers)
	for (const inGifhorn of [true, false]) {
		const [paper] = await query<{ id: string; tenantId: string }>(
			sql`SELECT id::text AS id, tenant_id::text AS "tenantId" FROM papers
			    WHERE ${inGifhorn ? sql`tenant_id = ${gifhorn.id}` : sql`tenant_id <> ${gifhorn.id}`}
			    ORDER BY (tenant_id = ${landshut.id}) DESC LIMIT 1`
		);
		if (!paper) continue;
		const tenant = { id: paper.tenantId, slug: inGifhorn ? gifhorn.slug : 'other' };
		const [file] = await db
			.insert(fileRows)
			.values({
				tenantId: tenant.id,
				fileName: `crawl-anlage-${tenant.slug}.pdf`,
				mediaType: 'application/pdf',
				size: 5,
				sha256: '0'.repeat(64),
				content: Buffer.from('%PDF-'),
				isPublic: true
			})
			.returning();
		await db.insert(paperFiles).values({ tenantId: tenant.id, paperId: paper.id, fileId: file.id });
	}

	const actorOf = async (email: string) => {
		const [user] = await query<{ id: string }>(
			sql`SELECT id::text AS id FROM users WHERE email = ${email}`
		);
		return (await loadActor(db, user.id))!;
	};
	subjects.push({ label: 'anonymous', tenant: null, actor: null });
	for (const [label, tenant, email] of [
		['LA coordinator', landshut, 'koordination@landshut.example'],
		['LA editor', landshut, 'redaktion@landshut.example'],
		['LA member', landshut, 'mitglied@landshut.example'],
		['LA speaker', landshut, 'sprecherin@landshut.example'],
		['GF coordinator', gifhorn, 'koordination@gifhorn.example'],
		['GF editor', gifhorn, 'crawl-redaktion@gifhorn.example'],
		['GF member', gifhorn, 'crawl-mitglied@gifhorn.example'],
		['GF speaker', gifhorn, 'crawl-sprecherin@gifhorn.example'],
		...(['landshut', 'gifhorn'] as const).flatMap((place) =>
			(['steering', 'guest', 'deputy', 'moderator'] as const).map(
				(role) =>
					[
						`${place === 'landshut' ? 'LA' : 'GF'} ${role}`,
						place === 'landshut' ? landshut : gifhorn,
						`crawl-${role}@${place}.example`
					] as const
			)
		),
		// the platform admin may see every tenant (policy.ts): crawled last, under Landshut's
		// address, as the admin's 't' probes are allowed to act on Gifhorn's objects
		['platform admin', landshut, 'admin@miteinander.example']
	] as const) {
		const actor = await actorOf(email);
		expect(actor.isPlatformAdmin, label).toBe(label === 'platform admin');
		subjects.push({ label, tenant, actor });
	}
}, 240_000);
afterAll(() => database?.close());

async function query<T>(q: ReturnType<typeof sql>): Promise<T[]> {
	const result = (await database.db.execute(q)) as unknown as { rows?: T[] } | T[];
	return Array.isArray(result) ? result : (result.rows ?? []);
}

/** Another tenant's object of a kind: its id(s) for the parameters and its identifying text. */
interface Picked {
	params: Record<string, string>;
	text: string | null;
}

/**
 * An object of `kind` outside `own` (preferably in `prefer`) whose text does not occur in `own`
 * (so that finding it on a page is a leak, not a coincidence of names).
 */
/** The built-in thesaurus's terms, lower case: platform text that every tenant's pages may show. */
const BUILT_IN_TERMS = new Set(BUILT_IN_ENTRIES.map((e) => e.term.toLowerCase()));

async function pick(kind: ParamKind, own: string, prefer: string): Promise<Picked | null> {
	const order = sql`ORDER BY (x.tenant_id = ${prefer}) DESC, x.id LIMIT 1`;
	const notOwn = (table: string, column: string) =>
		sql.raw(
			`NOT EXISTS (SELECT 1 FROM ${table} y WHERE y.tenant_id = '${own}' AND strpos(y.${column}, x.${column}) > 0)`
		);
	const simple = async (table: string, column: string) => {
		const [row] = await query<{ id: string; text: string | null }>(
			sql`SELECT x.id::text AS id, x.${sql.raw(column)}::text AS text FROM ${sql.raw(table)} x WHERE x.tenant_id <> ${own} AND ${notOwn(table, column)} ${order}`
		);
		return row ?? null;
	};
	const one = async (param: string, table: string, column: string) => {
		const row = await simple(table, column);
		return row ? { params: { [param]: row.id }, text: row.text } : null;
	};
	switch (kind) {
		case 'offer': {
			const [row] = await query<{ id: string; text: string }>(
				sql`SELECT x.id::text AS id, t.title AS text FROM offers x JOIN offer_texts t ON t.offer_id = x.id
				    WHERE x.tenant_id <> ${own} AND NOT EXISTS (SELECT 1 FROM offers o2 JOIN offer_texts t2 ON t2.offer_id = o2.id WHERE o2.tenant_id = ${own} AND strpos(t2.title, t.title) > 0) ${order}`
			);
			return row ? { params: { id: row.id }, text: row.text } : null;
		}
		case 'organization': {
			const [row] = await query<{ id: string; text: string }>(
				sql`SELECT x.id::text AS id, x.name AS text FROM organizations x
				    WHERE NOT EXISTS (SELECT 1 FROM organization_tenants ot WHERE ot.organization_id = x.id AND ot.tenant_id = ${own})
				      AND EXISTS (SELECT 1 FROM organization_tenants ot WHERE ot.organization_id = x.id)
				    ORDER BY EXISTS (SELECT 1 FROM organization_tenants ot WHERE ot.organization_id = x.id AND ot.tenant_id = ${prefer}) DESC, x.id LIMIT 1`
			);
			return row ? { params: { id: row.id }, text: row.text } : null;
		}
		case 'news':
			return one('id', 'news_items', 'title');
		case 'event':
			return one('id', 'network_events', 'title');
		case 'measure':
			return one('id', 'concept_measures', 'title');
		case 'indicator':
			return one('id', 'concept_indicators', 'name');
		case 'round':
			return one('id', 'concept_priority_rounds', 'title');
		case 'body':
			return one('body', 'bodies', 'name');
		case 'meeting':
			return one('meeting', 'meetings', 'title');
		case 'need':
			return one('id', 'needs', 'title');
		case 'paper':
			return one('id', 'papers', 'title');
		case 'report':
			return one('id', 'status_reports', 'title');
		case 'process':
			return one('id', 'consultation_processes', 'title');
		case 'inquiry':
			return one('id', 'inquiries', 'subject');
		case 'revision': {
			const [row] = await query<{ id: string }>(
				sql`SELECT x.id::text AS id FROM revisions x WHERE x.tenant_id <> ${own} ${order}`
			);
			return row ? { params: { id: row.id }, text: null } : null;
		}
		case 'file':
			return one('file', 'files', 'file_name');
		case 'dialogue': {
			const [row] = await query<{ id: string; process: string; text: string }>(
				sql`SELECT x.id::text AS id, x.process_id::text AS process, x.title AS text FROM dialogues x
				    WHERE x.tenant_id <> ${own} AND ${notOwn('dialogues', 'title')} ${order}`
			);
			return row ? { params: { id: row.process, dialogue: row.id }, text: row.text } : null;
		}
		case 'paperFile': {
			const [row] = await query<{ paper: string; file: string; text: string }>(
				sql`SELECT pf.paper_id::text AS paper, x.id::text AS file, x.file_name AS text
				    FROM paper_files pf JOIN files x ON x.id = pf.file_id
				    WHERE x.tenant_id <> ${own} ${order}`
			);
			return row ? { params: { id: row.paper, file: row.file }, text: row.text } : null;
		}
		case 'reportVersion': {
			const [row] = await query<{ report: string; version: string; text: string }>(
				sql`SELECT x.report_id::text AS report, x.version::text AS version, r.title AS text
				    FROM status_report_versions x JOIN status_reports r ON r.id = x.report_id
				    WHERE x.tenant_id <> ${own} ${order}`
			);
			return row ? { params: { id: row.report, version: row.version }, text: row.text } : null;
		}
		case 'translationType':
			return { params: { type: 'offer' }, text: null };
		case 'locale':
			return { params: { locale: 'ar' }, text: null };
		case 'token':
			return { params: { token: 'crawl-unknown-token-0123456789abcdef' }, text: null };
		case 'tenantContact':
			return one('id', 'tenant_contacts', 'name');
		case 'touringStop':
			return one('id', 'touring_stops', 'place');
		case 'oparlPath':
			return { params: { path: 'body/00000000-0000-4000-8000-000000000000' }, text: null };
	}
}

const picks = new Map<string, Promise<Picked | null>>();
/** The parameters of a probe (picked once per route kinds and tenant). */
function foreignParams(
	kinds: Record<string, ParamKind>,
	own: string,
	prefer: string
): Promise<Picked | null> {
	const key = JSON.stringify([kinds, own, prefer]);
	if (!picks.has(key)) picks.set(key, pickParams(kinds, own, prefer));
	return picks.get(key)!;
}

/** One picked object per kind (pairs like paper + file together). */
async function pickParams(
	kinds: Record<string, ParamKind>,
	own: string,
	prefer: string
): Promise<Picked | null> {
	const params: Record<string, string> = {};
	const texts: string[] = [];
	// the pair kinds first: they fix the parent's id too
	const ordered = Object.entries(kinds).sort(([, a], [, b]) => rank(a) - rank(b));
	for (const [name, kind] of ordered) {
		if (name in params) continue;
		const picked = await pick(kind, own, prefer);
		if (!picked) return null;
		for (const [k, v] of Object.entries(picked.params)) params[k] ??= v;
		if (picked.text) texts.push(picked.text);
	}
	return { params, text: texts.find((t) => t.trim().length >= 6) ?? null };
}
const rank = (k: ParamKind) => (['dialogue', 'paperFile', 'reportVersion'].includes(k) ? 0 : 1);

interface Outcome {
	status: number;
	location?: string;
	body: string;
	error?: unknown;
}

function serialise(value: unknown): string {
	try {
		return JSON.stringify(value, (_k, v) =>
			typeof v === 'bigint'
				? String(v)
				: v instanceof Uint8Array
					? `[${v.length} bytes]`
					: v instanceof Promise
						? '[promise]'
						: v
		);
	} catch {
		return String(value);
	}
}

async function outcomeOf(fn: () => unknown): Promise<Outcome> {
	try {
		const result = await fn();
		if (result instanceof Response) {
			const body = await result.text().catch(() => '');
			return {
				status: result.status,
				location: result.headers.get('location') ?? undefined,
				body
			};
		}
		if (isActionFailure(result)) return { status: result.status, body: serialise(result.data) };
		return { status: 200, body: serialise(result) };
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, location: e.location, body: '' };
		if (isHttpError(e)) return { status: e.status, body: serialise(e.body) };
		return { status: 500, body: String(e), error: e };
	}
}

/** The request event the server hook would hand the route (session, tenant, context). */
async function eventFor(
	routeId: string,
	params: Record<string, string>,
	subject: Subject,
	method: 'GET' | 'POST'
): Promise<RequestEvent> {
	const url = new URL(`${ORIGIN}${concretePath(routeId, params)}`);
	const request = new Request(url, {
		method,
		headers: { origin: ORIGIN, accept: 'text/html' },
		body: method === 'POST' ? new FormData() : undefined
	});
	const ctx = testCtx(database.db, subject.actor, { ip: '203.0.113.9', requestId: 'crawl' });
	const locals = {
		ctx,
		actor: subject.actor,
		sessionToken: subject.actor ? 'crawl-session' : null,
		tenant: null,
		requestId: 'crawl',
		log: silentLog,
		demo: false
	} as unknown as App.Locals;
	const event = {
		request,
		url,
		params,
		route: { id: routeId },
		locals,
		cookies: {
			get: () => undefined,
			getAll: () => [],
			set: () => {},
			delete: () => {},
			serialize: () => ''
		},
		getClientAddress: () => '203.0.113.9',
		setHeaders: () => {},
		isDataRequest: false,
		isSubRequest: false,
		isRemoteRequest: false,
		platform: undefined,
		fetch: () => Promise.reject(new Error('no fetch in the crawl')),
		depends: () => {},
		untrack: <T>(fn: () => T) => fn(),
		parent: async () => ({})
	} as unknown as RequestEvent;
	// as handleTenant in hooks.server.ts
	const area = tenantArea(routeId);
	if (area && params.tenant !== undefined) {
		if (area === 'app') requireActor(event);
		const tenant = await resolveRequestTenant(database.db, area, params.tenant, subject.actor);
		(locals as unknown as { tenant: unknown }).tenant = tenant;
		ctx.tenant = tenant;
	}
	return event;
}

/** The server layouts above a page, outermost first. */
function layoutsOf(routeId: string): RouteFiles[] {
	return [...routes.values()]
		.filter((r) => r.layout && (r.id === '/' || r.id === routeId || routeId.startsWith(`${r.id}/`)))
		.sort((a, b) => a.id.length - b.id.length);
}

/** GET of a page (its layouts' and its own load) or an endpoint. */
async function get(route: RouteFiles, params: Record<string, string>, subject: Subject) {
	return outcomeOf(async () => {
		const event = await eventFor(route.id, params, subject, 'GET');
		if (route.endpoint) {
			const mod = await route.endpoint();
			const handler = (mod.GET ?? mod.fallback) as ((e: RequestEvent) => unknown) | undefined;
			if (!handler) return new Response(null, { status: 405 });
			return handler(event);
		}
		let data: Record<string, unknown> = {};
		const chain = [...layoutsOf(route.id).map((r) => r.layout!), route.page!];
		for (const file of chain) {
			const mod = await file();
			const load = mod.load as ((e: RequestEvent) => unknown) | undefined;
			if (!load) continue;
			const parentData = data;
			const result = await load({ ...event, parent: async () => parentData } as RequestEvent);
			data = { ...data, ...(result as Record<string, unknown>) };
		}
		return data;
	});
}

/** POST of each form action of a page (an empty form) and of the endpoint's other methods. */
async function post(route: RouteFiles, params: Record<string, string>, subject: Subject) {
	const outcomes: { name: string; outcome: Outcome }[] = [];
	if (route.page) {
		const actions = ((await route.page()).actions ?? {}) as Record<
			string,
			(e: RequestEvent) => unknown
		>;
		for (const [name, action] of Object.entries(actions))
			outcomes.push({
				name,
				outcome: await outcomeOf(async () =>
					action(await eventFor(route.id, params, subject, 'POST'))
				)
			});
	}
	if (route.endpoint) {
		const mod = await route.endpoint();
		for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
			if (typeof mod[method] === 'function')
				outcomes.push({
					name: method,
					outcome: await outcomeOf(async () =>
						(mod[method] as (e: RequestEvent) => unknown)(
							await eventFor(route.id, params, subject, 'POST')
						)
					)
				});
	}
	return outcomes;
}

const toSignIn = (o: Outcome) =>
	o.status >= 300 && o.status < 400 && (o.location ?? '').startsWith('/anmelden');

/**
 * Whether an answer refuses the probe: 404/403/401 or a redirect to sign-in. Also accepted, as
 * they show nothing of the object: 405 (a GET of an endpoint that only takes posts) and, for an
 * (empty) form post, a 400 that refused the form's fields before the object was looked up (the
 * same answer for any id; counted and printed). A made-up token of a token page (invitation,
 * password reset) may show that page's own "this link is not valid" (200/400).
 */
function denied(o: Outcome, kind: 'get' | 'post', token: boolean): boolean {
	if ([401, 403, 404].includes(o.status) || toSignIn(o)) return true;
	if (o.status === 405) return true;
	if (token && (o.status === 200 || o.status === 400)) return true;
	return kind === 'post' && o.status === 400;
}

interface Cell {
	route: string;
	subject: string;
	statuses: string[];
}
const table: Cell[] = [];
const problems: string[] = [];
let requests = 0;

function record(route: string, subject: string, probe: string, outcome: Outcome) {
	requests += 1;
	let cell = table.find((c) => c.route === route && c.subject === subject);
	if (!cell) table.push((cell = { route, subject, statuses: [] }));
	cell.statuses.push(`${probe}${outcome.status}`);
}

/** The crawlable routes: pages with a server file and endpoints (layouts run with their pages). */
const crawlable = () => [...routes.values()].filter((r) => r.page || r.endpoint);

describe('authorisation crawl over every route, role and the other tenant’s ids', () => {
	it('covers every route of src/routes (a new route must be added to CRAWLED_ROUTES)', () => {
		const enumerated = [...routes.keys()].sort();
		const missing = enumerated.filter((id) => !(id in CRAWLED_ROUTES));
		const stale = Object.keys(CRAWLED_ROUTES).filter((id) => !routes.has(id));
		expect(
			missing,
			`routes not covered by the authorisation crawl: add them to CRAWLED_ROUTES in src/lib/server/crawl/routes.ts with the kind of each parameter`
		).toEqual([]);
		expect(stale, 'CRAWLED_ROUTES lists routes that no longer exist').toEqual([]);
		for (const id of enumerated)
			expect(
				paramNames(id)
					.filter((p) => p !== 'tenant')
					.sort(),
				`parameters of ${id}`
			).toEqual(Object.keys(CRAWLED_ROUTES[id]).sort());
		expect(enumerated.length).toBeGreaterThan(150);
	});

	it('never answers another tenant’s ids with its data, nor any route with a 500', async () => {
		let adminProbes = 0;
		let adminReached = 0;
		const others = { [landshut.id]: gifhorn, [gifhorn.id]: landshut };
		const allTexts = new Map<string, Set<string>>();
		for (const subject of subjects) {
			const own = subject.tenant ?? landshut;
			const other = others[own.id];
			// the other tenant's texts: must not appear on the own tenant's signed-in pages
			let texts = allTexts.get(own.id);
			if (!texts) {
				texts = new Set<string>();
				// (not papers: a status report's paper is titled like the next report's suggested title;
				// not a title that is a term of the built-in thesaurus, which every tenant's search
				// terms page lists, e.g. an offer titled "Alphabetisierungskurs")
				for (const kind of ['offer', 'news', 'event', 'body', 'meeting', 'need'] as const) {
					const picked = await pick(kind, own.id, other.id);
					if (
						picked?.text &&
						picked.text.trim().length >= 12 &&
						!BUILT_IN_TERMS.has(picked.text.trim().toLowerCase())
					)
						texts.add(picked.text);
				}
				allTexts.set(own.id, texts);
			}
			for (const route of crawlable()) {
				const kinds = CRAWLED_ROUTES[route.id];
				if (!kinds) continue;
				const hasTenant = paramNames(route.id).includes('tenant');
				const isApp = tenantArea(route.id) === 'app';
				const probes: {
					name: string;
					params: Record<string, string>;
					text: string | null;
					/** the platform admin's probe of the other tenant: allowed to see it (policy.ts) */
					allowed?: boolean;
				}[] = [];
				const ids = Object.keys(kinds).length > 0;
				const foreign = await foreignParams(kinds, own.id, other.id);
				if (ids && !foreign) {
					problems.push(`${route.id}: no object of another tenant for ${JSON.stringify(kinds)}`);
					continue;
				}
				const base = { ...(foreign?.params ?? {}), ...(hasTenant ? { tenant: own.slug } : {}) };
				probes.push({ name: ids ? 'x' : 'o', params: base, text: foreign?.text ?? null });
				if (isApp && subject.tenant) {
					// the other tenant's address with its objects
					probes.push({
						name: 't',
						params: { ...(foreign?.params ?? {}), tenant: other.slug },
						text: foreign?.text ?? null,
						allowed: subject.actor?.isPlatformAdmin === true
					});
				}
				for (const probe of probes) {
					// the platform admin keeps every rule but one: under the other tenant's own
					// address its objects are theirs to see (probe 't'): there, only no 500
					const mustDeny = probe.name !== 'o' && !probe.allowed;
					const token = Object.values(kinds).includes('token');
					const check = (what: string, o: Outcome) => {
						const where = `${subject.label} ${what} ${concretePath(route.id, probe.params)}`;
						if (o.status >= 500)
							problems.push(`${where}: ${o.status} ${String(o.error ?? o.body).slice(0, 300)}`);
						else if (mustDeny && !denied(o, what === 'GET' ? 'get' : 'post', token))
							problems.push(
								`${where}: answered ${o.status}${o.location ? ` → ${o.location}` : ''}`
							);
						if (probe.allowed) return;
						const leaked = [
							...(probe.text ? [probe.text] : []),
							...(isApp && !mustDeny ? texts : [])
						].filter((t) => o.body.includes(t));
						if (leaked.length) problems.push(`${where}: shows ${leaked.join(', ')}`);
					};
					const got = await get(route, probe.params, subject);
					record(route.id, subject.label, probe.name, got);
					check('GET', got);
					if (probe.allowed) {
						adminProbes += 1;
						if (got.status === 200) adminReached += 1;
					}
					// form actions and write methods only where a parameter is another tenant's
					// (and the admin's, last of all, with the other tenant's objects)
					if (probe.name !== 'o') {
						for (const { name, outcome } of await post(route, probe.params, subject)) {
							record(route.id, subject.label, `${probe.name}:${name}=`, outcome);
							check(`POST ${name}`, outcome);
						}
					}
				}
			}
		}

		printTable();
		console.log(
			`platform admin under the other tenant's address: ${adminReached} of ${adminProbes} pages answered 200`
		);
		expect(problems).toEqual([]);
		// the admin's exception is not vacuous: the admin does get into the other tenant
		expect(adminProbes).toBeGreaterThan(100);
		expect(adminReached).toBeGreaterThan(adminProbes / 2);
	}, 1_500_000);
});

function printTable() {
	const labels = subjects.map((s) => s.label);
	const width = Math.max(...table.map((c) => c.route.length));
	const lines = [
		'Authorisation crawl (probe o = own tenant without ids, x = own tenant with another tenant’s ids, t = the other tenant’s address; name= is a form action or method)',
		`${'route'.padEnd(width)} | ${labels.join(' | ')}`
	];
	for (const route of [...new Set(table.map((c) => c.route))])
		lines.push(
			`${route.padEnd(width)} | ${labels
				.map(
					(l) => table.find((c) => c.route === route && c.subject === l)?.statuses.join(' ') ?? '-'
				)
				.join(' | ')}`
		);
	const byStatus = new Map<string, number>();
	for (const cell of table)
		for (const s of cell.statuses) {
			const status = s.replace(/^.*?(\d{3})$/, '$1');
			byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
		}
	lines.push(
		`${requests} requests over ${new Set(table.map((c) => c.route)).size} routes × ${labels.length} roles; by status: ${[
			...byStatus
		]
			.sort()
			.map(([s, n]) => `${s}: ${n}`)
			.join(', ')}; problems: ${problems.length}`
	);
	console.log(lines.join('\n'));
}
