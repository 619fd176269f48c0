import { describe, expect, it } from 'vitest';
import { actionWithQuery } from './query';

describe('actionWithQuery', () => {
	it('keeps filters and page, drops earlier actions and the confirmation', () => {
		expect(actionWithQuery(new URLSearchParams(''), 'status')).toBe('?/status');
		expect(
			actionWithQuery(new URLSearchParams('status=open&page=2&/status&erfasst=x'), 'status')
		).toBe('?status=open&page=2&/status');
		expect(actionWithQuery(new URLSearchParams('q=a b&page=3'), 'review')).toBe(
			'?q=a%20b&page=3&/review'
		);
	});
});
