/**
 * The page's stylesheet, inlined (no external assets). Card metrics and colours approximate the
 * WeCom client; button styles 1–4 are documented only as a picture, so they are a best guess.
 */
export const STYLES = `
:root {
	--text: #1f2329; --grey: #858e99; --line: #e8eaed; --soft: #f5f6f7;
	--blue: #0082ef; --red: #f54a45; --green: #2ba245; --bg: #eef0f3;
	font-family: -apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Segoe UI", Roboto, sans-serif;
	color: var(--text); font-size: 14px;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); }
header.top { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 10px 20px; background: #fff; border-bottom: 1px solid var(--line); }
header.top h1 { font-size: 16px; margin: 0 12px 0 0; }
header.top form { display: flex; gap: 6px; align-items: center; margin-left: auto; }
header.top input { padding: 4px 8px; border: 1px solid var(--line); border-radius: 4px; font: inherit; }
header.top a, header.top button { color: var(--blue); font: inherit; }
header.top button { background: none; border: 1px solid var(--blue); border-radius: 4px; padding: 3px 10px; cursor: pointer; }
#status { font-size: 12px; color: var(--grey); }
#status.live::before { content: "●"; color: var(--green); margin-right: 4px; }
#status.offline { color: var(--red); }
.note { margin: 12px 20px 0; padding: 8px 12px; border-radius: 6px; background: #fff7e6; border: 1px solid #ffd591; }
#view { display: grid; grid-template-columns: 220px 1fr; min-height: calc(100vh - 50px); }
nav#users { background: #fff; border-right: 1px solid var(--line); padding: 16px 12px; }
nav#users h2, #messages h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--grey); margin: 0 0 8px; }
nav#users ul { list-style: none; margin: 0 0 16px; padding: 0; }
nav#users a { display: flex; justify-content: space-between; padding: 6px 8px; border-radius: 4px; color: var(--text); text-decoration: none; }
nav#users a:hover { background: var(--soft); }
nav#users a.current { background: #e6f3fe; color: var(--blue); font-weight: 600; }
nav#users .count { color: var(--grey); font-weight: normal; }
nav#users p { font-size: 12px; color: var(--grey); margin: 0 0 8px; }
#messages { padding: 16px 20px; }
.list { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 360px)); gap: 20px; align-items: start; }
.empty { color: var(--grey); }
.empty code { background: #fff; padding: 1px 4px; border-radius: 3px; }

article.message { min-width: 0; }
article.fresh .card, article.changed .card { animation: flash 2s ease-out; }
@keyframes flash { from { box-shadow: 0 0 0 3px var(--blue); } to { box-shadow: 0 1px 2px rgba(0,0,0,.06); } }
.meta { display: flex; flex-wrap: wrap; gap: 8px; font-size: 12px; color: var(--grey); margin-bottom: 6px; }
.meta .type { background: #fff; border: 1px solid var(--line); border-radius: 3px; padding: 0 5px; color: var(--text); font-family: ui-monospace, Menlo, Consolas, monospace; }
.meta .updated { color: var(--blue); }
.meta .recalled { color: var(--red); font-weight: 600; }
.recalled-note { font-size: 12px; color: var(--red); margin-bottom: 6px; }
.card-wrap.is-recalled { opacity: .45; filter: grayscale(1); }
.ids { display: grid; gap: 2px; margin: 6px 0 0; font-size: 11px; color: var(--grey); }
.ids div { display: flex; gap: 6px; min-width: 0; }
.ids dt { flex: none; width: 94px; }
.ids dd { margin: 0; font-family: ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; color: var(--text); }
details.raw { margin-top: 4px; font-size: 12px; }
details.raw summary { cursor: pointer; color: var(--blue); }
details.raw pre { background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: 8px; max-height: 320px; overflow: auto; font-size: 11px; margin: 4px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.raw-label { color: var(--grey); margin-top: 6px; }
.bubble { background: #fff; border-radius: 8px; padding: 10px 14px; white-space: pre-wrap; overflow-wrap: anywhere; }

.card { background: #fff; border-radius: 8px; padding: 16px; box-shadow: 0 1px 2px rgba(0,0,0,.06); overflow-wrap: anywhere; }
.card > * + * { margin-top: 12px; }
.card-top { display: flex; align-items: center; justify-content: space-between; min-height: 20px; }
.src { display: flex; align-items: center; gap: 6px; font-size: 13px; min-width: 0; }
.src-icon { width: 16px; height: 16px; border-radius: 3px; flex: none; }
.src-icon.placeholder { display: inline-flex; align-items: center; justify-content: center; background: var(--blue); color: #fff; font-size: 10px; }
.src-desc.grey { color: var(--grey); } .src-desc.black { color: var(--text); }
.src-desc.red { color: var(--red); } .src-desc.green { color: var(--green); }
.main-title .title { font-size: 17px; font-weight: 600; line-height: 1.4; }
.main-title .title-desc { font-size: 14px; color: var(--grey); margin-top: 4px; white-space: pre-wrap; }
.emphasis-title { font-size: 34px; font-weight: 600; line-height: 1.2; color: var(--blue); }
.emphasis-desc { font-size: 13px; color: var(--grey); margin-top: 2px; }
.quote { background: var(--soft); border-radius: 4px; padding: 8px 12px; }
.quote-title { font-size: 14px; margin-bottom: 2px; }
.quote-text { font-size: 13px; color: var(--grey); white-space: pre-wrap; }
.sub-title { color: #4e5969; white-space: pre-wrap; line-height: 1.5; }
.kv { margin: 12px 0 0; display: grid; gap: 6px; }
.kv-row { display: flex; gap: 12px; }
.kv dt { flex: none; width: 5.5em; color: var(--grey); }
.kv dd { margin: 0; min-width: 0; }
.kv-link, .kv-member, .kv-file { color: var(--blue); }
.file-icon { display: inline-block; width: 10px; height: 12px; margin-right: 4px; border: 1.5px solid var(--blue); border-radius: 1px 4px 1px 1px; vertical-align: -1px; }
.jumps { border-top: 1px solid var(--line); padding-top: 4px; }
.jump { padding: 6px 0; color: var(--text); }
.jump.link { color: var(--blue); }
.jump.link::after, .card-action::after { content: "›"; float: right; color: var(--grey); }
.link, [data-open] { cursor: pointer; }
.card-image { border-radius: 4px; overflow: hidden; background: var(--soft); }
.card-image-pic { width: 100%; height: 100%; object-fit: cover; display: block; }
.placeholder { background: repeating-linear-gradient(45deg, #eef0f3 0 8px, #e4e7eb 8px 16px); display: flex; align-items: center; justify-content: center; }
.placeholder span { font-size: 11px; color: var(--grey); padding: 4px 8px; text-align: center; overflow-wrap: anywhere; }
.image-text { display: flex; gap: 10px; background: var(--soft); border-radius: 4px; padding: 8px; }
.image-text-pic { width: 58px; height: 58px; flex: none; border-radius: 3px; object-fit: cover; }
.image-text-pic.placeholder span { font-size: 8px; padding: 2px; max-height: 100%; overflow: hidden; }
.image-text-title { font-size: 14px; }
.image-text-desc { font-size: 12px; color: var(--grey); margin-top: 2px; }
.vertical-item + .vertical-item { margin-top: 8px; }
.vertical-title { font-size: 15px; }
.vertical-desc { font-size: 13px; color: var(--grey); margin-top: 2px; white-space: pre-wrap; }
.card-action { border-top: 1px solid var(--line); padding-top: 12px; }

.menu { position: relative; margin-left: auto; }
.menu summary { list-style: none; cursor: pointer; color: var(--grey); font-size: 18px; line-height: 1; padding: 0 4px; }
.menu summary::-webkit-details-marker { display: none; }
.menu-sheet { position: absolute; right: 0; top: 22px; z-index: 2; background: #fff; border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.16); min-width: 160px; padding: 4px 0; }
.menu-desc { font-size: 12px; color: var(--grey); padding: 6px 14px; border-bottom: 1px solid var(--line); }
.menu-item { display: block; width: 100%; text-align: left; background: none; border: 0; padding: 9px 14px; font: inherit; cursor: pointer; }
.menu-item:hover { background: var(--soft); }
.button-selection { display: flex; align-items: center; gap: 10px; }
.select-list { display: grid; gap: 10px; }
.select-list .select { display: grid; gap: 4px; }
.select-title { color: var(--grey); font-size: 13px; flex: none; }
select { flex: 1; width: 100%; padding: 7px 8px; border: 1px solid var(--line); border-radius: 4px; background: #fff; font: inherit; color: var(--text); }
fieldset.checkbox { border: 0; padding: 0; margin-left: 0; margin-right: 0; display: grid; gap: 8px; }
fieldset.checkbox legend { font-size: 12px; color: var(--grey); padding: 0; margin-bottom: 8px; }
.option { display: flex; align-items: center; gap: 8px; border: 1px solid var(--line); border-radius: 4px; padding: 9px 12px; cursor: pointer; }
.option input { accent-color: var(--blue); margin: 0; }
fieldset:disabled .option { color: var(--grey); background: var(--soft); cursor: default; }
select:disabled { background: var(--soft); color: var(--grey); }
.buttons { display: flex; flex-wrap: wrap; gap: 8px; }
.btn { flex: 1 1 0; min-width: 64px; height: 36px; border-radius: 4px; border: 1px solid transparent; font: inherit; cursor: pointer; padding: 0 8px; }
.btn.style-1 { background: var(--blue); color: #fff; }
.btn.style-2 { background: var(--soft); color: var(--text); border-color: var(--line); }
.btn.style-3 { background: #fff1f0; color: var(--red); }
.btn.style-4 { background: #fff; color: var(--blue); border-color: var(--blue); }
.btn.grey, .btn:disabled { background: #f2f3f5; color: #b0b4ba; border-color: transparent; cursor: default; }

#toast { position: fixed; left: 50%; bottom: 24px; transform: translateX(-50%); max-width: min(640px, 90vw); padding: 10px 16px; border-radius: 6px; background: #1f2329; color: #fff; box-shadow: 0 4px 16px rgba(0,0,0,.2); overflow-wrap: anywhere; z-index: 10; }
#toast.error { background: #a8071a; }
#toast.ok { background: #135200; }
@media (max-width: 700px) { #view { grid-template-columns: 1fr; } nav#users { border-right: 0; border-bottom: 1px solid var(--line); } }
`;
