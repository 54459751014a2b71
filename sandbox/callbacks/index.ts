/** The sandbox's "person in WeCom" half: callback settings, clicks, approvals, URL checks. */
export { CallbackHub } from './hub';
export { DEMO_CALLBACK_TOKEN, DEMO_ENCODING_AES_KEY, SandboxActionError } from './config';
export { DEFAULT_ACK_TIMEOUT_MS, DEFAULT_MAX_RETRIES } from './deliver';
export { handleCallbackControl } from './control';
export { VERIFY_TIMEOUT_MS } from './verify';
export type * from './types';
export { sealCallback, sealEchostr } from './seal';
export type { SealedCallback, SealOptions } from './seal';
export { cdata, toXml } from './xmlWrite';
export type { XmlInputObject } from './xmlWrite';
