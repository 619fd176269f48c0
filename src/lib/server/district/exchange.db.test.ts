import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestSetup } from '../db/testing/test-db';
import type { Db } from '../db/client';
import { actorCtx } from '../db/testing/test-actors';
import { buildBody, buildMeeting, buildTenant } from '../factories';
import { actionItems } from '../minutes/schema';
import { auditLog } from '../audit/schema';
import { NotFoundError, ValidationError } from '../errors';
import { meetings } from '../meetings/schema';
import { minutesDocument } from '../minutes/print';
import { listBodyActionItems } from '../minutes/action-items';
import { exchangeAnswers } from './schema';
import {
	municipalityExchange,
	recordAnswersForMunicipality,
	saveMunicipalityAnswers
} from './exchange';
import { districtExchange } from './exchange-rollup';
import { answerToActionItem } from './exchange-actions';
import { municipalityInvitees } from './invitees';

const DAY = 86_400_000;

const answersOf = (db: Db, districtId: string) =>
	db.select().from(exchangeAnswers).where(eq(exchangeAnswers.tenantId, districtId));

/** A district with three municipalities, a networking body with two meetings, and people. */
const scenario = useTestSetup(async (db: Db) => {
	const district = await buildTenant(db, { kind: 'district', name: 'Landkreis Test' });
	const muni = (name: string) =>
		buildTenant(db, { kind: 'municipality', name, parentId: district.id });
	const moosburg = await muni('Stadt Moosburg');
	const eching = await muni('Gemeinde Eching');
	const neufahrn = await muni('Gemeinde Neufahrn');
	const elsewhere = await buildTenant(db, { kind: 'district' });
	const strangerMuni = await buildTenant(db, { kind: 'municipality', parentId: elsewhere.id });
	const body = await buildBody(db, district.id, {
		kind: 'municipal_network',
		name: 'Vernetzungstreffen der Gemeinden',
		visibility: 'members'
	});
	const workingGroup = await buildBody(db, district.id, { name: 'AK Sprache' });
	const past = await buildMeeting(db, body, {
		startsAt: new Date(Date.now() - 150 * DAY),
		state: 'held',
		minutesState: 'published'
	});
	const next = await buildMeeting(db, body, { startsAt: new Date(Date.now() + 20 * DAY) });
	const akMeeting = await buildMeeting(db, workingGroup);
	const districtCo = await actorCtx(db, district, 'coordinator');
	const moosburgCo = await actorCtx(db, moosburg, 'coordinator');
	const echingCo = await actorCtx(db, eching, 'coordinator');
	const moosburgMember = await actorCtx(db, moosburg, 'member');
	const strangerCo = await actorCtx(db, strangerMuni, 'coordinator');
	return {
		db,
		district,
		moosburg,
		eching,
		neufahrn,
		body,
		past,
		next,
		akMeeting,
		districtCo,
		moosburgCo,
		echingCo,
		moosburgMember,
		strangerCo
	};
});

