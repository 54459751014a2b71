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
 * A successful answer with every known secret value (the token, the app secret, the robot key)
 * replaced, in strings and in keys, however deep: operations hand WeCom's answer on (Custom API
 * Call whole, Get Approval Detail and the trigger as `detail`), and an answer echoing the request
 * would carry the secrets along. Only exact values: text that merely looks like `key: value` is
 * data there. Walked with a list, not recursion, so no nesting exhausts the stack; changed in
 * place (the answer is freshly parsed).
 */
export function withoutKnownSecrets<T>(answer: T, knownSecrets: readonly unknown[]): T {
	const secrets = knownSecrets.filter(
		(secret): secret is string => typeof secret === 'string' && secret.length >= MIN_KNOWN_SECRET_LENGTH,
	);
	if (secrets.length === 0) return answer;
	// Most strings hold none: only those are copied.
	const clean = (text: string) =>
		secrets.some((secret) => text.includes(secret))
			? secrets.reduce((redacted, secret) => redacted.split(secret).join('***'), text)
			: text;
	if (typeof answer === 'string') return clean(answer) as T;
	const pending: unknown[] = [answer];
	while (pending.length > 0) {
		const holder = pending.pop();
		if (typeof holder !== 'object' || holder === null || Buffer.isBuffer(holder)) continue;
		const record = holder as Record<string, unknown>;
		for (const key of Object.keys(record)) {
			const value = record[key];
			let at = key;
			const cleanKey = clean(key);
			if (cleanKey !== key) {
				// A key holding a secret loses it; "*** (2)" if that name is taken. The value stays.
				delete record[key];
				at = cleanKey;
				for (let count = 2; Object.hasOwn(record, at); count++) at = `${cleanKey} (${count})`;
				record[at] = value;
			}
			if (typeof value === 'string') record[at] = clean(value);
			else pending.push(value);
		}
	}
	return answer;
}
