import type { RequestHandler } from './$types';
import { reportResponse } from '$lib/server/district/report-response';

export const GET: RequestHandler = (event) => reportResponse(event, 'html');
