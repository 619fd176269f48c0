/**
 * Issue 16, property-based fuzzing of every zod schema of a form or endpoint: the validation
 * modules (`**\/validation.ts`, `*-schema.ts`) and the schemas that use cases export. For
 * generated inputs (control characters, NUL, RTL marks, huge strings, far-out dates, unicode,
 * wrong types, unknown keys) a schema never throws, and every message it gives for what a form
 * can send (every field a text, as a browser sends the form) is a message key with a text in
 * German, English and Arabic, never a library's English default. Missing fields, lists and wrong
 * types (a crafted request) only must not throw: the form actions answer those with 400.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { anyRecord, fuzzSeed, isMessageIn, nastyString, wrongType } from './arbitraries';

const validationModules = import.meta.glob<Record<string, unknown>>(
	['../**/validation.ts', '../**/*-schema.ts'],
	{ eager: true }
);
/** Use-case modules that export the schema of a form or endpoint. */
const useCaseModules = import.meta.glob<Record<string, unknown>>(
	[
		'../meetings/agenda-items.ts',
		'../meetings/speakers.ts',
		'../meetings/meetings.ts',
		'../audit/service.ts',
		'../needs/offer-review.ts',
		'../tenants/settings.ts',
		'../tenants/legal.ts',
		'../reports/input.ts',
		'../minutes/action-items.ts',
		'../minutes/action-item-input.ts',
		'../papers/workflow.ts'
	],
	{ eager: true }
);

interface Target {
	name: string;
	schema: z.ZodType;
	fields: string[] | null;
}

