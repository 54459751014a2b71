/**
 * The path of a custom call, checked before anything is sent: a path under /cgi-bin/ of the
 * credential's API base URL, never another host (the token would go with it), never with its own
 * query (the token is added by the node; parameters go in Query Parameters).
 */

const API_PREFIX = '/cgi-bin/';

/** Returns the normalized path, or throws an Error saying what is wrong. */
export function customApiPath(input: string, prefix = API_PREFIX): string {
	const text = input.trim();
	if (!text) throw new Error('is empty');
	if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//')) {
		throw new Error(
			`must be a path such as ${prefix}..., not a URL: the request always goes to the credential's API address`,
		);
	}
	if (/[?#]/.test(text)) throw new Error('must not contain "?" or "#": put parameters in Query Parameters');
	if (/\\|%2e|%2f|%5c/i.test(text)) throw new Error('must not contain backslashes or encoded dots and slashes');
	// WeCom's paths are letters, digits, "_" and "-". URL parsers drop tabs and line breaks, so
	// "/cgi-bin/.<tab>./x" would become "/x" after the ".." check; "%" would be decoded by servers.
	if (/[^A-Za-z0-9_./-]/.test(text)) {
		throw new Error('may contain only letters, digits, "_", "-", "." and "/"');
	}
	const relative = text.replace(/^\/+/, '');
	if (relative.startsWith(API_PREFIX.slice(1)) && !relative.startsWith(prefix.slice(1))) {
		throw new Error(`must be under ${prefix}`);
	}
	const path = `/${relative.startsWith(prefix.slice(1)) ? relative : `${prefix.slice(1)}${relative}`}`;
	if (path.split('/').some((segment) => segment === '.' || segment === '..')) {
		throw new Error('must not contain "." or ".." segments');
	}
	// Servers merge "//" into "/": "/cgi-bin//gettoken" is gettoken.
	if (path.includes('//')) throw new Error('must not contain empty segments ("//")');
	if (path === prefix || path.endsWith('/')) throw new Error(`must name an API under ${prefix}`);
	// Its answer is the token itself; the credential fetches and keeps it.
	if (path.toLowerCase() === `${API_PREFIX}gettoken`)
		throw new Error('cannot be gettoken: the credential manages the access token');
	return path;
}
