package markdown

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/govreport/govreport/internal/indicator"
	"github.com/govreport/govreport/internal/outline"
	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/source"
	"github.com/govreport/govreport/internal/testcorpus"
)

var update = flag.Bool("update", false, "rewrite golden files")

// inputs returns every report input of the repository's tests.
func inputs(t *testing.T) map[string][]byte {
	t.Helper()
	in, err := testcorpus.Inputs()
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func importDoc(t *testing.T, name string, data []byte) *report.Doc {
	t.Helper()
	src, err := source.Read(name, data)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := outline.Build(src)
	doc.Meta.Slug = outline.Slug(doc.Meta.Year, doc.Meta.Place)
	return doc
}

func withoutLines(d *report.Doc) *report.Doc {
	c := *d
	c.Blocks = append([]report.Block(nil), d.Blocks...)
	for i := range c.Blocks {
		c.Blocks[i].Line = 0
	}
	return &c
}

// TestRoundTrip: Parse(Write(doc)) == doc for every input, and writing the
// parsed doc again gives the same bytes.
func TestRoundTrip(t *testing.T) {
	for name, data := range inputs(t) {
		doc := importDoc(t, name, data)
		md := Write(doc)
		back, err := Parse(name, md)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(withoutLines(back), withoutLines(doc)) {
			t.Errorf("%s: Parse(Write(doc)) != doc:\n%s", name, firstBlockDiff(doc, back))
		}
		// import → fmt is a no-op: nothing left to normalise or to number.
		if fs := append(outline.Normalize(back), outline.FillIDs(back)...); len(fs) > 0 {
			t.Errorf("%s: fmt would still change %v", name, fs[0])
		}
		if again := Write(back); !bytes.Equal(again, md) {
			t.Errorf("%s: writing the parsed doc changed the bytes", name)
		}
	}
}

func firstBlockDiff(a, b *report.Doc) string {
	if a.Meta != b.Meta {
		return "meta: " + strings.Join([]string{a.Meta.Title, b.Meta.Title}, " | ")
	}
	for i := range min(len(a.Blocks), len(b.Blocks)) {
		x, y := a.Blocks[i], b.Blocks[i]
		x.Line, y.Line = 0, 0
		if !reflect.DeepEqual(x, y) {
			return strings.Join([]string{"want", x.Kind.String(), x.Marker, x.Lead, x.Text, x.ID, "\ngot ", y.Kind.String(), y.Marker, y.Lead, y.Text, y.ID}, " | ")
		}
	}
	return fmt.Sprintf("block count %d vs %d", len(a.Blocks), len(b.Blocks))
}

// TestLines: blocks read back carry the line of the Markdown file they
// start on, so lint can point at them.
func TestLines(t *testing.T) {
	md := Write(importDoc(t, "seed", inputs(t)["seed"]))
	doc, err := Parse("x.md", md)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(md), "\n")
	for _, b := range doc.Blocks {
		l := lines[b.Line-1]
		if b.Kind == report.Part && !strings.HasPrefix(l, "## "+b.Marker) || b.Kind == report.Paragraph && !strings.HasPrefix(l, b.Text[:6]) {
			t.Errorf("block %s at line %d, which is %q", b.ID, b.Line, l)
		}
	}
}

// TestEscape: text that looks like Markdown or HTML stays text.
func TestEscape(t *testing.T) {
	tests := []string{
		"<script>alert(1)</script>财政收入**万元",
		"1. 这不是列表",
		"# 不是标题",
		"- 不是列表",
		"{#s9} 不是属性",
		"_ 下划线 _ 和 ***",
		"A | B | C",
		"&amp; 与 &#x4e00; 不是实体",
		"[链接](http://example.com) 与 ![图](x.png)",
		"`代码` 与 \\ 反斜杠",
		"> 不是引用",
		"见 https://x.example.com/a 、 www.x.example.com 和 a@x.example.com 。", // no autolinks (issue 8 item 7)
	}
	for _, text := range tests {
		doc := &report.Doc{Blocks: []report.Block{{Kind: report.Paragraph, Text: text, ID: "p1"}}}
		md := Write(doc)
		back, err := Parse("t.md", md)
		if err != nil {
			t.Fatal(err)
		}
		if len(back.Blocks) != 1 || back.Blocks[0].Text != text {
			t.Errorf("%q came back as %+v", text, back.Blocks)
		}
		var html bytes.Buffer
		gm := goldmark.New(goldmark.WithExtensions(extension.Table, blockAttributes{}))
		_, body, _, _ := splitFront(md)
		if err := gm.Convert(body, &html); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(html.String(), "<script") || strings.Contains(html.String(), "<a ") || strings.Contains(html.String(), "<ol") {
			t.Errorf("%q renders as markup: %s", text, html.String())
		}
	}
}

