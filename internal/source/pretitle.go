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
	frontLineRe   = regexp.MustCompile(`^(?:——|―|--|（|\(|\d{4}\s*(?:年|\d{1,4}\s*(?:月\s*\d{0,2}\s*)?日)).*(?:会议|人民代表大会)|^\d{4}\s*年\s*\d{0,2}\s*月\s*\d{0,2}\s*日$|(?:长|主任|主席|总理)(?:候选人)?[\s　]*[\p{Han}XxＸ×]{0,5}$`)
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
		case isTitleLike(t) && k+1 < len(idx) && startsAfterTitle(r.lines[idx[k+1]].text),
			gluedSubtitle(t) > 0: // 政府工作报告——2024年3月5日在…会议上国务院总理 李强
			title = k
		case sloganEnd(r.lines, idx, k) > 0:
			title = k - sloganEnd(r.lines, idx, k)
			for _, i := range idx[title:k] { // 奋发有为 挺膺担当: spaces kept
				r.lines[i].keep, r.lines[i].front = true, true
			}
		case !shorter(t, 40) || endsSentence(t) && !strings.HasSuffix(t, "："):
			if title >= 0 { // a report without a salutation: its body starts here
				r.removeBeforeTitle(idx, title, k)
				r.keepFront(idx[title:k])
			}
			return
		}
	}
}

// isTitleLike reports a short line naming a report of any of the kinds
// portals publish (报告, 总结, 工作计划…), perhaps with the kind in
// book-title marks (2021年《政府工作报告》) or a cell separator after it.
func isTitleLike(s string) bool {
	t := strings.TrimRight(stripSpaces(s), "|｜")
	if m := quotedKindRe.FindStringSubmatchIndex(t); m != nil {
		t = t[:m[0]] + t[m[2]:m[3]]
	}
	if !shorter(t, 60) || runes(t) < 5 || strings.ContainsAny(t, "《。，：:；;,|｜") || strings.Contains(t, "通知") ||
		strings.Contains(t, "印发") || numberedRe.MatchString(t) || strings.HasPrefix(t, "—") {
		return false
	}
	for _, k := range []string{"报告", "总结", "计划", "安排", "思路", "要点"} {
		if strings.HasSuffix(t, k) {
			return true
		}
	}
	return false
}

// quotedKindRe is a title's kind of report in book-title marks at its end.
var quotedKindRe = regexp.MustCompile(`《([^《》]*(?:报告|总结|计划|安排|思路|要点))》$`)

// startsAfterTitle reports a line that may come right after a title: a
// front line, or the start of the body (a numbered heading, prose).
func startsAfterTitle(t string) bool {
	return followsTitle(t) || numberedRe.MatchString(t) || !shorter(t, 40) && strings.ContainsAny(t, "，。")
}

// sloganEnd reports, for a line ——…报告 at idx[k] after one to three short
// lines (奋发有为 挺膺担当 / 全力推动…迈上新台阶 / ——东明路街道办事处工作报告),
// how many lines the slogan title above it has, or 0.
func sloganEnd(lines []line, idx []int, k int) int {
	t := lines[idx[k]].text
	rest := strings.TrimLeft(t, "—―-")
	if rest == t || !isTitleLike(rest) {
		return 0
	}
	n := 0
	for n < 3 && k-n-1 >= 0 {
		s := lines[idx[k-n-1]].text
		if !shorter(s, 30) || strings.ContainsAny(s, "。，：:；|") || isTitleLike(s) {
			break
		}
		n++
	}
	return n
}

// keepFront marks the title, subtitle, speaker and date lines and the
// salutation as lines of their own.
func (r *reader) keepFront(idx []int) {
	for _, i := range idx {
		if l := &r.lines[i]; isReportTitle(l.text) || followsTitle(l.text) || gluedSubtitle(l.text) > 0 {
			l.keep, l.front = true, true
		}
	}
}

// gluedSubtitle returns where the subtitle starts in a line that runs the
// title on into it (政府工作报告——2024年3月5日在…会议上国务院总理 李强), or -1:
// a line naming a report, then a subtitle led by a dash or a bracket.
func gluedSubtitle(s string) int {
	if !shorter(s, 120) {
		return -1
	}
	for _, lead := range []string{"——", "―", "--", "（", "("} {
		if i := strings.Index(s, lead); i > 0 && isTitleLike(s[:i]) && frontLineRe.MatchString(s[i:]) {
			return i
		}
	}
	return -1
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
		if isSpacedOut(t) || !numberedRe.MatchString(t) && !isReportTitle(t) && !isTitleLike(t) && !front[stripSpaces(t)] {
			return // 政 府 工 作 报 告, 青山镇人民政府: the document's own lines
		}
	}
	name := quote(r.lines[idx[title]].text)
	for _, i := range idx[:title] {
		l := &r.lines[i]
		l.drop = true
		defer r.namePage(l.text)
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

// namePage takes a line naming the report that the page printed before its
// title as the page's name for it, where nothing named one.
func (r *reader) namePage(s string) {
	if r.src.Title == "" && isTitleLike(s) {
		r.src.Title = pageTitle(s)
	}
}

// pageTitle is a page's name for a report as a title: without the spaces
// and cell separators around it.
func pageTitle(s string) string {
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "|｜"))
}
