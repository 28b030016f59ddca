// Package pdf prints a built site's reports into PDF files like the
// official document: each report's print version (reports/<slug>/print.html,
// the GB/T 9704 layout of layouts/reports/page.print.html and
// static/css/print.css) printed by headless Chromium, driven through
// chromedp, into reports/<slug>/<slug>.pdf — A4, tagged, with bookmarks for
// the parts and sections, every font embedded as a TrueType subset — then
// finished in Go (Finish): the metadata from the print version's <head>,
// the report's own dates instead of the clock's, a compact cross-reference
// stream, so that the same site gives the same bytes. LinkSite then links
// each PDF, with its size, from the report's page.
//
// The same browser saves each report's 一图读懂 (reports/<slug>/tu.html) as
// one tall PNG, 1080 px wide, into reports/<slug>/<slug>-tu.png (TuSite,
// SaveTu: a screenshot reduced to a small palette, with its title and
// description in the file), and LinkTu links it, with its size and a text
// alternative, from that page.
//
// It knows the built site's paths only, nothing of Hugo: it runs after a
// build (govreport pdf and govreport tu, or build --pdf).
package pdf
