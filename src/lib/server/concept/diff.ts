/**
 * The difference between two editions of a concept. A copied edition remembers for each of its
 * guidelines, goals and measures the item it was copied from (originId), so items are matched
 * across editions even when renamed. Pure; tested in diff.test.ts.
 */

export interface DiffItem {
	id: string;
	originId: string | null;
	/** shown in the diff */
	label: string;
	/** compared field by field */
	fields: Record<string, string | number | boolean | null>;
}

export interface EditionSnapshot {
	leitbild: string | null;
	guidelines: DiffItem[];
	goals: DiffItem[];
	measures: DiffItem[];
}

export interface Change {
	field: string;
	before: string | number | boolean | null;
	after: string | number | boolean | null;
}

export interface SectionDiff {
	added: DiffItem[];
	removed: DiffItem[];
	changed: { before: DiffItem; after: DiffItem; changes: Change[] }[];
	unchanged: number;
}

export interface EditionDiff {
	leitbildChanged: boolean;
	leitbild: { before: string | null; after: string | null };
	guidelines: SectionDiff;
	goals: SectionDiff;
	measures: SectionDiff;
}

/**
 * Items of `after` match an item of `before` when their originId is its id (a copy) or when
 * both share the same originId (two copies of one item) or the same id.
 */
export function diffSection(before: DiffItem[], after: DiffItem[]): SectionDiff {
	const out: SectionDiff = { added: [], removed: [], changed: [], unchanged: 0 };
	const matched = new Set<string>();
	for (const b of after) {
		const a = before.find(
			(x) =>
				!matched.has(x.id) &&
				(x.id === b.originId || x.id === b.id || (!!b.originId && x.originId === b.originId))
		);
		if (!a) {
			out.added.push(b);
			continue;
		}
		matched.add(a.id);
		const keys = new Set([...Object.keys(a.fields), ...Object.keys(b.fields)]);
		const changes: Change[] = [];
		for (const k of keys) {
			const x = a.fields[k] ?? null;
			const y = b.fields[k] ?? null;
			if (x !== y) changes.push({ field: k, before: x, after: y });
		}
		if (changes.length) out.changed.push({ before: a, after: b, changes });
		else out.unchanged++;
	}
	out.removed = before.filter((x) => !matched.has(x.id));
	return out;
}

export function diffEditions(before: EditionSnapshot, after: EditionSnapshot): EditionDiff {
	return {
		leitbildChanged: (before.leitbild ?? '') !== (after.leitbild ?? ''),
		leitbild: { before: before.leitbild, after: after.leitbild },
		guidelines: diffSection(before.guidelines, after.guidelines),
		goals: diffSection(before.goals, after.goals),
		measures: diffSection(before.measures, after.measures)
	};
}
