/**
 * Names WeCom puts secrets under: the token, the app secret, the robot key. Matched as a URL
 * query (`access_token=T`) and as a JSON or form field (`"access_token":"T"`, `key: T`), as whole
 * names only: a card's `question_key` or `event_key` in an errmsg is not a secret.
 */
const SECRET_FIELD = /(\b(?:access_token|corpsecret|secret|key)["']?\s*[=:]\s*["']?)[^&\s"',}#]+/gi;

/** Shorter values could match ordinary words; every real secret and token is far longer. */
const MIN_KNOWN_SECRET_LENGTH = 8;

/**
 * Removes secrets from any text that may echo a request (error messages, WeCom's errmsg):
 * the values the caller knows (the credential's secret, every token it used) wherever they
 * appear, and anything under a secret's field name.
 */
export function redactSecrets(text: string, knownSecrets: readonly unknown[] = []): string {
	let redacted = text;
	for (const secret of knownSecrets) {
		if (typeof secret === 'string' && secret.length >= MIN_KNOWN_SECRET_LENGTH) {
			redacted = redacted.split(secret).join('***');
		}
	}
	return redacted.replace(SECRET_FIELD, '$1***');
}

/**
 * An answer that goes to the output as it came (Custom API Call) with every known secret value
 * replaced, wherever an echoing proxy or API put it. Only exact values: text that merely looks
 * like `key: value` is the user's data there.
 */
export function withoutKnownSecrets<T>(value: T, knownSecrets: readonly unknown[]): T {
	const secrets = knownSecrets.filter(
		(secret): secret is string => typeof secret === 'string' && secret.length >= MIN_KNOWN_SECRET_LENGTH,
	);
	const clean = (item: unknown): unknown => {
		if (typeof item === 'string') return secrets.reduce((text, secret) => text.split(secret).join('***'), item);
		if (Array.isArray(item)) return item.map(clean);
		if (item !== null && typeof item === 'object') {
			return Object.fromEntries(Object.entries(item).map(([name, inner]) => [clean(name), clean(inner)]));
		}
		return item;
	};
	return secrets.length ? (clean(value) as T) : value;
}
