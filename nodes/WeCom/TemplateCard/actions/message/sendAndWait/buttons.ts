import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CARD_LIST_MAX } from '../../../../shared/card';

/**
 * Reads a parameter of the first item. execute() and webhook() name the item differently
 * (`getNodeParameter(name, 0, fallback)` vs `getNodeParameter(name, fallback)`), and both
 * must see the same buttons: the webhook re-reads them to check the clicked value.
 */
type ReadParameter = (name: string, fallback: unknown) => unknown;

/** WeCom shows at most 6 buttons on a button_interaction card. */
export const MAX_RESPONSE_BUTTONS = CARD_LIST_MAX.buttons;

export interface ResponseButton {
	label: string;
	/** Carried in the button's signed resume URL; comes out as `data.value`. */
	value: string;
	/** What `data.approved` says when this button is clicked. */
	approved: boolean;
	/** The grey button everyone sees once someone answered (button.replace_name). */
	answeredText: string;
}

interface CustomButton {
	label?: string;
	value?: string;
	approves?: boolean;
}

const text = (value: unknown, fallback: string) => String(value ?? '').trim() || fallback;

/** The card's buttons, from Approval (Approve / Decline) or Custom Buttons. */
export function readResponseButtons(read: ReadParameter, node: INode): ResponseButton[] {
	if (read('responseType', 'approval') === 'customButtons') return customButtons(read, node);
	const options = (read('options', {}) ?? {}) as IDataObject;
	const approve: ResponseButton = {
		label: text(read('approveLabel', 'Approve'), 'Approve'),
		value: 'approve',
		approved: true,
		answeredText: text(options.approvedText, 'Approved'),
	};
	if (read('approvalType', 'double') === 'single') return [approve];
	return [
		approve,
		{
			label: text(read('declineLabel', 'Decline'), 'Decline'),
			value: 'decline',
			approved: false,
			answeredText: text(options.declinedText, 'Declined'),
		},
	];
}

function customButtons(read: ReadParameter, node: INode): ResponseButton[] {
	const { buttons = [] } = (read('customButtons', {}) ?? {}) as { buttons?: CustomButton[] };
	if (buttons.length < 1 || buttons.length > MAX_RESPONSE_BUTTONS) {
		throw new NodeOperationError(
			node,
			`Custom Buttons: add 1 to ${MAX_RESPONSE_BUTTONS} buttons (got ${buttons.length})`,
			{ description: `WeCom shows at most ${MAX_RESPONSE_BUTTONS} buttons on a card.` },
		);
	}
	const values = new Set<string>();
	return buttons.map((button, index) => {
		const label = text(button.label, '');
		if (!label) throw new NodeOperationError(node, `Custom Buttons: button ${index + 1} has no label`);
		const value = text(button.value, label);
		if (values.has(value)) {
			throw new NodeOperationError(node, `Custom Buttons: the value "${value}" is used by two buttons`, {
				description: 'Each button needs its own value: it is what the workflow gets when the button is clicked.',
			});
		}
		values.add(value);
		// Fail closed: only a button marked as approving counts as an approval.
		return { label, value, approved: button.approves === true, answeredText: label };
	});
}
