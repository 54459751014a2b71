import { wecomOk } from '../errmsg';
import { authenticate } from './common';
import type { WecomRoute } from './common';

/** Documentation-range addresses: the sandbox has no real API domain IPs to report. */
const SANDBOX_API_IPS = ['192.0.2.10', '192.0.2.11', '198.51.100.20'];

/** GET /cgi-bin/get_api_domain_ip: the cheap authenticated call a credential test uses. */
export const getApiDomainIp: WecomRoute = (req, state) => {
	authenticate(req, state);
	// Field order as WeCom documents it: ip_list first.
	return { ip_list: [...SANDBOX_API_IPS], ...wecomOk() };
};
