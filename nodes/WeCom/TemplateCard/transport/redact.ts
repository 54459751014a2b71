/** Query parameters WeCom puts secrets in: the token, the app secret, the robot key. */
const SECRET_QUERY = /((?:access_token|corpsecret|key)=)[^&\s"'#]+/gi;

/** Removes secrets from any text that may contain a WeCom URL (error messages, errmsg). */
export function redactSecrets(text: string): string {
	return text.replace(SECRET_QUERY, '$1***');
}
