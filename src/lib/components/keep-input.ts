/**
 * For `use:enhance={keepInput}` on any enhanced form: after a submit the form keeps what
 * was typed instead of being reset (SvelteKit resets an enhanced form after a success).
 */
export const keepInput =
	() =>
	({ update }: { update: (options?: { reset?: boolean }) => Promise<void> }) =>
		update({ reset: false });