describe('a municipality records its answers', () => {
	it('saves, changes and audits the three answers of its own municipality', async () => {
		const s = await scenario();
		const { id } = await saveMunicipalityAnswers(s.moosburgCo, {
			meetingId: s.next.id,
			worksWell: 'Der Helferkreis begleitet Familien zu Ämtern.',
			expand: 'Sprachförderung in den Kitas',
			districtHelp: ''
		});
		await saveMunicipalityAnswers(s.moosburgCo, {
			meetingId: s.next.id,
			worksWell: 'Der Helferkreis begleitet Familien zu Ämtern.',
			expand: 'Sprachförderung in den Kitas',
			districtHelp: 'Eine Ansprechperson für Wohnungsfragen'
		});
		const rows = await s.db.select().from(exchangeAnswers).where(eq(exchangeAnswers.id, id));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			tenantId: s.district.id,
			municipalityId: s.moosburg.id,
			districtHelp: 'Eine Ansprechperson für Wohnungsfragen'
		});
		const audits = await s.db.select().from(auditLog).where(eq(auditLog.entityId, id));
		expect(audits.map((a) => a.action).sort()).toEqual([
			'district.exchange_create',
			'district.exchange_update'
		]);
		const view = await municipalityExchange(s.moosburgCo);
		expect(view.district.name).toBe('Landkreis Test');
		expect(view.meetings.map((m) => m.meeting.id)).toEqual([s.next.id, s.past.id]);
		expect(view.meetings[0]).toMatchObject({ open: true });
		expect(view.meetings[0].answer?.expand).toBe('Sprachförderung in den Kitas');
		// the published meeting is closed for answers
		expect(view.meetings[1].open).toBe(false);
	});

	it('refuses empty answers, over-long ones and a meeting whose minutes are closed', async () => {
		const s = await scenario();
		await expect(
			saveMunicipalityAnswers(s.moosburgCo, { meetingId: s.next.id, worksWell: '  ' })
		).rejects.toBeInstanceOf(ValidationError);
		await expect(
			saveMunicipalityAnswers(s.moosburgCo, { meetingId: s.next.id, expand: 'x'.repeat(4001) })
		).rejects.toMatchObject({ fieldErrors: { expand: 'district_error_answer_too_long' } });
		await expect(
			saveMunicipalityAnswers(s.moosburgCo, { meetingId: s.past.id, worksWell: 'zu spät' })
		).rejects.toMatchObject({ fieldErrors: { form: 'district_error_answers_closed' } });
		expect(await answersOf(s.db, s.district.id)).toHaveLength(0);
	});

	it('only the municipality’s coordinator, and only for meetings of its own district’s networking body', async () => {
		const s = await scenario();
		await expect(
			saveMunicipalityAnswers(s.moosburgMember, { meetingId: s.next.id, worksWell: 'a' })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(municipalityExchange(s.moosburgMember)).rejects.toBeInstanceOf(NotFoundError);
		// another district's municipality
		await expect(
			saveMunicipalityAnswers(s.strangerCo, { meetingId: s.next.id, worksWell: 'a' })
		).rejects.toBeInstanceOf(NotFoundError);
		// a meeting of another body of the district (not the networking meeting)
		await expect(
			saveMunicipalityAnswers(s.moosburgCo, { meetingId: s.akMeeting.id, worksWell: 'a' })
		).rejects.toBeInstanceOf(NotFoundError);
		// the district's coordinator has no role in the municipality
		await expect(
			saveMunicipalityAnswers(
				{ ...s.districtCo, tenant: { ...s.moosburgCo.tenant } },
				{ meetingId: s.next.id, worksWell: 'a' }
			)
		).rejects.toBeInstanceOf(NotFoundError);
		expect(await answersOf(s.db, s.district.id)).toHaveLength(0);
	});
});

describe('the district sees the answers side by side', () => {
	it('rolls up per meeting and over the meetings, with the missing answers', async () => {
		const s = await scenario();
		// the past meeting's answers, recorded during that meeting by the district
		await s.db.update(meetings).set({ minutesState: 'draft' }).where(eq(meetings.id, s.past.id));
		await recordAnswersForMunicipality(s.districtCo, {
			meetingId: s.past.id,
			municipalityId: s.eching.id,
			worksWell: 'Sprachcafé im Bürgerhaus',
			expand: 'Wohnraum für Geflüchtete'
		});
		await s.db
			.update(meetings)
			.set({ minutesState: 'published' })
			.where(eq(meetings.id, s.past.id));
		await saveMunicipalityAnswers(s.moosburgCo, {
			meetingId: s.next.id,
			districtHelp: 'Dolmetscherpool'
		});
		await saveMunicipalityAnswers(s.echingCo, { meetingId: s.next.id, worksWell: 'Patenschaften' });

		const view = await districtExchange(s.districtCo);
		expect(view.body.id).toBe(s.body.id);
		expect(view.openMeetingIds).toEqual([s.next.id]);
		const [upcoming, earlier] = view.rollup.meetings;
		expect(upcoming.meeting.id).toBe(s.next.id);
		expect(upcoming.cells.map((c) => c.municipality.name)).toEqual([
			'Gemeinde Eching',
			'Gemeinde Neufahrn',
			'Stadt Moosburg'
		]);
		expect(
			upcoming.cells.map((c) => c.answer?.worksWell ?? c.answer?.districtHelp ?? null)
		).toEqual(['Patenschaften', null, 'Dolmetscherpool']);
		expect(upcoming.missingMunicipalities.map((m) => m.name)).toEqual(['Gemeinde Neufahrn']);
		expect(earlier.answered).toBe(1);
		expect(earlier.missingMunicipalities.map((m) => m.name)).toEqual([
			'Gemeinde Neufahrn',
			'Stadt Moosburg'
		]);
		const eching = view.rollup.byMunicipality.find((x) => x.municipality.id === s.eching.id)!;
		expect(eching.history.map((h) => h.answer?.worksWell ?? null)).toEqual([
			'Patenschaften',
			'Sprachcafé im Bürgerhaus'
		]);
	});

	it('is for the body’s managers only; a municipality cannot read the roll-up', async () => {
		const s = await scenario();
		const districtMember = await actorCtx(s.db, s.district, 'member');
		await expect(districtExchange(districtMember)).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			districtExchange({ ...s.moosburgCo, tenant: { ...s.districtCo.tenant } })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			recordAnswersForMunicipality(districtMember, {
				meetingId: s.next.id,
				municipalityId: s.eching.id,
				worksWell: 'x'
			})
		).rejects.toBeInstanceOf(NotFoundError);
	});

	it('the district records only for its own municipalities', async () => {
		const s = await scenario();
		await expect(
			recordAnswersForMunicipality(s.districtCo, {
				meetingId: s.next.id,
				municipalityId: s.strangerCo.tenant.id,
				worksWell: 'x'
			})
		).rejects.toBeInstanceOf(NotFoundError);
		expect(await answersOf(s.db, s.district.id)).toHaveLength(0);
	});
});