// TestHandTyped: markup an editor types into a content file by hand (raw
// HTML, a link, an HTML block, emphasis) is the report's text: Parse keeps
// it as written, and the canonical file fmt writes shows it as text.
func TestHandTyped(t *testing.T) {
	tests := map[string]string{
		"测试段落<script>alert(1)</script>和<b>x</b>结束。": "测试段落<script>alert(1)</script>和<b>x</b>结束。",
		"见[通知](http://example.com/a)与![图](x.png)。":  "见[通知](http://example.com/a)与![图](x.png)。",
		"<script>\nalert(1)\n</script>":             "<script> alert(1) </script>",
		"<div>\n一段\n</div>":                         "<div>一段</div>",
		"中*间*与`代码`与<http://example.com>。":           "中*间*与`代码`与<http://example.com>。",
	}
	tests["见[通知](http://example.com/a \"标题\")与<http://x.cn>。"] = "见[通知](http://example.com/a \"标题\")与<http://x.cn>。"
	tests["_斜_与__粗__与``a`b``与`a\\*b`"] = "_斜_与__粗__与``a`b``与`a\\*b`"
	for in, want := range tests {
		doc, err := Parse("t.md", []byte("+++\ntitle = \"x\"\n+++\n\n"+in+"\n"))
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		if len(doc.Blocks) != 1 || doc.Blocks[0].Text != want {
			t.Errorf("%q read as %+v, want the text %q", in, doc.Blocks, want)
			continue
		}
		back, err := Parse("t.md", Write(doc))
		if err != nil || back.Blocks[0].Text != want {
			t.Errorf("%q: the canonical file reads back as %+v (%v)", in, back.Blocks, err)
		}
	}
}

