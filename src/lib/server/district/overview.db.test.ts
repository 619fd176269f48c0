import { describe, expect, it } from 'vitest';
import { useTestSetup } from '../db/testing/test-db';
import type { Db } from '../db/client';
import { actorCtx } from '../db/testing/test-actors';
import {
	buildBody,
	buildContact,
	buildMeeting,
	buildNeed,
	buildOffer,
	buildOrganization,
	buildTenant
} from '../factories';
import { organizationTenants } from '../organizations/schema';
import { indicators, indicatorValues } from '../concept/indicator-schema';
import { NotFoundError, ValidationError } from '../errors';
import { districtOverview } from './overview';
import { districtReport, districtReportDocument } from './report';
import { saveMunicipalityAnswers } from './exchange';
import { renderHtml } from '../documents/html';
import { renderPdf } from '../documents/pdf';

const DAY = 86_400_000;

/**
 * A district with two municipalities (A and B), each with records of its own and records of the
 * district about it, and a district-wide record.
 */
const scenario = useTestSetup(async (db: Db) => {
	const district = await buildTenant(db, { kind: 'district', name: 'Landkreis Vergleich' });
	const a = await buildTenant(db, {
		kind: 'municipality',
		name: 'Gemeinde Aholming',
		parentId: district.id
	});
	const b = await buildTenant(db, {
		kind: 'municipality',
		name: 'Gemeinde Buch',
		parentId: district.id
	});
	const districtOrg = await buildOrganization(db, district.id, { name: 'Landratsamt' });
	const busOrg = await buildOrganization(db, district.id, { name: 'Beratungsbus' });
	await db.insert(organizationTenants).values({ organizationId: busOrg.id, tenantId: a.id });
	await buildContact(db, district.id, busOrg.id, { name: 'Veronika Zustimmung', consent: true });
	await buildContact(db, district.id, busOrg.id, { name: 'Otto Ohnezustimmung', consent: false });
	const aOrg = await buildOrganization(db, a.id, { name: 'Helferkreis Aholming' });
	const bOrg = await buildOrganization(db, b.id, { name: 'Helferkreis Buch' });
	await buildOffer(db, district.id, districtOrg.id, { title: 'Kreisweite Beratung' });
	await buildOffer(db, district.id, busOrg.id, {
		title: 'Beratungsbus in Aholming',
		municipalityIds: [a.id]
	});
	await buildOffer(db, district.id, districtOrg.id, {
		title: 'Entwurf für Aholming',
		municipalityIds: [a.id],
		status: 'draft'
	});
	await buildOffer(db, district.id, districtOrg.id, {
		title: 'Sprachkurs in Buch (Landkreis)',
		municipalityIds: [b.id]
	});
	await buildOffer(db, a.id, aOrg.id, { title: 'Sprachcafé Aholming' });
	await buildOffer(db, b.id, bOrg.id, { title: 'Interner Entwurf Buch', status: 'draft' });
	await buildNeed(db, district.id, { title: 'Bedarf Kita-Plätze Aholming', municipalityId: a.id });
	await buildNeed(db, district.id, { title: 'Bedarf Wohnraum Buch', municipalityId: b.id });
	await buildNeed(db, b.id, { title: 'Eigener Bedarf Buch' });
	const bBody = await buildBody(db, b.id, { name: 'Runder Tisch Buch' });
	await buildMeeting(db, bBody, { title: 'Interne Sitzung Buch' });
	const net = await buildBody(db, district.id, {
		kind: 'municipal_network',
		name: 'Vernetzungstreffen',
		visibility: 'members'
	});
	const netMeeting = await buildMeeting(db, net, { startsAt: new Date(Date.now() + 10 * DAY) });
	const internalBody = await buildBody(db, district.id, {
		name: 'Interne Projektgruppe',
		visibility: 'members'
	});
	await buildMeeting(db, internalBody, { title: 'Nur Landratsamt' });
	const [share] = await db
		.insert(indicators)
		.values({
			tenantId: district.id,
			name: 'Anteil ausländischer Staatsangehöriger',
			unit: '%',
			direction: 'higher',
			level: 'municipality'
		})
		.returning();
	await db.insert(indicatorValues).values([
		{
			tenantId: district.id,
			indicatorId: share.id,
			municipalityId: a.id,
			date: '2024-12-31',
			value: 9.5
		},
		{
			tenantId: district.id,
			indicatorId: share.id,
			municipalityId: a.id,
			date: '2025-12-31',
			value: 10.2
		},
		{
			tenantId: district.id,
			indicatorId: share.id,
			municipalityId: b.id,
			date: '2025-12-31',
			value: 14.8
		}
	]);
	const districtCo = await actorCtx(db, district, 'coordinator');
	const aCo = await actorCtx(db, a, 'coordinator');
	const bCo = await actorCtx(db, b, 'coordinator');
	return { db, district, a, b, districtCo, aCo, bCo, netMeeting };
});

