/** One attachment of a submission: its media_id and where it stands in the request body. */
export interface ApplyFile {
	/** e.g. `apply_data.contents[3].value.children[0].list[1].value.files[0].file_id`. */
	path: string;
	fileId: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * The file_ids of a submission's File controls, tables' rows included. WeCom answers 40007 for
 * one it cannot use without saying which (https://developer.work.weixin.qq.com/document/path/90313).
 */
export function applyFiles(contents: unknown, at = 'apply_data.contents'): ApplyFile[] {
	return list(contents).flatMap((content, index): ApplyFile[] => {
		if (!isObject(content) || !isObject(content.value)) return [];
		const value = content.value;
		const here = `${at}[${index}].value`;
		if (content.control === 'Table')
			return list(value.children).flatMap((row, rowIndex) =>
				isObject(row) ? applyFiles(row.list, `${here}.children[${rowIndex}].list`) : [],
			);
		if (content.control !== 'File') return [];
		return list(value.files).flatMap((file, fileIndex) =>
			isObject(file) && typeof file.file_id === 'string'
				? [{ path: `${here}.files[${fileIndex}].file_id`, fileId: file.file_id }]
				: [],
		);
	});
}
