import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { testCtx, testTenantCtx, useTestSetup } from '../db/testing/test-db';
import type { Db } from '../db/client';
import { inBody, tenantScenario, type TestRole } from '../db/testing/test-actors';
import { withTenant } from '../context';
import { buildAgendaItem, buildBody, buildMeeting } from '../factories';
import { auditLog } from '../audit/schema';
import type { BodyVisibility, MembershipRole } from '../bodies/schema';
import { NotFoundError, ValidationError } from '../errors';
import { files } from './schema';
import {
	checkUpload,
	cleanFileName,
	deleteFile,
	FILE_MAX_BYTES,
	setFilePublic,
	uploadFile
} from './files';
import { downloadHeaders, fileResponse, getFileForMember, getPublicFile } from './downloads';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
/** The start of a ZIP entry (local file header, 30 bytes) named `name`, content stored. */
function zipEntry(name: string, content: string): Buffer {
	const header = Buffer.alloc(30);
	header.writeUInt32LE(0x04034b50, 0);
	header.writeUInt16LE(name.length, 26);
	return Buffer.concat([header, Buffer.from(name, 'latin1'), Buffer.from(content, 'latin1')]);
}
const ODT = zipEntry('mimetype', 'application/vnd.oasis.opendocument.text');
const DOCX = Buffer.concat([
	zipEntry('[Content_Types].xml', '<Types/>'),
	zipEntry('word/document.xml', '<w:document/>')
]);

const setup = useTestSetup(
	async (db: Db, visibility: BodyVisibility = 'network', tenantPublic: boolean = true) => {
		const { tenant, other, ctxFor: actor } = await tenantScenario(db, { isPublic: tenantPublic });
		const body = await buildBody(db, tenant.id, { visibility });
		const meeting = await buildMeeting(db, body);
		const item = await buildAgendaItem(db, meeting, 1);
		const ctxFor = (role: TestRole, bodyRole?: MembershipRole) =>
			actor(role, inBody(body, bodyRole));
		const coordinator = await ctxFor('coordinator');
		return { db, tenant, other, body, meeting, item, ctxFor, coordinator };
	}
);

const fileError = (fileName: string, bytes: Uint8Array) => {
	try {
		checkUpload(fileName, bytes);
		return null;
	} catch (e) {
		expect(e).toBeInstanceOf(ValidationError);
		return (e as ValidationError).fieldErrors.file;
	}
};

