import type { SandboxState } from '../state';
import { approvalXml } from './approval';
import { clickXml, prepareClick } from './click';
import { CallbackConfigStore, fail } from './config';
import { deliver } from './deliver';
import { sealCallback } from './seal';
import type {
	ApprovalAction,
	ApprovalResult,
	CallbackConfig,
	CallbackDelivery,
	CallbackDeliveryOptions,
	ClickAction,
	ClickResult,
	VerifyCallbackOptions,
	VerifyCallbackResult,
} from './types';
import { verifyCallbackUrl } from './verify';
import { toXml } from './xmlWrite';

const clone = <T>(value: T): T => structuredClone(value);

/** The sandbox acting as the people in WeCom: clicks, approvals and URL checks, sent to the app's callback URL. */
export class CallbackHub {
	readonly configs: CallbackConfigStore;
	private log: CallbackDelivery[] = [];

	constructor(
		private readonly state: SandboxState,
		private readonly options: CallbackDeliveryOptions = {},
	) {
		this.configs = new CallbackConfigStore(state);
	}

	private nowSeconds(): number {
		return Math.floor(this.state.now() / 1000);
	}

	/** Encrypts, signs and POSTs one event, re-sending as WeCom does; logs the whole delivery. */
	private async send(
		kind: CallbackDelivery['kind'],
		event: string,
		config: CallbackConfig,
		xml: string,
	): Promise<CallbackDelivery> {
		const url = config.url ?? fail(`app ${config.agentId} has no callback URL: set one first`);
		const sealed = sealCallback(config, xml, { timestamp: this.nowSeconds(), agentId: config.agentId });
		const delivery: CallbackDelivery = {
			id: this.log.length + 1,
			kind,
			event,
			url,
			xml,
			attempts: [],
			delivered: false,
			at: this.state.now(),
		};
		this.log.push(delivery);
		delivery.attempts = await deliver({ url, query: { ...sealed.query }, body: sealed.body }, this.options);
		delivery.delivered = delivery.attempts.some((attempt) => attempt.status === 200);
		return clone(delivery);
	}

	async click(action: ClickAction): Promise<ClickResult> {
		const click = prepareClick(this.state, action);
		const config = this.configs.get(click.corpId, click.agentId);
		const xml = toXml('xml', clickXml(click, this.nowSeconds()));
		const delivery = await this.send('click', click.event, config, xml);
		return {
			event: click.event,
			responseCode: click.responseCode,
			msgid: click.msgid,
			taskId: click.taskId,
			cardType: click.cardType,
			eventKey: click.eventKey,
			selectedItems: click.selectedItems,
			delivery,
		};
	}

	async approve(action: ApprovalAction): Promise<ApprovalResult> {
		const { corp, app } = this.configs.app(action.corpId, action.agentId);
		const xml = toXml('xml', approvalXml(action, { corp, agentId: app.agentId }, this.nowSeconds()));
		const config = this.configs.get(corp.corp.corpId, app.agentId);
		return { delivery: await this.send('approval', 'sys_approval_change', config, xml) };
	}

	async verify(options: VerifyCallbackOptions = {}): Promise<VerifyCallbackResult> {
		const config = this.configs.get(options.corpId, options.agentId);
		const url = options.url ?? config.url ?? fail(`app ${config.agentId} has no callback URL: set one first`);
		return await verifyCallbackUrl(config, url, this.nowSeconds(), options.timeoutMs);
	}

	deliveries(): CallbackDelivery[] {
		return clone(this.log);
	}

	/** Forgets deliveries; callback settings are configuration and stay. */
	reset(): void {
		this.log = [];
	}
}
