package outline

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
)

// A place is an administrative unit named by its short name and its kind:
// 木洞镇, 五角场街道, 汉滨区, 长沙县, 青海省; XX镇 or **县 where the name was
// withheld.
type unit struct {
	start, end int // byte offsets in the text it was found in
	level      int // 1 province … 4 township or street: the smaller the unit, the larger
	redacted   bool
}

// unitKinds are the kinds of unit, longest first, with their level.
var unitKinds = []struct {
	suffix string
	level  int
}{
	{"自治区", 1}, {"自治州", 2}, {"自治县", 3}, {"自治旗", 3}, {"街道", 4},
	{"镇", 4}, {"乡", 4}, {"县", 3}, {"区", 3}, {"旗", 3}, {"市", 2}, {"州", 2}, {"盟", 2}, {"省", 1},
}

// Words and characters that end a place's name on its left: the ends of
// organisations' names (政府, 办事处, 委员会) and of a meeting's (大会, 第…届
// …次), a year (2024年, 二〇二四年), 在 and 代表 (在青山镇…, 我代表青山镇…), 的.
var (
	nameStopWords = []string{"政府", "办事处", "委员会", "管委会", "大会", "党委", "党工委", "人大", "关于", "印发", "会议", "会议上", "大会上", "代表"}
	nameStopChars = "年的届次在、，。；：:,;"
	// namePrepositions come before a name (在青山镇…, 于…); they are not
	// part of it.
	namePrepositions = []string{"在", "于", "对", "向", "由", "从", "到", "把", "将", "和", "与", "及", "至", "经"}
)

// genericNames are one-character "names" that make a unit's kind a
// general word: 全县, 本镇, 我乡, 各区, 该市, 某县.
const genericNames = "全本我该各此每某"

// notUnit are a kind's character followed by what makes it an office or a
// body, not a place: 镇长, 区委, 县级, 县域.
const notUnit = "长委级域直属"

// genericUnits are words ending like a unit that name no place.
var genericUnits = map[string]bool{
	"乡镇": true, "城镇": true, "村镇": true, "集镇": true, "小镇": true, "重镇": true, "强镇": true, "名镇": true, "古镇": true,
	"城乡": true, "家乡": true, "下乡": true, "回乡": true, "老乡": true, "返乡": true, "故乡": true, "郡县": true,
	"社区": true, "小区": true, "园区": true, "景区": true, "库区": true, "山区": true, "片区": true, "辖区": true,
	"城区": true, "矿区": true, "林区": true, "牧区": true, "灾区": true, "街区": true, "校区": true, "专区": true,
	"市区": true, "县区": true, "城市": true, "都市": true, "超市": true, "上市": true, "股市": true, "闹市": true,
	"新区": true, "省市": true, "市县": true, "区县": true, "县市": true, "地区": true,
}

const maxName = 6 // characters in a place's name

// placeUnits returns the places a short text names, in order: 重庆市巴南区木洞镇
// gives 重庆市, 巴南区, 木洞镇. Traditional script is read as Simplified.
func placeUnits(text string) []unit {
	s := simplified(text)
	var out []unit
	prevEnd := 0
	for i := 0; i < len(s); {
		k, ok := unitAt(s, i)
		if !ok {
			_, w := utf8.DecodeRuneInString(s[i:])
			i += w
			continue
		}
		end := i + len(unitKinds[k].suffix)
		u, ok, general := nameBefore(s, prevEnd, i, end)
		if ok {
			u.level = unitKinds[k].level
			out = append(out, u)
		}
		if ok || general {
			prevEnd = end // a general word (全县) is no part of the next name: 全县地区 names none
		}
		i = end
	}
	return out
}

// unitAt reports whether a kind of unit ends a name at s[i:], and which.
func unitAt(s string, i int) (int, bool) {
	for k, uk := range unitKinds {
		if !strings.HasPrefix(s[i:], uk.suffix) {
			continue
		}
		after, _ := utf8.DecodeRuneInString(s[i+len(uk.suffix):])
		if strings.ContainsRune(notUnit, after) {
			return 0, false
		}
		if utf8.RuneCountInString(uk.suffix) == 1 {
			if _, next := unitAt(s, i+len(uk.suffix)); next && !strings.HasPrefix(s[i+len(uk.suffix):], "街道") {
				return 0, false // 杭州市, 乡镇: this character is part of the name
			}
		}
		return k, true
	}
	return 0, false
}

// nameBefore returns the unit whose name ends at i and whose kind ends at
// end, the name read leftwards no further than from; general reports a
// word that ends like a unit but names none (全县, 乡镇, 地区).
func nameBefore(s string, from, i, end int) (u unit, ok, general bool) {
	j, n := i, 0
	for j > from && !hasAnySuffix(s[:j], nameStopWords) {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		if !isNameRune(r) || strings.ContainsRune(nameStopChars, r) {
			break
		}
		j -= w
		if n++; n > maxName {
			return unit{}, false, false
		}
	}
	for _, p := range append([]string{"中共"}, namePrepositions...) {
		if strings.HasPrefix(s[j:i], p) {
			j += len(p)
		}
	}
	name := s[j:i]
	if name == "" {
		return unit{}, false, false
	}
	if genericUnits[s[j:end]] || utf8.RuneCountInString(name) == 1 && strings.Contains(genericNames, name) || onlyKinds(name) {
		return unit{}, false, true
	}
	return unit{start: j, end: end, redacted: isRedacted(name)}, true, false
}

