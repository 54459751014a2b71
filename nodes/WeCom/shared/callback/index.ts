/** WeCom callback crypto and XML: the WeCom Trigger opens callbacks, the sandbox seals them. */
export { aesKeyFrom, decryptMessage, encryptMessage, ENCODING_AES_KEY_PATTERN } from './aes';
export { MAX_CALLBACK_BODY_BYTES, openCallback, openEchostr, openEncryptedCallback } from './openCallback';
export type { CallbackSecrets, SignedQuery } from './openCallback';
export { CallbackRejection } from './errors';
export { normaliseEvent, WECOM_XML_SHAPE } from './event';
export type { SelectedItem, WeComCallbackEvent } from './event';
export { callbackSignature, signatureMatches } from './signature';
export { parseXml, xmlToValue } from './xml';
