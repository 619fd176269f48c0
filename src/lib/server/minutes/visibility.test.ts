import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { MINUTES_STATES, type MinutesState } from '../meetings/schema';
import {
	canApproveMinutes,
	canReadMinutes,
	canReadNonPublicItems,
	minutesReader,
	type MinutesReader
} from './visibility';

const FLAGS = ['isManager', 'wasPresent', 'isBodyMember', 'canSeeBody'] as const;

/** All 16 combinations of the four reader flags. */
const readers: MinutesReader[] = Array.from({ length: 16 }, (_, n) => {
	const r = {} as MinutesReader;
	FLAGS.forEach((f, i) => (r[f] = !!(n & (1 << i))));
	return r;
});

/** The expected rule, written as a table: which flags open which state. */
const OPENS: Record<MinutesState, readonly (typeof FLAGS)[number][]> = {
	none: ['isManager'],
	draft: ['isManager'],
	shared: ['isManager', 'wasPresent'],
	approved: ['isManager', 'wasPresent', 'isBodyMember'],
	published: ['isManager', 'wasPresent', 'isBodyMember', 'canSeeBody']
};

describe('canReadMinutes', () => {
	it.each(MINUTES_STATES.flatMap((s) => readers.map((r) => [s, r] as const)))(
		'state %s, reader %o',
		(state, reader) => {
			const expected = OPENS[state].some((f) => reader[f]);
			expect(canReadMinutes(state, reader)).toBe(expected);
		}
	);

	it('nobody without any of the flags reads anything, not even published minutes', () => {
		const nobody = { isManager: false, wasPresent: false, isBodyMember: false, canSeeBody: false };
		for (const s of MINUTES_STATES) expect(canReadMinutes(s, nobody)).toBe(false);
	});

	it('a visitor who only sees the body reads published minutes only', () => {
		const visitor = { isManager: false, wasPresent: false, isBodyMember: false, canSeeBody: true };
		expect(MINUTES_STATES.filter((s) => canReadMinutes(s, visitor))).toEqual(['published']);
		expect(canReadNonPublicItems(visitor)).toBe(false);
	});

	it('non-public items: the inner circle only', () => {
		for (const r of readers) {
			expect(canReadNonPublicItems(r)).toBe(r.isManager || r.wasPresent || r.isBodyMember);
		}
	});
});

const TENANT = '00000000-0000-4000-8000-000000000001';
const BODY = { id: '00000000-0000-4000-8000-0000000000b1', tenantId: TENANT };
function actor(role: Actor['roles'][string] | null, bodyRole?: Actor['bodyRoles'][string]): Actor {
	return {
		userId: 'u',
		email: 'u@example.org',
		name: 'U',
		isPlatformAdmin: false,
		roles: role ? { [TENANT]: role } : {},
		editorOf: {},
		bodyRoles: bodyRole ? { [BODY.id]: bodyRole } : {}
	};
}

describe('minutesReader', () => {
	it('derives the flags from the actor, the body and the attendance', () => {
		const members = { ...BODY, visibility: 'members' as const };
		expect(minutesReader(null, { ...BODY, visibility: 'public' }, true)).toEqual({
			isManager: false,
			wasPresent: false,
			isBodyMember: false,
			canSeeBody: true
		});
		expect(minutesReader(actor('member'), members, false)).toEqual({
			isManager: false,
			wasPresent: false,
			isBodyMember: false,
			canSeeBody: false
		});
		expect(minutesReader(actor('member', 'member'), members, true)).toEqual({
			isManager: false,
			wasPresent: true,
			isBodyMember: true,
			canSeeBody: true
		});
		expect(minutesReader(actor('member', 'moderator'), members, false).isManager).toBe(true);
		expect(minutesReader(actor('coordinator'), members, false).isManager).toBe(true);
		// a body role without a role in the tenant counts for nothing
		expect(minutesReader(actor(null, 'member'), members, false).isBodyMember).toBe(false);
	});
});

describe('canApproveMinutes', () => {
	it('speakers, deputies and the coordination approve; moderators and members do not', () => {
		expect(canApproveMinutes(actor('member', 'speaker'), BODY)).toBe(true);
		expect(canApproveMinutes(actor('editor', 'deputy'), BODY)).toBe(true);
		expect(canApproveMinutes(actor('coordinator'), BODY)).toBe(true);
		expect(canApproveMinutes(actor('member', 'moderator'), BODY)).toBe(false);
		expect(canApproveMinutes(actor('member', 'member'), BODY)).toBe(false);
		expect(canApproveMinutes(actor(null, 'speaker'), BODY)).toBe(false);
		expect(canApproveMinutes(null, BODY)).toBe(false);
	});
});
