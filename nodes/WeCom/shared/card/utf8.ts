/**
 * WeCom limits keys and ids in UTF-8 bytes, not in characters: a Chinese character is 3 bytes,
 * so a JS `.length` check would let a 342-character Chinese key (1026 bytes) through.
 * Counted by hand so the module needs no Node built-in.
 */
export function utf8ByteLength(value: string): number {
	let bytes = 0;
	for (let i = 0; i < value.length; i++) {
		const unit = value.charCodeAt(i);
		if (unit < 0x80) {
			bytes += 1;
		} else if (unit < 0x800) {
			bytes += 2;
		} else if (isHighSurrogate(unit) && isLowSurrogate(value.charCodeAt(i + 1))) {
			// A surrogate pair is one code point outside the BMP: 4 bytes.
			bytes += 4;
			i++;
		} else {
			// Rest of the BMP; a lone surrogate is sent as U+FFFD, also 3 bytes.
			bytes += 3;
		}
	}
	return bytes;
}

function isHighSurrogate(unit: number): boolean {
	return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
	return unit >= 0xdc00 && unit <= 0xdfff;
}
