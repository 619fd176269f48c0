import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ACTIONS, ENTITIES } from '$lib/components/audit-labels/concept';

const dir = path.dirname(new URL(import.meta.url).pathname);
const sources = readdirSync(dir)
	.filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
	.map((f) => readFileSync(path.join(dir, f), 'utf8'))
	.join('\n');

describe('audit labels of the concept', () => {
	it('name every audit action and entity type the concept services write', () => {
		const actions = new Set(
			[...sources.matchAll(/'(concept\.[a-z_]+)'/g)]
				.map((m) => m[1])
				.filter((a) => !['concept.view', 'concept.manage', 'concept.prioritise'].includes(a))
		);
		expect(actions.size).toBeGreaterThan(20);
		for (const a of actions) expect(ACTIONS[a], a).toBeTypeOf('function');
		const entities = new Set(
			[...sources.matchAll(/entityType: '(concept_[a-z_]+)'/g)].map((m) => m[1])
		);
		for (const e of entities) expect(ENTITIES[e], e).toBeTypeOf('function');
		expect(ACTIONS['concept.measure_state']()).toBe('Stand einer Maßnahme geändert');
	});
});
