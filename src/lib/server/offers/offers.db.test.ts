import { withTenant } from '../context';
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestSetup } from '../db/testing/test-db';
import type { Db } from '../db/client';
import { actorCtx } from '../db/testing/test-actors';
import {
	buildContact,
	buildFieldOfAction,
	buildOffer,
	buildOrganization,
	buildTenant
} from '../factories';
import { offerPlaces, offers, offerTexts } from './schema';
import { listOffers } from './list';
import { getOffer } from './get-offer';
import { createOffer, updateOffer } from './save-offer';
import { offerInputFromForm } from './validation';
import { offerFormValues } from './state';
import { addDays, berlinToday as berlinDateString } from '../shared';

const setup = useTestSetup(async (db: Db) => {
	const tenant = await buildTenant(db);
	const org = await buildOrganization(db, tenant.id);
	const ctx = await actorCtx(db, tenant, 'coordinator');
	return { db, tenant, org, ctx };
});

describe('offer input', () => {
	it('explains each mistake with a message key at its field', async () => {
		const s = await setup();
		const other = await buildOrganization(s.db, s.tenant.id);
		const foreignContact = await buildContact(s.db, s.tenant.id, other.id);
		const refused = (
			form: Parameters<typeof offerInputFromForm>[0],
			fieldErrors: Record<string, string>
		) =>
			expect(
				createOffer(withTenant(s.ctx, s.tenant), {
					...offerInputFromForm(form),
					organizationId: s.org.id
				})
			).rejects.toMatchObject({ fieldErrors });
		await refused(
			{
				text_de_title: '',
				text_en_description: 'Only a description',
				locationKind: 'online',
				onlineUrl: '',
				scheduleKind: 'once',
				startsAt: '',
				costKind: 'free',
				validFrom: '2030-05-01',
				validTo: '2030-04-01',
				targetGroups: ['aliens']
			},
			{
				text_de_title: 'offers_error_title_required',
				text_en_title: 'offers_error_title_required_locale',
				onlineUrl: 'offers_error_online_url_required',
				startsAt: 'offers_error_starts_at_required',
				validTo: 'offers_error_valid_to_before_from',
				targetGroups: 'offers_error_target_group_invalid'
			}
		);
		await refused(
			{
				text_de_title: 'Kurs',
				locationKind: 'place',
				place_0_name: '',
				place_0_latitude: '200',
				place_0_longitude: '11',
				scheduleKind: 'recurring',
				timeStart: '18:00',
				timeEnd: '17:00',
				costKind: 'free'
			},
			{
				place_0_latitude: 'org_error_latitude_invalid',
				weekdays: 'offers_error_weekdays_required',
				timeEnd: 'offers_error_time_end_before_start'
			}
		);
		await refused(
			{
				text_de_title: 'Kurs',
				locationKind: 'mobile',
				scheduleKind: 'appointment',
				costKind: 'free',
				contactId: foreignContact.id
			},
			{ contactId: 'offers_error_contact_invalid' }
		);
	});

	it('stores a one-off offer in Berlin time with places and texts per language', async () => {
		const s = await setup();
		const field = await buildFieldOfAction(s.db, s.tenant.id, { names: { de: 'Sprache' } });
		const { id } = await createOffer(withTenant(s.ctx, s.tenant), {
			...offerInputFromForm({
				text_de_title: 'Sommerfest',
				text_de_description: 'Für alle',
				text_de_costNote: '',
				text_ar_title: 'حفلة صيفية',
				text_ar_state: 'reviewed',
				fieldOfActionId: field.id,
				targetGroups: ['families', 'children'],
				languages: ['de', 'ar'],
				locationKind: 'place',
				place_0_name: 'Stadtpark',
				place_0_city: 'Landshut',
				place_0_latitude: '48.53',
				place_0_longitude: '12.15',
				place_1_name: '',
				scheduleKind: 'once',
				startsAt: '2030-07-06T15:00',
				endsAt: '2030-07-07T18:00',
				costKind: 'paid',
				childcare: 'on'
			}),
			organizationId: s.org.id
		});
		const [row] = await s.db.select().from(offers).where(eq(offers.id, id));
		expect(row).toMatchObject({
			status: 'draft',
			fieldOfActionId: field.id,
			targetGroups: ['families', 'children'],
			costKind: 'paid',
			childcare: true,
			accessible: false,
			weekdays: [6, 7],
			rrule: null
		});
		expect(row.startsAt!.toISOString()).toBe('2030-07-06T13:00:00.000Z');
		const texts = await s.db.select().from(offerTexts).where(eq(offerTexts.offerId, id));
		expect(texts.map((t) => [t.locale, t.state]).sort()).toEqual([
			['ar', 'reviewed'],
			['de', 'original']
		]);
		const places = await s.db.select().from(offerPlaces).where(eq(offerPlaces.offerId, id));
		expect(places).toHaveLength(1);
		expect(places[0]).toMatchObject({ name: 'Stadtpark', latitude: 48.53, longitude: 12.15 });
		// the edit form shows it as it was entered
		const detail = await getOffer(withTenant(s.ctx, s.tenant), { offerId: id });
		const values = offerFormValues(detail.state);
		expect(values).toMatchObject({
			startsAt: '2030-07-06T15:00',
			endsAt: '2030-07-07T18:00',
			place_0_name: 'Stadtpark',
			text_ar_title: 'حفلة صيفية'
		});
		// saving the unchanged form changes nothing
		expect(
			(
				await updateOffer(withTenant(s.ctx, s.tenant), {
					...offerInputFromForm(values),
					offerId: id
				})
			).outcome
		).toBe('unchanged');
	});
});

