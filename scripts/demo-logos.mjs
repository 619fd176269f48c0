#!/usr/bin/env node
// Draws the demo networks' logos (src/lib/server/demo/assets/*.png): a roundel in the network's
// accent colour with its initials in white, from a 5×7 pixel font. Our own drawing, no coat of
// arms or third-party mark. Run again after changing it: `node scripts/demo-logos.mjs`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const OUT = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'../src/lib/server/demo/assets'
);
const SIZE = 96;
const GLYPHS = {
	L: ['10000', '10000', '10000', '10000', '10000', '10000', '11111'],
	A: ['01110', '10001', '10001', '11111', '10001', '10001', '10001'],
	E: ['11111', '10000', '10000', '11110', '10000', '10000', '11111'],
	M: ['10001', '11011', '10101', '10101', '10001', '10001', '10001']
};
const LOGOS = [
	{ file: 'landshut-logo.png', color: [0xa5, 0x1e, 0x22], initials: 'LA' },
	{ file: 'emmerich-logo.png', color: [0x1d, 0x4f, 0x91], initials: 'EM' }
];

const CRC = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
function crc32(buf) {
	let c = 0xffffffff;
	for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([len, body, crc]);
}

function draw({ color, initials }) {
	const px = new Float64Array(SIZE * SIZE); // coverage of the roundel 0..1
	const ink = new Uint8Array(SIZE * SIZE); // white letter pixels
	const r = SIZE / 2 - 1;
	const c = SIZE / 2;
	const SS = 4; // supersampling of the roundel's edge
	for (let y = 0; y < SIZE; y++)
		for (let x = 0; x < SIZE; x++) {
			let hit = 0;
			for (let sy = 0; sy < SS; sy++)
				for (let sx = 0; sx < SS; sx++) {
					const dx = x + (sx + 0.5) / SS - c;
					const dy = y + (sy + 0.5) / SS - c;
					if (dx * dx + dy * dy <= r * r) hit++;
				}
			px[y * SIZE + x] = hit / (SS * SS);
		}
	const scale = 6;
	const gap = 6;
	const width = initials.length * 5 * scale + (initials.length - 1) * gap;
	const x0 = Math.round((SIZE - width) / 2);
	const y0 = Math.round((SIZE - 7 * scale) / 2);
	[...initials].forEach((letter, i) => {
		GLYPHS[letter].forEach((row, gy) =>
			[...row].forEach((bit, gx) => {
				if (bit !== '1') return;
				for (let yy = 0; yy < scale; yy++)
					for (let xx = 0; xx < scale; xx++) {
						const x = x0 + i * (5 * scale + gap) + gx * scale + xx;
						const y = y0 + gy * scale + yy;
						ink[y * SIZE + x] = 1;
					}
			})
		);
	});
	const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
	for (let y = 0; y < SIZE; y++) {
		raw[y * (SIZE * 4 + 1)] = 0; // filter: none
		for (let x = 0; x < SIZE; x++) {
			const o = y * (SIZE * 4 + 1) + 1 + x * 4;
			const rgb = ink[y * SIZE + x] ? [255, 255, 255] : color;
			raw.set([...rgb, Math.round(px[y * SIZE + x] * 255)], o);
		}
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(SIZE, 0);
	ihdr.writeUInt32BE(SIZE, 4);
	ihdr.set([8, 6, 0, 0, 0], 8); // 8 bit RGBA
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const logo of LOGOS) {
	const png = draw(logo);
	fs.writeFileSync(path.join(OUT, logo.file), png);
	console.log(`${logo.file}: ${png.length} bytes`);
}