// TestHandTypedKeepsIDs: an {#id} line after an HTML block stays the
// block's id, and a point's lead stays its lead when its text holds markup.
func TestHandTypedKeepsIDs(t *testing.T) {
	doc, err := Parse("t.md", []byte("+++\ntitle = \"x\"\n+++\n\n<div>一段</div>\n{#p3}\n\n**一是抓项目**。见[通知](u \"t\")。\n{#s1-1}\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []report.Block{
		{Kind: report.Paragraph, Text: "<div>一段</div>", ID: "p3"},
		{Kind: report.Point, Marker: "一是", Lead: "抓项目。", Text: "见[通知](u \"t\")。", ID: "s1-1"},
	}
	if got := withoutLines(doc).Blocks; !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// TestHTMLBlockIDs (issue 8 item 13): the {#id} line after any kind of
// raw HTML block stays that block's id, as written; it was dropped after
// the blocks a closing line ends ({#praw0} became p1_2).
func TestHTMLBlockIDs(t *testing.T) {
	for _, raw := range []string{
		"<div>一段</div>", "<b>一段</b>", "<!-- 注 -->", "<script>x</script>", "<pre>\n一段\n</pre>",
		"<style>p{}</style>", "<?php x ?>", "<!DOCTYPE html>", "<![CDATA[ x ]]>",
	} {
		in := "+++\ntitle = \"x\"\n+++\n\n第一段\n{#p1}\n\n" + raw + "\n{#praw0}\n\n第二段\n{#p2}\n"
		doc, err := Parse("t.md", []byte(in))
		if err != nil {
			t.Errorf("%q: %v", raw, err)
			continue
		}
		if fs := outline.Tidy(doc); len(fs) > 0 {
			t.Errorf("%q: %v", raw, fs)
		}
		var ids []string
		for _, b := range doc.Blocks {
			ids = append(ids, b.ID)
		}
		if want := []string{"p1", "praw0", "p2"}; !reflect.DeepEqual(ids, want) {
			t.Errorf("%q: ids %v, want %v", raw, ids, want)
		}
	}
}

// TestFrontValues: values an editor writes without quotes are read, not
// dropped; a value of the wrong kind is an error at its line.
func TestFrontValues(t *testing.T) {
	doc, err := Parse("t.md", []byte("+++\ntitle = \"x\"\ndate = 2024-01-05T10:00:00+08:00\nyear = \"2023\"\npub_date = 2024-01-10\n+++\n\n正文。\n"))
	if err != nil {
		t.Fatal(err)
	}
	if m := doc.Meta; m.Date != "2024-01-05" || m.Year != 2023 || m.PubDate != "2024-01-10" {
		t.Errorf("meta %+v", m)
	}
	_, err = Parse("t.md", []byte("+++\ntitle = \"x\"\ndoc_no = 12\n+++\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "t.md:3: front matter: doc_no = 12") {
		t.Errorf("doc_no = 12: %v", err)
	}
	if _, err := Parse("t.md", append([]byte("\ufeff"), "+++\ntitle = \"x\"\n+++\n"...)); err != nil {
		t.Errorf("a file with a UTF-8 signature: %v", err)
	}
}

// TestGolden compares the seed's Markdown with the reviewed file in
// testdata; run with -update after a reviewed change.
func TestGolden(t *testing.T) {
	md := Write(importDoc(t, "seed", inputs(t)["seed"]))
	golden := filepath.Join("testdata", "seed.md")
	if *update {
		if err := os.WriteFile(golden, md, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(md, want) {
		t.Errorf("seed Markdown differs from %s; review the change and run go test -update", golden)
	}
}

func TestParseErrors(t *testing.T) {
	tests := map[string]string{
		"no front matter": "# 标题\n",
		"unclosed":        "+++\ntitle = \"x\"\n",
		"bad toml":        "+++\ntitle = \n+++\n",
		"list":            "+++\ntitle = \"x\"\n+++\n\n- 列表\n",
		"h1":              "+++\ntitle = \"x\"\n+++\n\n# 一级\n",
	}
	for name, in := range tests {
		if _, err := Parse("bad.md", []byte(in)); err == nil || !strings.Contains(err.Error(), "bad.md") {
			t.Errorf("%s: err = %v, want an error naming the file", name, err)
		}
	}
	// Where the line is known, the error gives the file's own line.
	for in, want := range map[string]string{
		"+++\ntitle = \"x\"\nyear = 2023x\n+++\n":              `bad.md:3: front matter: toml: strings must be quoted in "year = 2023x"`,
		"+++\ntitle = \"x\"\n\nvalidity = 有效\n+++\n":           `bad.md:4: front matter: toml: unexpected character at start of value in "validity = 有效"`,
		"+++\ntitle = \"x\"\n+++\n\n第一段\n\n\xb8\xf7\xce\xbb\n": "bad.md:7: not UTF-8 text",
	} {
		if _, err := Parse("bad.md", []byte(in)); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%q: err = %v, want %s…", in, err, want)
		}
	}
}

// TestFrontDates (issue 8 item 9): dates written as a person would, quoted
// or not, are read and then written YYYY-MM-DD with a finding at their
// line; a value that names no day is refused at its line with the form
// expected; Write never writes a date TOML cannot read.
func TestFrontDates(t *testing.T) {
	for _, tt := range []struct{ written, want string }{
		{`"2024/01/27"`, "2024-01-27"}, {`2024/1/27`, "2024-01-27"}, {`"2024.1.27"`, "2024-01-27"},
		{`2024.01.27`, "2024-01-27"}, {`2024年1月27日`, "2024-01-27"}, {`"2024 年 1 月 27 日"`, "2024-01-27"},
		{`"２０２４年１月２７日"`, "2024-01-27"}, {`二〇二四年一月二十七日`, "2024-01-27"}, {`"2024-1-7"`, "2024-01-07"},
		{`2024/1/27 # 大会开幕`, "2024-01-27"}, {`'2024/1/27'`, "2024-01-27"},
	} {
		for _, key := range []string{"date", "written_date", "pub_date"} {
			in := "+++\ntitle = \"x\"\n" + key + " = " + tt.written + "\n+++\n\n正文。\n"
			doc, err := Parse("d.md", []byte(in))
			if err != nil {
				t.Errorf("%s = %s: %v", key, tt.written, err)
				continue
			}
			fs := outline.Tidy(doc)
			FrontFindings([]byte(in), fs)
			if len(fs) != 1 || fs[0].Line != 3 || fs[0].Code != "date" {
				t.Errorf("%s = %s: findings %v, want one date finding at line 3", key, tt.written, fs)
			}
			out := Write(doc)
			if !strings.Contains(string(out), "\n"+key+" = ") || !strings.Contains(string(out), tt.want) {
				t.Errorf("%s = %s: written as\n%s", key, tt.written, out)
			}
			if back, err := Parse("d.md", out); err != nil || back.Meta != doc.Meta {
				t.Errorf("%s = %s: the written file reads back as %+v, %v", key, tt.written, back, err)
			}
		}
	}
	// date, the page's date to Hugo, is refused by the reader; the portal's
	// dates are text to Hugo, and the review reports them as errors.
	for _, bad := range []string{`"2024/13/01"`, `2024年2月30日`, `"去年"`, `"2024年1月"`, `2024/1/27/5`} {
		in := "+++\ntitle = \"x\"\nyear = 2023\ndate = " + bad + "\n+++\n\n正文。\n"
		_, err := Parse("d.md", []byte(in))
		if want := "d.md:4: front matter: date = "; err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "YYYY-MM-DD") {
			t.Errorf("date = %s: err = %v, want %s… YYYY-MM-DD", bad, err, want)
		}
		for _, key := range []string{"written_date", "pub_date"} {
			in := "+++\ntitle = \"x\"\nyear = 2023\n" + key + " = " + bad + "\n+++\n\n正文。\n"
			doc, err := Parse("d.md", []byte(in))
			if err != nil {
				t.Errorf("%s = %s: %v", key, bad, err)
				continue
			}
			fs := outline.Review(doc)
			FrontFindings([]byte(in), fs)
			found := false
			for _, f := range fs {
				found = found || f.Code == "meta-date" && f.Level == report.Error && f.Line == 4 && strings.Contains(f.Message, "YYYY-MM-DD")
			}
			if !found {
				t.Errorf("%s = %s: no meta-date error at line 4 in %v", key, bad, fs)
			}
			if _, err := Parse("d.md", Write(doc)); err != nil {
				t.Errorf("%s = %s: written as invalid TOML: %v", key, bad, err)
			}
		}
	}
	// A date that reached the model unread is still written as valid TOML.
	doc := &report.Doc{Meta: report.Meta{Title: "x", Date: "2024年1月"}}
	if _, err := Parse("w.md", Write(doc)); err == nil || !strings.Contains(err.Error(), "w.md:3: front matter: date") {
		t.Errorf("a bad date written and read back: %v", err)
	}
}

// TestControlCharacters (issue 8 item 12): a control character anywhere in
// a content file, raw or written as a TOML escape, is an error at its line;
// tab is text.
func TestControlCharacters(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"+++\ntitle = \"x\"\n+++\n\n第一段\n\n第\x00二段\n", "c.md:7: control character U+0000"},
		{"+++\ntitle = \"x\"\n+++\n\n第一段\x1b[31m\n", "c.md:5: control character U+001B"},
		{"+++\ntitle = \"x\"\n+++\n\n| a | b\x7f |\n| --- | --- |\n", "c.md:5: control character U+007F"},
		{"+++\ntitle = \"x\"\n+++\n\n引号\u0093错\n", "c.md:5: control character U+0093"},
		{"+++\ntitle = \"x\x0c\"\n+++\n", "c.md:2: control character U+000C"},
		{"+++\ntitle = \"x\"\nspeaker = \"镇长\\u0000\"\n+++\n", "c.md:3: front matter: speaker: control character U+0000"},
	} {
		_, err := Parse("c.md", []byte(tt.in))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: err = %v, want %s…", tt.in, err, tt.want)
		}
		if _, err := ParseMeta("c.md", []byte(tt.in)); err == nil {
			t.Errorf("%q: ParseMeta took it", tt.in)
		}
	}
	if _, err := Parse("c.md", []byte("+++\ntitle = \"x\"\n+++\n\n一\t段\r\n")); err != nil {
		t.Errorf("tab and CRLF: %v", err)
	}
}