describe('translation states', () => {
	it('become outdated when the German text changes', async () => {
		const s = await setup();
		const offer = await buildOffer(s.db, s.tenant.id, s.org.id, {
			title: 'Hausaufgabenhilfe',
			locationKind: 'mobile',
			texts: [
				{ locale: 'en', title: 'Homework help', state: 'reviewed' },
				{ locale: 'uk', title: 'Допомога з домашнім завданням', state: 'draft' }
			]
		});
		const detail = await getOffer(withTenant(s.ctx, s.tenant), { offerId: offer.id });
		const values = offerFormValues(detail.state);
		// the English text is revised at the same time, Ukrainian is not
		await updateOffer(withTenant(s.ctx, s.tenant), {
			...offerInputFromForm({
				...values,
				text_de_description: 'Jetzt auch freitags',
				text_en_description: 'Now also on Fridays'
			}),
			offerId: offer.id
		});
		const states = Object.fromEntries(
			(
				await s.db
					.select({ locale: offerTexts.locale, state: offerTexts.state })
					.from(offerTexts)
					.where(eq(offerTexts.offerId, offer.id))
			).map((t) => [t.locale, t.state])
		);
		expect(states).toEqual({ de: 'original', en: 'reviewed', uk: 'outdated' });
		// a later change of only a translation leaves the others alone
		const again = offerFormValues(
			(await getOffer(withTenant(s.ctx, s.tenant), { offerId: offer.id })).state
		);
		await updateOffer(withTenant(s.ctx, s.tenant), {
			...offerInputFromForm({
				...again,
				text_uk_description: 'Оновлено',
				text_uk_state: 'reviewed'
			}),
			offerId: offer.id
		});
		const [uk] = await s.db
			.select({ state: offerTexts.state })
			.from(offerTexts)
			.where(and(eq(offerTexts.offerId, offer.id), eq(offerTexts.locale, 'uk')));
		expect(uk.state).toBe('reviewed');
	});
});

describe('listOffers', () => {
	it('filters by status and flags expired offers', async () => {
		const s = await setup();
		const today = berlinDateString();
		await buildOffer(s.db, s.tenant.id, s.org.id, { title: 'Läuft' });
		const gone = await buildOffer(s.db, s.tenant.id, s.org.id, {
			title: 'Vorbei',
			validTo: addDays(today, -1)
		});
		await buildOffer(s.db, s.tenant.id, s.org.id, { title: 'Entwurf', status: 'draft' });
		const other = await buildTenant(s.db);
		await buildOffer(s.db, other.id, (await buildOrganization(s.db, other.id)).id);
		const all = await listOffers(withTenant(s.ctx, s.tenant));
		expect(all.items.map((i) => i.title).sort()).toEqual(['Entwurf', 'Läuft', 'Vorbei']);
		expect(all.items.find((i) => i.id === gone.id)!.expired).toBe(true);
		expect(all.items.filter((i) => i.expired)).toHaveLength(1);
		const drafts = await listOffers(withTenant(s.ctx, s.tenant), { status: 'draft' });
		expect(drafts.items.map((i) => i.title)).toEqual(['Entwurf']);
		expect(drafts.items[0].canEdit).toBe(true);
	});
});
