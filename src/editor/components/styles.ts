/**
 * The sidebar's few layout rules, put into the editor page once, when the
 * plugin registers (installSidebarStyle), so the plugin needs no separate
 * stylesheet to enqueue. They were a <style> element rendered by the
 * sidebar: each opening then added a sheet to the editor page, which makes
 * the browser match the whole page's styles again (issue 20: opening the
 * sidebar at 1,000 links).
 */
export const SIDEBAR_CSS = `
.rlg-sidebar__summary{margin:0 0 12px;color:#1e1e1e}
.rlg-sidebar .components-notice{margin:0 0 12px}
.rlg-sidebar .components-notice p{margin:0 0 4px}
.rlg-partner-list{padding:0 16px 16px}
.rlg-filter{display:flex;flex-direction:column;gap:8px;margin:0 0 12px}
.rlg-filter__empty{color:#757575}
.rlg-window{position:relative;width:100%}
.rlg-item{position:absolute;top:0;left:0;width:100%}
.rlg-partner__heading{margin:0;padding:4px 0 0;font-size:13px}
.rlg-partner__toggle{display:flex;gap:6px;align-items:baseline;width:100%;padding:10px 0;border:0;border-top:1px solid #e0e0e0;background:none;color:#1e1e1e;font-weight:600;text-align:left;cursor:pointer}
.rlg-partner__toggle:focus-visible{outline:2px solid var(--wp-admin-theme-color,#3858e9);outline-offset:-2px}
.rlg-partner__title{flex:1 1 auto}
.rlg-partner__count{color:#757575;font-weight:400;font-size:12px;white-space:nowrap}
.rlg-partner__header--critical .rlg-partner__title{color:#cc1818}
.rlg-partner__header--warning .rlg-partner__title{color:#8a5a00}
.rlg-link{margin:0;padding:8px 0 12px 16px;border-bottom:1px solid #f0f0f0}
.rlg-progress{margin:0 0 12px}
.rlg-progress__text{margin:0 0 4px}
.rlg-progress__bar{height:4px;background:#e0e0e0;border-radius:2px;overflow:hidden}
.rlg-progress__done{height:100%;background:var(--wp-admin-theme-color,#3858e9)}
.rlg-progress__trouble{margin:4px 0 0;color:#8a5a00;font-size:12px}
.rlg-link__head{display:flex;flex-direction:column;gap:2px;margin-bottom:6px}
.rlg-link__anchor.components-button{height:auto;padding:0;text-align:left;font-weight:600;white-space:normal}
.rlg-link__url{color:#757575;font-size:12px;word-break:break-all}
.rlg-link__block,.rlg-link__rel{color:#757575;font-size:12px}
.rlg-link__pattern{color:#1e1e1e;font-size:12px;padding:2px 6px;border-left:3px solid #3858e9;background:#f0f6fc}
.rlg-patterns{margin:0 0 12px;padding:0;list-style:none;font-size:12px}
.rlg-patterns li{margin:0 0 4px}
.rlg-status{display:block;margin:0 0 8px;font-size:12px}
.rlg-status .components-spinner{margin:0 6px 0 0;vertical-align:middle}
.rlg-status--links-back>span{color:#007017;font-weight:600}
.rlg-status--no-link{color:#1e1e1e}
.rlg-status--error{color:#b32d2e}
.rlg-backlinks{margin:4px 0 0 16px;list-style:disc}
.rlg-finding.components-notice{padding:8px 12px;margin:0 0 8px}
.rlg-finding .components-notice__content{margin:0}
.rlg-finding.is-error{background:#fcf0f1}
.rlg-finding.is-warning{background:#fcf9e8}
.rlg-finding.is-info{background:#f0f6fc}
.rlg-finding__title{margin-bottom:2px}
.rlg-finding__severity{display:inline-block;margin-right:4px;padding:0 4px;border-radius:2px;font-size:11px;font-weight:600;text-transform:uppercase;color:#fff;background:#757575}
.rlg-finding--critical .rlg-finding__severity{background:#cc1818}
.rlg-finding--warning .rlg-finding__severity{background:#8a5a00}
.rlg-finding--info .rlg-finding__severity{background:#2271b1}
.rlg-link__actions{margin:0 0 8px}
.rlg-link__actions{display:flex;flex-wrap:wrap;gap:6px;margin-top:4px}
.rlg-finding__fix-label{font-weight:600}
.rlg-gate__override{margin:0 0 16px}
.rlg-gate__override .components-button{margin-top:8px}
.rlg-checklist{margin:0;padding:0;list-style:none}
.rlg-checklist__line{display:flex;gap:8px;align-items:baseline;margin:0 0 6px}
.rlg-checklist__mark{flex:0 0 auto;min-width:84px;font-weight:600;font-size:12px}
.rlg-checklist__line--pass .rlg-checklist__mark{color:#007017}
.rlg-checklist__line--warning .rlg-checklist__mark{color:#b26200}
.rlg-checklist__line--critical .rlg-checklist__mark{color:#cc1818}
.rlg-checklist__line--info .rlg-checklist__mark,.rlg-checklist__line--not-checked .rlg-checklist__mark{color:#757575}
.rlg-service-notice__actions{display:flex;gap:12px;align-items:center;flex-wrap:wrap}
`;

/** The id of the sheet installSidebarStyle adds. */
export const SIDEBAR_STYLE_ID = 'reciprocal-link-guard-sidebar';

/** Adds the sidebar's rules to `doc` once (again only if removed). */
export function installSidebarStyle( doc: Document = document ): void {
	if ( ! doc.head || doc.getElementById( SIDEBAR_STYLE_ID ) ) {
		return;
	}
	const style = doc.createElement( 'style' );
	style.id = SIDEBAR_STYLE_ID;
	style.textContent = SIDEBAR_CSS;
	doc.head.appendChild( style );
}
