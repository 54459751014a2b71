/*
 * Uploads through the one transport: the app's (token managed by the credential, refreshed on
 * 40014/42001, the retry policy, errcodes explained) and the group robot's (its webhook key).
 * - media/upload: https://developer.work.weixin.qq.com/document/path/90253
 * - media/uploadimg: https://developer.work.weixin.qq.com/document/path/90256
 * - webhook/upload_media: https://developer.work.weixin.qq.com/document/path/99110
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { AppMediaType, RobotMediaType } from '../../shared/media';
import type { WeComApiContext } from './context';
import { weComApiCall } from './index';
import { multipartBody, type MultipartFile } from './multipart';
import { postToRobot, readRobot, withoutKey } from './robot';
import { withRetry, type RetryPolicy } from './retry';

export interface UploadResult {
	response: IDataObject;
	attempts: number;
}

/** An upload is not a message: sending it twice only leaves a second, unused media_id. */
async function uploadToApp(
	ctx: WeComApiContext,
	itemIndex: number,
	path: string,
	file: MultipartFile,
	retry: RetryPolicy,
	qs?: IDataObject,
): Promise<UploadResult> {
	const { body, contentType } = multipartBody(file);
	const { response, attempts } = await weComApiCall.call(
		ctx,
		{ method: 'POST', path, qs, body, headers: { 'content-type': contentType } },
		itemIndex,
		{ retry },
	);
	return { response, attempts };
}

/** media/upload: a media_id valid for 3 days. */
export async function uploadAppMedia(
	ctx: WeComApiContext,
	itemIndex: number,
	type: AppMediaType,
	file: MultipartFile,
	retry: RetryPolicy,
): Promise<UploadResult> {
	return await uploadToApp(ctx, itemIndex, '/cgi-bin/media/upload', file, retry, { type });
}

/** media/uploadimg: a permanent image URL. */
export async function uploadImage(
	ctx: WeComApiContext,
	itemIndex: number,
	file: MultipartFile,
	retry: RetryPolicy,
): Promise<UploadResult> {
	return await uploadToApp(ctx, itemIndex, '/cgi-bin/media/uploadimg', file, retry);
}

/** webhook/upload_media: a media_id only this robot may send, valid for 3 days. */
export async function uploadRobotMedia(
	ctx: IExecuteFunctions,
	itemIndex: number,
	type: RobotMediaType,
	file: MultipartFile,
	retry: RetryPolicy,
): Promise<UploadResult & { robotId: string }> {
	// robotId: whose media_id it is (the robot's id, never its key).
	const robot = await readRobot(ctx, itemIndex);
	const { body, contentType } = multipartBody(file);
	try {
		const { result, attempts } = await withRetry(
			retry,
			async () =>
				await postToRobot(
					ctx,
					robot,
					{ path: '/cgi-bin/webhook/upload_media', qs: { type }, body, headers: { 'content-type': contentType } },
					itemIndex,
					{ retry },
				),
		);
		return { response: result, attempts, robotId: robot.id };
	} catch (error) {
		throw withoutKey(error, robot.key);
	}
}
