import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testTenantCtx, useTestDb } from '../db/testing/test-db';
import { buildBody, buildFieldOfAction, buildUser, grantRole } from '../factories';
import { loadActor } from '../auth/sessions';
import { NotFoundError, ValidationError } from '../errors';
import { paperCounters, papers } from './schema';
import { createPaper } from './create';
import { updatePaper } from './update';
import { transitionPaper } from './transition';
import { addPaperLink } from './links';
import { addPaperType } from './settings';
import { nextPaperNumber } from './paper-data';
import { getPaper } from './paper-view';
import { listPapers } from './list-view';
import { getPublicPaper } from './public-view';
import { paperFilter } from './validation';
import type { TenantCtx } from '../context';
import { createEdition } from '../concept/editions';
import { createGoal } from '../concept/structure';
import { createMeasure } from '../concept/measures';
import { measureOptions } from '../concept/views';
import { measureStates } from '../concept/schema';
import { input, setupPapers } from './test-setup';

const database = useTestDb();

const setup = () => setupPapers(database.db);

describe('numbering', () => {
	it('20 concurrent creations get 001/YYYY … 020/YYYY exactly, per tenant and year', async () => {
		const { db, tenant, coordinator } = await setup();
		const created = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				createPaper(coordinator, input({ title: `Vorlage ${i}` }))
			)
		);
		const numbers = created.map((c) => Number(c.reference.split('/')[0])).sort((a, b) => a - b);
		expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
		expect(new Set(created.map((c) => c.reference)).size).toBe(20);
		expect(created.every((c) => c.reference.endsWith('/2025'))).toBe(true);
		// a new year starts at 1 again
		const next = await createPaper(coordinator, input({ date: '2026-01-05' }));
		expect(next.reference).toBe('001/2026');
		const [counter] = await db
			.select()
			.from(paperCounters)
			.where(and(eq(paperCounters.tenantId, tenant.id), eq(paperCounters.year, 2025)));
		expect(counter.last).toBe(20);
	});

	it('a failed creation gives its number back (no gaps)', async () => {
		const { db, tenant, coordinator } = await setup();
		await createPaper(coordinator, input());
		// a creating transaction that fails after taking the next number
		await expect(
			db.transaction(async (tx) => {
				const n = await nextPaperNumber(tx, tenant.id, 2025);
				expect(n).toBe(2);
				throw new Error('rollback');
			})
		).rejects.toThrow('rollback');
		const second = await createPaper(coordinator, input());
		expect(second.reference).toBe('002/2025');
	});
});

