import { describe, expect, it } from 'vitest';
import { ACTIONS, authorize, can, invitableRoles, type Action, type Resource } from './policy';
import type { Actor } from './actor';
import type { Role } from './schema';
import { NotFoundError } from '../errors';

const A = 'tenant-a';
const B = 'tenant-b';
const ORG_A1 = 'org-a1';
const ORG_A2 = 'org-a2';
const ORG_B1 = 'org-b1';
const BODY_A1 = 'body-a1';
const BODY_A2 = 'body-a2';

function actor(overrides: Partial<Actor> = {}): Actor {
	return {
		userId: 'u',
		email: 'u@example.org',
		name: 'U',
		isPlatformAdmin: false,
		roles: {},
		editorOf: {},
		bodyRoles: {},
		...overrides
	};
}
const withRole = (role: Role, editorOf: Record<string, string[]> = {}) =>
	actor({ roles: { [A]: role }, editorOf });

/** The resources every action is tried on. */
const RESOURCES: Record<string, Resource> = {
	none: {},
	A: { tenantId: A },
	'A/org1': { tenantId: A, organizationId: ORG_A1 },
	'A/org2': { tenantId: A, organizationId: ORG_A2 },
	B: { tenantId: B },
	'B/org1': { tenantId: B, organizationId: ORG_B1 },
	// an organisation of A asked for under tenant B: the tenant decides, not the id
	'B/orgA1': { tenantId: B, organizationId: ORG_A1 },
	'A/body1': { tenantId: A, bodyId: BODY_A1 },
	'A/body2': { tenantId: A, bodyId: BODY_A2 },
	// a body role only counts inside a tenant where the person has a role
	'B/body1': { tenantId: B, bodyId: BODY_A1 }
};
type ResourceName = keyof typeof RESOURCES;

/** The resources of tenant A the tenant roles act on. */
const A_RESOURCES: ResourceName[] = ['A', 'A/org1', 'A/org2', 'A/body1', 'A/body2'];

/** The same actions on every resource of tenant A, except where `other` says otherwise. */
function onA(
	actions: Action[],
	other: Partial<Record<ResourceName, Action[]>> = {}
): Partial<Record<ResourceName, Action[]>> {
	return { ...Object.fromEntries(A_RESOURCES.map((r) => [r, actions])), ...other };
}

const EVERYTHING = [...ACTIONS];
const COORDINATOR: Action[] = [
	'tenant.view',
	'tenant.people.view',
	'tenant.people.invite',
	'tenant.audit.view',
	'tenant.settings.edit',
	'organization.edit',
	'organization.view',
	'organization.manage',
	'offer.review',
	'needs.manage',
	'district.view',
	'district.exchange.answer',
	'data.transfer',
	'body.view',
	'body.manage',
	'body.join',
	'body.members.decide',
	'meeting.manage',
	'concept.view',
	'concept.manage',
	'concept.prioritise',
	'participation.view',
	'participation.manage',
	'inquiries.manage',
	'paper.create',
	'paper.manage',
	'report.view',
	'report.manage',
	'news.write',
	'news.publish',
	'events.manage',
	'tenant.contacts.manage',
	'touring.manage',
	'privacy.manage'
];
const VIEW: Action[] = ['tenant.view', 'body.view'];
/** members, editors and the steering group see the network's organisations, offers and bodies */
const NETWORK: Action[] = [
	'tenant.view',
	'organization.view',
	'body.view',
	'body.join',
	'concept.view',
	'concept.prioritise',
	'participation.view'
];

/**
 * Allowed actions per actor and resource; every other cell is denied. Every actor is tried on
 * every resource with every action, so a cell missing here is asserted to be denied.
 */
