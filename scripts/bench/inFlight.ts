/**
 * Counts HTTP requests in flight through the diagnostics channels of node:http (n8n's client,
 * axios) and undici (the global fetch our kept-alive path uses), so the report shows the
 * concurrency each path really used.
 */
import { subscribe } from 'node:diagnostics_channel';

export interface InFlightCounter {
	start(): void;
	finish(): void;
	readonly max: number;
}

export function inFlightCounter(): InFlightCounter {
	let open = 0;
	let max = 0;
	return {
		start() {
			open++;
			if (open > max) max = open;
		},
		finish() {
			if (open > 0) open--;
		},
		get max() {
			return max;
		},
	};
}

/** Node's http client channels: a request starts, then either a response arrives or it fails. */
export function countNodeHttpRequests(counter: InFlightCounter): void {
	subscribe('http.client.request.start', () => counter.start());
	subscribe('http.client.response.finish', () => counter.finish());
	subscribe('http.client.request.error', () => counter.finish());
	subscribe('undici:request:create', () => counter.start());
	subscribe('undici:request:trailers', () => counter.finish());
	subscribe('undici:request:error', () => counter.finish());
}
