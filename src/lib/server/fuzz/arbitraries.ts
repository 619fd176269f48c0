/**
 * Generated inputs for the fuzz tests (issue 16): what a hostile or careless client can put into
 * a form field or a JSON body. One seed per run, printed, so that a failure can be replayed with
 * `FUZZ_SEED=<seed> npx vitest run src/lib/server/fuzz`.
 */
import fc from 'fast-check';
import { m } from '$lib/paraglide/messages';

/** The run's seed: FUZZ_SEED, else a new one (printed once per file). */
export function fuzzSeed(file: string): number {
	const given = Number(process.env.FUZZ_SEED);
	const seed = Number.isInteger(given) && process.env.FUZZ_SEED ? given : Date.now() % 2 ** 31;
	console.log(`[fuzz] ${file}: seed ${seed} (replay: FUZZ_SEED=${seed})`);
	return seed;
}

/** Pieces that broke or could break parsers, databases and renderers. */
const PIECES = [
	'\u0000',
	'\u0001',
	'\u0008',
	'\u000b',
	'\u001b[31m',
	'\u007f',
	'\t',
	'\r\n',
	'\u200e',
	'\u200f',
	'\u202e',
	'\u2066',
	'\ufeff',
	'\ufffd',
	'\ud800',
	'\udfff',
	'🇩🇪',
	'👩🏽‍🔧',
	'é',
	'مرحبا',
	'Ünïcödé',
	'ß',
	' ',
	'',
	'<script>alert(1)</script>',
	'"\'`;--',
	'%00',
	'../../etc/passwd',
	'0000-01-01',
	'0000-01-01T00:00',
	'9999-12-31',
	'+275760-09-13',
	'-000001-01-01',
	'2024-02-30',
	'2024-13-01T25:61',
	'1970-01-01T00:00:00Z',
	'NaN',
	'Infinity',
	'-1',
	'1e309',
	'99999999999999999999',
	'0x1F',
	'12,5',
	'true',
	'on',
	'null',
	'undefined',
	'00000000-0000-0000-0000-000000000000',
	'not-a-uuid',
	'a@b',
	'person@example.org',
	// a well-formed address longer than the 254 characters an address may have
	`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.example`,
	'https://example.org',
	'javascript:alert(1)',
	'__proto__',
	'constructor'
];

/** A hostile text: nasty pieces and random unicode joined, now and then very long. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
	{ weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
	{ weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
	{
		weight: 4,
		arbitrary: fc
			.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })), { maxLength: 6 })
			.map((parts) => parts.join(''))
	},
	{
		weight: 1,
		arbitrary: fc
			.tuple(
				fc.constantFrom('x', 'ä', '\u202e', '🇩🇪', 'a '),
				fc.integer({ min: 1_000, max: 200_000 })
			)
			.map(([unit, n]) => unit.repeat(n))
	}
);

/** What a form field can hold: one text, several (a repeated name), or nothing. */
export const formValue: fc.Arbitrary<string | string[] | undefined> = fc.oneof(
	{ weight: 6, arbitrary: nastyString },
	{ weight: 1, arbitrary: fc.array(nastyString, { maxLength: 4 }) },
	{ weight: 1, arbitrary: fc.constant(undefined) }
);

/** A value of the wrong type (a JSON body or a script, not a form). */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
	fc.integer(),
	fc.double(),
	fc.boolean(),
	fc.constant(null),
	fc.date({ noInvalidDate: false }),
	fc.bigInt(),
	fc.object({ maxDepth: 2 }),
	fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 })
);

/** Form values for the given field names (missing fields stay missing). */
export function formRecord(
	fields: readonly string[]
): fc.Arbitrary<Record<string, string | string[]>> {
	return fc
		.tuple(...fields.map(() => formValue))
		.map((values) =>
			Object.fromEntries(
				fields.flatMap((name, i) => (values[i] === undefined ? [] : [[name, values[i]]]))
			)
		) as fc.Arbitrary<Record<string, string | string[]>>;
}

/** A form as a browser sends it: every field present, each one text. */
export function textRecord(fields: readonly string[]): fc.Arbitrary<Record<string, string>> {
	return fc
		.tuple(...fields.map(() => nastyString))
		.map((values) => Object.fromEntries(fields.map((name, i) => [name, values[i]])));
}

/** The keys a form may send, mixed with wrong types and unknown keys. */
export function anyRecord(fields: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
	return fc
		.tuple(
			...fields.map(() => fc.oneof(formValue, wrongType)),
			fc.dictionary(nastyString, fc.anything({ maxDepth: 1 }), { maxKeys: 2 })
		)
		.map((values) => {
			const extra = values[fields.length] as Record<string, unknown>;
			const out: Record<string, unknown> = { ...extra };
			fields.forEach((name, i) => {
				if (values[i] !== undefined) out[name] = values[i];
			});
			return out;
		});
}

type MessageFn = (inputs?: Record<string, unknown>, options?: { locale?: string }) => string;

/** Whether `key` is a message with a non-empty text in `locale`. */
export function isMessageIn(key: string, locale: 'de' | 'en' | 'ar'): boolean {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[key];
	if (typeof fn !== 'function') return false;
	const text = fn({}, { locale });
	return typeof text === 'string' && text.trim() !== '';
}

/**
 * All texts of all messages in `locale`, with the parameters left empty: a form error must be one
 * of them (its parameters filled in) and not a bare key or a library's English default.
 */
export function messageTexts(locale: 'de' | 'en' | 'ar'): string[] {
	return Object.values(m as unknown as Record<string, MessageFn>)
		.filter((fn) => typeof fn === 'function')
		.map((fn) => {
			try {
				return fn({}, { locale });
			} catch {
				return '';
			}
		})
		.filter((t) => t !== '');
}

/** Whether a shown text is a message of `locale` (parameters, like the minutes of a wait, aside). */
export function isTranslatedText(text: string, texts: string[]): boolean {
	return texts.some((t) => {
		if (t === text) return true;
		const parts = t.split('undefined');
		if (parts.length === 1) return false;
		let rest = text;
		for (const [i, part] of parts.entries()) {
			const at = rest.indexOf(part);
			if (at < 0 || (i === 0 && at !== 0)) return false;
			rest = rest.slice(at + part.length);
		}
		return parts[parts.length - 1] === '' || rest === '';
	});
}
