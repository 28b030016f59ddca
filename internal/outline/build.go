package outline

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/source"
	"github.com/govreport/govreport/internal/typo"
)

// Build normalises the typography of a decoded source and finds its
// structure. The findings list every normalisation made and everything odd
// left in the text, with source line numbers.
func Build(src *source.Source) (*report.Doc, []report.Finding) {
	paras, findings := normalise(src.Paras)
	doc := &report.Doc{}
	paras, front := readFront(&doc.Meta, src, paras)
	findings = append(findings, front...)
	b := builder{parenSections: startsAny(paras, "（一）", "(一)"), lineParts: startsAny(paras, "一、")}
	heads := headingLines(paras)
	for i, p := range paras {
		b.addPara(p, heads[i])
	}
	doc.Blocks = b.blocks
	if y := reviewedYear(doc.Blocks); y != 0 {
		doc.Meta.Year = y
	}
	findings = append(findings, b.findings...)
	findings = append(findings, FillIDs(doc)...)
	findings = append(findings, Check(doc)...)
	report.SortFindings(findings)
	return doc, findings
}

// startsAny reports whether a paragraph starts with one of the prefixes.
func startsAny(paras []source.Para, prefixes ...string) bool {
	for _, p := range paras {
		for _, pre := range prefixes {
			if strings.HasPrefix(strings.TrimSpace(p.Text), pre) {
				return true
			}
		}
	}
	return false
}

// normalise applies typo.Normalize to every paragraph and turns its changes
// into findings at the right source lines. Line breaks inside a paragraph
// (a .docx soft break) become paragraph breaks.
func normalise(in []source.Para) ([]source.Para, []report.Finding) {
	out := make([]source.Para, 0, len(in))
	var fs []report.Finding
	for _, p := range in {
		if p.Rows != nil {
			fs = append(fs, normaliseCells(p)...)
			out = append(out, p)
			continue
		}
		for _, piece := range splitLines(p) {
			text, changes := typo.Normalize(piece.Text)
			q := piece.Rewrite(text, shift(changes))
			fs = append(fs, changeFindings(text, changes, q.LineAt)...)
			out = append(out, q)
		}
	}
	return out, fs
}

// normaliseCells normalises a table's cells in place, joining the lines of
// a cell with spaces (a Markdown table cell is one line), and reports each
// change at the table's line.
func normaliseCells(p source.Para) []report.Finding {
	var fs []report.Finding
	at := func(int) int { return p.Line }
	for _, row := range p.Rows {
		for i, c := range row {
			if strings.Contains(c, "\n") {
				c = strings.ReplaceAll(c, "\n", " ")
				fs = append(fs, report.Finding{Line: p.Line, Level: report.Info, Code: "space",
					Message: fmt.Sprintf("the lines of table cell %q joined with spaces", around(c, 0))})
			}
			text, changes := typo.Normalize(c)
			fs = append(fs, changeFindings(text, changes, at)...)
			row[i] = text
		}
	}
	return fs
}

// splitLines cuts a paragraph at its line breaks, dropping empty pieces.
func splitLines(p source.Para) []source.Para {
	if !strings.Contains(p.Text, "\n") {
		return []source.Para{p}
	}
	var out []source.Para
	start := 0
	for i := 0; i <= len(p.Text); i++ {
		if i == len(p.Text) || p.Text[i] == '\n' {
			if strings.TrimSpace(p.Text[start:i]) != "" {
				out = append(out, p.Slice(start, i))
			}
			start = i + 1
		}
	}
	return out
}

func changeFindings(text string, changes []typo.Change, lineAt func(int) int) []report.Finding {
	fs := make([]report.Finding, 0, len(changes))
	for _, c := range changes {
		fs = append(fs, report.Finding{Line: lineAt(c.Off), Level: report.Info, Code: c.Code,
			Message: fmt.Sprintf("%q → %q in %q", c.Old, c.New, around(text, c.Off))})
	}
	return fs
}

// Normalize puts the text of a report read back from Markdown into
// canonical typography, and its dates in the form YYYY-MM-DD, reporting
// each change at its block's line.
func Normalize(doc *report.Doc) []report.Finding {
	fs := normalizeDates(&doc.Meta)
	at := func(line int) func(int) int { return func(int) int { return line } }
	norm := func(s *string, line int) {
		t, changes := typo.Normalize(*s)
		fs = append(fs, changeFindings(t, changes, at(line))...)
		*s = t
	}
	norm(&doc.Meta.Title, 0)
	norm(&doc.Meta.Subtitle, 0)
	norm(&doc.Meta.Speaker, 0)
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		norm(&b.Lead, b.Line)
		norm(&b.Text, b.Line)
		for _, row := range b.Rows {
			for j := range row {
				norm(&row[j], b.Line)
			}
		}
	}
	return fs
}

