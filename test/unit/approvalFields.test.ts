/**
 * Readable fields for controls read as WeCom sends them: values shaped as on the getapprovaldetail
 * page (https://developer.work.weixin.qq.com/document/path/91983), including controls the package
 * has no reading for (kept raw, never dropped) and titles used twice.
 */
import { readableFields } from '../../nodes/WeCom/shared/approval';

const title = (text: string) => [{ text, lang: 'zh_CN' }];

describe('readable approval fields', () => {
	it('keeps BankAccount, PunchCorrection, Tips and unknown controls as WeCom sent them', () => {
		const bank = {
			account_type: 2,
			account_name: 'Alice',
			account_number: '6222000000000000',
			remark: '',
			bank: {
				bank_alias: 'ICBC',
				bank_alias_code: '102',
				province: 'Sichuan',
				province_code: '51',
				city: 'Chengdu',
				city_code: '5101',
				bank_branch_name: 'Gaoxin',
				bank_branch_id: '1',
			},
		};
		const punch = { state: '上班-未打卡', time: 1699146000, version: 1, daymonthyear: 1699113600 };
		const tips = {
			tips_content: [
				{ text: { sub_text: [{ type: 1, content: { plain_text: { content: 'Read me' } } }] }, lang: 'zh_CN' },
			],
		};
		const fields = readableFields([
			{
				control: 'BankAccount',
				id: 'BankAccount-1',
				title: title('Account'),
				value: { bank_account: bank, members: [], files: [] },
			},
			{
				control: 'PunchCorrection',
				id: 'PunchCorrection-1',
				title: title('Punch'),
				value: { punch_correction: punch },
			},
			{ control: 'Tips', id: 'Tips-1', title: title('Note'), value: { new_tips: tips } },
			{ control: 'FutureControl', id: 'Future-1', title: title('Future'), value: { a: 1, b: 2 } },
			{ control: 'Formula', id: 'Formula-1', title: title('Total'), value: { formula: { value: '5.0' } } },
		]);
		expect(fields).toEqual({ Account: bank, Punch: punch, Note: tips, Future: { a: 1, b: 2 }, Total: 5 });
	});

	it('adds the control id to a title used twice, and reads the doc sample where Text carries empty lists', () => {
		const fields = readableFields([
			{
				control: 'Text',
				id: 'Text-1',
				title: title('Name'),
				value: { text: 'a', tips: [], members: [], departments: [], files: [], children: [], stat_field: [] },
			},
			{ control: 'Text', id: 'Text-2', title: title('Name'), value: { text: 'b' } },
			{ control: 'Number', id: 'Number-1', title: title('Count'), value: { new_number: '' } },
			{ control: 'Money', id: 'Money-1', title: title('Odd'), value: { new_money: 'n/a' } },
		]);
		expect(fields).toEqual({ Name: 'a', 'Name (Text-2)': 'b', Count: null, Odd: 'n/a' });
	});

	it('keeps an amount too big to hold exactly as text, and an id WeCom left out as null (never "undefined")', () => {
		const fields = readableFields([
			{ control: 'Money', id: 'Money-1', title: title('Total'), value: { new_money: '12345678901234567.89' } },
			{ control: 'Number', id: 'Number-1', title: title('Count'), value: { new_number: '9007199254740991' } },
			{ control: 'Contact', id: 'Contact-1', title: title('Teams'), value: { departments: [{ name: 'Sales' }] } },
		]);
		expect(fields).toEqual({
			Total: '12345678901234567.89',
			Count: 9007199254740991,
			Teams: [{ id: null, name: 'Sales' }],
		});
	});

	it('names 20,000 repeats of one control in linear time (each numbered once)', () => {
		const contents = Array.from({ length: 20000 }, (_, index) => ({
			control: 'Text',
			id: 'Text-1',
			title: title('Name'),
			value: { text: String(index) },
		}));
		const started = Date.now();
		const fields = readableFields(contents);
		// Numbering by trying 2, 3, ... for each took 140 s here; counting takes milliseconds.
		expect(Date.now() - started).toBeLessThan(2000);
		expect(Object.keys(fields)).toHaveLength(20000);
		expect(fields['Name (Text-1) (19999)']).toBe('19999');
	});
});
