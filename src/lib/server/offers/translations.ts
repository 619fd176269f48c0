/**
 * Translation states of texts kept per language (offers and organisations). German is the
 * source ("original"); a further language is a draft, reviewed, or outdated once the German
 * text changed after it was written.
 */
import type { TranslationState } from './vocabulary';
import { sameValue as same } from '../shared';

export interface LocalizedText<C> {
	locale: string;
	content: C;
	state: TranslationState;
}

/**
 * The states to store for the next version of a text set. The German text is always
 * "original". When the German content changes, every other language whose content did not
 * change in the same step becomes "outdated"; a language that was edited keeps the state its
 * editor chose (never "original").
 */
export function nextTranslationStates<C>(
	before: LocalizedText<C>[],
	after: LocalizedText<C>[]
): LocalizedText<C>[] {
	const prev = new Map(before.map((t) => [t.locale, t]));
	const prevDe = prev.get('de');
	const nextDe = after.find((t) => t.locale === 'de');
	const germanChanged = !!prevDe && !!nextDe && !same(prevDe.content, nextDe.content);
	return after.map((t) => {
		if (t.locale === 'de') return { ...t, state: 'original' };
		const old = prev.get(t.locale);
		const unchanged = !!old && same(old.content, t.content);
		if (germanChanged && unchanged) return { ...t, state: 'outdated' };
		if (t.state === 'original') return { ...t, state: 'draft' };
		return t;
	});
}
