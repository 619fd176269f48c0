/**
 * The invitation of a district's networking meeting (issue 17, item 3) also reaches each
 * municipality's coordinators, mayor and marked contact persons: each address once, none of
 * another district, none for unmarked people, and not twice on a later "send".
 */
import { describe, expect, it } from 'vitest';
import { useTestSetup } from '../db/testing/test-db';
import type { Db } from '../db/client';
import { actorCtx } from '../db/testing/test-actors';
import { buildBody, buildMeeting, buildMembership, buildTenant, buildUser } from '../factories';
import { NotFoundError, ValidationError } from '../errors';
import {
	addTenantContact,
	districtMunicipalityContacts,
	listTenantContacts,
	setMunicipalityContactFlags
} from '../tenant-contacts/contacts';
import { eq } from 'drizzle-orm';
import { meetings } from '../meetings/schema';
import { invitationPreview, sendInvitations } from './invitations';
import { notifyMeetingChange } from './notify';
import { mailsOf, parseIcs } from './invitations-setup';

const START = new Date('2030-12-10T16:00:00Z'); // Tuesday 17:00 in Berlin
const ORIGIN = 'http://localhost:3000';

/** The scenario's addresses: unique per run (the tests share one database). */
let tag = '';
const e = (local: string, town: string) => `${local}@${town}-${tag}.example`;

const scenario = useTestSetup(async (db: Db) => {
	tag = Math.random().toString(36).slice(2, 8);
	const district = await buildTenant(db, { kind: 'district', name: 'Landkreis Test' });
	const muni = (name: string, parentId = district.id) =>
		buildTenant(db, { kind: 'municipality', name, parentId });
	const moosburg = await muni('Stadt Moosburg');
	const eching = await muni('Gemeinde Eching');
	const neufahrn = await muni('Gemeinde Neufahrn');
	const elsewhere = await buildTenant(db, { kind: 'district', name: 'Landkreis Anderswo' });
	const stranger = await muni('Gemeinde Anderswo', elsewhere.id);

	const body = await buildBody(db, district.id, {
		kind: 'municipal_network',
		name: 'Vernetzungstreffen der Gemeinden'
	});
	const workingGroup = await buildBody(db, district.id, { name: 'AK Sprache' });
	const districtCo = await actorCtx(db, district, 'coordinator');
	// a member of the body who is also Neufahrn's marked contact person
	const representative = await buildUser(db, {
		name: 'Rita Vertretung',
		email: e('vertretung', 'neufahrn')
	});
	await buildMembership(db, body, representative.id);
	await buildMembership(db, workingGroup, representative.id);
	const meeting = await buildMeeting(db, body, { startsAt: START, title: 'Zweites Treffen' });
	const akMeeting = await buildMeeting(db, workingGroup, { startsAt: START });

	const coordinator = (tenant: { id: string }, user: Parameters<typeof buildUser>[1]) =>
		actorCtx(db, tenant as never, 'coordinator', { user });
	const moosburgCo = await coordinator(moosburg, {
		name: 'Theresa Koordination',
		email: e('integration', 'moosburg')
	});
	const echingCo = await coordinator(eching, {
		name: 'Erik Koordination',
		email: e('integration', 'eching'),
		locale: 'en'
	});
	const neufahrnCo = await coordinator(neufahrn, {
		name: 'Hanna Hauptamt',
		email: e('hauptamt', 'neufahrn')
	});
	const strangerCo = await coordinator(stranger, { email: e('co', 'anderswo') });

	// the contact persons, as the municipalities' coordinators enter them on the form
	await addTenantContact(moosburgCo, {
		name: 'Claudia Obermaier',
		role: 'Erste Bürgermeisterin',
		email: e('buergermeisterin', 'moosburg'),
		isMayor: 'on'
	});
	// the coordinator's own address (other case): invited once, as the coordinator
	await addTenantContact(moosburgCo, {
		name: 'Theresa Gruber',
		email: e('integration', 'moosburg').toUpperCase(),
		networkInvite: 'on'
	});
	await addTenantContact(moosburgCo, { name: 'Paul Unmarkiert', email: e('paul', 'moosburg') });
	await addTenantContact(echingCo, {
		name: 'Sabine Kerschl',
		email: e('buergermeisterin', 'eching'),
		isMayor: 'on'
	});
	// a mayor without an address cannot be invited
	await addTenantContact(neufahrnCo, { name: 'Florian Wimmer', isMayor: 'on' });
	// a member of the body: gets the member's mail only
	await addTenantContact(neufahrnCo, {
		name: 'Rita Vertretung',
		email: e('vertretung', 'neufahrn'),
		networkInvite: 'on'
	});
	await addTenantContact(neufahrnCo, {
		name: 'Omid Karimi',
		email: e('omid', 'neufahrn'),
		languages: ['fa', 'en'],
		networkInvite: 'on'
	});
	await addTenantContact(strangerCo, {
		name: 'Bürgermeister Anderswo',
		email: e('bm', 'anderswo'),
		isMayor: 'on',
		networkInvite: 'on'
	});
	return { db, district, moosburg, neufahrn, body, meeting, akMeeting, districtCo, representative };
});

