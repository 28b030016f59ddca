package site

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/govreport/govreport/internal/testcorpus"
)

// A report in govreport's own Markdown form, for Build (which reads
// content back into the document model).
const govContent = `
-- content/reports/2023-qingshan-zhen/index.md --
+++
title = "2023年青山镇政府工作报告"
date = 2024-01-27
year = 2023
place = "青山镇"
slug = "2023-qingshan-zhen"
+++

## 一、2023年工作回顾

全年完成财政收入1200万元，同比增长5.6%。

**一是经济发展稳中向好**。规模以上工业总产值XX亿元。
{#mine}
`

// TestBuildFillsAnchorsAndData: Build writes the anchors into content, the
// indicator data file, and the downloads next to the page.
func TestBuildFillsAnchorsAndData(t *testing.T) {
	root := siteProject(t, govContent)
	out := filepath.Join(root, "public")
	if err := Build(context.Background(), BuildOptions{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	md := read(t, root, "content/reports/2023-qingshan-zhen/index.md")
	assertContains(t, "content", md, "## 一、2023年工作回顾 {#s1}", "5.6%。\n{#s1-p1}", "XX亿元。\n{#mine}")
	assertContains(t, "data", read(t, root, "data/indicators/2023-qingshan-zhen.json"), `"label": "财政收入"`, `"anchor": "s1-p1"`, `"redacted": true`)
	csv := read(t, out, "reports/2023-qingshan-zhen/indicators.csv")
	if !strings.HasPrefix(csv, "\ufeff") {
		t.Error("indicators.csv has no BOM: Excel would garble its Chinese text")
	}
	read(t, out, "reports/2023-qingshan-zhen/indicators.json")
	if read(t, out, "reports/2023-qingshan-zhen/index.md") != md {
		t.Error("the Markdown download differs from the content file")
	}
}

// TestBuildFailureKeepsLastSite: a build that fails (here a broken
// template) names the file and leaves the previous site exactly as it was,
// with no temporary directory left behind.
func TestBuildFailureKeepsLastSite(t *testing.T) {
	root := siteProject(t, govContent)
	out := filepath.Join(root, "public")
	if err := Build(context.Background(), BuildOptions{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	if err := os.WriteFile(filepath.Join(root, "layouts", "reports", "page.html"), []byte("{{ define \"main\" }}{{ .Nope }}{{ end }}"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Build(context.Background(), BuildOptions{Root: root, Out: out})
	if err == nil || !strings.Contains(err.Error(), "page.html") {
		t.Fatalf("want an error naming page.html, got %v", err)
	}
	if after := snapshot(t, out); after != before {
		t.Error("a failed build changed the published site")
	}
	left, _ := filepath.Glob(filepath.Join(root, ".public-new-*"))
	if len(left) > 0 {
		t.Errorf("temporary build dirs left: %v", left)
	}
}

// snapshot lists every file under dir with its content.
func snapshot(t *testing.T, dir string) string {
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		b.WriteString(p + "\n" + string(data) + "\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestColumnsDescribed: the report page links to a description of every
// column of the indicators CSV it offers for download (on the home page, so
// that report pages do not each carry it).
func TestColumnsDescribed(t *testing.T) {
	root := seedRoot(t)
	out := filepath.Join(root, "public")
	csv := read(t, out, "reports/2023-xx-zhen/indicators.csv")
	page := read(t, out, "reports/2023-xx-zhen.html")
	if !strings.Contains(page, "href=../index.html#sj>") {
		t.Fatal("report page does not link to the data description ../index.html#sj")
	}
	home := read(t, out, "index.html")
	_, desc, ok := strings.Cut(home, "id=sj>")
	if !ok {
		t.Fatal("home page has no #sj")
	}
	header := strings.Split(strings.TrimPrefix(strings.SplitN(csv, "\n", 2)[0], "\ufeff"), ",")
	if len(header) < 10 {
		t.Fatalf("csv header %q", header)
	}
	for _, col := range header {
		if !strings.Contains(desc, "<th scope=row>"+col+"<td>") {
			t.Errorf("column %q is not described on the home page", col)
		}
	}
}

// TestBuildFailureChangesNothing: a build that fails after importing (here a
// source that is no report) leaves content/ and data/ as they were; files
// in sources/ that import does not read are passed over.
func TestBuildFailureChangesNothing(t *testing.T) {
	root := siteProject(t, `
-- sources/README.md --
Reports to import go here.
-- sources/a.txt --
2023年青山镇政府工作报告
各位代表：
现在，我代表青山镇人民政府向大会报告工作，请予审议。
一、2023年工作回顾
全年完成财政收入1200万元，同比增长5.6%。
-- sources/z.txt --
hello, this is no report
`)
	out := filepath.Join(root, "public")
	err := Build(context.Background(), BuildOptions{Root: root, Out: out})
	if err == nil || !strings.Contains(err.Error(), "z.txt") {
		t.Fatalf("want an error naming z.txt, got %v", err)
	}
	for _, dir := range []string{"content", "data", "public"} {
		if _, err := os.Stat(filepath.Join(root, dir)); err == nil {
			t.Errorf("a failed build wrote %s/", dir)
		}
	}
	if err := os.Remove(filepath.Join(root, "sources", "z.txt")); err != nil {
		t.Fatal(err)
	}
	if err := Build(context.Background(), BuildOptions{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	read(t, root, "content/reports/2023-qingshan-zhen/index.md")
	read(t, root, "data/indicators/2023-qingshan-zhen.json")
}

// TestBuildSameSlug: two sources of one report would make one page; the
// build says so instead of dropping one silently.
func TestBuildSameSlug(t *testing.T) {
	report := "2023年青山镇政府工作报告\n各位代表：\n一、2023年工作回顾\n全年完成财政收入1200万元，同比增长5.6%，圆满完成各项任务。\n"
	root := siteProject(t, "-- sources/a.txt --\n"+report+"-- sources/b.txt --\n"+report)
	err := Build(context.Background(), BuildOptions{Root: root, Out: filepath.Join(root, "public")})
	if err == nil || !strings.Contains(err.Error(), "a.txt") || !strings.Contains(err.Error(), "b.txt") {
		t.Fatalf("want an error naming both sources, got %v", err)
	}
}

// TestBuildSourceImportedOnce: a source imported under a name of the
// editor's choosing (import --slug) is not imported again by build, and a
// new source that would take the page of another source's report is an
// error, not passed over.
func TestBuildSourceImportedOnce(t *testing.T) {
	report := "2023年青山镇政府工作报告\n各位代表：\n一、2023年工作回顾\n全年完成财政收入1200万元，同比增长5.6%，圆满完成各项任务。\n"
	renamed := strings.Replace(govContent, `slug = "2023-qingshan-zhen"`, "slug = \"qs\"\nsource = \"a.txt\"", 1)
	renamed = strings.Replace(renamed, "content/reports/2023-qingshan-zhen/", "content/reports/qs/", 1)
	root := siteProject(t, renamed, "-- sources/a.txt --\n"+report)
	out := filepath.Join(root, "public")
	if err := Build(context.Background(), BuildOptions{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "content", "reports", "2023-qingshan-zhen")); err == nil {
		t.Error("a.txt, imported before as reports/qs, was imported again")
	}
	taken := strings.Replace(govContent, `slug = "2023-qingshan-zhen"`, "slug = \"2023-qingshan-zhen\"\nsource = \"old.docx\"", 1)
	root = siteProject(t, taken, "-- sources/a.txt --\n"+report)
	err := Build(context.Background(), BuildOptions{Root: root, Out: filepath.Join(root, "public")})
	if err == nil || !strings.Contains(err.Error(), "old.docx") || !strings.Contains(err.Error(), "--slug") {
		t.Errorf("want an error naming old.docx and the way out, got %v", err)
	}
}

// TestBuildPlacelessSlugs: reports whose place is unknown get page names
// from their files, so two of them do not collide on one name.
func TestBuildPlacelessSlugs(t *testing.T) {
	report := "政府工作报告\n各位代表：\n一、2023年工作回顾\n全年完成财政收入1200万元，同比增长5.6%，圆满完成各项任务。\n"
	root := siteProject(t, "-- sources/02_shencun.txt --\n"+report+"-- sources/沙沟.txt --\n"+report)
	if err := Build(context.Background(), BuildOptions{Root: root, Out: filepath.Join(root, "public")}); err != nil {
		t.Fatal(err)
	}
	for _, slug := range []string{"2023-02-shencun", "2023-shagou"} {
		if _, err := os.Stat(filepath.Join(root, "content", "reports", slug, "index.md")); err != nil {
			t.Errorf("no reports/%s: %v", slug, err)
		}
	}
}

// TestDownloadsKeepNumbers: the minified JSON download holds the same
// records as the data file, numbers written as integers where they are.
func TestDownloadsKeepNumbers(t *testing.T) {
	root := seedRoot(t)
	pub := read(t, filepath.Join(root, "public"), "reports/2023-xx-zhen/indicators.json")
	data := read(t, filepath.Join(root, "data", "indicators"), "2023-xx-zhen.json")
	if m := regexp.MustCompile(`\d[eE][+-]?\d`).FindString(pub); m != "" {
		t.Errorf("download has a number in exponent form: %q", m)
	}
	var a, b []map[string]any
	if err := json.Unmarshal([]byte(pub), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(data), &b); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) || len(a) < 100 {
		t.Errorf("download (%d records) differs from the data file (%d)", len(a), len(b))
	}
}

// TestBuildPathBaseURL: --baseURL with a path alone (the issue's
// /xxgk/zfgzbg/) gives absolute canonical links, sitemap and robots.txt
// entries on the portal's domain (params.sitedomain); a value that is
// neither a path nor an address is refused before anything is written.
func TestBuildPathBaseURL(t *testing.T) {
	root := seedRoot(t)
	out := filepath.Join(t.TempDir(), "public")
	if err := Build(context.Background(), BuildOptions{Root: root, Out: out, BaseURL: "/xxgk/zfgzbg/"}); err != nil {
		t.Fatal(err)
	}
	const abs = "https://www.example.gov.cn/xxgk/zfgzbg/"
	assertContains(t, "report page", read(t, out, "reports/2023-xx-zhen.html"), "<link rel=canonical href="+abs+"reports/2023-xx-zhen.html>")
	assertContains(t, "sitemap", read(t, out, "sitemap.xml"), "<loc>"+abs+"reports/2023-xx-zhen.html</loc>", "! <loc>/")
	assertContains(t, "robots.txt", read(t, out, "robots.txt"), "Sitemap: "+abs+"sitemap.xml")
	err := Build(context.Background(), BuildOptions{Root: root, Out: filepath.Join(t.TempDir(), "p"), BaseURL: "xxgk/zfgzbg"})
	if err == nil || !strings.Contains(err.Error(), "--baseURL") {
		t.Errorf("a baseURL that is no path: %v", err)
	}
}

// TestBuildErrorNamesProjectFile: an error in a content file names the
// project's file and line, not the temporary copy the build works on.
func TestBuildErrorNamesProjectFile(t *testing.T) {
	bad := strings.Replace(govContent, "year = 2023", "year = 2023x", 1)
	root := siteProject(t, bad)
	err := Build(context.Background(), BuildOptions{Root: root, Out: filepath.Join(root, "public")})
	want := filepath.Join(root, "content", "reports", "2023-qingshan-zhen", "index.md") + ":4: front matter"
	if err == nil || !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), ".public-new-") {
		t.Errorf("err = %v\nwant it to start %s", err, want)
	}
}

// TestHomeNewestFirst: the home page lists the newest year's reports, and
// links every year reviewed, newest first; a report imported without a
// date sorts by its year. Each year's page lists its reports.
func TestHomeNewestFirst(t *testing.T) {
	report := func(slug, year, date string) string {
		r := strings.NewReplacer("2023-qingshan-zhen", slug, "year = 2023", "year = "+year, "date = 2024-01-27", date)
		return r.Replace(govContent)
	}
	root := writeTxtar(t, report("a", "2022", "date = 2023-02-01"), report("b", "2024", ""), report("c", "2023", "date = 2024-01-27"), report("d", "2024", "date = 2025-01-20"))
	if err := testcorpus.Project(root, false); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "public")
	if err := Build(context.Background(), BuildOptions{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	matches := func(page, re string) string {
		var order []string
		for _, m := range regexp.MustCompile(re).FindAllStringSubmatch(read(t, out, page), -1) {
			order = append(order, m[1])
		}
		return strings.Join(order, " ")
	}
	if got := matches("index.html", `reports/([a-d])\.html`); got != "d b" {
		t.Errorf("home lists %v, want d (2024, dated) and b (2024, undated)", got)
	}
	if got := matches("index.html", `years/(\d+)\.html`); got != "2024 2023 2022" {
		t.Errorf("home links the years %v", got)
	}
	for year, want := range map[string]string{"2024": "b d", "2023": "c", "2022": "a"} { // by place, then date
		if got := matches("years/"+year+".html", `reports/([a-d])\.html`); got != want {
			t.Errorf("years/%s.html lists %v, want %v", year, got, want)
		}
	}
	// Every report's page is two clicks from home: home → its year → it.
	assertContains(t, "place", read(t, out, "places/qingshan-zhen.html"), "reports/a.html", "reports/b.html", "reports/c.html", "reports/d.html")
	assertContains(t, "report c", read(t, out, "reports/c.html"), "上一年度：<a href=../reports/a.html>", "下一年度：<a href=../reports/b.html>")
}

// TestBuildBadContent: a date the page cannot show and a report file in the
// wrong place stop the build with the file (and line) to fix.
func TestBuildBadContent(t *testing.T) {
	bad := strings.Replace(govContent, `slug = "2023-qingshan-zhen"`, "slug = \"2023-qingshan-zhen\"\npub_date = \"2023/2/30\"", 1)
	root := siteProject(t, bad)
	err := Build(context.Background(), BuildOptions{Root: root, Out: filepath.Join(root, "public")})
	want := filepath.Join(root, "content", "reports", "2023-qingshan-zhen", "index.md") + ":7: error: pub_date"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("err = %v\nwant it to start %s", err, want)
	}
	root = siteProject(t, govContent, "-- content/reports/loose.md --\n+++\ntitle = \"x\"\n+++\n")
	err = Build(context.Background(), BuildOptions{Root: root, Out: filepath.Join(root, "public")})
	if err == nil || !strings.Contains(err.Error(), "loose.md") || !strings.Contains(err.Error(), "<slug>/index.md") {
		t.Errorf("loose content/reports/loose.md: err = %v", err)
	}
}

// TestBuildNoTitle: a report whose title the import did not find gets a
// plain one from its place on every page, never an empty link or heading,
// and the review names the missing title.
func TestBuildNoTitle(t *testing.T) {
	untitled := strings.NewReplacer(`title = "2023年青山镇政府工作报告"`, `title = ""`).Replace(govContent)
	root := writeTxtar(t, untitled)
	if err := testcorpus.Project(root, false); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "public")
	log := buildLogged(t, root, out)
	assertContains(t, "report page", read(t, out, "reports/2023-qingshan-zhen.html"),
		"<h1>青山镇政府工作报告</h1>", "<title>青山镇政府工作报告（2023年）_", `<meta name=ArticleTitle content="青山镇政府工作报告">`)
	assertContains(t, "home", read(t, out, "index.html"), ">青山镇政府工作报告</a>")
	if !strings.Contains(log, "no-title") {
		t.Errorf("review does not name the missing title:\n%s", log)
	}
}

// TestBuildLegacyContent: content written before front matter named its
// source is matched to the source by title and date, so a page name made
// by newer rules does not import the same report again.
func TestBuildLegacyContent(t *testing.T) {
	report := "2023年青山镇政府工作报告\n——2023年2月1日在青山镇第二届人民代表大会第二次会议上\n各位代表：\n一、2022年工作回顾\n全年完成财政收入1200万元，同比增长5.6%，圆满完成各项任务。\n"
	old := strings.NewReplacer("date = 2024-01-27", "date = 2023-02-01", "content/reports/2023-qingshan-zhen/", "content/reports/old-name/").Replace(govContent)
	root := siteProject(t, old, "-- sources/a.txt --\n"+report)
	if err := Build(context.Background(), BuildOptions{Root: root, Out: filepath.Join(root, "public")}); err != nil {
		t.Fatal(err)
	}
	if dirs, _ := filepath.Glob(filepath.Join(root, "content", "reports", "*")); len(dirs) != 1 {
		t.Errorf("reports %v: the source of reports/old-name was imported again", dirs)
	}
}

// TestBuildFooterWithoutRegistration: a portal without an ICP or 公安
// number shows no empty link for it.
func TestBuildFooterWithoutRegistration(t *testing.T) {
	root := seedRoot(t)
	cfg := read(t, root, "config.toml")
	cfg = regexp.MustCompile(`(?m)^(icp|psb) = ".*"`).ReplaceAllString(cfg, `$1 = ""`)
	mustWrite(t, filepath.Join(root, "config.toml"), []byte(cfg))
	out := filepath.Join(root, "public")
	if err := Build(context.Background(), BuildOptions{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	assertContains(t, "footer", read(t, out, "index.html"), "! beian.", "网站标识码：0000000000</footer>")
}

// TestBuildNoHeadings: a report whose text has no headings (a copy cut
// short) has no empty contents list.
func TestBuildNoHeadings(t *testing.T) {
	flat := strings.Replace(govContent, "## 一、2023年工作回顾\n", "", 1)
	root := writeTxtar(t, flat)
	if err := testcorpus.Project(root, false); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "public")
	if err := Build(context.Background(), BuildOptions{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	assertContains(t, "report page", read(t, out, "reports/2023-qingshan-zhen.html"), "! aria-labelledby=toc", "! 目录", "全年完成财政收入")
}

// TestFigureWording: a figure reads as the report says it: 预计 before the
// direction of change, a unit the text left out noted.
func TestFigureWording(t *testing.T) {
	c := strings.Replace(govContent, "全年完成财政收入1200万元，同比增长5.6%。", "全年地区生产总值预计同比增长6.5%，规模以上工业增加值同比增长8。", 1)
	root := writeTxtar(t, c)
	if err := testcorpus.Project(root, false); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "public")
	buildLogged(t, root, out)
	assertContains(t, "report page", read(t, out, "reports/2023-qingshan-zhen.html"), ">预计增长6.5%<", "增长8<small>原文未写单位</small>")
}

// TestWriteBackKeepsEdits: a content file an editor saves while a build
// runs is not overwritten with the build's older copy of it.
func TestWriteBackKeepsEdits(t *testing.T) {
	root := t.TempDir()
	loose := "+++\ntitle = \"2023年青山镇政府工作报告\"\n+++\n\n全年完成财政收入1200万元。\n"
	for _, slug := range []string{"a", "b"} {
		mustWrite(t, filepath.Join(root, "content", "reports", slug, "index.md"), []byte(loose))
	}
	pages, _, err := readContent(root, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(10 * time.Millisecond)                                                                // a later modification time
	mustWrite(t, filepath.Join(root, "content", "reports", "b", "index.md"), []byte("the editor's")) // saved meanwhile
	if _, err := writeBack(root, pages, nil); err != nil {
		t.Fatal(err)
	}
	if got := read(t, root, "content/reports/a/index.md"); !strings.Contains(got, "{#p1}") {
		t.Errorf("a: %q, want the build's canonical copy", got)
	}
	if got := read(t, root, "content/reports/b/index.md"); got != "the editor's" {
		t.Errorf("b: %q, want the editor's save kept", got)
	}
}

// TestBuildOutTrailingSlash: -o public/ works on the second build too, and
// the data file of a report that is gone is removed.
func TestBuildOutTrailingSlash(t *testing.T) {
	root := siteProject(t, govContent, "-- data/indicators/old.json --\n[]\n")
	out := filepath.Join(root, "public") + "/"
	for i := 0; i < 2; i++ {
		if err := Build(context.Background(), BuildOptions{Root: root, Out: out}); err != nil {
			t.Fatalf("build %d: %v", i+1, err)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "data", "indicators", "old.json")); err == nil {
		t.Error("data of a report that is gone was kept")
	}
}

// TestBuildShowsHugoWarnings: what Hugo logs reaches the build's log.
func TestBuildShowsHugoWarnings(t *testing.T) {
	root := siteProject(t, govContent)
	home := filepath.Join(root, "layouts", "home.html")
	data, _ := os.ReadFile(home)
	if err := os.WriteFile(home, append([]byte(`{{ warnf "TESTWARN" }}`), data...), 0o644); err != nil {
		t.Fatal(err)
	}
	log := buildLogged(t, root, filepath.Join(root, "public"))
	if !strings.Contains(log, "TESTWARN") {
		t.Errorf("Hugo's warning is not in the log:\n%s", log)
	}
}

// TestBuildNoDate: a report whose date is unknown shows no 0001-01-01, and
// the review names the missing date.
func TestBuildNoDate(t *testing.T) {
	root := writeTxtar(t, strings.Replace(govContent, "date = 2024-01-27\n", "", 1))
	if err := testcorpus.Project(root, false); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "public")
	log := buildLogged(t, root, out)
	for _, page := range []string{"index.html", "reports/2023-qingshan-zhen.html"} {
		if strings.Contains(read(t, out, page), "0001") {
			t.Errorf("%s shows the zero date", page)
		}
	}
	if !strings.Contains(log, "no-date") {
		t.Errorf("review does not name the missing date:\n%s", log)
	}
}

// buildLogged builds root into out, failing the test on an error, and
// returns what the build logged.
func buildLogged(t *testing.T, root, out string) string {
	t.Helper()
	var log strings.Builder
	logf := func(format string, args ...any) { log.WriteString(fmt.Sprintf(format, args...) + "\n") }
	if err := Build(context.Background(), BuildOptions{Root: root, Out: out, Logf: logf}); err != nil {
		t.Fatal(err)
	}
	return log.String()
}

// siteProject lays out a project in a temporary directory: the
// repository's config.toml, layouts/ and static/, and the given txtar
// archives, which may replace any of them.
func siteProject(t testing.TB, archives ...string) string {
	t.Helper()
	root := t.TempDir()
	if err := testcorpus.Project(root, false); err != nil {
		t.Fatal(err)
	}
	for _, a := range archives {
		for _, f := range txtar.Parse([]byte(a)).Files {
			mustWrite(t, filepath.Join(root, filepath.FromSlash(f.Name)), f.Data)
		}
	}
	return root
}

// TestBuildSourceURL: a source listed in sources/SOURCES.tsv gets its
// address in the front matter of the report imported from it, and the
// report page names it.
func TestBuildSourceURL(t *testing.T) {
	report := "2023年青山镇政府工作报告\n各位代表：\n一、2023年工作回顾\n全年完成财政收入1200万元，同比增长5.6%，圆满完成各项任务。\n"
	root := siteProject(t, "-- sources/a.txt --\n"+report+"-- sources/SOURCES.tsv --\nfile\tsource_url\twhat\tnotes\na.txt\thttps://www.example.gov.cn/qs/2023.html\t青山镇 2023\twhole\n")
	out := filepath.Join(root, "public")
	buildLogged(t, root, out)
	assertContains(t, "content", read(t, root, "content/reports/2023-qingshan-zhen/index.md"), `source_url = "https://www.example.gov.cn/qs/2023.html"`)
	assertContains(t, "page", read(t, out, "reports/2023-qingshan-zhen.html"), "https://www.example.gov.cn/qs/2023.html")
}
