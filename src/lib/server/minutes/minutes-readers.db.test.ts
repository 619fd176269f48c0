import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestSetup } from '../db/testing/test-db';
import { withTenant } from '../context';
import { tenants } from '../tenants/schema';
import { NotFoundError } from '../errors';
import { getMinutesPage } from './minutes';
import { saveMinutes } from './save-minutes';
import { approveMinutes, publishMinutes, shareMinutes } from './minutes-states';
import { agendaDocument, minutesDocument } from './print';
import { renderHtml } from '../documents/html';
import { draft, publicMeetingAt, publicMinutesAt, setupMinutes } from './testing';

const setup = useTestSetup(setupMinutes);

describe('who reads the minutes', () => {
	it('grows with the state: managers → present members → body members → everyone', async () => {
		const s = await setup('network');
		const ctx = await draft(s);
		const readers = {
			speaker: ctx,
			present: await s.ctxOf(s.people.present),
			excused: await s.ctxOf(s.people.excused),
			outsider: await s.ctxOf(s.people.outsider)
		};
		const canRead = async () =>
			Object.fromEntries(
				await Promise.all(
					Object.entries(readers).map(async ([k, c]) => [
						k,
						(await getMinutesPage(withTenant(c, s.tenant), { meetingId: s.meeting.id })).minutes !==
							null
					])
				)
			);
		expect(await canRead()).toEqual({
			speaker: true,
			present: false,
			excused: false,
			outsider: false
		});
		await shareMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });
		expect(await canRead()).toEqual({
			speaker: true,
			present: true,
			excused: false,
			outsider: false
		});
		await approveMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });
		expect(await canRead()).toEqual({
			speaker: true,
			present: true,
			excused: true,
			outsider: false
		});
		await expect(
			minutesDocument(readers.outsider, s.tenant.id, s.meeting.id)
		).rejects.toBeInstanceOf(NotFoundError);
		await publishMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });
		expect(await canRead()).toEqual({
			speaker: true,
			present: true,
			excused: true,
			outsider: true
		});

		// the outsider (network member, not in the body) does not see the non-public item
		const outsiderView = (
			await getMinutesPage(withTenant(readers.outsider, s.tenant), { meetingId: s.meeting.id })
		).minutes!;
		expect(outsiderView.items.map((i) => i.title)).toEqual(['Sprachkurse im Landkreis']);
		expect(outsiderView.nonPublicHidden).toBe(true);
		const memberView = (
			await getMinutesPage(withTenant(readers.excused, s.tenant), { meetingId: s.meeting.id })
		).minutes!;
		expect(memberView.items.map((i) => i.title)).toEqual([
			'Sprachkurse im Landkreis',
			'Personalangelegenheit'
		]);
		// a network body is not on the public site
		expect(await publicMeetingAt(s.db, s.tenant.slug, s.meeting.id)).toBeNull();
	});

	it('published minutes of a public body: public page and PDF without non-public items or names', async () => {
		const s = await setup('public');
		const ctx = await draft(s);
		// before publication the public page shows the public agenda only
		let pub = await publicMeetingAt(s.db, s.tenant.slug, s.meeting.id);
		expect(pub?.agenda.map((a) => a.title)).toEqual(['Sprachkurse im Landkreis']);
		expect(pub?.minutes).toBeNull();
		await expect(publicMinutesAt(s.db, s.tenant.slug, s.meeting.id)).rejects.toBeInstanceOf(
			NotFoundError
		);

		await shareMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });
		await approveMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });
		expect((await publicMeetingAt(s.db, s.tenant.slug, s.meeting.id))?.minutes).toBeNull();
		await publishMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });

		pub = await publicMeetingAt(s.db, s.tenant.slug, s.meeting.id);
		expect(pub?.minutes?.items.map((i) => [i.title, i.notes, i.decision])).toEqual([
			['Sprachkurse im Landkreis', 'Die Wartelisten sind lang.', 'Der AK schreibt an das BAMF.']
		]);
		const html = renderHtml((await publicMinutesAt(s.db, s.tenant.slug, s.meeting.id)).model);
		expect(html).toContain('Die Wartelisten sind lang.');
		expect(html).not.toContain('Vertrauliche Notiz');
		expect(html).not.toContain('Personalangelegenheit');
		for (const name of ['Paula Present', 'Erik Excused', 'Gerda Gast', 'Sabine Sprecherin'])
			expect(html).not.toContain(name);
		expect(html).toContain('Caritas Testhausen');
		expect(html).toContain('Jobcenter');
		expect(html).toContain('Anwesend: 2 (davon Gäste: 1)');

		// the signed-in document for a member has names and the non-public item
		const full = renderHtml(
			(await minutesDocument(await s.ctxOf(s.people.excused), s.tenant.id, s.meeting.id)).model
		);
		expect(full).toContain('Paula Present');
		expect(full).toContain('Vertrauliche Notiz');
		// agenda document: the public part for anonymous readers is what the public page shows
		const agenda = renderHtml((await agendaDocument(ctx, s.tenant.id, s.meeting.id)).model);
		expect(agenda).toContain('TOP 2: Personalangelegenheit (nicht öffentlich)');
		expect(agenda).toContain('TOP 3: Offene Aufgaben aus früheren Sitzungen');
	});

	it('another tenant cannot read or change anything', async () => {
		const s = await setup('network');
		const ctx = await draft(s);
		await shareMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });
		await approveMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });
		await publishMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });
		const stranger = await s.ctxOf(s.people.otherCoordinator);
		await expect(
			getMinutesPage(withTenant(stranger, s.tenant), { meetingId: s.meeting.id })
		).rejects.toBeInstanceOf(NotFoundError);
		// through their own tenant the meeting does not exist
		await expect(
			getMinutesPage(withTenant(stranger, s.other), { meetingId: s.meeting.id })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			saveMinutes(withTenant(stranger, s.other), { meetingId: s.meeting.id, intro: 'x' })
		).rejects.toBeInstanceOf(NotFoundError);
		expect(await publicMeetingAt(s.db, s.other.slug, s.meeting.id)).toBeNull();
		// nor anonymous visitors (the body is not public)
		await expect(
			getMinutesPage(withTenant(await s.ctxOf(null), s.tenant), { meetingId: s.meeting.id })
		).rejects.toBeInstanceOf(NotFoundError);
		expect(await publicMeetingAt(s.db, s.tenant.slug, s.meeting.id)).toBeNull();
	});

	it('a public body: visible to all, but public site only for a public tenant', async () => {
		const s = await setup('public');
		const ctx = await draft(s);
		await shareMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });
		await approveMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });
		await publishMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });
		expect(await publicMeetingAt(s.db, s.other.slug, s.meeting.id)).toBeNull();
		// anonymous: the public part of published minutes only
		const anonymous = await getMinutesPage(withTenant(await s.ctxOf(null), s.tenant), {
			meetingId: s.meeting.id
		});
		expect(anonymous.minutes?.items.map((i) => i.title)).toEqual(['Sprachkurse im Landkreis']);
		expect(anonymous.canEdit).toBe(false);
		// a tenant that is not public shows nothing publicly
		await s.db.update(tenants).set({ isPublic: false }).where(eq(tenants.id, s.tenant.id));
		expect(await publicMeetingAt(s.db, s.tenant.slug, s.meeting.id)).toBeNull();
	});
});