// shift maps offsets in a text before changes to offsets after them.
func shift(changes []typo.Change) func(int) int {
	return func(old int) int {
		delta := 0
		for _, c := range changes {
			if c.Off-delta >= old { // c starts at or after old, in old coordinates
				break
			}
			delta += len(c.New) - len(c.Old)
		}
		return old + delta
	}
}

// around quotes up to ten runes either side of byte offset off.
func around(s string, off int) string {
	i, j := off, off
	for n := 0; n < 10 && i > 0; n++ {
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
	}
	for n := 0; n < 10 && j < len(s); n++ {
		_, w := utf8.DecodeRuneInString(s[j:])
		j += w
	}
	return s[i:j]
}

var (
	yearRe = regexp.MustCompile(`(\d{4}|[〇零○一二三四五六七八九]{4})\s*年`)
	dateRe = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	// A date line of its own, possibly with the month and day left blank
	// (2014年 月 日), as a speech's front may carry one.
	dateLineRe = regexp.MustCompile(`^(\d{4})\s*年\s*(\d{0,2})\s*月\s*(\d{0,2})\s*日$`)
	// The speaker: an office (镇长, 省长, 街道办事处主任 …), perhaps after the
	// body that holds it and before a name; an acting or candidate holder too.
	speakerRe = regexp.MustCompile(`^[\p{Han}XxＸ×、]{0,24}?(?:代理)?(?:省长|自治区主席|主席|市长|州长|盟长|县长|区长|旗长|镇长|乡长|主任)(?:候选人)?[\s　]*[\p{Han}XxＸ×·]{0,5}$`)
	nameRe    = regexp.MustCompile(`^\p{Han}{2,4}$`)
	// The place a subtitle names: 在青山镇第十八届人民代表大会…
	subtitlePlaceRe = regexp.MustCompile(`在(\p{Han}{2,16}?(?:街道|镇|乡|县|区|市|州|旗|盟|省|自治区))(?:第[一二三四五六七八九十\d]+届)?人民代表大会`)
)

// notName lists words that make a short line a heading, not a speaker's name.
var notName = []string{"工作", "回顾", "安排", "计划", "目标", "任务", "建设", "发展", "报告", "代表", "会议", "一年", "以来"}

// readFront takes the title, subtitle, speaker and date lines off the front
// of the text into meta and returns the paragraphs that remain.
func readFront(meta *report.Meta, src *source.Source, paras []source.Para) ([]source.Para, []report.Finding) {
	meta.Date = src.Date
	paras, fs := readTitle(meta, src, paras)
	afterSubtitle := false
	for len(paras) > 0 && paras[0].Rows == nil {
		t := strings.TrimSpace(paras[0].Text)
		next := ""
		if len(paras) > 1 {
			next = strings.TrimSpace(paras[1].Text)
		}
		switch {
		case meta.Subtitle == "" && isSubtitleStart(t):
			sub, n := joinSubtitle(paras)
			if !isSubtitle(sub) {
				return paras, append(fs, fillMeta(meta, src)...)
			}
			if n > 1 {
				fs = append(fs, report.Finding{Line: paras[1].Line, Level: report.Info, Code: "space",
					Message: fmt.Sprintf("the subtitle's %d lines joined: %q", n, sub)})
			}
			sub, speaker := splitSpeaker(sub)
			if speaker != "" && meta.Speaker == "" {
				meta.Speaker = speaker
			}
			meta.Subtitle, paras, afterSubtitle = sub, paras[n-1:], true
		case meta.Speaker == "" && isSpeaker(t, afterSubtitle, next):
			meta.Speaker = t
		case meta.Subtitle == "" && dateLineRe.MatchString(t):
			meta.Subtitle = t // a date line in the subtitle's place
			fs = append(fs, frontDate(meta, t, paras[0].Line)...)
			afterSubtitle = true
		default:
			return paras, append(fs, fillMeta(meta, src)...)
		}
		paras = paras[1:]
	}
	return paras, append(fs, fillMeta(meta, src)...)
}

