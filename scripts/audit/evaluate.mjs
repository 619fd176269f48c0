// The pure part of the dependency audit (scripts/audit/check.mjs): which high or critical
// advisories of `npm audit --json` block the run, and which a committed entry of
// audit-allow.json accepts (with a reason, until an expiry date).

export const BLOCKING = new Set(['high', 'critical']);

/** GHSA-xxxx-xxxx-xxxx from an advisory's URL, else npm's numeric id as a string. */
export function advisoryId(via) {
	const match = /GHSA(-[0-9a-z]{4}){3}/i.exec(via.url ?? '');
	return match ? match[0] : String(via.source);
}

/**
 * Problems of the allow list itself: every entry needs an id, a reason and an expiry date
 * (YYYY-MM-DD), so that no finding is accepted silently or for ever.
 */
export function allowListErrors(allowList) {
	if (!Array.isArray(allowList)) return ['audit-allow.json must hold a list (JSON array).'];
	const errors = [];
	allowList.forEach((entry, index) => {
		const where = `audit-allow.json entry ${index + 1}`;
		if (typeof entry?.id !== 'string' || entry.id.trim() === '')
			errors.push(`${where}: "id" is missing`);
		if (typeof entry?.reason !== 'string' || entry.reason.trim().length < 10)
			errors.push(
				`${where}: "reason" must say why the finding cannot be reached (10 characters or more)`
			);
		if (
			typeof entry?.expires !== 'string' ||
			!/^\d{4}-\d\d-\d\d$/.test(entry.expires) ||
			Number.isNaN(Date.parse(entry.expires))
		)
			errors.push(`${where}: "expires" must be a date YYYY-MM-DD`);
	});
	return errors;
}

/**
 * Sorts the high and critical advisories of an `npm audit --json` report (npm 7 or newer) into
 * blocking and allowed ones. `today` is YYYY-MM-DD; an entry counts up to and including its
 * expiry day. Entries that match nothing are returned as unused, to be removed.
 */
export function evaluate(report, allowList, today) {
	const findings = new Map();
	for (const [name, vulnerability] of Object.entries(report.vulnerabilities ?? {})) {
		for (const via of vulnerability.via ?? []) {
			if (typeof via !== 'object' || !BLOCKING.has(via.severity)) continue;
			const id = advisoryId(via);
			const finding = findings.get(id) ?? {
				id,
				severity: via.severity,
				package: via.name ?? name,
				title: via.title ?? '',
				url: via.url ?? '',
				range: via.range ?? '',
				through: new Set()
			};
			finding.through.add(name);
			findings.set(id, finding);
		}
	}
	const byId = new Map(allowList.map((entry) => [entry.id.toLowerCase(), entry]));
	const blocking = [];
	const allowed = [];
	const expired = [];
	for (const finding of findings.values()) {
		const entry = byId.get(finding.id.toLowerCase());
		const result = { ...finding, through: [...finding.through].sort() };
		if (!entry) blocking.push(result);
		else if (entry.expires < today) expired.push({ ...result, entry });
		else allowed.push({ ...result, entry });
	}
	const found = new Set([...findings.keys()].map((id) => id.toLowerCase()));
	const unused = allowList.filter((entry) => !found.has(entry.id.toLowerCase()));
	return { blocking, allowed, expired, unused };
}

/** npm answers `{ "error": … }` or `{ "message", "statusCode" }` when its audit service fails. */
export function auditServiceError(report) {
	if (report && typeof report === 'object' && 'vulnerabilities' in report) return undefined;
	const message = report?.error?.summary || report?.message || 'no audit report';
	return String(message);
}
