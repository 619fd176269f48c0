/**
 * The address of a form action that keeps the list's filters and page (?status=open&/status),
 * so that a list looks the same after a post without JavaScript. Drops earlier action names and
 * the one-off confirmation parameter.
 */
export function actionWithQuery(params: URLSearchParams, action: string): string {
	const kept = [...params.entries()]
		.filter(([key]) => !key.startsWith('/') && key !== 'erfasst')
		.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
	return kept.length > 0 ? `?${kept.join('&')}&/${action}` : `?/${action}`;
}
