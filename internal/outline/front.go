package outline

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/source"
)

// The front of a report, before its salutation: the title (perhaps after
// the page's own name for it, or printed over two lines, an organisation
// and then 2024年政府工作报告), the subtitle (——2024年1月5日在…会议上, perhaps
// wrapped), the speaker and a date line.
var (
	yearRe = regexp.MustCompile(`(\d{4}|[〇零○一二三四五六七八九]{4})\s*年`)
	dateRe = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	// A date that lost its 年 or 月 (2025228日, 2021124日, 20252月28日).
	lostDateRe = regexp.MustCompile(`(\d{4})(年?)(\d{1,4})(月?)(\d{0,2})日`)
	// A date line of its own, possibly in brackets, possibly with the
	// month and day left blank (2014年 月 日), as a speech's front may carry.
	dateLineRe = regexp.MustCompile(`^[（(]?(\d{4})\s*年\s*(\d{0,2})\s*月\s*(\d{0,2})\s*日[）)]?$`)
	// The speaker: an office (镇长, 省长, 街道办事处主任 …), perhaps after the
	// body that holds it and before a name; an acting or candidate holder too.
	speakerRe = regexp.MustCompile(`^[\p{Han}XxＸ×、]{0,24}?(?:代理)?(?:总理|省长|自治区主席|主席|市长|州长|盟长|县长|区长|旗长|镇长|乡长|主任)(?:候选人)?[\s　]*[\p{Han}XxＸ×·]{0,5}$`)
	nameRe    = regexp.MustCompile(`^\p{Han}{2,4}$`)
	// A subtitle that starts with the date itself (2026年1月27日在…), whose
	// 年 or 月 may be lost (2021124日在…).
	datedRe = regexp.MustCompile(`^\d{4}\s*年?\s*\d{1,2}\s*月?\s*\d{1,2}\s*日\s*在`)
	// A title whose kind of report is in book-title marks: 2021年《政府工作报告》.
	quotedKindRe = regexp.MustCompile(`《([^《》]*(?:报告|總結|总结|计划|安排|思路|要点|報告))》$`)
)

// notName lists words that make a short line a heading, not a speaker's name.
var notName = []string{"工作", "回顾", "安排", "计划", "目标", "任务", "建设", "发展", "报告", "代表", "会议", "一年", "以来"}

// reportKinds end the title of a report a portal publishes: a work report,
// a disclosure or rule-of-law report, a street office's summary and plan.
var reportKinds = []string{"报告", "总结", "计划", "安排", "思路", "要点"}

// orgEnds end the name of the organisation a title may be printed under.
var orgEnds = []string{"人民政府", "政府", "街道办事处", "办事处", "管理委员会", "管委会"}

const (
	frontLimit  = 12  // paragraphs searched for the title
	runTogether = 120 // characters searched for the salutation in text run together
)

// frontReader reads the front of one report into its Meta.
type frontReader struct {
	meta *report.Meta
	src  *source.Source
	fs   []report.Finding
	// pageTitles are the names the page gave the report before its
	// printed title: they may name its place.
	pageTitles []string
	// speakerLine is the speaker's line as printed, office and all.
	speakerLine string
}

// readFront takes the title, subtitle, speaker and date lines off the front
// of the text into meta and returns the paragraphs that remain, those
// printed above the title first (the reader removed the page's copies of
// the title). It fills the date, the year named by the title and the
// portal's metadata; the place is left to findPlace, which needs the body.
func readFront(meta *report.Meta, src *source.Source, paras []source.Para) (*frontReader, []source.Para) {
	meta.Date = src.Date
	f := &frontReader{meta: meta, src: src}
	paras = f.read(paras)
	f.fill()
	return f, paras
}

func (f *frontReader) find(line int, lvl report.Level, code, format string, args ...any) {
	f.fs = append(f.fs, report.Finding{Line: line, Level: lvl, Code: code, Message: fmt.Sprintf(format, args...)})
}

