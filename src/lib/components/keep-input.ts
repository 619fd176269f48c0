import { invalidateAll } from '$app/navigation';

/**
 * For `use:enhance={keepInput}` on any enhanced form: after a submit the form keeps what
 * was typed instead of being reset (SvelteKit resets an enhanced form after a success).
 */
export const keepInput =
	() =>
	({ update }: { update: (options?: { reset?: boolean }) => Promise<void> }) =>
		update({ reset: false });

/**
 * `keepInput` for a form with a spam challenge (SpamGuard): after a failed submit the page also
 * loads a fresh challenge — the one sent may have been redeemed or expired and would be refused
 * again — while the form keeps what was typed and its messages. Without JavaScript the failed
 * POST renders the page with a fresh challenge anyway.
 */
export const keepInputNewChallenge =
	() =>
	async ({
		result,
		update
	}: {
		result: { type: string };
		update: (options?: { reset?: boolean }) => Promise<void>;
	}) => {
		await update({ reset: false });
		if (result.type === 'failure') await invalidateAll();
	};

/**
 * The spam challenge for a form: the one a submission refused for its fields brought back
 * (formAction's `keep`), so that sending again at once is not "too fast"; else the page's fresh one.
 */
export function challengeFor(form: unknown, fresh: string): string {
	const kept =
		form && typeof form === 'object' && 'challenge' in form
			? (form as { challenge?: unknown }).challenge
			: null;
	return typeof kept === 'string' ? kept : fresh;
}