// TestParseLimits (issue 8 item 18): content over MaxContent and a
// paragraph over outline.MaxParagraph are refused, a paragraph at its line;
// more than indicator.MaxFigures figures are left to the caller's check.
func TestParseLimits(t *testing.T) {
	front := "+++\ntitle = \"x\"\n+++\n\n第一段。\n{#p1}\n\n"
	var figures strings.Builder
	for i := 0; i <= indicator.MaxFigures; i++ {
		fmt.Fprintf(&figures, "第%d村完成投资%d万元；", i, 100+i)
		if i%500 == 499 {
			figures.WriteString("。\n\n")
		}
	}
	big := front + strings.Repeat("正文。\n\n", MaxContent/len("正文。\n\n"))
	for _, tt := range []struct{ name, in, want string }{
		{"content", big, fmt.Sprintf("l.md: %d bytes is too large for a report's content", len(big))},
		{"paragraph", front + strings.Repeat("正文", outline.MaxParagraph/6+1) + "\n", "l.md:8: a paragraph of"},
	} {
		_, err := Parse("l.md", []byte(tt.in))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: err = %.200v, want %s…", tt.name, err, tt.want)
		}
	}
	doc, err := Parse("l.md", []byte(front+figures.String()+"。\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := indicator.CheckLimit("l.md", doc); err == nil || !strings.HasPrefix(err.Error(), "l.md: 10001 figures") {
		t.Errorf("figures: err = %.200v", err)
	}
}