// joinSubtitle returns the subtitle that starts paras, with the short lines
// it was wrapped onto (…第三次会议 / 上), and how many paragraphs it takes.
func joinSubtitle(paras []source.Para) (string, int) {
	sub, n := strings.TrimSpace(paras[0].Text), 1
	for ; n < len(paras) && n < 3 && paras[n].Rows == nil && !subtitleEnds(sub); n++ {
		t := strings.TrimSpace(paras[n].Text)
		if utf8.RuneCountInString(t) > 30 || strings.HasPrefix(t, salutation) || speakerRe.MatchString(simplified(t)) {
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

// readTitle takes the title off the front of the text: the first
// paragraph, or the start of it (a sharing site's page run together).
func readTitle(meta *report.Meta, src *source.Source, paras []source.Para) ([]source.Para, []report.Finding) {
	var fs []report.Finding
	if len(paras) == 0 || paras[0].Rows != nil {
		return paras, fs
	}
	if t := strings.TrimSpace(paras[0].Text); isTitlePara(paras[0]) || isTitleLine(t) {
		if meta.Title = collapseSpaced(t); meta.Title != t {
			fs = append(fs, report.Finding{Line: paras[0].Line, Level: report.Info, Code: "space",
				Message: fmt.Sprintf("spaced-out title %q written as %q", t, meta.Title)})
		}
		return paras[1:], fs
	}
	if t, rest := splitTitle(paras[0].Text, src.Title); t != "" {
		meta.Title = t
		paras[0] = paras[0].Slice(len(paras[0].Text)-len(rest), len(paras[0].Text))
		if rest == "" {
			paras = paras[1:]
		}
	}
	return paras, fs
}

// isTitleLine reports whether a line of text reads as a report's title: a
// short line naming a report, with no sentence punctuation.
func isTitleLine(t string) bool {
	c := simplified(collapseSpaced(t))
	return strings.HasSuffix(c, "报告") && utf8.RuneCountInString(c) <= 40 && !strings.ContainsAny(c, "。，：:！？|")
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
		(strings.HasPrefix(next, salutation) || dateLineRe.MatchString(next))
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
func frontDate(meta *report.Meta, t string, line int) []report.Finding {
	d := dateLineRe.FindStringSubmatch(t)
	if iso := isoDate(d[1], d[2], d[3]); d[2] != "" && d[3] != "" && iso != "" {
		if meta.Date == "" {
			meta.Date = iso
		}
		return nil
	}
	return []report.Finding{{Line: line, Level: report.Warning, Code: "no-date",
		Message: fmt.Sprintf("the date line %q names no day: set date in the front matter", t)}}
}

// splitTitle finds the report's title at the start of text: the title a
// sharing site named, or a short first line that names a report. It returns
// the title and the rest of the text.
func splitTitle(text, named string) (title, rest string) {
	if named != "" && strings.HasPrefix(text, named) {
		return named, text[len(named):]
	}
	head := text[:runeIndex(text, maxHeading)]
	if i := strings.Index(head, salutation); i > 0 && strings.Contains(head[:i], "报告") {
		return text[:i], text[i:]
	}
	if head == text && strings.Contains(text, "报告") && !strings.ContainsAny(text, "。，") {
		return text, ""
	}
	return "", text
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
	return strings.HasPrefix(t, "—") || strings.HasPrefix(t, "―") || strings.HasPrefix(t, "（") || datedRe.MatchString(t)
}

// datedRe is a line that starts with a date and where it was said.
var datedRe = regexp.MustCompile(`^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在`)

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

// fillMeta derives year and place from the title and copies the portal's
// metadata, where the source had a metadata table. It reports a date that
// only the portal's 成文日期 gave.
func fillMeta(meta *report.Meta, src *source.Source) []report.Finding {
	if meta.Title == "" {
		meta.Title = src.Title
	}
	if d := dateRe.FindStringSubmatch(meta.Subtitle); d != nil && isoDate(d[1], d[2], d[3]) != "" {
		meta.Date = isoDate(d[1], d[2], d[3]) // the subtitle's date is the day the report was given
	}
	if y := yearRe.FindStringSubmatch(meta.Title); y != nil {
		meta.Year = yearNumber(y[1])
		if strings.HasPrefix(meta.Date, strconv.Itoa(meta.Year)+"-0") && meta.Date[5:7] <= "06" {
			meta.Year-- // 2021年政府工作报告, given in February 2021, reviews 2020
		}
	} else if len(meta.Date) >= 4 {
		y, _ := strconv.Atoi(meta.Date[:4])
		meta.Year = y - 1 // a report given early in a year reviews the year before
	}
	meta.Place = placeOf(meta.Title)
	if p := subtitlePlaceRe.FindStringSubmatchIndex(simplified(meta.Subtitle)); meta.Place == "" && p != nil {
		meta.Place = meta.Subtitle[p[2]:p[3]] // as written: simplified keeps the offsets
	}
	m := src.Meta
	meta.IndexNo, meta.Publisher, meta.WrittenDate = m["索引号"], m["发布机构"], m["成文日期"]
	meta.PubDate, meta.DocNo, meta.Topic = m["发布日期"], m["文号"], m["主题分类"]
	meta.Disclosure, meta.Validity = m["公开方式"], m["有效性"]
	if meta.Date != "" && meta.Date == m["成文日期"] && dateRe.FindString(meta.Subtitle) == "" {
		return []report.Finding{{Level: report.Info, Code: "date-source",
			Message: fmt.Sprintf("date %s is the portal's 成文日期, as no subtitle gives the day the report was given: check it", meta.Date)}}
	}
	return nil
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

// simplified returns s with its Traditional characters in Simplified form,
// byte for byte as long (typo.Fold): the front of a report written in
// Traditional script (泥河鎮人民政府工作報告) reads as the same words.
func simplified(s string) string {
	f, _ := typo.Fold(s)
	return f
}

// placeOf returns the place a title names: 2023年XX镇政府工作报告 → XX镇.
func placeOf(title string) string {
	t := yearRe.ReplaceAllString(title, "")
	for _, suffix := range []string{"人民政府工作报告", "政府工作报告", "工作报告", "报告"} {
		if i := strings.Index(simplified(t), suffix); i >= 0 {
			t = t[:i]
			break
		}
	}
	t = strings.TrimFunc(t, func(r rune) bool { return !unicode.Is(unicode.Han, r) && !unicode.IsLetter(r) })
	if slices.Contains(adminSuffixes, simplified(t)) {
		return "" // 镇人民政府2021年工作报告 names no place
	}
	return t
}

// LooksLikeReport reports whether a document is a report at all: enough
// Chinese text, and a title or the report's own numbering.
func LooksLikeReport(doc *report.Doc) bool {
	han := countHan(doc.Meta.Title, 20)
	for _, b := range doc.Blocks {
		han += countHan(b.Content(), 20-han)
	}
	if han < 20 {
		return false
	}
	if doc.Meta.Title != "" {
		return true
	}
	for _, b := range doc.Blocks {
		if b.Kind.Level() > 0 {
			return true
		}
	}
	return false
}

// Import reads a report from a source file's bytes — text or .docx — and
// returns its document, slug filled in, with every finding about it: the
// reader's (wrappers removed) and the outline's, in line order.
func Import(name string, data []byte) (*report.Doc, []report.Finding, error) {
	src, err := source.Read(name, data)
	if err != nil {
		return nil, nil, err
	}
	doc, fs := Build(src)
	if !LooksLikeReport(doc) {
		return nil, nil, fmt.Errorf("%s: no report found: too little Chinese text, and no title or numbered parts; is this the right file?", name)
	}
	if err := CheckLimits(name, doc); err != nil {
		return nil, nil, err
	}
	doc.Meta.Source = filepath.Base(name)
	doc.Meta.Slug = Slug(doc.Meta.Year, doc.Meta.Place)
	if doc.Meta.Place == "" { // a page name from the file's, not a bare year or "report"
		doc.Meta.Slug = fileSlug(doc.Meta.Year, strings.TrimSuffix(doc.Meta.Source, filepath.Ext(name)))
	}
	fs = append(src.Findings, fs...)
	report.SortFindings(fs)
	return doc, fs, nil
}

// countHan counts the Chinese characters in s, stopping at limit.
func countHan(s string, limit int) int {
	n := 0
	for _, r := range s {
		if n >= limit {
			break
		}
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// Tidy puts a report read back from Markdown in canonical form, as fmt and
// build write it: typography normalised, missing anchors filled in. It
// returns the changes made and any anchor used twice.
func Tidy(doc *report.Doc) []report.Finding {
	return append(Normalize(doc), FillIDs(doc)...)
}

// Review tidies a report read back from Markdown and checks it: everything
// lint lists for content, in line order.
func Review(doc *report.Doc) []report.Finding {
	fs := append(Tidy(doc), Check(doc)...)
	report.SortFindings(fs)
	return fs
}

// yearNumber reads a year written in digits or in Chinese numerals
// (二〇二三 → 2023).
func yearNumber(s string) int {
	n := 0
	for _, r := range s {
		d := strings.IndexRune("〇一二三四五六七八九", r) / 3
		switch {
		case r >= '0' && r <= '9':
			d = int(r - '0')
		case r == '零' || r == '○':
			d = 0
		}
		n = n*10 + d
	}
	return n
}