// read finds the title among the first paragraphs and reads the front
// lines after it; failing that, a slogan title over a ——…报告 line, or a
// title run together with the text after it.
func (f *frontReader) read(paras []source.Para) []source.Para {
	paras = f.splitGlued(paras)
	z := frontZone(paras)
	if t, o := titleAt(paras[:z]); t >= 0 {
		f.setTitle(paras[o : t+1])
		before := f.beforeTitle(paras[:o])
		return append(before, f.readSub(paras[t+1:])...)
	}
	if s, d := sloganAt(paras[:z]); s >= 0 {
		f.setSlogan(paras[s:d], paras[d])
		before := f.beforeTitle(paras[:s])
		return append(before, f.readSub(paras[d+1:])...)
	}
	return f.readSub(f.readRunTogether(paras))
}

// splitGlued cuts the first front line that runs the title on into the
// subtitle (政府工作报告——2024年3月5日在…会议上国务院总理 李强) into the two,
// reporting it; the subtitle keeps the speaker, which readSub cuts off.
func (f *frontReader) splitGlued(paras []source.Para) []source.Para {
	for i, p := range paras {
		t := strings.TrimSpace(p.Text)
		if i == frontLimit || p.Rows != nil || isSalutation(t) {
			break
		}
		k := gluedSubtitle(p.Text)
		if k < 0 {
			continue
		}
		f.find(p.Line, report.Info, "title", "the title ran on into the subtitle on one line: read %q as the title", strings.TrimSpace(p.Text[:k]))
		out := append(paras[:i:i], p.Slice(0, k), p.Slice(k, len(p.Text)))
		return append(out, paras[i+1:]...)
	}
	return paras
}

// gluedSubtitle returns where the subtitle starts in a line that runs the
// title on into it: a title line, then a subtitle led by a dash or a
// bracket. It returns -1 for any other line.
func gluedSubtitle(t string) int {
	if utf8.RuneCountInString(t) > 140 {
		return -1
	}
	for _, lead := range []string{"——", "―", "--", "（", "("} {
		if k := strings.Index(t, lead); k > 0 && isTitleLine(t[:k]) && isSubtitle(strings.TrimSpace(t[k:])) {
			return k
		}
	}
	return -1
}

// frontZone returns how many paragraphs the front may hold: up to the
// salutation, the first sentence, table or numbered block.
func frontZone(paras []source.Para) int {
	for i, p := range paras {
		t := strings.TrimSpace(p.Text)
		if _, numbered := parseMarker(t); i == frontLimit || p.Rows != nil || numbered ||
			isSalutation(t) || strings.ContainsAny(t, "。；") {
			return i
		}
	}
	return len(paras)
}

// isSalutation reports the line that opens the address: 各位代表：,
// 尊敬的…：.
func isSalutation(t string) bool {
	return strings.HasPrefix(t, salutation) || strings.HasPrefix(t, "各位委员") || strings.HasPrefix(t, "尊敬的")
}

// titleAt returns the index of the report's title among the front's
// paragraphs — a .docx title paragraph, or else the last line naming a
// report before the first subtitle, date or speaker line — and the index
// of the organisation line printed right above it, if the title names no
// place itself (重庆市巴南区木洞镇人民政府 / 2024年政府工作报告); t is -1 if
// there is none.
func titleAt(front []source.Para) (t, o int) {
	t = -1
	if len(front) > 0 && isTitlePara(front[0]) {
		t = 0
	} else {
		for i, p := range front {
			s := strings.TrimSpace(p.Text)
			if t >= 0 && isFrontLine(s) {
				break
			}
			if isTitleLine(s) {
				t = i
			}
		}
	}
	if t < 0 {
		return -1, -1
	}
	o = t
	if t > 0 && isOrgLine(front[t-1].Text) && front[t].Line-front[t-1].Line <= 2 && len(placeUnits(front[t].Text)) == 0 {
		o = t - 1
	}
	return t, o
}

// isFrontLine reports a line that follows a title: a subtitle, a date
// line, a speaker.
func isFrontLine(t string) bool {
	return isSubtitleStart(t) || dateLineRe.MatchString(t) || speakerRe.MatchString(simplified(t)) && utf8.RuneCountInString(t) <= 32
}