// onlyKinds reports a name made of nothing but kinds of unit, perhaps
// after a word like 某 or 全: 某乡镇, 各县区.
func onlyKinds(name string) bool {
	_, w := utf8.DecodeRuneInString(name)
	if strings.Contains(genericNames, name[:w]) {
		name = name[w:]
	}
	for _, r := range name {
		if !strings.ContainsRune("乡镇县区市州旗盟省", r) {
			return false
		}
	}
	return true
}

func hasAnySuffix(s string, ws []string) bool {
	for _, w := range ws {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// isNameRune is a character of a place's name: Chinese, or the marks a
// withheld name is written with (XX, xx, ××, **).
func isNameRune(r rune) bool {
	return unicode.Is(unicode.Han, r) || strings.ContainsRune("XxＸｘ×*＊", r)
}

func isRedacted(name string) bool {
	return strings.TrimFunc(name, func(r rune) bool { return strings.ContainsRune("XxＸｘ×*＊", r) }) == ""
}

func isHanRune(r rune) bool { return unicode.Is(unicode.Han, r) }

// findPlace sets meta.Place to the smallest administrative unit the report
// is by or about, as its short name. The report's own front names it —
// title, the page's name for the report, subtitle, speaker, the notice's
// issuer; failing those, the portal's 发布机构 or the body's first
// sentences (我代表木洞镇人民政府…, 今年以来，合村乡…), which may also name
// the unit behind a front that withheld its name (XX县). A report to the
// 全国人民代表大会, or by the 国务院总理, is the whole country's: 全国. It
// reports a report whose place no text gives.
func findPlace(meta *report.Meta, front, fallback []string) []report.Finding {
	if isNational(meta) {
		meta.Place = nationalPlace
		return nil
	}
	best, from := bestUnit(front)
	if best == nil || best.redacted {
		if b, s := bestUnit(fallback); b != nil && (best == nil || b.level > best.level && !b.redacted) {
			best, from = b, s
		}
	}
	if best == nil {
		return []report.Finding{{Level: report.Warning, Code: "no-place",
			Message: "the place the report is by or about (镇, 乡, 街道, 县, 区…) is not named in its front: set place in the front matter"}}
	}
	meta.Place = from[best.start:best.end]
	return nil
}

// nationalPlace is the place of a report on the whole country.
const nationalPlace = "全国"

// premierRe is the office of the speaker of a report on the whole country:
// the Premier of the State Council, acting or not.
var premierRe = regexp.MustCompile(`^(?:国务院)?(?:代理|代)?总理`)

// isNational reports a report on the whole country: one given to the
// 全国人民代表大会 (its subtitle says so), or by the 国务院总理. No other
// government reports to that congress, and no other office is 总理.
func isNational(meta *report.Meta) bool {
	return strings.Contains(simplified(meta.Subtitle), "全国人民代表大会") || premierRe.MatchString(simplified(meta.Speaker))
}

// bestUnit returns the smallest unit the texts name, the first one of the
// first text among equals, and the text it is in.
func bestUnit(texts []string) (*unit, string) {
	var best *unit
	var from string
	for _, t := range texts {
		for _, u := range placeUnits(t) {
			if best == nil || u.level > best.level || u.level == best.level && best.redacted && !u.redacted {
				u := u
				best, from = &u, t
			}
		}
	}
	return best, from
}

// actorSentences returns, from the first paragraphs of a report, the words
// that may name who speaks: the body in 我代表木洞镇人民政府, and a unit
// opening a clause (今年以来，合村乡紧紧围绕…).
func actorSentences(blocks []report.Block) []string {
	var out []string
	n := 0
	for _, b := range blocks {
		if b.Kind != report.Paragraph || !strings.ContainsAny(b.Text, "，。") {
			continue // the first paragraphs with sentences
		}
		t := b.Text
		if k := strings.Index(t, "我代表"); k >= 0 {
			rest := t[k+len("我代表"):]
			if e := strings.IndexAny(rest, "，。,"); e > 0 {
				out = append(out, rest[:e])
			}
		}
		out = append(out, clauseStarts(t)...)
		if n++; n == 3 {
			break
		}
	}
	return out
}

// clauseWords are characters of the words a clause may open with before
// a kind of place that are no place's name: 我受镇人民政府委托.
const clauseWords = "我你他她们受被请让使把将对向为以从到是的了着过也都还就又再很更最不没所而且或但在于和与及有"

// clauseStarts returns the units that open a clause of the first 80
// characters of s: 合村乡 in 今年以来，合村乡紧紧围绕….
func clauseStarts(s string) []string {
	var out []string
	limit := runeIndex(s, 80)
	for i := 0; i < limit; {
		j := strings.IndexAny(s[i:limit], "，。；,")
		var c string
		if j < 0 {
			c, i = s[i:limit], limit
		} else {
			_, w := utf8.DecodeRuneInString(s[i+j:])
			c, i = s[i:i+j], i+j+w
		}
		if us := placeUnits(c); len(us) > 0 && us[0].start == 0 && !strings.ContainsAny(c[:us[0].end], clauseWords) {
			out = append(out, c[:us[0].end])
		}
	}
	return out
}

// placeSources lists the texts of a report's front that may name its place.
func (f *frontReader) placeSources(notice []report.Block) []string {
	out := append([]string{f.meta.Title}, f.pageTitles...)
	out = append(out, cleanTitle(f.src.Title), f.meta.Subtitle, f.speakerLine)
	for i, b := range notice {
		if i == 3 {
			break
		}
		if noticeHead(b.Text) {
			out = append(out, b.Text)
		}
	}
	return out
}

// noticeHead reports a line of a notice's head: the issuer, or its title
// up to 关于.
func noticeHead(t string) bool {
	return strings.Contains(t, "关于印发") || isOrgLine(t)
}