/** The municipalities' people the scenario's networking meeting is to reach, in order. */
const expected = () => [
	e('integration', 'eching'),
	e('buergermeisterin', 'eching'),
	e('hauptamt', 'neufahrn'),
	e('omid', 'neufahrn'),
	e('integration', 'moosburg'),
	e('buergermeisterin', 'moosburg')
];

describe('the networking meeting’s invitation to the municipalities', () => {
	it('queues one mail per coordinator, mayor and marked contact of the district’s municipalities, each once', async () => {
		const s = await scenario();
		const result = await sendInvitations(s.districtCo, { meetingId: s.meeting.id });
		expect(result).toEqual({ mailed: 1, speakers: 0, municipalities: expected().length });
		const mails = await mailsOf(s.db, s.district.id);
		const to = mails.map((m) => m.to.toLowerCase());
		expect(new Set(to).size).toBe(to.length); // none twice
		expect(to.sort()).toEqual([...expected(), s.representative.email].sort());
		for (const never of [e('paul', 'moosburg'), e('co', 'anderswo'), e('bm', 'anderswo')])
			expect(to).not.toContain(never);

		// the coordinator: why, the agenda, the link to record Moosburg's answers, the .ics
		const co = mails.find((m) => m.to === e('integration', 'moosburg'))!;
		expect(co.subject).toMatch(/^Einladung: Vernetzungstreffen der Gemeinden am /);
		expect(co.text).toContain('Guten Tag Theresa Koordination,');
		expect(co.text).toContain(
			'Sie erhalten diese Einladung, weil Sie die Integrationsarbeit in Stadt Moosburg koordinieren.'
		);
		expect(co.text).toContain('Tagesordnung');
		expect(co.text).toContain(`${ORIGIN}/app/${s.moosburg.slug}/vernetzung`);
		// not a member: no answer links, no link to the district's meeting page
		expect(co.text).not.toContain('/antwort/');
		expect(co.text).not.toContain('/sitzungen/');
		const { calendar, event } = parseIcs(co.attachments![0].content as string);
		expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
		expect(event.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([
			`mailto:${e('integration', 'moosburg')}`
		]);

		// the mayor: formal German, no exchange link (no account)
		const mayor = mails.find((m) => m.to === e('buergermeisterin', 'moosburg'))!;
		expect(mayor.text).toContain(
			'Sie erhalten diese Einladung als Bürgermeisterin oder Bürgermeister von Stadt Moosburg.'
		);
		expect(mayor.text).not.toContain('/vernetzung');
		expect(mayor.text).toContain('erfasst die Integrationskoordination Ihrer Kommune');

		// in the recipient's language where known: the account's, or English for a contact who
		// speaks English and no German
		for (const email of [e('integration', 'eching'), e('omid', 'neufahrn')]) {
			const mail = mails.find((m) => m.to === email)!;
			expect(mail.subject).toMatch(/^Invitation: /);
		}
		expect(mails.find((m) => m.to === e('omid', 'neufahrn'))!.text).toContain(
			'You receive this invitation as a contact person for integration of Gemeinde Neufahrn.'
		);
	});

	it('does not mail them twice on a later "send"; "send to all again" does', async () => {
		const s = await scenario();
		await sendInvitations(s.districtCo, { meetingId: s.meeting.id });
		const before = (await mailsOf(s.db, s.district.id)).length;
		expect(await sendInvitations(s.districtCo, { meetingId: s.meeting.id })).toEqual({
			mailed: 0,
			speakers: 0,
			municipalities: 0
		});
		expect(await mailsOf(s.db, s.district.id)).toHaveLength(before);
		expect(
			await sendInvitations(s.districtCo, { meetingId: s.meeting.id, all: true })
		).toMatchObject({ mailed: 1, municipalities: expected().length });
	});

	it('tells them of a cancellation (METHOD:CANCEL) like the members', async () => {
		const s = await scenario();
		await sendInvitations(s.districtCo, { meetingId: s.meeting.id });
		const before = (await mailsOf(s.db, s.district.id)).length;
		await s.db.transaction(async (tx) => {
			await tx
				.update(meetings)
				.set({ state: 'cancelled', cancelledAt: new Date(), cancelReason: 'Hochwasser' })
				.where(eq(meetings.id, s.meeting.id));
			await notifyMeetingChange(tx, s.districtCo, s.meeting.id, 'cancelled');
		});
		const cancellations = (await mailsOf(s.db, s.district.id)).slice(before);
		expect(cancellations.map((m) => m.to).sort()).toEqual(
			[...expected(), s.representative.email].sort()
		);
		const mayor = cancellations.find((m) => m.to === e('buergermeisterin', 'moosburg'))!;
		expect(mayor.subject).toMatch(/^Abgesagt: /);
		expect(mayor.text).toContain('Hochwasser');
		expect(
			parseIcs(mayor.attachments![0].content as string).calendar.getFirstPropertyValue('method')
		).toBe('CANCEL');
	});

	it('sends nothing to the municipalities for a meeting of another body of the district', async () => {
		const s = await scenario();
		expect(await sendInvitations(s.districtCo, { meetingId: s.akMeeting.id })).toEqual({
			mailed: 1,
			speakers: 0,
			municipalities: 0
		});
		const preview = await invitationPreview(s.districtCo, { meetingId: s.akMeeting.id });
		expect(preview.municipalities).toBeNull();
		expect(preview.municipalityText).toBeNull();
	});

	it('the preview lists the recipients per municipality before sending, with the mail they get', async () => {
		const s = await scenario();
		const preview = await invitationPreview(s.districtCo, { meetingId: s.meeting.id });
		expect(
			preview.municipalities!.map((r) => [r.municipality, r.name, r.role, r.withExchangeLink])
		).toEqual([
			['Gemeinde Eching', 'Erik Koordination', 'coordinator', true],
			['Gemeinde Eching', 'Sabine Kerschl', 'mayor', false],
			['Gemeinde Neufahrn', 'Hanna Hauptamt', 'coordinator', true],
			['Gemeinde Neufahrn', 'Omid Karimi', 'contact', false],
			['Stadt Moosburg', 'Theresa Koordination', 'coordinator', true],
			['Stadt Moosburg', 'Claudia Obermaier', 'mayor', false]
		]);
		expect(preview.municipalitiesPending).toBe(true);
		expect(preview.municipalityText).toContain('Erik Koordination');
		await sendInvitations(s.districtCo, { meetingId: s.meeting.id });
		const after = await invitationPreview(s.districtCo, { meetingId: s.meeting.id });
		expect(after.municipalitiesPending).toBe(false);
	});
});

describe('the flags on a contact person', () => {
	it('are kept for a municipality, need an e-mail to invite, and are never set for the district itself', async () => {
		const s = await scenario();
		const neufahrnCo = await actorCtx(s.db, s.neufahrn, 'coordinator');
		await expect(
			addTenantContact(neufahrnCo, { name: 'Ohne Adresse', networkInvite: 'on' })
		).rejects.toMatchObject({ fieldErrors: { email: 'i17_error_invite_needs_email' } });
		await expect(
			addTenantContact(neufahrnCo, { name: 'Ohne Adresse', networkInvite: 'on' })
		).rejects.toBeInstanceOf(ValidationError);
		const people = await listTenantContacts(neufahrnCo);
		expect(people.find((p) => p.name === 'Florian Wimmer')).toMatchObject({
			isMayor: true,
			networkInvite: false
		});
		await addTenantContact(s.districtCo, {
			name: 'Landrätin',
			email: 'landraetin@example.org',
			isMayor: 'on',
			networkInvite: 'on'
		});
		const office = await listTenantContacts(s.districtCo);
		expect(office[0]).toMatchObject({ isMayor: false, networkInvite: false });
	});
});

describe('the district’s coordinator decides who from the municipalities is invited', () => {
	it('sees its municipalities’ contact persons and sets the flags; not another district’s, not as a municipality', async () => {
		const s = await scenario();
		const groups = await districtMunicipalityContacts(s.districtCo);
		expect(groups.map((g) => g.municipality.name)).toEqual([
			'Gemeinde Eching',
			'Gemeinde Neufahrn',
			'Stadt Moosburg'
		]);
		const paul = groups[2].contacts.find((c) => c.name === 'Paul Unmarkiert')!;
		expect(paul).toMatchObject({ isMayor: false, networkInvite: false });
		expect(paul).not.toHaveProperty('phone');
		await setMunicipalityContactFlags(s.districtCo, { contactId: paul.id, networkInvite: 'on' });
		const preview = await invitationPreview(s.districtCo, { meetingId: s.meeting.id });
		expect(preview.municipalities!.map((r) => r.email)).toContain(e('paul', 'moosburg'));
		// a mayor without an address cannot be invited
		const wimmer = groups[1].contacts.find((c) => c.name === 'Florian Wimmer')!;
		await expect(
			setMunicipalityContactFlags(s.districtCo, {
				contactId: wimmer.id,
				isMayor: 'on',
				networkInvite: 'on'
			})
		).rejects.toMatchObject({ fieldErrors: { networkInvite: 'i17_error_invite_needs_email' } });
		// another district's coordinator does not find the contact; a municipality has no such list
		const otherDistrict = await buildTenant(s.db, { kind: 'district' });
		const otherCo = await actorCtx(s.db, otherDistrict, 'coordinator');
		await expect(
			setMunicipalityContactFlags(otherCo, { contactId: paul.id, networkInvite: '' })
		).rejects.toBeInstanceOf(NotFoundError);
		const neufahrnCo = await actorCtx(s.db, s.neufahrn, 'coordinator');
		await expect(districtMunicipalityContacts(neufahrnCo)).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			setMunicipalityContactFlags(neufahrnCo, { contactId: paul.id })
		).rejects.toBeInstanceOf(NotFoundError);
		// a member of the district may not
		const member = await actorCtx(s.db, s.district, 'member');
		await expect(districtMunicipalityContacts(member)).rejects.toBeInstanceOf(NotFoundError);
	});
});
