import nodemailer from 'nodemailer';
import type { MailPayload } from './schema';
import type { Logger } from 'pino';

export interface MailTransport {
	name: 'smtp' | 'mailbox';
	send(payload: MailPayload, from: string): Promise<void>;
	close?(): void;
}

/** Delivers through an SMTP server (SMTP_URL). */
export function smtpTransport(url: string): MailTransport {
	const transporter = nodemailer.createTransport(url);
	return {
		name: 'smtp',
		async send(payload, from) {
			await transporter.sendMail({
				from,
				to: payload.to,
				subject: payload.subject,
				text: payload.text,
				html: payload.html,
				attachments: payload.attachments?.map((a) => ({
					filename: a.filename,
					content: a.content,
					contentType: a.contentType
				}))
			});
		},
		close: () => transporter.close()
	};
}

/** Without SMTP_URL: the mail stays in the outbox for the dev mailbox page and is logged. */
export function mailboxTransport(log: Logger): MailTransport {
	return {
		name: 'mailbox',
		async send(payload) {
			log.info(
				{ to: payload.to, subject: payload.subject },
				'mail kept in the dev mailbox (no SMTP_URL set)'
			);
		}
	};
}
