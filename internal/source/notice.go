package source

import (
	"regexp"
	"strings"

	"github.com/govreport/govreport/internal/report"
)

// Transmittal notices (印发通知) printed before a report: the issuer and
// 关于印发…的通知, a 文号, the addressees, a paragraph (现将…印发给你们), the
// signing office and date, （此件公开发布）. The notice is part of the
// published document: its lines are kept, each a paragraph marked
// Para.Notice, and its 文号 and date fill the metadata the portal left out.
var (
	noticeRe     = regexp.MustCompile(`关于印发.{0,80}的通知`)
	docNumberRe  = regexp.MustCompile(`〔\d{4}〕\s*\d+\s*号$`)
	noticeDateRe = regexp.MustCompile(`^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$`)
	publicNoteRe = regexp.MustCompile(`^[（(]此件(?:公开发布|主动公开|依申请公开|不予公开|不公开)[）)]$`)
	noticeLimit  = 40 // content lines searched for the notice and the report after it
)

// markNotice finds a transmittal notice printed before the report and marks
// its lines. It ends with its （此件公开发布） line, or else after its signing
// date, or else where the report's title or salutation starts. Without both
// the notice's title and its 印发 sentence, nothing is marked.
func (r *reader) markNotice() {
	idx := r.content()
	for k := 0; k < len(idx) && k < noticeLimit; k++ {
		if t := r.lines[idx[k]].text; !shorter(t, 100) || !noticeRe.MatchString(t) {
			continue
		}
		if end, date := r.noticeEnd(idx, k); end > k+1 {
			r.keepNotice(idx, k, end, date)
		}
		return
	}
}

// noticeEnd returns the index in idx after the notice whose title is at
// idx[k], or -1, and the index of its signing date line, or -1.
func (r *reader) noticeEnd(idx []int, k int) (end, date int) {
	issued := false
	date = -1
	for j := k + 1; j < len(idx) && j < k+noticeLimit; j++ {
		t := r.lines[idx[j]].text
		issued = issued || strings.Contains(t, "现将") || strings.Contains(t, "印发给")
		switch {
		case !issued:
		case publicNoteRe.MatchString(stripSpaces(t)):
			return j + 1, date
		case noticeDateRe.MatchString(t):
			date = j
		case isReportTitle(t) || isSalutation(t):
			if date >= 0 {
				return date + 1, date
			}
			return j, date
		}
	}
	return -1, -1
}

// keepNotice marks content lines idx[k:end] as the notice, with its own
// head just before them (its issuer and document number: short lines, no
// sentence), and takes its 文号 and date into the metadata where the
// portal gave none.
func (r *reader) keepNotice(idx []int, k, end, date int) {
	first := r.lines[idx[k]]
	for n := 0; n < 3 && k > 0 && isNoticeHead(r.lines[idx[k-1]].text); n++ {
		k--
	}
	for _, i := range idx[k:end] {
		l := &r.lines[i]
		l.notice, l.keep, l.front = true, true, true
		if docNumberRe.MatchString(l.text) && shorter(l.text, 30) && r.src.Meta["文号"] == "" {
			r.storeMeta(l.n, "文号", strings.TrimSpace(l.text))
		}
	}
	if date >= 0 && r.src.Meta["成文日期"] == "" {
		r.storeMeta(r.lines[idx[date]].n, "成文日期", r.lines[idx[date]].text)
	}
	r.find(r.lines[idx[k]].n, report.Info, "notice",
		"kept the transmittal notice printed before the report (lines %d-%d), starting %s, as a block of its own",
		r.lines[idx[k]].n, r.lines[idx[end-1]].n, quote(first.text))
}

// isNoticeHead reports a line of a notice's head: its document number, or
// a short line naming the issuer.
func isNoticeHead(s string) bool {
	return docNumberRe.MatchString(s) || shorter(s, 20) && !strings.ContainsAny(s, "，。；：！？") && !isReportTitle(s)
}
