/** The pure parts of the sandbox's network model: when a chunk arrives, and the certificate's names. */
import { arrivalTime } from '../../sandbox/network/latency';
import { subjectAltNames } from '../../sandbox/network/selfSignedCertificate';

describe('arrivalTime (added round-trip time)', () => {
	const RTT = 30;

	it('delivers to the client half a round trip after the server sent', () => {
		expect(arrivalTime(1000, 0, RTT, 'toClient')).toBe(1015);
	});

	it("holds the client's first bytes until TCP's round trip is over, then half a round trip more", () => {
		expect(arrivalTime(100, 100, RTT, 'toServer')).toBe(145);
		expect(arrivalTime(120, 100, RTT, 'toServer')).toBe(145);
	});

	it('delivers later client bytes half a round trip after they were sent', () => {
		expect(arrivalTime(200, 100, RTT, 'toServer')).toBe(215);
	});

	it('adds up to 3 RTT for a fresh TLS 1.3 request and 1 RTT for a kept-alive one', () => {
		const opened = 0;
		const clientHelloAtServer = arrivalTime(opened, opened, RTT, 'toServer');
		const serverFlightAtClient = arrivalTime(clientHelloAtServer, opened, RTT, 'toClient');
		const requestAtServer = arrivalTime(serverFlightAtClient, opened, RTT, 'toServer');
		const responseAtClient = arrivalTime(requestAtServer, opened, RTT, 'toClient');
		expect(responseAtClient).toBe(3 * RTT);

		const later = 10_000;
		expect(arrivalTime(arrivalTime(later, opened, RTT, 'toServer'), opened, RTT, 'toClient') - later).toBe(RTT);
	});
});

describe('subjectAltNames (the self-signed certificate)', () => {
	it('names the loopback addresses and localhost', () => {
		expect(subjectAltNames('127.0.0.1')).toBe('IP:127.0.0.1,IP:::1,DNS:localhost');
	});

	it('adds a specific bind address or host name, not a wildcard', () => {
		expect(subjectAltNames('10.0.0.5')).toBe('IP:127.0.0.1,IP:::1,DNS:localhost,IP:10.0.0.5');
		expect(subjectAltNames('sandbox.test')).toBe('IP:127.0.0.1,IP:::1,DNS:localhost,DNS:sandbox.test');
		expect(subjectAltNames('[::1]')).toBe('IP:127.0.0.1,IP:::1,DNS:localhost');
		expect(subjectAltNames('0.0.0.0')).toBe('IP:127.0.0.1,IP:::1,DNS:localhost');
	});
});
