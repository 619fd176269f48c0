/** The people, bodies and meeting the papers tests share (not a test file). */
import type { Db } from '../db/client';
import { actorCtx, tenantScenario } from '../db/testing/test-actors';
import { buildBody, buildMeeting } from '../factories';
import type { Role } from '../auth/schema';
import type { MembershipRole } from '../bodies/schema';

export async function setupPapers(db: Db) {
	const { tenant, other } = await tenantScenario(db);
	const wg = await buildBody(db, tenant.id, {
		kind: 'working_group',
		name: 'Arbeitskreis Bildung'
	});
	const sg = await buildBody(db, tenant.id, {
		kind: 'steering_group',
		name: 'Steuerungsgruppe Integration'
	});
	const person = (role: Role, bodyRoles: [string, MembershipRole][] = []) =>
		actorCtx(db, tenant, role, {
			bodies: bodyRoles.map(([id, r]) => ({ body: { id, tenantId: tenant.id }, role: r }))
		});
	const coordinator = await person('coordinator');
	const speaker = await person('member', [[wg.id, 'speaker']]);
	const wgMember = await person('member', [[wg.id, 'member']]);
	const sgSpeaker = await person('member', [[sg.id, 'speaker']]);
	const sgMember = await person('member', [[sg.id, 'member']]);
	const outsider = await person('member');
	const meeting = await buildMeeting(db, sg, { state: 'planned' });
	return {
		db,
		tenant,
		other,
		wg,
		sg,
		coordinator,
		speaker,
		wgMember,
		sgSpeaker,
		sgMember,
		outsider,
		meeting,
		person
	};
}

export const input = (extra: Record<string, unknown> = {}) => ({
	type: 'resolution_proposal',
	title: 'Sprachförderung in Kitas ausbauen',
	text: 'Der Arbeitskreis empfiehlt:\n\n- mehr Sprachkitas\n- **Elternkurse**',
	date: '2025-03-10',
	originatingBodyId: '',
	addressedBodyId: '',
	visibility: 'network',
	authorIds: [],
	authorNames: '',
	parentPaperId: '',
	...extra
});
