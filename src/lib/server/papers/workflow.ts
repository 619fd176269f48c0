import { z } from 'zod';

/**
 * The workflow of papers as data: states and the transitions between them, each with the roles
 * that may take it. A tenant may store its own graph (paper_workflows); otherwise DEFAULT_WORKFLOW.
 *
 * Roles are relative to the paper:
 * - coordinator: the tenant's coordinators (and platform admins)
 * - originator: speakers and deputies of the originating body (e.g. the working group)
 * - addressee: who may manage the meetings of the addressed (or consulting) body, e.g. the
 *   steering group's speaker
 * - author: the paper's authors
 *
 * Two target states are special: "scheduled" is reached by putting the paper on a meeting's
 * agenda (a consultation), and the result states (decided, noted, deferred, rejected) by
 * recording the result of a consultation. The graph still decides who may do it and from where.
 */
export const WORKFLOW_ROLES = ['coordinator', 'originator', 'addressee', 'author'] as const;
export type WorkflowRole = (typeof WORKFLOW_ROLES)[number];

export const SCHEDULED_STATE = 'scheduled';
export const RESULT_STATES = ['decided', 'noted', 'deferred', 'rejected'] as const;

const stateKey = z
	.string()
	.trim()
	.regex(/^[a-z][a-z0-9_]{0,39}$/);

export const workflowDefinition = z
	.object({
		initial: stateKey,
		states: z
			.array(
				z.object({
					key: stateKey,
					/** German and English label; built-in states have message keys too */
					label: z.object({ de: z.string().min(1).max(80), en: z.string().min(1).max(80) }),
					final: z.boolean().default(false)
				})
			)
			.min(2)
			.max(30),
		transitions: z
			.array(
				z.object({
					from: stateKey,
					to: stateKey,
					roles: z.array(z.enum(WORKFLOW_ROLES)).min(1)
				})
			)
			.min(1)
			.max(200)
	})
	.superRefine((def, ctx) => {
		const keys = new Set(def.states.map((s) => s.key));
		if (keys.size !== def.states.length)
			ctx.addIssue({ code: 'custom', message: 'duplicate state', path: ['states'] });
		if (!keys.has(def.initial))
			ctx.addIssue({ code: 'custom', message: 'unknown initial state', path: ['initial'] });
		for (const t of def.transitions)
			if (!keys.has(t.from) || !keys.has(t.to) || t.from === t.to)
				ctx.addIssue({ code: 'custom', message: 'bad transition', path: ['transitions'] });
	});
export type WorkflowDefinition = z.output<typeof workflowDefinition>;

const L = (de: string, en: string) => ({ de, en });

export const DEFAULT_WORKFLOW: WorkflowDefinition = {
	initial: 'draft',
	states: [
		{ key: 'draft', label: L('Entwurf', 'Draft'), final: false },
		{ key: 'submitted', label: L('Eingereicht', 'Submitted'), final: false },
		{ key: 'scheduled', label: L('Auf der Tagesordnung', 'On an agenda'), final: false },
		{ key: 'decided', label: L('Beschlossen', 'Decided'), final: true },
		{ key: 'noted', label: L('Zur Kenntnis genommen', 'Taken note of'), final: true },
		{ key: 'deferred', label: L('Zurückgestellt', 'Deferred'), final: false },
		{ key: 'rejected', label: L('Abgelehnt', 'Rejected'), final: true },
		{ key: 'withdrawn', label: L('Zurückgezogen', 'Withdrawn'), final: true }
	],
	transitions: [
		{ from: 'draft', to: 'submitted', roles: ['originator', 'coordinator'] },
		{ from: 'draft', to: 'withdrawn', roles: ['originator', 'author', 'coordinator'] },
		{ from: 'submitted', to: 'draft', roles: ['coordinator'] },
		{ from: 'submitted', to: 'scheduled', roles: ['coordinator', 'addressee'] },
		{ from: 'submitted', to: 'withdrawn', roles: ['originator', 'coordinator'] },
		{ from: 'scheduled', to: 'decided', roles: ['coordinator', 'addressee'] },
		{ from: 'scheduled', to: 'noted', roles: ['coordinator', 'addressee'] },
		{ from: 'scheduled', to: 'deferred', roles: ['coordinator', 'addressee'] },
		{ from: 'scheduled', to: 'rejected', roles: ['coordinator', 'addressee'] },
		{ from: 'scheduled', to: 'withdrawn', roles: ['originator', 'coordinator'] },
		{ from: 'deferred', to: 'scheduled', roles: ['coordinator', 'addressee'] },
		{ from: 'deferred', to: 'withdrawn', roles: ['originator', 'coordinator'] }
	]
};

export type TransitionKind = 'button' | 'schedule' | 'result';

export function transitionKind(to: string): TransitionKind {
	if (to === SCHEDULED_STATE) return 'schedule';
	if ((RESULT_STATES as readonly string[]).includes(to)) return 'result';
	return 'button';
}

/** The transitions from `state` that someone with `roles` may take. */
export function allowedTransitions(
	def: WorkflowDefinition,
	state: string,
	roles: ReadonlySet<WorkflowRole>
): { to: string; kind: TransitionKind }[] {
	return def.transitions
		.filter((t) => t.from === state && t.roles.some((r) => roles.has(r)))
		.map((t) => ({ to: t.to, kind: transitionKind(t.to) }));
}

export function mayTransition(
	def: WorkflowDefinition,
	from: string,
	to: string,
	roles: ReadonlySet<WorkflowRole>
): boolean {
	return allowedTransitions(def, from, roles).some((t) => t.to === to);
}

export function stateLabel(def: WorkflowDefinition, key: string, locale: string): string {
	const s = def.states.find((x) => x.key === key);
	if (!s) return key;
	return locale === 'en' ? s.label.en : s.label.de;
}