const MATRIX: {
	name: string;
	actor: Actor | null | undefined;
	allowed: Partial<Record<ResourceName, Action[]>>;
}[] = [
	{
		name: 'platform admin (no tenant role)',
		actor: actor({ isPlatformAdmin: true }),
		allowed: Object.fromEntries(Object.keys(RESOURCES).map((r) => [r, EVERYTHING]))
	},
	{
		name: 'coordinator of A',
		actor: withRole('coordinator'),
		allowed: onA(COORDINATOR)
	},
	{
		name: 'editor of A bound to org1',
		actor: withRole('editor', { [A]: [ORG_A1] }),
		allowed: onA(NETWORK, { 'A/org1': [...NETWORK, 'organization.edit', 'news.write'] })
	},
	{
		name: 'editor of A whose org1 binding is recorded under B',
		actor: withRole('editor', { [B]: [ORG_A1] }),
		allowed: onA(NETWORK)
	},
	{
		name: 'member of A',
		actor: withRole('member'),
		allowed: onA(NETWORK)
	},
	{
		name: 'member of A, speaker of body1',
		actor: actor({ roles: { [A]: 'member' }, bodyRoles: { [BODY_A1]: 'speaker' } }),
		allowed: onA(NETWORK, {
			'A/body1': [...NETWORK, 'meeting.manage', 'body.members.decide', 'paper.create']
		})
	},
	{
		name: 'member of A, deputy of body1',
		actor: actor({ roles: { [A]: 'member' }, bodyRoles: { [BODY_A1]: 'deputy' } }),
		allowed: onA(NETWORK, {
			'A/body1': [...NETWORK, 'meeting.manage', 'body.members.decide', 'paper.create']
		})
	},
	{
		name: 'member of A, moderator of body1',
		actor: actor({ roles: { [A]: 'member' }, bodyRoles: { [BODY_A1]: 'moderator' } }),
		allowed: onA(NETWORK, { 'A/body1': [...NETWORK, 'meeting.manage'] })
	},
	{
		name: 'member of A, plain member or guest of bodies',
		actor: actor({
			roles: { [A]: 'member' },
			bodyRoles: { [BODY_A1]: 'member', [BODY_A2]: 'guest' }
		}),
		allowed: onA(NETWORK)
	},
	{
		name: 'steering group of A',
		actor: withRole('steering'),
		allowed: onA([...NETWORK, 'needs.manage', 'report.view'])
	},
	{
		name: 'guest of A',
		actor: withRole('guest'),
		allowed: onA(VIEW)
	},
	{ name: 'signed in without any role', actor: actor(), allowed: {} },
	{ name: 'anonymous (null)', actor: null, allowed: {} },
	{ name: 'anonymous (undefined)', actor: undefined, allowed: {} }
];

const CELLS = MATRIX.flatMap((row) =>
	(Object.keys(RESOURCES) as ResourceName[]).map((resource) => ({ ...row, resource }))
);

describe('can', () => {
	it.each(CELLS)('$name on $resource', ({ actor, allowed, resource }) => {
		const expected = Object.fromEntries(
			ACTIONS.map((a) => [a, (allowed[resource] ?? []).includes(a)])
		);
		const actual = Object.fromEntries(ACTIONS.map((a) => [a, can(actor, a, RESOURCES[resource])]));
		expect(actual).toEqual(expected);
	});

	it('gives a coordinator of A nothing in B even with organisation ids of A', () => {
		const coordinator = withRole('coordinator');
		for (const action of ACTIONS) {
			expect(can(coordinator, action, { tenantId: B, organizationId: ORG_A1 })).toBe(false);
		}
	});

	it('has no role that grants a platform action', () => {
		for (const role of ['coordinator', 'editor', 'member', 'steering', 'guest'] as const) {
			const a = actor({ roles: { [A]: role, [B]: role } });
			expect(can(a, 'platform.tenants.manage', { tenantId: A })).toBe(false);
			expect(can(a, 'platform.mailbox.view', { tenantId: A })).toBe(false);
		}
	});
});

describe('authorize', () => {
	it.each(CELLS)(
		'$name on $resource: passes exactly where can() allows, else NotFoundError',
		({ actor, allowed, resource }) => {
			for (const action of ACTIONS) {
				const call = () => authorize(actor, action, RESOURCES[resource]);
				if ((allowed[resource] ?? []).includes(action)) {
					expect(call).not.toThrow();
				} else {
					expect(call).toThrow(NotFoundError);
				}
			}
		}
	);

	it('denies with the same error as a missing object, not a distinct "forbidden"', () => {
		let denied: unknown;
		try {
			authorize(withRole('coordinator'), 'tenant.people.view', { tenantId: B });
		} catch (error) {
			denied = error;
		}
		expect(denied).toBeInstanceOf(NotFoundError);
		expect(Object.getPrototypeOf(denied)).toBe(NotFoundError.prototype);
		expect(denied).toEqual(new NotFoundError());
		expect((denied as Error).message).toBe(new NotFoundError().message);
	});
});

describe('invitableRoles', () => {
	it('lets a coordinator hand out every role in their own tenant only', () => {
		const coordinator = withRole('coordinator');
		expect(invitableRoles(coordinator, A).sort()).toEqual([
			'coordinator',
			'editor',
			'guest',
			'member',
			'steering'
		]);
		expect(invitableRoles(coordinator, B)).toEqual([]);
	});

	it('gives the other roles nothing to hand out', () => {
		for (const role of ['editor', 'member', 'steering', 'guest'] as const) {
			expect(invitableRoles(withRole(role, { [A]: [ORG_A1] }), A)).toEqual([]);
		}
	});
});
