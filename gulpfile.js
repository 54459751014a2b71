// Copies what tsc does not emit (icons, images, codex assets) into dist/, keeping folder layout.
const { src, dest } = require('gulp');

function copyAssets() {
	return src(['icons/**/*.svg', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:assets'] = copyAssets;
exports.default = copyAssets;
