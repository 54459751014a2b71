/**
 * Card form fields that take a file from an input binary field instead of a URL or a media_id.
 * The form maps them to a placeholder that the card schema accepts (an https URL, a non-empty
 * media_id); once the card is checked, helpers/cardMedia.ts uploads the files and puts WeCom's
 * URL or media_id in their place.
 */

/** `.invalid` is reserved (RFC 2606): a placeholder left in a card could never reach a host. */
const IMAGE_PLACEHOLDER_PREFIX = 'https://n8n-binary-field.invalid/';
const FILE_PLACEHOLDER_PREFIX = 'n8n-binary-field:';

function propertyName(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** The image URL, or (left empty) the placeholder of the binary field. */
export function imageUrlOrBinary(url: unknown, binaryField: unknown): unknown {
	const property = propertyName(binaryField);
	if ((typeof url === 'string' && url.trim() !== '') || !property) return url;
	return `${IMAGE_PLACEHOLDER_PREFIX}${encodeURIComponent(property)}`;
}

/** The media_id, or (left empty) the placeholder of the binary field. */
export function mediaIdOrBinary(mediaId: unknown, binaryField: unknown): unknown {
	const property = propertyName(binaryField);
	if ((typeof mediaId === 'string' && mediaId.trim() !== '') || !property) return mediaId;
	return `${FILE_PLACEHOLDER_PREFIX}${property}`;
}

/** The binary field an image placeholder names, or undefined for a real URL. */
export function binaryFieldOfImage(url: unknown): string | undefined {
	if (typeof url !== 'string' || !url.startsWith(IMAGE_PLACEHOLDER_PREFIX)) return undefined;
	return decodeURIComponent(url.slice(IMAGE_PLACEHOLDER_PREFIX.length));
}

/** The binary field a media_id placeholder names, or undefined for a real media_id. */
export function binaryFieldOfFile(mediaId: unknown): string | undefined {
	if (typeof mediaId !== 'string' || !mediaId.startsWith(FILE_PLACEHOLDER_PREFIX)) return undefined;
	return mediaId.slice(FILE_PLACEHOLDER_PREFIX.length);
}
