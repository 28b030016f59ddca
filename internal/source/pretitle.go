package source

import (
	"regexp"
	"strings"

	"github.com/govreport/govreport/internal/report"
)

// Lines before the title: a contents list without its 目录 line, or a
// sharing site's headings (乡镇人代会，政府工作报告 / 篇一：…).
var (
	preTitleLimit = 16 // content lines searched for the title and salutation
	numberedRe    = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．])`)
	frontLineRe   = regexp.MustCompile(`^(?:——|―|--|（|\(|\d{4}\s*年).*(?:会议|人民代表大会)|^\d{4}\s*年\s*\d{0,2}\s*月\s*\d{0,2}\s*日$|(?:长|主任|主席)(?:候选人)?[\s　]*[\p{Han}XxＸ×]{0,5}$`)
)

// dropBeforeTitle removes the lines before the report's title when the
// title is not the first line and they are all contents entries (一、…) or
// other lines naming a report (a site's page title, 篇一：…报告): the title is
// the last line naming a report that a front line (subtitle, date,
// speaker) or the salutation follows, before the salutation. Nothing is
// removed when prose or any other line (an organisation's name) comes
// first: then those are the document's own. The front lines from the
// title to the salutation are kept as they are: never joined, their spaces
// (镇长 张三) left alone.
func (r *reader) dropBeforeTitle() {
	idx := r.content()
	title := -1
	for k := 0; k < len(idx) && k < preTitleLimit; k++ {
		t := r.lines[idx[k]].text
		switch {
		case isSalutation(t):
			r.removeBeforeTitle(idx, title, k)
			r.keepFront(idx[max(title, 0) : k+1])
			return
		case isReportTitle(t) && k+1 < len(idx) && followsTitle(r.lines[idx[k+1]].text):
			title = k
		case !shorter(t, 40) || endsSentence(t) && !strings.HasSuffix(t, "："):
			if title < 0 {
				return
			}
		}
	}
}

// keepFront marks the title, subtitle, speaker and date lines and the
// salutation as lines of their own.
func (r *reader) keepFront(idx []int) {
	for _, i := range idx {
		if l := &r.lines[i]; isReportTitle(l.text) || followsTitle(l.text) {
			l.keep, l.front = true, true
		}
	}
}

// followsTitle reports a line that may come right after a title.
func followsTitle(t string) bool {
	return isSalutation(t) || frontLineRe.MatchString(t) || isSpacedOut(t)
}

func (r *reader) removeBeforeTitle(idx []int, title, salutation int) {
	if title <= 0 {
		return
	}
	front := map[string]bool{} // the front's lines, which a portal may print twice
	for _, i := range idx[title:salutation] {
		front[stripSpaces(r.lines[i].text)] = true
	}
	for _, l := range r.lines[:idx[title]] { // and removed chrome it repeats (云南要闻 / 云南要闻)
		if l.drop && l.text != "" {
			front[stripSpaces(l.text)] = true
		}
	}
	for _, i := range idx[:title] {
		t := r.lines[i].text
		if isSpacedOut(t) || !numberedRe.MatchString(t) && !isReportTitle(t) && !front[stripSpaces(t)] {
			return // 政 府 工 作 报 告, 青山镇人民政府: the document's own lines
		}
	}
	name := quote(r.lines[idx[title]].text)
	for _, i := range idx[:title] {
		l := &r.lines[i]
		l.drop = true
		switch {
		case numberedRe.MatchString(l.text):
			r.find(l.n, report.Info, "toc", "removed the contents entry %s before the title %s", quote(l.text), name)
		case stripSpaces(l.text) == stripSpaces(r.src.Title) || front[stripSpaces(l.text)]:
			r.find(l.n, report.Info, "front", "removed %s, the portal's copy of the report's front, before the printed title %s", quote(l.text), name)
		default:
			r.find(l.n, report.Warning, "front", "removed %s before the title %s: check it is not part of the report", quote(l.text), name)
		}
	}
}