// cleanTitle is the page's name for a report as a title: without the
// spaces and cell separators around it (… |), the spaces it was spaced out
// with, and the book-title marks around its kind of report
// (2021年《政府工作报告》). A printed title only loses the spacing (see
// setTitle): its characters are the report's.
func cleanTitle(t string) string {
	t = strings.TrimFunc(t, func(r rune) bool { return r == '|' || r == '｜' || isSpaceRune(r) })
	return unquoteKind(collapseSpaced(t))
}

// unquoteKind removes the book-title marks around a title's kind of report.
func unquoteKind(t string) string {
	if m := quotedKindRe.FindStringSubmatchIndex(t); m != nil {
		t = t[:m[0]] + t[m[2]:m[3]]
	}
	return t
}

func isSpaceRune(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00A0' }

// isTitleLine reports whether a line reads as a report's title: a short line
// naming a report (报告, 总结, 计划…), with no sentence punctuation, no
// numbering, not a subtitle.
func isTitleLine(t string) bool {
	c := simplified(unquoteKind(collapseSpaced(strings.TrimSpace(t))))
	if n := utf8.RuneCountInString(c); n < 4 || n > 60 || strings.ContainsAny(c, "。，：:！？|｜；;") ||
		strings.HasPrefix(c, "—") || strings.HasPrefix(c, "―") || strings.HasPrefix(c, "（") || strings.HasPrefix(c, "(") ||
		strings.Contains(c, "通知") || strings.Contains(c, "印发") {
		return false
	}
	if _, numbered := parseMarker(c); numbered {
		return false
	}
	for _, w := range reportKinds {
		if strings.HasSuffix(c, w) {
			return true
		}
	}
	return false
}

// isOrgLine reports a short line that is only an organisation's name
// (青山镇人民政府), as a title printed over two lines has first.
func isOrgLine(t string) bool {
	t = strings.TrimSpace(t)
	if utf8.RuneCountInString(t) > 30 || strings.ContainsFunc(t, func(r rune) bool { return !isHanRune(r) }) {
		return false
	}
	s := simplified(t)
	for _, e := range orgEnds {
		if strings.HasSuffix(s, e) && len(s) > len(e) {
			return true
		}
	}
	return false
}

// setTitle takes the title from its line (and the organisation line above
// it), reporting each change made to it.
func (f *frontReader) setTitle(lines []source.Para) {
	var parts []string
	for _, p := range lines {
		t := strings.TrimSpace(p.Text)
		c := collapseSpaced(t)
		if c != t {
			f.find(p.Line, report.Info, "space", "spaced-out title %q written as %q", t, c)
		}
		parts = append(parts, c)
	}
	f.meta.Title = strings.Join(parts, "")
	if len(parts) > 1 {
		f.find(lines[1].Line, report.Info, "title", "the title's %d lines joined: %q", len(parts), f.meta.Title)
	}
}

// sloganAt finds a title that is a slogan: one to three short lines before a
// line ——…报告 (——东明路街道办事处工作报告). It returns the slogan's first
// line and the dash line, or -1.
func sloganAt(front []source.Para) (s, d int) {
	for i, p := range front {
		t := strings.TrimSpace(p.Text)
		rest := strings.TrimLeft(t, "—―-")
		if i == 0 || rest == t || !isTitleLine(rest) {
			continue
		}
		s = i
		for s > 0 && i-s < 3 && isSloganLine(front[s-1].Text) {
			s--
		}
		if s < i {
			return s, i
		}
	}
	return -1, -1
}

// isSloganLine reports a short line with no sentence punctuation: a line
// of a slogan title (奋发有为 挺膺担当).
func isSloganLine(t string) bool {
	t = strings.TrimSpace(t)
	return t != "" && utf8.RuneCountInString(t) <= 30 && !strings.ContainsAny(t, "。，：:；;|") && !isTitleLine(t)
}

// setSlogan takes a slogan title and its dash line, the subtitle.
func (f *frontReader) setSlogan(lines []source.Para, dash source.Para) {
	var parts []string
	for _, p := range lines {
		parts = append(parts, strings.TrimSpace(p.Text))
	}
	f.meta.Title = strings.Join(parts, " ")
	f.meta.Subtitle = strings.TrimSpace(dash.Text)
	if len(parts) > 1 {
		f.find(lines[1].Line, report.Info, "title", "the slogan title's %d lines joined with a space: %q", len(parts), f.meta.Title)
	}
}

// beforeTitle returns the paragraphs before the title, which stay: the
// document's own, or what the reader could not tell from them. Those
// naming a report (the page's own name for it) may name its place.
func (f *frontReader) beforeTitle(paras []source.Para) []source.Para {
	for _, p := range paras {
		if t := strings.TrimSpace(p.Text); isTitleLine(t) {
			f.pageTitles = append(f.pageTitles, cleanTitle(t))
		}
	}
	return paras
}

// readRunTogether takes the title off the start of the first paragraph
// when the text ran together (a sharing site's page): the title a site
// named, or the words before the salutation. Those words, split at their
// spaces, may hold the front lines too (…工作报告 （2023年2月22日） 乡长xx).
func (f *frontReader) readRunTogether(paras []source.Para) []source.Para {
	if len(paras) == 0 || paras[0].Rows != nil {
		return paras
	}
	p := paras[0]
	head, rest := splitTitle(p.Text, f.src.Title)
	if head == "" {
		return paras
	}
	var out []source.Para
	pieces := splitSpaces(p.Slice(0, len(head)))
	if t, _ := titleAt(pieces); len(pieces) > 1 && t >= 0 {
		f.setTitle(pieces[t : t+1])
		out = append(f.beforeTitle(pieces[:t]), f.readSub(pieces[t+1:])...)
	} else {
		f.meta.Title = strings.TrimSpace(head)
	}
	if r := strings.TrimLeftFunc(rest, isSpaceRune); r != "" {
		out = append(out, p.Slice(len(p.Text)-len(r), len(p.Text)))
	}
	return append(out, paras[1:]...)
}

// splitSpaces cuts a paragraph at its runs of spaces.
func splitSpaces(p source.Para) []source.Para {
	var out []source.Para
	start := -1
	for i, r := range p.Text {
		switch {
		case isSpaceRune(r) && start >= 0:
			out = append(out, p.Slice(start, i))
			start = -1
		case !isSpaceRune(r) && start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, p.Slice(start, len(p.Text)))
	}
	return out
}

// splitTitle finds the report's title at the start of text: the title a
// sharing site named, or the words before the salutation naming a report,
// or the whole of a short first line that names one. It returns the title
// and the rest of the text.
func splitTitle(text, named string) (title, rest string) {
	if named != "" && strings.HasPrefix(text, named) {
		return named, text[len(named):]
	}
	head := text[:runeIndex(text, runTogether)]
	if i := strings.Index(head, salutation); i > 0 && strings.Contains(head[:i], "报告") {
		return text[:i], text[i:]
	}
	if head == text && strings.Contains(text, "报告") && !strings.ContainsAny(text, "。，") {
		return text, ""
	}
	return "", text
}

// readSub reads the front lines after the title — subtitle, date line,
// speaker, in any order — and returns the paragraphs after them.
func (f *frontReader) readSub(paras []source.Para) []source.Para {
	afterSubtitle := false
	for len(paras) > 0 && paras[0].Rows == nil {
		t := strings.TrimSpace(paras[0].Text)
		next := ""
		if len(paras) > 1 {
			next = strings.TrimSpace(paras[1].Text)
		}
		switch {
		case f.meta.Subtitle == "" && dateLineRe.MatchString(t):
			f.meta.Subtitle = t // a date line in the subtitle's place
			f.frontDate(t, paras[0].Line)
			afterSubtitle = true
		case f.meta.Subtitle == "" && isSubtitleStart(t):
			sub, n := joinSubtitle(paras)
			if !isSubtitle(sub) {
				return paras
			}
			if n > 1 {
				f.find(paras[1].Line, report.Info, "space", "the subtitle's %d lines joined: %q", n, sub)
			}
			sub, speaker := splitSpeaker(sub)
			if speaker != "" && f.meta.Speaker == "" {
				f.setSpeaker(speaker, paras[n-1].Line)
			}
			f.meta.Subtitle, paras, afterSubtitle = sub, paras[n-1:], true
		case f.meta.Speaker == "" && isSpeaker(t, afterSubtitle, next):
			f.setSpeaker(t, paras[0].Line)
		default:
			return paras
		}
		paras = paras[1:]
	}
	return paras
}

// joinSubtitle returns the subtitle that starts paras, with the short lines
// it was wrapped onto (…第三次会议 / 上, …第二十届 / 人民代表大会第八次会议上),
// and how many paragraphs it takes.
func joinSubtitle(paras []source.Para) (string, int) {
	sub, n := strings.TrimSpace(paras[0].Text), 1
	for ; n < len(paras) && n < 3 && paras[n].Rows == nil && !subtitleEnds(sub); n++ {
		t := strings.TrimSpace(paras[n].Text)
		if utf8.RuneCountInString(t) > 30 || isSalutation(t) || speakerRe.MatchString(simplified(t)) {
			break
		}
		sub += t
	}
	return sub, n
}

// splitSpeaker cuts the speaker off a subtitle that names them on the same
// line: …第四次会议上 陕西省省长 赵刚.
func splitSpeaker(sub string) (string, string) {
	i := strings.LastIndex(sub, "会议上")
	if i < 0 {
		return sub, ""
	}
	end := i + len("会议上")
	rest := strings.TrimSpace(sub[end:])
	if rest == "" || !speakerRe.MatchString(simplified(rest)) {
		return sub, ""
	}
	return sub[:end], rest
}

// subtitleEnds reports whether a subtitle is whole: …会议上 (perhaps with
// the speaker after it), or its bracket closed.
func subtitleEnds(t string) bool {
	return strings.Contains(t, "会议上") || strings.HasSuffix(t, "上") || strings.HasSuffix(t, "）") || strings.HasSuffix(t, ")")
}

// isSpeaker reports whether a front line names the speaker: an office and a
// name, or, right after the subtitle and before the salutation or a date
// line, a name alone (张三, 赵 海 龙).
func isSpeaker(t string, afterSubtitle bool, next string) bool {
	if speakerRe.MatchString(simplified(t)) && utf8.RuneCountInString(t) <= 32 {
		return true
	}
	c := collapseSpaced(t)
	return afterSubtitle && nameRe.MatchString(c) && !containsAnyWord(c, notName) &&
		(isSalutation(next) || dateLineRe.MatchString(next))
}

// setSpeaker takes the speaker from their line: the office and the name,
// without the organisation and place the line may print before them
// (重庆市巴南区木洞镇人民政府镇长 邓迎春 → 镇长 邓迎春), which are the report's
// publisher and place; the line as printed is reported.
func (f *frontReader) setSpeaker(t string, line int) {
	f.speakerLine = t
	s := speakerOffice(t)
	if s != t {
		f.find(line, report.Info, "speaker", "the speaker's line %q: took the office and name %q (the place is in the front matter)", t, s)
	}
	if o := oneSpace(s); o != s {
		f.find(line, report.Info, "space", "the speaker %q: the space between office and name written as one space: %q", s, o)
		s = o
	}
	f.meta.Speaker = s
}

// oneSpace writes each run of spaces in s (U+3000, no-break, tabs, several
// ASCII spaces) as one ASCII space: 国务院总理　李强 → 国务院总理 李强.
func oneSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if isSpaceRune(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// speakerOffice cuts the organisation and the places off the start of a
// speaker's line, as long as an office and name remain.
func speakerOffice(t string) string {
	s := simplified(t)
	for _, e := range orgEnds {
		if i := strings.LastIndex(s, e); i >= 0 && speakerRe.MatchString(s[i+len(e):]) && strings.TrimSpace(s[i+len(e):]) != "" {
			t, s = t[i+len(e):], s[i+len(e):]
			break
		}
	}
	for {
		us := placeUnits(t)
		if len(us) == 0 || us[0].start != 0 || !speakerRe.MatchString(s[us[0].end:]) || strings.TrimSpace(t[us[0].end:]) == "" {
			return strings.TrimSpace(t)
		}
		t, s = t[us[0].end:], s[us[0].end:]
	}
}

// containsAnyWord reports whether s contains one of the words.
func containsAnyWord(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// frontDate reads a date line of the front; one with its month or day left
// blank gives no date and is reported.
func (f *frontReader) frontDate(t string, line int) {
	d := dateLineRe.FindStringSubmatch(t)
	if iso := isoDate(d[1], d[2], d[3]); d[2] != "" && d[3] != "" && iso != "" {
		if f.meta.Date == "" {
			f.meta.Date = iso
		}
		return
	}
	f.find(line, report.Warning, "no-date", "the date line %q names no day: set date in the front matter", t)
}

// isTitlePara reports whether a .docx paragraph is the title by its style
// or its direct formatting: a short centred or bold line.
func isTitlePara(p source.Para) bool {
	t := strings.TrimSpace(p.Text)
	if t == "" || utf8.RuneCountInString(t) > 60 || strings.ContainsAny(t, "。，") {
		return false
	}
	if _, ok := parseMarker(t); ok {
		return false
	}
	return p.Style == "Title" || p.Style == "标题" || (p.Centered && (p.Bold || strings.Contains(collapseSpaced(t), "报告")))
}

// collapseSpaced removes the spaces of a title spaced out for looks:
// 政 府 工 作 报 告 → 政府工作报告. Other text is returned as it is.
func collapseSpaced(t string) string {
	f := strings.Fields(t)
	if len(f) < 3 {
		return t
	}
	for _, w := range f {
		if utf8.RuneCountInString(w) != 1 {
			return t
		}
	}
	return strings.Join(f, "")
}

// isSubtitle reports whether a line is the subtitle: ——2024年1月27日在…会议上,
// or the same in brackets.
func isSubtitle(t string) bool {
	return isSubtitleStart(t) && strings.Contains(simplified(t), "会议") && utf8.RuneCountInString(t) <= 80
}

// isSubtitleStart reports whether a line starts the way a subtitle does:
// ——, a bracket, or the date itself (2026年1月27日在…).
func isSubtitleStart(t string) bool {
	return strings.HasPrefix(t, "—") || strings.HasPrefix(t, "―") || strings.HasPrefix(t, "--") ||
		strings.HasPrefix(t, "（") || datedRe.MatchString(t)
}

// isoDate writes a date YYYY-MM-DD, or "" when there is no such day
// (2024年2月30日 is a slip; the review asks for the date).
func isoDate(y, m, d string) string {
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	s := fmt.Sprintf("%s-%02d-%02d", y, mi, di)
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return ""
	}
	return s
}

// subtitleDate reads the day a subtitle names. A date that lost its 年 or
// 月 (2025228日) is read where only one reading names a real day, and
// reported; one with two readings (2021124日: 1月24日 or 12月4日) is left
// out and reported.
func (f *frontReader) subtitleDate(sub string) string {
	if d := dateRe.FindStringSubmatch(sub); d != nil {
		return isoDate(d[1], d[2], d[3])
	}
	m := lostDateRe.FindStringSubmatch(sub)
	if m == nil {
		return ""
	}
	var readings []string
	if m[4] != "" { // 20252月28日: only 年 lost
		if d := isoDate(m[1], m[3], m[5]); d != "" && m[5] != "" {
			readings = append(readings, d)
		}
	} else if m[5] == "" {
		for k := 1; k <= 2 && k < len(m[3]); k++ {
			if len(m[3])-k <= 2 {
				if d := isoDate(m[1], m[3][:k], m[3][k:]); d != "" {
					readings = append(readings, d)
				}
			}
		}
	}
	switch len(readings) {
	case 1:
		f.find(0, report.Warning, "date", "the subtitle's date %q lost its 年 or 月: read it as %s; check it", m[0], readings[0])
		return readings[0]
	case 0:
		f.find(0, report.Warning, "date", "the subtitle's date %q names no day: set date in the front matter", m[0])
	default:
		f.find(0, report.Warning, "date", "the subtitle's date %q lost its 年 or 月 and reads as %s: set date in the front matter",
			m[0], strings.Join(readings, " or "))
	}
	return ""
}

// fill takes the page's name for the report where no title was printed,
// derives the date from the subtitle and the year from the title, and
// copies the portal's metadata.
func (f *frontReader) fill() {
	m, src := f.meta, f.src
	if m.Title == "" {
		m.Title = cleanTitle(src.Title) // the page's name for the report, where it printed none
	}
	if d := f.subtitleDate(m.Subtitle); d != "" {
		m.Date = d // the subtitle's date is the day the report was given
	}
	meta := src.Meta
	m.IndexNo, m.Publisher, m.WrittenDate = meta["索引号"], meta["发布机构"], meta["成文日期"]
	m.PubDate, m.DocNo, m.Topic = meta["发布日期"], meta["文号"], meta["主题分类"]
	m.Disclosure, m.Validity = meta["公开方式"], meta["有效性"]
	m.Year = titleYear(m.Title, m.Date, m.WrittenDate, m.PubDate)
	if m.Year == 0 && len(m.Date) >= 4 {
		y, _ := strconv.Atoi(m.Date[:4])
		m.Year = y - 1 // a report given early in a year reviews the year before
	}
}

// titleYear returns the year a title names, or 0. A report given early in
// the year its title names (2021年政府工作报告, given in February 2021)
// reviews the year before; the date it was given tells, or else the dates
// the portal wrote and published it.
func titleYear(title, date, written, published string) int {
	y := yearRe.FindStringSubmatch(title)
	if y == nil {
		return 0
	}
	year := yearNumber(y[1])
	hint := date
	for _, d := range []string{written, published} {
		if hint == "" {
			hint = d
		}
	}
	if strings.HasPrefix(hint, strconv.Itoa(year)+"-0") && hint[5:7] <= "06" {
		year--
	}
	return year
}

// reviewedYear returns the year a report's review part names in its
// heading (一、2023年工作回顾), or 0: the surest sign of the year reviewed.
func reviewedYear(blocks []report.Block) int {
	for _, b := range blocks {
		if b.Kind.Level() == 0 || b.Kind.Level() > report.Section.Level() {
			continue
		}
		t := b.Title()
		if y := yearRe.FindStringSubmatch(t); y != nil && strings.Contains(simplified(t), "回顾") {
			return yearNumber(y[1])
		}
	}
	return 0
}

// openingYearRe is a paragraph that opens with the year it tells of:
// 2025年，是… 2024年，我镇….
var openingYearRe = regexp.MustCompile(`^(\d{4})\s*年(?:度)?[，,是以全我]`)

// openingYear returns the year the first paragraphs of a report open
// with, or 0: the year a summary without a dated title covers.
func openingYear(blocks []report.Block) int {
	n := 0
	for _, b := range blocks {
		if b.Kind != report.Paragraph {
			continue
		}
		if m := openingYearRe.FindStringSubmatch(strings.TrimSpace(b.Text)); m != nil {
			return yearNumber(m[1])
		}
		if n++; n == 3 {
			break
		}
	}
	return 0
}

// quotedReportRe is a report named in book-title marks, with its year:
// 现发布《青山镇2023年政府信息公开工作年度报告》.
var quotedReportRe = regexp.MustCompile(`《([^《》]{0,30}(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年[^《》]{0,30}(?:报告|報告|总结|總結))》`)

// quotedTitle takes as the title, where none was printed, the report the
// first paragraph names in book-title marks (根据…，现发布《…年度报告》), and
// the year it names; the paragraph keeps its words.
func (f *frontReader) quotedTitle(body []report.Block) []report.Finding {
	m := f.meta
	var first *report.Block
	for i := range body {
		if countHan(body[i].Content(), 1) > 0 {
			first = &body[i]
			break
		}
	}
	if m.Title != "" || first == nil || first.Kind != report.Paragraph {
		return nil
	}
	q := quotedReportRe.FindStringSubmatch(first.Text)
	if q == nil {
		return nil
	}
	m.Title = q[1]
	if m.Year == 0 {
		m.Year = titleYear(m.Title, m.Date, m.WrittenDate, m.PubDate)
	}
	return []report.Finding{{Line: first.Line, Level: report.Info, Code: "title",
		Message: fmt.Sprintf("no title printed: took %q, the report its first paragraph names", q[1])}}
}