const titles = (list: { items: { title: string }[] }) => list.items.map((x) => x.title).sort();

describe('the district-wide view', () => {
	it('the district coordinator sees every municipality; the filter narrows to one', async () => {
		const s = await scenario();
		const all = await districtOverview(s.districtCo);
		expect(all.mode).toBe('district');
		expect(all.municipalities.map((m) => m.name)).toEqual(['Gemeinde Aholming', 'Gemeinde Buch']);
		expect(titles(all.offers)).toEqual([
			'Beratungsbus in Aholming',
			'Entwurf für Aholming',
			'Interner Entwurf Buch',
			'Kreisweite Beratung',
			'Sprachcafé Aholming',
			'Sprachkurs in Buch (Landkreis)'
		]);
		expect(all.meetings.items.map((m) => m.title)).toContain('Interne Sitzung Buch');

		const onlyA = await districtOverview(s.districtCo, { municipality: s.a.slug });
		expect(onlyA.selected?.id).toBe(s.a.id);
		expect(titles(onlyA.offers)).toEqual([
			'Beratungsbus in Aholming',
			'Entwurf für Aholming',
			'Kreisweite Beratung',
			'Sprachcafé Aholming'
		]);
		expect(titles(onlyA.needs)).toEqual(['Bedarf Kita-Plätze Aholming']);
		expect(onlyA.organizations.items.map((o) => o.name).sort()).toEqual([
			'Beratungsbus',
			'Helferkreis Aholming'
		]);
		expect(onlyA.figures.items).toEqual([
			expect.objectContaining({ scope: 'Gemeinde Aholming', value: 10.2, date: '2025-12-31' })
		]);
		expect(onlyA.meetings.items.map((m) => m.title)).not.toContain('Interne Sitzung Buch');

		const onlyB = await districtOverview(s.districtCo, { municipality: s.b.slug });
		expect(titles(onlyB.needs)).toEqual(['Bedarf Wohnraum Buch', 'Eigener Bedarf Buch']);
		expect(onlyB.figures.items.map((f) => f.value)).toEqual([14.8]);
	});

	it('an unknown municipality in the filter is a 404, not everything', async () => {
		const s = await scenario();
		const elsewhere = await buildTenant(s.db, { kind: 'municipality' });
		await expect(
			districtOverview(s.districtCo, { municipality: elsewhere.slug })
		).rejects.toBeInstanceOf(NotFoundError);
	});

	it('a municipality coordinator sees its own and the district’s shared items, never another municipality’s', async () => {
		const s = await scenario();
		// the filter is ignored: always the own municipality
		const view = await districtOverview(s.aCo, { municipality: s.b.slug });
		expect(view.mode).toBe('municipality');
		expect(view.municipalities.map((m) => m.id)).toEqual([s.a.id]);
		expect(titles(view.offers)).toEqual([
			'Beratungsbus in Aholming',
			'Kreisweite Beratung',
			'Sprachcafé Aholming'
		]);
		expect(titles(view.needs)).toEqual(['Bedarf Kita-Plätze Aholming']);
		const orgs = view.organizations.items;
		expect(orgs.map((o) => o.name).sort()).toEqual(['Beratungsbus', 'Helferkreis Aholming']);
		// the district's contacts only with consent
		expect(orgs.find((o) => o.name === 'Beratungsbus')!.contacts.map((c) => c.name)).toEqual([
			'Veronika Zustimmung'
		]);
		expect(view.figures.items.map((f) => f.scope)).toEqual(['Gemeinde Aholming']);
		const meetingTitles = view.meetings.items.map((m) => m.body);
		expect(meetingTitles).toContain('Vernetzungstreffen');
		expect(meetingTitles).not.toContain('Interne Projektgruppe');
		expect(meetingTitles).not.toContain('Runder Tisch Buch');
		const text = JSON.stringify(view);
		for (const hidden of ['Buch', 'Otto Ohnezustimmung', 'Entwurf für Aholming'])
			expect(text).not.toContain(hidden);
	});

	it('only coordinators: members, another district and a municipality in the district’s place are refused', async () => {
		const s = await scenario();
		await expect(
			districtOverview(await actorCtx(s.db, s.district, 'member'))
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(districtOverview(await actorCtx(s.db, s.a, 'member'))).rejects.toBeInstanceOf(
			NotFoundError
		);
		// a municipality's coordinator asking in the district's name
		await expect(
			districtOverview({ ...s.aCo, tenant: { ...s.districtCo.tenant } })
		).rejects.toBeInstanceOf(NotFoundError);
		const other = await buildTenant(s.db, { kind: 'district' });
		await expect(
			districtOverview({
				...(await actorCtx(s.db, other, 'coordinator')),
				tenant: s.districtCo.tenant
			})
		).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('the district report', () => {
	it('compares the municipalities for a period, as HTML and tagged PDF', async () => {
		const s = await scenario();
		await saveMunicipalityAnswers(s.aCo, {
			meetingId: s.netMeeting.id,
			worksWell: 'Helferkreis trägt die Arbeit'
		});
		const from = '2025-01-01';
		const to = new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
		const report = await districtReport(s.districtCo, { from, to });
		const a = report.rows.find((r) => r.municipality.id === s.a.id)!;
		const b = report.rows.find((r) => r.municipality.id === s.b.id)!;
		// published: district-wide + for A + A's own; drafts do not count
		expect(a.offers).toBe(3);
		expect(b.offers).toBe(2);
		expect(a.exchangeAnswered).toBe(1);
		expect(b.exchangeAnswered).toBe(0);
		expect(a.exchangeMeetings).toBe(1);
		// the value of 2024 lies before the period
		expect(a.figures['Anteil ausländischer Staatsangehöriger']).toEqual({
			value: 10.2,
			date: '2025-12-31'
		});
		expect(report.exchange[0].missing).toEqual(['Gemeinde Buch']);
		const doc = districtReportDocument(report);
		const html = renderHtml(doc);
		expect(html).toContain('Vergleich der Gemeinden – Landkreis Vergleich');
		expect(html).toContain('<th scope="row">Gemeinde Aholming</th>');
		expect(html).toContain('10,2 (31.12.2025)');
		expect(html).toContain('Helferkreis trägt die Arbeit');
		const pdf = await renderPdf(doc, { compress: false });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.toString('latin1')).toContain('/StructTreeRoot');
	});

	it('refuses a wrong period and a municipality', async () => {
		const s = await scenario();
		await expect(
			districtReport(s.districtCo, { from: '2025-06-01', to: '2025-01-01' })
		).rejects.toMatchObject({ fieldErrors: { to: 'district_error_period_order' } });
		await expect(
			districtReport(s.districtCo, { from: '2025-02-30', to: '2025-03-01' })
		).rejects.toBeInstanceOf(ValidationError);
		await expect(districtReport(s.aCo, {})).rejects.toBeInstanceOf(NotFoundError);
	});
});