describe('checkUpload', () => {
	it('accepts the allowed types by extension and content', () => {
		expect(checkUpload('Einladung.pdf', PDF)).toEqual({
			fileName: 'Einladung.pdf',
			mediaType: 'application/pdf'
		});
		expect(checkUpload('Foto.PNG', PNG).mediaType).toBe('image/png');
		expect(checkUpload('Bild.jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0])).mediaType).toBe(
			'image/jpeg'
		);
		expect(checkUpload('Protokoll.odt', ODT).mediaType).toBe(
			'application/vnd.oasis.opendocument.text'
		);
		expect(checkUpload('Bericht.docx', DOCX).mediaType).toBe(
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
		);
		expect(checkUpload('liste.csv', Buffer.from('Name;Ort\nCaritas;Landshut\n')).mediaType).toBe(
			'text/csv; charset=utf-8'
		);
		// Excel's CSV in Windows-1252 ("Bürger" with ü = 0xfc)
		expect(
			checkUpload('alt.csv', Buffer.from([0x42, 0xfc, 0x72, 0x67, 0x65, 0x72])).mediaType
		).toBe('text/csv; charset=windows-1252');
	});

	it('refuses other types: HTML, SVG, executables, no extension', () => {
		expect(fileError('seite.html', Buffer.from('<html></html>'))).toBe('meetings_error_file_type');
		expect(fileError('logo.svg', Buffer.from('<svg/>'))).toBe('meetings_error_file_type');
		expect(fileError('setup.exe', Buffer.from('MZ\x90\x00'))).toBe('meetings_error_file_type');
		expect(fileError('makro.docm', DOCX)).toBe('meetings_error_file_type');
		expect(fileError('README', Buffer.from('text'))).toBe('meetings_error_file_type');
	});

	it('refuses content that does not match the extension', () => {
		expect(fileError('falsch.pdf', Buffer.from('<html><script>alert(1)</script></html>'))).toBe(
			'meetings_error_file_content'
		);
		expect(fileError('bild.pdf', PNG)).toBe('meetings_error_file_content');
		expect(fileError('programm.png', Buffer.from('MZ\x90\x00\x03'))).toBe(
			'meetings_error_file_content'
		);
		expect(fileError('tabelle.xlsx', DOCX)).toBe('meetings_error_file_content');
		expect(fileError('text.odt', DOCX)).toBe('meetings_error_file_content');
		expect(fileError('notiz.txt', Buffer.from('  <!DOCTYPE html><p>hi</p>'))).toBe(
			'meetings_error_file_content'
		);
		expect(fileError('binär.txt', Buffer.from([0x41, 0x00, 0x42]))).toBe(
			'meetings_error_file_content'
		);
	});

	it('refuses empty and too large files', () => {
		expect(fileError('leer.pdf', new Uint8Array())).toBe('meetings_error_file_missing');
		const big = Buffer.alloc(FILE_MAX_BYTES + 1);
		PDF.copy(big);
		expect(fileError('gross.pdf', big)).toBe('meetings_error_file_too_large');
		const exact = Buffer.alloc(FILE_MAX_BYTES);
		PDF.copy(exact);
		expect(fileError('genau.pdf', exact)).toBeNull();
	});

	it('cleans file names: no folders, no control characters, no quotes', () => {
		expect(cleanFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
		expect(cleanFileName('C:\\Users\\a\\Bericht "neu".pdf')).toBe('Bericht neu.pdf');
		expect(cleanFileName('a\u0000b\r\n.pdf')).toBe('ab.pdf');
		const long = cleanFileName(`${'x'.repeat(300)}.pdf`);
		expect(long).toHaveLength(200);
		expect(long.endsWith('.pdf')).toBe(true);
	});
});

describe('uploadFile', () => {
	it('stores the file with its checksum on the meeting or an item; audited', async () => {
		const { db, meeting, item, coordinator } = await setup();
		const { id } = await uploadFile(coordinator, {
			fileName: 'Einladung.pdf',
			bytes: PDF,
			isPublic: 'on',
			meetingId: meeting.id
		});
		const [row] = await db.select().from(files).where(eq(files.id, id));
		expect(row).toMatchObject({
			meetingId: meeting.id,
			agendaItemId: null,
			fileName: 'Einladung.pdf',
			mediaType: 'application/pdf',
			size: PDF.length,
			sha256: createHash('sha256').update(PDF).digest('hex'),
			isPublic: true,
			uploadedBy: coordinator.actor!.userId
		});
		expect(Buffer.compare(row.content, PDF)).toBe(0);
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'meeting_file.upload')));
		expect(audit.after).toMatchObject({ name: 'Einladung.pdf', size: PDF.length });
		expect(JSON.stringify(audit.after)).not.toContain('content');

		const onItem = await uploadFile(coordinator, {
			fileName: 'Folien.odt',
			bytes: ODT,
			agendaItemId: item.id,
			meetingId: meeting.id
		});
		const [itemRow] = await db.select().from(files).where(eq(files.id, onItem.id));
		expect(itemRow).toMatchObject({ meetingId: null, agendaItemId: item.id, isPublic: false });
	});

	it('refuses uploads from members, other tenants, and items of other meetings', async () => {
		const { db, tenant, body, meeting, ctxFor, coordinator } = await setup();
		for (const ctx of [await ctxFor('member', 'member'), await ctxFor('other')])
			await expect(
				uploadFile(ctx, { fileName: 'a.pdf', bytes: PDF, meetingId: meeting.id })
			).rejects.toThrow(NotFoundError);
		const otherMeeting = await buildMeeting(db, body);
		const foreignItem = await buildAgendaItem(db, otherMeeting, 1);
		await expect(
			uploadFile(coordinator, {
				fileName: 'a.pdf',
				bytes: PDF,
				agendaItemId: foreignItem.id,
				meetingId: meeting.id
			})
		).rejects.toThrow(NotFoundError);
		await expect(
			uploadFile(coordinator, { fileName: 'x.html', bytes: PDF, meetingId: meeting.id })
		).rejects.toThrow(ValidationError);
		expect(await db.select().from(files).where(eq(files.tenantId, tenant.id))).toEqual([]);
	});

	it('the public flag changes and files can be deleted by managers only', async () => {
		const { db, meeting, ctxFor, coordinator } = await setup();
		const { id } = await uploadFile(coordinator, {
			fileName: 'a.pdf',
			bytes: PDF,
			meetingId: meeting.id
		});
		const member = await ctxFor('member', 'member');
		await expect(
			setFilePublic(member, { meetingId: meeting.id, fileId: id, isPublic: 'on' })
		).rejects.toThrow(NotFoundError);
		await expect(deleteFile(member, { meetingId: meeting.id, fileId: id })).rejects.toThrow(
			NotFoundError
		);
		await setFilePublic(coordinator, { meetingId: meeting.id, fileId: id, isPublic: 'on' });
		expect((await db.select().from(files).where(eq(files.id, id)))[0].isPublic).toBe(true);
		await deleteFile(coordinator, { meetingId: meeting.id, fileId: id });
		expect(await db.select().from(files).where(eq(files.id, id))).toEqual([]);
	});
});

