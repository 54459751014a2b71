export { sendAndWaitWebhooks } from './description';
export { sendAndWaitWebhook } from './sendAndWaitWebhook';
