/**
 * The sandbox refuses a media_id WeCom would refuse (40007): never issued, older than 3 days, or
 * uploaded by someone else (a robot's media serve that robot only). Cases: ./mediaIdCases.ts.
 */
import {
	DEMO_AGENT_ID,
	DEMO_ROBOT_KEY,
	EXPENSE_TEMPLATE_ID,
	callSandbox,
	sampleButtonInteraction,
	sampleTextNotice,
} from '../../sandbox';
import { demoAppToken, postSandboxUpload, uploadSandboxFile } from '../harness/sandboxMedia';
import { useDemoSandbox } from '../harness/sandboxSession';
import { MEDIA_ID_CASES, type MediaIdCase, type MediaUse } from './mediaIdCases';

const OTHER_ROBOT_KEY = 'another-robot-key-of-the-sandbox';

describe('sandbox: media_ids in cards and approvals', () => {
	let now = Date.UTC(2026, 0, 5, 2);
	const demo = useDemoSandbox({ clock: () => now, robots: [DEMO_ROBOT_KEY, OTHER_ROBOT_KEY] });

	const cardWith = (mediaId: string) => ({
		...sampleTextNotice(),
		horizontal_content_list: [{ type: 2, keyname: 'Report', value: 'report.pdf', media_id: mediaId }],
	});
	const post = async (path: string, query: Record<string, string>, body: unknown) =>
		(await callSandbox<{ errcode: number; response_code?: string }>(demo.sandbox.url, path, { query, body })).json;
	const robotSend = (key: string, mediaId: string) =>
		post('/cgi-bin/webhook/send', { key }, { msgtype: 'template_card', template_card: cardWith(mediaId) });

	/** The errcode of a request that uses `mediaId` as `use` says; the token is fetched now (it lives 2 h). */
	async function errcodeOf(use: MediaUse, mediaId: string): Promise<number> {
		const access_token = await demoAppToken(demo.sandbox.url);
		const app = (path: string, body: Record<string, unknown>) =>
			post(path, { access_token }, { agentid: DEMO_AGENT_ID, ...body });
		switch (use) {
			case 'app card':
				return (
					await app('/cgi-bin/message/send', {
						touser: 'alice',
						msgtype: 'template_card',
						template_card: cardWith(mediaId),
					})
				).errcode;
			case 'app card update': {
				const sent = await app('/cgi-bin/message/send', {
					touser: 'alice',
					msgtype: 'template_card',
					template_card: sampleButtonInteraction(`media-${now}`),
				});
				const body = { atall: 1, response_code: sent.response_code, template_card: cardWith(mediaId) };
				return (await app('/cgi-bin/message/update_template_card', body)).errcode;
			}
			case 'robot card':
				return (await robotSend(DEMO_ROBOT_KEY, mediaId)).errcode;
			case 'other robot card':
				return (await robotSend(OTHER_ROBOT_KEY, mediaId)).errcode;
			case 'approval File control':
				return (
					await app('/cgi-bin/oa/applyevent', {
						creator_userid: 'alice',
						template_id: EXPENSE_TEMPLATE_ID,
						use_template_approver: 1,
						apply_data: {
							contents: [
								{ control: 'Money', id: 'Money-1', value: { new_money: '12' } },
								{ control: 'Textarea', id: 'Textarea-1', value: { text: 'Taxi' } },
								{ control: 'File', id: 'File-1', value: { files: [{ file_id: mediaId }] } },
							],
						},
						summary_list: [{ summary_info: [{ text: 'Taxi', lang: 'zh_CN' }] }],
					})
				).errcode;
		}
	}

	const mediaIdOf = async ({ uploadedBy }: MediaIdCase) =>
		uploadedBy === 'nobody'
			? 'sandbox-media-never-issued'
			: await uploadSandboxFile(
					demo.sandbox.url,
					uploadedBy === 'app' ? { accessToken: demo.token } : { robotKey: DEMO_ROBOT_KEY },
				);

	it.each(MEDIA_ID_CASES.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
		const mediaId = await mediaIdOf(entry);
		now += entry.ageMs;
		expect(await errcodeOf(entry.usedBy, mediaId)).toBe(entry.errcode);
	});

	/**
	 * An attachment row (horizontal_content_list type 2, 文件附件) takes the media_id of a file:
	 * "附件的media_id" (https://developer.work.weixin.qq.com/document/path/90236), the robot's
	 * 文件上传接口 (/99110). Another type's media_id is 不合法的media_id, 40007 (/90313).
	 */
	describe('attachment rows take a file upload only', () => {
		const FILE_NAMES: Record<string, string> = {
			image: 'photo.jpg',
			voice: 'note.amr',
			video: 'clip.mp4',
			file: 'report.pdf',
		};
		const upload = async (type: string, uploader: { access_token: string } | { key: string }) => {
			const path = 'key' in uploader ? '/cgi-bin/webhook/upload_media' : '/cgi-bin/media/upload';
			const answer = await postSandboxUpload(
				demo.sandbox.url,
				path,
				{ ...uploader, type },
				{
					fileName: FILE_NAMES[type],
					data: Buffer.from(`sandbox ${type} bytes`),
				},
			);
			expect(answer).toMatchObject({ errcode: 0, type });
			return answer.media_id as string;
		};

		it.each([
			['image', 'app card', 40007],
			['voice', 'app card', 40007],
			['video', 'app card', 40007],
			['file', 'app card', 0],
			['image', 'app card update', 40007],
			['file', 'app card update', 0],
		] as const)('an app upload of type %s in an %s: %s', async (type, use, errcode) => {
			const mediaId = await upload(type, { access_token: demo.token });
			expect(await errcodeOf(use, mediaId)).toBe(errcode);
		});

		it.each([
			['voice', 40007],
			['file', 0],
		] as const)("a robot's upload of type %s in its own card: %s", async (type, errcode) => {
			const mediaId = await upload(type, { key: DEMO_ROBOT_KEY });
			expect(await errcodeOf('robot card', mediaId)).toBe(errcode);
		});
	});
});
