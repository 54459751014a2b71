/** WeCom callback crypto and XML, shared by the WeCom Trigger and the sandbox. */
export { aesKeyFrom, decryptMessage, encryptMessage, ENCODING_AES_KEY_PATTERN } from './aes';
export type { OpenedMessage, SealOptions } from './aes';
export {
	encryptedPayloadOf,
	MAX_CALLBACK_BODY_BYTES,
	openCallback,
	openEchostr,
	openEncryptedCallback,
	sealCallback,
	sealEchostr,
	verifyEchostr,
} from './envelope';
export type {
	CallbackSecrets,
	OpenedCallback,
	OpenedEchostr,
	SealCallbackOptions,
	SealedCallback,
	SignedQuery,
} from './envelope';
export { CallbackRejection } from './errors';
export type { CallbackRejectReason } from './errors';
export { categoryOf, normaliseEvent, selectedItemsOf, WECOM_XML_SHAPE } from './event';
export type { CallbackCategory, SelectedItem, WeComCallbackEvent } from './event';
export { callbackSignature, signatureMatches } from './signature';
export { parseXml, xmlToValue } from './xml';
export type { XmlElement, XmlLimits, XmlObject, XmlShape, XmlValue } from './xml';
export { cdata, toXml } from './xmlWrite';
export type { XmlInput, XmlInputObject } from './xmlWrite';