describe('create and see', () => {
	it('a speaker writes a draft for her working group; only the group, authors and coordinators see it', async () => {
		const { wg, sg, speaker, wgMember, sgMember, outsider, coordinator } = await setup();
		const { id } = await createPaper(
			speaker,
			input({ originatingBodyId: wg.id, addressedBodyId: sg.id })
		);
		const view = await getPaper(speaker, { paperId: id });
		expect(view.paper.state).toBe('draft');
		expect(view.authors.map((a) => a.userId)).toEqual([speaker.actor!.userId]);
		expect(view.paper.textHtml).toContain('<li><strong>Elternkurse</strong></li>');
		await expect(getPaper(wgMember, { paperId: id })).resolves.toBeTruthy();
		await expect(getPaper(coordinator, { paperId: id })).resolves.toBeTruthy();
		await expect(getPaper(sgMember, { paperId: id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(getPaper(outsider, { paperId: id })).rejects.toBeInstanceOf(NotFoundError);
		const list = await listPapers(outsider, paperFilter.parse({}));
		expect(list.items.map((p) => p.id)).not.toContain(id);
		const own = await listPapers(wgMember, paperFilter.parse({}));
		expect(own.items.map((p) => p.id)).toContain(id);
	});

	it('a plain member cannot write papers for a body, a speaker not for another body', async () => {
		const { wg, sg, wgMember, speaker } = await setup();
		await expect(createPaper(wgMember, input({ originatingBodyId: wg.id }))).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(createPaper(speaker, input({ originatingBodyId: sg.id }))).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(createPaper(speaker, input())).rejects.toBeInstanceOf(NotFoundError);
	});

	it('rejects invalid input with message keys and bodies of another tenant', async () => {
		const { db, other, coordinator } = await setup();
		const foreign = await buildBody(db, other.id);
		const err = await createPaper(
			coordinator,
			input({ title: '', type: 'nonsense', date: '2025-13-40', originatingBodyId: foreign.id })
		).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fieldErrors).toMatchObject({
			title: 'papers_error_title_required',
			date: 'papers_error_date_invalid'
		});
		const err2 = await createPaper(
			coordinator,
			input({ type: 'nonsense', originatingBodyId: foreign.id })
		).catch((e) => e);
		expect(err2.fieldErrors).toEqual({
			type: 'papers_error_type_invalid',
			originatingBodyId: 'papers_error_body_invalid'
		});
	});

	it('internal papers are seen only by the bodies involved; public ones also on the public page', async () => {
		const { tenant, wg, sg, speaker, sgMember, outsider, coordinator } = await setup();
		const internal = await createPaper(
			speaker,
			input({ originatingBodyId: wg.id, addressedBodyId: sg.id, visibility: 'internal' })
		);
		await transitionPaper(speaker, { paperId: internal.id, to: 'submitted' });
		await expect(getPaper(sgMember, { paperId: internal.id })).resolves.toBeTruthy();
		await expect(getPaper(outsider, { paperId: internal.id })).rejects.toBeInstanceOf(
			NotFoundError
		);
		const visitor = testTenantCtx(coordinator.db, tenant);
		await expect(getPublicPaper(visitor, { paperId: internal.id })).rejects.toBeInstanceOf(
			NotFoundError
		);

		const pub = await createPaper(
			speaker,
			input({ originatingBodyId: wg.id, visibility: 'public' })
		);
		await expect(getPublicPaper(visitor, { paperId: pub.id })).rejects.toBeInstanceOf(
			NotFoundError
		); // draft
		await transitionPaper(speaker, { paperId: pub.id, to: 'submitted' });
		expect(await getPublicPaper(visitor, { paperId: pub.id })).toMatchObject({
			reference: pub.reference
		});
	});

	it('a speaker edits her draft but not after submission; the coordinator still can', async () => {
		const { db, wg, speaker, coordinator } = await setup();
		const { id } = await createPaper(speaker, input({ originatingBodyId: wg.id }));
		await updatePaper(speaker, {
			...input({ originatingBodyId: wg.id, title: 'Neu' }),
			paperId: id
		});
		await transitionPaper(speaker, { paperId: id, to: 'submitted' });
		await expect(
			updatePaper(speaker, { ...input({ originatingBodyId: wg.id, title: 'Später' }), paperId: id })
		).rejects.toBeInstanceOf(NotFoundError);
		await updatePaper(coordinator, {
			...input({ originatingBodyId: wg.id, title: 'Korrigiert' }),
			paperId: id
		});
		const [row] = await db.select().from(papers).where(eq(papers.id, id));
		expect(row.title).toBe('Korrigiert');
		expect(row.reference).toMatch(/^001\/2025$/);
	});
});

describe('paper types', () => {
	it('a coordinator adds a type that papers may then use; others may not add types', async () => {
		const { coordinator, speaker } = await setup();
		await expect(
			addPaperType(speaker, { key: 'statement', label: 'Stellungnahme' })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(createPaper(coordinator, input({ type: 'statement' }))).rejects.toMatchObject({
			fieldErrors: { type: 'papers_error_type_invalid' }
		});
		await addPaperType(coordinator, { key: 'statement', label: 'Stellungnahme' });
		await expect(
			addPaperType(coordinator, { key: 'notice', label: 'Mitteilung 2' })
		).rejects.toMatchObject({ fieldErrors: { key: 'papers_error_type_exists' } });
		await expect(addPaperType(coordinator, { key: 'Bad Key', label: '' })).rejects.toMatchObject({
			fieldErrors: { key: 'papers_error_type_key', label: 'papers_error_type_label' }
		});
		const { id } = await createPaper(coordinator, input({ type: 'statement' }));
		expect((await getPaper(coordinator, { paperId: id })).paper.typeLabel).toBe('Stellungnahme');
	});
});

describe('links to measures', () => {
	async function measureOf(ctx: TenantCtx, title: string) {
		const tenantId = ctx.tenant.id;
		const field = await buildFieldOfAction(database.db, tenantId, { names: { de: 'Sprache' } });
		const { id: editionId } = await createEdition(ctx, { title: 'Konzept' });
		const { id: goalId } = await createGoal(ctx, {
			editionId,
			fieldOfActionId: field.id,
			title: 'Deutsch lernen'
		});
		const [state] = await database.db
			.select()
			.from(measureStates)
			.where(eq(measureStates.tenantId, tenantId));
		return createMeasure(ctx, { editionId, goalId, title, stateId: state.id });
	}

	it('links a measure of the tenant as "Ziel › Maßnahme", never another tenant’s', async () => {
		const s = await setup();
		const { id: measureId } = await measureOf(s.coordinator, 'Sprachcafé');
		const otherCoord = testTenantCtx(
			s.db,
			s.other,
			await loadActor(
				s.db,
				await buildUser(s.db).then(async (u) => {
					await grantRole(s.db, s.other.id, u.id, 'coordinator');
					return u.id;
				})
			)
		);
		const { id: foreign } = await measureOf(otherCoord, 'Fremde Maßnahme');
		const { id } = await createPaper(s.coordinator, input());
		// the picker offers the tenant's measures only
		expect((await measureOptions(s.db, s.tenant.id)).measures).toEqual([
			{ id: measureId, name: 'Deutsch lernen › Sprachcafé' }
		]);
		await expect(
			addPaperLink(s.coordinator, { kind: 'measure', targetId: foreign, paperId: id })
		).rejects.toMatchObject({ fieldErrors: { targetId: 'papers_error_link_target' } });
		await expect(
			addPaperLink(s.coordinator, { kind: 'measure', targetId: null, paperId: id })
		).rejects.toBeInstanceOf(ValidationError);
		// someone who may not edit the paper cannot link
		await expect(
			addPaperLink(s.outsider, { kind: 'measure', targetId: measureId, paperId: id })
		).rejects.toBeInstanceOf(NotFoundError);
		await addPaperLink(s.coordinator, { kind: 'measure', targetId: measureId, paperId: id });
		await addPaperLink(s.coordinator, { kind: 'measure', targetId: measureId, paperId: id });
		const view = await getPaper(s.coordinator, { paperId: id });
		expect(view.links).toEqual([
			{
				id: expect.any(String),
				kind: 'measure',
				targetId: measureId,
				label: 'Deutsch lernen › Sprachcafé',
				measureId
			}
		]);
	});
});
