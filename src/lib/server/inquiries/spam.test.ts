import { describe, expect, it } from 'vitest';
import {
	checkSubmission,
	issueChallenge,
	leadingZeroBits,
	MIN_FILL_SECONDS,
	parseChallenge,
	solveProofOfWork,
	verifyProofOfWork,
	addressKey
} from './spam';

const later = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000);

describe('leadingZeroBits', () => {
	it('counts zero bits across bytes', () => {
		expect(leadingZeroBits(new Uint8Array([0xff]))).toBe(0);
		expect(leadingZeroBits(new Uint8Array([0x01]))).toBe(7);
		expect(leadingZeroBits(new Uint8Array([0x00, 0x00, 0x10]))).toBe(19);
	});
});

describe('challenge', () => {
	it('verifies its own signature and rejects a changed one', () => {
		const now = new Date('2026-11-01T10:00:00Z');
		const c = issueChallenge(now, 8);
		expect(parseChallenge(c)).toEqual({ nonce: c.split('.')[0], issuedAt: now, difficulty: 8 });
		const [nonce, , diff, sig] = c.split('.');
		// an older time with the old signature
		expect(parseChallenge(`${nonce}.${now.getTime() - 60_000}.${diff}.${sig}`)).toBeNull();
		// a lower difficulty with the old signature
		expect(parseChallenge(`${nonce}.${now.getTime()}.0.${sig}`)).toBeNull();
		expect(parseChallenge('garbage')).toBeNull();
		expect(parseChallenge(undefined)).toBeNull();
	});
});

describe('proof of work', () => {
	it('accepts a solution and rejects others', () => {
		const c = issueChallenge(new Date(), 10);
		const solution = solveProofOfWork(c, 10);
		expect(verifyProofOfWork(c, solution, 10)).toBe(true);
		// the same counter for another challenge almost never works; find one that fails
		let wrong = Number(solution) + 1;
		while (verifyProofOfWork(c, String(wrong), 10)) wrong++;
		expect(verifyProofOfWork(c, String(wrong), 10)).toBe(false);
		expect(verifyProofOfWork(c, 'abc', 10)).toBe(false);
	});
});

describe('checkSubmission', () => {
	const issued = new Date('2026-11-01T10:00:00Z');
	const challenge = issueChallenge(issued, 8);

	it('accepts a form filled in by a person without JavaScript', () => {
		expect(checkSubmission({ honeypot: '', challenge }, later(issued, 30))).toEqual({
			ok: true,
			proofOfWork: false
		});
	});
	it('accepts a solved proof of work', () => {
		const pow = solveProofOfWork(challenge, 8);
		expect(checkSubmission({ challenge, pow }, later(issued, 30))).toEqual({
			ok: true,
			proofOfWork: true
		});
	});
	it('rejects a filled honeypot', () => {
		expect(checkSubmission({ honeypot: 'http://spam', challenge }, later(issued, 30))).toEqual({
			ok: false,
			reason: 'honeypot'
		});
	});
	it('rejects a form sent back too fast', () => {
		expect(checkSubmission({ challenge }, later(issued, MIN_FILL_SECONDS - 1))).toMatchObject({
			reason: 'too_fast'
		});
	});
	it('rejects a form older than a day and one without a valid challenge', () => {
		expect(checkSubmission({ challenge }, later(issued, 25 * 3600))).toMatchObject({
			reason: 'expired'
		});
		expect(checkSubmission({ challenge: 'x.1.8.y' }, later(issued, 30))).toMatchObject({
			reason: 'expired'
		});
		expect(checkSubmission({}, later(issued, 30))).toMatchObject({ reason: 'expired' });
	});
	it('rejects a wrong proof of work', () => {
		let wrong = 0;
		while (verifyProofOfWork(challenge, String(wrong), 8)) wrong++;
		expect(checkSubmission({ challenge, pow: String(wrong) }, later(issued, 30))).toEqual({
			ok: false,
			reason: 'proof_of_work'
		});
	});
});

describe('addressKey', () => {
	it('never contains the raw address', () => {
		const key = addressKey('inquiry:t', '203.0.113.7');
		expect(key).not.toContain('203.0.113.7');
		expect(key).toBe(addressKey('inquiry:t', '203.0.113.7'));
		expect(key).not.toBe(addressKey('inquiry:t', '203.0.113.8'));
		expect(addressKey('inquiry:t', undefined)).toBeNull();
	});
});