describe('downloads', () => {
	it('members who see the body get the file; hidden bodies and other tenants answer not found', async () => {
		const { meeting, ctxFor, coordinator } = await setup('members');
		const { id } = await uploadFile(coordinator, {
			fileName: 'intern.pdf',
			bytes: PDF,
			meetingId: meeting.id
		});
		const bodyMember = await ctxFor('member', 'member');
		const file = await getFileForMember(bodyMember, { fileId: id });
		expect(file.fileName).toBe('intern.pdf');
		expect(file.meetingId).toBe(meeting.id);
		for (const ctx of [await ctxFor('member'), await ctxFor('other'), await ctxFor('none')])
			await expect(getFileForMember(ctx, { fileId: id })).rejects.toThrow(NotFoundError);
		await expect(getFileForMember(coordinator, { fileId: 'kein-uuid' })).rejects.toThrow(
			NotFoundError
		);
	});

	it('files of items are found through the item', async () => {
		const { meeting, item, ctxFor, coordinator } = await setup();
		const { id } = await uploadFile(coordinator, {
			fileName: 'folien.pdf',
			bytes: PDF,
			agendaItemId: item.id,
			meetingId: meeting.id
		});
		const file = await getFileForMember(await ctxFor('member'), { fileId: id });
		expect(file.meetingId).toBe(meeting.id);
	});

	it('PDF inline, office files as downloads; always nosniff, sandbox and the checksum as ETag', async () => {
		const { meeting, coordinator } = await setup();
		const pdf = await uploadFile(coordinator, {
			fileName: 'Bericht für März.pdf',
			bytes: PDF,
			meetingId: meeting.id
		});
		const docx = await uploadFile(coordinator, {
			fileName: 'Liste.docx',
			bytes: DOCX,
			meetingId: meeting.id
		});
		const pdfFile = await getFileForMember(coordinator, { fileId: pdf.id });
		const h = downloadHeaders(pdfFile);
		expect(h['Content-Type']).toBe('application/pdf');
		expect(h['Content-Disposition']).toBe(
			`inline; filename="Bericht f_r M_rz.pdf"; filename*=UTF-8''Bericht%20f%C3%BCr%20M%C3%A4rz.pdf`
		);
		expect(h['X-Content-Type-Options']).toBe('nosniff');
		expect(h['Content-Security-Policy']).toBe('sandbox');
		expect(h.ETag).toBe(`"${pdfFile.sha256}"`);

		const docxFile = await getFileForMember(coordinator, { fileId: docx.id });
		const response = fileResponse(docxFile, new Request('http://localhost/x'));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; /);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
		expect(Buffer.from(await response.arrayBuffer()).equals(DOCX)).toBe(true);

		const cached = fileResponse(
			docxFile,
			new Request('http://localhost/x', { headers: { 'If-None-Match': `"${docxFile.sha256}"` } })
		);
		expect(cached.status).toBe(304);
		expect(cached.headers.get('etag')).toBe(`"${docxFile.sha256}"`);
		expect(await cached.text()).toBe('');
	});

	it('the public site serves only public files of public items of public bodies', async () => {
		const { db, tenant, meeting, item, coordinator } = await setup('public');
		const pub = await uploadFile(coordinator, {
			fileName: 'flyer.pdf',
			bytes: PDF,
			isPublic: 'on',
			meetingId: meeting.id
		});
		const internal = await uploadFile(coordinator, {
			fileName: 'intern.pdf',
			bytes: PDF,
			meetingId: meeting.id
		});
		const secretItem = await buildAgendaItem(db, meeting, 2, { isPublic: false });
		const onSecretItem = await uploadFile(coordinator, {
			fileName: 'personal.pdf',
			bytes: PDF,
			isPublic: 'on',
			agendaItemId: secretItem.id,
			meetingId: meeting.id
		});
		const onPublicItem = await uploadFile(coordinator, {
			fileName: 'vortrag.pdf',
			bytes: PDF,
			isPublic: 'on',
			agendaItemId: item.id,
			meetingId: meeting.id
		});
		expect((await getPublicFile(testTenantCtx(db, tenant), { fileId: pub.id })).fileName).toBe(
			'flyer.pdf'
		);
		expect(
			(await getPublicFile(testTenantCtx(db, tenant), { fileId: onPublicItem.id })).fileName
		).toBe('vortrag.pdf');
		await expect(getPublicFile(testTenantCtx(db, tenant), { fileId: internal.id })).rejects.toThrow(
			NotFoundError
		);
		await expect(
			getPublicFile(testTenantCtx(db, tenant), { fileId: onSecretItem.id })
		).rejects.toThrow(NotFoundError);
		await expect(getPublicFile(testCtx(db), { fileId: pub.id })).rejects.toThrow(NotFoundError);
	});

	it('a public file of a network body, or of a non-public tenant, stays internal', async () => {
		for (const [fileName, visibility, tenantPublic] of [
			['a.pdf', 'network', true],
			['b.pdf', 'public', false]
		] as const) {
			const s = await setup(visibility, tenantPublic);
			const file = await uploadFile(withTenant(s.coordinator, s.tenant), {
				fileName,
				bytes: PDF,
				isPublic: 'on',
				meetingId: s.meeting.id
			});
			await expect(
				getPublicFile(testTenantCtx(s.db, s.tenant), { fileId: file.id })
			).rejects.toThrow(NotFoundError);
		}
	});
});