// FuzzEscape: any text in a paragraph, a lead, a heading or a table cell
// comes back from Parse(Write(doc)) unchanged: nothing in a report is taken
// for Markdown.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"<b>粗</b>", "**XX**万元", "1. 列表", "`a` [b](c) \\*", "| a | b |", "{#x}", "&lt;", "_x_",
		"，", "。a", "”我", "“两强一增”", "（一）", "——"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.TrimSpace(strings.ToValidUTF8(s, ""))
		if s == "" || strings.ContainsAny(s, "\n\r\x00") || strings.ContainsRune(s, '\uFFFD') ||
			strings.IndexFunc(s, func(r rune) bool { return r < 0x20 && r != '\t' || r >= 0x7f && r < 0xa0 }) >= 0 {
			return // control characters are refused by Parse (TestControlCharacters)
		}
		doc := &report.Doc{Blocks: []report.Block{
			{Kind: report.Part, Marker: "一、", Lead: s, ID: "s1"},
			{Kind: report.Paragraph, Text: s, ID: "s1-p1"},
			{Kind: report.Point, Marker: "一是", Lead: s + "。", Text: s, ID: "s1-1"},
			{Kind: report.Table, Rows: [][]string{{"指标", s}}, ID: "s1-t1"},
		}}
		back, err := Parse("f.md", Write(doc))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(withoutLines(back).Blocks, doc.Blocks) {
			t.Fatalf("%q came back as %+v", s, back.Blocks)
		}
	})
}

// TestNotice: the paragraphs of a transmittal notice printed before a
// report are saved as paragraphs with the class notice in their attribute
// line, come back as notice blocks, and render as <p id="n1" class="notice">.
func TestNotice(t *testing.T) {
	doc := &report.Doc{Blocks: []report.Block{
		{Kind: report.Notice, Text: "青山县人民政府关于印发2024年政府工作报告的通知", ID: "n1"},
		{Kind: report.Notice, Text: "青政〔2024〕5号", ID: "n2"},
		{Kind: report.Notice, Text: "1. 不是列表，*也不是强调*", ID: "n3"},
		{Kind: report.Paragraph, Text: "各位代表：", ID: "p1"},
	}}
	md := Write(doc)
	for _, want := range []string{"\n青政〔2024〕5号\n{#n2 .notice}\n", "\n各位代表：\n{#p1}\n"} {
		if !bytes.Contains(md, []byte(want)) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	back, err := Parse("t.md", md)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(withoutLines(back).Blocks, doc.Blocks) {
		t.Errorf("came back as %+v", back.Blocks)
	}
	var html bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.Table, blockAttributes{}))
	_, body, _, _ := splitFront(md)
	if err := gm.Convert(body, &html); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<p id="n1" class="notice">青山县人民政府`, `<p id="n3" class="notice">1. 不是列表，*也不是强调*</p>`, `<p id="p1">各位代表：</p>`} {
		if !strings.Contains(html.String(), want) {
			t.Errorf("HTML lacks %s:\n%s", want, html.String())
		}
	}
}
