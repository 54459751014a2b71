import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RetryPolicy } from '../transport';
import type { MemberPacing } from './memberPacing';

/** The Options collection of an operation, read once per item. */
export function readOptions<T extends IDataObject>(ctx: IExecuteFunctions, itemIndex: number): T {
	return ctx.getNodeParameter('options', itemIndex, {}) as T;
}

export interface RetryOptionValues extends IDataObject {
	maxAttempts?: number;
	retryBaseDelayMs?: number;
	rateLimitPauseSeconds?: number;
	requestTimeoutMs?: number;
}

/** Defaults are the ones descriptions/retryOptions.ts shows. */
export function retryPolicyFrom(options: RetryOptionValues, retryAmbiguous: boolean): RetryPolicy {
	return {
		maxAttempts: Math.max(1, Math.floor(options.maxAttempts ?? 3)),
		baseDelayMs: Math.max(0, options.retryBaseDelayMs ?? 1000),
		rateLimitPauseMs: Math.max(0, (options.rateLimitPauseSeconds ?? 60) * 1000),
		timeoutMs: Math.max(100, options.requestTimeoutMs ?? 10000),
		retryAmbiguous,
	};
}

export interface MemberPacingOptionValues extends IDataObject {
	pacePerMember?: boolean;
	maxRateLimitWaitSeconds?: number;
}

/** Defaults are the ones descriptions/sendOptions.ts shows. */
export function memberPacingFrom(options: MemberPacingOptionValues): MemberPacing {
	return {
		pace: options.pacePerMember ?? false,
		maxWaitMs: Math.max(0, (options.maxRateLimitWaitSeconds ?? 60) * 1000),
	};
}
