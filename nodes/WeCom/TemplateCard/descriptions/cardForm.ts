import type { INodeProperties } from 'n8n-workflow';

import { additionalBlocks } from './card/additionalBlocks';
import { interactionFields } from './card/interaction';
import type { CardVariant } from './card/layout';
import { horizontalContentList, jumpList, verticalContentList } from './card/lists';
import { mainFields } from './card/main';
import { cardImage, imageTextArea } from './card/news';

/**
 * The card form for one variant ('send' | 'update' | 'robot'), in the order the blocks appear
 * on the card. Fields carry displayOptions on `cardType` only (plus link-type conditions); the
 * caller adds resource/operation/cardInput. helpers/cardFromForm.ts maps the values to WeCom's
 * template_card; the card schema (shared/card) checks the result, the form checks nothing.
 */
export function cardFormFields(variant: CardVariant): INodeProperties[] {
	return [
		...mainFields(variant),
		cardImage,
		imageTextArea,
		verticalContentList,
		horizontalContentList(variant),
		jumpList,
		...interactionFields(variant),
		additionalBlocks(variant),
	];
}