type Def = {
	type: string;
	shape?: Record<string, unknown>;
	in?: z.ZodType;
	out?: z.ZodType;
	innerType?: z.ZodType;
	left?: z.ZodType;
	right?: z.ZodType;
	options?: z.ZodType[];
	element?: z.ZodType;
	valueType?: z.ZodType;
	keyType?: z.ZodType;
	entries?: Record<string, string>;
};

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Input shaped as the route hands it to the schema: texts for text fields (the route passes the
 * form's strings), and where the schema wants them, lists (repeated fields), ticked boxes and the
 * per-language records the route builds — each filled with generated texts.
 */
function formShaped(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
	const def = defOf(schema);
	if (depth > 8) return nastyString;
	switch (def.type) {
		case 'object':
			return fc.record(
				Object.fromEntries(
					Object.entries(def.shape ?? {}).map(([k, v]) => [
						k,
						formShaped(v as z.ZodType, depth + 1)
					])
				)
			);
		case 'array':
			return fc.array(formShaped(def.element!, depth + 1), { maxLength: 4 });
		case 'boolean':
			return fc.boolean();
		case 'record':
			return fc.dictionary(
				// an enum of keys (languages, fields) as the form has them, else any names
				defOf(def.keyType!).type === 'enum'
					? fc.constantFrom(...Object.values(defOf(def.keyType!).entries!))
					: fc.constantFrom('de', 'en', 'ar', 'a', 'b'),
				formShaped(def.valueType!, depth + 1),
				{ maxKeys: 3 }
			);
		case 'pipe': {
			// preprocess = pipe(transform, schema): the data comes in as the schema after it wants
			const inner = defOf(def.in!).type === 'transform' ? def.out! : def.in!;
			return formShaped(inner, depth + 1);
		}
		case 'optional':
		case 'nullable':
		case 'default':
		case 'prefault':
		case 'readonly':
		case 'catch':
			return formShaped(def.innerType!, depth + 1);
		case 'intersection':
			return fc
				.tuple(formShaped(def.left!, depth + 1), formShaped(def.right!, depth + 1))
				.map(([a, b]) => ({ ...(a as object), ...(b as object) }));
		case 'union':
			return fc.oneof(...def.options!.map((o) => formShaped(o, depth + 1)));
		default:
			return nastyString;
	}
}

/** The field names of an object schema (through preprocess, pipes, refinements, defaults). */
function fieldsOf(schema: z.ZodType, depth = 0): string[] | null {
	if (depth > 8) return null;
	const def = defOf(schema);
	if (def.type === 'object' && def.shape) return Object.keys(def.shape);
	const parts = [def.in, def.out, def.innerType, def.left, def.right, ...(def.options ?? [])];
	const found = parts.filter((p): p is z.ZodType => !!p).map((p) => fieldsOf(p, depth + 1));
	const keys = found.filter((k): k is string[] => k !== null).flat();
	return keys.length ? [...new Set(keys)] : null;
}

const targets: Target[] = Object.entries({ ...validationModules, ...useCaseModules }).flatMap(
	([file, exports]) =>
		Object.entries(exports)
			.filter(([, v]) => v instanceof z.ZodType)
			.map(([name, schema]) => ({
				name: `${file.replace('../', '')}:${name}`,
				schema: schema as z.ZodType,
				fields: fieldsOf(schema as z.ZodType)
			}))
);

const seed = fuzzSeed('schemas');
const RUNS = Number(process.env.FUZZ_RUNS_SCHEMA ?? 60);
let inputs = 0;

/** The messages a failed parse gives, each checked to be a translated message key. */
function untranslatedMessages(result: z.ZodSafeParseResult<unknown>): string[] {
	if (result.success) return [];
	return result.error.issues
		.map((issue) => issue.message)
		.filter((key) => !isMessageIn(key, 'de') || !isMessageIn(key, 'en') || !isMessageIn(key, 'ar'));
}

// Thousands of inputs per run: on a loaded two-core machine one schema's run can take longer
// than the default 20 s; a slow run says nothing about the behaviour checked here.
describe('zod schemas of forms and endpoints under generated input', { timeout: 120_000 }, () => {
	it('finds the schemas (validation modules and use cases)', () => {
		expect(targets.length).toBeGreaterThan(60);
		expect(targets.map((t) => t.name)).toEqual(
			expect.arrayContaining([
				'inquiries/validation.ts:inquiryInput',
				'participation/validation.ts:registrationInput',
				'participation/validation.ts:contributionInput',
				'bodies/validation.ts:joinRequestInput',
				'auth/validation.ts:signInInput',
				'auth/validation.ts:setPasswordInput',
				'meetings/meetings.ts:meetingInput'
			])
		);
	});

	// the paper workflow is a stored JSON setting, not a form: its editor checks it itself
	for (const target of targets.filter((t) => !t.name.endsWith(':workflowDefinition'))) {
		it(`${target.name}: form input gives translated messages, never a throw`, () => {
			const input = formShaped(target.schema);
			fc.assert(
				fc.property(input, (raw) => {
					inputs += 1;
					const result = target.schema.safeParse(raw);
					expect(untranslatedMessages(result), JSON.stringify(raw).slice(0, 300)).toEqual([]);
				}),
				{ seed, numRuns: RUNS }
			);
		});
	}

	for (const target of targets) {
		it(`${target.name}: wrong types and unknown keys never throw`, () => {
			const input = target.fields ? anyRecord(target.fields) : fc.oneof(nastyString, wrongType);
			fc.assert(
				fc.property(input, (raw) => {
					inputs += 1;
					expect(() => target.schema.safeParse(raw)).not.toThrow();
				}),
				{ seed, numRuns: Math.ceil(RUNS / 2) }
			);
		});
	}

	// found by this fuzzing: both showed zod's English default text instead of a message
	it('a sign-in password over 1000 characters gets a message, not the library text', async () => {
		const { signInInput } = await import('../auth/validation');
		const result = signInInput.safeParse({ email: 'a@example.org', password: 'x'.repeat(1001) });
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => i.message)).toEqual(['error_password_too_long']);
	});

	it('an indicator level that the form does not offer gets a message', async () => {
		const { indicatorInput } = await import('../concept/validation');
		const result = indicatorInput.safeParse({
			name: 'Quote',
			unit: '%',
			direction: 'higher',
			level: 'state',
			isPublic: false,
			goalIds: []
		});
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => i.message)).toContain('concept_error_level_invalid');
	});

	it('counts its inputs', () => {
		console.log(`[fuzz] schemas: ${targets.length} schemas, ${inputs} generated inputs`);
		expect(inputs).toBeGreaterThanOrEqual((targets.length - 1) * RUNS);
	});
});