describe('an answer becomes an action item', () => {
	it('through the minutes domain: an item of the body, linked to the meeting and the answer', async () => {
		const s = await scenario();
		const { id: answerId } = await saveMunicipalityAnswers(s.moosburgCo, {
			meetingId: s.next.id,
			districtHelp: 'Eine Ansprechperson im Landratsamt für Wohnungsfragen'
		});
		const { id } = await answerToActionItem(s.districtCo, {
			answerId,
			field: 'districtHelp',
			dueDate: '2030-01-31'
		});
		const [item] = await s.db.select().from(actionItems).where(eq(actionItems.id, id));
		expect(item).toMatchObject({
			tenantId: s.district.id,
			bodyId: s.body.id,
			meetingId: s.next.id,
			agendaItemId: null,
			dueDate: '2030-01-31',
			state: 'open',
			title: 'Stadt Moosburg: Eine Ansprechperson im Landratsamt für Wohnungsfragen'
		});
		expect(item.description).toContain('„Wie kann das Landratsamt unterstützen?“');
		const [answer] = await s.db
			.select()
			.from(exchangeAnswers)
			.where(eq(exchangeAnswers.id, answerId));
		expect(answer.actionItemId).toBe(id);
		const audit = await s.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'action_item.create')));
		expect(audit).toHaveLength(1);
		// it is one of the body's action items (and so on the next agenda)
		const list = await listBodyActionItems(s.districtCo, { bodyId: s.body.id });
		expect(list.items.map((i) => i.id)).toContain(id);
	});

	it('refuses an empty answer, a bad date, a stranger and a municipality', async () => {
		const s = await scenario();
		const { id: answerId } = await saveMunicipalityAnswers(s.moosburgCo, {
			meetingId: s.next.id,
			worksWell: 'Helferkreis'
		});
		await expect(
			answerToActionItem(s.districtCo, { answerId, field: 'expand' })
		).rejects.toMatchObject({ fieldErrors: { field: 'district_error_field_empty' } });
		await expect(
			answerToActionItem(s.districtCo, { answerId, field: 'worksWell', dueDate: '2030-02-31' })
		).rejects.toMatchObject({ fieldErrors: { dueDate: 'minutes_error_due_invalid' } });
		await expect(
			answerToActionItem(s.districtCo, { answerId, field: 'nonsense' })
		).rejects.toBeInstanceOf(ValidationError);
		const districtMember = await actorCtx(s.db, s.district, 'member');
		await expect(
			answerToActionItem(districtMember, { answerId, field: 'worksWell' })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			answerToActionItem(s.moosburgCo, { answerId, field: 'worksWell' })
		).rejects.toBeInstanceOf(NotFoundError);
		expect(
			await s.db.select().from(actionItems).where(eq(actionItems.tenantId, s.district.id))
		).toHaveLength(0);
	});
});

describe('the answers in the minutes', () => {
	it('the minutes document has a section with each municipality’s answers', async () => {
		const s = await scenario();
		await saveMunicipalityAnswers(s.moosburgCo, {
			meetingId: s.next.id,
			worksWell: 'Helferkreis Asyl Moosburg',
			expand: 'Wohnraum'
		});
		const { model } = await minutesDocument(s.districtCo, s.district.id, s.next.id);
		const section = model.blocks.find((b) => b.kind === 'section');
		expect(section).toMatchObject({
			kind: 'section',
			heading: { text: 'Erfahrungsaustausch der Gemeinden' }
		});
		expect(JSON.stringify(section)).toContain('Helferkreis Asyl Moosburg');
		expect(JSON.stringify(section)).toContain('Stadt Moosburg');
		// before the approval at the end
		const idx = model.blocks.indexOf(section!);
		expect(idx).toBeLessThan(model.blocks.length - 2);
	});
});

describe('who is invited from the municipalities', () => {
	it('the coordinators of the district’s own municipalities, not members or other districts', async () => {
		const s = await scenario();
		const invitees = await municipalityInvitees(s.db, s.district.id);
		expect(invitees.map((i) => [i.municipality.name, i.email])).toEqual([
			['Gemeinde Eching', s.echingCo.actor!.email],
			['Stadt Moosburg', s.moosburgCo.actor!.email]
		]);
	});
});
