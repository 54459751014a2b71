import { reject, wecomOk } from '../errmsg';
import { requireRateBudget, requireTrustedIp } from './common';
import type { WecomRoute } from './common';

/** GET /cgi-bin/gettoken?corpid=&corpsecret= */
export const gettoken: WecomRoute = (req, state) => {
	const corpId = req.query.get('corpid');
	const secret = req.query.get('corpsecret');
	if (!corpId) reject(41002);
	if (!secret) reject(41004);
	const corp = state.corps.get(corpId);
	if (!corp) reject(40013);
	// A secret reset in the admin console makes the old one answer 40001 (invalid secret).
	const app = corp.corp.apps.find((a) => state.secretOf(corpId, a) === secret);
	if (!app) reject(40001);
	requireTrustedIp(req, state);
	requireRateBudget(req, state, corpId);
	const { token, expiresIn } = state.tokens.obtain({ corpId, agentId: app.agentId }, state.now());
	return wecomOk({ access_token: token, expires_in: expiresIn });
};
