/** A citizen's message assigned to a coordinator: a notification (notifications/notify.ts). */
import { m } from '$lib/paraglide/messages';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { composeMail } from '../mail/compose';
import { notify } from '../notifications/notify';
import { dateText } from '../shared/date-text';
import type { inquiries } from './schema';

export async function notifyInquiryAssigned(
	tx: Executor,
	ctx: TenantCtx,
	row: typeof inquiries.$inferSelect,
	userId: string
): Promise<void> {
	const link = `${ctx.origin}/app/${ctx.tenant.slug}/anliegen/${row.id}`;
	await notify(tx, {
		origin: ctx.origin,
		tenantId: row.tenantId,
		userId,
		kind: 'inquiry',
		key: `inquiry.assigned:${row.id}:${userId}`,
		link,
		mail: (r) => {
			const { locale } = r;
			const due = row.dueOn
				? m.workspace_mail_due_on({ date: dateText(row.dueOn, locale) }, { locale })
				: m.workspace_mail_no_due({}, { locale });
			return composeMail(
				r,
				m.workspace_mail_inquiry_subject({ reference: row.reference }, { locale }),
				m.workspace_mail_inquiry_body(
					{ name: r.name, reference: row.reference, subject: row.subject ?? '–', due, link },
					{ locale }
				)
			);
		}
	});
}
